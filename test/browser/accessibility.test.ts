import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { build } from 'tsdown';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { orderFormBuild } from '../../scripts/browser-build.js';
import { createOrderForm } from '../../src/serve/order-form/create-order-form.js';
import { fixtureServer, holdOrder, TOKEN, TYPO } from '../serve/support.js';
import { launchChromium } from '../support/chromium.js';
import { usePipelineFixture } from '../support/pipeline.js';

const root = resolve(__dirname, '../..');
// A folder of its own: the order form's browser test builds into .tmp/order-form at the same time.
const scriptDir = resolve(root, '.tmp/order-form-axe');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const fixture = usePipelineFixture();
let browser: Browser;
let app: FastifyInstance | undefined;
let base = '';

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

/** The service with the order form and one held order, listening on 127.0.0.1. */
async function serve(): Promise<string> {
  const holdId = await holdOrder(fixture, TYPO);
  app = fixtureServer(fixture, { registerOrderForm: createOrderForm({ scriptDir }) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return holdId;
}

interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly unknown[]; readonly failureSummary?: string }[];
}

/**
 * What axe-core (WCAG 2.0, 2.1 and 2.2 A and AA, and its best practices) finds wrong on the page,
 * one line a rule and element. The pages forbid inline and foreign script (their CSP), so the test's
 * context bypasses it to run axe; nothing of the page's own is changed by that.
 */
async function violationsOf(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    });
    const summary = result as unknown as { passes: unknown[]; incomplete: { id: string }[] };
    return {
      violations: result.violations,
      passes: summary.passes.length,
      incomplete: summary.incomplete.map((rule) => rule.id),
    };
  });
  // Rules axe could not decide (contrast over an image, say) are for a person to look at: named in the log.
  if (violations.incomplete.length > 0)
    console.info(`axe on ${page.url()}: not decided: ${violations.incomplete.join(', ')}`);
  expect(violations.passes).toBeGreaterThan(10);
  return (violations.violations as Violation[]).flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact}) ${JSON.stringify(node.target)}: ${violation.help}; ${node.failureSummary ?? ''}`,
    ),
  );
}

async function loggedIn(lang: 'sv' | 'en'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 900, height: 1000 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${base}/login?lang=${lang}`);
  expect(await violationsOf(page), 'the login page').toEqual([]);
  await page.fill('#name', 'lena@butiken.se');
  await page.fill('#token', TOKEN);
  await Promise.all([page.waitForURL(/\/holds/), page.click('button[type="submit"]')]);
  return page;
}

describe('the pages in Chromium, checked with axe-core', () => {
  it('reports what it is there to find: an image without a text alternative', async () => {
    await serve();
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${base}/login?lang=en`);
    await page.evaluate(() => document.querySelector('main')?.append(document.createElement('img')));
    expect((await violationsOf(page)).join('\n')).toMatch(/^image-alt /m);
    await context.close();
  });

  for (const lang of ['sv', 'en'] as const) {
    it(`finds nothing wrong on the held messages and a message's page (${lang})`, async () => {
      const holdId = await serve();
      const page = await loggedIn(lang);
      await page.goto(`${base}/holds?lang=${lang}`);
      expect(await page.textContent('table')).toContain(TYPO);
      expect(await violationsOf(page), '/holds').toEqual([]);
      await page.goto(`${base}/holds/${encodeURIComponent(holdId)}?lang=${lang}`);
      expect(await violationsOf(page), '/holds/:id').toEqual([]);
      // A release the check refuses: the page again with the alert and the field marked invalid.
      await page.fill('#to-0', TYPO);
      await page.fill('#reason', 'read back');
      await Promise.all([
        page.waitForResponse((response) => response.url().includes('/release')),
        page.click('form[action*="/release"] button[type="submit"]'),
      ]);
      await page.waitForLoadState();
      expect(await page.getAttribute('#to-0', 'aria-invalid')).toBe('true');
      expect(await violationsOf(page), 'a refused release').toEqual([]);
      await page.context().close();
    });

    it(`finds nothing wrong on the order form with a verdict shown (${lang})`, async () => {
      await serve();
      const page = await loggedIn(lang);
      await page.goto(`${base}/demo?lang=${lang}`);
      await page.fill('#customer', 'C-1001');
      await page.click('[data-customer-id="C-1001"]', { timeout: 15_000 });
      await page.fill('#phone', '070 123 45 76');
      await page.fill('#email', TYPO);
      await expect
        .poll(() => page.getAttribute('[data-status]', 'data-action'), { timeout: 15_000 })
        .toBe('block');
      await expect
        .poll(() => page.getAttribute('[data-phone-status]', 'data-action'), { timeout: 15_000 })
        .toBe('block');
      await page.locator('[data-suggestion]').waitFor({ state: 'visible', timeout: 15_000 });
      expect(await violationsOf(page), '/demo').toEqual([]);
      await page.context().close();
    });
  }
});
