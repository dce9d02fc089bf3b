import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GuardCheckInputSchema } from '../../src/guard/create-guard.js';
import { fitsGuardCheckInput } from '../../src/guard/fits-guard-check-input.js';

/** Values of every shape a caller might put in a field by mistake. */
const stray = fc.constantFrom<unknown>(undefined, null, 42, true, '', 'x', [], {}, new Date(0), () => 'x');
const maybe = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary }, { weight: 1, arbitrary: stray });

const customer = maybe(
  fc.record(
    {
      id: maybe(fc.constantFrom('C-1001', '', ' ', 'C-2')),
      name: maybe(fc.constantFrom('Anna Svensson', 'x'.repeat(301))),
      emails: maybe(fc.array(maybe(fc.constantFrom('anna@example.se', 'x')), { maxLength: 2 })),
      country: maybe(fc.constantFrom('SE', 'se', 'XX')),
    },
    { requiredKeys: ['id'] },
  ),
);

const input = fc
  .tuple(
    maybe(fc.constantFrom('anna@example.se', ' Anna@Example.se', '')),
    fc.option(customer, { nil: null }),
    fc.option(maybe(fc.constantFrom('C-1001', '', 'C-2')), { nil: null }),
    fc.option(fc.constantFrom('extra', 'customerID'), { nil: null }),
    fc.constantFrom('plain', 'plain', 'plain', 'null-prototype', 'class'),
  )
  .map(([entered, who, id, extra, kind]) => {
    const fields: Record<string, unknown> = { entered };
    if (who !== null) fields.customer = who;
    if (id !== null) fields.customerId = id;
    if (extra !== null) fields[extra] = 1;
    if (kind === 'null-prototype') return Object.assign(Object.create(null), fields) as unknown;
    if (kind === 'class') return Object.assign(new (class Input {})(), fields) as unknown;
    return fields;
  });

describe('fitsGuardCheckInput', () => {
  it('vouches only for input the schema accepts, and for those gives back the very fields the schema does', () => {
    let vouched = 0;
    let accepted = 0;
    fc.assert(
      fc.property(input, (value) => {
        const parsed = GuardCheckInputSchema.safeParse(value);
        // Accepted as it is, from a plain object: what the hand check is meant to vouch for.
        if (
          parsed.success &&
          Object.getPrototypeOf(value) === Object.prototype &&
          JSON.stringify(parsed.data) === JSON.stringify(value)
        )
          accepted++;
        if (!fitsGuardCheckInput(value)) return;
        vouched++;
        expect(parsed.success).toBe(true);
        expect(parsed.data).toEqual({ ...(value as object) });
      }),
      { numRuns: 5_000 },
    );
    // Not a test that passes by vouching for nothing: most plain inputs accepted as they are are vouched for.
    expect(vouched).toBeGreaterThan(accepted / 2);
  });
});
