import { z } from 'zod';
import { regimesOf } from './authority-filings.js';
import { factsObject, type Regime } from './breach-facts.js';
import type { IncidentReport } from './incident-report.js';

const Timestamp = z.iso.datetime({ offset: true, message: 'an ISO 8601 date-time with Z or an offset' });

/** What kind of step a timeline entry is; the report adds the steps it knows when no entry of that kind is given. */
export const TimelineKindSchema = z.enum([
  'occurred',
  'detected',
  'contained',
  'judged',
  'authority-notified',
  'data-subjects-notified',
  'customer-called',
  'other',
]);

/**
 * One step from the breach to the last notification: when, what happened, who did it.
 *
 * @example
 * ```ts
 * TimelineEntrySchema.parse({ at: '2018-02-23T13:52:00+01:00', what: 'The stranger confirmed deleting the message.', who: 'Customer service' });
 * ```
 */
export const TimelineEntrySchema = factsObject({
  at: Timestamp,
  what: z.string().trim().min(1),
  who: z.string().trim().min(1).optional(),
  kind: TimelineKindSchema.optional(),
});
/** One timeline entry (see {@link TimelineEntrySchema}). */
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

/**
 * The call to the customer: when, who called, whether the right person was confirmed to have
 * answered, and the customer's answers to the questions asked (GDPR Art. 33(5): the facts relating
 * to the breach; the seed's script asks about other consequences and questions).
 *
 * @example
 * ```ts
 * CustomerCallSchema.parse({ at: '2018-02-23T14:30:00+01:00', identityChecked: true, answers: [{ question: 'Other consequences?', answer: 'No.' }] });
 * ```
 */
export const CustomerCallSchema = factsObject({
  at: Timestamp,
  by: z.string().trim().min(1).optional(),
  /** The caller checked that the person who answered was the customer before telling them anything. */
  identityChecked: z.boolean().optional(),
  /** The customer's answers to the questions asked; none recorded when left out. */
  answers: z
    .array(factsObject({ question: z.string().trim().min(1), answer: z.string().trim().min(1) }))
    .default([]),
});
/** The call to the customer (see {@link CustomerCallSchema}). */
export type CustomerCall = z.infer<typeof CustomerCallSchema>;

/** A timeline entry with the words of the steps the report adds itself left to the renderer. */
export interface TimelineStep {
  readonly at: string;
  readonly kind: z.infer<typeof TimelineKindSchema>;
  /** The caller's words; absent for a step the report added from its own facts. */
  readonly what?: string;
  readonly who?: string;
  /** The regime whose authority a first filing went to, where the report records one per authority. */
  readonly regime?: Regime;
}

/**
 * The report's timeline in order: the caller's entries, and the steps the report knows from its own
 * facts (occurred, detected, the officer's judgment, the first notification, the notice to the
 * people concerned, the call to the customer) where the caller gave no entry of that kind. Steps at
 * the same moment follow the natural order of the kinds, then the order they were given in.
 *
 * @example
 * ```ts
 * buildTimeline(report).map((step) => step.kind); // ['occurred', 'detected', 'authority-notified', ...]
 * ```
 */
export function buildTimeline(report: IncidentReport): TimelineStep[] {
  const given: TimelineStep[] = (report.timeline ?? []).map((entry) => ({
    at: entry.at,
    kind: entry.kind ?? 'other',
    what: entry.what,
    ...(entry.who === undefined ? {} : { who: entry.who }),
  }));
  const has = new Set(given.map((step) => step.kind));
  const known: TimelineStep[] = [];
  const add = (kind: TimelineStep['kind'], at: string | undefined, who?: string) => {
    if (at !== undefined && !has.has(kind)) known.push({ at, kind, ...(who === undefined ? {} : { who }) });
  };
  add('occurred', report.incident.occurredAt);
  add('detected', report.incident.detectedAt);
  add('judged', report.judgment?.at, report.judgment?.by);
  // Each authority's first filing is a step of its own (the report names the authority beside it).
  if (report.facts.notifications === undefined) add('authority-notified', report.facts.initialNotificationAt);
  else if (!has.has('authority-notified')) {
    // An authority under two regimes (the ICO) filed with once is one step, also in a report stored
    // with one entry per regime.
    const stepped = new Set<string>();
    for (const filing of report.facts.notifications) {
      const [regime] = regimesOf(filing, report.authorities ?? []);
      if (stepped.has(filing.authority.toLowerCase())) continue;
      stepped.add(filing.authority.toLowerCase());
      known.push({ at: filing.at, kind: 'authority-notified', ...(regime === undefined ? {} : { regime }) });
    }
  }
  add('data-subjects-notified', report.subscriberNotice.notifiedAt);
  add('customer-called', report.customerCall?.at, report.customerCall?.by);
  const order: readonly TimelineStep['kind'][] = TimelineKindSchema.options;
  // Stable sort by time; at the same moment, the natural order of the steps.
  return [...known, ...given]
    .map((step, index) => ({ step, index }))
    .sort(
      (a, b) =>
        Date.parse(a.step.at) - Date.parse(b.step.at) ||
        order.indexOf(a.step.kind) - order.indexOf(b.step.kind) ||
        a.index - b.index,
    )
    .map(({ step }) => step);
}
