import type { ReleaseOutcome } from '../nodemailer/audit-log.js';

/**
 * How a release's line is read from an audit log row's text on the server: the hold id and the
 * outcome, each by a POSIX pattern's first group (PostgreSQL manual 9.7.3, `substring(... from
 * pattern)`), and the outcomes that count. The trigger of migrate version 9 keeps
 * `last_release_line` with them and verifyAuditLog reads the log again with them, so the two agree
 * row for row. JSON.stringify escapes a quote inside a string (RFC 8259 §7), so `"holdId":"` can
 * only be a key, and a row that is not JSON matches nothing. Version 9's SQL is built from these and
 * a released version never changes: the outcomes are listed here, not taken from `RELEASE_ENDS`,
 * and a test pins both to it.
 */
export const RELEASE_LINE_PATTERNS = {
  holdId: '"holdId":"([^"]*)"',
  outcome: '"outcome":"([a-z-]*)"',
  outcomes: [
    'release-started',
    'released',
    'released-despite-block',
    'release-failed',
    'release-refused',
    'discarded',
  ] satisfies readonly ReleaseOutcome[],
} as const;

/**
 * The SQL expression reading the hold id or the outcome of a release's line from the text column
 * `column` (`NEW.entry` in the trigger, `entry` in a query): NULL where the row has none.
 */
export function releaseLineField(field: 'holdId' | 'outcome', column: string): string {
  // The patterns hold no quote, so each is a plain SQL string literal.
  return `substring(${column} from '${RELEASE_LINE_PATTERNS[field]}')`;
}

/** The outcomes of {@link RELEASE_LINE_PATTERNS} as a list of SQL literals, for `IN (...)`. */
export const RELEASE_LINE_OUTCOMES_SQL = RELEASE_LINE_PATTERNS.outcomes
  .map((outcome) => `'${outcome}'`)
  .join(', ');
