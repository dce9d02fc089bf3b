import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { usePipelineFixture } from '../support/pipeline.js';
import { auth, fixtureServer, GOOD, holdOrder, TYPO } from './support.js';

const fixture = usePipelineFixture();
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('the server log', () => {
  it('holds no body, subject or address, also when a request fails', async () => {
    const lines: string[] = [];
    app = fixtureServer(fixture, {
      logger: { level: 'debug', stream: { write: (line) => lines.push(line) } },
    });
    const id = await holdOrder(fixture, TYPO, 'Secret order body 4711');
    await app.inject({
      method: 'POST',
      url: '/v1/check',
      headers: auth,
      payload: { entered: TYPO, customerId: 'C-1001' },
    });
    await app.inject({
      method: 'POST',
      url: '/v1/check?entered=anna.svensson185%40gmail.com',
      headers: auth,
      payload: { entered: TYPO, customer: { id: 'C-1', emails: TYPO } },
    });
    await app.inject({ method: 'GET', url: `/v1/holds/${id}`, headers: auth });
    await app.inject({
      method: 'POST',
      url: `/v1/holds/${id}/release`,
      headers: auth,
      payload: { to: ['anna.svensson19855@gmail.com'], by: 'lena@butiken.se', reason: 'read back' },
    });
    await app.inject({
      method: 'POST',
      url: `/v1/holds/${id}/release`,
      headers: auth,
      payload: { to: [GOOD], by: 'lena@butiken.se', reason: 'read back' },
    });
    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(8);
    expect(log).toContain('/v1/check');
    expect(log).toContain(id);
    for (const secret of [
      'gmail.com',
      'svensson',
      '%40',
      'Orderbekr',
      'Secret order',
      'butiken',
      'read back',
    ])
      expect(log, secret).not.toContain(secret);
  });
});
