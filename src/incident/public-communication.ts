import { type Phrasing, say } from './describe-incident.js';
import type { IncidentReport } from './incident-report.js';

// Below this many people, contacting each one is rarely disproportionate: the line is this
// library's, not the EDPB's, which names no number (see publicCommunicationLines).
const FEW_PEOPLE = 100;

/**
 * Where GDPR Art. 34(3)(c) applies (telling each person would take disproportionate effort), the
 * people concerned are not left untold: "there shall instead be a public communication or similar
 * measure whereby the data subjects are informed in an equally effective manner". `made` once the
 * report records a public notice sent (`subscriberNotice.means` with `public-notice` and
 * `notifiedAt`), `planned` until then; `undefined` where the exemption does not apply.
 */
export function publicCommunication(report: IncidentReport): 'planned' | 'made' | undefined {
  if (!report.assessment.exemptions.includes('GDPR Art. 34(3)(c)')) return undefined;
  const notice = report.subscriberNotice;
  return notice.means.includes('public-notice') && notice.notifiedAt !== undefined ? 'made' : 'planned';
}

/**
 * The report's lines on the public communication: what replaces the individual notices, and, for a
 * few people, that the exemption is hard to argue (WP250 rev.01, endorsed by the EDPB, section III.C,
 * on Art. 34(3)(c): contact details lost in the breach or never known; EDPB Guidelines 9/2022 on
 * personal data breach notification, which keep that reading).
 */
export function publicCommunicationLines(phrasing: Phrasing, report: IncidentReport): string[] {
  const state = publicCommunication(report);
  if (state === undefined) return [];
  const count = report.affected.dataSubjects;
  return [
    say(
      phrasing,
      `Att underrätta var och en av de berörda skulle kräva oproportionerligt stor ansträngning: de informeras i stället genom ett offentligt meddelande eller en liknande åtgärd (GDPR art. 34.3 c), ${state === 'made' ? 'som har gjorts' : 'planerat'}.`,
      `Telling each person concerned would take disproportionate effort: they are informed instead by a public communication or similar measure (GDPR Art. 34(3)(c)), ${state === 'made' ? 'made' : 'planned'}.`,
    ),
    ...(count < FEW_PEOPLE
      ? [
          say(
            phrasing,
            `Med ${count} berörda är oproportionerligt stor ansträngning svårt att hävda: undantaget avser fall där kontaktuppgifterna gått förlorade eller aldrig varit kända (WP250 rev.01, avsnitt III.C; EDPB Guidelines 9/2022). Kontrollera att var och en inte kan nås direkt.`,
            `With ${count} ${count === 1 ? 'person' : 'people'} concerned, disproportionate effort is hard to argue: the exemption is for contact details lost in the breach or never known (WP250 rev.01, section III.C; EDPB Guidelines 9/2022). Check that each person cannot be told directly.`,
          ),
        ]
      : []),
  ];
}

/** The conclusion's and the register's words for it, or `undefined` where it does not apply. */
export function publicCommunicationWords(
  phrasing: Phrasing,
  report: IncidentReport,
  form: 'conclusion' | 'register',
): string | undefined {
  const state = publicCommunication(report);
  if (state === undefined) return undefined;
  const made = state === 'made';
  return form === 'register'
    ? say(
        phrasing,
        `offentligt meddelande i stället för underrättelse var för sig, ${made ? 'gjort' : 'planerat'}`,
        `public communication instead of individual notices, ${made ? 'made' : 'planned'}`,
      )
    : say(
        phrasing,
        `de berörda informeras genom ett offentligt meddelande i stället för var för sig (GDPR art. 34.3 c), ${made ? 'som har gjorts' : 'planerat'}`,
        `the people concerned are informed by a public communication instead of one by one (GDPR Art. 34(3)(c)), ${made ? 'made' : 'planned'}`,
      );
}
