import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inventoryMessage, renderIncidentReport, reportMisdirected } from '../../src/incident/index.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/incident/${name}`, import.meta.url));

const organisation = {
  name: 'Nordkabel AB',
  contact: { name: 'Karin Berg', email: 'dpo@nordkabel.se', phone: '08-123 456 00' },
};
const now = '2024-03-11T11:00:00+01:00';
const child = {
  intended: 'elsa.holm2012@gmail.com',
  actual: 'elsa.holm12@gmail.com',
  organisation,
  reference: 'NK-INC-2024-0311',
  detectedAt: '2024-03-11T10:05:00+01:00',
  customer: { id: '4711023', name: 'Elsa Holm', minor: true },
};

/** A one-part message to the child, its body in `contentType` (text/plain or text/html). */
const messageWith = (contentType: 'text/plain' | 'text/html', body: string) =>
  [
    'From: Nordkabel AB <order@nordkabel.se>',
    'To: elsa.holm12@gmail.com',
    'Subject: Orderbekräftelse',
    'Date: Mon, 11 Mar 2024 09:12:00 +0100',
    `Content-Type: ${contentType}; charset=utf-8`,
    '',
    body,
  ].join('\r\n');

// An order form often puts the guardian's name, address and phone number under the label, one on a
// line, rather than after it on the same line: the guardian is a data subject of their own all the
// same (GDPR Art. 4(1); Art. 33(3)(a), the approximate number of data subjects concerned).
describe('a guardian whose contact details are on the lines after the label', () => {
  it('is one guardian in a message that shows them in its plain text and in its HTML table', async () => {
    const inventory = await inventoryMessage(fixture('child-order-guardian-block.eml'));
    expect(inventory.people.labelledGuardians).toBe(1);
  });

  it.each([
    [
      'sv',
      'child-order-guardian-block.eml',
      child,
      '2 berörda registrerade: barnet och en vårdnadshavare som meddelandet anger med egna kontaktuppgifter.',
    ],
    [
      'en',
      'child-order-guardian-block-en.eml',
      {
        ...child,
        intended: 'oliver.holm2012@gmail.com',
        actual: 'oliver.holm12@gmail.com',
        customer: { id: '7102', name: 'Oliver Holm', minor: true, country: 'GB' },
      },
      '2 data subjects concerned: the child and a parent or guardian the message names with contact details of their own.',
    ],
  ] as const)('counts the guardian as a second person (%s, %s)', async (locale, file, facts, sentence) => {
    const { report } = await reportMisdirected({ ...facts, message: fixture(file) }, { now, locale });
    expect(report.affected.dataSubjects).toBe(2);
    expect(report.affected.basis?.from).toBe('labelled-guardian');
    expect(renderIncidentReport(report, { locale })).toContain(sentence);
  });

  it.each([
    ['text/plain', 'Vårdnadshavare:\nAnna Holm\nStorgatan 12\n123 45 Stockholm\n070-123 45 67\n\nHälsningar'],
    ['text/plain', 'Förälder: Anna Holm\nanna.holm@telia.com\n'],
    ['text/plain', 'Vårdnadshavare:\nAnna Holm\nTelefon: 070-123 45 67\nE-post: anna.holm@telia.com'],
    ['text/html', '<p>Vårdnadshavare:<br>Anna Holm<br>Storgatan 12<br>123 45 Stockholm</p><p>Hälsningar</p>'],
    ['text/html', '<div>Guardian:</div><div>Anna Holm</div><div>anna.holm@telia.com</div>'],
  ] as const)('counts the guardian of a %s body %j', async (contentType, body) => {
    const { report } = await reportMisdirected(
      { ...child, message: messageWith(contentType, body) },
      { now },
    );
    expect(report.affected.dataSubjects).toBe(2);
  });
});

// Lines after a label are the guardian's only while they read as contact details: an order line, a
// line with a label of its own or a sentence of the shop's is the child's order or the shop's text.
describe('lines after a guardian label that are not the guardian’s contact details', () => {
  it.each([
    [
      'text/plain',
      'Vårdnadshavare: Anna Holm\nLeveransadress: Storgatan 12, 123 45 Stockholm\nTelefon: 070-765 43 21',
    ],
    ['text/plain', 'Vårdnadshavare:\nAnna Holm\n\nStorgatan 12, 123 45 Stockholm'],
    ['text/plain', 'Guardian: James Holm\nDelivery address: 12 High Street, London SW1A 1AA'],
    ['text/plain', 'Vårdnadshavare: Anna Holm\nRing oss på 070-765 43 21 om du har frågor.'],
    ['text/html', '<p>Vårdnadshavare:<br>Anna Holm</p><p>Frågor? Ring kundtjänst på 070-765 43 21.</p>'],
    [
      'text/html',
      '<table><tr><td>Vårdnadshavare:</td><td>Anna Holm</td></tr><tr><td>Leveransadress:</td><td>Storgatan 12<br>123 45 Stockholm</td></tr></table>',
    ],
  ] as const)('are not counted in a %s body %j', async (contentType, body) => {
    const { report, inventory } = await reportMisdirected(
      { ...child, message: messageWith(contentType, body) },
      { now },
    );
    expect(inventory.people.labelledGuardians).toBeUndefined();
    expect(report.affected.basis?.from).not.toBe('labelled-guardian');
  });
});
