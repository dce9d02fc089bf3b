import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditWithFacts } from '../support/audit-with-facts.js';
import { draftOrganisation } from '../support/cli-inputs.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir({ scope: 'file' });

const facts = { organisation: draftOrganisation, detectedAt: '2026-12-02T02:00:00Z' };

const customers = [
  'Kundnummer;Namn;E-post',
  'K-1;Anna Svensson;anna.svensson1985@gmail.com',
  'K-3;Erik Lind;erik.lind@telia.com',
  'K-6;Johan Åström;johan.astrom58@hotmail.com',
  '',
].join('\n');

function eml(
  to: string,
  messageId: string,
  more = '',
  body = 'Hej!\r\nTack för din beställning.\r\n',
): string {
  return `From: order@butiken.se\r\nTo: ${to}\r\n${more}Subject: Order 8\r\nDate: Mon, 02 Nov 2026 10:00:00 +0100\r\nMessage-ID: <${messageId}@butiken.se>\r\n\r\n${body}`;
}

/** A folder of sent mail audited with --incidents; the drafts read back. */
const audit = (name: string, messages: Record<string, string>, ...more: string[]) =>
  auditWithFacts(join(dir.path, name), { customers, facts, messages }, ...more);

// Quoted-printable soft line breaks and encoded letters undone, so a sentence of the notice can be found.
const plain = (raw: string) =>
  Buffer.from(
    raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => `%${hex}`),
    'latin1',
  )
    .toString()
    .replace(/(%[0-9A-F]{2})+/g, (match) => {
      try {
        return decodeURIComponent(match);
      } catch {
        return match;
      }
    })
    .replace(/\s+/g, ' ');

describe('the facts an audit draft states', () => {
  it('says a mistyped address may have reached someone, as nothing shows it was delivered', async () => {
    for (const locale of ['en', 'sv'] as const) {
      const { run, files, read } = await audit(
        `slip-${locale}`,
        { 'a.eml': eml('anna.svensson195@gmail.com', 'a') },
        '--locale',
        locale,
      );
      expect(run.status, run.stderr).toBe(1);
      expect(files).toEqual(['0001-notice.eml', '0001-report.md']);
      const report = read('0001-report.md').replace(/\s+/g, ' ');
      const notice = plain(read('0001-notice.eml'));
      if (locale === 'en') {
        expect(report).not.toContain('which belongs to someone else');
        expect(report).not.toContain(' That person could read the customer’s details.');
        expect(report).toContain('which may belong to someone else');
        expect(notice).not.toContain('The message therefore reached someone else.');
        expect(notice).toContain('The message may therefore have reached someone else.');
      } else {
        expect(report).not.toContain('som tillhör en annan person');
        expect(report).toContain('som kan tillhöra en annan person');
        expect(notice).not.toContain('Meddelandet kom därför till en annan person.');
        expect(notice).toContain('Meddelandet kan därför ha kommit till en annan person.');
      }
    }
  });

  it('gives the cause and every sentence of the notice as a possibility while delivery is not established', async () => {
    const body =
      'Hej Anna Svensson!\r\nKundnummer: K-1\r\nLeveransadress: Storgatan 12, 123 45 Stockholm\r\n';
    const expected = {
      sv: {
        cause: 'så meddelandet skickades till en adress som kan tillhöra en annan person.',
        saw: 'Om meddelandet kom fram kan den personen ha sett de här uppgifterna om dig',
        asFact: /gick till en annan persons adress|har kunnat se|känner nu till|skickades av misstag till/,
      },
      en: {
        cause: 'so the message was sent to an address that may belong to someone else.',
        saw: 'If the message arrived, that person may have seen these details about you',
        asFact: /went to another person's address|could see these|now knows|were sent to someone else/,
      },
    } as const;
    for (const locale of ['sv', 'en'] as const) {
      const { run, read } = await audit(
        `unconfirmed-${locale}`,
        { 'a.eml': eml('anna.svensson1958@gmail.com', 'a', '', body) },
        '--locale',
        locale,
      );
      expect(run.status, run.stderr).toBe(1);
      const report = read('0001-report.md').replace(/\s+/g, ' ');
      const notice = plain(read('0001-notice.eml'));
      expect(report).toContain(expected[locale].cause);
      expect(notice).toContain(expected[locale].saw);
      for (const text of [report, notice]) expect(text).not.toMatch(expected[locale].asFact);
    }
  });

  it("says the message reached another person where the address is another customer's", async () => {
    const { run, read } = await audit('owner', {
      'b.eml': eml('erik.lind@telia.com', 'b', 'X-Customer-Id: K-6\r\n'),
    });
    expect(run.status, run.stderr).toBe(1);
    expect(read('0001-report.md').replace(/\s+/g, ' ')).toContain('which belongs to someone else');
  });

  it('leaves the conclusions open when no personal data was read in the message', async () => {
    for (const locale of ['en', 'sv'] as const) {
      const { read } = await audit(
        `unread-${locale}`,
        { 'a.eml': eml('anna.svensson195@gmail.com', 'a') },
        '--locale',
        locale,
      );
      const report = read('0001-report.md').replace(/\s+/g, ' ');
      if (locale === 'en') {
        expect(report).not.toContain('other data');
        expect(report).toContain('not yet known');
        // No conclusion computed from a message nobody could read is stated, nor called provisional.
        expect(report).not.toContain('This conclusion is provisional');
        expect(report).not.toContain('No supervisory authority');
        expect(report).not.toContain('Overall, the breach is unlikely');
        expect(report).not.toContain('the person concerned is not told');
        expect(report).toContain('Not yet decided: which personal data the message held is not known');
        expect(report).toContain('The risk is not yet assessed');
      } else {
        expect(report).not.toContain('övriga uppgifter');
        expect(report).toContain('inte känt ännu');
        expect(report).not.toContain('Slutsatsen är preliminär');
        expect(report).not.toContain('Ingen tillsynsmyndighet');
        expect(report).not.toContain('Sammantaget bedöms det som osannolikt');
        expect(report).not.toContain('den registrerade informeras inte');
        expect(report).toContain(
          'Inte avgjort ännu: vilka personuppgifter meddelandet innehöll är inte känt',
        );
        expect(report).toContain('Risken är inte bedömd ännu');
      }
    }
  });

  it('drafts a notice that names no data when nothing was read in the message, and says so', async () => {
    for (const [locale, unsaid, said, printed] of [
      ['en', 'other data', 'still establishing which details', 'they name no data'],
      [
        'sv',
        'övriga uppgifter',
        'håller fortfarande på att ta reda på vilka uppgifter',
        'de nämner inga uppgifter',
      ],
    ] as const) {
      const { run, read } = await audit(
        `unread-notice-${locale}`,
        { 'a.eml': eml('anna.svensson195@gmail.com', 'a') },
        '--locale',
        locale,
      );
      const notice = plain(read('0001-notice.eml'));
      expect(notice).not.toContain(unsaid);
      expect(notice).toContain(said);
      expect(`${run.stdout}${run.stderr}`).toContain(printed);
    }
  });
});

// A report is filed about the day the breach happened (GDPR Art. 33(3)(a), Regulation 611/2013
// Annex I: the date and time of the incident); the day it was drafted is its "Upprättad" line.
describe('email-guard audit --incidents titles each draft with the day the message was sent', () => {
  it('names the day it was sent in the title, and the day of drafting apart', async () => {
    const { run, read } = await audit(
      'title-date',
      { 'a.eml': eml('anna.svensson185@gmail.com', 'a') },
      '--locale',
      'sv',
    );
    expect(run.status, run.stderr).toBe(1);
    const report = read('0001-report.md');
    // Sent on 2 November, found (detectedAt) on 2 December: the title is the day it happened.
    expect(report.split('\n')[0]).toBe(
      '# Personuppgiftsincident – rapport om incidenten den 2 november 2026',
    );
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
    expect(report).toContain(`Upprättad ${today}`);
  });
});
