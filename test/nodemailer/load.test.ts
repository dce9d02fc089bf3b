import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { SendMailOptions } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuard } from '../../src/guard/create-guard.js';
import {
  createFileHoldStore,
  createJsonLinesAuditLog,
  type HeldMessageError,
  nodemailerGuard,
} from '../../src/nodemailer/index.js';
import { customers, smtpTransport } from '../support/pipeline.js';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';
import { useTempDir } from '../support/use-temp-dir.js';

const MESSAGES = 1000;

// Each kind of message, by what the guard should do with it.
const kinds = [
  { kind: 'good', to: 'anna.svensson1985@gmail.com', sent: true },
  { kind: 'second-known', to: 'Anna <anna@svenssonbygg.se>', sent: true },
  { kind: 'typo', to: 'anna.svensson185@gmail.com', sent: false },
  { kind: 'domain-typo', to: 'anna.svensson1985@gmial.com', sent: false },
  { kind: 'unknown', to: 'someone@example.org', sent: false },
  { kind: 'confirmed', to: 'someone@example.org', sent: true },
  { kind: 'injection', to: 'anna.svensson1985@gmail.com\r\nBcc: thief@example.com', sent: false },
] as const;

let sink: SmtpSink;
const dir = useTempDir({ scope: 'file' });

beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});

describe('the nodemailer plugin under load', () => {
  it('sends every good message of 1,000 exactly once through a pool and holds every other one', async () => {
    const holdStore = createFileHoldStore(join(dir.path, 'held'));
    const transporter = smtpTransport(sink.port, true);
    transporter.use(
      'compile',
      nodemailerGuard({
        guard: createGuard({ lookupCustomer: async (id) => customers[id] }),
        resolveCustomer: async (data) => String((data.headers as Record<string, unknown>)['X-Customer-Id']),
        holdStore,
        auditLog: createJsonLinesAuditLog(join(dir.path, 'audit.jsonl')),
      }),
    );
    const plan = Array.from({ length: MESSAGES }, (_, index) => ({
      index,
      ...(kinds[(index * 7 + (index >> 3)) % kinds.length] as (typeof kinds)[number]),
    }));
    const results = await Promise.allSettled(
      plan.map(({ index, kind, to }) => {
        const message: SendMailOptions & { emailGuard?: unknown } = {
          from: 'order@butiken.se',
          to,
          subject: `Order ${index}`,
          text: `Order ${index}: one ${kind}`,
          headers: { 'X-Customer-Id': 'C-1001', 'X-Order': String(index) },
          ...(kind === 'confirmed'
            ? { emailGuard: { confirmation: { by: 'lena', reason: 'read back' } } }
            : {}),
        };
        return transporter.sendMail(message as SendMailOptions);
      }),
    );
    transporter.close();

    const arrived = new Map<number, number>();
    for (const message of sink.received) {
      const order = Number((await simpleParser(message.raw)).headers.get('x-order'));
      arrived.set(order, (arrived.get(order) ?? 0) + 1);
    }
    const held = await holdStore.list();
    const heldIds = new Set(held.map((entry) => entry.id));
    const heldMessageIds = new Map(held.map((entry) => [entry.messageId, entry.id]));
    expect(heldIds.size).toBe(held.length);

    for (const { index, sent } of plan) {
      const result = results[index];
      if (sent) {
        expect(result?.status).toBe('fulfilled');
        expect(arrived.get(index)).toBe(1);
      } else {
        expect(result?.status).toBe('rejected');
        expect(arrived.has(index)).toBe(false);
        const error = (result as PromiseRejectedResult).reason as HeldMessageError;
        expect(['RECIPIENT_BLOCKED', 'RECIPIENT_NEEDS_CONFIRMATION']).toContain(error.code);
        expect(heldMessageIds.get(error.messageId)).toBe(error.holdId);
      }
    }
    const sentCount = plan.filter((entry) => entry.sent).length;
    expect(sink.received).toHaveLength(sentCount);
    expect(held).toHaveLength(MESSAGES - sentCount);
    expect(sink.received.some((message) => message.to.includes('thief@example.com'))).toBe(false);
    // A bound against a hang, not a time assertion: 1,000 real SMTP sends on a shared two-core machine.
  }, 120_000);
});
