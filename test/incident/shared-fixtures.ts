import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import type {
  BreachFacts,
  ReportMisdirectedInput,
  ReportMisdirectedSmsInput,
} from '../../src/incident/index.js';
import { SEED_INCIDENT_FACTS } from '../support/cli-inputs.js';
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

// A credit-check result in an encrypted zip, the zip's password in the message body: nobody read
// the attachment, so nothing is known of what it held but that a password came with it.
export const encryptedAttachmentMessage = readFileSync(
  new URL('../fixtures/incident/encrypted-attachment.eml', import.meta.url),
  'utf8',
);

/** The encrypted attachment's message with its password sent apart, as it should have been, to a stranger. */
export const unreadAttachmentInput: ReportMisdirectedInput = {
  message: encryptedAttachmentMessage.replace(/^Lösenordet.*\r?\n/m, ''),
  intended: 'lars.ek1970@gmail.com',
  actual: 'lars.ek@gmail.com',
  customer: { id: 'C-2001', name: 'Lars Ek' },
  organisation: {
    name: 'Hemhandel AB',
    customerServicePhone: '010-555 00 00',
    regimes: ['gdpr'],
    contact: { name: 'Karin Berg', email: 'dpo@hemhandel.se', phone: '08-123 456 00' },
  },
  reference: 'HH-INC-2024-0001',
  detectedAt: '2024-10-01T10:00:00+02:00',
};

/**
 * The trial's kredit.eml: a credit decision sent to a look-alike of Johan Nilsson's address, at
 * Kredit AB; each test adds what a person recorded of its data (`dataCategories`, `needsReview`).
 */
export const kreditInput: ReportMisdirectedInput = {
  message: readFileSync(new URL('./fixtures/mail/kredit.eml', import.meta.url)),
  intended: 'johan.nilsson@hotmail.se',
  actual: 'johan.nilsson@hotmail.com',
  customer: { id: 'K-991', name: 'Johan Nilsson' },
  organisation: {
    name: 'Kredit AB',
    country: 'SE',
    regimes: ['gdpr'],
    contact: { name: 'Eva Dahl', email: 'dpo@kredit.se', phone: '08-111 11 11' },
  },
  reference: 'KR-2024-05',
  detectedAt: '2024-05-13T16:00:00+02:00',
};

/** Hälsohandeln AB's order confirmation to a slip of Maria Lind's address, with `lines` as its order lines. */
export const halsohandelnOrder = (lines: string, total: string) =>
  [
    'From: Hälsohandeln AB <order@halsohandeln.se>',
    'To: maria.lind77@gmail.com',
    'Subject: =?UTF-8?Q?Din_best=C3=A4llning?=',
    'Date: Mon, 11 Mar 2024 09:12:00 +0100',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Hej Maria Lind!',
    'Tack för din beställning 556-2291.',
    '',
    lines,
    'Frakt 49 kr',
    `Totalt ${total}`,
    '',
  ].join('\r\n');

/** The report's input for a Hälsohandeln AB order confirmation (`halsohandelnOrder`) sent to the slip. */
export const halsohandelnInput = (message: string): ReportMisdirectedInput => ({
  message,
  intended: 'maria.lind1977@gmail.com',
  actual: 'maria.lind77@gmail.com',
  customer: { id: 'K-20931', name: 'Maria Lind' },
  organisation: {
    name: 'Hälsohandeln AB',
    customerServicePhone: '010-200 30 40',
    contact: { name: 'Per Ek', email: 'dataskydd@halsohandeln.se', phone: '010-200 30 00' },
  },
  reference: 'HH-2024-007',
  detectedAt: '2024-03-11T10:05:00+01:00',
});

/** A login code sent by text message to a wrong number, at a telecom (Persónuvernd 2021122409, Nova). */
export const misdirectedSmsInput: ReportMisdirectedSmsInput = {
  text: 'Hej Anna Svensson! Logga in på Mina sidor med koden 481516. Kundnummer: 4711023.',
  intended: '070-123 45 67',
  actual: '+46 70 123 45 76',
  occurredAt: '2024-10-01T09:00:00+02:00',
  customer: { id: '4711023', name: 'Anna Svensson', emails: ['anna.svensson1985@gmail.com'] },
  organisation: { ...SEED_INCIDENT_FACTS.organisation, country: 'SE', regimes: ['eprivacy', 'gdpr'] },
  reference: 'INC-SMS-1',
  detectedAt: '2024-10-01T10:00:00+02:00',
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

// A clinic's notice sent with 45 patients' addresses in Cc instead of Bcc: every recipient saw every
// other patient's address, next to the fact that they are a patient of the diabetes clinic.
export const clinicCcMessage = readFileSync(
  new URL('../fixtures/incident/cc-instead-of-bcc.eml', import.meta.url),
);

/** The clinic's Cc message reported as misdirected from one patient to another. */
export const clinicCcInput: ReportMisdirectedInput = {
  message: clinicCcMessage,
  intended: 'patient01.namn@example.se',
  actual: 'patient02.namn@example.se',
  customer: { id: 'P-01', name: 'Patient Ett', emails: ['patient01.namn@example.se'] },
  organisation: {
    name: 'Kliniken Söder AB',
    regimes: ['gdpr'],
    contact: { name: 'Karin Berg', email: 'dpo@kliniksoder.se', phone: '08-123 456 00' },
  },
  reference: 'KS-INC-2024-0001',
  detectedAt: '2024-10-01T10:00:00+02:00',
};

/** An order confirmation at a Swedish telecom that went to a colleague's address, deleted at once. */
export const colleagueDeletedFacts: BreachFacts = {
  regimes: ['eprivacy', 'gdpr'],
  country: 'SE',
  dataCategories: ['name', 'postal-address', 'customer-number', 'order-details'],
  dataSubjects: 1,
  recipient: 'internal',
  recipientConfirmedDeletion: true,
};

/**
 * The seed case with identity numbers, no deletion confirmed and no measures, in 2026: a provider that
 * is also controller files with PTS (Regulation 611/2013 Art. 2(2)) and with IMY (GDPR Art. 33(1)).
 */
export const filedWithTwoAuthorities = {
  ...seedCase,
  dataCategories: [...(seedCase.dataCategories ?? []), 'national-id-number' as const],
  recipientConfirmedDeletion: false,
  measures: [],
  occurredAt: '2026-11-30T16:12:00+01:00',
  detectedAt: '2026-11-30T16:40:00+01:00',
};

/** A web shop under the GDPR alone, in 2024, whose confirmation listed health products. */
export const healthShop = {
  ...seedCase,
  provider: { name: 'Hälsohandeln AB', customerServicePhone: '010-200 30 40' },
  regimes: ['gdpr' as const],
  occurredAt: '2024-10-15T09:12:00+02:00',
  detectedAt: '2024-10-15T10:00:00+02:00',
  dataCategories: ['name' as const, 'postal-address' as const, 'order-details' as const, 'health' as const],
};
