import { copyFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir();
const sent = resolve(__dirname, '../../examples/data/orderbekraftelse.eml');
const facts = {
  customer: { id: '4711023', name: 'Anna Svensson' },
  organisation: {
    name: 'Nordkabel AB',
    customerServicePhone: '0771-40 40 40',
    regimes: ['eprivacy', 'gdpr'],
    contact: { name: 'Karin Berg', email: 'dpo@nordkabel.se', phone: '08-123 456 00' },
  },
  reference: 'NK-INC-2018-0223',
  detectedAt: '2018-02-23T13:45:00+01:00',
};

function run(options: { actual?: string; facts?: object; locale?: 'sv' | 'en' } = {}) {
  copyFileSync(sent, join(dir.path, 'sent.eml'));
  writeFileSync(join(dir.path, 'facts.json'), JSON.stringify(options.facts ?? facts));
  return runCliInProcess([
    'incident',
    '--message',
    join(dir.path, 'sent.eml'),
    '--intended',
    'anna.svensson1985@gmail.com',
    '--actual',
    options.actual ?? 'anna.svensson185@gmail.com',
    '--facts',
    join(dir.path, 'facts.json'),
    '--out',
    join(dir.path, 'incident'),
    '--locale',
    options.locale ?? 'en',
  ]);
}

describe('email-guard incident: a bad address and a contradicted fact', () => {
  it('answers 2 for an --actual that is not an e-mail address, in either language', async () => {
    for (const locale of ['en', 'sv'] as const) {
      const answer = await run({ actual: 'anna.svensson185', locale });
      expect(answer.status).toBe(2);
      expect(answer.stderr).toContain('--actual: ');
    }
  });

  it('answers 3 for an --actual the message was not sent to, in either language', async () => {
    for (const locale of ['en', 'sv'] as const) {
      const answer = await run({ actual: 'karin@example.se', locale });
      expect(answer.status).toBe(3);
      expect(answer.stderr).toContain('--actual: ');
    }
  });
});
