import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixtureServer, GOOD, holdOrder, TOKEN, TYPO } from '../serve/support.js';
import { launchChromium } from '../support/chromium.js';
import { usePipelineFixture } from '../support/pipeline.js';

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

async function logIn(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/holds?lang=en`);
  expect(new URL(page.url()).pathname).toBe('/login');
  await page.fill('#name', 'lena@butiken.se');
  await page.fill('#token', TOKEN);
  await Promise.all([page.waitForURL(/\/holds/), page.press('#token', 'Enter')]);
}

describe('the review page in Chromium', () => {
  it('releases a held message to a corrected address, which arrives exactly once', async () => {
    const holdId = await holdOrder(fixture, TYPO);
    const server = fixtureServer(fixture);
    app = server;
    await server.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    const context = await browser.newContext({ viewport: { width: 900, height: 1000 } });
    const page = await context.newPage();
    await logIn(page, base);
    expect(await page.textContent('table')).toContain(TYPO);

    // The same message open in a second tab: its release must not send the message again.
    const messageUrl = `${base}/holds/${encodeURIComponent(holdId)}?lang=en`;
    const other = await context.newPage();
    await other.goto(messageUrl);
    await page.goto(messageUrl);
    expect(await page.inputValue('#to-0')).toBe(GOOD);
    await page.fill('#to-0', '');
    await page.locator('#to-0').pressSequentially(GOOD);
    await page.fill('#reason', 'The customer confirmed the address on the phone.');
    // Down to the headers: the Date and Message-ID below change from run to run.
    const headers = await page.locator('h2', { hasText: 'Headers' }).boundingBox();
    await page.screenshot({
      path: resolve(root, 'docs/review-page.png'),
      clip: { x: 0, y: 0, width: 900, height: Math.ceil(headers?.y ?? 1000) - 8 },
    });

    await Promise.all([page.waitForURL(/done=released/), page.click('button:has-text("Release")')]);
    expect(await page.textContent('[role="status"]')).toBeTruthy();
    await expect.poll(() => fixture.sink.received.length, { timeout: 15_000 }).toBe(1);
    expect(fixture.sink.received[0]?.to).toEqual([GOOD]);

    await other.fill('#reason', 'Released twice by mistake.');
    await other.click('button:has-text("Release")');
    await other.waitForLoadState();
    expect(fixture.sink.received.map((message) => message.to)).toEqual([[GOOD]]);
    await context.close();
  });
});
