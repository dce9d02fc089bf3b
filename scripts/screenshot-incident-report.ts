// Run: npx tsx scripts/screenshot-incident-report.ts
//
// Renders the seed case's report as HTML in headless Chromium and as PDF, and saves a screenshot of
// the HTML page and of the first PDF page as PNG in docs/. Needs /usr/bin/chromium
// (`apt-get install -y chromium`) and pdftoppm (`apt-get install -y poppler-utils`).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createIncidentReport, renderIncidentReport } from '../src/incident/index.js';
import { seedCase, seedCustomerCall } from '../test/incident/seed-case.js';

const docs = new URL('../docs/', import.meta.url).pathname;
const executablePath = '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`${executablePath} is missing: apt-get install -y chromium`);
  process.exit(1);
}

// The seed case as the officer files it: the call made, the first notification sent.
const report = createIncidentReport(
  {
    ...seedCase,
    initialNotificationAt: '2018-02-23T16:00:00+01:00',
    timeline: [
      {
        at: '2018-02-23T13:52:00+01:00',
        what: 'Mottagaren bekräftade i telefon att meddelandet raderats.',
        who: 'Kundservice',
        kind: 'contained',
      },
    ],
    customerCall: seedCustomerCall,
  },
  { now: '2018-02-23T15:10:00+01:00' },
);

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
  await page.setContent(renderIncidentReport(report, { locale: 'sv', format: 'html' }));
  await page.screenshot({ path: join(docs, 'incident-report.png'), fullPage: true });
} finally {
  await browser.close();
}

const folder = mkdtempSync(join(tmpdir(), 'incident-pdf-'));
try {
  const pdf = join(folder, 'report.pdf');
  writeFileSync(pdf, await renderIncidentReport(report, { locale: 'sv', format: 'pdf' }));
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '90',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdf,
    join(folder, 'page'),
  ]);
  renameSync(join(folder, 'page.png'), join(docs, 'incident-report-pdf.png'));
} finally {
  rmSync(folder, { recursive: true, force: true });
}
console.log('docs/incident-report.png, docs/incident-report-pdf.png');
