import { describe, expect, it } from 'vitest';
import { findPersonalData, maskText } from '../../src/incident/find-personal-data.js';
import { inventoryMessage } from '../../src/incident/index.js';

const identity = (text: string, unconfirmed = false) =>
  findPersonalData(text)
    .filter((hit) => hit.kind === 'identity-number' && (hit.unconfirmed === true) === unconfirmed)
    .map((hit) => text.slice(hit.start, hit.end));

describe('identity numbers of the Nordic countries and the UK', () => {
  it('finds a Danish CPR number, a Norwegian fødselsnummer, a Finnish henkilötunnus and a UK NI number', () => {
    expect(identity('CPR: 120485-1234')).toEqual(['120485-1234']);
    // 010190 124 + check digits 80 (mod 11 weights 3 7 6 1 8 9 4 5 2 and 5 4 3 2 7 6 5 4 3 2).
    expect(identity('Fødselsnummer 01019012480')).toEqual(['01019012480']);
    // 131052-308T: the check character is 131052308 mod 31 in 0-9A-Y without G, I, O, Q, Z.
    expect(identity('Henkilötunnus 131052-308T')).toEqual(['131052-308T']);
    expect(identity('NI number AB 12 34 56 C')).toEqual(['AB 12 34 56 C']);
    for (const text of identity('CPR: 120485-1234')) expect(text).not.toBe('');
  });

  it('reports one whose check digit does not fit as unconfirmed, unless a label names it, and an order number with no date not at all', () => {
    expect(identity('Nr 01019012481')).toEqual([]);
    expect(identity('Nr 131052-308U')).toEqual([]);
    expect(identity('Nr 01019012481', true)).toEqual(['01019012481']);
    expect(identity('Nr 131052-308U', true)).toEqual(['131052-308U']);
    // A mistyped number still identifies someone: its label says what it is.
    expect(identity('Fødselsnummer 01019012481')).toEqual(['01019012481']);
    expect(identity('Henkilötunnus 131052-308U')).toEqual(['131052-308U']);
    expect(identity('Personnummer: 19811224-9816')).toEqual(['19811224-9816']);
    // The label of the number before does not carry over.
    expect(identity('Fnr 12, nr 01019012481', true)).toEqual(['01019012481']);
    // A Norwegian D-number adds 40 to the day, a Swedish coordination number 60: 41 is a D-number's
    // day in 11 digits, never a Swedish day; 9913-shaped runs start with no date at all.
    expect(identity('Nr 41019012481', true)).toEqual(['41019012481']);
    expect(identity('Ordernummer 9913999999', true)).toEqual([]);
    expect(identity('Nr 199001711235', true)).toEqual(['199001711235']);
    expect(identity('Nr 199001411234', true)).toEqual([]);
  });

  it('reads ten digits run together as a Swedish personnummer after a Swedish label, and only then', () => {
    const swedish = (text: string) =>
      findPersonalData(text)
        .filter((hit) => hit.kind === 'national-id-number')
        .map((hit) => text.slice(hit.start, hit.end));
    // 800101123 and 811218987 with their Luhn check digits (Skatteverket SKV 704).
    expect(swedish('Personnummer (10 siffror): 8001011231')).toEqual(['8001011231']);
    expect(swedish('Personnummer 8112189876 och 8001011231')).toEqual(['8112189876', '8001011231']);
    // A Danish or Norwegian label names its own country's number, confirmed by its label, not a Swedish one.
    expect(swedish('CPR 8001011231')).toEqual([]);
    expect(identity('CPR 8001011231')).toEqual(['8001011231']);
    expect(swedish('Fødselsnummer: 8001011231')).toEqual([]);
    expect(swedish('Order 8001011231')).toEqual([]);
  });

  it('lists an unconfirmed identity shape in a note, not as a category of the breach', async () => {
    const inventory = await inventoryMessage(
      'From: a@butik.no\r\nTo: b@example.com\r\nSubject: Ordre\r\n\r\nNummer: 01019012481\r\n',
    );
    expect(inventory.categories).not.toContain('national-id-number');
    const note = inventory.notes.find((line) => line.includes('no check digit fits'));
    expect(note).toContain('1 number is shaped like an identity number');
    expect(note).toContain('Nummer: •••••••••••');
    expect(JSON.stringify(inventory)).not.toContain('01019012481');
  });

  it('masks the digits of an identity number in every excerpt, found or not', async () => {
    const text = 'Namn: Anders Jensen 120485-1234\nNr 01019012481\n';
    const masked = maskText(text, findPersonalData(text));
    expect(masked).not.toContain('120485-1234');
    expect(masked).not.toContain('1234');
    expect(masked).not.toContain('01019012481');
    const inventory = await inventoryMessage(
      'From: a@butik.dk\r\nTo: b@example.com\r\nSubject: Ordre\r\nDate: Mon, 13 May 2024 14:00:00 +0200\r\n\r\nNavn: Anders Jensen 120485-1234\r\n',
    );
    const excerpts = JSON.stringify(inventory);
    expect(excerpts).not.toContain('120485-1234');
  });
});

describe('maskText over identity-shaped runs', () => {
  it('grows linearly with the text', async () => {
    const { expectLinearGrowth } = await import('../support/growth.js');
    await expectLinearGrowth({
      n: 20_000,
      make: (n: number) => '120485-1234 0101901248 '.repeat(Math.ceil(n / 23)).slice(0, n),
      run: (text: string) => maskText(text, []),
      tries: 5,
    });
  });
});
