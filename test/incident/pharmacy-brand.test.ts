import { describe, expect, it } from 'vitest';
import { inventoryMessage } from '../../src/incident/index.js';

// An order confirmation from a shop whose name holds "Apotek" / "Pharmacy": the name tells where
// the customer shopped, not what was bought; only a product that is a medicine or health product
// reveals health (GDPR Art. 4(15), Recital 35).
const confirmation = (shop: string, lines: string) =>
  [
    `From: ${shop} <order@shop.example>`,
    'To: maria.lind77@gmail.com',
    `Subject: Din beställning från ${shop}`,
    'Date: Mon, 11 Mar 2024 09:12:00 +0100',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Hej Maria Lind!',
    `Tack för din beställning hos ${shop}.`,
    '',
    lines,
    'Frakt 49 kr',
    '',
  ].join('\r\n');

describe('a pharmacy in the shop’s name', () => {
  it('does not make an order of shampoo from Apotek Hjärtat health data', async () => {
    const inventory = await inventoryMessage(
      confirmation('Apotek Hjärtat', 'Schampo Head & Shoulders, 1 st 59 kr'),
    );
    expect(inventory.categories).not.toContain('health');
  });

  it('does not make an order of sun cream from Boots Pharmacy health data', async () => {
    const inventory = await inventoryMessage(confirmation('Boots Pharmacy', 'Sun cream SPF 30, 1 st 129 kr'));
    expect(inventory.categories).not.toContain('health');
  });

  it('still finds health data where the product is a medicine, whatever the shop', async () => {
    const inventory = await inventoryMessage(
      confirmation('Apotek Hjärtat', 'Alvedon 500 mg, 20 tabletter 45 kr'),
    );
    expect(inventory.categories).toContain('health');
    const terms = inventory.items.filter((item) => item.kind === 'special-category-term');
    expect(terms.map((item) => item.term)).toEqual(['500 mg', 'tablett']);
  });

  it('still finds health data in a product sold as a pharmacy product', async () => {
    const inventory = await inventoryMessage(
      confirmation('Hemköp', 'Apoteksvara: nässpray 10 ml, 1 st 69 kr'),
    );
    expect(inventory.categories).toContain('health');
  });
});
