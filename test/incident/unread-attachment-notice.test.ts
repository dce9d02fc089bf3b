import { describe, expect, it } from 'vitest';
import { buildCustomerNotice, renderIncidentReport, reportMisdirected } from '../../src/incident/index.js';
import { misdirectedInput } from './shared-fixtures.js';

const now = '2026-12-01T12:00:00+01:00';

// A credit assessment in an encrypted archive nobody could read, its password in the body.
const message = [
  'From: Nordkabel Kredit <kredit@nordkabel.se>',
  'To: sofia.berg@hotmail.se',
  'Subject: Din kreditprövning',
  'Date: Mon, 30 Nov 2026 11:00:00 +0100',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Hej Sofia Bergström!',
  'Här kommer underlaget för din kreditprövning.',
  'Lösenordet till bilagan är: Vinter2026!',
  'Kundnummer: 7730112',
  '--b1',
  'Content-Type: application/zip; name="kreditprovning.zip"',
  'Content-Disposition: attachment; filename="kreditprovning.zip"',
  'Content-Transfer-Encoding: base64',
  '',
  'UEsDBBQAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAA==',
  '--b1--',
  '',
].join('\r\n');

async function zipCase(locale: 'sv' | 'en') {
  const { report } = await reportMisdirected(
    {
      ...misdirectedInput,
      message,
      intended: 'sofia.bergstrom@hotmail.se',
      actual: 'sofia.berg@hotmail.se',
      customer: { id: '7730112', name: 'Sofia Bergström' },
      detectedAt: '2026-12-01T10:00:00+01:00',
      encrypted: true,
      keyExposed: true,
    },
    { now, locale },
  );
  return report;
}

describe('an encrypted attachment nobody could read, its password in the same message', () => {
  it('is not said to hold what the body held, and its content is said to be being established', async () => {
    const sv = await buildCustomerNotice(await zipCase('sv'), { channel: 'email', locale: 'sv' });
    const en = await buildCustomerNotice(await zipCase('en'), { channel: 'email', locale: 'en' });
    expect(sv.text).not.toContain('läsa den, med de här uppgifterna om dig');
    expect(sv.text).toContain('och vad bilagan innehåller håller vi på att ta reda på');
    expect(en.text).not.toContain('read it, with these details about you');
    expect(en.text).toContain('what the attachment holds we are still establishing');
  });

  it('lists the data seen as a part, in the notice and the phone script', async () => {
    const sv = await zipCase('sv');
    const en = await zipCase('en');
    const svText = (await buildCustomerNotice(sv, { channel: 'email', locale: 'sv' })).text;
    const svScript = (await buildCustomerNotice(sv, { channel: 'phone-script', locale: 'sv' })).text;
    const enText = (await buildCustomerNotice(en, { channel: 'email', locale: 'en' })).text;
    for (const text of [svText, svScript]) {
      expect(text).toContain('Den personen har kunnat se bland annat de här uppgifterna om dig');
      expect(text).toContain('Vi håller på att ta reda på vilka uppgifter om dig den innehåller');
    }
    expect(enText).toContain('That person could see these details about you, among other things:');
    expect(enText).toContain('We are establishing which details about you it holds');
  });

  it('marks the conclusion provisional and gives the attachment’s password as the reason, not an account', async () => {
    const sv = renderIncidentReport(await zipCase('sv'), { locale: 'sv' });
    const en = renderIncidentReport(await zipCase('en'), { locale: 'en' });
    expect(sv).toContain('Slutsatsen är preliminär');
    expect(sv).not.toContain('kan ta över kontot');
    expect(sv).toContain('Lösenordet som öppnar den krypterade bilagan har nått en utomstående');
    expect(en).toContain('This conclusion is provisional');
    expect(en).not.toContain('can take over the account');
    expect(en).toContain('The password that opens the encrypted attachment reached someone outside');
  });
});
