import type { Regime } from '../assess-breach.js';
import { eeaEftaStates, euMemberStates } from './eea-states.js';

/**
 * The law that governed a breach under one regime in one country during one period: whether it
 * required notifying the authority, and the provisions to cite.
 */
export interface LegalBasis {
  /** ISO 3166-1 alpha-2 code, or `*` for every EU/EEA state without a row of its own. */
  readonly country: string;
  readonly regime: Regime;
  /** First day in force (YYYY-MM-DD); absent for the oldest period. */
  readonly from?: string;
  /** First day no longer in force; absent while in force. */
  readonly until?: string;
  /** The law required notifying the authority of a breach. */
  readonly notificationDuty: boolean;
  /** The provisions to cite, the national law first; none where no law on the matter was in force. */
  readonly citations: readonly string[];
  /** The provision that requires the provider's own register of incidents. */
  readonly register?: string;
  /**
   * The country's own provisions cited beside each deadline of the regime where several countries'
   * authorities are notified, after the EU act's article: where its law adds to the EU act's, or
   * sets the deadline in its own words (the Data Protection Act 2018 beside the UK GDPR; PECR reg. 5A
   * beside Regulation 611/2013 in the United Kingdom).
   */
  readonly deadlineCitation?: string;
}

/** The GDPR applies from 25 May 2018 (Art. 99(2)). */
export const GDPR_APPLIES_FROM = '2018-05-25';
/**
 * In Norway, Iceland and Liechtenstein the GDPR applies from 20 July 2018, when EEA Joint Committee
 * Decision No 154/2018 incorporated it into the EEA Agreement.
 */
export const GDPR_APPLIES_FROM_EEA_EFTA = '2018-07-20';
const EEA_EFTA: ReadonlySet<string> = new Set(eeaEftaStates);

/**
 * The states where the GDPR applies and its one-stop shop with it (GDPR Art. 56; the EEA Agreement
 * for Norway, Iceland and Liechtenstein): the EU member states and the EEA EFTA states, as the data
 * lists them (`euMemberStates`, `eeaEftaStates`).
 */
export const gdprCountries: ReadonlySet<string> = new Set([...euMemberStates, ...eeaEftaStates]);

/**
 * The calendar day (YYYY-MM-DD) of an instant in a time zone: laws take effect at midnight local
 * time, so a breach at 00:30 in Stockholm on 25 May 2018 falls under the GDPR though it is still
 * 24 May in UTC.
 */
export function calendarDay(date: Date, timeZone = 'Europe/Stockholm'): string {
  // sv-SE writes dates as ISO 8601 (2018-02-23).
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

/**
 * The legal basis in force in a country under a regime on a day (YYYY-MM-DD): the country's own row,
 * else the one for every EU/EEA state without one (`*`).
 */
export function lawInForce(
  country: string,
  regime: Regime,
  day: string,
  table: readonly LegalBasis[] = legalBases,
): LegalBasis {
  const inForce = (basis: LegalBasis) =>
    basis.regime === regime &&
    (basis.from === undefined || basis.from <= day) &&
    (basis.until === undefined || day < basis.until);
  const found =
    table.find((basis) => basis.country === country && inForce(basis)) ??
    table.find((basis) => basis.country === '*' && inForce(basis));
  // The '*' rows cover every day for both regimes, so this is reached only if the table is broken.
  if (found === undefined) throw new RangeError(`no legal basis for ${regime} on ${day}`);
  return found;
}

/** The first day the GDPR applied in a country. */
export function gdprAppliesFrom(country: string | undefined): string {
  return country !== undefined && EEA_EFTA.has(country) ? GDPR_APPLIES_FROM_EEA_EFTA : GDPR_APPLIES_FROM;
}

const LEK_2003 = 'lag (2003:389) om elektronisk kommunikation';
const LEK_2022 = 'lag (2022:482) om elektronisk kommunikation';

/**
 * A provision of a Swedish law as Swedish legal writing cites it: the chapter and section first, then
 * the law in its definite form ("8 kap. 9 § lagen (2022:482) om elektronisk kommunikation"), as PTS
 * cites the register duty on its page "Förteckning över integritetsincidenter".
 */
function swedishProvision(provision: string, law: string): string {
  return `${provision} ${law.replace(/^lag /, 'lagen ')}`;
}
// Commission Regulation (EU) No 611/2013 applies from 25 August 2013 (Art. 7).
const REGULATION_611 = 'Commission Regulation (EU) No 611/2013';
export const REGULATION_611_FROM = '2013-08-25';

// The UK GDPR replaced the GDPR in the United Kingdom at the end of the transition period.
export const UK_GDPR_FROM = '2021-01-01';
const PECR = 'PECR';
const PECR_5A_FROM = '2011-05-26';

/**
 * The name of the GDPR in force on a day in a country: `UK GDPR` in the United Kingdom from 1 January
 * 2021 (European Union (Withdrawal) Act 2018 s. 3), `GDPR` elsewhere.
 */
export function gdprName(country: string | undefined, day: string): 'GDPR' | 'UK GDPR' {
  return country === 'GB' && day >= UK_GDPR_FROM ? 'UK GDPR' : 'GDPR';
}

/**
 * The legal bases by country, regime and period. Sweden's follow the laws in force: the integrity
 * incident provisions of 6 kap. 4 a–4 c §§ lagen (2003:389) (in force from 1 July 2011, implementing
 * Directive 2009/136/EC), replaced by lag (2022:482), in force from 3 June 2022, whose 8 kap. holds
 * the same duties (the register in 8 kap. 9 §); before the GDPR, personuppgiftslagen (1998:204) had
 * no general duty to notify a breach. Elsewhere the rows name the EU acts as transposed nationally.
 *
 * @example
 * ```ts
 * legalBases.filter((basis) => basis.country === 'SE' && basis.regime === 'eprivacy').length; // 4
 * ```
 */
export const legalBases: readonly LegalBasis[] = [
  { country: 'SE', regime: 'eprivacy', until: '2011-07-01', notificationDuty: false, citations: [LEK_2003] },
  {
    country: 'SE',
    regime: 'eprivacy',
    from: '2011-07-01',
    until: REGULATION_611_FROM,
    notificationDuty: true,
    citations: [swedishProvision('6 kap. 4 a §', LEK_2003), 'Directive 2002/58/EC Art. 4(3)'],
    register: swedishProvision('6 kap. 4 c §', LEK_2003),
  },
  {
    country: 'SE',
    regime: 'eprivacy',
    from: REGULATION_611_FROM,
    until: '2022-06-03',
    notificationDuty: true,
    citations: [swedishProvision('6 kap. 4 a §', LEK_2003), REGULATION_611],
    register: swedishProvision('6 kap. 4 c §', LEK_2003),
  },
  {
    country: 'SE',
    regime: 'eprivacy',
    from: '2022-06-03',
    notificationDuty: true,
    citations: [swedishProvision('8 kap.', LEK_2022), REGULATION_611],
    register: swedishProvision('8 kap. 9 §', LEK_2022),
  },
  // Personuppgiftslagen came into force on 24 October 1998 (SFS 1998:204, its entry into force
  // provision) and replaced datalagen (1973:289), in force from 1 July 1973; neither had a general
  // duty to notify a breach. A breach before PUL is never said to have fallen under it. Before
  // datalagen, Sweden's first data protection law, none was in force: the oldest period has a row of
  // its own, or it would fall to the '*' row below and cite Directive 95/46/EC, of 1995.
  { country: 'SE', regime: 'gdpr', until: '1973-07-01', notificationDuty: false, citations: [] },
  {
    country: 'SE',
    regime: 'gdpr',
    from: '1973-07-01',
    until: '1998-10-24',
    notificationDuty: false,
    citations: ['datalagen (1973:289)'],
  },
  {
    country: 'SE',
    regime: 'gdpr',
    from: '1998-10-24',
    until: GDPR_APPLIES_FROM,
    notificationDuty: false,
    citations: ['personuppgiftslagen (1998:204)'],
  },
  {
    country: 'SE',
    regime: 'gdpr',
    from: GDPR_APPLIES_FROM,
    notificationDuty: true,
    citations: [
      'GDPR Art. 33 and 34',
      'lag (2018:218) med kompletterande bestämmelser till EU:s dataskyddsförordning',
    ],
    register: 'GDPR Art. 33(5)',
  },
  // The United Kingdom: the GDPR applied until the end of the transition period (31 December 2020);
  // from 1 January 2021 the UK GDPR (European Union (Withdrawal) Act 2018 s. 3, as amended by the Data
  // Protection, Privacy and Electronic Communications (Amendments etc) (EU Exit) Regulations 2019)
  // with the Data Protection Act 2018. Before 25 May 2018 the Data Protection Act 1998 had no duty to
  // notify. PECR reg. 5A (inserted by SI 2011/1208, in force 26 May 2011) requires a provider to
  // notify the Information Commissioner, reg. 5A(8) to keep an inventory; Regulation 611/2013 applies
  // as retained law after 2020.
  {
    country: 'GB',
    regime: 'gdpr',
    until: GDPR_APPLIES_FROM,
    notificationDuty: false,
    citations: ['Data Protection Act 1998'],
  },
  {
    country: 'GB',
    regime: 'gdpr',
    from: GDPR_APPLIES_FROM,
    until: UK_GDPR_FROM,
    notificationDuty: true,
    citations: ['GDPR Art. 33 and 34', 'Data Protection Act 2018'],
    register: 'GDPR Art. 33(5)',
    deadlineCitation: 'Data Protection Act 2018',
  },
  {
    country: 'GB',
    regime: 'gdpr',
    from: UK_GDPR_FROM,
    notificationDuty: true,
    citations: ['UK GDPR Art. 33 and 34', 'Data Protection Act 2018'],
    register: 'UK GDPR Art. 33(5)',
    deadlineCitation: 'Data Protection Act 2018',
  },
  {
    country: 'GB',
    regime: 'eprivacy',
    until: PECR_5A_FROM,
    notificationDuty: false,
    citations: ['The Privacy and Electronic Communications (EC Directive) Regulations 2003'],
  },
  {
    country: 'GB',
    regime: 'eprivacy',
    from: PECR_5A_FROM,
    until: REGULATION_611_FROM,
    notificationDuty: true,
    citations: [`${PECR} reg. 5A`],
    register: `${PECR} reg. 5A(8)`,
  },
  {
    country: 'GB',
    regime: 'eprivacy',
    from: REGULATION_611_FROM,
    notificationDuty: true,
    citations: [`${PECR} reg. 5A`, REGULATION_611],
    register: `${PECR} reg. 5A(8)`,
    // A service provider notifies the Information Commissioner (PECR reg. 5A(2), inserted by SI
    // 2011/1208 reg. 2), within 24 hours of detection where feasible: Regulation 611/2013 Art. 2(2),
    // which applies in the United Kingdom as retained law, and the ICO's guidance on PECR.
    deadlineCitation: `${PECR} reg. 5A (SI 2011/1208)`,
  },
  // Directive 2009/136/EC added the breach notification duty to Directive 2002/58/EC Art. 4(3), to be
  // transposed by 25 May 2011.
  {
    country: '*',
    regime: 'eprivacy',
    until: REGULATION_611_FROM,
    notificationDuty: true,
    citations: ['Directive 2002/58/EC Art. 4(3), as transposed into national law'],
    register: 'Directive 2002/58/EC Art. 4(4)',
  },
  {
    country: '*',
    regime: 'eprivacy',
    from: REGULATION_611_FROM,
    notificationDuty: true,
    citations: ['Directive 2002/58/EC Art. 4(3), as transposed into national law', REGULATION_611],
    register: 'Directive 2002/58/EC Art. 4(4)',
  },
  // Directive 95/46/EC had no general duty to notify a breach.
  {
    country: '*',
    regime: 'gdpr',
    until: GDPR_APPLIES_FROM,
    notificationDuty: false,
    citations: ['Directive 95/46/EC, as transposed into national law'],
  },
  {
    country: '*',
    regime: 'gdpr',
    from: GDPR_APPLIES_FROM,
    notificationDuty: true,
    citations: ['GDPR Art. 33 and 34'],
    register: 'GDPR Art. 33(5)',
  },
  ...[...EEA_EFTA].flatMap((country): LegalBasis[] => [
    {
      country,
      regime: 'gdpr',
      until: GDPR_APPLIES_FROM_EEA_EFTA,
      notificationDuty: false,
      citations: ['Directive 95/46/EC, as transposed into national law'],
    },
    {
      country,
      regime: 'gdpr',
      from: GDPR_APPLIES_FROM_EEA_EFTA,
      notificationDuty: true,
      // Norway made the GDPR Norwegian law by personopplysningsloven (LOV-2018-06-15-38) § 1, the
      // act its authority applies (https://lovdata.no/dokument/NL/lov/2018-06-15-38).
      citations:
        country === 'NO'
          ? ['GDPR Art. 33 and 34', 'personopplysningsloven (LOV-2018-06-15-38) § 1']
          : ['GDPR Art. 33 and 34', 'EEA Joint Committee Decision No 154/2018'],
      register: 'GDPR Art. 33(5)',
    },
  ]),
];
