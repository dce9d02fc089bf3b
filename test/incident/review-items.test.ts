import { describe, expect, it } from 'vitest';
import {
  createFollowUpReport,
  type ReviewItem,
  type ReviewItemCode,
  renderIncidentReport,
  reportMisdirected,
  reviewItemText,
  reviewItemTexts,
} from '../../src/incident/index.js';
import { unreadAttachmentInput } from './shared-fixtures.js';

// One item of each kind the library produces; the type makes a new kind without an example fail to compile.
const examples: { readonly [Code in ReviewItemCode]: Extract<ReviewItem, { code: Code }> } = {
  'order-line': { code: 'order-line', values: { line: 'Tena Lady Normal 12 st 89 kr' } },
  'unread-attachment': {
    code: 'unread-attachment',
    values: { filename: 'kreditprovning.zip', contentType: 'application/zip' },
  },
  'unread-content': { code: 'unread-content', values: {} },
  'unconfirmed-sending-date': {
    code: 'unconfirmed-sending-date',
    values: { sentAt: '1970-01-01T00:00:00.000Z', country: 'SE' },
  },
};

const facts = unreadAttachmentInput;
const now = { now: '2024-10-01T12:00:00+02:00' };

describe('items to review', () => {
  it('words every kind the library produces in Swedish and in English', () => {
    for (const code of Object.keys(reviewItemTexts) as ReviewItemCode[]) {
      const item = examples[code];
      const sv = reviewItemText(item, 'sv');
      const en = reviewItemText(item, 'en');
      expect(sv.length, code).toBeGreaterThan(0);
      expect(en.length, code).toBeGreaterThan(0);
      // Every value is in the words; a date as the reader's language writes it, not as ISO 8601.
      const shown = (value: string): readonly [string, string] =>
        value === '1970-01-01T00:00:00.000Z' ? ['1 januari 1970', '1 January 1970'] : [value, value];
      for (const value of Object.values(item.values).filter(
        (value): value is string => value !== 'SE' && value !== undefined,
      )) {
        const [inSwedish, inEnglish] = shown(value);
        expect(sv, code).toContain(inSwedish);
        expect(en, code).toContain(inEnglish);
      }
      // An order line is the customer's own words; every other kind is worded per language.
      if (code !== 'order-line') expect(sv, code).not.toBe(en);
    }
  });

  it('keeps a caller’s own item as written', () => {
    expect(reviewItemText('Rad 3 i bilagan', 'en')).toBe('Rad 3 i bilagan');
  });

  it('renders the items of an assessment made in English in Swedish', async () => {
    const { report } = await reportMisdirected(facts, { ...now, locale: 'en' });
    const sv = renderIncidentReport(report, { locale: 'sv' });
    expect(sv).toContain('bilagan kreditprovning.zip (application/zip), som inte kunde läsas');
    expect(sv).not.toContain('which could not be read');
    const en = renderIncidentReport(report, { locale: 'en' });
    expect(en).toContain('the attachment kreditprovning.zip (application/zip), which could not be read');
    expect(en).not.toContain('som inte kunde läsas');
  });

  it('renders them in the other language in a follow-up report', async () => {
    const { report } = await reportMisdirected(facts, { ...now, locale: 'sv' });
    const followUp = createFollowUpReport(report, { consequences: 'Inga kända följder.' }, now);
    const en = renderIncidentReport(followUp, { locale: 'en' });
    expect(en).toContain('the attachment kreditprovning.zip (application/zip), which could not be read');
    expect(en).not.toContain('som inte kunde läsas');
  });
});
