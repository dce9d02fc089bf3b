/** A corrected field as a release is given it: one address, a list, or nothing. */
export type CorrectedField = string | readonly string[] | undefined;

/** The corrected recipients of a release, To, Cc and Bcc as given. */
export interface CorrectedRecipientsInput {
  readonly to?: CorrectedField;
  readonly cc?: CorrectedField;
  readonly bcc?: CorrectedField;
}

/**
 * Every corrected recipient of a release, To, Cc and Bcc together in that order: what the release's
 * rule (`releaseNeeds`, its `to`) is asked about, whichever command or route gave them.
 *
 * @example
 * ```ts
 * correctedRecipients({ to: 'anna@example.se', bcc: ['arkiv@example.se'] });
 * // ['anna@example.se', 'arkiv@example.se']
 * ```
 */
export function correctedRecipients(given: CorrectedRecipientsInput): string[] {
  return [given.to, given.cc, given.bcc].flatMap((field) =>
    field === undefined ? [] : typeof field === 'string' ? [field] : [...field],
  );
}
