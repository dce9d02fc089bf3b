import { z } from 'zod';
import { parseInput } from '../internal/parse-input.js';
import { assessBreach, type BreachAssessment, formatSeverity } from './assess-breach.js';
import { controllerHeadings } from './data/controller-headings.js';
import { reportHeadings } from './data/report-texts.js';
import {
  consequenceLines,
  describeAddressMistake,
  describeData,
  describeIncident,
  formatDate,
  formatDateTime,
  measureText,
  type Phrasing,
  say,
} from './describe-incident.js';
import { type IncidentReport, IncidentReportSchema } from './incident-report.js';
import { LocaleSchema, TimeZoneSchema } from './option-schemas.js';

/** Options of {@link renderIncidentReport}. */
export interface RenderIncidentReportOptions {
  /**
   * Language: Swedish uses the headings of the Swedish regulator's breach form.
   * @default 'en'
   */
  readonly locale?: 'sv' | 'en';
  /**
   * Plain text (for a form field or a letter), Markdown, or an HTML fragment with everything escaped.
   * @default 'text'
   */
  readonly format?: 'text' | 'markdown' | 'html';
  /**
   * IANA time zone the dates and times are written in (named in every time shown).
   * @default 'Europe/Stockholm'
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
  format: z.enum(['text', 'markdown', 'html']).optional(),
  timeZone: TimeZoneSchema.optional(),
  headings: z
    .partialRecord(
      z.enum(Object.keys(reportHeadings.sv) as [keyof (typeof reportHeadings)['sv']]),
      z.string(),
    )
    .optional(),
});

/** One section of a rendered report: a heading, paragraphs and a list. */
interface Section {
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
 * ```
 */
export function renderIncidentReport(
  report: IncidentReport,
  options: RenderIncidentReportOptions = {},
): string {
  const checked = parseInput(IncidentReportSchema, report, ['report']);
  const given = parseInput(RenderIncidentReportOptionsSchema, options, ['options']);
  const phrasing: Phrasing = {
    locale: given.locale ?? 'en',
    timeZone: given.timeZone ?? 'Europe/Stockholm',
  };
  // A controller under the GDPR alone is not a telecom provider: its report speaks the GDPR's words.
  const headings = {
    ...reportHeadings[phrasing.locale],
    ...(checked.regimes.includes('eprivacy') ? {} : controllerHeadings[phrasing.locale]),
    ...given.headings,
  };
  const sections = buildSections(phrasing, checked, headings);
  const title = `${headings.title} ${formatDate(phrasing, checked.incident.detectedAt)}`;
  switch (given.format ?? 'text') {
    case 'markdown':
      return toMarkdown(title, sections);
    case 'html':
      return toHtml(title, sections, phrasing.locale);
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
  const contact = report.contact;
  const misdirected = report.incident.misdirected;
  const measures = report.measures.filter((measure) => measure.status !== 'rejected');
  const statusLabel = {
    proposed: s(' (föreslagen)', ' (proposed)'),
    planned: s(' (planerad)', ' (planned)'),
    done: '',
  };

  return [
    {
      heading: h.notification,
      paragraphs: [
        report.notification === 'first'
          ? s('Första anmälan.', 'First notification.')
          : s('Kompletterande anmälan.', 'Follow-up notification.'),
        `${s('Upprättad', 'Written')} ${formatDateTime(phrasing, report.createdAt)}.`,
      ],
    },
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
        `${s('Inträffade', 'Occurred')}: ${formatDateTime(phrasing, report.incident.occurredAt)}${
          report.incident.occurredAtEstimated ? s(' (uppskattat)', ' (estimated)') : ''
        }`,
        `${s('Upptäcktes', 'Detected')}: ${formatDateTime(phrasing, report.incident.detectedAt)}`,
      ],
    },
    {
      heading: h.affected,
      paragraphs: [
        report.regimes.includes('eprivacy')
          ? report.affected.dataSubjects === 1
            ? s('En berörd abonnent.', 'One subscriber concerned.')
            : s(
                `${report.affected.dataSubjects} berörda abonnenter eller användare.`,
                `${report.affected.dataSubjects} subscribers or individuals concerned.`,
              )
          : report.affected.dataSubjects === 1
            ? s('En berörd registrerad.', 'One data subject concerned.')
            : s(
                `${report.affected.dataSubjects} berörda registrerade.`,
                `${report.affected.dataSubjects} data subjects concerned.`,
              ),
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
        report.incident.cause ??
          (misdirected
            ? s(
                `Kundens e-postadress registrerades fel (${describeAddressMistake(phrasing, misdirected.intended, misdirected.actual)}), så meddelandet gick till en annan persons adress.`,
                `The customer’s e-mail address was entered wrongly (${describeAddressMistake(phrasing, misdirected.intended, misdirected.actual)}), so the message went to another person’s address.`,
              )
            : s('Orsaken utreds.', 'The cause is being investigated.')),
        ...(report.incident.location ? [report.incident.location] : []),
      ],
    },
    {
      heading: h.consequences,
      paragraphs: report.consequences
        ? [report.consequences]
        : [...consequenceLines(phrasing, report.data.categories), riskSentence(phrasing, assessment)],
    },
    {
      heading: h.measures,
      paragraphs:
        measures.length === 0
          ? [s('Inga åtgärder har registrerats ännu.', 'No measures have been recorded yet.')]
          : [],
      list: measures.map(
        (measure) =>
          `${measureText(phrasing, measure)}${statusLabel[measure.status as keyof typeof statusLabel] ?? ''}`,
      ),
    },
    {
      heading: h.protection,
      paragraphs: [
        report.protectionApplied ??
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
              : s('Inga särskilda skyddsåtgärder.', 'No particular safeguards.')),
      ],
    },
    { heading: h.notice, paragraphs: noticeParagraphs(phrasing, report) },
    {
      heading: h.memberStates,
      paragraphs: [
        report.affected.otherMemberStates.length === 0
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
        `${riskLabel(phrasing, assessment.risk)} ENISA: ${formatSeverity(assessment.enisa, phrasing.locale)}.`,
      ],
      list: [
        ...assessment.deadlines.map(
          (deadline) =>
            `${citation(phrasing, deadline.article)}: ${deadline.within}${deadline.due ? ` (${s('senast', 'by')} ${formatDateTime(phrasing, deadline.due)})` : ''}`,
        ),
        ...assessment.reasons.map((reason) => `${reason.message} [${citation(phrasing, reason.source)}]`),
      ],
    },
    { heading: h.reference, paragraphs: [report.reference] },
    {
      heading: h.otherProviders,
      paragraphs: [
        report.otherProviders.involved
          ? `${s('Ja', 'Yes')}${report.otherProviders.details ? `: ${report.otherProviders.details}` : '.'}`
          : s('Nej.', 'No.'),
      ],
    },
  ];
}

function reassess(phrasing: Phrasing, report: IncidentReport): BreachAssessment {
  const { initialNotificationAt, ...facts } = report.facts;
  return assessBreach(
    {
      regimes: report.regimes,
      dataCategories: report.data.categories,
      dataSubjects: report.affected.dataSubjects,
      ...facts,
      occurredAt: report.incident.occurredAt,
      detectedAt: report.incident.detectedAt,
      ...(initialNotificationAt === undefined ? {} : { initialNotificationAt }),
    },
    { locale: phrasing.locale },
  );
}

/** Article references as Swedish texts write them (`förordning 611/2013 art. 2.2`). */
function citation(phrasing: Phrasing, source: string): string {
  if (phrasing.locale === 'en') return source;
  // Swedish law texts and IMY name the GDPR "dataskyddsförordningen".
  return source
    .replace(/Regulation 611\/2013/g, 'förordning (EU) nr 611/2013')
    .replace(/Directive 2002\/58\/EC/g, 'direktiv 2002/58/EG')
    .replace(/\bGDPR\b/g, 'dataskyddsförordningen')
    .replace(/\bArt\./g, 'art.')
    .replace(
      /(\d+)\((\d+)\)(?:\(([a-z])\))?/g,
      (_whole, article: string, paragraph: string, point?: string) =>
        point ? `${article}.${paragraph} ${point}` : `${article}.${paragraph}`,
    )
    .replace(/\bRecital (\d+)/g, 'skäl $1')
    .replace(/ and /g, ' och ')
    .replace(/\bsection\b/g, 'avsnitt')
    .replace(/\bCase No\./g, 'fall nr')
    .replace(/^\p{Ll}/u, (first) => first.toUpperCase());
}

function riskLabel(phrasing: Phrasing, risk: BreachAssessment['risk']): string {
  return {
    unlikely: say(
      phrasing,
      'Incidenten bedöms sannolikt inte medföra någon risk.',
      'The breach is assessed as unlikely to result in a risk.',
    ),
    risk: say(
      phrasing,
      'Incidenten bedöms medföra en risk, men inte en hög risk.',
      'The breach is assessed as a risk, but not a high risk.',
    ),
    high: say(phrasing, 'Incidenten bedöms medföra en hög risk.', 'The breach is assessed as a high risk.'),
  }[risk];
}

function riskSentence(phrasing: Phrasing, assessment: BreachAssessment): string {
  return {
    unlikely: say(
      phrasing,
      'Sammantaget bedöms det som osannolikt att incidenten medför en risk för den berördes rättigheter och friheter.',
      'Overall, the breach is unlikely to result in a risk to the rights and freedoms of the person concerned.',
    ),
    risk: say(
      phrasing,
      'Sammantaget bedöms incidenten medföra en risk, men inte en hög risk, för den berördes rättigheter och friheter.',
      'Overall, the breach is likely to result in a risk, but not a high risk, to the rights and freedoms of the person concerned.',
    ),
    high: say(
      phrasing,
      'Sammantaget bedöms incidenten medföra en hög risk för de berördas rättigheter och friheter.',
      'Overall, the breach is likely to result in a high risk to the rights and freedoms of the people concerned.',
    ),
  }[assessment.risk];
}

function noticeParagraphs(phrasing: Phrasing, report: IncidentReport): string[] {
  const notice = report.subscriberNotice;
  const means = notice.means.map(
    (mean) =>
      ({
        email: say(phrasing, 'e-post', 'e-mail'),
        phone: say(phrasing, 'telefon', 'phone'),
        letter: say(phrasing, 'brev', 'letter'),
        sms: 'sms',
        'public-notice': say(phrasing, 'offentligt meddelande', 'public notice'),
      })[mean],
  );
  const lines = [
    notice.required
      ? say(phrasing, 'Berörda ska underrättas.', 'The people concerned must be told.')
      : say(
          phrasing,
          'Underrättelse krävs inte enligt reglerna, men kunden informeras för att kunna vara uppmärksam.',
          'The rules do not require a notice, but the customer is told so they can stay alert.',
        ),
  ];
  if (means.length > 0) lines.push(`${say(phrasing, 'Sätt', 'Means')}: ${means.join(', ')}.`);
  if (notice.notifiedAt)
    lines.push(
      `${say(phrasing, 'Underrättade', 'Notified')}: ${notice.notifiedCount ?? report.affected.dataSubjects}, ${formatDateTime(phrasing, notice.notifiedAt)}.`,
    );
  // Annex I section 2: the content of the notice. Without the caller's own text, what the notices
  // built by buildCustomerNotice say (GDPR Art. 34(2); Regulation 611/2013 Annex II).
  lines.push(
    notice.content ??
      say(
        phrasing,
        'Underrättelsen beskriver vad som hänt, vilka uppgifter den andra personen kunnat se, vilka åtgärder som vidtagits, vad kunden bör vara uppmärksam på, samt kontaktuppgifter och referensnummer.',
        'The notice says what happened, which details the other person could see, what was done, what the customer should watch for, and gives contact details and the reference number.',
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

function toHtml(title: string, sections: readonly Section[], locale: string): string {
  const blocks = sections.map((section) =>
    [
      `<section>`,
      `<h2>${escapeHtml(section.heading)}</h2>`,
      ...section.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
      ...(section.list && section.list.length > 0
        ? [`<ul>`, ...section.list.map((item) => `<li>${escapeHtml(item)}</li>`), `</ul>`]
        : []),
      `</section>`,
    ].join('\n'),
  );
  return `<article lang="${locale}">\n<h1>${escapeHtml(title)}</h1>\n${blocks.join('\n')}\n</article>\n`;
}

/** Escapes the five characters that are markup in HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );
}
