import { describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/contacts/create-directory.js';
import { CustomerSchema, MAX_NAME_LENGTH } from '../../src/contacts/customer.js';
import { InvalidInputError } from '../../src/errors.js';
import { checkRecipient } from '../../src/guard/check-recipient.js';

function errorOf(call: () => unknown): InvalidInputError {
  try {
    call();
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error('expected an InvalidInputError');
}

describe('CustomerSchema', () => {
  it('refuses a misspelt field with the field it probably meant, instead of dropping it', () => {
    const error = errorOf(() =>
      checkRecipient({
        entered: 'anna@example.se',
        customer: { id: 'C-1', email: ['anna@example.se'] } as never,
      }),
    );
    expect(error.field).toBe('customer');
    expect(error.message).toMatch(/"email"/);
    expect(error.message).toMatch(/did you mean "emails"/);
    const several = errorOf(() => createDirectory([{ id: 'C-1', emial: 'x', phone: '070' } as never]));
    expect(several.field).toBe('customers.0');
    expect(several.message).toMatch(
      /"emial" \(did you mean "emails"\?\), "phone" \(did you mean "phones"\?\)/,
    );
    expect(CustomerSchema.safeParse({ id: 'C-1', created_at: '2024-01-01' }).success).toBe(false);
  });

  it('refuses a name longer than any person has, naming the field', () => {
    const name = 'Anna '.repeat(MAX_NAME_LENGTH);
    expect(errorOf(() => createDirectory([{ id: 'C-1', name }])).field).toBe('customers.0.name');
    expect(CustomerSchema.safeParse({ id: 'C-1', name: 'A'.repeat(MAX_NAME_LENGTH) }).success).toBe(true);
  });
});
