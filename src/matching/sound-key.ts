/**
 * A phonetic key for provider names as Swedish and English speakers spell them by ear: a customer
 * says "gmail" on the phone and the salesperson types `dschimejl`, `jimejl` or `gmejl`; "Yahoo"
 * becomes `jaahoo`, "Com Hem" `kommhemm`, "iCloud" `aicloud` or `ajkloud`, "Hotmail" `hotmejl`.
 *
 * General phonetic codes do not fit the job. Double Metaphone (Philips 2000) is English: it drops
 * every vowel but the first, so `yahoo` keys as a bare `A` (as `aha` and `ohio` do), and it knows
 * neither Swedish `j` for English "y" nor `mejl`. Cologne phonetics (Postel 1969) is German and also
 * drops the vowels, so `telia`, `tala` and `tele` share a key; neither reads a leading letter by its
 * name (the `g` of gmail is said "jee"). Provider names are short, so their vowels carry much of
 * what tells them apart; this key keeps three vowel classes and folds only the spellings that
 * Swedish and English speakers use for the same sound:
 *
 * - Letter names: a first `g` or `i` before a consonant is said as the letter's name, "jee"
 *   (`gmail`, `gmx`) and "eye" (`icloud`), so it keys as `ji` and `aj`.
 * - The "j" sound: English `j`, soft `g` (before e, i, y; Swedish soft g also before ä, ö), `dj`,
 *   `dsch`, `dsj`, `dzh`, `dz` and consonantal `y` (Swedish writes English "y" as `j`: `jaahoo`) are one
 *   class. Swedish spelling of English sounds: `dsch` and `dj` are how a Swede writes the English
 *   "j" of "gee" (Svenska Akademiens ordlista writes loanwords so: `djungel`, `dschinn`).
 * - Vowels, one class per nucleus: front (e, i, y, ä and the glides ai, ay, ei, ej, ey, aj:
 *   English "ay" in "mail" is Swedish `ej` or `äj`, the "eye" of icloud `aj`), open (a, aa and a + h, the
 *   Swedish and German way of marking a long a: `jaahoo`, `baanhof`), and back or rounded (o, u,
 *   å, ö and oo, ou, au, ow: Swedish `u` for English "oo" in `outluk`, `ou` for the "o" of hot in
 *   `houtmejl`, `au` for the "ou" of cloud in `ajklaud`). A vowel followed by another that forms no
 *   digraph starts a new nucleus (`telia` is not `tele`).
 * - Consonants spelt several ways: c before e, i, y is s, otherwise k, as are ck, q and k; x is ks;
 *   z is s; ph is f; w is v (Swedish reads w as v); th is t; sch, sh, sj, stj, skj, tj, kj and ch
 *   are one "sh" class. An h after a vowel and before a consonant is silent (it lengthens the
 *   vowel: `bahnhof`); elsewhere it is said.
 * - The "eye" diphthong is a class of its own (`aj`, `eye`, a first `i`; `ai` as a Swede reads it),
 *   so `live` ("lajv") is not `liv`; {@link soundKeys} also gives the English reading of `ai`.
 * - An i before another vowel glides as a j (`telja` for `telia`); English "magic e": a final e
 *   after one consonant is silent and makes the vowel long (`gmale`, `live`).
 * - Swedish speech drops a d before b and after a final n (`brebann` for `bredband`).
 * - Doubled letters sound as one (`kk`, `mm`: `kommhemm` is `komhem`); hyphens are not said.
 *
 * The key is a string of class letters; two spellings with the same key sound alike.
 *
 * @example
 * ```ts
 * soundKey('dschimejl') === soundKey('gmail'); // true
 * soundKey('jaahoo') === soundKey('yahoo');    // true
 * soundKey('jamal') === soundKey('gmail');     // false
 * ```
 */
export function soundKey(name: string): string {
  const text = fold(name);
  const out: string[] = [];
  const push = (symbol: string) => {
    // Doubled letters sound as one; so does a vowel class met twice in a row.
    if (out[out.length - 1] !== symbol) out.push(symbol);
  };
  let i = 0;
  if (text.length > 1 && !isVowel(text[1] as string)) {
    // A leading letter said by its name: "jee-mail", "eye-cloud" (the "eye" diphthong, Y).
    if (text[0] === 'g' && !'lrhn'.includes(text[1] as string)) {
      push('J');
      push('E');
      i = 1;
    } else if (text[0] === 'i') {
      push('Y');
      i = 1;
    }
  }
  while (i < text.length) {
    const rest = text.slice(i, i + 4);
    const c = text[i] as string;
    const next = text[i + 1] ?? '';
    if (c === 'i' && isVowel(next) && !DIGRAPHS.has(c + next)) {
      // An i before another vowel glides into it, as a j: `telia` is said and written `telja`.
      push('J');
      i++;
      continue;
    }
    if (isVowel(c)) {
      const length = nucleusLength(text, i);
      push(vowelClass(text.slice(i, i + length)));
      i += length;
      continue;
    }
    const cluster = CLUSTERS.find(([spelling]) => rest.startsWith(spelling));
    if (cluster) {
      push(cluster[1]);
      i += cluster[0].length;
      continue;
    }
    switch (c) {
      case 'c':
        push(FRONT_VOWELS.includes(next) ? 'S' : 'K');
        break;
      case 'g':
        push(FRONT_VOWELS.includes(next) || next === 'ä' || next === 'ö' ? 'J' : 'G');
        break;
      case 'y':
        // Before a vowel y is the consonant (`yahoo`, Swedish `jaahoo`); elsewhere a vowel (`gym`).
        push(isVowel(next) ? 'J' : 'E');
        break;
      case 'h':
        // Said before a vowel; after a vowel and before a consonant it only lengthens the vowel.
        if (isVowel(next)) push('H');
        break;
      case 'q':
      case 'k':
        push('K');
        break;
      case 'x':
        push('K');
        push('S');
        break;
      case 'z':
      case 's':
        push('S');
        break;
      case 'w':
      case 'v':
        push('V');
        break;
      case 'j':
        push('J');
        break;
      case '-':
        break;
      default:
        push(c.toUpperCase());
    }
    i++;
  }
  return out.join('');
}

// Longest first: the first spelling that matches is taken.
const CLUSTERS: readonly (readonly [spelling: string, symbol: string])[] = [
  ['dsch', 'J'],
  ['tsch', 'X'],
  ['dsj', 'J'],
  ['dzh', 'J'],
  ['dzj', 'J'],
  ['dsh', 'J'],
  ['skj', 'X'],
  ['stj', 'X'],
  ['sch', 'X'],
  ['dj', 'J'],
  ['dz', 'J'],
  ['gj', 'J'],
  ['sh', 'X'],
  ['sj', 'X'],
  ['tj', 'X'],
  ['kj', 'X'],
  ['ch', 'X'],
  ['ck', 'K'],
  ['ph', 'F'],
  ['th', 'T'],
];

const FRONT_VOWELS = 'eiy';
// Two letters said as one sound (English and Swedish digraphs and diphthongs).
const DIGRAPHS = new Set([
  'aa',
  'ai',
  'ay',
  'aj',
  'au',
  'aw',
  'ao',
  'ee',
  'ei',
  'ey',
  'ej',
  'äj',
  'äi',
  'ea',
  'ie',
  'ii',
  'oo',
  'ou',
  'ow',
  'oa',
  'oi',
  'oy',
  'oj',
  'uu',
  'ue',
]);

// English "magic e": a final e after one consonant is silent and makes the vowel before it long,
// said as its letter's name (`male` is "mejl", `live` "lajv"); after a diphthong it is silent.
const LONG_VOWELS: Readonly<Record<string, string>> = { a: 'ej', e: 'ee', i: 'aj', o: 'o', u: 'u' };

function fold(name: string): string {
  // NFC first, so an å typed as a + ring is the one letter; é, ü and the like lose their marks.
  return (
    name
      .normalize('NFC')
      .toLowerCase()
      .replace(/[éèêë]/g, 'e')
      .replace(/[üúù]/g, 'u')
      .replace(/[áàâ]/g, 'a')
      // Swedish speech drops a d before b and after a final n: `bredband` is said "brebbann".
      .replace(/d+b/g, 'b')
      .replace(/nd$/, 'n')
      .replace(/(aj|ej|äj|ai|ei|ay|ey)([bdfklmnprstvz])e$/, '$1$2')
      .replace(/([aeiou])([bdfklmnprstvz])e$/, (_, vowel: string, consonant: string) => {
        return `${LONG_VOWELS[vowel] ?? vowel}${consonant}`;
      })
  );
}

function isVowel(c: string): boolean {
  return c !== '' && 'aeiouåäö'.includes(c);
}

/** How many letters the vowel nucleus at `i` takes: a digraph, a glide (j, y, w) and a silent h. */
function nucleusLength(text: string, i: number): number {
  // English "eye", as in `eyecloud` for iCloud.
  if (text.startsWith('eye', i)) return 3;
  let length = 1;
  const pair = text.slice(i, i + 2);
  const afterPair = text[i + 2] ?? '';
  // A glide (j, y, w) belongs to the vowel only when no vowel follows it: `mejl`, but `telija`.
  const glide = pair[1] === 'j' || pair[1] === 'y' || pair[1] === 'w';
  if (DIGRAPHS.has(pair) && !(glide && isVowel(afterPair))) {
    length = 2;
    // A glide after a diphthong is the same sound written twice: `hotmeijl`, `sprejj`.
    const third = text[i + 2] ?? '';
    if ((third === 'j' || third === 'y') && !isVowel(text[i + 3] ?? '')) length = 3;
  }
  // An h after a vowel and before a consonant (or at the end) lengthens it: `bahnhof`, `jahu`.
  const after = text[i + length] ?? '';
  if (after === 'h' && !isVowel(text[i + length + 1] ?? '')) length++;
  return length;
}

function vowelClass(nucleus: string): string {
  if (/[ouåöw]/.test(nucleus)) return 'O';
  if (/^a+h?$/.test(nucleus)) return 'A';
  // The "eye" diphthong, as Swedish writes it (`aj`) and as English does at times (`ai`, `eye`).
  if (nucleus.startsWith('aj') || nucleus.startsWith('ai') || nucleus === 'eye') return 'Y';
  return 'E';
}

/**
 * Every key a name may be heard as, the first being {@link soundKey}'s: English `ai` is "ay" in
 * `mail` (Swedish `mejl`) but reads as "eye" to a Swede (`aicloud`), and a final f is written v
 * by a Swede (`banhov` for `Bahnhof`, as in `hov`). Provider names are indexed under all of them,
 * so the name a customer typed needs one key and one lookup.
 *
 * @example
 * ```ts
 * soundKeys('gmail').includes(soundKey('jimejl')); // true
 * ```
 */
export function soundKeys(name: string): string[] {
  const readings = [name];
  if (/ai/i.test(name)) readings.push(name.replace(/ai/gi, 'ej'));
  for (const reading of [...readings]) if (/f$/i.test(reading)) readings.push(reading.replace(/f$/i, 'v'));
  return [...new Set(readings.map(soundKey))];
}

/**
 * The keys a name written the Swedish way by ear may have been heard from, where a Swedish ear
 * hears an English sound as one of its own: the short o of "hot", said /ɑ/ in American English
 * (Wells, Accents of English, 1982: the LOT vowel unrounded), is a Swedish short a, so "Hotmail"
 * is written `hatmejl`. A name counts as written the Swedish way when it spells an English
 * diphthong with a j (`mejl`, `mäjl`, `ajkloud`, as Svenska Akademiens ordlista writes `mejl`);
 * `hatmail`, spelt the English way, is the words "hat mail" and has no such reading. Only a short
 * a (before two consonants, in no digraph) is read so, one at a time. Empty for any other name, so
 * the check looks further only for these.
 *
 * @example
 * ```ts
 * swedishEarKeys('hatmejl').includes(soundKey('hotmejl')); // true
 * swedishEarKeys('hatmail'); // []
 * ```
 */
export function swedishEarKeys(name: string): string[] {
  const text = name.normalize('NFC').toLowerCase();
  if (!/[eä]j|aj[^aeiouyåäö]/.test(text)) return [];
  const keys: string[] = [];
  for (let at = text.indexOf('a'); at >= 0; at = text.indexOf('a', at + 1)) {
    const before = text[at - 1] ?? '';
    const [first = '', second = ''] = [text[at + 1], text[at + 2]];
    if (
      isVowel(before) ||
      first === 'j' ||
      first === 'h' ||
      isVowel(first) ||
      second === '' ||
      isVowel(second)
    )
      continue;
    keys.push(soundKey(`${text.slice(0, at)}o${text.slice(at + 1)}`));
  }
  return keys;
}
