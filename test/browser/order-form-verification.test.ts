import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { build } from 'tsdown';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { orderFormBuild } from '../../scripts/browser-build.js';
import { createDirectory } from '../../src/contacts/create-directory.js';
import { createOrderForm } from '../../src/serve/order-form/create-order-form.js';
import { createCheckedServer } from '../serve/openapi-conformance.js';
import { launchChromium } from '../support/chromium.js';
import { usePipelineFixture } from '../support/pipeline.js';
import {
  heldForCode,
  newCustomer,
  receivedFor,
  verificationFor,
  verifyingTransport,
} from '../support/verification.js';
import { verificationCustomers } from '../support/verifying-transport.js';

// The salesperson has Karin Berg on the phone and types an address new to her: the page sends a
// code there (a real SMTP server on 127.0.0.1 receives it), Karin reads it back, and the order
// confirmation held for the address goes out.

const root = resolve(__dirname, '../..');
const scriptDir = resolve(root, '.tmp/order-form-verification');
const shots = resolve(root, '.tmp/screenshots');
const ADDRESS = 'karin.berg@outlook.com';
const TOKEN = 'order-form-token-0123456789abcdefghij';
const fixture = usePipelineFixture();
let app: FastifyInstance | undefined;
let browser: Browser;

beforeAll(async () => {
  await build({ ...orderFormBuild(scriptDir), clean: true, config: false, logLevel: 'silent' });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** The server, with the verifier of a guarded transport to the SMTP server unless `verifying` is false. */
async function serve(verifying: boolean) {
  const { transporter, verifier } = verifyingTransport(fixture);
  app = createCheckedServer({
    directory: createDirectory(Object.values(verificationCustomers)),
    holdStore: fixture.holdStore,
    transporter,
    ...(verifying ? { verifier } : {}),
    auditLog: fixture.audit,
    token: TOKEN,
    loginLimit: { logins: 20 },
    registerOrderForm: createOrderForm({ scriptDir }),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { transporter, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

/** The form, logged in, with Karin Berg picked and the new address typed, waiting for the server's verdict. */
async function formWithNewAddress(base: string, lang: 'en' | 'sv' = 'en'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 760, height: 1300 } });
  const page = await context.newPage();
  await page.goto(`${base}/demo?lang=${lang}`);
  await page.fill('#name', 'lena@butiken.se');
  await page.fill('#token', TOKEN);
  await Promise.all([page.waitForURL(`${base}/demo?lang=${lang}`), page.click('button[type="submit"]')]);
  await page.fill('#customer', newCustomer.id);
  await page.click(`[data-customer-id="${newCustomer.id}"]`, { timeout: 15_000 });
  await page.fill('#email', ADDRESS);
  await expect
    .poll(() => page.textContent('[data-directory]'), { timeout: 15_000 })
    .not.toMatch(/^$|Checking|Kontrollerar/);
  await expect.poll(() => page.getAttribute('[data-status]', 'data-action')).toBe('confirm');
  return page;
}

describe('the order form proves a new address with a code read back', () => {
  it('sends a code, takes the code read back, says verified and sends what was held', async () => {
    const { transporter, base } = await serve(true);
    const holdId = await heldForCode(transporter, ADDRESS, newCustomer.id);
    expect(holdId).toBeDefined();
    const page = await formWithNewAddress(base);
    const send = page.locator('[data-verification-send]');
    await expect.poll(() => send.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await send.textContent()).toBe('Send a code to this address');
    await send.click();
    await expect
      .poll(() => page.textContent('[data-verification-status]'), { timeout: 15_000 })
      // Holding the order confirmation sent the code already: no second message goes out.
      .toBe(`A code already sent to ${ADDRESS} is still valid: ask the customer to read that one back.`);
    expect(receivedFor(fixture.sink.received, ADDRESS)).toHaveLength(1);
    const { code } = await verificationFor(fixture.sink.received, ADDRESS);
    // The code is in the message only, never in the page.
    expect(await page.content()).not.toContain(code);
    expect(await page.getAttribute('#verification-status', 'aria-live')).toBe('polite');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('verification-code');
    await page.screenshot({ path: resolve(shots, 'order-form-code-sent.png'), fullPage: true });
    // Read back with a space, as a customer reads six digits in two groups.
    await page.fill('#verification-code', `${code.slice(0, 3)} ${code.slice(3)}`);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.textContent('[data-verification-status]'), { timeout: 15_000 })
      .toBe(`Verified: ${ADDRESS} is the customer's address. 1 held message was sent to it.`);
    // The verdict above is checked again and says what is now true: the address is the customer's.
    await expect
      .poll(() => page.getAttribute('[data-status]', 'data-action'), { timeout: 15_000 })
      .toBe('send');
    expect(await page.textContent('[data-verification-status]')).toBe(
      `Verified: ${ADDRESS} is the customer's address. 1 held message was sent to it.`,
    );
    await page.screenshot({ path: resolve(shots, 'order-form-verified.png'), fullPage: true });
    // The order confirmation held for the address reached it after the code.
    const delivered = receivedFor(fixture.sink.received, ADDRESS);
    expect(delivered).toHaveLength(2);
    expect(delivered[1]?.raw.toString()).toContain('Leveransadress');
    await page.context().close();
  }, 120_000);

  it('says a wrong code in words, in Swedish too, and sends nothing held', async () => {
    const { transporter, base } = await serve(true);
    await heldForCode(transporter, ADDRESS, newCustomer.id);
    const page = await formWithNewAddress(base, 'sv');
    const send = page.locator('[data-verification-send]');
    await expect.poll(() => send.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await send.textContent()).toBe('Skicka en kod till adressen');
    await send.click();
    await expect.poll(() => page.isVisible('#verification-code'), { timeout: 15_000 }).toBe(true);
    const { code } = await verificationFor(fixture.sink.received, ADDRESS);
    await page.fill('#verification-code', code === '000000' ? '111111' : '000000');
    await page.click('[data-verification-confirm]');
    await expect
      .poll(() => page.textContent('[data-verification-status]'), { timeout: 15_000 })
      .toBe('Fel kod: be kunden läsa upp den igen. Efter några fel koder måste en ny kod skickas.');
    expect(await page.getAttribute('#verification-code', 'aria-invalid')).toBe('true');
    await page.screenshot({ path: resolve(shots, 'order-form-wrong-code.png'), fullPage: true });
    // Only the code went out: the order confirmation is still held.
    expect(receivedFor(fixture.sink.received, ADDRESS)).toHaveLength(1);
    await page.context().close();
  }, 120_000);

  it('offers no code when the server has no verifier', async () => {
    const { base } = await serve(false);
    const page = await formWithNewAddress(base);
    expect(await page.locator('[data-verification]').count()).toBe(0);
    expect(await page.locator('[data-verification-send]').count()).toBe(0);
    expect(fixture.sink.received).toEqual([]);
    await page.context().close();
  }, 120_000);
});
