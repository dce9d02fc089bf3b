import { assessBreach, type BreachAssessment, type RiskLevel } from './assess-breach.js';
import { filedAt, filingRecord } from './authority-filings.js';
import { authorityShortName } from './authority-short-name.js';
import { breachChannel } from './breach-channel.js';
import { buildTimeline, type TimelineStep } from './build-timeline.js';
import {
  changeValueTexts,
  factLabels,
  measureNames,
  reportFieldLabels,
  wordingLanguageNames,
} from './data/follow-up-labels.js';
import type { ReportLocale } from './data/report-texts.js';
import { toDate } from './date-input.js';
import { formatDate, formatDateTime, inCustomerNoticeIn, type Phrasing, say } from './describe-incident.js';
import type { AuthorityFinding } from './find-authority.js';
import { type IncidentReport, providerCountries } from './incident-report.js';
import { hasOwnText, ownMeasureText } from './measure-own-text.js';
import { type Decision, decide } from './officer-judgment.js';
import { publicCommunicationWords } from './public-communication.js';
import { isUnreadContentItem, ReviewItemSchema, reviewItemText } from './review-item.js';

/**
 * A date and time as a Swedish authority writes it (`2018-02-23 kl. 13.36 CET`: Språkrådet's
 * Svenska skrivregler writes the time with a full stop), or the English form.
 */
export function reportDateTime(phrasing: Phrasing, iso: string): string {
  const written = formatDateTime(phrasing, iso);
  return phrasing.locale === 'sv' ? written.replace(/kl\. (\d{2}):(\d{2})/, 'kl. $1.$2') : written;
}

/** Article references as Swedish texts write them (`förordning (EU) nr 611/2013 art. 2.2`). */
export function citation(phrasing: Phrasing, source: string, { capitalise = true } = {}): string {
  if (phrasing.locale === 'en') return source;
  const cited = source
    // The documents the assessment rests on, by their Swedish titles (the number kept, so they can
    // be found): EDPB Guidelines 01/2021 and 9/2022 as the EDPB's Swedish versions name them, ENISA's
    // methodology, the Article 29 Working Party's WP250 and the authorities' published examples.
    .replace(
      /EDPB Guidelines 01\/2021 and 9\/2022/g,
      'EDPB:s riktlinjer 01/2021 om exempel på anmälan av personuppgiftsincidenter och 9/2022 om anmälan av personuppgiftsincidenter',
    )
    .replace(
      /EDPB Guidelines 01\/2021/g,
      'EDPB:s riktlinjer 01/2021 om exempel på anmälan av personuppgiftsincidenter',
    )
    .replace(/EDPB Guidelines 9\/2022/g, 'EDPB:s riktlinjer 9/2022 om anmälan av personuppgiftsincidenter')
    .replace(
      /ENISA 2013, Recommendations for a methodology of the assessment of severity of personal data breaches/g,
      'ENISA:s rekommendationer om en metod för att bedöma hur allvarlig en personuppgiftsincident är (2013)',
    )
    .replace(/ENISA 2013 /g, 'ENISA:s metod för att bedöma personuppgiftsincidenters allvar (2013), ')
    .replace(
      /WP250 rev\.01 /g,
      'artikel 29-gruppens riktlinjer om anmälan av personuppgiftsincidenter (WP250 rev.01), ',
    )
    .replace(/\bAnnex ([A-Z])\b/g, 'bilaga $1')
    .replace(/DPC Annual Report (\d{4}), case study (\d+)/g, 'DPC:s årsrapport $1, fallstudie $2')
    .replace(
      /ICO, Personal data breach examples, case study (\d+)/g,
      'ICO:s exempel på personuppgiftsincidenter, fallstudie $1',
    )
    .replace(/HDPA decision (\S+)/g, 'HDPA:s beslut $1')
    .replace(/Persónuvernd case (\d+)/g, 'Persónuvernds ärende $1')
    .replace(/ do not require it here/g, ' kräver det inte här')
    .replace(/Commission Regulation \(EU\) No 611\/2013/g, 'kommissionens förordning (EU) nr 611/2013')
    .replace(/Regulation 611\/2013/g, 'förordning (EU) nr 611/2013')
    .replace(/Directive 2002\/58\/EC/g, 'direktiv 2002/58/EG')
    .replace(/Directive 95\/46\/EC/g, 'direktiv 95/46/EG')
    .replace(/, as transposed into national law/g, ' i dess nationella genomförande')
    .replace(/EEA Joint Committee Decision No (\d+\/\d+)/g, 'EES-kommitténs beslut nr $1')
    // The UK GDPR keeps its own name: it is a different law from the EU regulation.
    .replace(/(?<!UK )\bGDPR\b/g, 'dataskyddsförordningen')
    .replace(/\bArt\./g, 'art.')
    // A second point of the same paragraph ("Art. 34(3)(a) and (b)") takes the same format: "34.3 a och b".
    .replace(
      /(\d+)\((\d+)\)(?:\(([a-z])\)(?: and \(([a-z])\))?)?/g,
      (_whole, article: string, paragraph: string, point?: string, second?: string) =>
        point
          ? `${article}.${paragraph} ${point}${second ? ` and ${second}` : ''}`
          : `${article}.${paragraph}`,
    )
    .replace(/\bRecital (\d+)/g, 'skäl $1')
    .replace(/ and /g, ' och ')
    .replace(/\bsections?\b/g, 'avsnitt')
    .replace(/\bCase No\./g, 'fall nr');
  return capitalise ? cited.replace(/^\p{Ll}/u, (first) => first.toUpperCase()) : cited;
}

/**
 * The risk as a clause that can follow a colon (`incidenten medför en hög risk för ...`), of one
 * person ("den berördes") or of several ("de berördas") as `dataSubjects` gives.
 */
export function riskLabel(phrasing: Phrasing, risk: RiskLevel, dataSubjects: number): string {
  const concerned = riskConcerned(phrasing, dataSubjects);
  return {
    unlikely: say(
      phrasing,
      `det är osannolikt att incidenten medför en risk för ${concerned} rättigheter och friheter`,
      `the breach is unlikely to result in a risk to the rights and freedoms of ${concerned}`,
    ),
    risk: say(
      phrasing,
      `incidenten medför en risk, men inte en hög risk, för ${concerned} rättigheter och friheter`,
      `the breach is likely to result in a risk, but not a high risk, to the rights and freedoms of ${concerned}`,
    ),
    high: say(
      phrasing,
      `incidenten medför en hög risk för ${concerned} rättigheter och friheter`,
      `the breach is likely to result in a high risk to the rights and freedoms of ${concerned}`,
    ),
  }[risk];
}

/** Whose rights the risk is to: one person is "den berörde", several "de berörda". */
export function riskConcerned(phrasing: Phrasing, dataSubjects: number): string {
  const many = dataSubjects > 1;
  return say(
    phrasing,
    many ? 'de berördas' : 'den berördes',
    many ? 'the people concerned' : 'the person concerned',
  );
}

/**
 * Those concerned as the subject of a sentence, one person or several as `dataSubjects` gives (as
 * {@link riskConcerned}): in a provider's words ("den berörde", Regulation 611/2013 Art. 3) and a
 * controller's ("den registrerade", GDPR Art. 34), with the English verbs that agree.
 */
export function theConcerned(dataSubjects: number) {
  const one = dataSubjects <= 1;
  return {
    berorda: one ? 'den berörde' : 'de berörda',
    registrerade: one ? 'den registrerade' : 'de registrerade',
    people: one ? 'the person concerned' : 'the people concerned',
    subjects: one ? 'the data subject' : 'the data subjects',
    is: one ? 'is' : 'are',
    has: one ? 'has' : 'have',
  } as const;
}

/**
 * Assesses the stored facts again, in the phrasing's language, at the given risk level if any. The
 * precedents are the report's own: they were found in the table of decisions the report was made with
 * (`CreateIncidentReportOptions.decisions`), which the report does not carry, and a reading against
 * the built-in table would cite decisions the person who made the report never chose.
 */
export function reassess(phrasing: Phrasing, report: IncidentReport, risk?: RiskLevel): BreachAssessment {
  const { initialNotificationAt: _single, notifications: _each, ...facts } = report.facts;
  // Regulation 611/2013 Art. 2(3) counts from the first notification to the provider's authority.
  const initialNotificationAt = filedAt(report, 'eprivacy');
  // The main establishment first: its law decides; each other country's authority is cited under its own.
  const countries = providerCountries(report.provider);
  const assessment = assessBreach(
    {
      regimes: report.regimes,
      country: countries[0] ?? 'SE',
      dataCategories: report.data.categories,
      dataSubjects: report.affected.dataSubjects,
      ...breachChannel(report.incident.circumstances),
      ...facts,
      // Weighed as when the report was written (createIncidentReport): a child's data weighs as
      // vulnerable people's does (GDPR Recital 38, Art. 8(1); Recital 75), or the assessment made
      // again would contradict the risk the report states.
      ...(report.affected.minor === true ? { vulnerableDataSubjects: true } : {}),
      occurredAt: report.incident.occurredAt,
      detectedAt: report.incident.detectedAt,
      ...(initialNotificationAt === undefined ? {} : { initialNotificationAt }),
    },
    {
      locale: phrasing.locale,
      // The day the GDPR began is read where the organisation is, never in the zone the report is
      // rendered in: writing times for a reader in London does not change which law applied.
      profile: report.assessment.profile,
      // The number of people that counted as large scale when the report was written: without it
      // the same facts could be stated at another risk than the report's (GDPR Recital 75).
      ...(report.assessment.largeScale === undefined ? {} : { largeScale: report.assessment.largeScale }),
      // Assessed as of when the report was written (its dates were checked against that moment then),
      // so a stored report reads the same on any later day.
      now: new Date(
        Math.max(
          ...[report.createdAt, report.incident.occurredAt, report.incident.detectedAt].map((at) =>
            toDate(at).getTime(),
          ),
        ),
      ),
      ...(countries.length > 1 ? { countries } : {}),
      ...(risk === undefined ? {} : { risk }),
      // Delivery not established: the reasons that rest on it say so as a condition.
      ...(report.incident.misdirected?.unconfirmed === true && report.facts.returnedUnopened !== true
        ? { deliveryUnconfirmed: true }
        : {}),
      decisions: [],
    },
  );
  return { ...assessment, precedents: report.assessment.precedents };
}

/** The computed assessment, the one that holds after the officer's judgment, and the decision. */
export interface FinalAssessment {
  readonly computed: BreachAssessment;
  /** At the risk that holds, with only the deadlines of the notifications that are made. */
  readonly assessment: BreachAssessment;
  readonly decision: Decision;
}

/** The assessment and deadlines that hold once the officer's judgment is applied. */
export function finalAssessment(
  phrasing: Phrasing,
  report: IncidentReport,
  computed: BreachAssessment,
): FinalAssessment {
  const judgedRisk = report.judgment?.risk;
  const base =
    judgedRisk === undefined || judgedRisk === computed.risk
      ? computed
      : reassess(phrasing, report, judgedRisk);
  const decision =
    report.decision ??
    decide({
      computed,
      ...(base === computed ? {} : { rejudged: base }),
      ...(report.judgment === undefined ? {} : { judgment: report.judgment }),
      authorities: report.authorities ?? [],
      provisional: conclusionsOpen(report),
    });
  const deadlines = base.deadlines.filter((deadline) => {
    if (deadline.to === 'record') return true;
    if (deadline.to !== 'authority') return decision.notifyDataSubjects;
    if (report.authorities === undefined) return decision.notifyAuthority;
    const regime = /^(UK )?GDPR/.test(deadline.article) ? 'gdpr' : 'eprivacy';
    return decision.notifyAuthorityUnder.includes(regime);
  });
  return { computed, assessment: { ...base, risk: decision.risk, deadlines }, decision };
}

/**
 * Whether the report records that the customer was told: a notice sent, or a call in which the
 * caller checked that the customer answered. A call to whoever picked up is not a notice to the
 * customer (EDPB Guidelines 9/2022 §18: telling someone else is a further disclosure).
 */
export function customerTold(report: IncidentReport): boolean {
  return report.customerCall?.identityChecked === true || report.subscriberNotice.notifiedAt !== undefined;
}

/**
 * A notice the law does not require: `done` when the customer was told anyway, `recommended`
 * when the assessment advises it (and the responsible person did not decide against it), otherwise
 * undefined. A required notice is not a courtesy.
 */
export function courtesyNotice(
  report: IncidentReport,
  final: FinalAssessment,
): 'done' | 'recommended' | undefined {
  if (final.decision.notifyDataSubjects) return undefined;
  if (customerTold(report)) return 'done';
  if (report.judgment?.notifyDataSubjects === false) return undefined;
  return final.assessment.recommendations.some((item) => item.code === 'courtesy-notice')
    ? 'recommended'
    : undefined;
}

/** The countries whose authorities a Swedish report names in their own language. */
const NAMED_IN_OWN_LANGUAGE: ReadonlySet<string> = new Set(['SE', 'DK', 'NO', 'FI']);

function authorityName(phrasing: Phrasing, finding: AuthorityFinding): string | undefined {
  const authority = finding.authority;
  if (authority === undefined) return undefined;
  // A Swedish reader reads the Danish and Norwegian names as they are (Datatilsynet, Nasjonal
  // kommunikasjonsmyndighet) and the Finnish with the English beside them; a report to them names
  // them as the authorities name themselves, not in English.
  // Finland is bilingual: its authority's own Swedish name (`nameSv`) needs no English beside it.
  const own = phrasing.locale === 'sv' && NAMED_IN_OWN_LANGUAGE.has(authority.country);
  if (!own)
    return authority.abbreviation ? `${authority.nameEn} (${authority.abbreviation})` : authority.nameEn;
  const name = authority.nameSv ?? authority.name;
  const besides = [
    authority.country === 'FI' && authority.nameSv === undefined ? authority.nameEn : undefined,
    authority.abbreviation !== undefined && !name.includes(authority.abbreviation)
      ? authority.abbreviation
      : undefined,
  ].filter((part): part is string => part !== undefined);
  return besides.length > 0 ? `${name} (${besides.join(', ')})` : name;
}

/**
 * The first time limit for notifying an authority, while no filing is recorded: a report states that
 * the authority was notified only once `initialNotificationAt` records it, and until then by when it
 * is to be notified (Regulation 611/2013 Art. 2(2): 24 hours; GDPR Art. 33(1): 72 hours).
 */
export function authorityDue(report: IncidentReport): string | undefined {
  const due = report.assessment.deadlines
    .filter((entry) => entry.to === 'authority' && entry.due !== undefined)
    .map((entry) => entry.due as string)
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  return due[0];
}

/**
 * Whether every deadline for notifying `findings` had passed when the report was written: it is then no
 * longer one to meet but one missed, and the late notification gives the reasons for the delay (GDPR
 * Art. 33(1); Regulation 611/2013 Art. 2(2) and (4)).
 */
function deadlinesPassed(report: IncidentReport, findings: readonly AuthorityFinding[]): boolean {
  return (
    findings.length > 0 &&
    findings.every((finding) => {
      const deadline = authorityDeadline(report, finding);
      return deadline !== undefined && Date.parse(deadline) < Date.parse(report.createdAt);
    })
  );
}

/** The deadline of the first notification to the authority of a finding, where the assessment gives one. */
export function authorityDeadline(report: IncidentReport, finding: AuthorityFinding): string | undefined {
  return authorityDeadlineEntry(report, finding)?.due;
}

/**
 * The assessment's deadline for the first notification to the authority of `finding`: 24 hours under
 * Regulation 611/2013 Art. 2(2), 72 under GDPR Art. 33(1) (the UK GDPR's in the United Kingdom).
 */
function authorityDeadlineEntry(report: IncidentReport, finding: AuthorityFinding) {
  const entries = report.assessment.deadlines.filter(
    (entry) =>
      entry.to === 'authority' &&
      (entry.country === undefined || entry.country === finding.country) &&
      (finding.regime === 'eprivacy'
        ? entry.article.startsWith('Regulation 611/2013 Art. 2(2)')
        : /^(UK )?GDPR Art\. 33\(1\)/.test(entry.article)),
  );
  // Where the finding's country's law sets its own deadline (`Deadline.country`), that one; else the
  // one shared by the countries whose law adds nothing to the EU act's.
  return (
    entries.find((entry) => entry.country === finding.country) ??
    entries.find((entry) => entry.country === undefined)
  );
}

/**
 * The authorities to notify as one phrase, each named once and by its own deadline when the deadlines
 * differ (`PTS senast 1 december ... och IMY senast 3 december ...`): one deadline for all would tell the
 * one with the later deadline (GDPR Art. 33(1): 72 hours) the earlier one (Regulation 611/2013 Art. 2(2):
 * 24 hours), or the reverse. An authority competent under two regimes (the ICO under the UK GDPR and
 * PECR) is one addressee, named once with both regimes and the earlier deadline.
 * `withDue: false` leaves the deadlines out (the notification is already made).
 */
export function authoritiesPhrase(
  phrasing: Phrasing,
  report: IncidentReport,
  findings: readonly AuthorityFinding[],
  name: (finding: AuthorityFinding) => string | undefined,
  withDue: boolean,
): string | undefined {
  const groups = new Map<string, { regimes: string[]; due: string | undefined }>();
  for (const finding of findings) {
    const named = name(finding);
    if (named === undefined) continue;
    const due = authorityDeadline(report, finding);
    const group = groups.get(named) ?? { regimes: [], due: undefined };
    // The United Kingdom's own laws: the UK GDPR and PECR (The Privacy and Electronic Communications Regulations 2003).
    const uk = finding.country === 'GB';
    group.regimes.push(
      finding.regime === 'gdpr'
        ? uk
          ? 'UK GDPR'
          : 'GDPR'
        : uk
          ? 'PECR'
          : say(phrasing, 'e-integritet', 'e-privacy'),
    );
    if (due !== undefined && (group.due === undefined || Date.parse(due) < Date.parse(group.due)))
      group.due = due;
    groups.set(named, group);
  }
  if (groups.size === 0) return undefined;
  const and = say(phrasing, ' och ', ' and ');
  const by = say(phrasing, 'senast', 'by');
  // Authorities of several countries are each named with their law (IMY (GDPR) and ICO (UK GDPR)).
  const countries = new Set((report.authorities ?? findings).map((finding) => finding.country));
  const entries = [...groups].map(([named, group]) => ({
    label: group.regimes.length > 1 || countries.size > 1 ? `${named} (${group.regimes.join(and)})` : named,
    due: group.due,
  }));
  const dues = new Set(entries.map((entry) => entry.due));
  if (!withDue || dues.size > 1)
    return entries
      .map((entry) =>
        withDue && entry.due !== undefined
          ? `${entry.label} ${by} ${reportDateTime(phrasing, entry.due)}`
          : entry.label,
      )
      .join(and);
  const [due] = dues;
  const names = entries.map((entry) => entry.label).join(and);
  return due === undefined ? names : `${names} ${by} ${reportDateTime(phrasing, due)}`;
}

/** The authority's own reference for a filing, as its letters name it (`diarienummer` at IMY and PTS). */
export function filingReference(phrasing: Phrasing, reference: string): string {
  return say(phrasing, `diarienummer ${reference}`, `reference ${reference}`);
}

/**
 * How long after `due` a filing made at `at` came (`1 dygn och 3 timmar`), or undefined when it was
 * made in time.
 */
export function lateBy(phrasing: Phrasing, at: string, due: string): string | undefined {
  const minutes = Math.floor((Date.parse(at) - Date.parse(due)) / 60_000);
  if (!(minutes > 0)) return undefined;
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  // Past a day the minutes say nothing the days do not.
  const rest = days > 0 ? 0 : minutes % 60;
  const count = (value: number, one: string, many: string) =>
    value === 0 ? [] : [`${value} ${value === 1 ? one : many}`];
  const units = [
    ...count(days, say(phrasing, 'dygn', 'day'), say(phrasing, 'dygn', 'days')),
    ...count(hours, say(phrasing, 'timme', 'hour'), say(phrasing, 'timmar', 'hours')),
    ...count(rest, say(phrasing, 'minut', 'minute'), say(phrasing, 'minuter', 'minutes')),
  ];
  return units.join(say(phrasing, ' och ', ' '));
}

/**
 * The authorities among `findings` whose filing is recorded, each with its own time ("PTS 1 December
 * 2026, 10:00 CET and IMY …"), and those still to be notified: a filing with one authority says
 * nothing of another's (Regulation 611/2013 Art. 2(2) and GDPR Art. 33(1) are separate duties).
 */
export function filingsPhrase(
  phrasing: Phrasing,
  report: IncidentReport,
  findings: readonly AuthorityFinding[],
  name: (finding: AuthorityFinding) => string | undefined,
  /** The word before each time (`on ` in an English sentence). */
  on = '',
): {
  filed: string | undefined;
  unfiled: AuthorityFinding[];
  /** A first filing recorded once for several authorities, as a phrase, where the report has one. */
  unattributed: string | undefined;
} {
  // One filing is one time and one reference; an authority under two regimes (the ICO) is one filing.
  const byFiling = new Map<
    string,
    { at: string; reference: string | undefined; group: AuthorityFinding[] }
  >();
  const unfiled: AuthorityFinding[] = [];
  let unattributed: string | undefined;
  for (const finding of findings) {
    const record = filingRecord(report, finding);
    if (record.state === 'filed') {
      const key = `${record.at} ${record.reference ?? ''}`;
      const entry = byFiling.get(key) ?? { at: record.at, reference: record.reference, group: [] };
      byFiling.set(key, { ...entry, group: [...entry.group, finding] });
    } else unfiled.push(finding);
    if (record.state === 'unattributed')
      unattributed = say(
        phrasing,
        `en första anmälan ${reportDateTime(phrasing, record.at)} är registrerad en gång för flera myndigheter, och vilken den gäller är inte registrerat`,
        `a first notification on ${reportDateTime(phrasing, record.at)} is recorded once for several authorities, and which one it applies to is not recorded`,
      );
  }
  // A late filing stays late once it is made: GDPR Art. 33(1) (as Regulation 611/2013 Art. 2(2)) has
  // it accompanied by the reasons for the delay, so the record says by how long.
  const parts = [...byFiling.values()].map(({ at, reference, group }) => {
    const earliest = group
      .map((finding) => authorityDeadline(report, finding))
      .filter((due): due is string => due !== undefined)
      .sort((a, b) => Date.parse(a) - Date.parse(b))[0];
    const late = earliest === undefined ? undefined : lateBy(phrasing, at, earliest);
    const notes = [
      ...(reference === undefined ? [] : [filingReference(phrasing, reference)]),
      ...(late === undefined
        ? []
        : [say(phrasing, `${late} efter tidsfristen`, `${late} after the deadline`)]),
    ];
    return `${authoritiesPhrase(phrasing, report, group, name, false) ?? ''} ${on}${reportDateTime(phrasing, at)}${notes.length === 0 ? '' : ` (${notes.join('; ')})`}`.trim();
  });
  return {
    filed: parts.length === 0 ? undefined : parts.join(say(phrasing, ' och ', ' and ')),
    unfiled,
    unattributed,
  };
}

function notifiedFindings(report: IncidentReport): AuthorityFinding[] {
  const under = report.decision?.notifyAuthorityUnder ?? [];
  return (report.authorities ?? []).filter((finding) => under.includes(finding.regime));
}

/**
 * Whether the report leaves its conclusions open: nothing personal could be read in the message and
 * none was given, and no responsible person has judged the breach. A conclusion computed from an
 * unread message is not one reached: GDPR Art. 33(5) has the facts documented, and Art. 33(4) lets
 * them come in phases, so the risk and the notifications wait for a person who has read it.
 */
export function conclusionsOpen(report: IncidentReport): boolean {
  return report.data.contentUnknown === true && report.judgment === undefined;
}

/** Why the conclusions are open (see {@link conclusionsOpen}), as a clause. */
export function openReason(phrasing: Phrasing): string {
  return say(
    phrasing,
    'vilka personuppgifter meddelandet innehöll är inte känt förrän en person har läst det',
    'which personal data the message held is not known until a person has read it',
  );
}

/** The risk while the conclusions are open: not assessed, with the reason. */
export function openRiskSentence(phrasing: Phrasing): string {
  return say(
    phrasing,
    `Risken är inte bedömd ännu: ${openReason(phrasing)}.`,
    `The risk is not yet assessed: ${openReason(phrasing)}.`,
  );
}

/** The authorities the report is addressed to, one a line. */
export function addresseeParagraphs(phrasing: Phrasing, report: IncidentReport): string[] {
  // One authority competent under two regimes (the ICO) receives one notification: one addressee.
  const names = [
    ...new Set(
      notifiedFindings(report)
        .map((finding) => authorityName(phrasing, finding))
        .filter((name): name is string => name !== undefined),
    ),
  ];
  if (names.length > 0) return names;
  // A breach notified under a regime whose authority the table lacks still goes to an authority.
  if (
    notifiedFindings(report).length === 0 &&
    (report.decision?.notifyAuthority === false || (report.authorities ?? []).length > 0)
  )
    return conclusionsOpen(report)
      ? [
          say(
            phrasing,
            `Inte avgjort ännu: ${openReason(phrasing)}, och först då avgörs om incidenten ska anmälas till tillsynsmyndigheten.`,
            `Not yet decided: ${openReason(phrasing)}, and only then is it decided whether the breach is notified to the supervisory authority.`,
          ),
        ]
      : [
          say(
            phrasing,
            'Ingen tillsynsmyndighet: incidenten dokumenteras internt.',
            'No supervisory authority: the breach is documented internally.',
          ),
        ];
  return [say(phrasing, 'Tillsynsmyndigheten.', 'The supervisory authority.')];
}

/** Which authority, why, and the law in force on the day of the breach. */
export function authorityParagraphs(phrasing: Phrasing, report: IncidentReport): string[] {
  const findings = report.authorities ?? [];
  if (findings.length === 0)
    return [say(phrasing, 'Ingen myndighet har fastställts.', 'No authority has been determined.')];
  const unconfirmed = report.incident.occurredAtUnconfirmed === true;
  // An unconfirmed Date header does not choose the law (see `occurredAtUnconfirmed`): the day of
  // detection does, and the report says so rather than cite a law on a date it cannot trust.
  const day = formatDate(phrasing, unconfirmed ? report.incident.detectedAt : report.incident.occurredAt);
  const provider = report.provider.name;
  const notified = new Set(notifiedFindings(report).map((finding) => finding.regime));
  const cite = (finding: AuthorityFinding) =>
    finding.law.citations
      .map((source) => citation(phrasing, source, { capitalise: false }))
      .join(say(phrasing, ' och ', ' and '));
  const caveat = unconfirmed
    ? [
        say(
          phrasing,
          `Meddelandets datum (${formatDate(phrasing, report.incident.occurredAt)}) är före den dag dataskyddsförordningen började tillämpas men incidenten upptäcktes efter, och datumet är inte bekräftat: lagen bedöms som den gällde när incidenten upptäcktes (${day}) tills en person har bekräftat när meddelandet skickades.`,
          `The message's date (${formatDate(phrasing, report.incident.occurredAt)}) is before the GDPR began to apply but the breach was detected after, and the date is not confirmed: the law is read as in force when the breach was detected (${day}) until a person confirms when the message was sent.`,
        ),
      ]
    : [];
  const stated = findings.flatMap((finding) => {
    const name =
      authorityName(phrasing, finding) ??
      say(
        phrasing,
        `Tabellen har ingen myndighet för ${finding.country} (ange den med alternativet authorities)`,
        `The table has no authority for ${finding.country} (give it with the authorities option)`,
      );
    const term = finding.authority?.incidentTerm;
    let why: string;
    if (finding.regime === 'eprivacy') {
      why = finding.law.notificationDuty
        ? say(
            phrasing,
            `${provider} tillhandahåller allmänt tillgängliga elektroniska kommunikationstjänster, och incidenten gäller uppgifter som behandlas i den verksamheten. En ${term ?? 'personuppgiftsincident'} anmäls enligt ${cite(finding)}, i den lydelse som gällde när incidenten inträffade (${day}).`,
            `${provider} provides publicly available electronic communications services, and the breach concerns data processed in providing them. A personal data breach is notified under ${cite(finding)}, in force when the breach happened (${day}).`,
          )
        : say(
            phrasing,
            // After the authority's name and a colon: a common word in lower case (see `afterColon`).
            `lagen som gällde när incidenten inträffade (${day}), ${cite(finding)}, hade ingen skyldighet att anmäla incidenten.`,
            `The law in force when the breach happened (${day}), ${cite(finding)}, had no duty to notify it.`,
          );
    } else {
      const from =
        finding.law.until === undefined ? undefined : formatDate(phrasing, `${finding.law.until}T12:00:00Z`);
      why = finding.law.notificationDuty
        ? say(
            phrasing,
            `${provider} är personuppgiftsansvarig för uppgifterna. En personuppgiftsincident anmäls enligt ${cite(finding)}, om det inte är osannolikt att den medför en risk för fysiska personers rättigheter och friheter.`,
            `${provider} is the controller of the data. A personal data breach is notified under ${cite(finding)}, unless it is unlikely to result in a risk to the rights and freedoms of natural persons.`,
          )
        : say(
            phrasing,
            `dataskyddsförordningen tillämpas först från den ${from ?? '25 maj 2018'}, efter incidenten (${day}). ${
              finding.law.citations.length === 0
                ? 'Ingen lag om skydd för personuppgifter gällde då, och ingen skyldighet att anmäla personuppgiftsincidenter.'
                : `${capitalise(cite(finding))}, som gällde då, hade ingen allmän skyldighet att anmäla personuppgiftsincidenter.`
            }`,
            `The GDPR applies only from ${from ?? '25 May 2018'}, after the breach (${day}). ${
              finding.law.citations.length === 0
                ? 'No data protection law was in force then, and no duty to notify personal data breaches.'
                : `${capitalise(cite(finding))}, in force then, had no general duty to notify personal data breaches.`
            }`,
          );
    }
    // The report states that the authority was notified only where the facts record the filing
    // (`initialNotificationAt`); before that it says by when it is to be notified (Regulation
    // 611/2013 Art. 2(2): 24 hours; GDPR Art. 33(1): 72 hours), never a filing that has not happened.
    const record = filingRecord(report, finding);
    const filed = record.state === 'filed' ? record.at : undefined;
    const deadline = authorityDeadlineEntry(report, finding);
    const outcome = !notified.has(finding.regime)
      ? conclusionsOpen(report) && finding.law.notificationDuty
        ? say(
            phrasing,
            `Anmäls: inte avgjort ännu (${openReason(phrasing)}).`,
            `Notified: not yet decided (${openReason(phrasing)}).`,
          )
        : say(phrasing, 'Anmäls: nej.', 'Notified: no.')
      : filed !== undefined
        ? `${say(phrasing, 'Anmäld: ja', 'Notified: yes')}, ${reportDateTime(phrasing, filed)}${
            record.state === 'filed' && record.reference !== undefined
              ? ` (${filingReference(phrasing, record.reference)})`
              : ''
          }.${lateFiling(phrasing, report, finding, filed, deadline)}`
        : // A report stored with one filing date for several authorities: the date is not put under
          // this one as if it were its filing, nor is the filing denied (GDPR Art. 33(5)).
          record.state === 'unattributed'
          ? say(
              phrasing,
              `Anmäld: okänt. En första anmälan ${reportDateTime(phrasing, record.at)} är registrerad en gång för flera myndigheter, och vilken den gäller är inte registrerat (ange varje anmälan för sig i notifications).`,
              `Notified: not known. A first notification on ${reportDateTime(phrasing, record.at)} is recorded once for several authorities, and which one it applies to is not recorded (give each filing in notifications).`,
            )
          : deadline?.due !== undefined
            ? say(
                phrasing,
                `Ska anmälas senast ${reportDateTime(phrasing, deadline.due)}.`,
                `To be notified by ${reportDateTime(phrasing, deadline.due)}.`,
              ) +
              // Written after the deadline, the notification is late, and GDPR Art. 33(1) (as Regulation
              // 611/2013 Art. 2(2)) has it "accompanied by reasons for the delay": said, and asked for.
              (Date.parse(report.createdAt) > Date.parse(deadline.due)
                ? ` ${say(phrasing, 'Tidsfristen har passerat: anmälan är försenad och', 'The deadline has passed: the notification is late and is')} ${delayReasons(phrasing, report, finding, deadline.article)}`
                : '')
            : say(phrasing, 'Ska anmälas.', 'To be notified.');
    const register =
      finding.law.register === undefined
        ? []
        : finding.regime === 'eprivacy'
          ? [
              say(
                phrasing,
                `Incidenten förs in i leverantörens förteckning över integritetsincidenter (${citation(phrasing, finding.law.register, { capitalise: false })}).`,
                `The breach is entered in the provider’s own register of breaches (${finding.law.register}).`,
              ),
            ]
          : [];
    return [`${name}: ${why} ${outcome}`, ...register];
  });
  return [...caveat, ...stated];
}

/**
 * The authorities the breach is notified to whose deadline had passed when the report was written,
 * with no filing recorded: the notification is late, and GDPR Art. 33(1) (as Regulation 611/2013
 * Art. 2(2)) has it accompanied by the reasons for the delay (`delayReasons`, given or not). The
 * report says it under each authority; `email-guard incident` says it too, where the user looks.
 *
 * @example
 * ```ts
 * passedDeadlines(report).map(({ deadline }) => deadline.article); // ['Regulation 611/2013 Art. 2(2)']
 * ```
 */
export function passedDeadlines(report: IncidentReport): {
  readonly finding: AuthorityFinding;
  readonly article: string;
  readonly due: string;
  readonly reasonsGiven: boolean;
}[] {
  return notifiedFindings(report).flatMap((finding) => {
    const deadline = authorityDeadlineEntry(report, finding);
    if (deadline?.due === undefined || filingRecord(report, finding).state !== 'none') return [];
    if (Date.parse(report.createdAt) <= Date.parse(deadline.due)) return [];
    return [
      {
        finding,
        article: deadline.article,
        due: deadline.due,
        reasonsGiven: report.facts.delayReasons !== undefined,
      },
    ];
  });
}

/**
 * What GDPR Art. 33(1) (as Regulation 611/2013 Art. 2(2)) asks of a late notification, "accompanied
 * by reasons for the delay", and the reasons as recorded: the end of a sentence that says it is late.
 */
function delayReasons(
  phrasing: Phrasing,
  report: IncidentReport,
  finding: AuthorityFinding,
  article: string,
): string {
  return say(
    phrasing,
    `ska åtföljas av skälen till förseningen (${finding.regime === 'eprivacy' ? 'förordning (EU) nr 611/2013 art. 2.2' : article.startsWith('UK') ? 'UK GDPR art. 33.1' : 'dataskyddsförordningen art. 33.1'}). Skäl till förseningen: ${report.facts.delayReasons ?? 'inte registrerade'}`,
    `to be accompanied by reasons for the delay (${finding.regime === 'eprivacy' ? 'Regulation 611/2013 Art. 2(2)' : article}). Reasons for the delay: ${report.facts.delayReasons ?? 'not recorded'}`,
  ).replace(/([^.!?])$/, '$1.');
}

/** A filing made after its deadline, said with by how long and the reasons for the delay; nothing for one in time. */
function lateFiling(
  phrasing: Phrasing,
  report: IncidentReport,
  finding: AuthorityFinding,
  filed: string,
  deadline: { readonly due?: string | undefined; readonly article: string } | undefined,
): string {
  const late = deadline?.due === undefined ? undefined : lateBy(phrasing, filed, deadline.due);
  if (late === undefined || deadline?.due === undefined) return '';
  return ` ${say(
    phrasing,
    `Anmälan gjordes ${late} efter tidsfristen (${reportDateTime(phrasing, deadline.due)}) och`,
    `The notification was made ${late} after the deadline (${reportDateTime(phrasing, deadline.due)}) and is`,
  )} ${delayReasons(phrasing, report, finding, deadline.article)}`;
}

function capitalise(text: string): string {
  return text.replace(/^\p{Ll}/u, (first) => first.toUpperCase());
}

function yesNo(phrasing: Phrasing, value: boolean): string {
  return value ? say(phrasing, 'ja', 'yes') : say(phrasing, 'nej', 'no');
}

/** The computed conclusion, the officer's judgment beside it, and the conclusion that holds. */
export function decisionParagraphs(
  phrasing: Phrasing,
  report: IncidentReport,
  final: FinalAssessment,
): string[] {
  const { computed, decision } = final;
  const s = (swedish: string, english: string) => say(phrasing, swedish, english);
  const judgment = report.judgment;
  // A controller under the GDPR alone "informs the data subjects" (dataskyddsförordningen art. 34);
  // "underrätta de berörda" is the wording of the telecom rules (Regulation 611/2013 Art. 3).
  const controller = !report.regimes.includes('eprivacy');
  const sv = (telecom: string, gdpr: string) => (controller ? gdpr : telecom);
  const them = theConcerned(report.affected.dataSubjects);
  // At a risk judged unlikely no law asks for a notice (GDPR Art. 34(1): a high risk; Regulation
  // 611/2013 Art. 3(1): likely to adversely affect): telling the people is the controller's choice, a
  // recommendation kept apart from the duty, never stated as one.
  const voluntary = decision.notifyDataSubjects && decision.risk === 'unlikely';
  // Without a judgment the computed conclusion is the one that holds, said once below.
  const lines =
    judgment === undefined
      ? []
      : [
          `${s('Beräknad bedömning', 'Computed assessment')}: ${riskLabel(phrasing, computed.risk, report.affected.dataSubjects)}. ${s(
            `Anmälan till tillsynsmyndigheten: ${yesNo(phrasing, computed.notifyAuthority)}. ${sv(`Underrättelse till ${them.berorda}`, `Information till ${them.registrerade}`)}: ${yesNo(phrasing, computed.notifyDataSubjects)}.`,
            `Notify the authority: ${yesNo(phrasing, computed.notifyAuthority)}. Tell ${them.people}: ${yesNo(phrasing, computed.notifyDataSubjects)}.`,
          )}`,
        ];
  if (judgment !== undefined) {
    const parts = [
      ...(judgment.risk === undefined
        ? []
        : [riskLabel(phrasing, judgment.risk, report.affected.dataSubjects)]),
      ...(judgment.notifyAuthority === undefined
        ? []
        : [
            judgment.notifyAuthority
              ? s(
                  'incidenten ska anmälas till tillsynsmyndigheten',
                  'the breach is to be notified to the authority',
                )
              : s(
                  'incidenten ska inte anmälas till tillsynsmyndigheten',
                  'the breach is not to be notified to the authority',
                ),
          ]),
      ...(judgment.notifyDataSubjects === undefined
        ? []
        : [
            judgment.notifyDataSubjects
              ? voluntary
                ? s(
                    sv(
                      `${them.berorda} underrättas frivilligt`,
                      `${them.registrerade} informeras frivilligt`,
                    ),
                    `${them.subjects} ${them.is} told voluntarily`,
                  )
                : s(
                    sv(`${them.berorda} ska underrättas`, `${them.registrerade} ska informeras`),
                    `${them.people} ${them.is} to be told`,
                  )
              : s(
                  sv(`${them.berorda} ska inte underrättas`, `${them.registrerade} ska inte informeras`),
                  `${them.people} ${them.is} not to be told`,
                ),
          ]),
    ];
    const when = judgment.at === undefined ? '' : ` (${reportDateTime(phrasing, judgment.at)})`;
    lines.push(
      `${s('Den ansvarigas bedömning', 'The responsible person’s judgment')}, ${judgment.by}${when}: ${parts.join('; ')}. ${s('Motivering', 'Reason')}: ${judgment.reason}`,
    );
  }
  const nameOf = (finding: AuthorityFinding) =>
    authorityShortName(finding, phrasing.locale) ?? authorityName(phrasing, finding);
  const to =
    authoritiesPhrase(phrasing, report, notifiedFindings(report), nameOf, false) ??
    s('tillsynsmyndigheten', 'the supervisory authority');
  const filings = filingsPhrase(phrasing, report, notifiedFindings(report), nameOf, s('', 'on '));
  const stillToFile = authoritiesPhrase(phrasing, report, filings.unfiled, nameOf, true);
  const toByDeadline = authoritiesPhrase(phrasing, report, notifiedFindings(report), nameOf, true);
  const due = authorityDue(report);
  // Notified only once the filing is recorded; until then, to be notified, by the deadline when known.
  // With nothing read, only the conclusions the rules reach without the data are stated (a provider's
  // duty to notify every breach, Regulation 611/2013 Art. 2(1)); the others stay open.
  const open = conclusionsOpen(report);
  const authority = !decision.notifyAuthority
    ? open
      ? s(
          'om incidenten ska anmälas till en tillsynsmyndighet är inte avgjort ännu',
          'whether the breach is notified to a supervisory authority is not yet decided',
        )
      : s(
          'Incidenten anmäls inte till någon tillsynsmyndighet',
          'The breach is not notified to any authority',
        )
    : filings.filed !== undefined
      ? s(
          `Incidenten anmäldes till ${filings.filed}${
            stillToFile === undefined
              ? ''
              : deadlinesPassed(report, filings.unfiled)
                ? `; den skulle ha anmälts till ${stillToFile}; anmäl utan dröjsmål och ange skälen till förseningen`
                : `; den ska anmälas till ${stillToFile}`
          }`,
          `The breach was notified to ${filings.filed}${
            stillToFile === undefined
              ? ''
              : deadlinesPassed(report, filings.unfiled)
                ? `; it should have been notified to ${stillToFile}; notify it without delay and give the reasons for the delay`
                : `; it is to be notified to ${stillToFile}`
          }`,
        )
      : toByDeadline !== undefined && due !== undefined
        ? deadlinesPassed(report, notifiedFindings(report))
          ? s(
              `Incidenten skulle ha anmälts till ${toByDeadline}; anmäl utan dröjsmål och ange skälen till förseningen`,
              `The breach should have been notified to ${toByDeadline}; notify it without delay and give the reasons for the delay`,
            )
          : s(
              `Incidenten ska anmälas till ${toByDeadline}`,
              `The breach is to be notified to ${toByDeadline}`,
            )
        : due !== undefined
          ? s(
              `Incidenten ska anmälas till ${to} senast ${reportDateTime(phrasing, due)}`,
              `The breach is to be notified to ${to} by ${reportDateTime(phrasing, due)}`,
            )
          : s(`Incidenten ska anmälas till ${to}`, `The breach is to be notified to ${to}`);
  const authorityStated =
    filings.unattributed === undefined || !decision.notifyAuthority
      ? authority
      : `${authority}; ${filings.unattributed}`;
  const courtesy = courtesyNotice(report, final);
  const subjects = decision.notifyDataSubjects
    ? // A duty is stated as done only once a notice or a call is recorded; until then it is a duty.
      customerTold(report)
      ? s(
          sv(`${them.berorda} har underrättats`, `${them.registrerade} har informerats`),
          `${them.people} ${them.has} been told`,
        )
      : voluntary
        ? s(
            sv(
              `underrättelse krävs inte vid denna risk, men leverantören har valt att underrätta ${them.berorda}`,
              `information krävs inte vid denna risk, men den personuppgiftsansvariga har valt att informera ${them.registrerade}`,
            ),
            controller
              ? `no notice is required at this risk, but the controller has chosen to tell ${them.subjects}`
              : `no notice is required at this risk, but the provider has chosen to tell ${them.people}`,
          )
        : s(
            sv(`${them.berorda} ska underrättas`, `${them.registrerade} ska informeras`),
            `${them.people} must be told`,
          )
    : courtesy === 'done'
      ? s(
          sv(
            'underrättelse krävs inte, men kunden har informerats som en service',
            'information krävs inte, men den registrerade har informerats som en service',
          ),
          'no notice is required, but the customer was told as a courtesy',
        )
      : open
        ? s(
            sv(
              `om ${them.berorda} ska underrättas är inte avgjort ännu`,
              `om ${them.registrerade} ska informeras är inte avgjort ännu`,
            ),
            `whether ${them.people} ${them.is} told is not yet decided`,
          )
        : courtesy === 'recommended'
          ? s(
              sv(
                'underrättelse krävs inte, men det rekommenderas att informera kunden som en service',
                'information krävs inte, men det rekommenderas att informera de registrerade som en service',
              ),
              'no notice is required, but telling the customer as a courtesy is recommended',
            )
          : (publicCommunicationWords(phrasing, report, 'conclusion') ??
            s(
              sv(`${them.berorda} underrättas inte`, `${them.registrerade} informeras inte`),
              `${them.people} ${them.is} not told`,
            ));
  if (open) {
    lines.push(
      `${s('Inte avgjort ännu', 'Not yet decided')}: ${openReason(phrasing)}. ${s('Risken är inte bedömd', 'The risk is not assessed')}; ${decision.notifyAuthority ? authorityStated.replace(/^\p{Lu}/u, (first) => first.toLowerCase()) : authorityStated}${s(', och ', ', and ')}${subjects}.`,
    );
  } else
    lines.push(
      // Under the heading "Slutsats" the computed conclusion needs no label of its own; a judged one says so.
      `${decision.judged.length > 0 ? `${s('Slutsats enligt den ansvarigas bedömning', 'Conclusion as judged by the responsible person')}: ${riskLabel(phrasing, decision.risk, report.affected.dataSubjects)}` : capitalise(riskLabel(phrasing, decision.risk, report.affected.dataSubjects))}. ${authorityStated}${s(', och ', ', and ')}${subjects}.`,
    );
  // Until a person has classified the remaining order lines, a conclusion not to notify is not final
  // (GDPR Art. 9(1), 33(5)); the signer must see that beside the conclusion, not only among the reasons.
  // With the conclusions open, there is no conclusion to call provisional, and the unread content is
  // already named as the reason: only the other items still to review are added, as also to review.
  const reviewed = (report.facts.needsReview ?? []).filter((item) => !open || !isUnreadContentItem(item));
  const pending = reviewed.map((item) => reviewItemText(item, phrasing.locale));
  // Order lines, unless an attachment nobody could read, or an item of another kind (a date to
  // confirm), is among them; a caller's own words are taken as the lines they name.
  const orderLines =
    (report.data.unreadAttachments ?? []).length === 0 &&
    reviewed.every((item) => typeof item === 'string' || item.code === 'order-line');
  const items = s(
    pending.length === 1
      ? `en ${orderLines ? 'orderrad' : 'uppgift'}`
      : `${pending.length} ${orderLines ? 'orderrader' : 'uppgifter'}`,
    pending.length === 1
      ? `one ${orderLines ? 'order line' : 'item'}`
      : `${pending.length} ${orderLines ? 'order lines' : 'items'}`,
  );
  const were = pending.length === 1 ? 'was' : 'were';
  if (report.assessment.needsReview && decision.judged.length === 0 && pending.length > 0)
    lines.push(
      open
        ? s(
            `Dessutom har ${items} inte klassats (${pending.join('; ')}) och ska granskas samtidigt.`,
            `Besides, ${items} ${were} not classified (${pending.join('; ')}) and must be reviewed as well.`,
          )
        : s(
            `Slutsatsen är preliminär: ${items} har inte klassats (${pending.join('; ')}) och måste granskas innan incidenten kan bedömas slutligt.`,
            `This conclusion is provisional: ${items} ${were} not classified (${pending.join('; ')}) and must be reviewed before the breach can be finally assessed.`,
          ),
    );
  const eprivacyName =
    notifiedFindings(report)
      .filter((finding) => finding.regime === 'eprivacy')
      .map(nameOf)[0] ?? s('tillsynsmyndigheten', 'the authority');
  for (const warning of decision.warnings) {
    if (warning.code === 'eprivacy-always-notified')
      lines.push(
        s(
          `Den ansvarigas bedömning att incidenten inte ska anmälas gäller bara anmälan enligt dataskyddsförordningen: en leverantör av allmänt tillgängliga elektroniska kommunikationstjänster ska anmäla varje integritetsincident till ${eprivacyName}, oavsett risk (${citation(phrasing, warning.source, { capitalise: false })}), och den anmälan står kvar.`,
          `The responsible person’s judgment that the breach is not notified applies to the GDPR notification only: a provider of publicly available electronic communications services notifies every personal data breach to ${eprivacyName}, whatever the risk (${warning.source}), so that notification stands.`,
        ),
      );
  }
  return lines;
}

const STEP_TEXTS: Readonly<Record<TimelineStep['kind'], readonly [string, string]>> = {
  occurred: ['Incidenten inträffade.', 'The breach happened.'],
  detected: ['Incidenten upptäcktes.', 'The breach was detected.'],
  contained: ['Incidenten begränsades.', 'The breach was contained.'],
  judged: ['Den ansvariga bedömde incidenten.', 'The responsible person judged the breach.'],
  'authority-notified': ['Första anmälan till tillsynsmyndigheten.', 'First notification to the authority.'],
  'data-subjects-notified': ['De berörda underrättades.', 'The people concerned were told.'],
  'customer-called': ['Kunden ringdes upp.', 'The customer was called.'],
  other: ['Händelse.', 'Event.'],
};

/**
 * When the timeline says the breach was contained, the measures say so too: GDPR Art. 33(3)(d) asks
 * for the measures taken to address the breach, and Regulation 611/2013 Annex I section 2 for the
 * measures applied, so the moment the exposure ended is stated where the authority reads them, in
 * the caller's words, not only as a line of the chronology.
 */
export function containedParagraphs(phrasing: Phrasing, report: IncidentReport): string[] {
  return (report.timeline ?? [])
    .filter((entry) => entry.kind === 'contained')
    .map((entry) => {
      const who = entry.who === undefined ? '' : ` (${entry.who})`;
      const what = `${entry.what}${who}`.replace(/([^.!?])$/, '$1.');
      return say(
        phrasing,
        `Incidenten begränsades ${reportDateTime(phrasing, entry.at)}: ${what}`,
        `The breach was contained on ${reportDateTime(phrasing, entry.at)}: ${what}`,
      );
    });
}

/** The timeline, one line a step, in order. */
export function timelineList(phrasing: Phrasing, report: IncidentReport): string[] {
  const names = notifiedFindings(report)
    .map((finding) => authorityShortName(finding, phrasing.locale))
    .filter((name): name is string => name !== undefined);
  return buildTimeline(report).map((step) => {
    const [swedish, english] = STEP_TEXTS[step.kind];
    let what = step.what ?? say(phrasing, swedish, english);
    if (step.what === undefined && step.kind === 'occurred' && report.incident.misdirected)
      what = say(
        phrasing,
        'Meddelandet skickades till fel adress.',
        'The message was sent to the wrong address.',
      );
    // A call to whoever picked up is not a call to the customer (EDPB Guidelines 9/2022 §18): the
    // timeline says the number was called and that who answered was not checked.
    if (
      step.what === undefined &&
      step.kind === 'customer-called' &&
      report.customerCall?.identityChecked === false
    )
      what = say(
        phrasing,
        'Kundens nummer ringdes upp; vem som svarade kontrollerades inte.',
        'A call was made to the customer’s number; who answered was not checked.',
      );
    // Left out, the check is not known to have been made: the timeline does not say the customer was reached.
    if (
      step.what === undefined &&
      step.kind === 'customer-called' &&
      report.customerCall !== undefined &&
      report.customerCall.identityChecked === undefined
    )
      what = say(
        phrasing,
        'Kundens nummer ringdes upp; om vem som svarade kontrollerades har inte registrerats.',
        'A call was made to the customer’s number; whether who answered was checked is not recorded.',
      );
    const to =
      step.regime === undefined
        ? names
        : notifiedFindings(report)
            .filter((finding) => finding.regime === step.regime)
            .map((finding) => authorityShortName(finding, phrasing.locale) ?? finding.regime);
    if (step.what === undefined && step.kind === 'authority-notified' && to.length > 0)
      what = say(
        phrasing,
        `Första anmälan till ${to.join(' och ')}.`,
        `First notification to ${to.join(' and ')}.`,
      );
    return `${reportDateTime(phrasing, step.at)} – ${what}${step.who === undefined ? '' : ` (${step.who})`}`;
  });
}

/**
 * The measures as the report and the register state them: once the customer is told (a call with
 * the identity checked, or the notice; see {@link customerTold}), an `inform-customer` still planned or proposed (without its own text) has
 * happened, and is stated as done, so the report and the register line count the same measures.
 * Telling the customer is a measure taken whether or not it was among the measures proposed (a text
 * message's usual measures do not include it): where none names it, it is added as done, or a report
 * of a customer called and told would say that no measure was taken (GDPR Art. 33(3)(d), Regulation
 * 611/2013 Annex I section 2: the measures taken).
 */
export function measuresAsRecorded(report: IncidentReport): IncidentReport['measures'] {
  const told = customerTold(report);
  const named = report.measures.some((measure) => measure.id === 'inform-customer');
  const asRecorded = report.measures.map((measure) =>
    told &&
    measure.id === 'inform-customer' &&
    (measure.status === 'planned' || measure.status === 'proposed') &&
    !hasOwnText(measure)
      ? { ...measure, status: 'done' as const }
      : measure,
  );
  return told && !named ? [...asRecorded, { id: 'inform-customer', status: 'done' as const }] : asRecorded;
}

/**
 * A notice the law requires, in `locale`, with no measure taken or proposed to describe in it (a
 * rejected one not counted): GDPR Art. 34(2), referring to Art. 33(3)(d), asks the notice to describe
 * them, so it would go out incomplete. A measure the notice does not say (one of the caller's own not
 * marked `forCustomer`, or worded only in the other language) does not count. Telling the customer still to be done is the notice itself, not a measure
 * it describes; done (as {@link measuresAsRecorded} states it), it is a measure taken, and the report
 * that lists it does not also say that none is recorded.
 */
export function noticeLacksMeasures(report: IncidentReport, locale: ReportLocale): boolean {
  return (
    report.subscriberNotice.required &&
    !measuresAsRecorded(report).some(
      (measure) =>
        measure.status !== 'rejected' &&
        (inCustomerNoticeIn({ locale }, report, measure) ||
          (measure.id === 'inform-customer' && measure.status === 'done')),
    )
  );
}

/** The call to the customer: when, by whom, whether the right person answered. */
export function customerCallParagraphs(phrasing: Phrasing, report: IncidentReport): string[] {
  const call = report.customerCall;
  if (call === undefined) return [];
  const by = call.by === undefined ? '' : ` (${call.by})`;
  const checked =
    call.identityChecked === true
      ? say(
          phrasing,
          ' Innan något berättades kontrollerades att det var kunden som svarade.',
          ' Before anything was said, the caller checked that the customer had answered.',
        )
      : call.identityChecked === false
        ? // The call repeats what the stranger saw: told to whoever answered, it may be a second
          // disclosure of the same data (EDPB Guidelines 9/2022 §18: a breach is any unauthorised disclosure).
          say(
            phrasing,
            ' Identiteten hos den som svarade kontrollerades inte: om någon annan än kunden svarade har uppgifterna röjts en andra gång.',
            ' The identity of the person who answered was not checked: if someone other than the customer answered, the details were disclosed a second time.',
          )
        : '';
  return [
    `${say(phrasing, 'Samtal med kunden', 'Call to the customer')} ${reportDateTime(phrasing, call.at)}${by}.${checked}${
      call.answers.length > 0 ? say(phrasing, ' Kundens svar:', ' The customer’s answers:') : ''
    }`,
  ];
}

/** The customer's answers, question and answer a line. */
export function customerCallList(report: IncidentReport): string[] {
  return (report.customerCall?.answers ?? []).map((entry) => `${entry.question} – ${entry.answer}`);
}

/** For a follow-up: when the first report was written, and that what changed follows. */
export function followUpParagraphs(phrasing: Phrasing, report: IncidentReport): string[] {
  const followUp = report.followUp;
  if (followUp === undefined) return [];
  const first = reportDateTime(phrasing, followUp.firstCreatedAt);
  return [
    followUp.changes.length > 0
      ? say(
          phrasing,
          `Kompletterar den första anmälan, upprättad ${first}. Ändrat sedan dess:`,
          `Completes the first notification, written ${first}. Changed since:`,
        )
      : say(
          phrasing,
          `Kompletterar den första anmälan, upprättad ${first}, utan ändringar i sak.`,
          `Completes the first notification, written ${first}, with no change of substance.`,
        ),
  ];
}

/** What changed since the first report, one change a line. */
export function followUpList(phrasing: Phrasing, report: IncidentReport): string[] {
  const value = (text: string | undefined) => {
    if (text === undefined) return '–';
    const known = changeValueTexts[text];
    if (known) return say(phrasing, known[0], known[1]);
    return /^\d{4}-\d{2}-\d{2}T/.test(text) ? reportDateTime(phrasing, text) : text;
  };
  // A list or an object kept as it is in the report is worded here, in the rendering's language: a
  // review item in its words, a list item by item, a filing as its authority, time and reference.
  const worded = (kept: unknown, text: string | undefined): string => {
    if (kept === undefined || kept === null) return value(text);
    if (Array.isArray(kept))
      return kept.length === 0 ? '–' : kept.map((item) => worded(item, undefined)).join(', ');
    if (typeof kept !== 'object') return value(String(kept));
    const review = ReviewItemSchema.safeParse(kept);
    if (review.success) return reviewItemText(review.data, phrasing.locale);
    const { authority, at, reference } = kept as { authority?: unknown; at?: unknown; reference?: unknown };
    if (typeof authority === 'string')
      return [
        authority,
        typeof at === 'string' ? value(at) : undefined,
        reference && `(${String(reference)})`,
      ]
        .filter(Boolean)
        .join(' ');
    return value(text);
  };
  return (report.followUp?.changes ?? []).map(
    (change) =>
      `${changeLabel(phrasing, report, change.field)}: ${worded(change.values?.before, change.before)} → ${worded(change.values?.after, change.after)}`,
  );
}

/**
 * The words for a field the follow-up's change list names: the authority reads "Mottagaren har
 * bekräftat att uppgifterna raderats", never `recipientConfirmedDeletion` (Regulation 611/2013
 * Art. 2(3) and GDPR Art. 33(4): the follow-up completes a notification written for people).
 */
export function changeLabel(phrasing: Phrasing, report: IncidentReport, field: string): string {
  const known = reportFieldLabels[field];
  if (known) return say(phrasing, known[0], known[1]);
  const fact = /^facts\.(.+)$/.exec(field)?.[1];
  const factWords = fact === undefined ? undefined : factLabels[fact];
  if (factWords) return say(phrasing, factWords[0], factWords[1]);
  const measure = /^measures\.(.+?)(\.text|\.texts\.(sv|en))?$/.exec(field);
  if (measure?.[1] !== undefined) {
    const id = measure[1];
    const usual = (measureNames as Readonly<Record<string, readonly [string, string]>>)[id];
    // A measure of the caller's own is named by its own wording, as the report lists it.
    const entry = report.measures.find((measure) => measure.id === id);
    const own = entry === undefined ? undefined : ownMeasureText(entry, phrasing.locale)?.text;
    const name = usual ? say(phrasing, usual[0], usual[1]) : (own ?? `"${id}"`);
    const language = measure[3] === undefined ? undefined : wordingLanguageNames[measure[3] as ReportLocale];
    const wording =
      measure[2] === undefined
        ? ''
        : language === undefined
          ? say(phrasing, ', formulering', ', wording')
          : say(phrasing, `, formulering (${language[0]})`, `, wording (${language[1]})`);
    return `${say(phrasing, 'Åtgärd', 'Measure')} (${name})${wording}`;
  }
  return field;
}

/** The signature block: place and date, signature, the name in print, the organisation. */
export function signatureParagraphs(phrasing: Phrasing, report: IncidentReport): string[] {
  const contact = report.contact;
  const name = contact.role ? `${contact.name}, ${contact.role}` : contact.name;
  return [
    `${say(phrasing, 'Ort och datum', 'Place and date')}: ${'.'.repeat(40)}`,
    `${say(phrasing, 'Namnteckning', 'Signature')}: ${'.'.repeat(40)}`,
    `${say(phrasing, 'Namnförtydligande', 'Name in print')}: ${name}`,
    report.provider.name,
  ];
}
