import type { DataCategory } from './data-categories.js';
import type { ReportLocale } from './report-texts.js';

/**
 * What the exposed data could mean for the customer while nobody knows that the message reached
 * anyone (`incident.misdirected.unconfirmed`: an address found in sent mail, with no record that it
 * exists or received the message). Each sentence stays conditional, as the notice must describe the
 * breach as known (GDPR Art. 34(2) with Art. 33(3)(a) and (c); Art. 5(1)(d) accuracy); the
 * categories left out here already say "could" and are taken from `noticeConsequenceTexts`.
 */
export const unconfirmedNoticeConsequenceTexts: Readonly<
  Record<ReportLocale, Partial<Readonly<Record<DataCategory, string>>>>
> = {
  sv: {
    'postal-address':
      'Om meddelandet kom fram känner personen till din adress och skulle kunna beställa varor i ditt namn.',
    health: 'Om meddelandet kom fram kan personen ha sett uppgifter som säger något om din hälsa.',
    'special-category': 'Om meddelandet kom fram kan personen ha sett uppgifter av känsligt slag om dig.',
  },
  en: {
    'postal-address':
      'If the message arrived, the person knows your address and could order goods in your name.',
    health: 'If the message arrived, the person may have seen details that say something about your health.',
    'special-category': 'If the message arrived, the person may have seen sensitive details about you.',
  },
};
