import { describe, expect, it } from 'vitest';
import type { Customer } from '../../src/contacts/customer.js';
import { checkRecipient } from '../../src/guard/check-recipient.js';
import { codes, find } from '../support/verdict-findings.js';

const knownAt = (...emails: string[]): Customer => ({ id: 'C-1', name: 'Åke Löfgren', emails });

describe('checkRecipient: Swedish letters written another way', () => {
  it.each([
    ['aake.loefgren@telia.com', 'ake.lofgren@telia.com'],
    ['åke.löfgren@telia.com', 'ake.lofgren@telia.com'],
    ['ake.lofgren@telia.com', 'åke.löfgren@telia.com'],
    ['aake.loefgren@telia.com', 'åke.löfgren@telia.com'],
    ['aasa.oeberg@gmail.com', 'åsa.öberg@gmail.com'],
    ['asa.oberg@gmail.com', 'åsa.öberg@gmail.com'],
    ['per.baeck@hotmail.se', 'per.bäck@hotmail.se'],
    ['goeran.lof@telia.com', 'göran.löf@telia.com'],
    ['jorgen.ahlen@outlook.com', 'jörgen.åhlén@outlook.com'],
    // The domain written another way too: still the one transliteration.
    ['hjördissundström@örebro.se', 'hjordissundstrom@orebro.se'],
    ['m_engström@göteborg.se', 'm_engstroem@goteborg.se'],
    ['gsjoegren@västerås.se', 'gsjoegren@vasteras.se'],
  ])('blocks %s as a near miss of the known %s, one slip however many letters', (entered, known) => {
    const verdict = checkRecipient({ entered, customer: knownAt(known) });
    expect(verdict.action).toBe('block');
    expect(verdict.suggestion).toBe(known);
    expect(find(verdict, 'near-miss').distance).toBe(1);
  });

  it('still counts another slip beside the letters written another way', () => {
    // Two slips in a short local part: not a near miss.
    const verdict = checkRecipient({
      entered: 'aasa.oebrg@gmail.com',
      customer: knownAt('åsa.öberg@gmail.com'),
    });
    expect(codes(verdict)).not.toContain('near-miss');
    expect(verdict.action).not.toBe('block');
  });

  it.each([
    ['michael@gmail.com', 'mikael@gmail.com'],
    ['joel.berg@gmail.com', 'jon.berg@gmail.com'],
    ['aaron.ek@gmail.com', 'arne.ek@gmail.com'],
    ['michael.ek@telia.com', 'mikael.ek@telia.com'],
  ])(
    'does not read the letters of a name as a transliteration: %s is not a near miss of %s',
    (entered, known) => {
      const verdict = checkRecipient({ entered, customer: knownAt(known) });
      expect(codes(verdict)).not.toContain('near-miss');
      expect(verdict.action).toBe('confirm');
    },
  );
});

describe('checkRecipient: a slip in the ending of a known address', () => {
  it.each([
    ['anna.lund@telia.es', 'anna.lund@telia.se'],
    ['anna.lund@hotmail.es', 'anna.lund@hotmail.se'],
    ['anna.lund@outlook.es', 'anna.lund@outlook.se'],
    ['anna.lund@yahoo.es', 'anna.lund@yahoo.se'],
    ['anna.lund@telia.nu', 'anna.lund@telia.se'],
    ['anna.lund@hotmail.nu', 'anna.lund@hotmail.se'],
    ['anna.lund@bredband.nu', 'anna.lund@bredband.se'],
    ['anna.lund@ownit.se', 'anna.lund@ownit.nu'],
    ['anna.lund@gmail.co', 'anna.lund@gmail.com'],
    ['anna.lund@gmail.cm', 'anna.lund@gmail.com'],
    ['anna.lund@gmail.con', 'anna.lund@gmail.com'],
    ['anna.lund@hotmail.co', 'anna.lund@hotmail.com'],
    ['anna.lund@foretaget.co', 'anna.lund@foretaget.com'],
    ['anna.lund@foretaget.nu', 'anna.lund@foretaget.se'],
  ])('blocks %s as a near miss of the known %s', (entered, known) => {
    const verdict = checkRecipient({ entered, customer: knownAt(known) });
    expect(verdict.action).toBe('block');
    expect(verdict.suggestion).toBe(known);
    expect(verdict.findings[0]?.code).toBe('near-miss');
    expect(codes(verdict)).not.toContain('sibling-domain');
    expect(find(verdict, 'near-miss').distance).toBe(1);
  });

  it('picks the known address whose ending was mistyped when the customer has several', () => {
    const verdict = checkRecipient({
      entered: 'anna.lund@hotmail.es',
      customer: knownAt('anna.lund@hotmail.se', 'a.lund@gmail.com'),
    });
    expect(verdict.suggestion).toBe('anna.lund@hotmail.se');
  });

  it.each([
    ['anna.lund@hotmail.com', 'anna.lund@hotmail.se'],
    ['anna.lund@yahoo.se', 'anna.lund@yahoo.com'],
    ['anna.lund@hotmail.co.uk', 'anna.lund@hotmail.com'],
  ])('keeps %s, another country domain of the provider, a sibling of %s', (entered, known) => {
    const verdict = checkRecipient({ entered, customer: knownAt(known) });
    expect(verdict.action).toBe('confirm');
    expect(codes(verdict)).toContain('sibling-domain');
  });

  it("reads a provider's country domain off the table as the provider's, not as a work address", () => {
    const verdict = checkRecipient({
      entered: 'anna.lund@yahoo.com.pe',
      customer: knownAt('anna.lund@telia.com'),
    });
    expect(verdict.action).toBe('confirm');
    expect(codes(verdict)).not.toContain('domain-typo');
    expect(find(verdict, 'sibling-domain')).toMatchObject({ atProvider: true });
    expect(find(verdict, 'sibling-domain')?.message).toContain('probably belongs to someone else');
  });

  it('counts a slip in the name beside the slip in the ending as two', () => {
    const verdict = checkRecipient({
      entered: 'anna.lnud@telia.nu',
      customer: knownAt('anna.lund@telia.se'),
    });
    expect(codes(verdict)).not.toContain('near-miss');
  });
});

describe('checkRecipient: two slips in a short local part', () => {
  it.each([
    ['lnisslon@telia.com', 'lnilsson@telia.com'],
    ['anan.lnud@gmail.com', 'anna.lund@gmail.com'],
    ['eirk.lidn@hotmail.se', 'erik.lind@hotmail.se'],
  ])('asks to confirm %s, with the known %s as the suggestion', (entered, known) => {
    const verdict = checkRecipient({ entered, customer: knownAt(known) });
    expect(verdict.action).toBe('confirm');
    expect(verdict.suggestion).toBe(known);
    const finding = find(verdict, 'possible-typo');
    expect(finding).toMatchObject({ known, distance: 2, severity: 'warning', action: 'confirm' });
    expect(finding.edits).toHaveLength(2);
    expect(verdict.findings[0]?.code).toBe('possible-typo');
  });

  it('says so in plain words, in English and Swedish', () => {
    const customer = knownAt('lnilsson@telia.com');
    expect(find(checkRecipient({ entered: 'lnisslon@telia.com', customer }), 'possible-typo').message).toBe(
      'This may be a typo of the customer\'s known address lnilsson@telia.com: a letter l is missing after "lni" and there is an extra letter l after "lnilss". Check the address with the customer.',
    );
    expect(
      find(checkRecipient({ entered: 'lnisslon@telia.com', customer }, { locale: 'sv' }), 'possible-typo')
        .message,
    ).toBe(
      'Det här kan vara ett skrivfel av kundens kända adress lnilsson@telia.com: bokstaven l saknas efter ”lni” och det finns en extra bokstav l efter ”lnilss”. Kontrollera adressen med kunden.',
    );
  });

  it('keeps one slip a near miss (block)', () => {
    const verdict = checkRecipient({
      entered: 'lnilssno@telia.com',
      customer: knownAt('lnilsson@telia.com'),
    });
    expect(verdict.action).toBe('block');
    expect(codes(verdict)).not.toContain('possible-typo');
  });

  it.each([
    ['ella.berg@gmail.com', 'eva.berg@gmail.com'],
    ['pia.lund@gmail.com', 'per.lund@gmail.com'],
    ['emil.berg@gmail.com', 'erik.berg@gmail.com'],
    ['ida.berg@gmail.com', 'mia.berg@gmail.com'],
    ['ebba.lund@gmail.com', 'eva.lund@gmail.com'],
    ['anna.lund@gmail.com', 'anna.lund79@gmail.com'],
    ['anna.jonsson37@gmail.com', 'anna.jonsson@gmail.com'],
    ['nils1961@gmail.com', 'nils61@gmail.com'],
    ['lnisslon@gmail.com', 'lnilsson@telia.com'],
  ])('does not read %s as a typo of %s', (entered, known) => {
    const verdict = checkRecipient({ entered, customer: knownAt(known) });
    expect(codes(verdict)).not.toContain('possible-typo');
    expect(verdict.action).toBe('confirm');
  });
});

describe('checkRecipient: letters for digits in a number', () => {
  const born = (birthDate: string): Customer => ({ id: 'C-2', name: 'Maria Lund', birthDate, emails: [] });

  it.each([
    ['maria.l979@gmail.com', '1979-05-06', 'l979', '1979'],
    ['maria.lund19o2@gmail.com', '1902-05-06', '19o2', '1902'],
    ['maria.lund197e@gmail.com', '1973-05-06', '197e', '1973'],
    ['maria.lundI985@gmail.com', '1985-05-06', 'I985', '1985'],
    ['maria.lund2oo1@gmail.com', '2001-05-06', '2oo1', '2001'],
  ])('reads %s as the birth year typed with a letter (born %s)', (entered, birthDate, digits, expected) => {
    const verdict = checkRecipient({ entered, customer: born(birthDate) });
    expect(verdict.action).toBe('confirm');
    expect(find(verdict, 'number-mismatch')).toMatchObject({ digits, expected, source: 'birth-date' });
  });

  it('says that letters were typed for digits, in English and Swedish', () => {
    const customer = born('2001-05-06');
    expect(
      find(checkRecipient({ entered: 'maria2oo1@gmail.com', customer }), 'number-mismatch').message,
    ).toBe(
      '2oo1 looks like the customer\'s birth year 2001 typed with letters for digits: o was typed instead of 0 after "2" and o was typed instead of 0 after "20".',
    );
    expect(
      find(checkRecipient({ entered: 'maria2oo1@gmail.com', customer }, { locale: 'sv' }), 'number-mismatch')
        .message,
    ).toBe(
      '2oo1 liknar kundens födelseår 2001 skrivet med bokstäver i stället för siffror: det står o i stället för 0 efter ”2” och det står o i stället för 0 efter ”20”.',
    );
  });

  it('says that a whole year near the birth year names someone born in another year', () => {
    // The trial's CRM export: erik.johansson1979@telia.com on the record of a customer born 1982-04-04.
    const entered = 'erik.johansson1979@telia.com';
    const customer = born('1982-04-04');
    expect(checkRecipient({ entered, customer }).action).toBe('confirm');
    expect(find(checkRecipient({ entered, customer }), 'number-mismatch').message).toBe(
      'The digits 1979 read as a birth year, but the customer was born in 1982.',
    );
    expect(find(checkRecipient({ entered, customer }, { locale: 'sv' }), 'number-mismatch').message).toBe(
      'Siffrorna 1979 ser ut som ett födelseår, men kunden är född 1982.',
    );
  });

  it('reads a phone number typed with a letter', () => {
    const verdict = checkRecipient({
      entered: 'maria.07o1234567@gmail.com',
      customer: { id: 'C-2', phones: ['070-123 45 67'] },
    });
    expect(find(verdict, 'number-mismatch')).toMatchObject({ expected: '0701234567', source: 'phone' });
  });

  it.each([
    ['maria.lund1985@gmail.com', '1985-05-06'],
    ['karl.lo85@gmail.com', '1985-05-06'],
    ['ole.l@gmail.com', '1985-05-06'],
  ])('raises nothing for %s (born %s)', (entered, birthDate) => {
    expect(codes(checkRecipient({ entered, customer: born(birthDate) }))).not.toContain('number-mismatch');
  });
});

describe('the same address in another Unicode normalisation form', () => {
  // RFC 6532 §3.1 and RFC 5198: an internationalised address is compared in NFC; å typed as
  // a + U+030A (NFD, as some keyboards and macOS file names give it) is the same address.
  const nfc = 'åke.öst@telia.com';
  const nfd = nfc.normalize('NFD');

  it('sends the NFD spelling of a known NFC address, with the stored form as the suggestion', () => {
    const verdict = checkRecipient({ entered: nfd, customer: knownAt(nfc) });
    expect(verdict.action).toBe('send');
    expect(codes(verdict)).toEqual(['same-mailbox']);
    expect(find(verdict, 'same-mailbox').reasons).toEqual(['unicode-normalization']);
    expect(verdict.suggestion).toBe(nfc);
    expect(find(verdict, 'same-mailbox').message).toBe(
      "Reaches the same mailbox as the customer's known address åke.öst@telia.com (differs only in how its letters are encoded: å as one character or as a and a ring).",
    );
  });

  it('reads an NFD address on file the same way, with the stored form as the suggestion', () => {
    const verdict = checkRecipient({ entered: nfc, customer: knownAt(nfd) });
    expect(verdict.action).toBe('send');
    expect(verdict.suggestion).toBe(nfd);
  });

  it('still says the capital letters beside the encoding', () => {
    const verdict = checkRecipient({ entered: nfd.toUpperCase(), customer: knownAt(nfc) });
    expect(verdict.action).toBe('send');
    expect(find(verdict, 'same-mailbox').reasons).toEqual(['unicode-normalization', 'case']);
  });

  it('gives no suggestion for the very address on file', () => {
    const verdict = checkRecipient({ entered: nfc, customer: knownAt(nfc) });
    expect(codes(verdict)).toEqual(['exact-match']);
    expect(verdict.suggestion).toBeUndefined();
  });
});

describe('a quoted local part', () => {
  // RFC 5321 §4.1.2 and RFC 5322 §3.4.1: a quoted string whose content is a dot-atom is the same
  // local part as the dot-atom; quoting it changes nothing.
  it('sends a quoted spelling of a known address, with the known spelling as the suggestion', () => {
    const verdict = checkRecipient({
      entered: '"maria.lund"@telia.com',
      customer: knownAt('maria.lund@telia.com'),
    });
    expect(verdict.action).toBe('send');
    expect(codes(verdict)).toEqual(['same-mailbox']);
    expect(find(verdict, 'same-mailbox').reasons).toEqual(['quoted-local-part']);
    expect(verdict.suggestion).toBe('maria.lund@telia.com');
    expect(find(verdict, 'same-mailbox').message).toBe(
      "Reaches the same mailbox as the customer's known address maria.lund@telia.com (differs only in quotation marks around the part before the @, which change nothing there).",
    );
  });

  it('does not read a quoted local part that needs its quotes as the unquoted one', () => {
    const verdict = checkRecipient({
      entered: '"maria lund"@telia.com',
      customer: knownAt('maria.lund@telia.com'),
    });
    expect(codes(verdict)).not.toContain('same-mailbox');
  });
});

describe('the spelling a send verdict sends to', () => {
  // RFC 6532 §3.1: an internationalised address goes out in NFC; RFC 5322 §3.4.1: a local part
  // that needs no quotes goes out as a dot-atom. `sendTo` is that spelling of the entered address.
  const nfc = 'åke.öst@telia.com';
  const nfd = nfc.normalize('NFD');

  it('names the NFC spelling when the NFD one was entered', () => {
    const verdict = checkRecipient({ entered: nfd, customer: knownAt(nfc) });
    expect(verdict.action).toBe('send');
    expect(verdict.sendTo).toBe(nfc);
    const onFileNfd = checkRecipient({ entered: nfc, customer: knownAt(nfd) });
    expect(onFileNfd.sendTo).toBe(nfc);
  });

  it('names the unquoted spelling of a quoted local part, and the address itself otherwise', () => {
    expect(
      checkRecipient({ entered: '"maria.lund"@telia.com', customer: knownAt('maria.lund@telia.com') }).sendTo,
    ).toBe('maria.lund@telia.com');
    expect(checkRecipient({ entered: ' Anna@Telia.com', customer: knownAt('anna@telia.com') }).sendTo).toBe(
      'Anna@telia.com',
    );
  });

  it('names no spelling when the verdict is not to send', () => {
    const verdict = checkRecipient({ entered: 'ake.ost@telia.com', customer: knownAt('åke.öst@gmail.com') });
    expect(verdict.action).not.toBe('send');
    expect(verdict.sendTo).toBeUndefined();
  });
});

describe('checkRecipient: a known address rewritten, at its domain mistyped', () => {
  it.each([
    ['maria.lund@telia.con', 'maria.lund79@telia.com', 'number-changed'],
    ['maria.lund@te1ia.com', 'maria.lund79@telia.com', 'number-changed'],
    ['lund.maria@telia.con', 'maria.lund79@telia.com', 'number-changed'],
    ['lund.maria79@telia.con', 'maria.lund79@telia.com', 'name-reordered'],
    ['lnilson@telia.sw', 'lnilsson@telia.se', 'possible-typo'],
  ])(
    'suggests the known address for %s (known %s), with the domain slip beside it',
    (entered, known, code) => {
      const verdict = checkRecipient({
        entered,
        customer: { id: 'C-1', name: 'Maria Lund', emails: [known] },
      });
      expect(verdict.action).toBe('block');
      expect(verdict.suggestion).toBe(known);
      expect(codes(verdict)).toContain(code);
      expect(codes(verdict)).toContain('domain-typo');
    },
  );
});

describe('checkRecipient: .nu typed for .se', () => {
  it.each(['yahoo.nu', 'hotmail.nu', 'outlook.nu'])(
    'reads %s from a new customer as the Swedish ending mixed up, one domain suggested',
    (domain) => {
      const verdict = checkRecipient({ entered: `sara.ahmed@${domain}`, customer: { id: 'C-1' } });
      const typo = find(verdict, 'domain-typo');
      expect(typo.candidates).toEqual([domain.replace('.nu', '.se')]);
      expect(verdict.suggestion).toBe(`sara.ahmed@${domain.replace('.nu', '.se')}`);
    },
  );

  it('reads hotmail.nu for a known hotmail.se address as that address, with no other country named', () => {
    const verdict = checkRecipient({
      entered: 'anna.lund@hotmail.nu',
      customer: { id: 'C-1', emails: ['anna.lund@hotmail.se'] },
    });
    expect(verdict.findings[0]?.code).toBe('near-miss');
    expect(verdict.suggestion).toBe('anna.lund@hotmail.se');
    for (const item of verdict.findings) expect(item.message).not.toMatch(/hotmail\.n[ol]\b/);
  });

  it.each([
    ['anna.lund@hotmail.nu', 'anna.lund@hotmail.se'],
    ['anna.lund@gmail.con', 'anna.lund@gmail.com'],
  ])('says a slip in the ending of a known address once, as its near miss (%s)', (entered, known) => {
    const verdict = checkRecipient({ entered, customer: { id: 'C-1', emails: [known] } });
    expect(codes(verdict)).toEqual(['near-miss', 'unverified-address']);
    expect(verdict.action).toBe('block');
    expect(verdict.suggestion).toBe(known);
  });

  it.each([
    ['anna.lund@gmial.com', 'anna.lund@gmail.com'],
    ['anna.lund@jaahoo.com', 'anna.lund@yahoo.com'],
    ['anna.lund@houtmejl.com', 'anna.lund@hotmail.com'],
  ])(
    'says a provider name mistyped or spelled by ear in a known address once, as the domain typo (%s)',
    (entered, known) => {
      const verdict = checkRecipient({ entered, customer: { id: 'C-1', emails: [known] } });
      expect(codes(verdict)).toEqual(['domain-typo', 'unverified-address']);
      expect(verdict.action).toBe('block');
      expect(verdict.suggestion).toBe(known);
    },
  );
});

describe('checkRecipient: the address a pasted text holds, checked in full', () => {
  it('corrects a mistyped provider in a mailto link', () => {
    const verdict = checkRecipient({ entered: 'mailto:sara.ahmed@gmial.com', customer: { id: 'C-1' } });
    expect(verdict.action).toBe('block');
    expect(codes(verdict)).toContain('invalid-address');
    expect(codes(verdict)).toContain('domain-typo');
    expect(verdict.suggestion).toBe('sara.ahmed@gmail.com');
  });

  it('asks about a household member in a mailto link', () => {
    const verdict = checkRecipient({
      entered: 'mailto:jana.nyberg62@telia.com',
      customer: { id: 'C-1', name: 'Jan Nyberg', emails: ['jan.nyberg62@telia.com'] },
    });
    expect(codes(verdict)).toContain('other-first-name');
    expect(codes(verdict)).not.toContain('near-miss');
  });

  it('reads a number left out in a pasted address', () => {
    const verdict = checkRecipient({
      entered: 'Maria Lund <maria.lund@telia.com>',
      customer: { id: 'C-1', name: 'Maria Lund', emails: ['maria.lund79@telia.com'] },
    });
    expect(codes(verdict)).toContain('number-changed');
    expect(verdict.suggestion).toBe('maria.lund79@telia.com');
  });
});
