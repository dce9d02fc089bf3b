import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir();

function exportFile(name: string, text: string): string {
  const file = join(dir.path, name);
  writeFileSync(file, text);
  return file;
}

describe('email-guard customers check passes no export with data it did not read', () => {
  it('reads every address of an NDJSON key written twice, reports the key and exits with 1', async () => {
    const file = exportFile(
      'dup.ndjson',
      '{"id":"C-1","name":"Anna","emails":["anna.svensson1985@gmail.com"],"emails":["anna.s@telia.com"]}\n{"id":"C-2","name":"Bo","emails":["anna.s@telia.com"]}\n',
    );
    const run = await runCliInProcess(['customers', 'check', file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`${file}:1  C-1  repeated-key`);
    expect(run.stdout).toContain('"emails"');
    expect(run.stdout).not.toContain('unreadable-row');
    expect(run.stdout).toContain('belongs-to-other-customer');
    const json = await runCliInProcess(['customers', 'check', file, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ rows: 2, customers: 2, rowsNotRead: 0 });
  });

  it('reads a second address column and finds the address shared with another customer', async () => {
    const file = exportFile(
      'second.csv',
      'Kundnr;Namn;E-post;E-post 2;Telefon;Mobil 2\nC-1;Anna;a@x.se;anna.svensson1985@gmail.com;08-123 45 67;070-123 45 67\nC-2;Bo;anna.svensson1985@gmail.com;;;\n',
    );
    const run = await runCliInProcess(['customers', 'check', file, '--json']);
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout) as { findings: { kind: string; customerId?: string }[] };
    expect(result.findings.map((finding) => finding.kind)).toContain('belongs-to-other-customer');
    expect(result.findings.map((finding) => finding.kind)).not.toContain('column-not-read');
  });

  it('exits with 1 and says so when a column named like an address was not read', async () => {
    const file = exportFile(
      'private.csv',
      'id;name;email;Privat e-post\nC-1;Anna;anna@x.se;anna.svensson1985@gmail.com\n',
    );
    const run = await runCliInProcess(['customers', 'check', file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('1 column named like an address or phone not read ("Privat e-post")');
  });

  it('says so in Swedish', async () => {
    const file = exportFile(
      'mobil-sv.csv',
      'id;name;email;Mobiltelefon hem\nC-1;Anna;anna@x.se;070-1234567\n',
    );
    const run = await runCliInProcess(['customers', 'check', file, '--locale', 'sv']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      '1 kolumn med namn som en adress eller ett telefonnummer lästes inte ("Mobiltelefon hem")',
    );
  });

  it('passes an export whose only unread column is a note or a fax, and still lists it', async () => {
    const file = exportFile('fax.csv', 'id;name;email;Fax;Anteckning\nC-1;Anna;anna@x.se;08-1;ringer ofta\n');
    const run = await runCliInProcess(['customers', 'check', file]);
    expect(run.stdout).toContain('column-not-read');
    expect(run.stdout).not.toContain('named like an address');
    expect(run.status).toBe(0);
  });
});
