import type { FastifyInstance } from 'fastify';
import { afterEach } from 'vitest';
import type { Directory } from '../../src/contacts/create-directory.js';
import { createCheckedServer } from '../serve/openapi-conformance.js';
import { TOKEN } from '../serve/support.js';
import { transportChecking } from './hold-message.js';
import type { PipelineFixture } from './pipeline.js';

/**
 * Registers the hook that closes the server a test started, and answers how to start one: the
 * service over the fixture's hold store and audit log, its answers checked against the OpenAPI
 * document, releasing through a transport that checks again against `directory` (none: the guard's
 * customer look-up alone). `current()` is the server started last in this test, if any.
 */
export function useReleaseServer(fixture: PipelineFixture): {
  readonly start: (directory?: Directory) => FastifyInstance;
  readonly current: () => FastifyInstance | undefined;
} {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  return {
    start(directory) {
      app = createCheckedServer({
        ...(directory === undefined ? {} : { directory }),
        holdStore: fixture.holdStore,
        transporter: transportChecking(fixture, directory),
        auditLog: fixture.audit,
        token: TOKEN,
      });
      return app;
    },
    current: () => app,
  };
}
