import { describe, expect, it } from 'vitest';
import {
  buildCustomerNotice,
  createIncidentReport,
  incidentRegisterEntry,
  renderIncidentReport,
  reportMisdirected,
} from '../../src/incident/index.js';
import { kreditInput } from './shared-fixtures.js';

const now = '2024-06-01T12:00:00+02:00';

// The officer's S7: a pharmacy order in an encrypted attachment, its password sent to the same wrong
// address; the password is recorded as `credentials`, and no login was in the data.
const pharmacy = createIncidentReport(
  {
    reference: 'T-S7',
    provider: { name: 'Apotek AB', country: 'SE' },
    contact: { name: 'Dana DPO', email: 'dpo@example.com', phone: '+46 8 123 45 00' },
    regimes: ['gdpr'],
    circumstances: 'misdirected-email',
    occurredAt: '2024-05-30T09:00:00+02:00',
    detectedAt: '2024-05-30T10:00:00+02:00',
    dataCategories: ['name', 'health', 'credentials'],
    dataSubjects: 1,
    recipient: 'unknown-individual',
    encrypted: true,
    keyExposed: true,
  },
  { now },
);

// The trial's kredit.eml: a credit decision in an encrypted zip, the password in a second mail; a
// person read the attachment and recorded its data (`dataCategories`, `needsReview: []`).
const kredit = (locale: 'sv' | 'en') =>
  reportMisdirected(
    {
      ...kreditInput,
      encrypted: true,
      keyExposed: true,
      dataCategories: ['name', 'national-id-number', 'financial'],
      needsReview: [],
    },
    { locale, now },
  );

/** The pharmacy order's e-mail notice, to the address the wrong recipient holds. */
const pharmacyNotice = (locale: 'sv' | 'en') =>
  buildCustomerNotice(pharmacy, { channel: 'email', locale, to: 'chris@example.com' });

describe('an encrypted attachment whose key reached the recipient', () => {
  it('names the attachment’s password, not login details, in what the person saw', async () => {
    const en = await pharmacyNotice('en');
    const sv = await pharmacyNotice('sv');
    expect(en.text).not.toContain('login details or account links');
    expect(en.text).toContain('the password to the encrypted attachment');
    expect(sv.text).not.toContain('inloggningsuppgifter eller länkar till kontot');
    expect(sv.text).toContain('lösenordet till den krypterade bilagan');
  });

  it('proposes no new password when no login was in the data', async () => {
    for (const locale of ['en', 'sv'] as const) {
      const notice = await pharmacyNotice(locale);
      expect(notice.text).not.toMatch(/Send you a new password|Skicka ett nytt lösenord/);
      const result = await kredit(locale);
      expect(result.report.measures.map((measure) => measure.id)).not.toContain('new-password');
      expect(result.notices.email.text).not.toMatch(/Send you a new password|Skicka ett nytt lösenord/);
    }
  });

  it('says the data was encrypted before saying the key reached the recipient', async () => {
    const en = renderIncidentReport((await kredit('en')).report, { locale: 'en', format: 'text' }) as string;
    const sv = renderIncidentReport((await kredit('sv')).report, { locale: 'sv', format: 'text' }) as string;
    expect(en).toContain(
      'The data was encrypted, but the key or password reached the recipient too, so the encryption did not protect the data.',
    );
    expect(sv).toContain(
      'Uppgifterna var krypterade, men nyckeln eller lösenordet nådde mottagaren också, så krypteringen skyddade inte uppgifterna.',
    );
  });

  it('does not call the data incomplete once a person has recorded what the attachment held', async () => {
    const en = renderIncidentReport((await kredit('en')).report, { locale: 'en', format: 'text' }) as string;
    const sv = renderIncidentReport((await kredit('sv')).report, { locale: 'sv', format: 'text' }) as string;
    expect(en).not.toContain('may be incomplete');
    expect(en).not.toContain('check its content by hand');
    expect(en).toContain(
      'The attachment kreditbeslut.zip (application/zip) could not be read automatically; the data listed includes what was recorded from it by hand.',
    );
    expect(sv).not.toContain('kan vara ofullständiga');
    expect(sv).toContain(
      'Bilagan kreditbeslut.zip (application/zip) kunde inte läsas automatiskt; uppgifterna ovan omfattar det som registrerats från den manuellt.',
    );
  });

  it('proposes taking the attachment’s password out of use, not a check for login passwords', async () => {
    const ids = pharmacy.measures.map((measure) => measure.id);
    expect(ids).not.toContain('check-password-reset');
    expect(ids).toContain('retire-attachment-password');
    const texts = {
      en: {
        not: 'no password or login link was sent',
        said: 'The password sent with the attachment is to be taken out of use, and the attachment treated as sent unencrypted.',
      },
      sv: {
        not: 'inga lösenord eller inloggningslänkar',
        said: 'Lösenordet som skickades med bilagan ska tas ur bruk, och bilagan behandlas som om den hade skickats okrypterad.',
      },
    } as const;
    for (const locale of ['en', 'sv'] as const) {
      const report = renderIncidentReport(pharmacy, { locale, format: 'text' }) as string;
      expect(report).not.toContain(texts[locale].not);
      expect(report).toContain(texts[locale].said);
    }
    // High risk (health data): the notice the law requires says the proposed measures to the customer.
    const notice = await pharmacyNotice('en');
    expect(notice.text).not.toContain('no password or login link');
    expect(notice.text).toContain('we stop using the password that was sent with the attachment');
    for (const locale of ['en', 'sv'] as const) {
      const result = await kredit(locale);
      const measures = result.report.measures.map((measure) => measure.id);
      expect(measures).not.toContain('check-password-reset');
      expect(measures).toContain('retire-attachment-password');
    }
  });

  it('speaks of the attachment’s password, not of an account, in the report and the register line', () => {
    const sv = renderIncidentReport(pharmacy, { locale: 'sv', format: 'text' });
    expect(sv).toContain(
      'Lösenordet öppnar den krypterade bilagan: med det kan den som fick meddelandet läsa bilagan.',
    );
    expect(sv).not.toContain('ge tillgång till kundens konto');
    const en = renderIncidentReport(pharmacy, { locale: 'en', format: 'text' });
    expect(en).toContain(
      'The password opens the encrypted attachment: with it, whoever received the message can read the attachment.',
    );
    expect(en).not.toContain('could give access to the customer’s account');
    expect(incidentRegisterEntry(pharmacy, { locale: 'sv' })).toContain(
      'lösenordet till den krypterade bilagan',
    );
    const register = incidentRegisterEntry(pharmacy, { locale: 'en' });
    expect(register).toContain('the password to the encrypted attachment');
    expect(register).not.toContain('login details or account links');
  });
});
