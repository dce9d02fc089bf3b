import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { usePipelineFixture } from '../support/pipeline.js';
import {
  auth,
  fixtureServer,
  GOOD,
  holdOrder,
  logIn,
  postForm,
  serverWithReleaseLeftReleasing,
  serverWithReleaseStarted,
  TYPO,
} from './support.js';

// A release that was started and never ended (the process stopped mid-send) may have reached the
// recipient: `holds list` and `show` mark it and `holds release` asks for --force; so does the page.
const fixture = usePipelineFixture();
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** A held message whose release a stopped process started and never ended, and a server reading that log. */
async function heldInDoubt(): Promise<{ server: FastifyInstance; id: string }> {
  const id = await holdOrder(fixture, TYPO);
  const server = serverWithReleaseStarted(fixture, id);
  app = server;
  return { server, id };
}

describe('a release in doubt on the review page', () => {
  it('is marked in the list and on the message page, in English and in Swedish', async () => {
    const { server, id } = await heldInDoubt();
    const { cookie } = await logIn(server);
    const list = await server.inject({ method: 'GET', url: '/holds?lang=en', headers: { cookie } });
    expect(list.body).toContain('<strong>release in doubt</strong>');
    const listSv = await server.inject({ method: 'GET', url: '/holds?lang=sv', headers: { cookie } });
    expect(listSv.body).toContain('<strong>osäkert om det släpptes</strong>');
    const page = await server.inject({ method: 'GET', url: `/holds/${id}?lang=en`, headers: { cookie } });
    expect(page.body).toContain('Release in doubt: an earlier release of this message was started');
    expect(page.body).toContain('<input type="checkbox" id="force" name="force" value="yes"');
    const pageSv = await server.inject({ method: 'GET', url: `/holds/${id}?lang=sv`, headers: { cookie } });
    expect(pageSv.body).toContain('Osäkert om det släpptes: ett tidigare släpp');
  });

  it('refuses a plain release and sends it only when the reviewer ticks the box', async () => {
    const { server, id } = await heldInDoubt();
    const { cookie, csrf } = await logIn(server);
    const fields = { csrf, to: GOOD, reason: 'read back on the phone' };
    const refused = await postForm(server, `/holds/${id}/release?lang=sv`, cookie, fields);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Ett tidigare släpp påbörjades men avslutades aldrig');
    const refusedEn = await postForm(server, `/holds/${id}/release?lang=en`, cookie, fields);
    expect(refusedEn.body).toContain('tick the box to release it again');
    expect(refusedEn.body).not.toContain('&quot;force&quot;');
    expect(fixture.sink.received).toHaveLength(0);
    expect(await fixture.holdStore.get(id)).toBeDefined();
    const forced = await postForm(server, `/holds/${id}/release?lang=sv`, cookie, {
      ...fields,
      force: 'yes',
    });
    expect(forced.statusCode).toBe(303);
    expect(fixture.sink.received).toHaveLength(1);
    expect(fixture.sink.received[0]?.to).toEqual([GOOD]);
  });

  it('refuses a release through the API with 409 release-in-doubt until it asks for force', async () => {
    const { server, id } = await heldInDoubt();
    const release = (force?: boolean) =>
      server.inject({
        method: 'POST',
        url: `/v1/holds/${id}/release`,
        headers: { ...auth, 'content-type': 'application/json' },
        payload: { to: [GOOD], by: 'lena@butiken.se', reason: 'read back', ...(force ? { force } : {}) },
      });
    const refused = await release();
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      type: expect.stringMatching(/#release-in-doubt$/),
      field: 'body.force',
    });
    expect(fixture.sink.received).toHaveLength(0);
    expect((await release(true)).statusCode).toBe(200);
    expect(fixture.sink.received).toHaveLength(1);
  });
});

/** A held message left `releasing` by a process that has stopped, its release started and never ended. */
async function leftReleasingInDoubt(): Promise<{ server: FastifyInstance; id: string }> {
  const id = await holdOrder(fixture, TYPO);
  const server = serverWithReleaseLeftReleasing(fixture, id);
  app = server;
  return { server, id };
}

describe('a discard of a message whose release is in doubt', () => {
  it('asks on the page for the box saying it may have been delivered, and discards it once ticked, recorded as forced', async () => {
    const { server, id } = await leftReleasingInDoubt();
    const { cookie, csrf } = await logIn(server);
    const page = await server.inject({ method: 'GET', url: `/holds/${id}?lang=en`, headers: { cookie } });
    expect(page.body).toContain('<input type="checkbox" id="discard-force" name="force" value="yes"');
    const reason = 'The mail server log shows it was delivered to the corrected address.';
    const refused = await postForm(server, `/holds/${id}/discard?lang=en`, cookie, { csrf, reason });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('tick the box to discard it');
    // The page has a box, not the API's `"force": true`, which a reviewer cannot send.
    expect(refused.body).not.toContain('&quot;force&quot;');
    expect(await fixture.holdStore.get(id)).toBeDefined();
    // The reason is still required with the box ticked.
    const noReason = await postForm(server, `/holds/${id}/discard?lang=en`, cookie, {
      csrf,
      force: 'yes',
      reason: ' ',
    });
    expect(noReason.statusCode).toBe(400);
    expect(await fixture.holdStore.get(id)).toBeDefined();
    const forced = await postForm(server, `/holds/${id}/discard?lang=en`, cookie, {
      csrf,
      force: 'yes',
      reason,
    });
    expect(forced.statusCode, forced.body).toBe(303);
    expect(forced.headers.location).toContain('done=discarded');
    expect(await fixture.holdStore.get(id)).toBeUndefined();
    expect(fixture.audit.entries.find((line) => line.outcome === 'discarded')).toMatchObject({
      holdId: id,
      discard: { by: 'lena@butiken.se', reason, where: 'review-page', force: true },
    });
    expect(fixture.sink.received).toHaveLength(0);
  });

  it('is refused through the API with 409 release-in-doubt until it asks for force, and then recorded as forced', async () => {
    const { server, id } = await leftReleasingInDoubt();
    const discard = (force?: boolean) =>
      server.inject({
        method: 'POST',
        url: `/v1/holds/${id}/discard`,
        headers: { ...auth, 'content-type': 'application/json' },
        payload: {
          by: 'lena@butiken.se',
          reason: 'delivered, per the server log',
          ...(force ? { force } : {}),
        },
      });
    const refused = await discard();
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      type: expect.stringMatching(/#release-in-doubt$/),
      field: 'body.force',
    });
    expect(await fixture.holdStore.get(id)).toBeDefined();
    const forced = await discard(true);
    expect(forced.statusCode, forced.body).toBe(200);
    expect(await fixture.holdStore.get(id)).toBeUndefined();
    expect(fixture.audit.entries.find((line) => line.outcome === 'discarded')).toMatchObject({
      discard: { where: 'api', force: true },
    });
  });
});

describe('where a release in doubt went, in the API', () => {
  it('is named in GET /v1/holds and GET /v1/holds/:id alike (releaseStarted), as holds show --json names it', async () => {
    const id = await holdOrder(fixture, TYPO);
    const at = '2026-03-02T08:15:00.000Z';
    const server = serverWithReleaseStarted(fixture, id, {
      at,
      messageId: '<order-4711@butiken.se>',
      envelope: { from: 'order@butiken.se', to: [GOOD] },
      release: { by: 'lena@butiken.se', reason: 'read back on the phone' },
    });
    app = server;
    const releaseStarted = { at, by: 'lena@butiken.se', to: [GOOD], messageId: '<order-4711@butiken.se>' };
    const list = await server.inject({ method: 'GET', url: '/v1/holds', headers: auth });
    const listed = (list.json() as { held: Record<string, unknown>[] }).held.find((entry) => entry.id === id);
    expect(listed).toMatchObject({ releaseInDoubt: true, releaseStarted });
    const one = await server.inject({ method: 'GET', url: `/v1/holds/${id}`, headers: auth });
    expect(one.json()).toMatchObject({ releaseInDoubt: true, releaseStarted });
  });

  it('names no releaseStarted for a message whose release was never started', async () => {
    const id = await holdOrder(fixture, TYPO);
    const server = fixtureServer(fixture, {
      releaseStarts: async () => new Map(),
    });
    app = server;
    const one = await server.inject({ method: 'GET', url: `/v1/holds/${id}`, headers: auth });
    expect(one.statusCode).toBe(200);
    expect(one.json()).not.toHaveProperty('releaseStarted');
  });
});

describe('a held message being released, in the API', () => {
  it('lists when its release claimed it (releasingSince), as the document describes', async () => {
    const id = await holdOrder(fixture, TYPO);
    const lock = join(fixture.dir, 'held', `${id}.lock`);
    writeFileSync(lock, '');
    const claimedAt = new Date('2026-03-02T08:15:00.000Z');
    utimesSync(lock, claimedAt, claimedAt);
    const server = fixtureServer(fixture);
    app = server;
    const listed = await server.inject({ method: 'GET', url: '/v1/holds', headers: auth });
    expect(listed.statusCode).toBe(200);
    expect(JSON.stringify(listed.json())).toContain(`"releasingSince":"${claimedAt.toISOString()}"`);
  });
});
