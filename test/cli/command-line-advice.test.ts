import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { useTempDir } from '../support/use-temp-dir.js';

// Issue 13: what the command says when the export or the command line is not what it expects.
const dir = useTempDir({ scope: 'file' });

beforeAll(async () => {
  await builtCli();
}, 120_000);

const run = (args: readonly string[]) => runBuiltCli(args, { cwd: dir.path });

/** The standard error of a run that must end with `status`. */
async function refused(args: readonly string[], status: number): Promise<string> {
  const result = await run(args);
  expect(result.status, args.join(' ')).toBe(status);
  return result.stderr;
}

describe('a column mapped with --columns', () => {
  it('is read, and not listed as a column not read, beside a birth date column', async () => {
    const file = join(dir.path, 'kunder.csv');
    writeFileSync(
      file,
      'Kundnr;Namn;E-post;Födelsedatum;Personnummer\nK-1;Anna Svensson;anna.svensson1985@gmail.com;1985-03-12;19850312-1234\n',
    );
    const expected = {
      en: 'kunder.csv: 1 row, 1 customer loaded, 0 customers with findings.\n',
      sv: 'kunder.csv: 1 rad, 1 kund inläst, 0 kunder med fynd.\n',
    };
    for (const locale of ['en', 'sv'] as const) {
      const args = ['customers', 'check', 'kunder.csv', '--columns', 'birthDate=Personnummer'];
      const checked = await run([...args, '--locale', locale]);
      expect(checked.status).toBe(0);
      expect(checked.stdout).toBe(expected[locale]);
    }
  });
});

describe('an unknown option', () => {
  it('is named as unknown before a required option is missed, with the usage of its command', async () => {
    expect(await refused(['audit', 'sent', '--xyz'], 2)).toBe(
      "error: unknown option '--xyz'\n(usage: email-guard audit [options] <sent-mail>; add --help for more)\n",
    );
    // `holds` requires --store: the unknown option is named, not the option it does not reach.
    expect(await refused(['holds', 'list', '--xyz', '--locale', 'sv'], 2)).toBe(
      "fel: okänt alternativ '--xyz'\n(användning: email-guard holds list [alternativ]; lägg till --help för mer)\n",
    );
  });

  it('still names a required option that is missing when every option is known', async () => {
    expect(await refused(['incident', '--locale', 'sv'], 2)).toMatch(
      /^fel: alternativet '--intended <adress>' måste anges\n\(användning: email-guard incident /,
    );
  });
});

describe('a spreadsheet given as the customer export', () => {
  // The first bytes of an .xlsx (a ZIP archive) and of an .xls (a Compound File Binary file).
  const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]);
  const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00, 0x00]);

  it('says by its ending that it must be saved as CSV (UTF-8) first, and how', async () => {
    for (const [name, bytes] of [
      ['kunder.xlsx', zip],
      ['kunder.xls', ole],
      ['kunder.ods', zip],
      ['kunder.numbers', zip],
    ] as const) {
      writeFileSync(join(dir.path, name), bytes);
      const english = await refused(['customers', 'check', name], 3);
      expect(english.trim().split('\n')).toHaveLength(1);
      expect(english).toContain(`email-guard: ${name}: a`);
      expect(english).toContain(
        'not a CSV file: save it as CSV (UTF-8) first and give that file (Excel: File → Save As → CSV UTF-8 (Comma delimited)',
      );
    }
    expect(await refused(['customers', 'check', 'kunder.xlsx', '--locale', 'sv'], 3)).toBe(
      'email-guard: kunder.xlsx: en Excel-arbetsbok (.xlsx), ingen CSV-fil: spara filen som CSV (UTF-8) först och ange den nya filen (Excel: Arkiv → Spara som → CSV UTF-8 (kommaavgränsad); Numbers, LibreOffice: exportera som CSV)\n',
    );
  });

  it('knows one by its content under another name, in every command that reads an export', async () => {
    writeFileSync(join(dir.path, 'export.csv'), zip);
    writeFileSync(join(dir.path, 'export.ndjson'), ole);
    expect(await refused(['customers', 'check', 'export.csv'], 3)).toMatch(
      /^email-guard: export\.csv: a ZIP archive, as an Excel workbook \(\.xlsx\) is, not a CSV file: save it as CSV \(UTF-8\) first/,
    );
    const customer = ['--customer-id', 'K-1', '--customers', 'export.ndjson'];
    expect(await refused(['check', 'a@example.se', ...customer, '--locale', 'sv'], 3)).toMatch(
      /^email-guard: export\.ndjson: en Excel 97-2003-arbetsbok \(\.xls\) eller en annan Office-fil, ingen CSV-fil: spara filen som CSV \(UTF-8\)/,
    );
  });
});

describe('a document given as the customer export', () => {
  it('says it is a PDF or a Word document, by its content or its ending, and to export the customers as CSV', async () => {
    writeFileSync(join(dir.path, 'kunder.pdf'), '%PDF-1.7\n%âãÏÓ\n1 0 obj\n');
    writeFileSync(join(dir.path, 'kunder.txt'), '%PDF-1.4\n1 0 obj\n');
    writeFileSync(
      join(dir.path, 'kunder.docx'),
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]),
    );
    const advice =
      'not a CRM export: export the customers from the CRM as CSV (UTF-8), or save the table as CSV (UTF-8) from a spreadsheet, and give that file\n';
    expect(await refused(['customers', 'check', 'kunder.pdf'], 3)).toBe(
      `email-guard: kunder.pdf: a PDF document, ${advice}`,
    );
    expect(await refused(['customers', 'check', 'kunder.txt'], 3)).toBe(
      `email-guard: kunder.txt: a PDF document, ${advice}`,
    );
    expect(await refused(['customers', 'check', 'kunder.docx'], 3)).toBe(
      `email-guard: kunder.docx: a Word document, ${advice}`,
    );
    expect(await refused(['customers', 'check', 'kunder.pdf', '--locale', 'sv'], 3)).toBe(
      'email-guard: kunder.pdf: ett PDF-dokument, ingen CRM-export: exportera kunderna ur CRM-systemet som CSV (UTF-8), eller spara tabellen som CSV (UTF-8) från ett kalkylprogram, och ange den filen\n',
    );
  });
});

describe('a value of the export that is not read', () => {
  it("is named by its column's header as the export writes it, not by the field", async () => {
    writeFileSync(
      join(dir.path, 'telefon.csv'),
      'Kundnr;Namn;E-post;Mobil;Telefon\nK-1;Anna Berg;anna.berg@example.se;0701234567;070-ABC\n',
    );
    const args = ['customers', 'check', 'telefon.csv', '--columns', 'phone=Mobil,phone=Telefon'];
    const english = await run(args);
    expect(english.status).toBe(1);
    expect(english.stdout).toContain(
      'telefon.csv:2  K-1  field-not-read  anna.berg@example.se  column "Telefon": "070-ABC" cannot be read as a phone number\n',
    );
    const swedish = await run([...args, '--locale', 'sv']);
    expect(swedish.stdout).toContain(
      'anna.berg@example.se  kolumnen ”Telefon”: ”070-ABC” kan inte läsas som ett telefonnummer\n',
    );
    const json = JSON.parse((await run([...args, '--json'])).stdout) as { findings: unknown[] };
    expect(json.findings).toMatchObject([{ field: 'phones', header: 'Telefon', value: '070-ABC' }]);
  });
});

describe('why an input cannot be read, in words', () => {
  it('says that a file does not exist, without the system error code', async () => {
    expect(await refused(['customers', 'check', 'saknas.csv'], 3)).toBe(
      'email-guard: saknas.csv: does not exist\n',
    );
    expect(await refused(['customers', 'check', 'saknas.csv', '--locale', 'sv'], 3)).toBe(
      'email-guard: saknas.csv: finns inte\n',
    );
  });

  it('gives the header size limit in KiB', async () => {
    mkdirSync(join(dir.path, 'skickat'));
    const header = `To: anna@example.se\r\nX-Long: ${'a'.repeat(300 * 1024)}\r\n\r\nHej\r\n`;
    writeFileSync(join(dir.path, 'skickat', 'lang.eml'), header);
    writeFileSync(join(dir.path, 'k.csv'), 'id,email\nK-1,anna@example.se\n');
    const swedish = await refused(['audit', 'skickat', '--customers', 'k.csv', '--locale', 'sv'], 3);
    expect(swedish).toContain('brevhuvudet är längre än 256 KiB');
    expect(swedish).not.toMatch(/262144/);
  });
});

describe('the summary of look-alike letters', () => {
  it('says which letters in words a reader knows, not "ASCII"', async () => {
    writeFileSync(join(dir.path, 'lika.csv'), 'id,name,email\nK-1,Olle Ek,olle.ek@gmаil.com\n');
    const checked = await run(['customers', 'check', 'lika.csv']);
    expect(checked.stdout).toContain(
      '1  confusable-characters: letters from another script (Cyrillic, Greek) that look like the plain letters a–z\n',
    );
    expect(checked.stdout).not.toContain('ASCII');
  });
});

describe('a Swedish line about a field', () => {
  it('names the field in Swedish words, not as the code names it', async () => {
    writeFileSync(
      join(dir.path, 'olika.csv'),
      'Kundnr;Namn;E-post;Födelsedatum;Personnummer\nK-1;Anna Svensson;anna.svensson@gmail.com;1985-03-12;19850313-1234\nK-2;Erik Lind;erik.lind@telia.com;;\n',
    );
    const args = ['customers', 'check', 'olika.csv', '--columns', 'birthDate=Personnummer', '--locale', 'sv'];
    const checked = await run(args);
    expect(checked.stdout).toContain('kolumnerna som läses som födelsedatum säger olika');
    expect(checked.stdout).not.toContain('birthDate');
  });
});
