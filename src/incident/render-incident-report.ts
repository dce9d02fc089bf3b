import { z } from 'zod';
import { parseInput } from '../internal/parse-input.js';
import { afterColon } from './after-colon.js';
import { type BreachAssessment, formatSeverity } from './assess-breach.js';
import { authorityName } from './authority-name.js';
import { controllerHeadings } from './data/controller-headings.js';
import { countryTimeZone } from './data/country-time-zones.js';
import { peopleWords } from './data/people-categories.js';
import {
  confirmedDeletionMeasureId,
  confirmedDeletionText,
  loginCheckMeasureTexts,
  reportHeadings,
} from './data/report-texts.js';
import {
  consequenceLines,
  credentialWording,
  describeData,
  describeIncident,
  formatDate,
  inCustomerNotice,
  inCustomerNoticeIn,
  isUsualMeasure,
  listCategories,
  measureText,
  type Phrasing,
  say,
} from './describe-incident.js';
import {
  describeAlike,
  describeConclusions,
  describeDiffersOn,
  describeDocument,
  describeRegimes,
  describeSource,
} from './find-precedents.js';
import { type IncidentReport, IncidentReportSchema } from './incident-report.js';
import { loginExposure } from './login-exposure.js';
import { hasOwnText, ownMeasureText } from './measure-own-text.js';
import { LocaleSchema, TimeZoneSchema } from './option-schemas.js';
import { publicCommunicationLines } from './public-communication.js';
import { toHtmlDocument } from './render-html.js';
import { type PdfFonts, toPdf } from './render-pdf.js';
import {
  addresseeParagraphs,
  authorityParagraphs,
  citation,
  conclusionsOpen,
  containedParagraphs,
  courtesyNotice,
  customerCallList,
  customerCallParagraphs,
  customerTold,
  decisionParagraphs,
  type FinalAssessment,
  finalAssessment,
  followUpList,
  followUpParagraphs,
  measuresAsRecorded,
  noticeLacksMeasures,
  openReason,
  openRiskSentence,
  reassess,
  reportDateTime,
  riskConcerned,
  riskLabel,
  signatureParagraphs,
  theConcerned,
  timelineList,
} from './report-conclusions.js';

/** Options of {@link renderIncidentReport}. */
export interface RenderIncidentReportOptions {
  /**
   * Language: Swedish uses the headings of the Swedish regulator's breach form.
   * @default 'en'
   */
  readonly locale?: 'sv' | 'en';
  /**
   * Plain text (for a form field or a letter), Markdown, a complete HTML document with everything
   * escaped (addressee, date, signature block, print stylesheet), or the PDF bytes (a promise).
   * @default 'text'
   */
  readonly format?: 'text' | 'markdown' | 'html' | 'pdf';
  /**
   * For `pdf`: TrueType fonts to embed instead of DejaVu Sans (which has every Latin letter).
   * @default DejaVu Sans and DejaVu Sans Bold from the dejavu-fonts-ttf package
   */
  readonly fonts?: PdfFonts;
  /**
   * IANA time zone the dates and times are written in (named in every time shown).
   * @default the zone of the organisation's country (Europe/London for GB), else 'Europe/Stockholm'
   */
  readonly timeZone?: string;
  /**
   * Headings to use instead of the built-in ones (a regulator whose form words them differently).
   * @default reportHeadings[locale]
   */
  readonly headings?: Partial<Record<keyof (typeof reportHeadings)['sv'], string>>;
}

const RenderIncidentReportOptionsSchema = z.object({
  locale: LocaleSchema.optional(),
  format: z.enum(['text', 'markdown', 'html', 'pdf']).optional(),
  fonts: z.object({ regular: z.instanceof(Uint8Array), bold: z.instanceof(Uint8Array) }).optional(),
  timeZone: TimeZoneSchema.optional(),
  headings: z
    .partialRecord(
      z.enum(Object.keys(reportHeadings.sv) as [keyof (typeof reportHeadings)['sv']]),
      z.string(),
    )
    .optional(),
});

/** One section of a rendered report: a heading, paragraphs and a list. */
export interface Section {
  /** Which section it is, for a format that lays some out apart (the addressee, the signature). */
  readonly key?: string;
  readonly heading: string;
  readonly paragraphs: readonly string[];
  readonly list?: readonly string[];
}

/**
 * Writes an {@link IncidentReport} for the regulator, in Swedish or English, as text, Markdown or
 * HTML. The sections follow Regulation 611/2013 Annex I in the order of the Swedish regulator's form.
 * Throws {@link InvalidInputError} naming every missing field when the report is incomplete, and
 * naming the option when an option is not one it knows (a locale, a format, a time zone).
 *
 * @example
 * ```ts
 * const text = renderIncidentReport(report, { locale: 'sv', format: 'text' });
 * text.includes('Beskrivning av incidenten'); // true
 * const pdf = await renderIncidentReport(report, { format: 'pdf' }); // Uint8Array, starts with %PDF-
 * ```
 */
export function renderIncidentReport(
  report: IncidentReport,
  options: RenderIncidentReportOptions & { readonly format: 'pdf' },
): Promise<Uint8Array>;
export function renderIncidentReport(
  report: IncidentReport,
  options?: RenderIncidentReportOptions & { readonly format?: 'text' | 'markdown' | 'html' },
): string;
export function renderIncidentReport(
  report: IncidentReport,
  options: RenderIncidentReportOptions = {},
): string | Promise<Uint8Array> {
  const checked = parseInput(IncidentReportSchema, report, ['report']);
  const given = parseInput(RenderIncidentReportOptionsSchema, options, ['options']);
  const phrasing: Phrasing = {
    locale: given.locale ?? 'en',
    timeZone: given.timeZone ?? countryTimeZone(checked.provider.country),
  };
  // A controller under the GDPR alone is not a provider with subscribers: its own headings.
  const headings = {
    ...reportHeadings[phrasing.locale],
    ...(checked.regimes.includes('eprivacy') ? {} : controllerHeadings[phrasing.locale]),
    ...given.headings,
  };
  const sections = buildSections(phrasing, checked, headings);
  // Titled with the day the breach happened, whenever the report is drafted (its "Written" line says
  // when), and labelled as that day: a bare date after "report" reads as the day it was written.
  const title = `${headings.title} ${say(phrasing, 'om incidenten den', 'on the breach of')} ${formatDate(phrasing, checked.incident.occurredAt)}`;
  switch (given.format ?? 'text') {
    case 'markdown':
      return toMarkdown(title, sections);
    case 'html':
      return toHtmlDocument({ title, sections, locale: phrasing.locale, reference: checked.reference });
    case 'pdf':
      return toPdf({
        title,
        sections,
        locale: phrasing.locale,
        reference: checked.reference,
        ...(given.fonts === undefined ? {} : { fonts: given.fonts }),
      });
    default:
      return toText(title, sections);
  }
}

function buildSections(
  phrasing: Phrasing,
  report: IncidentReport,
  h: Record<keyof (typeof reportHeadings)['sv'], string>,
): Section[] {
  const s = (swedish: string, english: string) => say(phrasing, swedish, english);
  // Reasons and deadlines are phrased again from the stored facts, in the report's language.
  const assessment = reassess(phrasing, report);
  // The conclusions that hold: the officer's judgment where given, the assessment otherwise.
  const final = finalAssessment(phrasing, report, assessment);
  const controller = !report.regimes.includes('eprivacy');
  const contact = report.contact;
  // Once the customer was called or told, a measure still planned to tell them has happened: it is
  // stated as done, as the notice section says they were told ("informerats") and the register counts it.
  // A rejected measure is listed as rejected (with its reason): it was considered, and leaving it out
  // would make a report with only rejected measures say that none had been recorded.
  const measures = measuresAsRecorded(report);
  const statusLabel = {
    proposed: s(' (föreslagen)', ' (proposed)'),
    planned: s(' (planerad)', ' (planned)'),
    done: '',
  };
  // `rejected` is a decision not to do it, said plainly: "avvisad" alone read as if the recipient, not
  // the organisation, had turned something down. A failed attempt and an unanswered request are dated
  // as tried or asked, never as done (GDPR Art. 5(1)(d)).
  // The caller's reason after a colon is quoted as given in Swedish, where a capital after a colon
  // is a quotation's (Språkrådet, Svenska skrivregler); English keeps it as written.
  const reasonAfterColon = (reason: string) => s(`”${reason}”`, reason);
  const rejectedLabel = (reason: string | undefined) =>
    `${s(' (beslutat att inte göra detta', ' (decided not to do this')}${reason === undefined ? '' : `: ${reasonAfterColon(reason)}`})`;
  const when = (label: [string, string], at: string | undefined) =>
    at === undefined ? [] : [`${s(label[0], label[1])} ${reportDateTime(phrasing, at)}`];
  const measureLabel = (measure: IncidentReport['measures'][number]): string => {
    if (measure.status === 'failed') {
      // The usual texts say the attempt failed; a caller's own text may say the measure as done.
      const tried = [
        ...(hasOwnText(measure) ? [s('misslyckades', 'failed')] : []),
        ...when(['försökt', 'tried'], measure.doneAt),
      ];
      const parts = [
        ...(tried.length > 0 ? [tried.join(', ')] : []),
        ...(measure.reason ? [tried.length > 0 ? reasonAfterColon(measure.reason) : measure.reason] : []),
      ];
      return parts.length === 0 ? '' : ` (${parts.join(': ')})`;
    }
    if (measure.status === 'awaiting-answer')
      return ` (${[...when(['tillfrågad', 'asked'], measure.doneAt), s('inget svar ännu', 'no answer yet')].join(', ')})`;
    if (measure.doneAt)
      return s(
        ` (genomförd ${reportDateTime(phrasing, measure.doneAt)})`,
        ` (done ${reportDateTime(phrasing, measure.doneAt)})`,
      );
    if (measure.status === 'rejected') return rejectedLabel(measure.reason);
    return statusLabel[measure.status as keyof typeof statusLabel] ?? '';
  };

  // A text of the caller's own given only in the other language is printed as given and said to be
  // so; a notice in this language says a usual measure in its usual words and leaves one of the
  // caller's own out, rather than print it in a language the customer was not written to in.
  const languageLabel = (measure: IncidentReport['measures'][number]): string => {
    const onlyIn = ownMeasureText(measure, phrasing.locale)?.onlyIn;
    if (onlyIn === undefined) return '';
    const given = s(
      `texten finns bara på ${onlyIn === 'sv' ? 'svenska' : 'engelska'}`,
      `text given in ${onlyIn === 'sv' ? 'Swedish' : 'English'} only`,
    );
    const told = measure.status !== 'rejected' && inCustomerNotice(report, measure);
    if (!told) return ` (${given})`;
    return isUsualMeasure(measure.id)
      ? ` (${given}; ${s('ett meddelande till kunden på svenska använder den vanliga formuleringen', 'a customer notice in English uses the usual wording')})`
      : ` (${given}; ${s('utelämnas ur ett meddelande till kunden på svenska', 'left out of a customer notice in English')})`;
  };

  return [
    { key: 'addressee', heading: h.addressee, paragraphs: addresseeParagraphs(phrasing, report) },
    {
      key: 'notification',
      heading: h.notification,
      paragraphs: [
        report.notification === 'first'
          ? s('Första anmälan.', 'First notification.')
          : s('Kompletterande anmälan.', 'Follow-up notification.'),
        `${s('Upprättad', 'Written')} ${reportDateTime(phrasing, report.createdAt)}.`,
        ...followUpParagraphs(phrasing, report),
      ],
      list: followUpList(phrasing, report),
    },
    { key: 'authority', heading: h.authority, paragraphs: authorityParagraphs(phrasing, report) },
    {
      heading: h.provider,
      paragraphs: [
        report.provider.organisationNumber
          ? `${report.provider.name} (${s('org.nr', 'reg. no.')} ${report.provider.organisationNumber})`
          : report.provider.name,
      ],
    },
    {
      heading: h.contact,
      paragraphs: [[contact.name, contact.role, contact.email, contact.phone].filter(Boolean).join(', ')],
    },
    {
      heading: h.dates,
      paragraphs: [
        `${s('Inträffade', 'Occurred')}: ${reportDateTime(phrasing, report.incident.occurredAt)}${
          report.incident.occurredAtEstimated ? s(' (uppskattat)', ' (estimated)') : ''
        }`,
        `${s('Upptäcktes', 'Detected')}: ${reportDateTime(phrasing, report.incident.detectedAt)}`,
      ],
    },
    {
      heading: h.affected,
      paragraphs: [
        withBasis(
          phrasing,
          report,
          controller
            ? report.affected.dataSubjects === 1
              ? s('En berörd registrerad.', 'One data subject concerned.')
              : s(
                  `${report.affected.dataSubjects} berörda registrerade.`,
                  `${report.affected.dataSubjects} data subjects concerned.`,
                )
            : report.affected.dataSubjects === 1
              ? s('En berörd abonnent.', 'One subscriber concerned.')
              : s(
                  `${report.affected.dataSubjects} berörda abonnenter eller användare.`,
                  `${report.affected.dataSubjects} subscribers or individuals concerned.`,
                ),
        ),
        ...basisParagraphs(phrasing, report),
        ...(report.data.records === undefined
          ? []
          : [s(`Cirka ${report.data.records} poster.`, `About ${report.data.records} records.`)]),
      ],
    },
    {
      heading: h.description,
      paragraphs: [describeIncident(phrasing, report), ...(report.summary ? [report.summary] : [])],
    },
    { heading: h.data, paragraphs: [describeData(phrasing, report)] },
    {
      heading: h.cause,
      paragraphs: [
        // A report states what is recorded (GDPR Art. 33(3)(a) asks for the nature of the breach;
        // Art. 33(4) allows the rest in phases): with no cause recorded it says so, and never offers a
        // guess (an address stored wrongly or typed wrongly) as the cause.
        report.incident.cause ??
          s('Orsaken har inte registrerats ännu.', 'The cause has not been recorded yet.'),
        ...(report.incident.location ? [report.incident.location] : []),
      ],
    },
    {
      heading: h.consequences,
      paragraphs: report.consequences
        ? [report.consequences]
        : report.facts.returnedUnopened
          ? // What a stranger could do with the data is not a likely consequence when nobody opened it.
            [
              // A letter is named as one (GDPR Art. 34(2) with Art. 33(3)(a): the nature of the breach).
              (report.incident.circumstances === 'misdirected-post'
                ? s(
                    'Brevet kom tillbaka oöppnat, så ingen utanför organisationen har sett uppgifterna.',
                    'The letter came back unopened, so nobody outside the organisation saw the data.',
                  )
                : s(
                    'Försändelsen kom tillbaka oöppnad, så ingen utanför organisationen har sett uppgifterna.',
                    'The message came back unopened, so nobody outside the organisation saw the data.',
                  )) +
                // A provider still notifies it: a breach under the ePrivacy Directive includes the loss
                // of data transmitted, not only its disclosure (Directive 2002/58/EC Art. 2(i)), and
                // Regulation 611/2013 Art. 2(1) has every breach notified, whatever the risk.
                (report.regimes.includes('eprivacy')
                  ? ` ${s(
                      'Det var ändå en förlust av uppgifter i leverantörens vård, inte ett röjande, och sådana anmäls till tillsynsmyndigheten enligt artikel 2.1 i förordning 611/2013 (direktiv 2002/58/EG artikel 2 i).',
                      'It was still a loss of data in the provider’s care, not a disclosure, which Regulation 611/2013 Art. 2(1) has every provider notify to the authority (Directive 2002/58/EC Art. 2(i)).',
                    )}`
                  : ''),
              riskSentence(phrasing, report, final.assessment),
            ]
          : [
              ...consequenceLines(phrasing, report.data.categories, {
                ...credentialWording(report),
                financialInsight: report.facts.insight ?? 'substantial',
                recipient: report.facts.recipient,
                recipientDeleted: report.facts.recipientConfirmedDeletion === true,
                othersOnly: report.affected.namedOthers?.onlyTheirs ?? [],
              }),
              riskSentence(phrasing, report, final.assessment),
            ],
    },
    {
      heading: h.measures,
      paragraphs: [
        ...(measures.length === 0
          ? [s('Inga åtgärder har registrerats ännu.', 'No measures have been recorded yet.')]
          : []),
        ...containedParagraphs(phrasing, report),
        // A notice the law requires must describe the measures taken or proposed (GDPR Art. 34(2),
        // referring to Art. 33(3)(d)): with none recorded, the notice would go out without them.
        ...(noticeLacksMeasures(report, phrasing.locale)
          ? [
              s(
                'Observera: dataskyddsförordningen artikel 34.2 kräver att underrättelsen beskriver vidtagna eller föreslagna åtgärder; registrera dem innan underrättelsen skickas.',
                'Note: GDPR Art. 34(2) requires the notice to describe the measures taken or proposed; record them before the notice is sent.',
              ),
            ]
          : []),
        // What the measures obtained is a fact of its own: GDPR Art. 33(3)(d) asks for the measures
        // taken "to mitigate its possible adverse effects", and a confirmed deletion is that outcome.
        // Both languages state it, as the customer notice does (buildCustomerNotice), and only as
        // recorded: the fact is the deletion, not that nothing was kept or passed on before it.
        // Said once: here beside the request to delete that obtained it, or in the list as the
        // measure recorded for it alone (createIncidentReport).
        ...(report.facts.recipientConfirmedDeletion === true &&
        !measures.some((measure) => measure.id === confirmedDeletionMeasureId)
          ? [confirmedDeletionText(phrasing.locale, report.incident.circumstances)]
          : []),
      ],
      list: measures.map(
        (measure) =>
          `${reportMeasureText(phrasing, report, final, measure)}${measureLabel(measure)}${languageLabel(measure)}`,
      ),
    },
    {
      heading: h.protection,
      paragraphs: [
        // The encryption is never stated alone when its key went with the data: it then protected
        // nothing (WP250 rev.01 section IV.A; GDPR Art. 34(3)(a) spares only unintelligible data).
        report.facts.encrypted && report.facts.keyExposed
          ? report.protectionApplied
            ? `${report.protectionApplied.replace(/\.?\s*$/, '.')} ${s(
                'Nyckeln eller lösenordet nådde dock mottagaren också, så krypteringen skyddade inte uppgifterna.',
                'The key or password reached the recipient too, however, so the encryption did not protect the data.',
              )}`
            : // Without the caller's words on the protection, the report first says there was one.
              s(
                'Uppgifterna var krypterade, men nyckeln eller lösenordet nådde mottagaren också, så krypteringen skyddade inte uppgifterna.',
                'The data was encrypted, but the key or password reached the recipient too, so the encryption did not protect the data.',
              )
          : (report.protectionApplied ??
            (report.facts.encrypted
              ? s(
                  'Uppgifterna var krypterade och nyckeln röjdes inte.',
                  'The data was encrypted and the key was not exposed.',
                )
              : report.incident.circumstances === 'misdirected-email'
                ? s(
                    'Meddelandet skickades som vanlig, okrypterad e-post.',
                    'The message was sent as ordinary, unencrypted e-mail.',
                  )
                : report.incident.circumstances === 'misdirected-sms'
                  ? // SMS travels without end-to-end encryption (3GPP TS 43.020: the network ciphers only
                    // the radio path), and a phone shows an incoming text on its locked screen by
                    // default: said as what can happen, since whether it did is not recorded. A text
                    // that was never delivered (returnedUnopened) was shown on no screen.
                    report.facts.returnedUnopened === true
                    ? s(
                        'Meddelandet skickades som vanligt sms, som inte är krypterat hela vägen till mottagaren.',
                        'The message was sent as an ordinary text message (SMS), which is not encrypted end to end.',
                      )
                    : s(
                        'Meddelandet skickades som vanligt sms, som inte är krypterat hela vägen till mottagaren; texten kan visas på den mottagande telefonens låsskärm utan att telefonen låses upp.',
                        'The message was sent as an ordinary text message (SMS), which is not encrypted end to end; its text can be shown on the receiving phone’s lock screen without the phone being unlocked.',
                      )
                  : s('Inga särskilda skyddsåtgärder.', 'No particular safeguards.'))),
      ],
    },
    {
      heading: h.notice,
      paragraphs: [...noticeParagraphs(phrasing, report, final), ...customerCallParagraphs(phrasing, report)],
      list: customerCallList(report),
    },
    {
      heading: h.memberStates,
      paragraphs: [
        // Not stated is said as such: "None" would answer Annex I for the reporter.
        report.affected.otherMemberStates === undefined
          ? s('Inte angivet.', 'Not stated.')
          : report.affected.otherMemberStates.length === 0
            ? s('Inga.', 'None.')
            : report.affected.otherMemberStates.join(', '),
        ...(report.affected.otherAuthoritiesNotified?.length
          ? [
              `${s('Andra myndigheter som underrättats', 'Other authorities notified')}: ${report.affected.otherAuthoritiesNotified.join(', ')}`,
            ]
          : []),
      ],
    },
    {
      heading: h.assessment,
      paragraphs: [
        conclusionsOpen(report)
          ? openRiskSentence(phrasing)
          : `${s('Beräknad risk', 'Computed risk')}: ${riskLabel(phrasing, assessment.risk, report.affected.dataSubjects)}. ${s('Allvarlighetsgrad enligt ENISA', 'ENISA severity')}: ${formatSeverity(assessment.enisa, phrasing.locale)}.`,
      ],
      list: [
        ...final.assessment.deadlines.map(
          (deadline) =>
            `${citation(phrasing, deadline.article)}: ${deadline.within}${deadline.due ? ` (${s('senast', 'by')} ${reportDateTime(phrasing, deadline.due)})` : ''}`,
        ),
        ...final.assessment.reasons
          // Open, the conclusions not to notify computed from an unread message are not stated.
          .filter((reason) => !conclusionsOpen(report) || !UNREACHED_CONCLUSIONS.has(reason.code))
          .map((reason) => `${reason.message} [${citation(phrasing, reason.source)}]`),
      ],
    },
    {
      key: 'precedents',
      heading: h.precedents,
      ...precedentsSection(phrasing, report, final.decision),
    },
    { key: 'decision', heading: h.decision, paragraphs: decisionParagraphs(phrasing, report, final) },
    { key: 'timeline', heading: h.timeline, paragraphs: [], list: timelineList(phrasing, report) },
    { heading: h.reference, paragraphs: [report.reference] },
    {
      heading: h.otherProviders,
      paragraphs: [
        report.otherProviders === undefined
          ? s('Inte angivet.', 'Not stated.')
          : report.otherProviders.involved
            ? `${s('Ja', 'Yes')}${report.otherProviders.details ? `: ${report.otherProviders.details}` : '.'}`
            : s('Nej.', 'No.'),
      ],
    },
    { key: 'signature', heading: h.signature, paragraphs: signatureParagraphs(phrasing, report) },
  ];
}

/**
 * The sentence on the number of people, with where the number came from when it was counted from
 * the message (GDPR Art. 33(3)(a) asks for the approximate number; the authority should see how it
 * was arrived at).
 */
function withBasis(phrasing: Phrasing, report: IncidentReport, sentence: string): string {
  const basis = report.affected.basis;
  if (basis?.from === 'labelled-guardian') {
    // The child and each guardian named with details of their own (see `affected.basis`).
    const guardians = report.affected.dataSubjects - 1;
    return `${sentence.replace(/\.$/, '')}: ${say(
      phrasing,
      `barnet och ${guardians === 1 ? 'en' : guardians} vårdnadshavare som meddelandet anger med egna kontaktuppgifter`,
      `the child and ${guardians === 1 ? 'a parent or guardian' : `${guardians} parents or guardians`} the message names with contact details of their own`,
    )}.`;
  }
  if (basis?.from !== 'message' || basis.message === undefined) return sentence;
  const { count, category } = basis.message;
  // The customer the message was meant for, whose address was not among those shown, is counted too.
  const andIntended =
    report.incident.misdirected?.intendedAddressShown === false && category === 'email-address'
      ? say(
          phrasing,
          ' och kunden som det var avsett för, vars adress inte fanns bland dem',
          ' and the customer it was meant for, whose address was not among them',
        )
      : '';
  return `${sentence.replace(/\.$/, '')}, ${say(
    phrasing,
    `räknat från de ${count} olika ${peopleWords[category].svDefinite} i meddelandet`,
    `counted from the ${count} different ${peopleWords[category].en} in the message`,
  )}${andIntended}.`;
}

/**
 * A number given lower than the message shows is said, so the authority is not misinformed; and
 * where the message labels a guardian but the customer's age is not recorded, the question that
 * decides who is concerned and whom the notice is for (GDPR Recital 38, Art. 8(1) and 12(1)).
 */
function basisParagraphs(phrasing: Phrasing, report: IncidentReport): string[] {
  const shown = report.affected.basis?.message;
  const guardians = report.affected.basis?.labelledGuardians;
  return [
    ...(shown === undefined || shown.count <= report.affected.dataSubjects
      ? []
      : [
          say(
            phrasing,
            `Observera: meddelandet innehåller ${shown.count} olika ${peopleWords[shown.category].sv}, fler än det angivna antalet berörda.`,
            `Note: The message holds ${shown.count} different ${peopleWords[shown.category].en}, more than the number of people given.`,
          ),
        ]),
    ...(guardians === undefined || report.affected.minor !== undefined
      ? []
      : [childQuestion(phrasing, guardians)]),
    ...(report.affected.namedOthers?.people ?? []).map((person) =>
      say(
        phrasing,
        `Öppen fråga: meddelandet anger också ${person.name} (${person.label}) med egna uppgifter (${listCategories(phrasing, person.categories)}). Räkna personen bland de berörda och underrätta hen om hens uppgifter berörs (dataskyddsförordningen art. 4.1, 33.3 a och 34).`,
        `Open question: the message also names ${person.name} (${person.label}) with details of their own (${listCategories(phrasing, person.categories)}). Count them among the people concerned and tell them if their data is concerned (GDPR Art. 4(1), 33(3)(a) and 34).`,
      ),
    ),
  ];
}

/** The question whether the customer is a child, asked where the message labels `guardians` of theirs. */
function childQuestion(phrasing: Phrasing, guardians: number): string {
  return say(
    phrasing,
    `Öppen fråga: är kunden under 18 år? Meddelandet anger ${guardians === 1 ? 'en vårdnadshavare' : `${guardians} vårdnadshavare`} med egna kontaktuppgifter, men det är inte registrerat om kunden är ett barn. Är kunden ett barn räknas ${guardians === 1 ? 'vårdnadshavaren' : 'vårdnadshavarna'} också som berörda, risken bedöms med det särskilda skydd som barns uppgifter har (dataskyddsförordningen skäl 38) och meddelandet till kunden skrivs till vårdnadshavaren (art. 8.1 och 12.1).`,
    `Open question: is the customer under 18? The message names ${guardians === 1 ? 'a parent or guardian' : `${guardians} parents or guardians`} with contact details of their own, but whether the customer is a child is not recorded. If the customer is a child, ${guardians === 1 ? 'the guardian is' : 'the guardians are'} counted as people concerned too, the risk is weighed with the specific protection children's data merits (GDPR Recital 38) and the notice is written to the guardian (Art. 8(1) and 12(1)).`,
  );
}

/**
 * The grounds on which the law does not require telling the people concerned, one per rule the
 * assessment applied: the GDPR's high-risk threshold or the Art. 34(3) exemption that applied, and
 * Regulation 611/2013's "likely to adversely affect" or its Art. 4(2) exemption for unintelligible
 * data. Empty where the assessment gives neither (a breach before either rule applied).
 */
function notRequiredBecause(
  phrasing: Phrasing,
  assessment: Pick<BreachAssessment, 'risk' | 'reasons' | 'exemptions'>,
): string[] {
  const cite = (source: string) => citation(phrasing, source, { capitalise: false });
  const sourceOf = (code: string) => assessment.reasons.find((reason) => reason.code === code)?.source;
  const exemption = (pattern: RegExp) => assessment.exemptions.find((entry) => pattern.test(entry));
  const grounds: string[] = [];
  const gdpr = sourceOf('gdpr-no-subjects');
  if (gdpr !== undefined) {
    const exempt = assessment.risk === 'high' ? exemption(/Art\. 34\(3\)/) : undefined;
    grounds.push(
      exempt === undefined
        ? say(
            phrasing,
            `risken är inte hög, och ${cite(gdpr)} kräver det bara vid hög risk`,
            `the risk is not high, and ${cite(gdpr)} requires it only at a high risk`,
          )
        : say(phrasing, `ett undantag gäller (${cite(exempt)})`, `an exemption applies (${cite(exempt)})`),
    );
  }
  const subscriber = sourceOf('subscriber-not-affected');
  if (subscriber !== undefined) {
    const unintelligible = exemption(/611\/2013 Art\. 4\(2\)/);
    grounds.push(
      unintelligible === undefined
        ? say(
            phrasing,
            `incidenten kan inte antas påverka abonnentens personuppgifter eller integritet negativt, och ${cite(subscriber)} kräver det bara då`,
            `the breach is not likely to adversely affect the subscriber’s personal data or privacy, and ${cite(subscriber)} requires it only then`,
          )
        : say(
            phrasing,
            `uppgifterna var obegripliga för mottagaren (${cite(unintelligible)})`,
            `the data was unintelligible to whoever received it (${cite(unintelligible)})`,
          ),
    );
  }
  return grounds;
}

/** The assessment's advice to tell the customer as a courtesy, after the label "Rekommendation:". */
function courtesyAdvice(phrasing: Phrasing, advice: string): string {
  return phrasing.locale === 'sv' ? afterColon(advice) : advice;
}

/** The reasons that state a conclusion not to notify, left out while the conclusions are open. */
const UNREACHED_CONCLUSIONS: ReadonlySet<string> = new Set([
  'gdpr-record-only',
  'gdpr-no-subjects',
  'subscriber-not-affected',
]);

function riskSentence(
  phrasing: Phrasing,
  report: IncidentReport,
  assessment: Pick<BreachAssessment, 'risk'>,
): string {
  if (conclusionsOpen(report)) return openRiskSentence(phrasing);
  // One person is "den berörde", several "de berörda" (200 addresses in CC are 200 people's rights).
  const concerned = riskConcerned(phrasing, report.affected.dataSubjects);
  return {
    unlikely: say(
      phrasing,
      `Sammantaget bedöms det som osannolikt att incidenten medför en risk för ${concerned} rättigheter och friheter.`,
      `Overall, the breach is unlikely to result in a risk to the rights and freedoms of ${concerned}.`,
    ),
    risk: say(
      phrasing,
      `Sammantaget bedöms incidenten medföra en risk, men inte en hög risk, för ${concerned} rättigheter och friheter.`,
      `Overall, the breach is likely to result in a risk, but not a high risk, to the rights and freedoms of ${concerned}.`,
    ),
    high: say(
      phrasing,
      `Sammantaget bedöms incidenten medföra en hög risk för ${concerned} rättigheter och friheter.`,
      `Overall, the breach is likely to result in a high risk to the rights and freedoms of ${concerned}.`,
    ),
  }[assessment.risk];
}

/**
 * The published decisions closest to the breach, for the signer to cite: those stored with the report,
 * phrased in the report's language from what they share with the breach.
 */
function precedentsSection(
  phrasing: Phrasing,
  report: IncidentReport,
  holding: Pick<BreachAssessment, 'notifyAuthority' | 'notifyDataSubjects'>,
): { paragraphs: string[]; list: string[] } {
  // Only those stored: they come from the table of decisions the report was made with.
  const precedents = report.assessment.precedents;
  if (precedents.length === 0)
    return {
      paragraphs: [
        say(
          phrasing,
          'Inget publicerat beslut i samlingen liknar incidenten.',
          'No published decision in the collection resembles this breach.',
        ),
      ],
      list: [],
    };
  // With the conclusions open there is nothing for a decision to agree with: each is shown as what
  // a similar case decided, for the person who reads the message to weigh.
  const open = conclusionsOpen(report);
  return {
    paragraphs: [
      open
        ? say(
            phrasing,
            'Publicerade beslut om liknande incidenter, de närmaste först, med vad myndigheten beslutade där (denna incidents slutsatser är inte avgjorda ännu):',
            'Published decisions on similar breaches, the closest first, with what the authority decided there (this breach’s conclusions are not yet decided):',
          )
        : say(
            phrasing,
            'Publicerade beslut om liknande incidenter, de närmaste först:',
            'Published decisions on similar breaches, the closest first:',
          ),
    ],
    list: precedents.map((precedent) => {
      // An authority already named with its country ("Datatilsynet (DK)") is not given it twice.
      const named = authorityName(precedent.authority, precedent.country, phrasing.locale);
      const authority = named.endsWith(`(${precedent.country})`) ? named : `${named} (${precedent.country})`;
      // An undated case study is stored with the day it was read (`dateIsDecision: false`): that is
      // not the decision's date, and is not printed as if it were.
      const undated = precedent.dateIsDecision === false;
      const date = undated ? say(phrasing, 'odaterat', 'undated') : precedent.date;
      // A conclusion under another notification rule (the GDPR against Regulation 611/2013) neither
      // agrees nor differs with this one: the line names the rule it was decided under instead. A
      // GDPR decision for a telecom that notifies under the GDPR too was compared with the GDPR
      // conclusion when the precedent was found (`alike.sameConclusion`).
      const differs = open
        ? false
        : precedent.alike.regimeApplies
          ? precedent.alike.sameConclusion === false
          : precedent.alike.sameRegime !== false &&
            ((precedent.conclusions.notifyAuthority !== null &&
              precedent.conclusions.notifyAuthority !== holding.notifyAuthority) ||
              (precedent.conclusions.notifyDataSubjects !== null &&
                precedent.conclusions.notifyDataSubjects !== holding.notifyDataSubjects));
      const conclusions = describeConclusions(precedent.conclusions, phrasing.locale, precedent.profile);
      const decided = differs
        ? `${say(phrasing, 'beslutade annorlunda', 'decided differently')} ${describeDiffersOn(precedent.alike, phrasing.locale)}: ${conclusions}`
        : conclusions;
      // The Swedish report names the decision in Swedish (its summary) and every link says what it
      // leads to, so that no summary or translation passes for the authority's own words.
      const regime =
        precedent.regimes === undefined ? '' : ` (${describeRegimes(precedent.regimes, phrasing.locale)})`;
      return `${authority}, ${describeDocument(precedent, phrasing.locale)}, ${date}${regime}: ${decided}. ${say(phrasing, 'Jämförelse', 'Compared')}: ${describeAlike(open ? { ...precedent.alike, sameConclusion: null } : precedent.alike, phrasing.locale)}. ${describeSource(precedent, phrasing.locale)}`;
    }),
  };
}

/**
 * A measure as the report lists it. Telling the customer, while only proposed and not required by
 * law, is a recommendation with its reason, not a duty (GDPR Art. 34(1) and Regulation 611/2013
 * Art. 3(1) set the duty; Recital 86 the reason to tell them anyway).
 */
function reportMeasureText(
  phrasing: Phrasing,
  report: IncidentReport,
  final: FinalAssessment,
  measure: IncidentReport['measures'][number],
): string {
  if (measure.id === 'check-password-reset' && !hasOwnText(measure) && loginExposure(report).inMessage) {
    const checks = loginCheckMeasureTexts[phrasing.locale];
    return measure.status === 'done' || measure.status === 'failed' || measure.status === 'rejected'
      ? checks[measure.status]
      : checks.pending;
  }
  if (
    measure.id !== 'inform-customer' ||
    hasOwnText(measure) ||
    measure.status === 'done' ||
    measure.status === 'failed' ||
    report.subscriberNotice.required
  )
    return measureText(phrasing, measure, report.incident);
  if (conclusionsOpen(report))
    return say(
      phrasing,
      'Om kunden ska informeras avgörs när en person har läst meddelandet och angett vad det innehöll.',
      'Whether the customer is to be told is decided once a person has read the message and recorded what it held.',
    );
  const recommended = final.assessment.recommendations.some((item) => item.code === 'courtesy-notice');
  return recommended
    ? say(
        phrasing,
        'Det rekommenderas att informera kunden som en service, även om lagen inte kräver det här, så att kunden kan vara uppmärksam på missbruk av uppgifterna (dataskyddsförordningen skäl 86).',
        'Telling the customer as a courtesy is recommended, though the law does not require it here, so they can stay alert to misuse of their details (GDPR Recital 86).',
      )
    : say(
        phrasing,
        'Lagen kräver inte att kunden informeras här; det kan göras som en service.',
        'The law does not require telling the customer here; it may be done as a courtesy.',
      );
}

function noticeParagraphs(phrasing: Phrasing, report: IncidentReport, final: FinalAssessment): string[] {
  const notice = report.subscriberNotice;
  const means = notice.means.map(
    (mean) =>
      ({
        email: say(phrasing, 'e-post', 'e-mail'),
        phone: say(phrasing, 'telefon', 'phone'),
        letter: say(phrasing, 'brev', 'letter'),
        sms: say(phrasing, 'sms', 'text message (SMS)'),
        'public-notice': say(phrasing, 'offentligt meddelande', 'public notice'),
      })[mean],
  );
  const controller = !report.regimes.includes('eprivacy');
  const them = theConcerned(report.affected.dataSubjects);
  const They = (text: string) => text.replace(/^\p{Ll}/u, (first) => first.toUpperCase());
  // The officer decided not to tell them: the report must not say that they are told. Only a call in
  // which the customer's identity was checked told them (customerTold); an unchecked one did not.
  if (report.judgment?.notifyDataSubjects === false && !customerTold(report))
    return [
      say(
        phrasing,
        `${They(them.berorda)} underrättas inte, enligt den ansvarigas bedömning (se Slutsats).`,
        `${They(them.people)} ${them.is} not told, as the responsible person judged (see Conclusion).`,
      ),
    ];
  // What the law requires and what is only advisable are said apart: a notice the rules do not
  // require is stated as done only when it was, and otherwise as a recommendation with its reason.
  const courtesy = courtesyNotice(report, final);
  if (!notice.required && courtesy !== 'done' && conclusionsOpen(report))
    return [
      controller
        ? say(
            phrasing,
            `Om ${them.registrerade} ska informeras är inte avgjort ännu: ${openReason(phrasing)}.`,
            `Whether ${them.people} ${them.is} told is not yet decided: ${openReason(phrasing)}.`,
          )
        : say(
            phrasing,
            `Om ${them.berorda} ska underrättas är inte avgjort ännu: ${openReason(phrasing)}.`,
            `Whether ${them.people} ${them.is} told is not yet decided: ${openReason(phrasing)}.`,
          ),
    ];
  // A high risk whose individual notices would take disproportionate effort is told by a public
  // communication instead (GDPR Art. 34(3)(c)): never said as nobody told.
  const publicLines = publicCommunicationLines(phrasing, report);
  if (!notice.required && publicLines.length > 0) return publicLines;
  if (!notice.required && courtesy === undefined) {
    // Why the law does not require it, from the assessment's own reasons, so that a reader sees the
    // customer left untold on a ground the law gives, not by omission (GDPR Art. 34(1) and 34(3);
    // Regulation 611/2013 Art. 3(1) and 4(2)). Said as the ground, never as a measure taken.
    const why = notRequiredBecause(phrasing, final.assessment);
    return [
      why.length === 0
        ? say(
            phrasing,
            `Underrättelse krävs inte enligt reglerna, och ${them.berorda} underrättas inte.`,
            `The rules do not require a notice, and ${them.people} ${them.is} not told.`,
          )
        : say(
            phrasing,
            `Lagen kräver inte att ${them.berorda} underrättas här: ${why.join('; ')}. ${They(them.berorda)} underrättas inte.`,
            `The law does not require telling ${them.people} here: ${why.join('; ')}. ${They(them.people)} ${them.is} not told.`,
          ),
    ];
  }
  const lines = [
    notice.required
      ? controller
        ? say(phrasing, `${They(them.registrerade)} ska informeras.`, `${They(them.subjects)} must be told.`)
        : say(
            phrasing,
            report.affected.dataSubjects <= 1 ? 'Den berörde ska underrättas.' : 'Berörda ska underrättas.',
            `${They(them.people)} must be told.`,
          )
      : courtesy === 'done'
        ? say(
            phrasing,
            'Underrättelse krävs inte enligt reglerna, men kunden har informerats som en service, för att kunna vara uppmärksam.',
            'The rules do not require a notice, but the customer was told as a courtesy, so they can stay alert.',
          )
        : `${say(phrasing, 'Rekommendation', 'Recommendation')}: ${courtesyAdvice(phrasing, final.assessment.recommendations.find((item) => item.code === 'courtesy-notice')?.message ?? '')}`,
  ];
  // Only a notice given (a call, a recorded notice) has means that were used; before that they are
  // a proposal, and the report says so rather than claim a notice that was not sent.
  const given = customerTold(report);
  if (means.length > 0)
    lines.push(
      `${given ? say(phrasing, 'Sätt', 'Means') : say(phrasing, 'Föreslaget sätt', 'Proposed means')}: ${means.join(', ')}.`,
    );
  if (notice.notifiedAt)
    lines.push(
      `${say(phrasing, 'Underrättade', 'Notified')}: ${notice.notifiedCount ?? report.affected.dataSubjects}, ${reportDateTime(phrasing, notice.notifiedAt)}.`,
    );
  // A call alone records its time, the caller, the identity check and the answers, not what was
  // said: the report claims no content for it (GDPR Art. 5(1)(d), accuracy).
  if (report.customerCall !== undefined && notice.notifiedAt === undefined && notice.content === undefined) {
    lines.push(
      say(
        phrasing,
        'Vad som sades i samtalet har inte registrerats, utöver tidpunkten, vem som ringde, identitetskontrollen och kundens svar.',
        'What was said in the call is not recorded, beyond its time, the caller, the identity check and the customer’s answers.',
      ),
    );
    return lines;
  }
  // Annex I section 2: the content of the notice. Without the caller's own text, what the notices
  // built by buildCustomerNotice say (GDPR Art. 34(2); Regulation 611/2013 Annex II). A notice that is
  // only recommended has no content yet.
  if (courtesy === 'recommended' && notice.content === undefined) return lines;
  // The notice states as done only the measures recorded as done (buildCustomerNotice); where none
  // is, saying that it tells what was done would be untrue.
  // It says what buildCustomerNotice puts in the notice, and no more: done and planned measures, the
  // proposed ones only in a notice the law requires (GDPR Art. 34(2)), where the contact point is
  // named too; otherwise only the customer service number.
  // The notice in the report's language: a measure of the caller's own worded only in the other is not in it.
  const told = report.measures.filter((measure) => inCustomerNoticeIn(phrasing, report, measure));
  const done =
    told.some((measure) => measure.status === 'done') || report.facts.recipientConfirmedDeletion === true;
  const planned = told.some((measure) => measure.status === 'planned');
  const proposed = notice.required && told.some((measure) => measure.status === 'proposed');
  const measuresSaid = [
    ...(done ? [say(phrasing, ' vilka åtgärder som vidtagits,', ' what was done,')] : []),
    ...(planned ? [say(phrasing, ' vilka åtgärder som ska vidtas,', ' what is to be done,')] : []),
    ...(proposed ? [say(phrasing, ' vilka åtgärder som föreslås,', ' which measures are proposed,')] : []),
  ].join('');
  const contactSaid = notice.required
    ? say(
        phrasing,
        'dataskyddsombudets eller kontaktpunktens kontaktuppgifter',
        'the contact details of the data protection officer or contact point',
      )
    : say(phrasing, 'ett telefonnummer för frågor', 'a telephone number for questions');
  // Delivery not established (`misdirected.unconfirmed`): the notice says what the person may have seen.
  const mayHaveReached =
    report.incident.misdirected?.unconfirmed === true && report.facts.returnedUnopened !== true;
  // The one thing the notice asks the customer to do now, as buildCustomerNotice words it.
  const doNowSaid =
    loginExposure(report).newPasswordBy === 'customer'
      ? say(
          phrasing,
          ' att kunden bör byta lösenord nu,',
          ' that the customer should change their password now,',
        )
      : '';
  lines.push(
    notice.content ??
      say(
        phrasing,
        `${controller ? 'Informationen' : 'Underrättelsen'} beskriver vad som hänt, vilka uppgifter den andra personen ${mayHaveReached ? 'kan ha sett' : 'kunnat se'},${measuresSaid}${doNowSaid} vad kunden bör vara uppmärksam på, samt ${contactSaid} och referensnummer.`,
        `The notice says what happened, which details the other person ${mayHaveReached ? 'may have seen' : 'could see'},${measuresSaid}${doNowSaid} what the customer should watch for, and gives ${contactSaid} and the reference number.`,
      ),
  );
  return lines;
}

function toText(title: string, sections: readonly Section[]): string {
  const blocks = sections.map((section) =>
    [
      section.heading,
      ...section.paragraphs.map((paragraph) => `  ${paragraph}`),
      ...(section.list ?? []).map((item) => `  - ${item}`),
    ].join('\n'),
  );
  return `${title.toUpperCase()}\n\n${blocks.join('\n\n')}\n`;
}

function toMarkdown(title: string, sections: readonly Section[]): string {
  // Text from the message (a subject, a description) is one paragraph: its line breaks are folded to
  // spaces, so it cannot start a heading, list or quote of its own (CommonMark §4, §5), and a
  // paragraph that begins like a list item or a setext underline is escaped there too.
  const escapeMarkdown = (text: string) =>
    text
      .replace(/(?:\r\n?|[\n\v\f\u0085\u2028\u2029])+/g, ' ')
      .replace(/([\\`*_[\]<>#|])/g, '\\$1')
      .replace(/^(\s*)([-+=~])/, '$1\\$2')
      .replace(/^(\s*\d{1,9})([.)])/, '$1\\$2');
  const blocks = sections.map((section) =>
    [
      `## ${escapeMarkdown(section.heading)}`,
      '',
      ...section.paragraphs.flatMap((paragraph) => [escapeMarkdown(paragraph), '']),
      ...(section.list ?? []).map((item) => `- ${escapeMarkdown(item)}`),
    ]
      .join('\n')
      .trimEnd(),
  );
  return `# ${escapeMarkdown(title)}\n\n${blocks.join('\n\n')}\n`;
}

/** Escapes the five characters that are markup in HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );
}
