import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import type { BreachFacts, ReportMisdirectedInput } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

/** A private person outside the organisation received one person's data (no data named yet). */
export const stranger = {
  regimes: ['gdpr'],
  dataSubjects: 1,
  recipient: 'unknown-individual',
} satisfies Partial<BreachFacts>;

/** One customer's name, address and order sent to a stranger, on the seed case's day. */
export const strangerFacts: BreachFacts = {
  ...stranger,
  dataCategories: ['name', 'postal-address', 'order-details'],
  occurredAt: '2018-02-23T12:00:00Z',
  detectedAt: '2018-02-23T12:45:00Z',
};

/** The seed case as reportMisdirected reads it: the order confirmation and the two addresses. */
export const misdirectedInput: ReportMisdirectedInput = {
  message: readFileSync(new URL('../fixtures/order-multipart.eml', import.meta.url)),
  intended: 'anna.svensson1985@gmail.com',
  actual: 'anna.svensson185@gmail.com',
  customer: { id: '4711023', name: 'Anna Svensson' },
  organisation: { ...seedCase.provider, regimes: ['eprivacy', 'gdpr'], contact: seedCase.contact },
  reference: 'INC-2018-0042',
  detectedAt: '2018-02-23T13:45:00+01:00',
};

/** The paths of the fields the InvalidInputError that `run` throws names; fails when it accepts. */
export function refusedPaths(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).issues.map((issue) => issue.path.join('.'));
  }
  throw new Error('accepted');
}

/** {@link refusedPaths} for a function that may refuse by rejecting. */
export async function refusedPathsAsync(run: () => unknown): Promise<string[]> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).issues.map((issue) => issue.path.join('.'));
  }
  throw new Error('accepted');
}

/** The InvalidInputError a promise rejects with; fails when it resolves or rejects with another error. */
export async function refusal(promise: Promise<unknown>): Promise<InvalidInputError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InvalidInputError);
  return error as InvalidInputError;
}
