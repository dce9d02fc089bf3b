import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliTexts } from '../../src/cli/cli-texts.js';
import { codeWithName } from '../../src/cli/code-with-name.js';
import { customerBaseFindingCodes } from '../../src/guard/audit-customer-base.js';
import { defaultPolicy } from '../../src/index.js';
import { runBuiltCli } from '../support/built-cli.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir({ scope: 'file' });

// Every code the check and the customer-base audit can give (the policy has an action for each),
// and the command's own kinds of line in `customers check`.
const codes = [
  ...new Set([
    ...Object.keys(defaultPolicy),
    ...customerBaseFindingCodes,
    ...Object.keys(cliTexts.en.customersCheck.kinds),
  ]),
];

describe('the names of the findings on the terminal', () => {
  it.each(codes)('has a Swedish name for %s, and shows the code itself in English', (code) => {
    const swedish = cliTexts.sv.report.findingNames[code];
    expect(swedish, code).toMatch(/\p{L}/u);
    expect(swedish).not.toBe(code);
    expect(codeWithName(code, 'sv')).toBe(`${swedish} (${code})`);
    expect(codeWithName(code, 'en')).toBe(code);
  });

  it('names near-miss-other-name in Swedish in the line check prints', async () => {
    // Oskar Wallin's address with one digit changed, entered for Erik Lind (docs/directory.md).
    const customers = join(dir.path, 'kunder.csv');
    writeFileSync(
      customers,
      'id;name;email\nK-1;Erik Lind;erik.lind@telia.com\nK-2;Oskar Wallin;oskar.wallin46375@gmail.com\n',
    );
    const args = ['check', 'oskar.wallin46376@gmail.com', '--customer-id', 'K-1', '--customers', customers];
    const run = await runBuiltCli([...args, '--locale', 'sv'], { cwd: dir.path });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toContain(
      'bekräfta skrivfel av adress till kund med annat namn (near-miss-other-name): ',
    );
    const english = await runBuiltCli(args, { cwd: dir.path });
    expect(english.stdout).toContain('  confirm near-miss-other-name: ');
  });
});
