import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auth, GOOD, holdOrder, serverWithReleaseLeftReleasing, TOKEN, TYPO } from '../serve/support.js';
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
  const server = serverWithReleaseLeftReleasing(fixture, id);
  app = server;
  return { server, id };
}

/** The message's page in a browser, after the login it leads to; `height` the window's. */
async function loggedInOnMessage(server: FastifyInstance, id: string, height: number) {
  await server.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  const context = await browser.newContext({ viewport: { width: 900, height } });
  const page = await context.newPage();
  await page.goto(`${base}/holds/${encodeURIComponent(id)}?lang=en`);
  await page.fill('#name', 'lena@butiken.se');
  await page.fill('#token', TOKEN);
  await Promise.all([page.waitForURL(/\/holds\//), page.press('#token', 'Enter')]);
  return { context, page };
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
    const { context, page } = await loggedInOnMessage(server, id, 1100);
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

  it('offers the discard with its own box to tick, the reason still required, and discards it once ticked', async () => {
    const { server, id } = await leftInDoubt();
    const { context, page } = await loggedInOnMessage(server, id, 1400);
    // The box says what ticking it means, and is described by the note on the release in doubt.
    expect(await page.textContent('label[for="discard-force"]')).toContain('may have reached its recipients');
    expect(await page.getAttribute('#discard-force', 'aria-describedby')).toBe('in-doubt');
    expect(await page.isChecked('#discard-force')).toBe(false);
    const reason = 'The mail server log shows it was delivered to the corrected address.';
    await page.fill('#discard-reason', reason);
    await page.screenshot({ path: join(fixture.dir, 'discard-in-doubt.png'), fullPage: true });

    // Not ticked: refused with what to do, the message kept, the reason kept in its field.
    await page.click('button:has-text("Discard")');
    await page.waitForLoadState();
    expect(await page.textContent('#release-error')).toContain('tick the box to discard it');
    expect(await page.inputValue('#discard-reason')).toBe(reason);
    expect(await fixture.holdStore.get(id)).toBeDefined();
    await page.screenshot({ path: join(fixture.dir, 'discard-in-doubt-refused.png'), fullPage: true });

    // Ticked with no reason: the browser asks for the reason (required) before anything is posted.
    await page.check('#discard-force');
    await page.fill('#discard-reason', '');
    await page.click('button:has-text("Discard")');
    expect(
      await page.evaluate(
        () => (document.querySelector('#discard-reason') as HTMLTextAreaElement).validity.valueMissing,
      ),
    ).toBe(true);
    expect(await fixture.holdStore.get(id)).toBeDefined();

    await page.fill('#discard-reason', reason);
    await Promise.all([page.waitForURL(/done=discarded/), page.click('button:has-text("Discard")')]);
    expect(await fixture.holdStore.get(id)).toBeUndefined();
    expect(fixture.audit.entries.find((line) => line.outcome === 'discarded')).toMatchObject({
      discard: { by: 'lena@butiken.se', reason, where: 'review-page', force: true },
    });
    expect(fixture.sink.received).toHaveLength(0);
    await context.close();
  }, 60_000);
});
