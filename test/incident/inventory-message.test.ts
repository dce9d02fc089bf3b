import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { EmailGuardError, InvalidInputError, MessageUnreadableError } from '../../src/errors.js';
import {
  excerptAround,
  findPersonalData,
  maskText,
  type PersonalDataHit,
} from '../../src/incident/find-personal-data.js';
import { inventoryMessage } from '../../src/incident/index.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
const anna = {
  id: '4711023',
  name: 'Anna Svensson',
  phones: ['070-123 45 67'],
  postalAddress: 'Storgatan 12, 123 45 Stockholm',
};

describe('inventoryMessage', () => {
  it('lists what a multipart order confirmation exposed, from its text, HTML and attachment name', async () => {
    const inventory = await inventoryMessage(fixture('order-multipart.eml'), {
      customer: anna,
      ignore: ['0771-40 40 40'],
    });
    expect(inventory.subject).toBe('Orderbekräftelse och välkomstbrev');
    expect(inventory.categories).toEqual([
      'name',
      'postal-address',
      'phone-number',
      'customer-number',
      'order-details',
    ]);
    const name = inventory.items.find((item) => item.kind === 'name');
    expect(name?.foundIn).toEqual(['text', 'html', 'attachment-name']);
    expect(name?.matchesCustomer).toBe(true);
    const kinds = inventory.items.map((item) => item.kind);
    expect(kinds).toEqual(expect.arrayContaining(['order-number', 'service', 'price']));
    expect(inventory.items.filter((item) => item.kind === 'price').map((item) => item.excerpt)).toEqual([
      'Pris: 399 kr/mån',
      'Pris: 199 kr/mån',
    ]);
  });

  it('lists a PDF attachment it could not read, so a person checks it', async () => {
    const inventory = await inventoryMessage(fixture('order-multipart.eml'));
    expect(inventory.attachments).toEqual([
      {
        filename: 'Välkomstbrev Anna Svensson.pdf',
        contentType: 'application/pdf',
        size: 69,
        inspected: false,
      },
    ]);
    expect(inventory.notes.join(' ')).toMatch(/not read/);
    const swedish = await inventoryMessage(fixture('order-multipart.eml'), { locale: 'sv' });
    expect(swedish.notes.join(' ')).toMatch(/lästes inte/);
  });

  it('masks every excerpt so the inventory itself does not repeat the data', async () => {
    const inventory = await inventoryMessage(fixture('order-multipart.eml'), { customer: anna });
    const excerpts = inventory.items.map((item) => item.excerpt).join('\n');
    for (const secret of ['Anna Svensson', '4711023', 'Storgatan 12', '123 45 67', 'NK-2018-88412']) {
      expect(excerpts).not.toContain(secret);
    }
  });

  it('recognises the customer’s name exactly only when it knows the customer record', async () => {
    const message = 'Subject: Leverans\r\n\r\nPaketet till Anna Svensson lämnas vid dörren.\r\n';
    expect((await inventoryMessage(message)).categories).toEqual([]);
    const known = await inventoryMessage(message, { customer: anna });
    expect(known.categories).toEqual(['name']);
    expect(known.items[0]?.excerpt).toBe('Paketet till A••• S••••••• lämnas vid dörren.');
  });

  it('reads an HTML-only ISO-8859-1 quoted-printable message with a password-reset link', async () => {
    const inventory = await inventoryMessage(fixture('html-only-latin1.eml'));
    expect(inventory.subject).toBe('Välj ditt lösenord');
    expect(inventory.categories).toEqual(['name', 'national-id-number', 'credentials']);
    const byKind = Object.fromEntries(inventory.items.map((item) => [item.kind, item]));
    expect(byKind.name?.excerpt).toBe('Hej Å•• Ö••••,');
    expect(byKind['national-id-number']?.excerpt).toBe('Ditt konto är skapat. Personnummer: 85••••-••••');
    expect(byKind['password-reset-link']?.foundIn).toContain('html');
    expect(byKind['password-reset-link']?.excerpt).not.toContain('Q2x8v7LmN4pR9sT1wZ6y');
  });

  it('reads a base64 text part with a card, an IBAN, an e-mail address and a phone number', async () => {
    const inventory = await inventoryMessage(fixture('base64-payment.eml'));
    const byKind = Object.fromEntries(inventory.items.map((item) => [item.kind, item.excerpt]));
    expect(byKind['payment-card']).toBe('Tack för din betalning. Kort: •••• •••• •••• 1111');
    expect(byKind.iban).toBe('Återbetalning sker till IBAN SE•• •••• •••• •••• •••• 7466.');
    expect(byKind['email-address']).toContain('o••••.•••••••••@example.com');
    expect(inventory.categories).toContain('phone-number');
  });

  it('does not take a number that fails its checksum for a card, nor an unlabelled one for an identity number', async () => {
    const inventory = await inventoryMessage(
      'Subject: x\r\n\r\nKort: 4111 1111 1111 1112\r\nNr: 850412-3458\r\n',
    );
    expect(inventory.categories).not.toContain('payment-card');
    expect(inventory.categories).not.toContain('national-id-number');
  });

  it('takes a labelled identity number whose check digit fails for one: a mistyped number still identifies someone', async () => {
    const inventory = await inventoryMessage('Subject: x\r\n\r\nPnr: 850412-3458\r\n');
    expect(inventory.categories).toContain('national-id-number');
    expect(JSON.stringify(inventory)).not.toContain('850412-3458');
  });

  it('does not take a date, a bankgiro number or a speed for a phone number', async () => {
    const inventory = await inventoryMessage(
      'Subject: x\r\n\r\nInstallation 2018-03-05.\r\nBankgiro 5050-1055.\r\nBredband 250/250.\r\nRing 08-123 456 00.\r\n',
    );
    expect(
      inventory.items.filter((item) => item.category === 'phone-number').map((item) => item.excerpt),
    ).toEqual(['Ring ••-••• ••• 00.']);
  });

  it('reads text attachments such as a CSV export', async () => {
    const inventory = await inventoryMessage(fixture('csv-attachment.eml'));
    expect(inventory.items.filter((item) => item.category === 'email-address')).toHaveLength(2);
    expect(inventory.items.every((item) => item.foundIn.includes('attachment'))).toBe(true);
    expect(inventory.attachments[0]?.inspected).toBe(true);
  });

  it('accepts a message mailparser has already parsed', async () => {
    const parsed = await simpleParser(fixture('base64-payment.eml'));
    const fromParsed = await inventoryMessage(parsed);
    const fromRaw = await inventoryMessage(fixture('base64-payment.eml'));
    expect(fromParsed.categories).toEqual(fromRaw.categories);
  });

  it('throws MessageUnreadableError for something that is not a message', async () => {
    await expect(inventoryMessage(42 as never)).rejects.toBeInstanceOf(MessageUnreadableError);
    await expect(inventoryMessage({} as never)).rejects.toMatchObject({ code: 'MESSAGE_UNREADABLE' });
  });

  it('refuses bytes that are not a message at all, saying so', async () => {
    await expect(inventoryMessage(Uint8Array.from([0, 255, 13, 10, 13, 10, 1, 2, 3]))).rejects.toThrow(
      MessageUnreadableError,
    );
    const png = readFileSync(new URL('../../docs/incident-report-pdf.png', import.meta.url));
    await expect(inventoryMessage(png)).rejects.toThrow('it has no header fields');
  });

  it('reads a message that repeats the customer number a hundred thousand times', async () => {
    const body = 'Kundnummer: 4711023 '.repeat(100_000);
    const inventory = await inventoryMessage(`Subject: x\r\n\r\n${body}\r\n`, { customer: anna });
    expect(inventory.items).toEqual([
      {
        category: 'customer-number',
        kind: 'customer-number',
        foundIn: ['text'],
        excerpt: 'Kundnummer: ••••••• Kundnummer: ••••••• Kundnummer: •••••••…',
        matchesCustomer: true,
      },
    ]);
  });

  it('masks and counts twenty thousand different customer numbers on one line, listing as many as asked', async () => {
    const numbers = Array.from({ length: 20_000 }, (_, index) => String(4_700_000 + index));
    const body = numbers.map((number) => `Kundnummer: ${number}`).join(' ');
    const message = `Subject: x\r\n\r\n${body}\r\n`;
    const all = await inventoryMessage(message, { maxItemsPerCategory: 20_000 });
    expect(all.items).toHaveLength(20_000);
    expect(all.items.at(-1)?.excerpt).toBe('…•••••97 Kundnummer: •••••98 Kundnummer: •••••99');
    expect(all.items.some((item) => /\d{3}/.test(item.excerpt))).toBe(false);
    const first = await inventoryMessage(message);
    expect(first.items).toHaveLength(100);
    expect(first.counts).toEqual({ 'customer-number': 20_000 });
    expect(first.notes).toEqual([
      'The category customer-number has 20000 different values; the first 100 are listed.',
    ]);
  });

  it('names the customer field that breaks its schema', async () => {
    await expect(inventoryMessage('Subject: x\r\n\r\n', { customer: { id: '' } })).rejects.toMatchObject({
      field: 'options.customer.id',
    });
    await expect(inventoryMessage('Subject: x\r\n\r\n', { customer: { id: '' } })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
  });
});

/** The Luhn check digit that completes `digits` (Skatteverket SKV 704; ISO/IEC 7812-1 for cards). */
function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

const validIdentityNumber = fc
  .tuple(
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
    fc.integer({ min: 0, max: 999 }),
  )
  .map(([year, month, day, serial]) => {
    const date = [year, month, day].map((part) => String(part).padStart(2, '0')).join('');
    const nine = `${date}${String(serial).padStart(3, '0')}`;
    return `${date}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
  });

const validCardNumber = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 14, maxLength: 14 })
  .map((digits) => {
    const body = `4${digits.join('')}`;
    return `${body}${luhnCheckDigit(body)}`;
  });

describe('inventory properties', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        findPersonalData(text);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws anything but an EmailGuardError on an arbitrary message', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (text) => {
        try {
          await inventoryMessage(`Subject: x\r\n\r\n${text}`);
        } catch (error) {
          expect(error).toBeInstanceOf(EmailGuardError);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('masks a text as replacing each hit in turn would, and cuts the same excerpt as reading the whole line', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', '1', ' ', '\n', 'Kundnummer: 4711023'),
      maxLength: 80,
    });
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 12 }), (source, radius) => {
        const hits = findPersonalData(source);
        let replaced = source;
        for (const hit of hits)
          replaced = replaced.slice(0, hit.start) + hit.redacted + replaced.slice(hit.end);
        const masked = maskText(source, [...hits].reverse());
        expect(masked).toBe(replaced);
        for (const hit of hits)
          expect(excerptAround(masked, hit, radius)).toBe(wholeLineExcerpt(masked, hit, radius));
      }),
      // A run shaped like an identity number (47 is a D-number's day) that no check confirms.
      { numRuns: 300, examples: [['Kundnummer: 4711023Kundnummer: 4711023111', 5]] },
    );
  });

  it('never shows more of a card number than its last four digits', () => {
    fc.assert(
      fc.property(validCardNumber, (number) => {
        const text = `Kort: ${number.replace(/(\d{4})(?=\d)/g, '$1 ')}`;
        const [hit] = findPersonalData(text);
        expect(hit?.redacted.replace(/\D/g, '')).toBe(number.slice(-4));
      }),
      { numRuns: 200 },
    );
  });

  it('never leaks a full personal identity number in an excerpt', async () => {
    await fc.assert(
      fc.asyncProperty(validIdentityNumber, fc.string({ maxLength: 40 }), async (number, noise) => {
        const inventory = await inventoryMessage(
          `Subject: Konto\r\n\r\n${noise}\r\nPersonnummer: ${number}\r\n`,
        );
        const item = inventory.items.find((entry) => entry.category === 'national-id-number');
        expect(item).toBeDefined();
        const shown = inventory.items.map((entry) => entry.excerpt).join(' ');
        expect(shown).not.toContain(number);
        expect(shown.replace(/\D/g, '')).not.toContain(number.replace(/\D/g, '').slice(2));
      }),
      { numRuns: 60 },
    );
  });
});

/** The excerpt as found by reading the whole line around the hit. */
function wholeLineExcerpt(masked: string, hit: PersonalDataHit, radius: number): string {
  const lineStart = masked.lastIndexOf('\n', hit.start - 1) + 1;
  const lineEndAt = masked.indexOf('\n', hit.end);
  const lineEnd = lineEndAt === -1 ? masked.length : lineEndAt;
  const from = Math.max(lineStart, hit.start - radius);
  const to = Math.min(lineEnd, hit.end + radius);
  const body = masked.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > lineStart ? '…' : ''}${body}${to < lineEnd ? '…' : ''}`;
}
