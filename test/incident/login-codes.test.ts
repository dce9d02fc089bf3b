import { describe, expect, it } from 'vitest';
import { findPersonalData } from '../../src/incident/find-personal-data.js';
import { reportMisdirectedSms } from '../../src/incident/index.js';
import { expectLinearGrowth } from '../support/growth.js';
import { misdirectedSmsInput } from './shared-fixtures.js';

const codes = (text: string) =>
  findPersonalData(text)
    .filter((hit) => hit.category === 'credentials')
    .map((hit) => [hit.kind, text.slice(hit.start, hit.end), hit.redacted]);

describe('one-time and login codes', () => {
  it.each([
    'Din kod till Mina sidor är 481516',
    'Your code for My Pages is 481516',
    'Engångskod 481516',
    'Verifieringskod: 481516',
    'Hej Anna! Din engångskod för inloggning: 481516. Den gäller i 10 minuter.',
    'Ange säkerhetskoden 481516 i appen.',
    'Your verification code is 481516',
    'Your one-time password: 481516',
    '481516 är din engångskod till Mina sidor.',
    '481516 is your login code.',
    'Koden är 481 516',
  ])('finds the code in %j as a credential', (text) => {
    const [found] = codes(text);
    expect(found?.[0]).toBe('login-code');
    expect(found?.[1]?.replace(' ', '')).toBe('481516');
    expect(found?.[2]).not.toMatch(/\d/);
  });

  it.each([
    ['da', 'Din kode til Mine sider er 481516'],
    ['no', 'Din kode til Mine sider er 481516.'],
    ['da', 'Engangskode: 481516'],
    ['no', 'Engangskoden din er 481516'],
    ['da', 'Din sikkerhedskode: 481516'],
    ['no', 'Bekreftelseskode 481516'],
    ['da', '481516 er din engangskode til MitID.'],
    ['no', '481516 er din kode for innlogging.'],
    ['fi', 'Kertakäyttöinen koodi: 481516'],
    ['fi', 'Vahvistuskoodisi on 481516'],
    ['fi', '481516 on kertakäyttöinen koodisi.'],
  ])('finds the code in a Nordic text (%s: %j) as a credential', (_language, text) => {
    const [found] = codes(text);
    expect(found?.[0]).toBe('login-code');
    expect(found?.[1]).toBe('481516');
  });

  it('finds the PIN and PUK codes of a SIM card letter', () => {
    expect(codes('Din PIN-kod är 1234 och din PUK-kod är 12345678.').map(([, value]) => value)).toEqual([
      '1234',
      '12345678',
    ]);
  });

  it.each([
    ['a discount code (sv)', 'Rabattkod: 481516 ger 10 % på nästa köp.'],
    ['a discount code (en)', 'Your discount code is 481516.'],
    ['a promo code', 'Use promo code 4815 at checkout.'],
    ['a door code', 'Portkod 4815'],
    ['a postal code', 'Postal code 12345'],
    ['an order number', 'Tack för din beställning! Ordernummer 48151623.'],
    ['a number another label names', 'Ange koden och ditt kundnummer 4711023.'],
    ['a price', 'Koden ger 1000 kr i rabatt.'],
    ['a price after the code word', 'Kod: 299 kr'],
    ['a date', 'Koden gäller till 2025-01-31.'],
    ['a year', 'Koden gäller till 2025.'],
    ['a number in another sentence', 'Här är din kod. Vi ses 2025!'],
    ['a Danish discount code', 'Rabatkode: 481516 giver 10 % på næste køb.'],
    ['a Norwegian discount code', 'Rabattkoden din er 481516.'],
    ['a Finnish discount code', 'Alennuskoodi 481516'],
    ['a Danish postal code', 'Postnummer 2100'],
    ['a Danish code with another number', 'Indtast koden og dit kundenummer 4711023.'],
    ['a Finnish price', 'Koodi antaa 1000 euroa alennusta.'],
  ])('does not take %s for a login code', (_name, text) => {
    expect(codes(text)).toEqual([]);
  });

  it('makes the credential a category of a text message that carried a code', async () => {
    const result = await reportMisdirectedSms(
      { ...misdirectedSmsInput, text: 'Din kod till Mina sidor är 481516' },
      { now: '2024-10-02T09:00:00+02:00' },
    );
    expect(result.inventory.categories).toContain('credentials');
    expect(result.inventory.items.find((item) => item.kind === 'login-code')?.excerpt).toBe(
      'Din kod till Mina sidor är ••••••',
    );
  });
});

/** Repeats `unit` until the text is `n` characters long. */
function run(unit: string, n: number): string {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

describe('findPersonalData reads code words in linear time', () => {
  it.each([
    ['code words without a number', (n: number) => run('din kod till mina sidor är ', n)],
    ['a code word and white space', (n: number) => `Engångskod${' '.repeat(n)}481516`],
    ['numbers followed by "is your" without a code word', (n: number) => run('481516 is your ', n)],
    ['numbers and words before a code word', (n: number) => run('481516 är din a b c d e f ', n)],
    ['code words and long numbers', (n: number) => run('kod 1234567890123 ', n)],
    ['Nordic code words without a number', (n: number) => run('din kode til mine sider er ', n)],
    ['numbers and words before a Finnish code word', (n: number) => run('481516 on a b c d e f ', n)],
    ['Finnish code words and long numbers', (n: number) => run('kertakäyttöinen koodi 1234567890123 ', n)],
  ])('%s', async (_name, make) => {
    await expectLinearGrowth({ n: 20_000, make, run: (text: string) => findPersonalData(text), tries: 5 });
  });
});
