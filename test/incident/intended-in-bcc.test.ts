import { describe, expect, it } from 'vitest';
import { type ReportMisdirectedInput, reportMisdirected } from '../../src/incident/index.js';
import { SEED_INCIDENT_FACTS } from '../support/cli-inputs.js';
import { seedOrderConfirmation } from './seed-order-confirmation.js';

// Bcc recipients are not shown to the others (RFC 5322 §3.6.3): a customer who received the seed
// order confirmation only in Bcc had her data seen by the 41 To and Cc addresses, not her address.
const locales = ['sv', 'en'] as const;
const now = '2026-12-04T01:00:00Z';
const intended = 'anna.svensson1985@gmail.com';
const cc = Array.from({ length: 40 }, (_, index) => `kund${index}.namnsson${index}@gmail.com`);

async function notice(message: string, actual: string, locale: 'sv' | 'en') {
  const input: ReportMisdirectedInput = {
    ...(SEED_INCIDENT_FACTS as Omit<ReportMisdirectedInput, 'message' | 'intended' | 'actual'>),
    message,
    intended,
    actual,
    detectedAt: '2026-12-01T14:00:00+01:00',
  };
  const { report, notices } = await reportMisdirected(input, { now, locale });
  return {
    report,
    subject: notices.email.subject,
    text: notices.email.text,
    script: notices.phoneScript.text,
  };
}

const addressShown = {
  sv: ['Din e-postadress syntes för andra mottagare', 'din bland dem'],
  en: ['Your e-mail address was shown to other recipients', 'yours among them'],
} as const;

describe('the intended customer received the message only in Bcc', () => {
  const message = seedOrderConfirmation(
    [`Cc: ${cc.join(', ')}`, `Bcc: ${intended}`, `Delivered-To: ${intended}`],
    [],
  );

  it.each(locales)('does not tell her that her address was shown to the others (%s)', async (locale) => {
    const { report, subject, text, script } = await notice(message, 'anna.svensson185@gmail.com', locale);
    expect(report.incident.misdirected?.intendedAddressShown).toBe(false);
    for (const wrong of addressShown[locale]) {
      expect(subject).not.toContain(wrong);
      expect(text).not.toContain(wrong);
      expect(script).not.toContain(wrong);
    }
    // She received her copy in Bcc: the notice neither counts her among the addresses shown nor says
    // none of the recipients was her.
    expect(text).not.toMatch(/none of them|ingen av dem/);
    expect(text).toMatch(
      locale === 'sv' ? /din adress syntes inte för dem/ : /your address was not shown to them/,
    );
  });
});

describe('the intended customer was in To, among 40 others in Cc', () => {
  const message = seedOrderConfirmation([`Cc: ${cc.join(', ')}`], [], intended);

  it.each(locales)('tells her that her address was shown to the others (%s)', async (locale) => {
    const { report, subject } = await notice(message, cc[0] as string, locale);
    expect(report.incident.misdirected?.intendedAddressShown).toBeUndefined();
    expect(subject).toContain(addressShown[locale][0]);
  });
});
