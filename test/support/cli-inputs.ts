import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Customer } from '../../src/contacts/customer.js';

/**
 * Writes `customers` as an NDJSON export (one customer a line) named `name` in `folder`, for a
 * command's `--customers`; answers its path.
 */
export function writeCustomerExport(
  folder: string,
  customers: Readonly<Record<string, Customer>> | readonly Customer[],
  name = 'customers.ndjson',
): string {
  const file = join(folder, name);
  const rows = Array.isArray(customers) ? customers : Object.values(customers);
  writeFileSync(file, `${rows.map((customer) => JSON.stringify(customer)).join('\n')}\n`);
  return file;
}

/** Writes `lines`, each ended by a line feed, as the file `name` in `folder`; answers its path. */
export function writeLines(folder: string, name: string, lines: readonly string[]): string {
  const file = join(folder, name);
  writeFileSync(file, lines.map((line) => `${line}\n`).join(''));
  return file;
}

/** The organisation of the facts for `audit --incidents`: what a draft report needs at the least. */
export const draftOrganisation = {
  name: 'Butiken AB',
  regimes: ['gdpr'],
  contact: { name: 'Karin Berg', email: 'dpo@butiken.se', phone: '08-123 456 00' },
};

/**
 * Writes the JSON facts for `audit --facts` (the organisation, and `more`) named `name` in
 * `folder`; answers its path.
 */
export function writeDraftFacts(folder: string, name: string, more: Record<string, unknown> = {}): string {
  const file = join(folder, name);
  writeFileSync(file, JSON.stringify({ organisation: draftOrganisation, ...more }));
  return file;
}

/** The seed case's sent order confirmation: the message `email-guard incident` reads in the tests. */
export const SEED_MESSAGE = resolve(__dirname, '../../examples/data/orderbekraftelse.eml');

/** The seed case's facts for `email-guard incident --facts`, as an operator would write them. */
export const SEED_INCIDENT_FACTS = {
  customer: { id: '4711023', name: 'Anna Svensson' },
  organisation: {
    name: 'Nordkabel AB',
    customerServicePhone: '0771-40 40 40',
    regimes: ['eprivacy', 'gdpr'],
    contact: { name: 'Karin Berg', email: 'dpo@nordkabel.se', phone: '08-123 456 00' },
  },
  reference: 'NK-INC-2018-0223',
  detectedAt: '2018-02-23T13:45:00+01:00',
};

/**
 * The arguments of `email-guard incident` for the seed case, its files in `folder` as the tests
 * write them (`sent.eml`, `facts.json`), the report going into `folder/incident`; then `more`.
 */
export function seedIncidentArgs(
  folder: string,
  more: readonly string[] = [],
  actual = 'anna.svensson185@gmail.com',
): string[] {
  return [
    'incident',
    '--message',
    join(folder, 'sent.eml'),
    '--intended',
    'anna.svensson1985@gmail.com',
    '--actual',
    actual,
    '--facts',
    join(folder, 'facts.json'),
    '--out',
    join(folder, 'incident'),
    ...more,
  ];
}

/** One hit of `email-guard audit --json`, as the tests read it. */
export interface Hit {
  where: string;
  messageId?: string;
  recipient: string;
  customerId?: string;
  intended?: string;
  finding: string;
}

/**
 * A sent order confirmation as an .eml (CRLF line ends) to `to`, with Message-ID `<name@butiken.se>`
 * and, when given, the `X-Customer-Id` of the customer it was for.
 */
export function orderConfirmation(name: string, to: string, customerId?: string): string {
  return [
    'From: Butiken AB <order@butiken.se>',
    `To: ${to}`,
    'Subject: Orderbekraftelse',
    'Date: Mon, 30 Nov 2026 10:00:00 +0100',
    `Message-ID: <${name}@butiken.se>`,
    ...(customerId === undefined ? [] : [`X-Customer-Id: ${customerId}`]),
    '',
    'Hej! Din order 4411 skickas till Storgatan 12.',
    '',
  ].join('\r\n');
}

/**
 * Standard error without the lines `email-guard incident` writes for a notification deadline that had
 * passed when the report was written (the seed case's, of 2018, always has): what else it says.
 */
export function besidesPassedDeadlines(stderr: string): string {
  return stderr
    .split('\n')
    .filter(
      (line) =>
        !/^(warning: the deadline for notifying|varning: tidsfristen för att anmäla till) /.test(line),
    )
    .join('\n');
}
