import type { Measure } from './incident-report.js';

/**
 * The entry that states a measure's present state where the measures record it more than once, as a
 * history (a new password that failed, then was sent): the later of two dated entries, else the one
 * given last. The report lists every entry as recorded; what the measure leaves for the customer
 * (a password still to change, a link still working) follows this one (GDPR Art. 5(1)(d): accurate).
 */
export function latestMeasure<Entry extends Pick<Measure, 'id' | 'doneAt'>>(
  measures: readonly Entry[],
  id: string,
): Entry | undefined {
  return measures
    .filter((measure) => measure.id === id)
    .reduce<Entry | undefined>(
      (latest, measure) =>
        latest?.doneAt !== undefined &&
        measure.doneAt !== undefined &&
        Date.parse(latest.doneAt) > Date.parse(measure.doneAt)
          ? latest
          : measure,
      undefined,
    );
}
