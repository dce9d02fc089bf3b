import type { DateInput } from './date-input.js';
import type { impossibleIncidentDates } from './impossible-facts.js';

/** The facts of a new report whose dates {@link impossibleIncidentDates} checks, as callers give them. */
export interface IncidentDateFacts {
  readonly occurredAt: DateInput;
  readonly detectedAt: DateInput;
  readonly customerCall?: { readonly at: DateInput } | undefined;
  readonly judgment?: { readonly at?: DateInput | undefined } | undefined;
  readonly timeline?: readonly { readonly at: DateInput }[] | undefined;
  readonly measures?: readonly { readonly doneAt?: DateInput | undefined }[] | undefined;
  readonly initialNotificationAt?: DateInput | undefined;
  readonly subscriberNotice?: { readonly notifiedAt?: DateInput | undefined } | undefined;
}

/**
 * The dates of a new report, read from its facts and options, in the shape
 * {@link impossibleIncidentDates} checks: one reading for every entry point that writes a report, so
 * that a date checked in one is checked in all.
 *
 * @example
 * ```ts
 * impossibleIncidentDates(incidentDatesOf(given, { now: '2026-11-30T12:00:00Z', locale: 'sv' }));
 * ```
 */
export function incidentDatesOf(
  given: IncidentDateFacts,
  settings: { readonly now?: DateInput | undefined; readonly locale?: 'sv' | 'en' | undefined },
): Parameters<typeof impossibleIncidentDates>[0] {
  return {
    occurredAt: given.occurredAt,
    detectedAt: given.detectedAt,
    now: settings.now ?? new Date(),
    customerCallAt: given.customerCall?.at,
    judgmentAt: given.judgment?.at,
    timeline: given.timeline?.map((entry) => entry.at) ?? [],
    measuresDoneAt: given.measures?.map((measure) => measure.doneAt) ?? [],
    initialNotificationAt: given.initialNotificationAt,
    notifiedAt: given.subscriberNotice?.notifiedAt,
    locale: settings.locale,
  };
}
