import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/contacts/create-directory.js';
import { CustomerSchema, fitsCustomerSchema } from '../../src/contacts/customer.js';
import { InvalidInputError } from '../../src/errors.js';
import { checkRecipient } from '../../src/guard/check-recipient.js';
import { CheckRecipientInputSchema } from '../../src/guard/check-recipient-input-schema.js';
import { fitsCheckRecipientInput } from '../../src/guard/fits-check-recipient-input.js';
import type { CheckRecipientInput } from '../../src/guard/recipient-checker.js';
import { parseInput } from '../../src/internal/parse-input.js';

const directory = createDirectory();

/** Values of every shape a caller might put in a field by mistake. */
const stray = fc.constantFrom<unknown>(
  undefined,
  null,
  42,
  true,
  '',
  'x',
  [],
  {},
  new Date(0),
  new Map(),
  () => 'x',
  Symbol('s'),
);
/** Most of the time nothing (null), now and then a value. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });
const maybe = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary }, { weight: 1, arbitrary: stray });

const id = maybe(
  fc.oneof(fc.constantFrom('C-1001', '', '\uD800', 'C\uD83D\uDE00', ' '), fc.string({ maxLength: 6 })),
);
const name = maybe(
  fc.oneof(fc.constantFrom('Anna Svensson', 'x'.repeat(300), 'x'.repeat(301)), fc.string({ maxLength: 12 })),
);
const listOf = (item: fc.Arbitrary<unknown>) =>
  maybe(
    fc.oneof(
      { weight: 6, arbitrary: fc.array(item, { maxLength: 4 }) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(255, 256).map((n) => Array.from({ length: n }, () => 'a@b.se')),
      },
      // A sparse array: its hole is an element that is not a string.
      // biome-ignore lint/suspicious/noSparseArray: the hole is the point
      { weight: 1, arbitrary: fc.constant([, 'a@b.se']) },
    ),
  );
const emails = listOf(maybe(fc.constantFrom('anna@example.se', 'x', '')));
const phones = listOf(maybe(fc.constantFrom('070-123 45 67', '+46701234567', '')));
const birthDate = maybe(
  fc.oneof(
    fc.constantFrom(
      '1985-04-12',
      '2024-02-29',
      '2023-02-29',
      '1900-02-29',
      '2000-02-29',
      '1985-13-01',
      '1985-04-31',
      '85-04-12',
      '1985-04-12T00:00',
    ),
    fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
  ),
);
const country = maybe(fc.constantFrom('SE', 'se', 'sE', 'GB', 'UK', 'EL', 'XX', 'S', 'SWE', '', 'ÅÄ'));
const extraKey = fc.constantFrom('email', 'notes', 'Emails', 'constructor', 'toString');

/** Customer records with every kind of fault, one or several. */
const faultyCustomer = fc
  .tuple(
    fc.record({ id, name, emails, phones, birthDate, country }, { requiredKeys: [] }),
    rarely(extraKey),
    fc.constantFrom('plain', 'plain', 'plain', 'null-prototype', 'class'),
  )
  .map(([record, extra, kind]) => {
    const fields: Record<string, unknown> = { ...record };
    if (extra !== null) fields[extra] = 'x';
    if (kind === 'null-prototype') return Object.assign(Object.create(null), fields) as unknown;
    if (kind === 'class') return Object.assign(new (class Record {})(), fields) as unknown;
    return fields;
  });
/** Customer records as callers pass them: every field right, the optional ones there or not. */
const validCustomer = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 8 }),
    name: fc.constantFrom('Anna Svensson', 'x'.repeat(300)),
    emails: fc.array(fc.constantFrom('anna.svensson1985@gmail.com', 'anna@svenssonbygg.se', 'x'), {
      maxLength: 3,
    }),
    phones: fc.array(fc.constantFrom('070-123 45 67', '+447700900123'), { maxLength: 2 }),
    birthDate: fc.constantFrom('1985-04-12', '2000-02-29'),
    country: fc.constantFrom('SE', 'gb', 'No'),
  },
  { requiredKeys: ['id'] },
);
const customer = fc.oneof(validCustomer, faultyCustomer);

const input = fc
  .tuple(
    maybe(fc.constantFrom('anna@example.se', ' Anna@Example.se', '')),
    fc.oneof({ weight: 5, arbitrary: customer }, { weight: 1, arbitrary: stray }),
    fc.constantFrom<unknown>(
      undefined,
      undefined,
      directory,
      {},
      { findAddress: () => [], findPhone: () => [] },
      'dir',
    ),
    rarely(fc.constantFrom('extra', 'options')),
    fc.boolean(),
  )
  .map(([entered, who, dir, extra, withDirectoryKey]) => {
    const value: Record<string, unknown> = { entered, customer: who };
    if (dir !== undefined || withDirectoryKey) value.directory = dir;
    if (extra !== null) value[extra] = 1;
    return value;
  });

describe('fitsCustomerSchema', () => {
  it('vouches only for records CustomerSchema accepts, and for those gives back the very fields the schema does', () => {
    let vouched = 0;
    let accepted = 0;
    fc.assert(
      fc.property(customer, (value) => {
        const parsed = CustomerSchema.safeParse(value);
        if (parsed.success) accepted++;
        if (!fitsCustomerSchema(value)) return;
        vouched++;
        expect(parsed.success).toBe(true);
        expect(parsed.data).toEqual({ ...(value as object) });
      }),
      { numRuns: 5_000 },
    );
    // Not a test that passes by vouching for nothing: nearly every valid plain record is vouched for.
    expect(vouched).toBeGreaterThan(accepted / 2);
  });
});

describe('fitsCheckRecipientInput', () => {
  it('vouches only for input the schema accepts, and for those gives back the very fields the schema does', () => {
    let vouched = 0;
    fc.assert(
      fc.property(input, (value) => {
        const parsed = CheckRecipientInputSchema.safeParse(value);
        if (!fitsCheckRecipientInput(value)) return;
        vouched++;
        expect(parsed.success).toBe(true);
        expect(parsed.data).toEqual(value);
      }),
      { numRuns: 5_000 },
    );
    expect(vouched).toBeGreaterThan(500);
  });

  it('gives the same verdict, or the same error naming the same fields, with the check by hand as through the schema alone', () => {
    const outcomeOf = (call: () => unknown) => {
      try {
        return call();
      } catch (error) {
        return error instanceof InvalidInputError ? { error: error.message, issues: error.issues } : error;
      }
    };
    fc.assert(
      fc.property(input, (value) => {
        const viaSchema = outcomeOf(() =>
          checkRecipient(parseInput(CheckRecipientInputSchema, value) as CheckRecipientInput),
        );
        expect(outcomeOf(() => checkRecipient(value as unknown as CheckRecipientInput))).toEqual(viaSchema);
      }),
      { numRuns: 2_000 },
    );
  });
});
