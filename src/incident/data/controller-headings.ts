import type { ReportLocale } from './report-texts.js';

/**
 * The headings that differ when the reporting organisation is a controller under the GDPR alone,
 * not a provider of electronic communications services: the GDPR says "personuppgiftsansvarig" and
 * "registrerade" (Art. 4(7), 4(1)), where Regulation 611/2013 says "leverantör" and "abonnent".
 * Laid over `reportHeadings` for such a report.
 *
 * @example
 * ```ts
 * controllerHeadings.sv.provider; // 'Personuppgiftsansvarig'
 * ```
 */
export const controllerHeadings = {
  sv: {
    provider: 'Personuppgiftsansvarig',
    affected: 'Antal berörda registrerade',
    consequences: 'Bedömda konsekvenser för de registrerade',
    notice: 'Information till de registrerade',
    otherProviders: 'Medverkan av personuppgiftsbiträden eller andra personuppgiftsansvariga',
  },
  en: {
    provider: 'Controller',
    affected: 'Number of data subjects concerned',
    consequences: 'Likely consequences for the data subjects',
    notice: 'Communication to the data subjects',
    otherProviders: 'Involvement of processors or other controllers',
  },
} as const satisfies Record<ReportLocale, Record<string, string>>;
