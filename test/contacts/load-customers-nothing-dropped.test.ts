import { describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/contacts/create-directory.js';
import { loadCustomers } from '../../src/contacts/load-customers.js';

describe('loadCustomers drops no value without a report', () => {
  it('keeps every address and phone of a key written twice, and reports the key', async () => {
    const source = [
      '{"id":"K1","email":"a@x.se","email":"b@x.se","phone":"070-123 45 67","phone":"08-123 45 67"}',
      '{"id":"K2","email":"c@x.se","emails":["d@x.se"],"emails":["e@x.se"]}',
    ].join('\n');
    const { problems, customers } = await loadCustomers({ source, format: 'ndjson' });
    expect(customers).toEqual([
      { id: 'K1', emails: ['a@x.se', 'b@x.se'], phones: ['070-123 45 67', '08-123 45 67'] },
      { id: 'K2', emails: ['c@x.se', 'd@x.se', 'e@x.se'] },
    ]);
    expect(problems).toEqual([
      expect.objectContaining({ line: 1, id: 'K1', repeatedKey: 'email', loaded: true }),
      expect.objectContaining({ line: 1, id: 'K1', repeatedKey: 'phone', loaded: true }),
      expect.objectContaining({ line: 2, id: 'K2', repeatedKey: 'emails', loaded: true }),
    ]);
    expect(problems[0]?.reason).toContain('"email"');
    // Every value was read: no field is named as one loaded without its value.
    expect(problems.map((problem) => problem.field)).toEqual([undefined, undefined, undefined]);
  });

  it('finds another customer mailing an address written first under a repeated key', async () => {
    const source = [
      '{"id":"K1","email":"anna.svensson1985@gmail.com","email":"anna.s@telia.com"}',
      '{"id":"K2","emails":["anna.svensson1985@gmail.com"]}',
    ].join('\n');
    const directory = createDirectory([]);
    await loadCustomers({ source, format: 'ndjson' }, { directory });
    const found = directory.findAddress({ entered: 'anna.svensson1985@gmail.com' }, { maxDistance: 0 });
    expect(found.map((match) => match.customerId).sort()).toEqual(['K1', 'K2']);
  });

  it.each([
    ['id', '{"id":"K1","id":"K2","email":"a@x.se"}'],
    ['namn', '{"id":"K1","namn":"Anna","namn":"Eva","email":"a@x.se"}'],
    ['birthDate', '{"id":"K1","birthDate":"1985-04-12","birthDate":"1986-04-12","email":"a@x.se"}'],
  ])(
    'rejects a row whose key %s, read as another field, is written twice with two values',
    async (key, line) => {
      const { problems, customers } = await loadCustomers({ source: line, format: 'ndjson' });
      expect(customers).toEqual([]);
      expect(problems).toEqual([expect.objectContaining({ line: 1, repeatedKey: key, loaded: false })]);
      expect(problems[0]?.reason).toContain(`"${key}"`);
    },
  );

  it('loads a row whose key is written twice with one value, or is not read, and reports it', async () => {
    const source = [
      '{"id":"K1","name":"Anna","name":"Anna","email":"a@x.se"}',
      '{"id":"K2","note":"x","note":"y","email":"b@x.se"}',
      '{"id":"K3","email":"c@x.se","meta":{"a":1,"a":2}}',
    ].join('\n');
    const { problems, customers } = await loadCustomers({ source, format: 'ndjson' });
    expect(customers).toEqual([
      { id: 'K1', name: 'Anna', emails: ['a@x.se'] },
      { id: 'K2', emails: ['b@x.se'] },
      { id: 'K3', emails: ['c@x.se'] },
    ]);
    expect(problems).toEqual([
      expect.objectContaining({ line: 1, id: 'K1', repeatedKey: 'name', loaded: true }),
      expect.objectContaining({ line: 2, column: 'note', loaded: true }),
      expect.objectContaining({ line: 2, id: 'K2', repeatedKey: 'note', loaded: true }),
      expect.objectContaining({ line: 3, column: 'meta', loaded: true }),
      expect.objectContaining({ line: 3, id: 'K3', repeatedKey: 'meta.a', loaded: true }),
    ]);
  });

  it('reads a second address and phone column as more addresses and phones of the customer', async () => {
    const source = [
      'Kundnr;Namn;E-post;E-post 2;Telefon;Mobil 2;email2;Telefon 2;Alternativ e-post',
      'C-1;Anna;a@x.se;anna.svensson1985@gmail.com;08-123 45 67;070-123 45 67;b@x.se;070-765 43 21;c@x.se',
    ].join('\n');
    const { problems, customers, unmappedColumns } = await loadCustomers({ source, format: 'csv' });
    expect(problems).toEqual([]);
    expect(unmappedColumns).toEqual([]);
    expect(customers[0]?.emails).toEqual(['a@x.se', 'anna.svensson1985@gmail.com', 'b@x.se', 'c@x.se']);
    expect(customers[0]?.phones).toEqual(['08-123 45 67', '070-123 45 67', '070-765 43 21']);
  });

  it('reports a row whose whole name and first and last name disagree, and loads it with the whole name', async () => {
    const source =
      'id;namn;förnamn;efternamn;email\nC-1;Anna S;Anna;Svensson;a@x.se\nC-2;Svensson, Anna;Anna;Svensson;b@x.se\n';
    const { problems, customers } = await loadCustomers({ source, format: 'csv' });
    expect(problems).toEqual([expect.objectContaining({ line: 2, id: 'C-1', field: 'name', loaded: true })]);
    expect(problems[0]?.reason).toContain('Anna S');
    expect(problems[0]?.reason).toContain('Anna Svensson');
    // Skipping the row would leave a@x.se free to be sent to another customer as theirs.
    expect(customers).toEqual([
      { id: 'C-1', name: 'Anna S', emails: ['a@x.se'] },
      { id: 'C-2', name: 'Svensson, Anna', emails: ['b@x.se'] },
    ]);
  });

  it('does the same for NDJSON keys whose names disagree', async () => {
    const source =
      '{"id":"C-1","name":"Anna Maria Berg","firstName":"Eva","lastName":"Lund","emails":["a@x.se"]}\n';
    const { problems, customers } = await loadCustomers({ source, format: 'ndjson' });
    expect(customers).toEqual([{ id: 'C-1', name: 'Anna Maria Berg', emails: ['a@x.se'] }]);
    expect(problems).toEqual([
      expect.objectContaining({ line: 1, id: 'C-1', field: 'name', value: 'Eva Lund', loaded: true }),
    ]);
    expect(problems[0]?.reason).toContain('Eva Lund');
  });

  it.each([
    ['a NUL', 'Anna\u0000Svensson'],
    ['a right-to-left override', 'Anna \u202eSvensson'],
    ['a line break', '"Anna Svensson\r\nBcc: evil@evil.com"'],
  ])('reports a name with %s and loads the customer without it', async (_what, name) => {
    const source = `id,name,email\nC-1,${name},a@x.se\n`;
    const { problems, customers } = await loadCustomers({ source, format: 'csv' });
    expect(customers).toEqual([{ id: 'C-1', emails: ['a@x.se'] }]);
    expect(problems).toEqual([
      expect.objectContaining({ line: 2, id: 'C-1', field: 'name', header: 'name', loaded: true }),
    ]);
  });

  it('reports a name with a control character in NDJSON', async () => {
    const source = '{"id":"C-1","name":"Anna\\r\\nBcc: evil@evil.com","emails":["a@x.se"]}\n';
    const { problems, customers } = await loadCustomers({ source, format: 'ndjson' });
    expect(customers).toEqual([{ id: 'C-1', emails: ['a@x.se'] }]);
    expect(problems).toEqual([
      expect.objectContaining({ line: 1, field: 'name', value: 'Anna\r\nBcc: evil@evil.com', loaded: true }),
    ]);
  });
});
