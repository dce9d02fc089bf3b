import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auth, GOOD, holdOrder, holdsDir, serverWithReleaseStarted, TOKEN, TYPO } from '../serve/support.js';
import { launchChromium } from '../support/chromium.js';
import { usePipelineFixture } from '../support/pipeline.js';

// A release whose process stopped mid-send leaves the entry `releasing` (its lock) and a
// `release-started` line with no end: the message may be with the recipient. The page says so and
// offers the release with a box to tick (docs/serve.md, release-in-doubt), never "someone else is
// releasing it" with no form; without the tick nothing is sent.
const root = resolve(__dirname, '../..');
const fixture = usePipelineFixture();
let browser: Browser;
let app: FastifyInstance | undefined;

beforeAll(async () => {
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** A held message left `releasing` by a process that has stopped, its start logged and never ended. */
async function leftInDoubt(): Promise<{ server: FastifyInstance; id: string }> {
  const id = await holdOrder(fixture, TYPO);
  // A process that has ended: its pid names no running process on this host.
  const stopped = spawnSync(process.execPath, ['-e', '']).pid;
  writeFileSync(
    join(holdsDir(fixture), `${id}.lock`),
    JSON.stringify({ pid: stopped, host: hostname(), since: new Date().toISOString() }),
  );
  const server = serverWithReleaseStarted(fixture, id);
  app = server;
  return { server, id };
}

describe('a release left in doubt by a stopped process', () => {
  it('is described alike by GET /v1/holds and GET /v1/holds/:id', async () => {
    const { server, id } = await leftInDoubt();
    const list = await server.inject({ method: 'GET', url: '/v1/holds', headers: auth });
    const listed = (list.json() as { held: Record<string, unknown>[] }).held.find((entry) => entry.id === id);
    expect(listed).toMatchObject({ state: 'releasing', releaseInDoubt: true });
    const one = await server.inject({ method: 'GET', url: `/v1/holds/${id}`, headers: auth });
    expect(one.statusCode).toBe(200);
    const {
      subject: _subject,
      headers: _headers,
      text: _text,
      ...single
    } = one.json() as Record<string, unknown>;
    expect(single).toEqual(listed);
  });

  it('offers the release with the box to tick on the page, and sends it once ticked', async () => {
    const { server, id } = await leftInDoubt();
    await server.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    const context = await browser.newContext({ viewport: { width: 900, height: 1100 } });
    const page = await context.newPage();
    await page.goto(`${base}/holds/${encodeURIComponent(id)}?lang=en`);
    await page.fill('#name', 'lena@butiken.se');
    await page.fill('#token', TOKEN);
    await Promise.all([page.waitForURL(/\/holds\//), page.press('#token', 'Enter')]);
    expect(await page.textContent('#in-doubt')).toContain('Release in doubt');
    expect(await page.locator('[role="status"]').count()).toBe(0);
    expect(await page.textContent('main')).not.toContain('(releasing)');
    expect(await page.inputValue('#to-0')).toBe(GOOD);
    await page.fill('#reason', 'The mail server log shows it was never delivered.');
    const headers = await page.locator('h2', { hasText: 'Headers' }).boundingBox();
    await page.screenshot({
      path: resolve(root, 'docs/review-page-in-doubt.png'),
      clip: { x: 0, y: 0, width: 900, height: Math.ceil(headers?.y ?? 1100) - 8 },
    });

    // Not ticked: refused, nothing sent, the page still offers the box.
    await page.click('button:has-text("Release")');
    await page.waitForLoadState();
    expect(await page.textContent('#release-error')).toContain('was started and never ended');
    expect(fixture.sink.received).toHaveLength(0);

    await page.check('#force');
    await page.fill('#reason', 'The mail server log shows it was never delivered.');
    await Promise.all([page.waitForURL(/done=released/), page.click('button:has-text("Release")')]);
    await expect.poll(() => fixture.sink.received.length, { timeout: 15_000 }).toBe(1);
    expect(fixture.sink.received[0]?.to).toEqual([GOOD]);
    await context.close();
  }, 60_000);
});
