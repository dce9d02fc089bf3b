import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { syntheticCustomers } from '../../eval/cases/synthetic-people.js';
import { createDirectory } from '../../src/contacts/create-directory.js';
import { auditCustomerBase } from '../../src/guard/audit-customer-base.js';
import { checkRecipient } from '../../src/guard/check-recipient.js';
import type { Finding } from '../../src/guard/verdict.js';

const directory = createDirectory([
  { id: 'C-1', name: 'Anna Svensson', emails: ['anna.svensson1985@gmail.com'] },
  { id: 'C-2', name: 'Erik Lind', emails: ['erik.lind@telia.com'] },
  { id: 'C-3', name: 'Maria Lind', emails: ['erik.lind@telia.com', 'maria.lind@telia.com'] },
]);

// A staff tool's options: the other customers' details are shown (see test/guard/disclosure.test.ts).
const staff = { revealOtherCustomers: true };

function codes(findings: readonly Finding[]): string[] {
  return findings.map((finding) => finding.code);
}

describe('checkRecipient with a directory', () => {
  it('asks for confirmation when the address reaches another customer’s mailbox', () => {
    const verdict = checkRecipient(
      { entered: 'Erik.Lind@Telia.com', customer: { id: 'NEW-1', name: 'Sven Holm' }, directory },
      staff,
    );
    expect(verdict.action).toBe('confirm');
    const others = verdict.findings.filter((finding) => finding.code === 'belongs-to-other-customer');
    expect(
      others.map((finding) => finding.code === 'belongs-to-other-customer' && finding.customerId),
    ).toEqual(['C-2', 'C-3']);
    expect(others[0]?.message).toContain('C-2');
  });

  it('reads its own directory without validating the lookup again, and a caller’s through findAddress', () => {
    const own = createDirectory([{ id: 'C-2', name: 'Erik Lind', emails: ['erik.lind@telia.com'] }]);
    const validated = vi.spyOn(own, 'findAddress');
    const input = { entered: 'erik.lind@telia.com', customer: { id: 'NEW-1' } };
    expect(codes(checkRecipient({ ...input, directory: own }).findings)).toContain(
      'belongs-to-other-customer',
    );
    expect(validated).not.toHaveBeenCalled();

    const callers = {
      findAddress: vi.fn(() => [
        { customerId: 'C-2', address: 'erik.lind@telia.com', key: 'erik.lind@telia.com', distance: 0 },
      ]),
      findPhone: vi.fn(() => []),
    };
    const verdict = checkRecipient({ ...input, directory: callers as never });
    expect(callers.findAddress).toHaveBeenCalledOnce();
    expect(codes(verdict.findings)).toContain('belongs-to-other-customer');
  });

  it('finds another customer’s mailbox under a Gmail spelling of it', () => {
    const verdict = checkRecipient({
      entered: 'annasvensson1985+shop@googlemail.com',
      customer: { id: 'NEW-2' },
      directory,
    });
    expect(codes(verdict.findings)).toContain('belongs-to-other-customer');
  });

  it('blocks a near miss of a same-named customer’s address, naming it to staff but never suggesting it', () => {
    const verdict = checkRecipient(
      { entered: 'anna.svensson185@gmail.com', customer: { id: 'NEW-3', name: 'Svensson, Anna' }, directory },
      staff,
    );
    expect(verdict.action).toBe('block');
    // A suggestion is pre-filled and released to: another customer's address never is one.
    expect(verdict.suggestion).toBeUndefined();
    expect(verdict.readBack).toEqual({ entered: expect.any(String) });
    const [first] = verdict.findings;
    expect(first?.code).toBe('near-miss-other-customer');
    if (first?.code !== 'near-miss-other-customer') return;
    expect(first.customerId).toBe('C-1');
    expect(first.edits).toEqual([{ kind: 'missing', character: '9', after: 'anna.svensson1', index: 14 }]);
    expect(first.message).toContain('a digit 9 is missing after "anna.svensson1"');
  });

  it('blocks a same-named customer’s address typed with a slip in the domain', () => {
    const verdict = checkRecipient(
      { entered: 'anna.svensson1985@gmial.com', customer: { id: 'NEW-4', name: 'Anna Svensson' }, directory },
      staff,
    );
    expect(codes(verdict.findings)).toContain('near-miss-other-customer');
    expect(verdict.suggestion).toBeUndefined();
  });

  for (const revealOtherCustomers of [false, true]) {
    it(`never suggests another customer's address as a corrected domain${revealOtherCustomers ? ', to staff either' : ''}`, () => {
      const verdict = checkRecipient(
        { entered: 'anna.svensson1985@gmial.com', customer: { id: 'NEW-6', name: 'Karin Berg' }, directory },
        { revealOtherCustomers },
      );
      expect(codes(verdict.findings)).toContain('domain-typo');
      expect(verdict.suggestion).toBeUndefined();
      const typo = verdict.findings.find((finding) => finding.code === 'domain-typo');
      expect(typo?.message).toContain('the address of another customer');
      expect(typo?.message).not.toContain('gmail.com');
    });
  }

  it('does not block a near miss of a differently named customer’s address', () => {
    const verdict = checkRecipient({
      entered: 'anna.svensson185@gmail.com',
      customer: { id: 'NEW-5', name: 'Karin Berg' },
      directory,
    });
    expect(codes(verdict.findings)).not.toContain('near-miss-other-customer');
    expect(verdict.action).toBe('confirm');
  });

  it('adds nothing for the customer’s own address shared with a household member', () => {
    const verdict = checkRecipient({
      entered: 'erik.lind@telia.com',
      customer: { id: 'C-3', name: 'Maria Lind', emails: ['erik.lind@telia.com'] },
      directory,
    });
    expect(codes(verdict.findings)).toEqual(['exact-match']);
    expect(verdict.action).toBe('send');
  });

  it('does not ask the directory about the customer’s own known mailbox, which it could add nothing to', () => {
    const callers = {
      findAddress: vi.fn(() => [
        { customerId: 'C-2', address: 'erik.lind@telia.com', key: 'erik.lind@telia.com', distance: 0 },
        { customerId: 'C-4', name: 'Maria Lind', address: 'maria.lind@telia.com', key: 'x', distance: 1 },
      ]),
      findPhone: vi.fn(() => []),
    };
    const customer = { id: 'C-3', name: 'Maria Lind', emails: ['erik.lind@telia.com'] };
    for (const entered of ['erik.lind@telia.com', ' Erik.Lind@Telia.com ']) {
      const verdict = checkRecipient({ entered, customer, directory: callers as never }, staff);
      expect(verdict).toEqual(checkRecipient({ entered, customer }, staff));
    }
    expect(callers.findAddress).not.toHaveBeenCalled();
  });

  it('does not call a known mailbox a typo of a same-named customer’s address', () => {
    const withNamesakes = createDirectory([
      { id: 'A-1', name: 'Anna Svensson', emails: ['anna.svensson1@gmail.com'] },
      { id: 'A-2', name: 'Anna Svensson', emails: ['anna.svensson2@gmail.com'] },
    ]);
    const verdict = checkRecipient({
      entered: 'anna.svensson2@gmail.com',
      customer: { id: 'NEW-6', name: 'Anna Svensson' },
      directory: withNamesakes,
    });
    expect(codes(verdict.findings)).not.toContain('near-miss-other-customer');
    expect(codes(verdict.findings)).toContain('belongs-to-other-customer');
  });

  it('follows the policy for the new findings', () => {
    const verdict = checkRecipient(
      { entered: 'erik.lind@telia.com', customer: { id: 'NEW-7' }, directory },
      { policy: { 'belongs-to-other-customer': 'block' } },
    );
    expect(verdict.action).toBe('block');
  });

  it('writes the findings in Swedish', () => {
    const verdict = checkRecipient(
      { entered: 'anna.svensson185@gmail.com', customer: { id: 'NEW-8', name: 'Anna Svensson' }, directory },
      { locale: 'sv', revealOtherCustomers: true },
    );
    expect(verdict.findings[0]?.message).toContain('siffran 9 saknas efter ”anna.svensson1”');
    const minimal = checkRecipient(
      { entered: 'erik.lind@telia.com', customer: { id: 'NEW-8', name: 'Sven Holm' }, directory },
      { locale: 'sv' },
    );
    expect(minimal.findings[0]?.message).toBe(
      'Adressen är registrerad på en annan kund. Kontrollera att den verkligen är den här kundens.',
    );
  });

  it('rejects something that is not a directory', () => {
    expect(() =>
      checkRecipient({ entered: 'a@b.se', customer: { id: 'X' }, directory: {} as never }),
    ).toThrow(/directory/);
  });

  it('checks as before without a directory', () => {
    const verdict = checkRecipient({ entered: 'erik.lind@telia.com', customer: { id: 'NEW-9' } });
    expect(codes(verdict.findings)).not.toContain('belongs-to-other-customer');
  });

  it('only ever adds findings: a directory never makes a verdict less cautious', () => {
    const people = [...syntheticCustomers(300, 21)];
    const crowd = createDirectory(people);
    const rank = { send: 0, confirm: 1, block: 2 } as const;
    const entered = fc.oneof(
      fc.constantFrom(...people.map((person) => person.emails[0] as string)),
      fc
        .constantFrom(...people.map((person) => person.emails[0] as string))
        .chain((address) =>
          fc.nat({ max: address.length - 1 }).map((at) => address.slice(0, at) + address.slice(at + 1)),
        ),
      fc.emailAddress(),
    );
    const customer = fc.record({
      id: fc.constantFrom('NEW', ...people.slice(0, 20).map((person) => person.id)),
      name: fc.constantFrom(...people.slice(0, 50).map((person) => person.name)),
      emails: fc.array(fc.constantFrom(...people.slice(0, 50).map((person) => person.emails[0] as string)), {
        maxLength: 2,
      }),
    });
    fc.assert(
      fc.property(entered, customer, (address, who) => {
        const alone = checkRecipient({ entered: address, customer: who });
        const withDirectory = checkRecipient({ entered: address, customer: who, directory: crowd });
        expect(rank[withDirectory.action]).toBeGreaterThanOrEqual(rank[alone.action]);
        const codesAlone = codes(alone.findings);
        expect(codes(withDirectory.findings).filter((code) => !code.endsWith('other-customer'))).toEqual(
          expect.arrayContaining(codesAlone),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('does not take a customer whose name differs by a letter for a duplicate, nor suggest their address', () => {
    const directory = createDirectory([{ id: 'C-2', name: 'Erik Lund', emails: ['erik.lund@telia.com'] }]);
    const verdict = checkRecipient({
      entered: 'erik.lind@telia.com',
      customer: { id: 'NEW', name: 'Erik Lind' },
      directory,
    });
    expect(verdict.action).toBe('confirm');
    expect(verdict.suggestion).toBeUndefined();
    expect(verdict.findings.map((finding) => finding.code)).not.toContain('near-miss-other-customer');
  });

  it("shows another customer's internationalised domain as typed in the evidence, and suggests it never", () => {
    const idn = createDirectory([
      { id: 'C-1', name: 'Åsa Öberg', emails: ['asa@åkeri.se'] },
      { id: 'C-2', name: 'Bo Öberg', emails: ['bo@åkeri.se'] },
    ]);
    const options = { revealOtherCustomers: true };
    const duplicate = checkRecipient(
      { entered: 'asa@åkerii.se', customer: { id: 'NEW-1', name: 'Åsa Öberg' }, directory: idn },
      options,
    );
    expect(duplicate.suggestion).toBeUndefined();
    expect(duplicate.findings[0]).toMatchObject({ code: 'near-miss-other-customer', known: 'asa@åkeri.se' });
    const shared = checkRecipient(
      { entered: 'bo@åkeri.se', customer: { id: 'NEW-2', name: 'Sven Holm' }, directory: idn },
      options,
    );
    expect(shared.findings[0]).toMatchObject({ code: 'belongs-to-other-customer', known: 'bo@åkeri.se' });
  });
});

describe('checkRecipient near the address of another customer whose name it fits better', () => {
  // Trial 13 (issue 13): Erik Lind's order corrected to oskar.wallin46376@live.se, one slip from
  // customer K-101924 Oskar Wallin's address.
  const trial = createDirectory([
    {
      id: 'K-101924',
      name: 'Oskar Wallin',
      emails: ['oskar.wallin46375@live.se'],
      phones: ['070-678 32 28'],
      birthDate: '1951-10-02',
    },
    { id: 'K-900004', name: 'Erik Lind', emails: ['erik.lind@telia.com'] },
    { id: 'K-3', name: 'Anna Bergström', emails: ['anna.berg1@telia.com'] },
    { id: 'K-4', name: 'Kontakt Gruppen', emails: ['info1@bygg.se'] },
  ]);
  const erik = { id: 'K-900004', name: 'Erik Lind', emails: ['erik.lind@telia.com'] };

  it('asks for confirmation, naming the other customer to staff and masking the address otherwise', () => {
    const revealed = checkRecipient(
      { entered: 'oskar.wallin46376@live.se', customer: erik, directory: trial },
      staff,
    );
    expect(revealed.action).toBe('confirm');
    expect(revealed.suggestion).toBeUndefined();
    expect(revealed.findings.find((finding) => finding.code === 'near-miss-other-name')).toMatchObject({
      action: 'confirm',
      customerId: 'K-101924',
      known: 'oskar.wallin46375@live.se',
      distance: 1,
    });
    const masked = checkRecipient({ entered: 'oskar.wallin46376@live.se', customer: erik, directory: trial });
    const finding = masked.findings.find((found) => found.code === 'near-miss-other-name');
    expect(finding).toMatchObject({ known: 'o***@live.se', distance: 1 });
    expect(finding).not.toHaveProperty('customerId');
    expect(finding?.message).toContain('whose name it fits better');
  });

  it("says nothing more of an address that fits this customer's name as well, or of no one's name", () => {
    // Anna Berg's own name fits anna.berg2 at least as well as Anna Bergström's does.
    const anna = checkRecipient(
      { entered: 'anna.berg2@telia.com', customer: { id: 'NEW-1', name: 'Anna Berg' }, directory: trial },
      staff,
    );
    expect(codes(anna.findings)).toEqual(['unverified-address']);
    const info = checkRecipient(
      { entered: 'info2@bygg.se', customer: { id: 'NEW-2', name: 'Sven Holm' }, directory: trial },
      staff,
    );
    expect(codes(info.findings)).not.toContain('near-miss-other-name');
    // The customer's own address is never one.
    const own = checkRecipient({ entered: 'erik.lind@telia.com', customer: erik, directory: trial }, staff);
    expect(own.action).toBe('send');
  });

  it('is not reported over the whole customer base, where it would flood', () => {
    const base = createDirectory([
      { id: 'K-101924', name: 'Oskar Wallin', emails: ['oskar.wallin46375@live.se'] },
      { id: 'K-900004', name: 'Erik Lind', emails: ['oskar.wallin46376@live.se'] },
    ]);
    expect(auditCustomerBase({ directory: base })).toEqual([]);
  });
});
