import { describe, expect, it } from 'vitest';
import { type InvalidInputError, isEmailGuardError } from '../../src/errors.js';
import { reportMisdirected } from '../../src/incident/index.js';

// The notice repeats what the stranger saw: it goes to `intended`, so an `intended` the customer
// record does not hold could send the data to a third person (GDPR Art. 32(1), Art. 5(1)(f)).
const message = [
  'From: Hemhandel AB <order@hemhandel.se>',
  'To: karin.lindqvist@gmial.com',
  'Subject: Order',
  'Date: Thu, 03 Dec 2026 08:12:00 +0100',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Hej Karin Lindqvist!',
  'Kundnummer: 100234',
  '',
].join('\r\n');

const facts = {
  message,
  intended: 'karin.lindqvist@gmail.com',
  actual: 'karin.lindqvist@gmial.com',
  customer: { id: '100234', name: 'Karin Lindqvist', emails: ['karin.lindqvist@gmail.com'] },
  organisation: {
    name: 'Hemhandel AB',
    contact: { name: 'Eva Dahl', email: 'dpo@hemhandel.se', phone: '031-700 10 99' },
  },
  reference: 'HH-INC-2026-0050',
  detectedAt: '2026-12-03T09:05:00+01:00',
};
const options = { now: '2026-12-03T19:00:00+01:00' };

async function refusal(
  input: Record<string, unknown>,
  locale: 'sv' | 'en' = 'en',
): Promise<InvalidInputError> {
  const error = await reportMisdirected({ ...facts, ...input } as Parameters<typeof reportMisdirected>[0], {
    ...options,
    locale,
  }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(isEmailGuardError(error, 'INVALID_INPUT'), String(error)).toBe(true);
  return error as InvalidInputError;
}

describe('the address the notice goes to', () => {
  it("is refused, naming intended, when it is not one of the customer's known addresses", async () => {
    for (const locale of ['en', 'sv'] as const) {
      const error = await refusal({ intended: 'someone.else@gmail.com' }, locale);
      expect(error.issues.map((issue) => issue.path.join('.'))).toEqual(['input.intended']);
      expect(error.issues[0]?.message).toContain('karin.lindqvist@gmail.com');
    }
  });

  it('is taken when it reaches one of them by mailbox equivalence (case, the dots of Gmail)', async () => {
    const result = await reportMisdirected({ ...facts, intended: 'Karin.LindQvist@gmail.com' }, options);
    expect(result.notices.email.to).toBe('Karin.LindQvist@gmail.com');
  });

  it('is taken as given when the customer record holds no address', async () => {
    const result = await reportMisdirected(
      { ...facts, customer: { id: '100234', name: 'Karin Lindqvist' } },
      options,
    );
    expect(result.notices.email.to).toBe('karin.lindqvist@gmail.com');
  });

  it('refuses a customer address that is two addresses in one entry, naming the field', async () => {
    const error = await refusal({
      customer: {
        id: '100234',
        name: 'Karin Lindqvist',
        emails: ['karin.lindqvist@gmail.com, evil@attacker.example'],
      },
    });
    expect(error.issues.map((issue) => issue.path.join('.'))).toContain('input.customer.emails.0');
  });
});
