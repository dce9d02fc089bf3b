import { byActionSeverity } from './policy.js';
import type { Finding, FindingCode } from './verdict.js';

/** The findings that each name one of the customer's known addresses. */
const ABOUT_A_KNOWN_ADDRESS: ReadonlySet<FindingCode> = new Set([
  'near-miss',
  'other-first-name',
  'number-changed',
  'name-reordered',
  'possible-typo',
  'sibling-domain',
]);

/**
 * How many findings about known addresses a verdict lists: the closest few are what a salesperson
 * can read out; a customer record may hold 255 addresses, and one finding each is a page nobody reads.
 */
export const KNOWN_ADDRESS_FINDINGS = 3;

const distanceOf = (finding: Finding): number => ('distance' in finding ? finding.distance : 0);

/**
 * The verdict's findings with those about known addresses cut to the closest
 * {@link KNOWN_ADDRESS_FINDINGS} (the most severe first, then the nearest), keeping the one the
 * suggestion names; `count` is called with how many there were when any was left out, and its
 * answer replaces the `unverified-address` finding (which then says the number). `findings` must
 * already be in {@link byActionSeverity} order; the verdict's action and suggestion are decided
 * from all of them before this runs, so they never change.
 */
export function boundKnownFindings(
  findings: readonly Finding[],
  suggestion: string | undefined,
  count: (unverified: Extract<Finding, { code: 'unverified-address' }>, close: number) => Finding,
): Finding[] {
  let close = 0;
  for (const finding of findings) if (ABOUT_A_KNOWN_ADDRESS.has(finding.code)) close++;
  if (close <= KNOWN_ADDRESS_FINDINGS) return findings as Finding[];
  const ranked = findings
    .filter((finding) => ABOUT_A_KNOWN_ADDRESS.has(finding.code))
    .sort((a, b) => byActionSeverity(a, b) || distanceOf(a) - distanceOf(b));
  const kept = new Set(ranked.slice(0, KNOWN_ADDRESS_FINDINGS));
  const suggested = ranked.find((finding) => 'known' in finding && finding.known === suggestion);
  if (suggested && !kept.has(suggested)) {
    kept.delete(ranked[KNOWN_ADDRESS_FINDINGS - 1] as Finding);
    kept.add(suggested);
  }
  const bounded: Finding[] = [];
  for (const finding of findings) {
    if (!ABOUT_A_KNOWN_ADDRESS.has(finding.code)) {
      bounded.push(finding.code === 'unverified-address' ? count(finding, close) : finding);
    } else if (kept.has(finding) && !bounded.some((item) => kept.has(item))) {
      // The kept ones in their ranked order, where the first of them stood.
      for (const item of ranked) if (kept.has(item)) bounded.push(item);
    }
  }
  return bounded;
}
