import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { useTempDir } from '../support/use-temp-dir.js';

// Issue 13, a user trial's leftovers: what `customers check` and `audit` say of real files, on the
// built command.
const dir = useTempDir();

beforeAll(async () => {
  await builtCli();
}, 120_000);

const run = (args: readonly string[]) => runBuiltCli(args, { cwd: dir.path });

/** Writes `text` as `name` in the test's folder; answers its path. */
function write(name: string, text: string): string {
  const file = join(dir.path, name);
  writeFileSync(file, text);
  return file;
}

describe('email-guard customers check: digits that contradict the birth date', () => {
  it('names the part of the date the digits contradict: day and month, year, whole date (en, sv)', async () => {
    const file = write(
      'born.csv',
      [
        'id;name;email;birthDate',
        'K-1;Anna Svensson;anna0521@gmail.com;1985-12-05',
        'K-2;Erik Lind;erik.lind1958@gmail.com;1985-12-05',
        'K-3;Sara Ek;sara.ek851206@gmail.com;1985-12-05',
      ].join('\n'),
    );
    const reasons = async (locale: 'en' | 'sv') => {
      const result = JSON.parse(
        (await run(['customers', 'check', file, '--json', '--locale', locale])).stdout,
      );
      const byId = new Map<string, string>();
      for (const finding of result.findings)
        if (finding.kind === 'number-mismatch') byId.set(finding.customerId, finding.reason);
      return byId;
    };
    const en = await reasons('en');
    expect(en.get('K-1')).toContain("the customer's birthday (day and month) 0512");
    expect(en.get('K-2')).toContain("the customer's birth year 1985");
    expect(en.get('K-3')).toContain("the customer's birth date 851205");
    const sv = await reasons('sv');
    expect(sv.get('K-1')).toContain('kundens födelsedag (dag och månad) 0512');
    expect(sv.get('K-2')).toContain('kundens födelseår 1985');
    expect(sv.get('K-3')).toContain('kundens födelsedatum 851205');
    for (const reason of [...en.values(), ...sv.values()])
      expect(reason).not.toMatch(/ or year|eller födelseår/);
  });
});

describe('email-guard customers check: the address column', () => {
  it('reads the address under the headers Swedish and English exports use', async () => {
    for (const header of [
      'Mejl',
      'E-post',
      'Epost',
      'Mail',
      'E-mail',
      'Email address',
      'E-mejl',
      'E-postadress',
    ]) {
      const file = write(
        'headers.csv',
        `Kundnr;Namn;${header}\nK-1;Anna Svensson;anna.svensson@hotmial.se\n`,
      );
      const result = JSON.parse((await run(['customers', 'check', file, '--json'])).stdout);
      expect(
        result.findings.map((finding: { kind: string }) => finding.kind),
        header,
      ).toContain('domain-typo');
    }
  });

  it('refuses an export where no row has an address, naming the headers not read and those accepted (en, sv)', async () => {
    const file = write('no-address.csv', 'Kundnr;Namn;Kontakt\nK-1;Anna Svensson;anna@gmail.com\n');
    const en = await run(['customers', 'check', file]);
    expect(en.status).toBe(3);
    expect(en.stdout).toBe('');
    expect(en.stderr.trim().split('\n')).toHaveLength(1);
    expect(en.stderr).toContain('no-address.csv:1: no row has an address');
    expect(en.stderr).toContain('"Kontakt" is not read');
    expect(en.stderr).toContain('email, emails');
    expect(en.stderr).toContain('--columns emails=Kontakt');
    const sv = await run(['customers', 'check', file, '--locale', 'sv']);
    expect(sv.status).toBe(3);
    expect(sv.stderr).toContain('ingen rad har någon adress');
    expect(sv.stderr).toContain('”Kontakt” läses inte');
  });
});

/** A customer export of one customer, Anna Svensson at anna.svensson1985@gmail.com. */
const annaExport = () =>
  write('anna.csv', 'Kundnr;Namn;E-post\nK-1;Anna Svensson;anna.svensson1985@gmail.com\n');

/** Writes `messages` (file name to raw text) into a new folder `name`; answers its path. */
function emlFolder(name: string, messages: Record<string, string>): string {
  const folder = join(dir.path, name);
  mkdirSync(folder, { recursive: true });
  for (const [file, raw] of Object.entries(messages)) writeFileSync(join(folder, file), raw, 'latin1');
  return folder;
}

/** An order confirmation from the shop with the recipient lines `to`, its lines ended by `lineEnd`. */
function orderConfirmation(to: readonly string[], messageId: string, lineEnd: string): string {
  return [
    'From: order@butiken.se',
    ...to,
    'Subject: Orderbekraftelse',
    `Message-ID: ${messageId}`,
    '',
    'Hej!',
    '',
  ].join(lineEnd);
}

describe('email-guard audit: line ends', () => {
  it('reads the recipients of a message with old Mac line ends (a CR alone)', async () => {
    const folder = emlFolder('cr-only', {
      'cr.eml': orderConfirmation(['To: anna.svensson185@gmail.com'], '<cr-only@butiken.se>', '\r'),
    });
    const audited = await run(['audit', folder, '--customers', annaExport(), '--json']);
    expect(audited.stderr).toBe('');
    expect(audited.status).toBe(1);
    expect(JSON.parse(audited.stdout).hits).toEqual([
      expect.objectContaining({
        messageId: '<cr-only@butiken.se>',
        recipient: 'anna.svensson185@gmail.com',
        finding: 'near-miss',
      }),
    ]);
  });
});

describe('email-guard audit: a display name broken by a line break', () => {
  it('reads the address the header names and says the header is broken in one line, not a hit at a made-up address', async () => {
    const folder = emlFolder('broken-name', {
      'broken.eml': orderConfirmation(
        ['To: "Anna', 'Bcc: Svensson" <anna.svensson185@gmail.com>'],
        '<broken@butiken.se>',
        '\r\n',
      ),
    });
    for (const locale of ['en', 'sv'] as const) {
      const audited = await run(['audit', folder, '--customers', annaExport(), '--json', '--locale', locale]);
      expect(audited.status).toBe(1);
      const result = JSON.parse(audited.stdout);
      expect(result.hits.map((hit: { recipient: string }) => hit.recipient)).toEqual([
        'anna.svensson185@gmail.com',
      ]);
      expect(result.unreadable).toBe(0);
      const lines = audited.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(
        locale === 'sv'
          ? 'fältet To bryts av en radbrytning inuti ett citerat namn; läst som: "Anna Bcc: Svensson" <anna.svensson185@gmail.com>'
          : 'the To field is broken by a line break inside a quoted name; read as: "Anna Bcc: Svensson" <anna.svensson185@gmail.com>',
      );
    }
  });
});
