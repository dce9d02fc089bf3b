import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/contacts/create-directory.js';
import { EmailGuardError } from '../../src/errors.js';
import { checkPhone } from '../../src/guard/check-phone.js';
import type { Finding } from '../../src/guard/verdict.js';
import { parsePhone } from '../../src/phone/parse-phone.js';

const anna = { id: 'C-1', name: 'Anna Svensson', phones: ['070-123 45 67'] };

function codes(findings: readonly Finding[]): string[] {
  return findings.map((finding) => finding.code);
}

describe('checkPhone', () => {
  it('sends to a known number in any national or international format', () => {
    for (const entered of [
      '070-123 45 67',
      '0701234567',
      '+46 70 123 45 67',
      '0046701234567',
      '+46 (0)70-123 45 67',
    ]) {
      const verdict = checkPhone({ entered, customer: anna });
      expect(verdict.action).toBe('send');
      expect(codes(verdict.findings)).toEqual(['exact-match']);
    }
  });

  it('blocks a number with a digit missing and says which', () => {
    const verdict = checkPhone({ entered: '070-123 567', customer: anna });
    expect(verdict.action).toBe('block');
    expect(verdict.suggestion).toBe('070-123 45 67');
    const [first] = verdict.findings;
    expect(first?.code).toBe('near-miss');
    expect(first?.message).toContain('a digit 4 is missing after "070-123"');
  });

  it('blocks a number with an extra, a changed or two swapped digits', () => {
    const cases: [string, string][] = [
      ['070-1239 4567', 'there is an extra digit 9 after "070-123"'],
      ['070-123 45 68', '8 was typed instead of 7 after "070-123 45 6"'],
      ['070-123 54 67', '4 and 5 are swapped after "070-123"'],
    ];
    for (const [entered, explanation] of cases) {
      const verdict = checkPhone({ entered, customer: anna });
      expect(verdict.action).toBe('block');
      expect(verdict.findings[0]?.code).toBe('near-miss');
      expect(verdict.findings[0]?.message).toContain(explanation);
    }
  });

  it('explains a slip in an international number against the number written internationally', () => {
    const verdict = checkPhone({ entered: '+46 70 123 4 67', customer: anna });
    expect(verdict.findings[0]?.code).toBe('near-miss');
    expect(verdict.findings[0]?.message).toContain('a digit 5 is missing after "+46 70 123 4"');
  });

  it('reports a near miss rather than an invalid number when the slip makes it invalid', () => {
    expect(parsePhone('070-123 456')?.valid).toBe(false);
    const verdict = checkPhone({ entered: '070-123 456', customer: anna });
    expect(codes(verdict.findings)).toEqual(['near-miss']);
  });

  it('blocks what is no phone number, or no valid one, and no slip of a known one', () => {
    expect(checkPhone({ entered: 'ring mig', customer: anna }).findings[0]).toMatchObject({
      code: 'invalid-phone',
      reason: 'unreadable',
      action: 'block',
    });
    expect(checkPhone({ entered: '070-12', customer: anna }).findings[0]).toMatchObject({
      code: 'invalid-phone',
      reason: 'invalid-for-region',
    });
  });

  it('asks for confirmation of a valid number the customer is not known by', () => {
    const verdict = checkPhone({ entered: '073-987 65 43', customer: anna });
    expect(verdict.action).toBe('confirm');
    expect(codes(verdict.findings)).toEqual(['unverified-phone']);
    expect(checkPhone({ entered: '073-987 65 43', customer: { id: 'NEW' } }).findings[0]?.message).toContain(
      'no known number',
    );
  });

  it('reads national numbers in the customer’s country', () => {
    const verdict = checkPhone({
      entered: '07700 900123',
      customer: { id: 'UK-1', phones: ['+447700900123'], country: 'GB' },
    });
    expect(codes(verdict.findings)).toEqual(['exact-match']);
    const swedish = checkPhone({
      entered: '07700 900123',
      customer: { id: 'SE-1', phones: ['+447700900123'] },
    });
    expect(swedish.action).not.toBe('send');
  });

  it('asks for confirmation of a number on another customer’s record', () => {
    const directory = createDirectory([anna, { id: 'C-2', name: 'Erik Lind', phones: ['+46 73 987 65 43'] }]);
    const verdict = checkPhone(
      { entered: '073-987 65 43', customer: { id: 'NEW', name: 'Sven Holm' }, directory },
      { revealOtherCustomers: true },
    );
    expect(verdict.action).toBe('confirm');
    expect(verdict.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'belongs-to-other-customer', customerId: 'C-2' }),
      ]),
    );
    const own = checkPhone({ entered: '070-123 45 67', customer: anna, directory });
    expect(codes(own.findings)).toEqual(['exact-match']);
  });

  it('follows the policy and the locale', () => {
    const verdict = checkPhone(
      { entered: '073-987 65 43', customer: anna },
      { policy: { 'unverified-phone': 'block' }, locale: 'sv' },
    );
    expect(verdict.action).toBe('block');
    expect(
      checkPhone({ entered: '070-123 567', customer: anna }, { locale: 'sv' }).findings[0]?.message,
    ).toContain('siffran 4 saknas efter ”070-123”');
  });

  it('rejects input that breaks the schema, naming the field', () => {
    expect(() => checkPhone({ entered: 7 as never, customer: anna })).toThrow(/entered/);
    expect(() => checkPhone({ entered: '070', customer: { id: '' } })).toThrow(/customer\.id/);
  });

  it('matches any spacing and hyphenation of a known number', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('', '', ' ', '-'), { minLength: 10, maxLength: 10 }), (gaps) => {
        const entered = [...'0701234567'].map((digit, i) => `${digit}${gaps[i]}`).join('');
        expect(checkPhone({ entered, customer: anna }).action).toBe('send');
      }),
    );
  });

  it('never sends a number one digit away from the known one', () => {
    fc.assert(
      fc.property(fc.nat({ max: 9 }), fc.constantFrom(...'0123456789'), (position, digit) => {
        const known = '0701234567';
        fc.pre(known[position] !== digit);
        const entered = known.slice(0, position) + digit + known.slice(position + 1);
        const verdict = checkPhone({ entered, customer: anna });
        expect(verdict.action).toBe('block');
      }),
    );
  });

  it('gives a verdict for any string, never an error', () => {
    fc.assert(
      fc.property(fc.string(), (entered) => {
        try {
          expect(['send', 'confirm', 'block']).toContain(checkPhone({ entered, customer: anna }).action);
        } catch (error) {
          expect(error).toBeInstanceOf(EmailGuardError);
        }
      }),
    );
  });

  it('refuses a misspelt option with an InvalidInputError naming it', () => {
    const input = { entered: '070-123 45 67', customer: { id: 'C-1', phones: ['070-123 45 67'] } };
    expect(() => checkPhone(input, { locale: 'de' } as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'options.locale' }),
    );
  });

  it('finds the slip in a number typed with full-width digits, as in one typed with ASCII digits', () => {
    // An East Asian input method types ０７０ where a Swedish keyboard types 070; libphonenumber-js
    // reads both as the same number, so the slip must be found in both.
    for (const entered of ['070-123 45 76', '０７０-１２３ ４５ ７６', '＋４６ ７０ １２３ ４５ ７６']) {
      const verdict = checkPhone({ entered, customer: anna });
      expect(verdict.action, entered).toBe('block');
      expect(codes(verdict.findings)[0], entered).toBe('near-miss');
    }
  });
});

describe('a number on file that cannot be read', () => {
  it('says so, instead of checking as if the customer had no number', () => {
    const verdict = checkPhone({
      entered: '070-123 45 67',
      customer: { id: 'C-1', phones: ['070\r\n123 45 68'] },
    });
    expect(codes(verdict.findings)).toContain('invalid-known-phone');
    const broken = verdict.findings.find((finding) => finding.code === 'invalid-known-phone');
    expect(broken?.message).toBe(
      'The customer\'s number on file "070\\r\\n123 45 68" cannot be read as a phone number, so it could not be compared: correct the customer record.',
    );
  });
});
