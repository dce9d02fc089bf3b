import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type ReportMisdirectedOptions,
  renderIncidentReport,
  reportMisdirected,
  reportMisdirectedSms,
} from '../../src/incident/index.js';
import { misdirectedSmsInput, unreadAttachmentInput } from './shared-fixtures.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));

const organisation = {
  name: 'Nordkabel AB',
  customerServicePhone: '0771-40 40 40',
  regimes: ['eprivacy', 'gdpr'] as Array<'eprivacy' | 'gdpr'>,
  contact: { name: 'Karin Berg', email: 'dpo@nordkabel.se', phone: '08-123 456 00' },
};
const child = {
  message: fixture('incident/child-order-guardian-block.eml'),
  intended: 'elsa.holm2012@gmail.com',
  actual: 'elsa.holm12@gmail.com',
  organisation,
  reference: 'NK-INC-2024-0311',
  detectedAt: '2024-03-11T10:05:00+01:00',
  customer: { id: '4711023', name: 'Elsa Holm' },
};
const options: ReportMisdirectedOptions = { now: '2024-03-12T09:00:00+01:00', locale: 'sv' };

// Measures in every state, with reasons of the caller's own that begin with a capital letter.
const measures = [
  {
    id: 'recall-and-delete',
    status: 'failed',
    doneAt: '2024-03-11T10:30:00+01:00',
    reason: 'Mottagaren svarar inte.',
  },
  { id: 'correct-address', status: 'done', doneAt: '2024-03-11T10:40:00+01:00' },
  { id: 'profile-note', status: 'planned' },
  { id: 'check-password-reset', status: 'rejected', reason: 'Inga lösenord skickas med e-post.' },
] as const;

const cases = {
  'a child, the measures in every state': () =>
    reportMisdirected(
      {
        ...child,
        customer: { ...child.customer, minor: true },
        measures: [...measures],
        cause: 'En siffra föll bort.',
      },
      options,
    ),
  'a customer of unknown age whose guardian is labelled': () => reportMisdirected(child, options),
  'an order confirmation the law does not require telling the customer of': () =>
    reportMisdirected(
      {
        ...child,
        message: fixture('order-multipart.eml'),
        intended: 'anna.svensson1985@gmail.com',
        actual: 'anna.svensson185@gmail.com',
        customer: { id: '4711023', name: 'Anna Svensson' },
        detectedAt: '2024-03-11T10:05:00+01:00',
      },
      options,
    ),
  'an attachment nobody could read': () =>
    reportMisdirected(unreadAttachmentInput, { ...options, now: '2024-10-02T09:00:00+02:00' }),
  'a login code by text message': () =>
    reportMisdirectedSms(misdirectedSmsInput, { ...options, now: '2024-10-02T09:00:00+02:00' }),
};

// The names that may begin after a colon, as proper nouns: the organisation, its contact, the
// customer, and the authorities the report is addressed to.
const PROPER_NOUNS =
  /^(?:Nordkabel|Hemhandel|Karin Berg|Elsa Holm|Anna Svensson|Lars Ek|Integritetsskyddsmyndigheten|Post- och telestyrelsen)/u;

/** Each place in `text` where a colon inside a line is followed by a capital letter, with what follows. */
function capitalsAfterColon(text: string): string[] {
  return [...text.matchAll(/: ([A-ZÅÄÖ].{0,60})/gu)]
    .map((match) => match[1] ?? '')
    .filter((after) => !PROPER_NOUNS.test(after));
}

// After a colon Swedish writes lower case, unless a quotation or a proper noun follows (Språkrådet,
// Svenska skrivregler); a caller's own text after a colon is quoted as given.
describe('the Swedish report, notice and phone script', () => {
  it.each(Object.keys(cases))('write lower case after a colon in running text (%s)', async (name) => {
    const result = await cases[name as keyof typeof cases]();
    const documents = {
      report: renderIncidentReport(result.report, { locale: 'sv' }),
      notice: result.notices.email?.text ?? '',
      'phone script': result.notices.phoneScript.text,
    };
    for (const [document, text] of Object.entries(documents))
      expect({ document, capitals: capitalsAfterColon(text) }).toEqual({ document, capitals: [] });
  });

  it('quotes a reason of the caller’s own after the colon', async () => {
    const { report } = await cases['a child, the measures in every state']();
    const text = renderIncidentReport(report, { locale: 'sv' });
    expect(text).toContain('CET: ”Mottagaren svarar inte.”)');
    expect(text).toContain('(beslutat att inte göra detta: ”Inga lösenord skickas med e-post.”)');
  });
});
