import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { build } from 'tsdown';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderFormBuild } from '../../scripts/browser-build.js';
import { createDirectory } from '../../src/contacts/create-directory.js';
import { createOrderForm } from '../../src/serve/order-form/create-order-form.js';
import { createCheckedServer } from '../serve/openapi-conformance.js';
import { launchChromium } from '../support/chromium.js';
import { customers } from '../support/pipeline.js';

// A trial before going live: for Johan Eriksson, `anna.svensson1985@gmial.com` was blocked as a
// domain typo, and the page offered "Use anna.svensson1985@gmail.com", Anna Svensson's address in
// full, one click from turning the block into a confirm. The server withholds it; the page, whose
// own check has no directory, must never show or offer it either.

const root = resolve(__dirname, '../..');
const scriptDir = resolve(root, '.tmp/order-form-withheld');
const ANNA = 'anna.svensson1985@gmail.com';
const ERIK = 'erik.lind@telia.com';
const johan = { id: 'C-1007', name: 'Johan Eriksson', emails: ['johan.eriksson@bredband.se'] };
const TOKEN = 'order-form-token-0123456789abcdefghij';
let app: FastifyInstance;
let browser: Browser;
let base = '';

beforeAll(async () => {
  await build({ ...orderFormBuild(scriptDir), clean: true, config: false, logLevel: 'silent' });
  const directory = createDirectory();
  directory.addAll([...Object.values(customers), johan]);
  app = createCheckedServer({
    directory,
    token: TOKEN,
    // Every page logs in from 127.0.0.1: more often than the five in a row the default allows.
    loginLimit: { logins: 20 },
    registerOrderForm: createOrderForm({ scriptDir }),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/**
 * The form, logged in, with the picked customer; every text the verdict part ever shows is kept
 * (a MutationObserver), so an address offered for a moment and then taken back is seen too.
 */
async function formFor(customerId: string, query: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 760, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${base}/demo?lang=en`);
  await page.fill('#name', 'lena@butiken.se');
  await page.fill('#token', TOKEN);
  await Promise.all([page.waitForURL(`${base}/demo?lang=en`), page.click('button[type="submit"]')]);
  await page.fill('#customer', query);
  await page.click(`[data-customer-id="${customerId}"]`, { timeout: 15_000 });
  await expect
    .poll(() => page.textContent('[data-customer-picked]'), { timeout: 15_000 })
    .toContain(customerId);
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    const verdict = document.querySelector('#verdict') as HTMLElement;
    const note = () => {
      const button = document.querySelector<HTMLButtonElement>('[data-suggestion]');
      seen.push(verdict.textContent ?? '', button && !button.hidden ? `offered ${button.textContent}` : '');
    };
    new MutationObserver(note).observe(verdict, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });
  return page;
}

/** Everything the verdict part showed since the page was opened. */
const everShown = (page: Page) =>
  page.evaluate(() => (window as unknown as { seen: string[] }).seen.join('\n'));

/** Waits for the directory's answer (the part is no longer busy). */
async function directoryAnswered(page: Page): Promise<void> {
  await expect.poll(() => page.textContent('[data-directory]'), { timeout: 15_000 }).not.toBe('Checking…');
  await expect.poll(() => page.getAttribute('#verdict', 'aria-busy'), { timeout: 15_000 }).toBeNull();
}

describe("the order form's suggestion", () => {
  for (const [who, customerId, query, typed, other] of [
    ['Johan Eriksson', 'C-1007', 'Johan', 'anna.svensson1985@gmial.com', ANNA],
    ['Anna Svensson', 'C-1001', 'Svensson', 'erik.lind@telia.co', ERIK],
  ] as const) {
    it(`never offers another customer's address: ${typed} for ${who}`, async () => {
      const page = await formFor(customerId, query);
      await page.click('#email');
      await page.keyboard.type(typed, { delay: 15 });
      await expect
        .poll(() => page.getAttribute('[data-status]', 'data-action'), { timeout: 15_000 })
        .toBe('block');
      await directoryAnswered(page);
      await page.screenshot({
        path: resolve(root, `.tmp/order-form-withheld-${customerId}.png`),
        fullPage: true,
      });
      expect(await page.locator('[data-suggestion]').isVisible()).toBe(false);
      expect(await page.getAttribute('[data-status]', 'data-action')).toBe('block');
      // Not the button, not the read-back, not a finding: not for a moment either.
      expect(await everShown(page)).not.toContain(other);
      expect(await page.textContent('body')).not.toContain(other);
      expect(await page.textContent('[data-read-back]')).not.toContain('The suggestion');
      await page.close();
    });
  }

  it("offers the customer's own address at once, and a correction nobody has once the directory says so", async () => {
    const page = await formFor('C-1007', 'Johan');
    await page.fill('#email', 'johan.eriksson@bredband.sw');
    await page.locator('[data-suggestion]').waitFor({ state: 'visible', timeout: 15_000 });
    expect(await page.textContent('[data-suggestion]')).toBe('Use johan.eriksson@bredband.se');
    await page.fill('#email', 'johan.eriksson@gmial.com');
    await expect
      .poll(() => page.textContent('[data-suggestion]:visible').catch(() => null), { timeout: 15_000 })
      .toBe('Use johan.eriksson@gmail.com');
    await directoryAnswered(page);
    expect(await page.textContent('[data-read-back]')).toContain('The suggestion: j as in Juliett');
    await page.close();
  });

  it("offers the customer's own Gmail mailbox at once, however the dots and +tag are written", async () => {
    const page = await formFor('C-1001', 'Svensson');
    // The directory's answer is held back: what shows is the page's own check alone.
    await page.route('**/v1/check', () => undefined);
    // anna.svensson1985@gmail.com on record; Gmail ignores dots and a +tag (the library's mailbox key).
    await page.fill('#email', 'annasvensson1985+shop@gmial.com');
    await page.locator('[data-suggestion]').waitFor({ state: 'visible', timeout: 15_000 });
    expect(await page.textContent('[data-suggestion]')).toBe('Use annasvensson1985+shop@gmail.com');
    expect(await page.getAttribute('#verdict', 'aria-busy')).toBe('true');
    await page.screenshot({ path: resolve(root, '.tmp/order-form-own-gmail.png'), fullPage: true });
    await page.close();
  }, 60_000);
});

describe("the order form's suggestion when the directory's check fails", () => {
  /** The form for a customer, every check of the directory answered 500. */
  async function failingFor(customerId: string, query: string): Promise<Page> {
    const page = await formFor(customerId, query);
    await page.route('**/v1/check', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'about:blank', title: 'Internal Server Error', status: 500 }),
      }),
    );
    return page;
  }

  it('offers no correction whose owner could not be checked, and says what to do', async () => {
    const page = await failingFor('C-1007', 'Johan');
    await page.fill('#email', 'johan.eriksson@gmial.com');
    await expect
      .poll(() => page.textContent('[data-directory]'), { timeout: 15_000 })
      .toBe('The customer directory did not answer: the server failed: try again in a moment');
    await page.screenshot({ path: resolve(root, '.tmp/order-form-failed-not-offered.png'), fullPage: true });
    expect(await page.locator('[data-suggestion]').isVisible()).toBe(false);
    expect(await page.textContent('[data-read-back]')).not.toContain('The suggestion');
    expect(await page.textContent('[data-findings]')).toContain(
      "gmial.com looks like a mistyped domain; no correction is offered, as whether the corrected address is another customer's could not be looked up. Ask the customer to spell the address again.",
    );
    expect(await page.textContent('body')).not.toContain('johan.eriksson@gmail.com');
    expect(await page.getAttribute('[data-status]', 'data-action')).toBe('block');
    await page.close();
  }, 60_000);

  it("still offers the customer's own address", async () => {
    const page = await failingFor('C-1001', 'Svensson');
    await page.fill('#email', 'annasvensson1985+shop@gmial.com');
    await expect
      .poll(() => page.textContent('[data-directory]'), { timeout: 15_000 })
      .toContain('The customer directory did not answer');
    expect(await page.locator('[data-suggestion]').isVisible()).toBe(true);
    expect(await page.textContent('[data-suggestion]')).toBe('Use annasvensson1985+shop@gmail.com');
    await page.screenshot({ path: resolve(root, '.tmp/order-form-failed-own-offered.png'), fullPage: true });
    await page.close();
  }, 60_000);
});
