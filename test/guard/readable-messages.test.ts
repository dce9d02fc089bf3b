import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/contacts/create-directory.js';
import { checkPhone } from '../../src/guard/check-phone.js';
import { checkRecipient } from '../../src/guard/check-recipient.js';
import type { Finding } from '../../src/guard/verdict.js';
import { editDistance } from '../../src/matching/edit-distance.js';
import { transliterationDistance } from '../../src/matching/transliteration-distance.js';
import { spellAddress } from '../../src/spelling/spell-address.js';

const customer = { id: 'C-1', name: 'Åsa Berg', emails: ['asa@åkeri.se'] };

function message(findings: readonly Finding[], code: Finding['code']): string | undefined {
  return findings.find((finding) => finding.code === code)?.message;
}

describe('one sentence per finding, each slip said once', () => {
  const near = (entered: string, known: string, locale: 'en' | 'sv' = 'en') =>
    message(
      checkRecipient({ entered, customer: { id: 'C-4', emails: [known] } }, { locale }).findings,
      'near-miss',
    );

  it('says two characters typed together at one place once, in both languages', () => {
    expect(near('j.wqwallin2003@live.se', 'j.wallin2003@live.se')).toBe(
      'Looks like a typo of the customer\'s known address j.wallin2003@live.se: there are extra letters qw after "j.w".',
    );
    expect(near('j.wqwallin2003@live.se', 'j.wallin2003@live.se', 'sv')).toBe(
      'Ser ut som ett skrivfel av kundens kända adress j.wallin2003@live.se: det finns extra bokstäver qw efter ”j.w”.',
    );
  });

  it('says two characters missing side by side once', () => {
    expect(near('anna.svenss1985@gmail.com', 'anna.svensson1985@gmail.com')).toBe(
      'Looks like a typo of the customer\'s known address anna.svensson1985@gmail.com: the letters on are missing after "anna.svenss".',
    );
  });

  it('names an emoji as the one character it is, never as two halves', () => {
    const said = near('maria.lund😀@telia.com', 'maria.lund@telia.com');
    expect(said).toBe(
      'Looks like a typo of the customer\'s known address maria.lund@telia.com: there is an extra emoji 😀 after "maria.lund".',
    );
  });

  it('names a flag written as an emoji tag sequence as an emoji, never as an invisible character', () => {
    const england = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}';
    const verdict = checkRecipient({
      entered: `maria.lund${england}@telia.com`,
      customer: { id: 'C-4', emails: ['maria.lund@telia.com'] },
    });
    expect(verdict.findings.map((finding) => finding.code)).not.toContain('invalid-address');
    expect(verdict.findings.map((finding) => finding.message).join(' ')).not.toMatch(/invisible/);
    expect(message(verdict.findings, 'near-miss')).toBe(
      `Looks like a typo of the customer's known address maria.lund@telia.com: there is an extra emoji ${england} after "maria.lund".`,
    );
  });

  it('says emoji typed together as emoji, not as characters, in both languages', () => {
    const england = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}';
    expect(near(`maria.lund${england}${england}@telia.com`, 'maria.lund@telia.com')).toBe(
      `Looks like a typo of the customer's known address maria.lund@telia.com: there are extra emoji ${england} ${england} after "maria.lund".`,
    );
    expect(near(`maria.lund${england}${england}@telia.com`, 'maria.lund@telia.com', 'sv')).toBe(
      `Ser ut som ett skrivfel av kundens kända adress maria.lund@telia.com: det finns extra emojier ${england} ${england} efter ”maria.lund”.`,
    );
  });

  it('names an emoji typed for another character once, as one character for another', () => {
    expect(near('maria.lund\u{1F600}@telia.com', 'maria.lund\u{1F603}@telia.com')).toBe(
      'Looks like a typo of the customer\'s known address maria.lund\u{1F603}@telia.com: \u{1F600} was typed instead of \u{1F603} after "maria.lund".',
    );
    expect(near('maria.lund\u{1F44D}@telia.com', 'maria.lund\u{1F44D}\u{1F3FD}@telia.com')).toBe(
      'Looks like a typo of the customer\'s known address maria.lund\u{1F44D}\u{1F3FD}@telia.com: \u{1F44D} was typed instead of \u{1F44D}\u{1F3FD} after "maria.lund".',
    );
  });

  it('never names one place twice in a message over the evaluation-style slips', () => {
    const pairs = [
      ['henriksson.m@gmail.com', 'm.henriksson@gmail.com'],
      ['j.wqwallin2003@live.se', 'j.wallin2003@live.se'],
      ['anna.svenss1985@gmail.com', 'anna.svensson1985@gmail.com'],
    ];
    for (const [entered, known] of pairs) {
      const verdict = checkRecipient({
        entered: entered as string,
        customer: { id: 'C-5', emails: [known as string] },
      });
      for (const finding of verdict.findings) {
        const places = [...finding.message.matchAll(/after "[^"]*"|at the start/g)].map((match) => match[0]);
        expect(new Set(places).size, finding.message).toBe(places.length);
      }
    }
  });
});

describe('a new address worded as new', () => {
  it.each(['en', 'sv'] as const)(
    "never calls a work address at the company domain someone else's without a directory saying so (%s)",
    (locale) => {
      const karin = { id: 'C-3', name: 'Karin Berg', emails: ['karin.berg@telia.com'] };
      const verdict = checkRecipient({ entered: 'karin.berg@foretaget.se', customer: karin }, { locale });
      expect(verdict.action).toBe('confirm');
      for (const finding of verdict.findings) {
        expect(finding.message).not.toMatch(/someone else|another person|någon annan|annan person/);
      }
      expect(message(verdict.findings, 'sibling-domain')).toBe(
        locale === 'en'
          ? "The customer is known by the same name at telia.com (karin.berg@telia.com). foretaget.se is no mailbox provider's domain, so this may be a new address of the customer, such as a work address: ask the customer."
          : 'Kunden är känd med samma namn på telia.com (karin.berg@telia.com). foretaget.se är ingen e-postleverantörs domän, så det kan vara en ny egen adress, till exempel på jobbet: fråga kunden.',
      );
    },
  );
});

describe('domains in what the salesperson reads', () => {
  it('shows a mistyped domain as it was typed, not in Punycode', () => {
    const verdict = checkRecipient({ entered: 'kund@åkeri.sw', customer: { id: 'C-2' } });
    expect(message(verdict.findings, 'domain-typo')).toBe('åkeri.sw looks like a typo of åkeri.se.');
    expect(verdict.suggestion).toBe('kund@åkeri.se');
    const unknown = checkRecipient({ entered: 'kund@åkeri.qq', customer: { id: 'C-2' } });
    expect(message(unknown.findings, 'domain-typo')).toBe(
      'åkeri.qq does not end in a real top-level domain and cannot receive mail.',
    );
  });

  it('points into the known address as a person reads it', () => {
    const verdict = checkRecipient({ entered: 'asa@åkeru.se', customer });
    expect(message(verdict.findings, 'near-miss')).toBe(
      'Looks like a typo of the customer\'s known address asa@åkeri.se: u was typed instead of i after "asa@åker".',
    );
    expect(verdict.suggestion).toBe('asa@åkeri.se');
  });

  it('names sibling and disposable domains as typed', () => {
    // (`.nu` for `.se` would be a slip in the ending of the known address: a near miss.)
    const sibling = checkRecipient({
      entered: 'asa@hotmail.com',
      customer: { ...customer, emails: ['asa@hotmail.se'] },
    });
    expect(message(sibling.findings, 'sibling-domain')).toBe(
      'The customer is known by the same name at hotmail.se (asa@hotmail.se), not at hotmail.com. This address probably belongs to someone else.',
    );
    const own = checkRecipient({ entered: 'asa@åkeri.com', customer });
    expect(message(own.findings, 'sibling-domain')).toBe(
      "The customer is known by the same name at åkeri.se (asa@åkeri.se). åkeri.com is no mailbox provider's domain, so this may be a new address of the customer, such as a work address: ask the customer.",
    );
    const disposable = checkRecipient(
      { entered: 'kund@slängpost.se', customer: { id: 'C-2' } },
      { disposableDomains: new Set(['xn--slngpost-1za.se']) },
    );
    expect(message(disposable.findings, 'disposable-domain')).toBe(
      'slängpost.se hands out temporary throw-away addresses.',
    );
  });

  it('reads the domain back as typed, letter by letter', () => {
    const verdict = checkRecipient({ entered: 'kund@åkeri.sw', customer: { id: 'C-2' } }, { locale: 'sv' });
    expect(verdict.readBack?.entered).toBe(spellAddress('kund@åkeri.sw', { locale: 'sv' }));
    expect(verdict.readBack?.entered).toContain('å som i Åke');
    expect(spellAddress('kund@xn--keri-poa.se', { locale: 'sv' })).toBe(
      spellAddress('kund@åkeri.se', { locale: 'sv' }),
    );
  });
});

describe('near misses agree with the definition', () => {
  // docs/check.md, Definitions: one slip away from a known address, two for local parts of ten characters or more.
  const near = (entered: string, known: string) =>
    checkRecipient({ entered, customer: { id: 'C-1', emails: [known] } }).findings.filter(
      (finding) => finding.code === 'near-miss',
    );

  it('calls nothing a near miss that is more slips away than the definition allows', () => {
    // A slip in the local part and two in the domain: three slips.
    expect(near('karim@bergbyg.sw', 'karin@bergbygg.se')).toEqual([]);
    // A slip in the local part and a changed ending (se for com): four slips.
    expect(near('karin.bergg@gmail.se', 'karin.berg@gmail.com')).toEqual([]);
    // A short local part and an address missing its @ sign two slips away.
    expect(near('ann.gmail.com', 'anna@gmail.com')).toEqual([]);
  });

  it('still finds one slip anywhere, and two in a long local part', () => {
    expect(
      near('karin@bergbygg.sw', 'karin@bergbygg.se').map(
        (finding) => finding.code === 'near-miss' && finding.distance,
      ),
    ).toEqual([1]);
    expect(
      near('anna.svenson185@gmail.com', 'anna.svensson1985@gmail.com').map(
        (f) => f.code === 'near-miss' && f.distance,
      ),
    ).toEqual([2]);
    expect(near('anna.svensson1985gmail.com', 'anna.svensson1985@gmail.com')).toHaveLength(1);
  });

  it('never reports a near miss further than the definition allows, whatever the slips', () => {
    const localPart = fc
      .array(fc.constantFrom(...'abcdeno.1'), { minLength: 3, maxLength: 14 })
      .map((characters) => characters.join(''))
      .filter((local) => /^[a-z0-9](?:[a-z0-9.]*[a-z0-9])?$/.test(local) && !local.includes('..'));
    const slip = fc.tuple(
      fc.nat(40),
      fc.constantFrom('missing', 'extra', 'changed', 'swapped'),
      fc.constantFrom(...'abn.1@'),
    );
    fc.assert(
      fc.property(
        localPart,
        fc.constantFrom('gmail.com', 'telia.com', 'bergbygg.se'),
        fc.array(slip, { minLength: 1, maxLength: 3 }),
        (local, domain, slips) => {
          const known = `${local}@${domain}`;
          let entered = known;
          for (const [at, kind, character] of slips) {
            const i = at % entered.length;
            if (kind === 'missing') entered = entered.slice(0, i) + entered.slice(i + 1);
            else if (kind === 'extra') entered = entered.slice(0, i) + character + entered.slice(i);
            else if (kind === 'changed') entered = entered.slice(0, i) + character + entered.slice(i + 1);
            else if (i + 1 < entered.length)
              entered = entered.slice(0, i) + entered[i + 1] + entered[i] + entered.slice(i + 2);
          }
          // Gmail ignores dots: the local part that counts is the one without them.
          const counted = domain === 'gmail.com' ? local.replaceAll('.', '') : local;
          for (const finding of near(entered, known)) {
            if (finding.code !== 'near-miss') continue;
            expect(finding.distance).toBeLessThanOrEqual(counted.length >= 10 ? 2 : 1);
            // Letters written another way (`ae` for `a`, `aa` for `a`) are one slip however many
            // letters they rewrite; the edits still show every letter.
            const writtenOtherwise =
              transliterationDistance(entered, known) < editDistance(entered, known, { maxDistance: 3 });
            if (domain !== 'gmail.com' && !writtenOtherwise)
              expect(finding.edits).toHaveLength(finding.distance);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('still blocks an address at a wrong ending of the known provider, as a domain typo', () => {
    const verdict = checkRecipient({
      entered: 'anna@gmail.se',
      customer: { id: 'C-1', emails: ['anna@gmail.com'] },
    });
    expect(verdict.action).toBe('block');
    expect(verdict.suggestion).toBe('anna@gmail.com');
  });
});

describe('phone numbers in what the salesperson reads', () => {
  it('shows the known number in the form the message points into', () => {
    const stored = { id: 'C-1', phones: ['+46701234567'] };
    const national = checkPhone({ entered: '070-123 567', customer: stored });
    expect(national.findings[0]?.message).toBe(
      'Looks like a typo of the customer\'s known number 070-123 45 67: a digit 4 is missing after "070-123".',
    );
    const international = checkPhone({
      entered: '+46 70 123 567',
      customer: { id: 'C-1', phones: ['070-123 45 67'] },
    });
    expect(international.findings[0]?.message).toBe(
      'Looks like a typo of the customer\'s known number +46 70 123 45 67: a digit 4 is missing after "+46 70 123".',
    );
  });

  it("shows another customer's number, to staff, in the form it was typed in", () => {
    const directory = createDirectory([{ id: 'C-2', phones: ['+46 73 987 65 43'] }]);
    const verdict = checkPhone(
      { entered: '073-987 65 43', customer: { id: 'NEW-1' }, directory },
      { revealOtherCustomers: true },
    );
    expect(verdict.findings[0]?.message).toBe(
      "The number 073-987 65 43 is known for another customer (C-2). Check that it really is this customer's.",
    );
  });
});

describe('slips in characters nobody can see', () => {
  it('names an invisible character by its code point instead of printing it', () => {
    const anna = { id: 'C-1', emails: ['anna.svensson1985@gmail.com'] };
    const english = checkRecipient({ entered: 'anna.svens\u200bson1985@gmail.com', customer: anna });
    expect(message(english.findings, 'near-miss')).toBe(
      'Looks like a typo of the customer\'s known address anna.svensson1985@gmail.com: there is an extra invisible character (U+200B) after "anna.svens".',
    );
    const swedish = checkRecipient(
      { entered: 'anna.svens\u200bson1985@gmail.com', customer: anna },
      { locale: 'sv' },
    );
    expect(message(swedish.findings, 'near-miss')).toContain(
      'ett extra osynligt tecken (U+200B) efter ”anna.svens”',
    );
    const combining = checkRecipient({ entered: 'anna.svensson1985@GMAİL.com', customer: anna });
    expect(message(combining.findings, 'near-miss')).toContain('an extra invisible character (U+0307)');
  });
});

describe('a broken address on file', () => {
  it('never puts a line break from the record into the message', () => {
    const verdict = checkRecipient({
      entered: 'anna@x.se',
      customer: { id: 'C-1', emails: ['anna@x.se\r\nBcc: other@x.se'] },
    });
    const text = message(verdict.findings, 'invalid-known-address');
    expect(text).toContain('"anna@x.se\\r\\nBcc: other@x.se"');
    expect(text).not.toMatch(/[\r\n]/);
  });
});

describe('messages a salesperson can act on (issue 9)', () => {
  const verdictOf = (entered: string, emails: string[], locale: 'en' | 'sv' = 'en', name?: string) =>
    checkRecipient({ entered, customer: { id: 'C-9', emails, ...(name ? { name } : {}) } }, { locale });

  it('says Swedish letters written another way as such, not as letter edits', () => {
    expect(message(verdictOf('aasa.oeberg@telia.com', ['åsa.öberg@telia.com']).findings, 'near-miss')).toBe(
      "Looks like a typo of the customer's known address åsa.öberg@telia.com: å written as aa and ö as oe.",
    );
    expect(
      message(verdictOf('aasa.oeberg@telia.com', ['åsa.öberg@telia.com'], 'sv').findings, 'near-miss'),
    ).toBe(
      'Ser ut som ett skrivfel av kundens kända adress åsa.öberg@telia.com: å skrivet som aa och ö som oe.',
    );
  });

  it('reads letters in another Unicode form as the letters they are, never as invisible marks', () => {
    const entered = 'åke.löfgren@telia.com'.normalize('NFD');
    const en = message(verdictOf(entered, ['ake.lofgren@telia.com']).findings, 'near-miss');
    expect(en).toBe(
      "Looks like a typo of the customer's known address ake.lofgren@telia.com: a written as å and o as ö (the same letters written in another Unicode form).",
    );
    const sv = message(verdictOf(entered, ['ake.lofgren@telia.com'], 'sv').findings, 'near-miss');
    expect(sv).toBe(
      'Ser ut som ett skrivfel av kundens kända adress ake.lofgren@telia.com: a skrivet som å och o som ö (samma bokstäver skrivna i en annan Unicode-form).',
    );
  });

  it('names a space as a space', () => {
    expect(message(verdictOf('karin. berg@telia.com', ['karin.berg@telia.com']).findings, 'near-miss')).toBe(
      'Looks like a typo of the customer\'s known address karin.berg@telia.com: there is an extra space after "karin.".',
    );
    expect(
      message(verdictOf('karin. berg@telia.com', ['karin.berg@telia.com'], 'sv').findings, 'near-miss'),
    ).toBe(
      'Ser ut som ett skrivfel av kundens kända adress karin.berg@telia.com: det finns ett extra mellanslag efter ”karin.”.',
    );
  });

  it('reads an emoji joined from several as one symbol and suggests the known address', () => {
    const verdict = verdictOf('karin.berg👩‍👩‍👧@telia.com', ['karin.berg@telia.com']);
    expect(verdict.suggestion).toBe('karin.berg@telia.com');
    expect(message(verdict.findings, 'near-miss')).toBe(
      'Looks like a typo of the customer\'s known address karin.berg@telia.com: there is an extra emoji 👩‍👩‍👧 after "karin.berg".',
    );
    expect(verdict.findings.map((finding) => finding.code)).not.toContain('invalid-address');
    const sv = verdictOf('karin.berg👩‍👩‍👧@telia.com', ['karin.berg@telia.com'], 'sv');
    expect(message(sv.findings, 'near-miss')).toBe(
      'Ser ut som ett skrivfel av kundens kända adress karin.berg@telia.com: det finns en extra emoji 👩‍👩‍👧 efter ”karin.berg”.',
    );
  });

  it('names a mistyped ending as the ending typed for the known one', () => {
    expect(message(verdictOf('anna.lund@hotmail.nu', ['anna.lund@hotmail.se']).findings, 'near-miss')).toBe(
      "Looks like a typo of the customer's known address anna.lund@hotmail.se: the ending .nu instead of .se.",
    );
    expect(
      message(verdictOf('anna.lund@hotmail.nu', ['anna.lund@hotmail.se'], 'sv').findings, 'near-miss'),
    ).toBe(
      'Ser ut som ett skrivfel av kundens kända adress anna.lund@hotmail.se: ändelsen .nu i stället för .se.',
    );
  });

  it('says a stored address with a name should be stored bare, not that there is no address', () => {
    const en = verdictOf('maria.lund@telia.com', ['Maria Lund <maria.lund79@telia.com>']);
    expect(message(en.findings, 'unverified-address')).toBe(
      "No address on the customer's record could be compared: read the address back and have the customer confirm it.",
    );
    expect(message(en.findings, 'invalid-known-address')).toBe(
      'The customer\'s address on file "Maria Lund <maria.lund79@telia.com>" carries a name: store it bare, as maria.lund79@telia.com, so it can be compared.',
    );
    const sv = verdictOf('maria.lund@telia.com', ['Maria Lund <maria.lund79@telia.com>'], 'sv');
    expect(message(sv.findings, 'unverified-address')).toBe(
      'Ingen adress i kundregistret kunde jämföras: läs upp adressen för kunden och låt kunden bekräfta den.',
    );
    expect(message(sv.findings, 'invalid-known-address')).toBe(
      'Kundens registrerade adress "Maria Lund <maria.lund79@telia.com>" har ett namn med: spara den utan, som maria.lund79@telia.com, så att den kan jämföras.',
    );
  });
});
