import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { holdMessage } from '../support/hold-message.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { startServer } from '../support/started-server.js';
import { fixtureServer, holdsDir, logIn, TOKEN, withToken } from './support.js';

// An entry the store cannot read whole (a damaged record) may be a held message: the review page
// and the API name it with why, as `holds list` does, instead of saying nothing is held.
const fixture = usePipelineFixture();
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('held messages the store cannot read', () => {
  it('are listed as unreadable with the reason on the page and in GET /v1/holds', async () => {
    const id = await holdMessage(fixture, 'anna.svensson185@gmail.com');
    writeFileSync(join(holdsDir(fixture), `${id}.json`), 'not json at all');
    app = fixtureServer(fixture);
    const listed = await withToken(app, 'GET', '/v1/holds');
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toMatchObject({
      held: [],
      unreadable: [{ id, code: 'malformed', message: expect.stringContaining(id) }],
    });
    const { holds } = await logIn(app);
    expect(holds.body).not.toContain('No messages are held.');
    expect(holds.body).toContain(id);
    expect(holds.body).toContain('malformed');
  });

  it('are said at the start of email-guard serve, with the reason', async () => {
    const id = await holdMessage(fixture, 'anna.svensson185@gmail.com');
    writeFileSync(join(holdsDir(fixture), `${id}.json`), 'not json at all');
    const server = await startServer(['--holds', holdsDir(fixture)], { EMAIL_GUARD_TOKEN: TOKEN });
    try {
      // The line follows the one saying where it listens: read until it has come, or the process ended.
      while (!server.stderr().includes(`held message ${id} cannot be read`) && server.child.exitCode === null)
        await new Promise((wait) => setTimeout(wait, 100));
      expect(server.stderr()).toContain(`held message ${id} cannot be read (malformed)`);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
