import { describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/contacts/create-directory.js';
import { InvalidInputError } from '../../src/errors.js';
import { auditCustomerBase } from '../../src/guard/audit-customer-base.js';
import { checkRecipient } from '../../src/guard/check-recipient.js';

const base = [
  { id: 'C-1', name: 'Anna Svensson', emails: ['anna.svensson1985@gmail.com'], birthDate: '1985-03-14' },
  { id: 'C-2', name: 'Erik Lind', emails: ['erik.lind@telia.com'] },
  { id: 'C-3', name: 'Erik Lind', emails: ['erik.lind@telia.com'] },
  { id: 'C-4', name: 'Karin Berg', emails: ['karin.berg@hotmial.se'] },
  { id: 'C-5', name: 'Per Gustafsson', emails: ['info@gustafsson.se'] },
  { id: 'C-6', name: 'Maria Holm', emails: ['maria.holm@mailinator.com'] },
  { id: 'C-7', name: 'Sara Ek', emails: ['sara.ek@outlook.com', 'sara@ek-design.se'] },
];

describe('auditCustomerBase', () => {
  it('finds each planted problem with its customer, address and suggestion, and nothing on clean rows', () => {
    const findings = auditCustomerBase({ directory: createDirectory(base) });
    expect(findings.map((finding) => [finding.customerId, finding.code, finding.address])).toEqual([
      ['C-2', 'belongs-to-other-customer', 'erik.lind@telia.com'],
      ['C-3', 'belongs-to-other-customer', 'erik.lind@telia.com'],
      ['C-4', 'domain-typo', 'karin.berg@hotmial.se'],
      ['C-5', 'role-address', 'info@gustafsson.se'],
      ['C-6', 'disposable-domain', 'maria.holm@mailinator.com'],
    ]);
    expect(findings.find((finding) => finding.code === 'domain-typo')?.suggestion).toBe(
      'karin.berg@hotmail.se',
    );
    // Names the other customer: the audit is for whoever keeps the base.
    expect(findings[0]?.message).toContain('C-3');
  });

  it('names the other customer of a pair by id, and only when other customers may be named', () => {
    const directory = createDirectory([
      ...base,
      { id: 'C-8', name: 'Anna Svensson', emails: ['anna.svensson1958@gmail.com'], birthDate: '1958-03-14' },
    ]);
    const pairs = auditCustomerBase({ directory }).flatMap((finding) =>
      finding.otherCustomerId === undefined
        ? []
        : [[finding.code, finding.customerId, finding.otherCustomerId]],
    );
    expect(pairs).toEqual([
      ['near-miss-other-customer', 'C-1', 'C-8'],
      ['belongs-to-other-customer', 'C-2', 'C-3'],
      ['belongs-to-other-customer', 'C-3', 'C-2'],
      ['near-miss-other-customer', 'C-8', 'C-1'],
    ]);
    const hidden = auditCustomerBase({ directory }, { revealOtherCustomers: false });
    expect(hidden.filter((finding) => finding.otherCustomerId !== undefined)).toEqual([]);
    expect(hidden.some((finding) => finding.code === 'belongs-to-other-customer')).toBe(true);
  });

  it('says two people, with no suggestion, when same-name records have other birth dates and phones', () => {
    // Trial 13: two Maria Andersson, born 1958 and 1977, addresses one swap apart.
    const maria = { name: 'Maria Andersson' };
    const directory = createDirectory([
      {
        ...maria,
        id: 'K-125347',
        emails: ['maria.andersson57864@gmail.com'],
        phones: ['070-599 62 32'],
        birthDate: '1958-11-10',
      },
      {
        ...maria,
        id: 'K-137867',
        emails: ['maria.andersson58764@gmail.com'],
        phones: ['070-359 64 61'],
        birthDate: '1977-02-02',
      },
    ]);
    const findings = auditCustomerBase({ directory });
    expect(findings.map((finding) => [finding.customerId, finding.code, finding.suggestion])).toEqual([
      ['K-125347', 'near-miss-other-customer', undefined],
      ['K-137867', 'near-miss-other-customer', undefined],
    ]);
    expect(findings[0]?.message).toContain('two different people');
    expect(findings[0]?.message).not.toContain('same person');
    const verdict = checkRecipient(
      {
        entered: 'maria.andersson57864@gmail.com',
        customer: { ...maria, id: 'K-125347', birthDate: '1958-11-10' },
        directory,
      },
      { revealOtherCustomers: true },
    );
    expect(verdict.findings.find((finding) => finding.code === 'near-miss-other-customer')).toMatchObject({
      customerId: 'K-137867',
      otherPerson: true,
    });
    expect(verdict.suggestion).toBeUndefined();
  });

  it("suggests a duplicate record only towards the address that fits the customer's own birth date", () => {
    // Trial 13: C-01 is born 1985 and has 1985 in the address; C-06, same name, has the slip 198.
    const anna = {
      id: 'C-01',
      name: 'Anna Svensson',
      emails: ['anna.svensson1985@gmail.com'],
      birthDate: '1985-04-12',
    };
    const slip = { id: 'C-06', name: 'Anna Svensson', emails: ['anna.svensson198@gmail.com'] };
    const suggestions = (customers: (typeof anna | typeof slip)[]) =>
      auditCustomerBase({ directory: createDirectory(customers) })
        .filter((finding) => finding.code === 'near-miss-other-customer')
        .map((finding) => [finding.customerId, finding.suggestion]);
    // Trial 13f: the two records are taken for one person, so C-01's birth date tells for C-06
    // too: only the slip is reported, and moved onto the address that fits, never the other way.
    expect(suggestions([anna, slip])).toEqual([['C-06', 'anna.svensson1985@gmail.com']]);
    expect(suggestions([anna, { ...slip, birthDate: '1985-04-12' }])).toEqual([
      ['C-06', 'anna.svensson1985@gmail.com'],
    ]);
    // No number on either record: which is right cannot be told, and both are reported.
    const plain = (customer: typeof anna | typeof slip) => {
      const { birthDate: _birthDate, ...rest } = customer as typeof anna;
      return rest as typeof slip;
    };
    expect(suggestions([plain(anna), slip])).toEqual([
      ['C-01', undefined],
      ['C-06', undefined],
    ]);
  });

  it('flags a stored address whose domain has look-alike letters, typed or stored in Punycode', () => {
    // Trial 13: `eva@gmаil.com` (Cyrillic а) and `bo@xn--gmil-63d.com` got no finding.
    const findings = auditCustomerBase({
      directory: createDirectory([
        { id: 'C-1', name: 'Åsa Öberg', emails: ['åsa@öberg.se'] },
        { id: 'C-2', name: 'Bo', emails: ['bo@xn--gmil-63d.com'] },
        { id: 'C-3', name: 'Eva', emails: ['eva@gm\u0430il.com'] },
      ]),
    });
    expect(findings.map((finding) => [finding.customerId, finding.code, finding.suggestion])).toEqual([
      ['C-2', 'confusable-characters', 'bo@gmail.com'],
      ['C-3', 'confusable-characters', 'eva@gmail.com'],
    ]);
  });

  it('keeps the suggestion when a third record shares a mailbox with the first, and says it is the same mailbox', () => {
    // Trial 13: C-13 `annasvensson1985+shop@googlemail.com` is C-1's Gmail mailbox; C-6 lost its
    // suggestion, and the C-13 near miss was explained as four letter differences.
    const born = { name: 'Anna Svensson', birthDate: '1985-04-12' };
    const findings = auditCustomerBase({
      directory: createDirectory([
        { id: 'C-1', ...born, emails: ['anna.svensson1985@gmail.com'] },
        { id: 'C-6', ...born, emails: ['anna.svensson185@gmail.com'] },
        { id: 'C-13', ...born, emails: ['annasvensson1985+shop@googlemail.com'] },
      ]),
    }).filter((finding) => finding.customerId === 'C-6' && finding.code === 'near-miss-other-customer');
    expect(findings.map((finding) => finding.suggestion)).toEqual([
      'anna.svensson1985@gmail.com',
      'anna.svensson1985@gmail.com',
    ]);
    const third = findings.find((finding) => finding.message.includes('C-13'))?.message;
    expect(third).toContain('the same mailbox as anna.svensson1985@gmail.com');
    expect(third).toContain('a digit 9 is missing');
    expect(third).not.toContain('the letters oogle are missing');
  });

  it('flags a two-digit year one off the birth year as it flags a four-digit one', () => {
    // Trial 13: born 1963, `lars.nilsson1962` was flagged and `lars.nilsson62` was not.
    const lars = (email: string) => ({
      id: 'C-03',
      name: 'Lars Nilsson',
      emails: [email],
      birthDate: '1963-05-01',
    });
    const mismatches = (email: string) =>
      auditCustomerBase({ directory: createDirectory([lars(email)]) })
        .filter((finding) => finding.code === 'number-mismatch')
        .map((finding) => [finding.address, finding.action, finding.message]);
    expect(mismatches('lars.nilsson62@outlook.com')).toEqual([
      ['lars.nilsson62@outlook.com', 'confirm', expect.stringContaining('63')],
    ]);
    expect(mismatches('lars.nilsson1962@outlook.com')).toHaveLength(1);
    // The right year, and numbers that are no slip of it, raise nothing.
    expect(mismatches('lars.nilsson63@outlook.com')).toEqual([]);
    expect(mismatches('lars.nilsson77@outlook.com')).toEqual([]);
    expect(mismatches('lars.nilsson621@outlook.com')).toEqual([]);
  });

  it('words its findings in the locale asked for, and reports progress', () => {
    const progress: [number, number][] = [];
    const findings = auditCustomerBase(
      { directory: createDirectory(base) },
      { locale: 'sv', progressEvery: 3, onProgress: (checked, total) => progress.push([checked, total]) },
    );
    expect(findings[2]?.message).toMatch(/hotmial\.se/);
    expect(findings[2]?.message).not.toBe(
      auditCustomerBase({ directory: createDirectory(base) })[2]?.message,
    );
    expect(progress).toEqual([
      [3, 7],
      [6, 7],
      [7, 7],
    ]);
  });

  it('throws an InvalidInputError naming the field for input that breaks the schema', () => {
    const thrown = (() => {
      try {
        auditCustomerBase({ directory: [] as never });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(InvalidInputError);
    expect((thrown as InvalidInputError).field).toBe('input.directory');
    expect(() => auditCustomerBase({ directory: createDirectory() }, { progressEvery: 0 })).toThrow(
      /options\.progressEvery/,
    );
  });
});
