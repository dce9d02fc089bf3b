import { createReadStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticCustomers } from '../../eval/cases/synthetic-people.js';
import { createDirectory } from '../../src/contacts/create-directory.js';
import { type LoadProgress, loadCustomers } from '../../src/contacts/load-customers.js';
import { EmailGuardError, InvalidInputError } from '../../src/errors.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir({ scope: 'file' });

const header = 'id,name,email,phone';
const good = [
  'C-1,Anna Svensson,anna.svensson@gmail.com,070-123 45 67',
  'C-2,"Lind, Erik","erik.lind@telia.com;erik@lind.se",08-123 456 78',
  'C-3,Åsa Öberg,åsa@öberg.se,',
];

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

describe('loadCustomers', () => {
  it('reads a CSV export with quoted fields and several addresses in a cell', async () => {
    const { customers, problems, loaded } = await loadCustomers({
      source: [header, ...good].join('\n'),
      format: 'csv',
    });
    expect(problems).toEqual([]);
    expect(loaded).toBe(3);
    expect(customers[1]).toEqual({
      id: 'C-2',
      name: 'Lind, Erik',
      emails: ['erik.lind@telia.com', 'erik@lind.se'],
      phones: ['08-123 456 78'],
    });
    expect(customers[2]?.name).toBe('Åsa Öberg');
  });

  it('reports each broken row with its line and reason and loads the rest', async () => {
    const rows = [
      header,
      good[0],
      'C-4,Erik Lind,erik(at)telia.com,',
      ',No Id,no.id@gmail.com,',
      'C-5,Too,Few',
      'C-6,Karin Berg,karin@berg.se,ring mig',
      good[1],
      'C-7,"Open quote,x@y.se,',
    ];
    const { customers, problems } = await loadCustomers({ source: rows.join('\r\n'), format: 'csv' });
    // A phone number that cannot be read costs the row its number, not its address.
    expect(customers.map((customer) => customer.id)).toEqual(['C-1', 'C-6', 'C-2']);
    expect(customers[1]).toEqual({ id: 'C-6', name: 'Karin Berg', emails: ['karin@berg.se'] });
    expect(problems.find((problem) => problem.line === 6)?.loaded).toBe(true);
    expect(problems.map(({ line, field }) => [line, field])).toEqual([
      [3, 'emails'],
      [4, 'id'],
      [5, undefined],
      [6, 'phones'],
      [8, undefined],
    ]);
    expect(problems[0]?.reason).toContain('erik(at)telia.com');
    expect(problems[2]?.reason).toContain('3 fields');
    expect(problems[4]?.reason).toContain('never closed');
    expect(problems.filter((problem) => problem.loaded).map((problem) => problem.line)).toEqual([6]);
  });

  it('counts lines inside quoted fields when numbering later rows', async () => {
    const source = `${header}\nC-1,"Anna\nSvensson",anna@x.se,\nC-2,Bad,bad@,\n`;
    const { problems } = await loadCustomers({ source, format: 'csv' });
    // The name with a line break is loaded without it and said on its own line (2).
    expect(problems.map((problem) => [problem.line, problem.field])).toEqual([
      [2, 'name'],
      [4, 'emails'],
    ]);
  });

  it('reports a stray quote on its own line and still loads every row after it', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) =>
      i === 1 ? 'C-2,"Berg, Karin,karin@x.se,' : `C-${i + 1},Name ${i + 1},p${i + 1}@x.se,`,
    );
    rows[500] = 'C-501,Bad,bad@,';
    const { loaded, problems } = await loadCustomers({ source: [header, ...rows].join('\n'), format: 'csv' });
    expect(loaded).toBe(998);
    expect(problems.map(({ line, reason }) => [line, reason.slice(0, 30)])).toEqual([
      [3, 'a quoted field is never closed'],
      [502, '"bad@" is not a usable address'],
    ]);
  });

  it('reads the rows after a quote left open past the limit of a quoted field', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `C-${i + 1},Name,p${i + 1}@x.se,`);
    rows[9] = 'C-10,"Berg, Karin,karin@x.se,';
    rows[299] = 'C-300,"Lind, Erik",erik@lind.se,';
    const { customers, problems } = await loadCustomers({
      source: [header, ...rows].join('\n'),
      format: 'csv',
    });
    expect(customers).toHaveLength(299);
    expect(customers.at(-1)?.name).toBe('Lind, Erik');
    expect(problems).toEqual([
      { line: 11, id: 'C-10', reason: 'a quoted field is never closed', loaded: false },
    ]);
  });

  it('reports a field spanning lines whose closing quote has text after it, and reads the lines as rows', async () => {
    const source = `${header}\nC-1,"Berg, Karin,karin@x.se,\nC-2,Erik "the boss",erik@x.se,\nC-3,Åsa,asa@x.se,\n`;
    const { customers, problems } = await loadCustomers({ source, format: 'csv' });
    expect(customers.map((customer) => customer.name)).toEqual(['Erik "the boss"', 'Åsa']);
    expect(problems.map(({ line }) => line)).toEqual([2]);
  });

  it('reads the rows between a stray quote and the later quote it pairs with', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => `C-${i + 1},Name ${i + 1},p${i + 1}@x.se`);
    rows[1] = 'C-2,"Berg, Karin,karin@x.se';
    rows[9] = 'C-10,Erik,erik@x.se"';
    const source = `${header.replace(',phone', '')}\r\n${rows.join('\r\n')}\r\n`;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: source.length }), async (cut) => {
        const chunks = [source.slice(0, cut), source.slice(cut)];
        const { loaded, problems } = await loadCustomers({ source: chunks, format: 'csv' });
        expect(loaded).toBe(18);
        expect(problems.map(({ line, field }) => [line, field])).toEqual([
          [3, undefined],
          [11, 'emails'],
        ]);
        expect(problems[0]?.reason).toContain('runs into the next lines');
      }),
      { numRuns: 50 },
    );
  });

  it('still reads a quoted field over several lines, with a BOM and CRLF line endings', async () => {
    const source = `\uFEFF${header}\r\nC-1,"Anna\r\nSvensson",anna@x.se,\r\nC-2,Erik,erik@x.se,\r\n`;
    const { customers, problems } = await loadCustomers({ source, format: 'csv' });
    // A line break is no part of a name (it would go into a header field): reported, as written.
    expect(problems).toEqual([
      expect.objectContaining({ line: 2, field: 'name', value: 'Anna\r\nSvensson' }),
    ]);
    expect(customers.map((customer) => [customer.id, customer.name])).toEqual([
      ['C-1', undefined],
      ['C-2', 'Erik'],
    ]);
  });

  it('keeps the line breaks inside a quoted field of a file as written: CRLF, LF and a lone CR', async () => {
    // RFC 4180 section 2 item 6: a line break inside quotes is part of the field's data.
    const file = join(dir.path, 'export.csv');
    writeFileSync(
      file,
      'id,name,email\r\nC-1,"Anna\r\nSvensson",anna@x.se\r\nC-2,"Erik\rLind",erik@x.se\nC-3,"Karin\nBerg",karin@x.se\r\n',
    );
    const seen: [string, number][] = [];
    const { customers, problems } = await loadCustomers(
      { source: createReadStream(file, { highWaterMark: 16 }), format: 'csv' },
      { onCustomer: (customer, line) => void seen.push([customer.id, line]) },
    );
    // Each name is reported with its line breaks as written (a name loaded with one would go into
    // a header field).
    expect(problems.map((problem) => problem.value)).toEqual([
      'Anna\r\nSvensson',
      'Erik\rLind',
      'Karin\nBerg',
    ]);
    expect(customers.map((customer) => customer.name)).toEqual([undefined, undefined, undefined]);
    expect(seen).toEqual([
      ['C-1', 2],
      ['C-2', 4],
      ['C-3', 6],
    ]);
  });

  it('reports a stray quote the same way however the input is cut into chunks', async () => {
    const source = `${header}\r\nC-1,Anna,anna@x.se,\r\nC-2,"Berg,karin@x.se,\r\nC-3,Erik,erik@x.se,\r\nC-4,Åsa,asa@x.se,`;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: source.length }), fc.nat({ max: source.length }), async (a, b) => {
        const [from, to] = a < b ? [a, b] : [b, a];
        const chunks = [source.slice(0, from), source.slice(from, to), source.slice(to)];
        const { customers, problems } = await loadCustomers({ source: chunks, format: 'csv' });
        expect(customers.map((customer) => customer.id)).toEqual(['C-1', 'C-3', 'C-4']);
        expect(problems.map(({ line }) => line)).toEqual([3]);
      }),
    );
  });

  it('reads a semicolon-separated export with Swedish headers', async () => {
    const source = '\uFEFFKundnummer;Namn;E-post;Mobil\nK1;Anna Svensson;anna@x.se,anna@y.se;070-123 45 67\n';
    const { customers } = await loadCustomers({ source, format: 'csv' });
    expect(customers).toEqual([
      { id: 'K1', name: 'Anna Svensson', emails: ['anna@x.se', 'anna@y.se'], phones: ['070-123 45 67'] },
    ]);
  });

  it('takes column names from the caller', async () => {
    const source = 'kund,adress\nK1,anna@x.se\n';
    const { customers } = await loadCustomers(
      { source, format: 'csv' },
      { columns: { id: ['kund'], emails: ['adress'] } },
    );
    expect(customers).toEqual([{ id: 'K1', emails: ['anna@x.se'] }]);
  });

  it('throws one InvalidInputError, not a problem per row, when the header has no id column', async () => {
    await expect(loadCustomers({ source: 'name,email\nA,a@x.se\n', format: 'csv' })).rejects.toThrow(
      InvalidInputError,
    );
  });

  it('reports a repeated id and keeps the later row', async () => {
    const source = `${header}\n${good[0]}\nC-1,Anna Lind,anna@lind.se,\n`;
    const { customers, problems } = await loadCustomers({ source, format: 'csv' });
    expect(customers).toEqual([{ id: 'C-1', name: 'Anna Lind', emails: ['anna@lind.se'] }]);
    expect(problems).toEqual([expect.objectContaining({ line: 3, field: 'id', loaded: true })]);
  });

  it('reads NDJSON and reports lines that are no customer', async () => {
    const source = [
      '{"id":1001,"name":"Anna Svensson","emails":["anna@x.se"]}',
      '{"id":"1002","emails":["not-an-address"]}',
      'not json',
      '',
      '["an","array"]',
      '{"id":"1003","phones":["+46 70 123 45 67"],"extra":"reported"}',
    ].join('\n');
    const { customers, problems } = await loadCustomers({ source, format: 'ndjson' });
    expect(customers).toEqual([
      { id: '1001', name: 'Anna Svensson', emails: ['anna@x.se'] },
      { id: '1003', phones: ['+46 70 123 45 67'] },
    ]);
    expect(problems.map(({ line, field, column }) => [line, field ?? column])).toEqual([
      [2, 'emails'],
      [3, undefined],
      [5, undefined],
      [6, 'extra'],
    ]);
  });

  it('reads a Node stream of bytes split inside a character', async () => {
    const bytes = new TextEncoder().encode([header, ...good].join('\n'));
    const at = bytes.indexOf(0xc3); // the first byte of "Å"
    const stream = Readable.from([bytes.slice(0, at + 1), bytes.slice(at + 1)]);
    const { customers } = await loadCustomers({ source: stream, format: 'csv' });
    expect(customers[2]?.name).toBe('Åsa Öberg');
  });

  it('reads a web ReadableStream', async () => {
    const lines = ['{"id":"A"}\n{"id":', '"B"}\n'];
    const stream = new ReadableStream<string>({
      start(controller) {
        for (const line of lines) controller.enqueue(line);
        controller.close();
      },
    });
    const { customers } = await loadCustomers({ source: stream, format: 'ndjson' });
    expect(customers.map((customer) => customer.id)).toEqual(['A', 'B']);
  });

  it('reads a ReadableStream through its reader where it is not async iterable', async () => {
    const bytes = new TextEncoder().encode('{"id":"Å-1"}\n{"id":"Ö-2"}\n');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 9));
        controller.enqueue(bytes.slice(9));
        controller.close();
      },
    });
    // As in a browser whose ReadableStream has no async iterator.
    Object.defineProperty(stream, Symbol.asyncIterator, { value: undefined });
    const { customers } = await loadCustomers({ source: stream, format: 'ndjson' });
    expect(customers.map((customer) => customer.id)).toEqual(['Å-1', 'Ö-2']);
  });

  it('reports progress while loading and once at the end', async () => {
    const rows = [...syntheticCustomers(250, 5)].map((c) =>
      [c.id, c.name, c.emails[0] ?? '', c.phones[0] ?? ''].map(csvCell).join(','),
    );
    const progress: LoadProgress[] = [];
    await loadCustomers(
      { source: [header, ...rows].join('\n'), format: 'csv' },
      { progressEvery: 100, onProgress: (p) => void progress.push(p) },
    );
    expect(progress.map((p) => [p.rows, p.done])).toEqual([
      [100, false],
      [200, false],
      [250, true],
    ]);
  });

  it('tells the line each good row starts on, a quoted cell spanning lines included', async () => {
    const seen: [string, number][] = [];
    await loadCustomers(
      {
        source:
          'id,name,email\nC-1,"Anna\nSvensson",anna@example.se\nC-2,Erik,erik(at)x\nC-3,Karin,karin@example.se\n',
        format: 'csv',
      },
      { onCustomer: (customer, line) => void seen.push([customer.id, line]) },
    );
    expect(seen).toEqual([
      ['C-1', 2],
      ['C-3', 5],
    ]);
  });

  it('adds rows straight into a directory', async () => {
    const directory = createDirectory();
    const result = await loadCustomers(
      { source: [header, ...good].join('\n'), format: 'csv' },
      { directory },
    );
    expect(result.customers).toEqual([]);
    expect(directory.size).toBe(3);
    expect(directory.findAddress({ entered: 'erik@lind.se' })[0]?.customerId).toBe('C-2');
  });

  it('throws an InvalidInputError naming an option that breaks its schema', async () => {
    const input = { source: 'id,phone\nC-1,070-123 45 67\n', format: 'csv' } as const;
    const field = (options: unknown) =>
      loadCustomers(input, options as never).then(
        () => undefined,
        (error: unknown) => (error instanceof InvalidInputError ? error.field : error),
      );
    expect(await field({ onProgress: 'log' })).toBe('options.onProgress');
    expect(await field({ defaultCountry: 46 })).toBe('options.defaultCountry');
    expect(await field({ defaultCountry: 'Sweden' })).toBe('options.defaultCountry');
    expect(await field({ columns: { id: 'kund' } })).toBe('options.columns.id');
    expect(await field(null)).toBe('options');
    expect(await field({ defaultCountry: 'se' })).toBeUndefined();
  });

  it('answers any options with a result or an EmailGuardError, never another error', async () => {
    const input = { source: 'id,name,phone\nC-1,Anna,070-123 45 67\n', format: 'csv' } as const;
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.anything(), async (options, value) => {
        for (const candidate of [
          options,
          { defaultCountry: value },
          { columns: value },
          { onProgress: value },
        ]) {
          await loadCustomers(input, candidate as never).catch((error: unknown) => {
            expect(error).toBeInstanceOf(EmailGuardError);
          });
        }
      }),
    );
  });

  it('rejects a source that is not text', async () => {
    await expect(loadCustomers({ source: 42 as never, format: 'csv' })).rejects.toThrow(/source/);
  });

  it('reads back whatever a CSV writer wrote, however it is cut into chunks', async () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Ö', ' ', ',', '"', '\n', '\r', ';', 'x') });
    await fc.assert(
      fc.asyncProperty(
        fc.array(text, { minLength: 1, maxLength: 8 }),
        fc.nat({ max: 200 }),
        async (names, cut) => {
          const rows = names.map((name, i) => `C${i},${csvCell(name)}`);
          const source = ['id,name', ...rows].join('\r\n');
          const at = Math.min(cut, source.length);
          const { customers, problems } = await loadCustomers(
            { source: [source.slice(0, at), source.slice(at)], format: 'csv' },
            { delimiter: ',' },
          );
          // A name with a line break is reported as written and its customer loaded without it.
          const withBreak = (name: string) => /[\r\n]/.test(name.trim());
          expect(problems.map((problem) => problem.value)).toEqual(
            names.filter(withBreak).map((name) => name.trim()),
          );
          expect(customers.map((customer) => customer.name ?? '')).toEqual(
            names.map((name) => (withBreak(name) ? '' : name.trim())),
          );
        },
      ),
    );
  });
});

describe('loadCustomers drops nothing without a word', () => {
  it('reports a row with too many fields as such, naming its id but no address from a shifted cell', async () => {
    const source = `id,name,email,phone,birth_date,note\nC-30,Too,many,fields,here,x,y,z\nC-29,Few,few@x.se\n`;
    const { problems } = await loadCustomers({ source, format: 'csv' });
    expect(problems.filter((problem) => problem.line > 1)).toEqual([
      {
        line: 2,
        id: 'C-30',
        reason: expect.stringMatching(/^the row has 8 fields where the header has 6: 2 too many/),
        loaded: false,
      },
      {
        line: 3,
        id: 'C-29',
        address: 'few@x.se',
        reason: 'the row has 3 fields where the header has 6',
        loaded: false,
      },
    ]);
  });

  it('names the id of a row whose quote is never closed and reads every line it swallowed', async () => {
    const lines = [
      'id,name,email,phone,birth_date,note',
      'C-1,Anna,anna@x.se,,,',
      'C-31,"Unclosed quote,bad@example.se,,,',
      'C-32,Last Row,last.row@gmail.com,,,',
    ];
    const rows: number[] = [];
    const { customers, problems } = await loadCustomers(
      { source: `${lines.join('\n')}\n`, format: 'csv' },
      { onProgress: (progress) => void rows.push(progress.rows) },
    );
    expect(rows.at(-1)).toBe(lines.length - 1);
    expect(customers.map((customer) => customer.id)).toEqual(['C-1', 'C-32']);
    expect(problems.filter((problem) => problem.line > 1)).toEqual([
      { line: 3, id: 'C-31', reason: 'a quoted field is never closed', loaded: false },
    ]);
  });

  it('names the id of a row whose quote runs into the next lines', async () => {
    const source = 'id,name,email\nC-1,"Berg, Karin,karin@x.se\nC-2,Erik",erik@x.se,x\nC-3,Åsa,asa@x.se\n';
    const { problems } = await loadCustomers({ source, format: 'csv' });
    expect(problems.map(({ line, id, reason }) => [line, id, reason.slice(0, 40)])).toEqual([
      [2, 'C-1', 'a quote opened on this line runs into th'],
      [3, 'C-2', 'the row has 4 fields where the header ha'],
    ]);
  });

  it('names the id of a broken NDJSON line, read tolerantly from its text', async () => {
    const source = [
      '{"id":"C-40","name":"Broken json", "email": "x@y.se"',
      '{"kundnr": 41, "email": "x@y.se",}',
      '{"name":"C-42 \\"id\\": \\"no\\"", "id": "C-\\u0034\\u0032"',
      'not json at all',
    ].join('\n');
    const { problems } = await loadCustomers({ source, format: 'ndjson' });
    expect(problems.map(({ line, id }) => [line, id])).toEqual([
      [1, 'C-40'],
      [2, '41'],
      [3, 'C-42'],
      [4, undefined],
    ]);
  });

  const windows1252 = (text: string) =>
    Uint8Array.from(text, (character) => {
      const code = character.charCodeAt(0);
      if (code > 0xff) throw new Error(`fixture: ${character} is not Latin-1`);
      return code;
    });

  it('reports a column it does not read, once, on the header line', async () => {
    const source = 'id;Namn;Anteckning;Kundgrupp\nC-1;Anna Svensson;ring efter 17;A\n';
    const result = await loadCustomers({ source, format: 'csv' });
    expect(result.customers).toEqual([{ id: 'C-1', name: 'Anna Svensson' }]);
    expect(result.unmappedColumns).toEqual(['Anteckning', 'Kundgrupp']);
    expect(result.problems).toEqual([
      expect.objectContaining({ line: 1, column: 'Anteckning', loaded: false }),
      expect.objectContaining({ line: 1, column: 'Kundgrupp', loaded: false }),
    ]);
    expect(result.problems[0]?.reason).toMatch(/columns/);
  });

  it('reads the header names Swedish and English exports use', async () => {
    const source = [
      'Kundnummer;Förnamn;Efternamn;E-postadress;Mobilnummer;Födelsedatum;Landskod',
      'C-1;Anna;Svensson;anna.svensson@gmail.com;070-123 45 67;1985-04-12;SE',
    ].join('\n');
    const result = await loadCustomers({ source, format: 'csv' });
    expect(result.problems).toEqual([]);
    expect(result.customers).toEqual([
      {
        id: 'C-1',
        name: 'Anna Svensson',
        emails: ['anna.svensson@gmail.com'],
        phones: ['070-123 45 67'],
        birthDate: '1985-04-12',
        country: 'SE',
      },
    ]);
    const english = await loadCustomers({
      source: 'Customer No,Full Name,E-mail,Mobile Phone\nC-2,Erik Lind,erik@lind.se,070-123 45 68\n',
      format: 'csv',
    });
    expect(english.problems).toEqual([]);
    expect(english.customers[0]).toEqual({
      id: 'C-2',
      name: 'Erik Lind',
      emails: ['erik@lind.se'],
      phones: ['070-123 45 68'],
    });
    for (const header of ['Mejl', 'Mejladress', 'e-mail address', 'Email Address', 'E-post']) {
      const { customers } = await loadCustomers({ source: `id,${header}\nC-1,a@b.se\n`, format: 'csv' });
      expect(customers[0]?.emails, header).toEqual(['a@b.se']);
    }
  });

  it('fails once, naming the option, when the header has no id column', async () => {
    const error = await loadCustomers({ source: 'Nr,Namn\n1,Anna\n2,Erik\n', format: 'csv' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).field).toBe('options.columns.id');
    expect((error as InvalidInputError).message).toMatch(/"Nr", "Namn"/);
    const mapped = await loadCustomers(
      { source: 'Nr,Namn\n1,Anna\n', format: 'csv' },
      { columns: { id: ['nr'] } },
    );
    expect(mapped.customers).toEqual([{ id: '1', name: 'Anna' }]);
  });

  it('detects a Windows-1252 export and says so', async () => {
    const bytes = windows1252('id;Namn;E-post\nC-1;Åsa Öberg;asa@oberg.se\nC-2;Jörgen Ärlig;j@arlig.se\n');
    const result = await loadCustomers({ source: [bytes.slice(0, 20), bytes.slice(20)], format: 'csv' });
    expect(result.encoding).toBe('windows-1252');
    expect(result.customers.map((customer) => customer.name)).toEqual(['Åsa Öberg', 'Jörgen Ärlig']);
    expect(result.problems).toEqual([]);
  });

  it('reads UTF-8 with or without a byte order mark, and UTF-16 with one', async () => {
    const text = 'id;Namn\nC-1;Åsa Öberg\n';
    const utf8 = new TextEncoder().encode(text);
    for (const bytes of [utf8, Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8])]) {
      const result = await loadCustomers({ source: [bytes], format: 'csv' });
      expect(result.encoding).toBe('utf-8');
      expect(result.customers[0]?.name).toBe('Åsa Öberg');
    }
    const utf16 = Uint8Array.from([
      0xff,
      0xfe,
      ...[...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
    ]);
    const result = await loadCustomers({ source: [utf16], format: 'csv' });
    expect(result.encoding).toBe('utf-16le');
    expect(result.customers[0]?.name).toBe('Åsa Öberg');
  });

  it('takes the encoding the caller names, and reports bytes that do not fit it', async () => {
    const bytes = windows1252('id,name\nC-1,Åsa\nC-2,Erik\n');
    const result = await loadCustomers({ source: [bytes], format: 'csv' }, { encoding: 'utf-8' });
    expect(result.encoding).toBe('utf-8');
    expect(result.problems).toEqual([
      expect.objectContaining({ line: 2, reason: expect.stringMatching(/not valid UTF-8/) }),
    ]);
    const named = await loadCustomers({ source: [bytes], format: 'csv' }, { encoding: 'windows-1252' });
    expect(named.customers[0]?.name).toBe('Åsa');
    expect(
      await loadCustomers({ source: 'id\n', format: 'csv' }, { encoding: 'latin9' as never }).catch(
        (error: unknown) => (error as InvalidInputError).field,
      ),
    ).toBe('options.encoding');
  });

  it('reads NDJSON ids above 2^53 exactly and refuses ids that are no whole number', async () => {
    const source = [
      '{"id":9007199254740993,"name":"Anna"}',
      '{"id":9007199254740992,"name":"Erik"}',
      '{"id":1e400}',
      '{"id":12.5}',
      '{"name":"x","id":-17}',
    ].join('\n');
    const { customers, problems } = await loadCustomers({ source, format: 'ndjson' });
    expect(customers.map((customer) => customer.id)).toEqual(['9007199254740993', '9007199254740992', '-17']);
    expect(problems.map(({ line, field, loaded }) => [line, field, loaded])).toEqual([
      [3, 'id', false],
      [4, 'id', false],
    ]);
    expect(problems[0]?.reason).toMatch(/1e400/);
  });

  it('reads NDJSON keys by the same names as CSV headers and reports the keys it does not know', async () => {
    const source = [
      '{"id":"C-1","email":"anna@x.se","Mobil":"070-123 45 67","emials":["a@y.se"],"note":"VIP"}',
      '{"id":"C-2","note":"again"}',
    ].join('\n');
    const { customers, problems } = await loadCustomers({ source, format: 'ndjson' });
    expect(customers).toEqual([
      { id: 'C-1', emails: ['anna@x.se'], phones: ['070-123 45 67'] },
      { id: 'C-2' },
    ]);
    expect(problems).toEqual([
      expect.objectContaining({ line: 1, column: 'emials', loaded: true }),
      expect.objectContaining({ line: 1, column: 'note', loaded: true }),
    ]);
    expect(problems[0]?.reason).toMatch(/did you mean "emails"/);
  });

  it('lists the NDJSON keys it does not read in unmappedColumns, each once', async () => {
    const source = ['{"id":"C-1","emials":["a@y.se"],"note":"VIP"}', '{"id":"C-2","note":"again"}'].join(
      '\n',
    );
    const result = await loadCustomers({ source, format: 'ndjson' });
    expect(result.unmappedColumns).toEqual(['emials', 'note']);
  });

  it('reads a birth date written YYYYMMDD and loads a row whose birth date or phone cannot be read without it', async () => {
    const source = 'id;email;phone;födelsedatum\n1;a@x.se;;19850412\n2;b@x.se;07O-123;1957-02-30\n';
    const { customers, problems } = await loadCustomers({ source, format: 'csv' });
    expect(customers).toEqual([
      { id: '1', emails: ['a@x.se'], birthDate: '1985-04-12' },
      { id: '2', emails: ['b@x.se'] },
    ]);
    expect(problems.map(({ line, field, loaded }) => [line, field, loaded])).toEqual([
      [3, 'birthDate', true],
      [3, 'phones', true],
    ]);
  });

  it('says in plain words, with the value as written, why a row is not a customer', async () => {
    const source = 'id;name;födelsedatum;land\n;Anna;;\n2;Erik;12/4/1985;\n3;Karin;;Sverige\n';
    const { problems } = await loadCustomers({ source, format: 'csv' });
    expect(problems.map((problem) => [problem.line, problem.field, problem.reason])).toEqual([
      [2, 'id', 'the row has no id'],
      [3, 'birthDate', 'the birth date "12/4/1985" is not a calendar date written YYYY-MM-DD or YYYYMMDD'],
      [4, 'country', '"Sverige" is not a two-letter ISO 3166-1 country code (SE, GB, ...)'],
    ]);
    const json = await loadCustomers({ source: '{"id":true}\n{"id":"1","name":5}\n', format: 'ndjson' });
    expect(json.problems.map((problem) => problem.reason)).toEqual([
      'the id true is not text or a whole number',
      'the name 5 is not text',
    ]);
  });
});

describe('loadCustomers in Swedish', () => {
  const csv = [
    'Kundnummer;Namn;E-post;Mobil;Födelsedatum;Anteckning',
    'C-1;Anna Svensson;anna.svensson1985@gmail.com;070-123 45 67;1985-03-14;',
    'C-2;Erik Lind;erik(at)telia.com;;;',
    'C-3;Karin Berg;karin@berg.se;inget nummer;;',
    'C-4;Lars Holm;lars@holm.se;;14/03/1985;',
    'C-1;Anna Svensson;anna.svensson1985@gmail.com;;;',
    'C-5;Eva Blom',
    `C-6;${'x'.repeat(400)};x@example.se;;;`,
  ].join('\n');

  it('words every reason in Swedish with locale sv, and in English by default', async () => {
    const swedish = await loadCustomers({ source: csv, format: 'csv' }, { locale: 'sv' });
    expect(swedish.problems.map((problem) => problem.reason)).toEqual([
      'kolumnen ”Anteckning” läses inte: namnet är inget av kundfältens namn; för att läsa den, byt namn på rubriken till ett fältnamn eller ange den i alternativet columns',
      '”erik(at)telia.com” är ingen användbar adress: snabel-a saknas',
      '”inget nummer” kan inte läsas som ett telefonnummer',
      'födelsedatumet ”14/03/1985” är inget datum skrivet ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD',
      'id C-1 användes redan på rad 2; den här raden ersätter den',
      'raden har 2 fält där rubrikraden har 6',
      'namn får vara högst 300 tecken',
    ]);
    const english = await loadCustomers({ source: csv, format: 'csv' });
    expect(english.problems.map((problem) => problem.reason)).toEqual([
      'the column "Anteckning" is not read: its name is none of the customer fields\' names; to read it, rename its header to a field\'s name, or name it in the columns option',
      '"erik(at)telia.com" is not a usable address: the @ sign is missing',
      '"inget nummer" cannot be read as a phone number',
      'the birth date "14/03/1985" is not a calendar date written YYYY-MM-DD or YYYYMMDD',
      'the id C-1 was already used on line 2; this row replaces that one',
      'the row has 2 fields where the header has 6',
      'a name of at most 300 characters',
    ]);
  });

  it('names the column or key a value not read stands in, as the export writes it', async () => {
    const { problems } = await loadCustomers({ source: csv, format: 'csv' });
    expect(
      problems.filter((problem) => problem.value !== undefined).map(({ header, value }) => [header, value]),
    ).toEqual([
      ['Mobil', 'inget nummer'],
      ['Födelsedatum', '14/03/1985'],
    ]);
    const two = 'id;Mobil;Telefon\n1;0701234567;070-ABC\n';
    const phones = await loadCustomers({ source: two, format: 'csv' });
    expect(phones.problems.map(({ header }) => header)).toEqual(['Telefon']);
    const json = await loadCustomers({ source: '{"id":"1","Telefon":"070-ABC"}\n', format: 'ndjson' });
    expect(json.problems.map(({ header }) => header)).toEqual(['Telefon']);
  });

  it('refuses a locale it does not speak, naming the option', async () => {
    const error = await loadCustomers({ source: csv, format: 'csv' }, { locale: 'de' as 'sv' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).field).toBe('options.locale');
  });
});
