import { describe, expect, it } from 'vitest';
import {
  assessBreach,
  defaultOrderTerms,
  inventoryMessage,
  type ReportMisdirectedInput,
  renderIncidentReport,
  reportMisdirected,
} from '../../src/incident/index.js';
import { halsohandelnInput, halsohandelnOrder } from './shared-fixtures.js';

// A retailer (the GDPR alone applies) whose order confirmation listed health products.
const confirmation = (lines: string) => halsohandelnOrder(lines, '1 116 kr');

const retailer: ReportMisdirectedInput = halsohandelnInput(
  confirmation('Blodsockermätare Contour Next, 1 st 499 kr\r\nInkontinensskydd Tena Lady, 3 förp. 567 kr'),
);

describe('order lines that reveal health or other special categories', () => {
  it('finds and names a blood-glucose meter and incontinence pads as health data', async () => {
    const inventory = await inventoryMessage(retailer.message as string, { customer: retailer.customer });
    expect(inventory.categories).toContain('health');
    const terms = inventory.items.filter((item) => item.kind === 'special-category-term');
    expect(terms.map((item) => [item.category, item.term])).toEqual([
      ['health', 'blodsocker'],
      ['health', 'inkontinens'],
    ]);
    expect(terms[0]?.excerpt).toContain('Blodsockermätare');
    expect(inventory.review).toEqual([]);
  });

  it('finds English product names too', async () => {
    const inventory = await inventoryMessage(
      confirmation(
        'Blood glucose meter, 1 pc 499 kr\r\nIncontinence pads, 3 packs 567 kr\r\nCondoms 12-pack 99 kr',
      ),
    );
    expect(
      inventory.items.filter((item) => item.kind === 'special-category-term').map((item) => item.term),
    ).toEqual(['blood glucose', 'incontinence', 'condom']);
  });

  it('reports the retailer’s breach as high risk: the authority and the customer are told', async () => {
    const result = await reportMisdirected(retailer, { locale: 'sv', now: '2024-03-11T11:00:00+01:00' });
    expect(result.report.data.categories).toContain('health');
    expect(result.assessment).toMatchObject({
      risk: 'high',
      notifyAuthority: true,
      notifyDataSubjects: true,
    });
    expect(result.notices.email.text).toContain('uppgifter som säger något om din hälsa');
  });

  it('lists order lines it cannot classify and will not conclude “not reportable” while they remain', async () => {
    const message = confirmation('Presentkort Spa-paket 1 st 799 kr');
    const harmless = {
      ...retailer,
      message,
      recipientConfirmedDeletion: true,
      recipient: 'trusted' as const,
    };
    const result = await reportMisdirected(harmless, { now: '2024-03-11T11:00:00+01:00' });
    expect(result.inventory.review).toEqual(['Presentkort Spa-paket 1 st 799 kr']);
    expect(result.inventory.notes.join(' ')).toContain(
      '1 order line could not be classified; check whether it reveals',
    );
    expect(result.assessment.needsReview).toBe(true);
    expect(result.assessment.reasons.map((reason) => reason.code)).toContain('needs-review');
    expect(renderIncidentReport(result.report, { locale: 'en' })).toContain('A person must check whether');

    // Once a person has judged the line (it reveals nothing), the conclusion stands.
    const reviewed = await reportMisdirected({ ...harmless, needsReview: [] });
    expect(reviewed.assessment.needsReview).toBeUndefined();
    expect(reviewed.assessment.notifyAuthority).toBe(false);

    // Or the caller classifies it by extending the table.
    const extended = await reportMisdirected(harmless, {
      orderTerms: [...defaultOrderTerms, { term: 'presentkort', category: 'ordinary' }],
    });
    expect(extended.inventory.review).toEqual([]);
    expect(extended.assessment.needsReview).toBeUndefined();
  });

  it('lets the caller replace the table', async () => {
    const inventory = await inventoryMessage(retailer.message as string, {
      orderTerms: [{ term: 'tena', category: 'health' }],
    });
    expect(
      inventory.items.filter((item) => item.kind === 'special-category-term').map((item) => item.term),
    ).toEqual(['tena']);
    // Without the built-in words, the meter and the shipping are lines for a person to review.
    expect(inventory.review).toHaveLength(3);
  });

  it('refuses a term list that breaks its schema, naming the field', async () => {
    await expect(
      inventoryMessage(retailer.message as string, { orderTerms: [{ term: 'x', category: 'health' }] }),
    ).rejects.toMatchObject({ field: 'options.orderTerms.0.term' });
  });

  it('does not ask for a review when the people concerned are told anyway', () => {
    const assessment = assessBreach({
      regimes: ['gdpr'],
      dataCategories: ['name', 'national-id-number', 'health'],
      dataSubjects: 1,
      recipient: 'unknown-individual',
      needsReview: ['Presentkort 799 kr'],
    });
    expect(assessment.notifyDataSubjects).toBe(true);
    expect(assessment.needsReview).toBeUndefined();
  });
});
