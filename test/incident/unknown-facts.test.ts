import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { assessBreach, type BreachFacts } from '../../src/incident/index.js';

const base: BreachFacts = {
  regimes: ['gdpr'],
  dataCategories: ['name', 'email-address'],
  dataSubjects: 1,
  recipient: 'unknown-individual',
};

describe('unknown breach facts', () => {
  it('refuses a misspelt field and names the field it probably meant', () => {
    let error: unknown;
    try {
      assessBreach({ ...base, recipientConfirmedDeletio: true } as never);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    const message = (error as Error).message;
    expect(message).toContain('recipientConfirmedDeletio');
    expect(message).toContain('did you mean "recipientConfirmedDeletion"');
  });

  it('still accepts the facts spelt right', () => {
    expect(() => assessBreach({ ...base, recipientConfirmedDeletion: true })).not.toThrow();
  });
});
