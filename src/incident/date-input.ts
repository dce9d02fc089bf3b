import { z } from 'zod';

/**
 * A point in time as the caller has it: an ISO 8601 date-time with an explicit offset (`Z` or
 * `+01:00`, never a local time whose zone depends on the machine) or a valid `Date`.
 */
export const DateInputSchema = z.union(
  [
    z.iso.datetime({ offset: true, message: 'an ISO 8601 date-time with Z or an offset' }),
    z.date().refine((date) => !Number.isNaN(date.getTime()), 'a valid date'),
  ],
  {
    // Without this a missing time reads "Invalid input", which does not say what to give.
    error: (issue) =>
      issue.input === undefined
        ? 'required: an ISO 8601 date-time with Z or an offset, or a Date'
        : 'an ISO 8601 date-time with Z or an offset, or a valid Date',
  },
);

/** A point in time as {@link DateInputSchema} accepts it. */
export type DateInput = z.input<typeof DateInputSchema>;

/** Reads a {@link DateInput} that has passed its schema. */
export function toDate(input: DateInput): Date {
  return input instanceof Date ? new Date(input.getTime()) : new Date(input);
}

/** Adds whole hours exactly (UTC arithmetic: a daylight-saving change does not shorten a deadline). */
export function addHours(date: Date, hours: number): Date {
  return new Date(date.getTime() + hours * 3_600_000);
}
