import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { HeldMessageNotLockedError } from '../../src/errors.js';
import { createGuard } from '../../src/guard/create-guard.js';
import type { HoldStore } from '../../src/nodemailer/hold-store.js';
import { nodemailerGuard } from '../../src/nodemailer/nodemailer-guard.js';
import { smtpTransport, usePipelineFixture } from '../support/pipeline.js';
import { createCheckedServer } from './openapi-conformance.js';
import { auth, fixtureDirectory, GOOD, holdOrder, TOKEN, TYPO } from './support.js';

// A store that cannot take a message's lock (no right to write its folder, a full disk) is not
// another request holding the message: the answer is 503 with the cause, not 409 "another request has it".
const fixture = usePipelineFixture();
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** The fixture's real store, whose lock fails as the folder store's does on EACCES. */
function storeThatCannotLock(): HoldStore {
  const refuse = (id: string): never => {
    throw new HeldMessageNotLockedError(id, {
      cause: Object.assign(new Error('permission denied'), { code: 'EACCES' }),
    });
  };
  return {
    ...fixture.holdStore,
    hold: (...args) => fixture.holdStore.hold(...args),
    list: (...args) => fixture.holdStore.list(...args),
    get: (...args) => fixture.holdStore.get(...args),
    release: async (id) => refuse(id),
    discard: async (id) => refuse(id),
    discardWithRecord: async (id) => refuse(id),
  };
}

function server(): FastifyInstance {
  const directory = fixtureDirectory();
  const transporter = smtpTransport(fixture.sink.port);
  transporter.use(
    'compile',
    nodemailerGuard({ guard: createGuard({ directory }), holdStore: fixture.holdStore, auditLog: false }),
  );
  return createCheckedServer({ directory, holdStore: storeThatCannotLock(), transporter, token: TOKEN });
}

describe('a hold store that cannot lock a message, on the service', () => {
  for (const action of ['release', 'discard'] as const) {
    it(`answers a ${action} 503 hold-store-unavailable naming the cause, and keeps the message`, async () => {
      app = server();
      const id = await holdOrder(fixture, TYPO);
      const response = await app.inject({
        method: 'POST',
        url: `/v1/holds/${id}/${action}`,
        headers: { ...auth, 'content-type': 'application/json' },
        payload: action === 'release' ? { to: [GOOD], by: 'lena@butiken.se', reason: 'read back' } : {},
      });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ type: expect.stringMatching(/#hold-store-unavailable$/) });
      expect(response.json().detail).toContain('EACCES');
      expect(fixture.sink.received).toHaveLength(0);
      expect(await fixture.holdStore.get(id)).toBeDefined();
    });
  }
});
