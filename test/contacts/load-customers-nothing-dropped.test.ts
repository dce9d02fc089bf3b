import { describe, expect, it } from 'vitest';
import { loadCustomers } from '../../src/contacts/load-customers.js';

describe('loadCustomers drops no value without a report', () => {
  it('reports an NDJSON key written twice on a line, naming the line and the key', async () => {
    const source = [
      '{"id":"C-1","name":"Anna","emails":["anna.svensson1985@gmail.com"],"emails":["anna.s@telia.com"]}',
      '{"id":"C-2","name":"Bo","emails":["anna.svensson1985@gmail.com"]}',
    ].join('\n');
    const { problems, customers } = await loadCustomers({ source, format: 'ndjson' });
    expect(problems).toEqual([expect.objectContaining({ line: 1, id: 'C-1', loaded: false })]);
    expect(problems[0]?.field).toBeUndefined();
    expect(problems[0]?.reason).toContain('"emails"');
    expect(customers.map((customer) => customer.id)).toEqual(['C-2']);
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
