import type { ReportLocale, reportHeadings } from './report-texts.js';

/**
 * The headings that differ for a controller under the GDPR alone (a retailer, say): the form of the
 * data protection authority speaks of the controller and the data subjects (GDPR Art. 4(7), 33(3),
 * 34), where Regulation 611/2013 Annex I speaks of the provider and its subscribers. They replace
 * those of {@link reportHeadings} when the report's regimes do not include `eprivacy`.
 *
 * @example
 * ```ts
 * controllerHeadings.sv.provider; // 'Personuppgiftsansvarig'
 * ```
 */
export const controllerHeadings = {
  sv: {
    title: 'Personuppgiftsincident – rapport',
    provider: 'Personuppgiftsansvarig',
    affected: 'Antal berörda registrerade',
    consequences: 'Sannolika konsekvenser för de registrerade',
    notice: 'Information till de registrerade',
    memberStates: 'Registrerade i andra medlemsstater',
    otherProviders: 'Medverkan av andra aktörer, till exempel personuppgiftsbiträden',
  },
  en: {
    title: 'Personal data breach – report',
    provider: 'Controller',
    affected: 'Number of data subjects concerned',
    consequences: 'Likely consequences for the data subjects',
    notice: 'Communication to the data subjects',
    memberStates: 'Data subjects in other Member States',
    otherProviders: 'Involvement of other parties, such as processors',
  },
} as const satisfies Record<ReportLocale, Partial<Record<keyof (typeof reportHeadings)['sv'], string>>>;
