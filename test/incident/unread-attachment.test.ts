import { describe, expect, it } from 'vitest';
import { inventoryMessage, renderIncidentReport, reportMisdirected } from '../../src/incident/index.js';
import { encryptedAttachmentMessage, unreadAttachmentInput } from './shared-fixtures.js';

const message = encryptedAttachmentMessage;
const withoutPassword = unreadAttachmentInput.message;
const facts = unreadAttachmentInput;
const now = { now: '2024-10-01T12:00:00+02:00' };

describe('an attachment that could not be read', () => {
  it('holds the conclusion back until a person says what it held, in both languages', async () => {
    for (const locale of ['en', 'sv'] as const) {
      const { assessment, report } = await reportMisdirected(facts, { ...now, locale });
      expect(assessment.needsReview).toBe(true);
      expect(report.facts.needsReview).toContainEqual({
        code: 'unread-attachment',
        values: { filename: 'kreditprovning.zip', contentType: 'application/zip' },
      });
      expect(renderIncidentReport(report, { locale })).toContain(
        locale === 'sv' ? 'Slutsatsen är preliminär' : 'This conclusion is provisional',
      );
    }
  });

  it('concludes once the person has said what the attachment held', async () => {
    const { assessment } = await reportMisdirected(
      { ...facts, needsReview: [], dataCategories: ['financial'] },
      now,
    );
    expect(assessment.needsReview).toBeUndefined();
  });

  it('finds the password written in a sentence before the colon', async () => {
    expect((await inventoryMessage(withoutPassword)).categories).not.toContain('credentials');
    expect((await inventoryMessage(message)).categories).toContain('credentials');
  });
});
