import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { build } from 'tsdown';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderFormBuild } from '../../scripts/browser-build.js';
import { createDirectory } from '../../src/contacts/create-directory.js';
import { createServer } from '../../src/serve/create-server.js';
import { createOrderForm } from '../../src/serve/order-form/create-order-form.js';
import { launchChromium } from '../support/chromium.js';
import { customers } from '../support/pipeline.js';

const root = resolve(__dirname, '../..');
const scriptDir = resolve(root, '.tmp/order-form');
const seed = Object.values(customers);
const TOKEN = 'order-form-token-0123456789abcdefghij';
let app: FastifyInstance;
let browser: Browser;
let base = '';

beforeAll(async () => {
  await build({ ...orderFormBuild(scriptDir), clean: true, config: false, logLevel: 'silent' });
  const directory = createDirectory();
  directory.addAll(seed);
  app = createServer({
    directory,
    token: TOKEN,
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

async function openForm(locale: 'sv' | 'en', options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 760, height: 900 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // The form is behind the review page's login: it leads back to the form.
  await page.goto(`${base}/demo?lang=${locale}`);
  await page.fill('#name', 'lena@butiken.se');
  await page.fill('#token', TOKEN);
  await Promise.all([page.waitForURL(`${base}/demo?lang=${locale}`), page.click('button[type="submit"]')]);
  expect(errors).toEqual([]);
  return page;
}

/** Finds the seed's customer by name in the form's search and picks them. */
async function pickCustomer(page: Page, query: string, id: string): Promise<void> {
  await page.fill('#customer', query);
  await page.click(`[data-customer-id="${id}"]`, { timeout: 15_000 });
  await expect.poll(() => page.textContent('[data-customer-picked]'), { timeout: 15_000 }).toContain(id);
}

describe('the order form in Chromium', () => {
  it('shows the block and the suggestion while the salesperson is still in the e-mail field', async () => {
    const page = await openForm('sv');
    await pickCustomer(page, 'Svensson', 'C-1001');
    // The record the page checks against came from the server for this one customer.
    expect(await page.inputValue('#name')).toBe('Anna Svensson');
    await page.click('#email');
    // The seed's address with the digit 9 missing, typed key by key.
    await page.keyboard.type('anna.svensson185@gmail.com', { delay: 20 });
    await expect
      .poll(() => page.getAttribute('[data-status]', 'data-action'), { timeout: 15_000 })
      .toBe('block');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');
    expect(await page.textContent('[data-findings]')).toContain('siffran 9 saknas');
    const suggestion = page.locator('[data-suggestion]');
    expect(await suggestion.isVisible()).toBe(true);
    expect(await suggestion.textContent()).toBe('Använd anna.svensson1985@gmail.com');
    expect(await page.textContent('[data-read-back]')).toContain('a som i Adam');
    // The directory answered (with the session and its CSRF token), not "the directory did not answer".
    await expect
      .poll(() => page.textContent('[data-directory]'), { timeout: 15_000 })
      .toBe('Inget mer i kundregistret.');
    await page.screenshot({ path: resolve(root, 'docs/order-form.png'), fullPage: true });
    await page.close();
  });

  it('fixes the field with one click on the suggestion', async () => {
    const page = await openForm('en');
    await pickCustomer(page, 'C-1001', 'C-1001');
    await page.fill('#email', 'anna.svensson185@gmail.com');
    await page.locator('[data-suggestion]').waitFor({ state: 'visible', timeout: 15_000 });
    await page.click('[data-suggestion]');
    expect(await page.inputValue('#email')).toBe('anna.svensson1985@gmail.com');
    await expect
      .poll(() => page.getAttribute('[data-status]', 'data-action'), { timeout: 15_000 })
      .toBe('send');
    expect(await page.locator('[data-suggestion]').isVisible()).toBe(false);
    await page.close();
  });

  it("adds the directory's finding for an address on another customer's record", async () => {
    const page = await openForm('en');
    await pickCustomer(page, 'C-1001', 'C-1001');
    await page.fill('#email', 'erik.lind@telia.com');
    await expect
      .poll(() => page.locator('[data-directory] li').first().getAttribute('data-code'), { timeout: 15_000 })
      .toBe('belongs-to-other-customer');
    await page.close();
  });

  it('answers the form in the page from the server when JavaScript is off', async () => {
    const page = await openForm('en', { javaScriptEnabled: false });
    await page.fill('#customer', 'C-1001');
    await page.fill('#email', 'anna.svensson185@gmail.com');
    await Promise.all([
      page.waitForURL(`${base}/demo/check?lang=en`),
      page.click('button[type="submit"]:not([data-suggestion])'),
    ]);
    expect(await page.getAttribute('[data-status]', 'data-action')).toBe('block');
    await Promise.all([
      page.waitForResponse((response) => response.url().endsWith('/demo/check?lang=en')),
      page.click('[data-suggestion]'),
    ]);
    await page.waitForLoadState('load');
    expect(await page.inputValue('#email')).toBe('anna.svensson1985@gmail.com');
    expect(await page.getAttribute('[data-status]', 'data-action')).toBe('send');
    await page.close();
  });
});
