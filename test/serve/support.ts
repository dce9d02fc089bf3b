import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createDirectory } from '../../src/contacts/create-directory.js';
import { createGuard } from '../../src/guard/create-guard.js';
import { nodemailerGuard } from '../../src/nodemailer/nodemailer-guard.js';
import { createServer, type ServerOptions } from '../../src/serve/create-server.js';
import { customers, guardedTransport, type PipelineFixture, smtpTransport } from '../support/pipeline.js';

export const TOKEN = 'test-token-0123456789abcdefghijklmnop';
export const GOOD = 'anna.svensson1985@gmail.com';
export const TYPO = 'anna.svensson185@gmail.com';
export const auth = { authorization: `Bearer ${TOKEN}` };

/** The pipeline fixture's customers in an in-memory directory. */
export function fixtureDirectory() {
  const directory = createDirectory();
  directory.addAll(Object.values(customers));
  return directory;
}

/**
 * A server over the fixture: its customers, its hold store, and a release transporter to its SMTP
 * server guarded by `nodemailerGuard` with the same directory, hold store and audit log.
 */
export function fixtureServer(fixture: PipelineFixture, options: ServerOptions = {}): FastifyInstance {
  const directory = fixtureDirectory();
  const transporter = smtpTransport(fixture.sink.port);
  transporter.use(
    'compile',
    nodemailerGuard({
      guard: createGuard({ directory }),
      holdStore: fixture.holdStore,
      auditLog: fixture.audit,
    }),
  );
  return createServer({
    directory,
    holdStore: fixture.holdStore,
    transporter,
    auditLog: fixture.audit,
    token: TOKEN,
    ...options,
  });
}

/** Sends an order for C-1001 through the real pipeline; the guard holds it. Returns the hold id. */
export async function holdOrder(fixture: PipelineFixture, to: string, text = 'Tack för din beställning.') {
  const error = await guardedTransport(fixture)
    .sendMail({
      from: 'order@butiken.se',
      to,
      subject: 'Orderbekräftelse <4711>',
      text,
      emailGuard: { customerId: 'C-1001' },
    })
    .then(
      () => undefined,
      (reason: { holdId?: string }) => reason,
    );
  if (!error?.holdId) throw new Error('the order was not held');
  return error.holdId;
}

export const holdsDir = (fixture: PipelineFixture) => join(fixture.dir, 'held');
