import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPersonalData } from '../../src/incident/find-personal-data.js';
import {
  inventoryMessage,
  type ReportMisdirectedInput,
  reportMisdirected,
} from '../../src/incident/index.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/incident/${name}`, import.meta.url));
const kinds = (items: readonly { category: string; kind: string }[]) =>
  items.map((item) => `${item.category}/${item.kind}`);

describe('an invoice sent to the wrong customer', () => {
  it("does not take the shop's own bankgiro for the customer's account", async () => {
    const inventory = await inventoryMessage(fixture('shop-invoice.eml'));
    expect(inventory.categories).not.toContain('account-number');
    expect(kinds(inventory.items)).not.toContain('account-number/bank-account');
    // The amount due and the OCR reference are the invoice's payment details, still listed.
    expect(kinds(inventory.items)).toEqual(
      expect.arrayContaining(['order-details/invoice-amount', 'order-details/payment-reference']),
    );
  });

  it('judges the invoice as it judges one without the bankgiro line', async () => {
    const facts: Omit<ReportMisdirectedInput, 'message'> = {
      intended: 'per.andersson@bredband.net',
      actual: 'lars.holm@hotmail.se',
      customer: { id: '4410093', name: 'Per Andersson', emails: ['per.andersson@bredband.net'] },
      organisation: {
        name: 'Fjällhem Interiör AB',
        country: 'SE',
        regimes: ['gdpr'],
        contact: { name: 'Maria Ekström', email: 'dpo@fjallhem.se', phone: '08-555 123 00' },
      },
      reference: 'FH-INC-2026-033',
      detectedAt: '2026-12-02T09:30:00+01:00',
      recipient: 'unknown-individual',
    };
    const now = '2026-12-02T10:00:00+01:00';
    const withGiro = fixture('shop-invoice.eml');
    const withoutGiro = Buffer.from(withGiro.toString('utf8').replace('Bankgiro: 5050-1055\n', ''));
    const [one, other] = await Promise.all(
      [withGiro, withoutGiro].map((message) => reportMisdirected({ ...facts, message }, { now })),
    );
    expect(one?.assessment.risk).not.toBe('high');
    expect(one?.assessment.risk).toBe(other?.assessment.risk);
    expect(one?.assessment.notifyDataSubjects).toBe(other?.assessment.notifyDataSubjects);
  });

  it("keeps finding a customer's clearing and account number", () => {
    expect(
      findPersonalData('Återbetalning till clearingnummer 8327-9, kontonummer 914 343 262-4').map(
        (hit) => hit.kind,
      ),
    ).toContain('bank-account');
  });
});

describe('the last digits of a payment card', () => {
  it('records a masked card number as its own kind, of low weight', async () => {
    for (const name of ['shop-invoice.eml', 'furniture-order.eml']) {
      const inventory = await inventoryMessage(fixture(name));
      const card = inventory.items.find((item) => item.kind === 'card-last-digits');
      expect(card?.category).toBe('order-details');
      expect(card?.excerpt).toContain('4417');
      expect(inventory.categories).not.toContain('payment-card');
    }
  });
});

describe('a UK order confirmation', () => {
  it('finds the postal address and the £ order lines', async () => {
    const inventory = await inventoryMessage(fixture('uk-order.eml'));
    expect(inventory.categories).toEqual(expect.arrayContaining(['postal-address', 'order-details']));
    const address = inventory.items.find((item) => item.kind === 'postal-address');
    expect(address?.excerpt).toMatch(/L•+ L•+ •+/);
    expect(kinds(inventory.items)).toContain('order-details/price');
    expect(inventory.review.join('\n')).toContain('Oak table');
  });

  it('finds a UK postcode only in the Royal Mail format, after a town', () => {
    const found = (text: string) => findPersonalData(text).map((hit) => hit.kind);
    expect(found('Leeds LS6 2AB')).toContain('postal-address');
    expect(found('London SW1A 1AA')).toContain('postal-address');
    expect(found('Model LS6 2CI')).not.toContain('postal-address');
    expect(found('Order AB12 3456')).not.toContain('postal-address');
  });

  it('finds Danish, Norwegian and Finnish postcodes with their town under a street line', () => {
    // The street, the postcode and the town are one address, masked whole.
    for (const text of [
      'Elmevej 14\n2100 København Ø',
      'Storgata 7\n0155 Oslo',
      'Mannerheimintie 5\n00100 Helsinki',
    ])
      expect(findPersonalData(text).map((hit) => [hit.kind, hit.start, hit.end])).toEqual([
        ['postal-address', 0, text.length],
      ]);
  });
});

describe('a pharmacy order', () => {
  it('reads medicines named with a strength or a dosage form as health data', async () => {
    const inventory = await inventoryMessage(fixture('pharmacy-order.eml'));
    const health = inventory.items.filter((item) => item.category === 'health');
    const lines = health.map((item) => item.excerpt).join('\n');
    expect(lines).toContain('Graviditetstest');
    expect(lines).toContain('Canesten');
    expect(lines).toContain('Sertralin');
    expect(inventory.review).toEqual([]);
  });

  it('leaves ordinary furniture lines ordinary', async () => {
    const inventory = await inventoryMessage(fixture('furniture-order.eml'));
    expect(inventory.categories).not.toContain('health');
    expect(inventory.categories).not.toContain('special-category');
    expect(inventory.review.join('\n')).toContain('Ekbord Ornö');
  });
});
