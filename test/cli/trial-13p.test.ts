import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { writeCustomerExport } from '../support/cli-inputs.js';
import { holdMessage, releaseArgs } from '../support/hold-message.js';
import { customers, usePipelineFixture } from '../support/pipeline.js';

// Issue 13, trial: the wording of a refused release, on the built command.
const fixture = usePipelineFixture();
const TYPO = 'anna.svensson185@gmail.com';

beforeAll(async () => {
  await builtCli();
}, 120_000);

const run = (args: readonly string[]) => runBuiltCli(args, { cwd: fixture.dir });

describe('email-guard holds release: a refusal said once, in the reader’s words', () => {
  it('says "stays held" once when the corrected recipient is blocked (en)', async () => {
    const id = await holdMessage(fixture, TYPO);
    const refused = await run(
      releaseArgs(fixture, id, writeCustomerExport(fixture.dir, customers), [
        '--to',
        'anna.svensson1985@gmial.com',
      ]),
    );
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`${id} stays held: `);
    expect(refused.stderr.match(/stays held/g)).toHaveLength(1);
  });

  it('names the state of a stopped recipient as a state, "stoppad", not a verb (sv)', async () => {
    const id = await holdMessage(fixture, TYPO);
    const refused = await run(
      releaseArgs(fixture, id, writeCustomerExport(fixture.dir, customers), [
        '--to',
        'anna.svensson1985@gmial.com',
        '--locale',
        'sv',
      ]),
    );
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/"anna\.svensson1985@gmial\.com" stoppad \(/);
    expect(refused.stderr).not.toMatch(/ stoppa \(| bekräfta \(/);
  });
});

describe('email-guard: --out given twice', () => {
  for (const locale of ['en', 'sv'] as const)
    for (const command of [
      ['customers', 'check', 'customers.ndjson'],
      ['audit', 'sent', '--customers', 'customers.ndjson'],
      ['incident'],
    ])
      it(`refuses ${command[0]} with two --out, exit 2, and writes neither (${locale})`, async () => {
        writeCustomerExport(fixture.dir, customers);
        const refused = await run([...command, '--out', 'a.json', '--out', 'b.json', '--locale', locale]);
        expect(refused.status).toBe(2);
        expect(refused.stderr).toContain('--out');
        expect(refused.stderr).toContain(locale === 'sv' ? 'mer än en gång' : 'more than once');
        expect(existsSync(join(fixture.dir, 'a.json')) || existsSync(join(fixture.dir, 'b.json'))).toBe(
          false,
        );
      });
});
