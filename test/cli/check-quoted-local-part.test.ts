import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { useTempDir } from '../support/use-temp-dir.js';

// `"erik.lind@telia.com"@evil.com` reads as erik's address in a mail client, and goes to evil.com
// (RFC 5322 §3.4.1): check blocks it whoever's address it shows, with exit code 1.

const dir = useTempDir();

beforeAll(async () => {
  await builtCli();
}, 120_000);

describe('email-guard check and a quoted local part that shows an address', () => {
  const customers = () => {
    const file = join(dir.path, 'customers.csv');
    writeFileSync(
      file,
      'id,name,emails\nC-1001,Erik Lind,erik.lind@telia.com\nC-1002,Anna Svensson,anna.svensson1985@gmail.com\n',
    );
    return file;
  };

  it.each([
    ["the customer's own address", '"erik.lind@telia.com"@evil.com'],
    ["another customer's address", '"anna.svensson1985@gmail.com"@evil.com'],
    ['any address', '"maria.lund79@outlook.com"@evil.com'],
  ])('blocks %s with exit code 1', async (_, entered) => {
    const run = await runBuiltCli(['check', entered, '--customer-id', 'C-1001', '--customers', customers()], {
      cwd: dir.path,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`block  ${JSON.stringify(entered)}`);
    expect(run.stdout).toContain('but the mail would go to evil.com');
  });

  it('says it in Swedish', async () => {
    const run = await runBuiltCli(
      [
        'check',
        '"erik.lind@telia.com"@evil.com',
        '--customer-id',
        'C-1001',
        '--customers',
        customers(),
        '--locale',
        'sv',
      ],
      { cwd: dir.path },
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('Det här visar erik.lind@telia.com inom citattecken');
  });
});
