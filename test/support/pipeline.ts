import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createDirectory, type Directory } from '../../src/contacts/create-directory.js';
import type { Customer } from '../../src/contacts/customer.js';
import { createGuard, type Guard, type GuardOptions } from '../../src/guard/create-guard.js';
import type { AuditEntry, AuditLog } from '../../src/nodemailer/audit-log.js';
import { createFileHoldStore } from '../../src/nodemailer/create-file-hold-store.js';
import type { HoldStore } from '../../src/nodemailer/hold-store.js';
import { nodemailerGuard } from '../../src/nodemailer/nodemailer-guard.js';
import { type SmtpSink, startSmtpSink } from './smtp-sink.js';

/** The customers the pipeline tests send to. */
export const customers: Record<string, Customer> = {
  'C-1001': {
    id: 'C-1001',
    name: 'Anna Svensson',
    emails: ['anna.svensson1985@gmail.com', 'anna@svenssonbygg.se'],
    phones: ['070-123 45 67'],
  },
  'C-2002': { id: 'C-2002', name: 'Erik Lind', emails: ['erik.lind@telia.com'] },
};

/** A directory of the pipeline tests' {@link customers}, made anew for each call. */
export function directoryOfCustomers(): Directory {
  return createDirectory(Object.values(customers));
}

/**
 * A guard that knows the pipeline tests' {@link customers}: each is looked up by id and is in its
 * directory, so another customer's address is found as theirs.
 */
export function guardOfCustomers(options: GuardOptions = {}): Guard {
  return createGuard({
    lookupCustomer: async (id) => customers[id],
    directory: directoryOfCustomers(),
    ...options,
  });
}

/** A fresh directory under the system's temporary directory, removed by `cleanup`. */
export async function temporaryDirectory(): Promise<{ path: string; cleanup: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'email-guard-'));
  return { path, cleanup: () => rm(path, { recursive: true, force: true }) };
}

/** An audit log in memory, to read back what was decided. */
export function memoryAuditLog(): AuditLog & { entries: AuditEntry[] } {
  const entries: AuditEntry[] = [];
  return {
    entries,
    async record(entry) {
      entries.push(entry);
    },
  };
}

/** A plain SMTP transport to the local test server. */
export function smtpTransport(port: number, pool = false) {
  return nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    ...(pool ? { pool: true as const, maxConnections: 4, maxMessages: Number.POSITIVE_INFINITY } : {}),
  });
}

/** What every pipeline test starts from: a local SMTP server, and per test a fresh hold store and audit log. */
export interface PipelineFixture {
  readonly sink: SmtpSink;
  readonly dir: string;
  readonly holdStore: HoldStore;
  readonly audit: AuditLog & { entries: AuditEntry[] };
}

/** Registers the hooks that start one SMTP server for the file and a clean store for each test. */
export function usePipelineFixture(): PipelineFixture {
  let sink: SmtpSink | undefined;
  let dir: { path: string; cleanup: () => Promise<void> } | undefined;
  let holdStore: HoldStore | undefined;
  let audit: (AuditLog & { entries: AuditEntry[] }) | undefined;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink?.close();
  });
  beforeEach(async () => {
    sink?.received.splice(0);
    sink?.refuse.clear();
    sink?.refuseData.clear();
    if (sink) sink.onMessage = undefined;
    dir = await temporaryDirectory();
    holdStore = createFileHoldStore(join(dir.path, 'held'));
    audit = memoryAuditLog();
  });
  afterEach(async () => {
    await dir?.cleanup();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the pipeline fixture is used outside a test');
    return value;
  };
  return {
    get sink() {
      return ready(sink);
    },
    get dir() {
      return ready(dir).path;
    },
    get holdStore() {
      return ready(holdStore);
    },
    get audit() {
      return ready(audit);
    },
  };
}

/**
 * A transporter to the fixture's SMTP server with `nodemailerGuard` in front, held mail going to the
 * fixture's store and every decision to its audit log. By default customers are looked up by the id
 * a message carries (`emailGuard: { customerId }`); `customer` makes every message that customer's.
 * `stores` puts another hold store and audit log (the PostgreSQL ones) in place of the fixture's;
 * `directory` lets the guard see every customer's addresses (`belongs-to-other-customer`).
 */
export function guardedTransport(
  fixture: PipelineFixture,
  customer?: Customer,
  stores?: { readonly holdStore: HoldStore; readonly auditLog: AuditLog },
  directory?: Directory,
) {
  const transporter = smtpTransport(fixture.sink.port);
  const seen = directory === undefined ? {} : { directory };
  transporter.use(
    'compile',
    nodemailerGuard({
      ...(customer === undefined
        ? { guard: createGuard({ ...seen, lookupCustomer: async (id) => customers[id] }) }
        : { guard: createGuard(seen), resolveCustomer: () => customer }),
      holdStore: stores?.holdStore ?? fixture.holdStore,
      auditLog: stores?.auditLog ?? fixture.audit,
    }),
  );
  return transporter;
}

/**
 * The options of {@link guardedTransport}'s guard with nothing changed: customers looked up by the id
 * a message carries, held mail to the fixture's store, decisions to its audit log. Spread them
 * under an option a test sets (`mode: 'monitor'`).
 */
export function fixtureGuardOptions(fixture: PipelineFixture) {
  return {
    guard: createGuard({ lookupCustomer: async (id) => customers[id] }),
    holdStore: fixture.holdStore,
    auditLog: fixture.audit,
  };
}

/** A transporter to the fixture's SMTP server with `nodemailerGuard` in front in monitor mode. */
export function monitoringTransport(fixture: PipelineFixture) {
  const transporter = smtpTransport(fixture.sink.port);
  transporter.use('compile', nodemailerGuard({ ...fixtureGuardOptions(fixture), mode: 'monitor' }));
  return transporter;
}

/**
 * What the fixture's SMTP server received for these options sent without the guard, as nodemailer
 * alone delivers them; taken off `sink.received`, so a test's own count starts from nothing.
 */
export async function sentUnguarded(fixture: PipelineFixture, options: SendMailOptions) {
  const before = fixture.sink.received.length;
  const transporter = smtpTransport(fixture.sink.port);
  await transporter.sendMail(options);
  transporter.close();
  const [received] = fixture.sink.received.splice(before);
  if (!received) throw new Error('the unguarded message was not delivered');
  return received;
}

/** An order confirmation to C-1001's own address, with `extra` options over it. */
export const annasOrder = (extra: Partial<SendMailOptions>): SendMailOptions =>
  ({
    from: 'order@butiken.se',
    to: 'anna.svensson1985@gmail.com',
    subject: 'Orderbekräftelse 4711',
    text: 'Tack!',
    emailGuard: { customerId: 'C-1001' },
    ...extra,
  }) as SendMailOptions;

/** What `sendMail` rejected with, or `undefined` when it sent the message. */
export const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (reason: { code?: string; message?: string }) => reason,
  );
