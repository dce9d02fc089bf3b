// Run: npx tsx scripts/screenshot-cli-report.ts
//
// Runs `email-guard customers check` on a generated export with one of each problem planted
// (test/support/crm-export.ts, 60 clean rows) and saves a screenshot of its HTML report as
// docs/customers-check-report.png. Needs /usr/bin/chromium (`apt-get install -y chromium`).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { CommandContext } from '../src/cli/program-context.js';
import { runCli } from '../src/cli/run-cli.js';
import { crmExport } from '../test/support/crm-export.js';

const executablePath = '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`${executablePath} is missing: apt-get install -y chromium`);
  process.exit(1);
}
const screenshot = new URL('../docs/customers-check-report.png', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'email-guard-screenshot-'));
const workingFolder = process.cwd();
try {
  // Run in the folder, so the report names the export as a reader would type it, not a temporary path.
  process.chdir(folder);
  const file = 'customers.csv';
  writeFileSync(file, crmExport(60).csv);
  const out = join(folder, 'report.html');
  const quiet: CommandContext = {
    out: () => {},
    warn: (line) => console.error(line),
    setExitCode: () => {},
    progress: () => ({ start() {}, update() {}, stop() {} }),
    interactive: false,
    confirm: async () => false,
    reportProblems: () => {},
  };
  await runCli(['customers', 'check', file, '--out', out], quiet);
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(pathToFileURL(out).href);
  await page.screenshot({ path: screenshot });
  await browser.close();
} finally {
  process.chdir(workingFolder);
  rmSync(folder, { recursive: true, force: true });
}
