/**
 * Spelling alphabets for reading an address back on the phone. Callers may pass their own.
 *
 * Swedish: the Swedish spelling alphabet (svenska bokstaveringsalfabetet) as used by Swedish
 * authorities and armed forces, with Å, Ä and Ö. English: the ICAO/NATO radiotelephony
 * alphabet (ICAO Annex 10, Volume II, §5.2.1.3), spelled as ICAO spells it (Alfa, Juliett).
 */
export interface SpellingAlphabet {
  /** Code word per lower-case letter. */
  readonly letters: Readonly<Record<string, string>>;
  /** How each digit is said. */
  readonly digits: readonly string[];
  /** Names of the symbols an address can contain. */
  readonly symbols: Readonly<Record<string, string>>;
  /** `{letter} {as in} {word}`: the joining phrase. */
  readonly asIn: string;
  /** What to say for a capital letter before its letter, when case is spelled out. */
  readonly capital: string;
}

/**
 * The Swedish spelling alphabet (Adam, Bertil, Cesar … Åke, Ärlig, Östen), digits and symbols
 * named in Swedish: what `spellAddress` uses for `locale: 'sv'`.
 *
 * @example
 * ```ts
 * swedishSpellingAlphabet.letters.ö; // 'Östen'
 * spellAddress('ö@x.se', { alphabet: { ...swedishSpellingAlphabet, asIn: 'som i ordet' } });
 * ```
 */
export const swedishSpellingAlphabet: SpellingAlphabet = {
  letters: {
    a: 'Adam',
    b: 'Bertil',
    c: 'Cesar',
    d: 'David',
    e: 'Erik',
    f: 'Filip',
    g: 'Gustav',
    h: 'Helge',
    i: 'Ivar',
    j: 'Johan',
    k: 'Kalle',
    l: 'Ludvig',
    m: 'Martin',
    n: 'Niklas',
    o: 'Olof',
    p: 'Petter',
    q: 'Qvintus',
    r: 'Rudolf',
    s: 'Sigurd',
    t: 'Tore',
    u: 'Urban',
    v: 'Viktor',
    w: 'Wilhelm',
    x: 'Xerxes',
    y: 'Yngve',
    z: 'Zäta',
    å: 'Åke',
    ä: 'Ärlig',
    ö: 'Östen',
  },
  digits: ['noll', 'ett', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio'],
  symbols: {
    '@': 'snabel-a',
    '.': 'punkt',
    '-': 'bindestreck',
    _: 'understreck',
    '+': 'plus',
    "'": 'apostrof',
  },
  asIn: 'som i',
  capital: 'stort',
};

/**
 * The ICAO/NATO radiotelephony alphabet (Alfa, Bravo … Zulu), digits and symbols named in
 * English: what `spellAddress` uses for `locale: 'en'`.
 *
 * @example
 * ```ts
 * natoSpellingAlphabet.letters.j; // 'Juliett'
 * ```
 */
export const natoSpellingAlphabet: SpellingAlphabet = {
  letters: {
    a: 'Alfa',
    b: 'Bravo',
    c: 'Charlie',
    d: 'Delta',
    e: 'Echo',
    f: 'Foxtrot',
    g: 'Golf',
    h: 'Hotel',
    i: 'India',
    j: 'Juliett',
    k: 'Kilo',
    l: 'Lima',
    m: 'Mike',
    n: 'November',
    o: 'Oscar',
    p: 'Papa',
    q: 'Quebec',
    r: 'Romeo',
    s: 'Sierra',
    t: 'Tango',
    u: 'Uniform',
    v: 'Victor',
    w: 'Whiskey',
    x: 'X-ray',
    y: 'Yankee',
    z: 'Zulu',
  },
  digits: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
  symbols: {
    '@': 'at',
    '.': 'dot',
    '-': 'hyphen',
    _: 'underscore',
    '+': 'plus',
    "'": 'apostrophe',
  },
  asIn: 'as in',
  capital: 'capital',
};
