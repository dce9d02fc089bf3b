import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EmailGuardError, InvalidInputError } from '../../src/errors.js';
import { checkRecipient } from '../../src/guard/check-recipient.js';
import type { Finding, FindingCode, Verdict } from '../../src/guard/verdict.js';

const anna = {
  id: 'C-1001',
  name: 'Anna Svensson',
  emails: ['anna.svensson1985@gmail.com'],
  phones: ['070-123 45 67'],
  birthDate: '1985-04-12',
};
const oliver = {
  id: 'C-2002',
  name: 'Oliver Bennett',
  emails: ['oliver.bennett@hotmail.co.uk', 'o.bennett@bennett-joinery.co.uk'],
  country: 'GB',
  phones: ['07700 900123'],
};

function codes(verdict: Verdict): FindingCode[] {
  return verdict.findings.map((finding) => finding.code);
}

function find<C extends FindingCode>(verdict: Verdict, code: C): Extract<Finding, { code: C }> {
  const found = verdict.findings.find((finding) => finding.code === code);
  if (!found) throw new Error(`no ${code} finding in ${JSON.stringify(codes(verdict))}`);
  return found as Extract<Finding, { code: C }>;
}

describe('checkRecipient', () => {
  it('blocks the known address typed with a digit missing, explains the slip and suggests the known address', () => {
    const verdict = checkRecipient({ entered: ' Anna.Svensson185@gmail.com', customer: anna });
    expect(verdict.action).toBe('block');
    expect(verdict.suggestion).toBe('anna.svensson1985@gmail.com');
    const nearMiss = find(verdict, 'near-miss');
    expect(nearMiss.known).toBe('anna.svensson1985@gmail.com');
    expect(nearMiss.message).toContain('a digit 9 is missing after "anna.svensson1"');
    expect(nearMiss.severity).toBe('critical');
    expect(verdict.findings[0]?.action).toBe('block');
  });

  it('explains the slip in Swedish when asked', () => {
    const verdict = checkRecipient(
      { entered: 'anna.svensson185@gmail.com', customer: anna },
      { locale: 'sv' },
    );
    expect(find(verdict, 'near-miss').message).toBe(
      'Ser ut som ett skrivfel av kundens kända adress anna.svensson1985@gmail.com: siffran 9 saknas efter ”anna.svensson1”.',
    );
    expect(verdict.readBack?.suggestion).toContain('ett, nio, åtta, fem, snabel-a');
  });

  it.each([
    ['an extra digit', 'anna.svensson19855@gmail.com', 'there is an extra digit 5'],
    ['swapped digits', 'anna.svensson1958@gmail.com', '8 and 5 are swapped'],
    ['a changed digit', 'anna.svensson1986@gmail.com', '6 was typed instead of 5'],
    ['a missing letter', 'anna.svenson1985@gmail.com', 'a letter s is missing'],
    ['a missing dot outside Gmail', 'oliverbennett@hotmail.co.uk', 'a dot is missing'],
  ])('blocks %s as a near miss', (_, entered, explanation) => {
    const customer = entered.endsWith('.co.uk') ? oliver : anna;
    const verdict = checkRecipient({ entered, customer });
    expect(verdict.action).toBe('block');
    expect(find(verdict, 'near-miss').message).toContain(explanation);
  });

  it('sends to a known address and to the same mailbox spelt differently', () => {
    const exact = checkRecipient({ entered: 'anna.svensson1985@gmail.com', customer: anna });
    expect(exact.action).toBe('send');
    expect(codes(exact)).toEqual(['exact-match']);
    expect(exact.readBack).toBeUndefined();

    const same = checkRecipient({ entered: 'Anna.Svensson1985+order@googlemail.com', customer: anna });
    expect(same.action).toBe('send');
    expect(find(same, 'same-mailbox').reasons).toEqual(['alias-domain', 'subaddress', 'case']);
    const dotless = checkRecipient({ entered: 'annasvensson1985@gmail.com', customer: anna });
    expect(find(dotless, 'same-mailbox').reasons).toEqual(['dots']);
  });

  it('asks to confirm the same name at another provider, suggesting the known address', () => {
    const verdict = checkRecipient({ entered: 'oliver.bennett@hotmail.com', customer: oliver });
    expect(verdict.action).toBe('confirm');
    expect(find(verdict, 'sibling-domain')).toMatchObject({
      knownDomain: 'hotmail.co.uk',
      enteredDomain: 'hotmail.com',
    });
    expect(verdict.suggestion).toBe('oliver.bennett@hotmail.co.uk');
  });

  it('blocks a provider-domain typo for a new customer and suggests the corrected address', () => {
    const verdict = checkRecipient({
      entered: 'karin.lindqvist@hotmial.se',
      customer: { id: 'C-3003', name: 'Karin Lindqvist' },
    });
    expect(verdict.action).toBe('block');
    expect(find(verdict, 'domain-typo').suggestedDomain).toBe('hotmail.se');
    expect(verdict.suggestion).toBe('karin.lindqvist@hotmail.se');
  });

  it("asks about a customer's own stored address at a mistyped provider, suggesting the corrected one", () => {
    const customer = { id: 'C-3', name: 'Karin Berg', emails: ['karin.berg@hotmial.se'] };
    for (const entered of ['karin.berg@hotmial.se', 'Karin.Berg@Hotmial.se']) {
      const verdict = checkRecipient({ entered, customer });
      expect(verdict.action, entered).toBe('confirm');
      expect(verdict.sendTo).toBeUndefined();
      const typo = find(verdict, 'domain-typo');
      expect(typo).toMatchObject({ severity: 'warning', action: 'confirm', suggestedDomain: 'hotmail.se' });
      expect(verdict.suggestion).toBe(entered.replace(/@.*/, '@hotmail.se'));
    }
    // The known address itself, at a real provider, still sends.
    expect(
      checkRecipient({
        entered: 'karin.berg@hotmail.se',
        customer: { id: 'C-3', emails: ['karin.berg@hotmail.se'] },
      }).action,
    ).toBe('send');
  });

  it('blocks look-alike characters from another script', () => {
    const verdict = checkRecipient({ entered: 'sofia.nilsson@gm\u0430il.com', customer: { id: 'C-4004' } });
    expect(verdict.action).toBe('block');
    expect(find(verdict, 'confusable-characters').characters[0]?.script).toBe('Cyrillic');
    expect(verdict.suggestion).toBe('sofia.nilsson@gmail.com');
  });

  it('blocks a known address spelt with a look-alike that case folding would hide', () => {
    const verdict = checkRecipient({
      entered: '\u212Aarin@example.se',
      customer: { id: 'C-9', emails: ['karin@example.se'] },
    });
    expect(verdict.action).toBe('block');
    expect(find(verdict, 'confusable-characters').characters[0]?.codePoint).toBe('U+212A');
  });

  it("blocks the customer's own stored address when its domain has look-alike letters, typed or in Punycode", () => {
    // Trial 13: the stored `olle.ek@gmаil.com` answered `send exact-match`, while mail sent to it
    // is a misdirected message to whoever holds xn--gmil-63d.com.
    for (const stored of ['olle.ek@gm\u0430il.com', 'olle.ek@xn--gmil-63d.com']) {
      for (const entered of ['olle.ek@gm\u0430il.com', 'olle.ek@xn--gmil-63d.com']) {
        const verdict = checkRecipient({ entered, customer: { id: 'C-14', emails: [stored] } });
        expect(verdict.action, `${entered} for ${stored}`).toBe('block');
        expect(codes(verdict)).toContain('confusable-characters');
        expect(verdict.suggestion).toBe('olle.ek@gmail.com');
      }
    }
    // A stored domain in another alphabet that reads as what it is still sends.
    const own = checkRecipient({
      entered: 'ivan@почта.рф',
      customer: { id: 'C-15', emails: ['ivan@почта.рф'] },
    });
    expect(own.action).toBe('send');
  });

  it('blocks an address that cannot be parsed, without throwing, and never passes on a line break', () => {
    for (const entered of [
      'anna.svensson1985',
      'anna@example.se\r\nBcc: everyone@example.com',
      'Anna <anna@example.se>',
      '',
    ]) {
      const verdict = checkRecipient({ entered, customer: anna });
      expect(verdict.action).toBe('block');
      expect(codes(verdict)).toContain('invalid-address');
      expect(verdict.address).toBeUndefined();
    }
  });

  it('still suggests the known address when the typed one is broken beyond parsing', () => {
    const verdict = checkRecipient({ entered: 'anna.svensson1985gmail.com', customer: anna });
    expect(find(verdict, 'invalid-address').reason).toBe('missing-at');
    expect(verdict.suggestion).toBe('anna.svensson1985@gmail.com');
  });

  it('asks to confirm digits that look like a mistyped birth year or phone number', () => {
    const year = checkRecipient({ entered: 'anna.svensson1958@outlook.com', customer: anna });
    expect(year.action).toBe('confirm');
    expect(find(year, 'number-mismatch')).toMatchObject({
      digits: '1958',
      expected: '1985',
      source: 'birth-date',
    });

    const phone = checkRecipient({ entered: 'anna0701234576@telia.com', customer: { ...anna, emails: [] } });
    expect(find(phone, 'number-mismatch')).toMatchObject({ expected: '0701234567', source: 'phone' });
  });

  it('asks about a two-digit year one off the birth year, new address or near miss alike', () => {
    const maria = { id: 'C-7', name: 'Maria Lund', emails: [] as string[], birthDate: '1979-03-02' };
    const fresh = checkRecipient({ entered: 'maria.lund78@gmail.com', customer: maria });
    expect(find(fresh, 'number-mismatch')).toMatchObject({
      digits: '78',
      expected: '79',
      source: 'birth-date',
    });
    const slip = checkRecipient({
      entered: 'maria.lund78@telia.com',
      customer: { ...maria, emails: ['maria.lund79@telia.com'] },
    });
    expect(codes(slip)).toEqual(expect.arrayContaining(['near-miss', 'number-mismatch']));
    expect(codes(checkRecipient({ entered: 'maria.lund79@gmail.com', customer: maria }))).not.toContain(
      'number-mismatch',
    );
  });

  it('raises no number finding for the right birth year', () => {
    const verdict = checkRecipient({ entered: 'svensson.anna85@outlook.com', customer: anna });
    expect(codes(verdict)).not.toContain('number-mismatch');
  });

  it('reads phone numbers with the region of the customer', () => {
    const verdict = checkRecipient({ entered: 'oliver.07700900132@gmail.com', customer: oliver });
    expect(find(verdict, 'number-mismatch').expected).toBe('07700900123');
  });

  it('says so when an address on the customer record is itself not an address', () => {
    const customer = { id: 'C-9', emails: ['not an address', 'anna@example.se'] };
    const verdict = checkRecipient({ entered: 'anna@example.se', customer });
    expect(verdict.action).toBe('send');
    expect(find(verdict, 'invalid-known-address')).toMatchObject({
      known: 'not an address',
      severity: 'warning',
    });
    const onlyBroken = checkRecipient({ entered: 'anna@example.se', customer: { id: 'C-9', emails: ['x'] } });
    expect(codes(onlyBroken)).toEqual(
      expect.arrayContaining(['invalid-known-address', 'unverified-address']),
    );
  });

  it('asks to confirm a genuinely new address instead of blocking it', () => {
    for (const entered of [
      'anna.svensson@volvocars.com',
      'a.svensson@telia.com',
      'svensson.anna@proton.me',
    ]) {
      const verdict = checkRecipient({ entered, customer: anna });
      expect(verdict.action, entered).toBe('confirm');
      expect(codes(verdict)).toEqual(['unverified-address']);
      expect(verdict.readBack?.entered).toBeTruthy();
    }
    const newCustomer = checkRecipient({ entered: 'lars.eriksson@bahnhof.se', customer: { id: 'C-5005' } });
    expect(find(newCustomer, 'unverified-address').knownAddresses).toBe(0);
  });

  it('reports disposable and role mailboxes as information', () => {
    const verdict = checkRecipient({ entered: 'info@mailinator.com', customer: { id: 'C-6006' } });
    expect(find(verdict, 'disposable-domain').severity).toBe('info');
    expect(find(verdict, 'role-address').local).toBe('info');
  });

  it('accepts a caller-supplied disposable test, such as the full mailchecker list', async () => {
    const { blacklist } = await import('mailchecker');
    const list = blacklist();
    const verdict = checkRecipient(
      { entered: 'kund@0-mail.com', customer: { id: 'C-6007' } },
      { disposableDomains: (domain) => list.has(domain) },
    );
    expect(codes(verdict)).toContain('disposable-domain');
  });

  it('lets a policy change what a finding asks for', () => {
    const policy = { 'unverified-address': 'send', 'near-miss': 'confirm' } as const;
    expect(checkRecipient({ entered: 'erik@example.se', customer: { id: 'C-7' } }, { policy }).action).toBe(
      'send',
    );
    expect(checkRecipient({ entered: 'anna.svensson185@gmail.com', customer: anna }, { policy }).action).toBe(
      'confirm',
    );
  });

  it('refuses a misspelt option instead of checking more weakly', () => {
    const entered = 'anna.svensson185@gmail.com';
    const misspelt = [
      [{ policy: { 'near-miss': 'Block' } }, 'options.policy.near-miss'],
      [{ policy: { nearmiss: 'block' } }, 'options.policy'],
      [{ locale: 'se' }, 'options.locale'],
      [{ defaultCountry: 'Sweden' }, 'options.defaultCountry'],
      [{ disposableDomains: ['mailinator.com'] }, 'options.disposableDomains'],
    ] as const;
    for (const [options, field] of misspelt) {
      expect(() => checkRecipient({ entered, customer: anna }, options as never)).toThrow(
        expect.objectContaining({ code: 'INVALID_INPUT', field }),
      );
    }
  });

  it('gives no suggestion when two known addresses are equally near', () => {
    const customer = { id: 'C-8', emails: ['erik.berg1@example.se', 'erik.berg2@example.se'] };
    const verdict = checkRecipient({ entered: 'erik.berg@example.se', customer });
    expect(verdict.findings.filter((finding) => finding.code === 'near-miss')).toHaveLength(2);
    expect(verdict.suggestion).toBeUndefined();
  });

  it('throws an InvalidInputError naming the field for input that breaks the schema', () => {
    const bad = [
      [{ entered: 'a@b.se', customer: { id: '' } }, 'customer.id'],
      [{ entered: 42, customer: { id: 'C-1' } }, 'entered'],
      [{ entered: 'a@b.se', customer: { id: 'C-1', emails: 'a@b.se' } }, 'customer.emails'],
      [{ entered: 'a@b.se', customer: { id: 'C-1', birthDate: '12/04/1985' } }, 'customer.birthDate'],
    ] as const;
    for (const [input, field] of bad) {
      let thrown: unknown;
      try {
        checkRecipient(input as never);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(InvalidInputError);
      expect((thrown as InvalidInputError).code).toBe('INVALID_INPUT');
      expect((thrown as InvalidInputError).field).toBe(field);
    }
  });

  it('gives a verdict for any string, never a throw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 60 }), (entered) => {
        const verdict = checkRecipient({ entered, customer: anna });
        expect(['send', 'confirm', 'block']).toContain(verdict.action);
        expect(verdict.findings.length).toBeGreaterThan(0);
      }),
      { numRuns: 1500 },
    );
  });

  it('throws nothing but EmailGuardError for any input object', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        try {
          checkRecipient(input as never);
        } catch (error) {
          expect(error).toBeInstanceOf(EmailGuardError);
        }
      }),
      { numRuns: 500 },
    );
  });
  it('blocks an extra letter in an internationalised domain as a near miss, as in an ASCII one', () => {
    // anna@åkeri.se for anna@åkri.se is one slip as typed; in Punycode (xn--keri-poa.se against
    // xn--kri-qla.se) it looks like another domain altogether.
    const customer = { id: 'C-1', emails: ['anna@åkri.se'] };
    const verdict = checkRecipient({ entered: 'anna@åkeri.se', customer });
    expect(verdict.action).toBe('block');
    expect(codes(verdict)[0]).toBe('near-miss');
    expect(find(verdict, 'near-miss').distance).toBe(1);
    expect(verdict.suggestion).toBe('anna@åkri.se');
    expect(codes(verdict)).not.toContain('sibling-domain');
  });
});
