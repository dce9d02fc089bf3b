import { z } from 'zod';
import type { InputIssue } from '../errors.js';
import { factsObject, type Regime } from './breach-facts.js';
import { DateInputSchema, toDate } from './date-input.js';
import type { AuthorityFinding } from './find-authority.js';

/**
 * One filing with one authority, as the caller records it: the authority by its abbreviation
 * (`PTS`), its id in the authorities table (`se-pts`) or, where the table has none, the regime it
 * supervises (`eprivacy`). A provider that is also controller files with the authority of each
 * regime on its own (Regulation 611/2013 Art. 2(2); GDPR Art. 33(1)), so a filing with one says
 * nothing of the other.
 *
 * @example
 * ```ts
 * AuthorityNotificationSchema.parse({ authority: 'PTS', at: '2026-12-01T10:00:00+01:00' });
 * ```
 */
export const AuthorityNotificationSchema = factsObject({
  authority: z.string().trim().min(1),
  at: DateInputSchema,
  /** The authority's own reference for the filing, where it gave one. */
  reference: z.string().trim().min(1).optional(),
});

/**
 * A filing as the report keeps it: one per authority, as the caller named it. The regimes it covers
 * are read from the report's authorities (the ICO receives the UK GDPR and the PECR notifications,
 * one filing for both); a report stored before kept one entry per regime, with `regime`.
 */
export interface AuthorityFiling {
  readonly authority: string;
  readonly at: string;
  readonly reference?: string | undefined;
  /** Only in reports stored with one entry per regime. */
  readonly regime?: Regime | undefined;
}

/** The ids of the distinct authorities a report concerns (a regime stands for an authority the table lacks). */
export function distinctAuthorities(findings: readonly AuthorityFinding[]): string[] {
  return [...new Set(findings.map((finding) => finding.authority?.id ?? finding.regime))];
}

/**
 * What tells one finding from another: its authority, or the regime where the table has none. Two
 * authorities may share a regime (IMY and the ICO each receive GDPR notifications, for an organisation
 * established in Sweden and the United Kingdom), so a regime alone would let a filing with one stand
 * for the other.
 */
export function findingKey(finding: AuthorityFinding): string {
  return finding.authority?.id ?? finding.regime;
}

/** How the caller may name the authority of a finding. */
function namesOf(finding: AuthorityFinding): string[] {
  return [finding.authority?.abbreviation, finding.authority?.id, finding.regime]
    .filter((name): name is string => name !== undefined)
    .map((name) => name.toLowerCase());
}

/**
 * The filings given, one per authority named, and the issues of those that name no
 * authority of the report or name one twice.
 */
export function resolveFilings(
  given: {
    readonly notifications?: readonly z.infer<typeof AuthorityNotificationSchema>[] | undefined;
    readonly initialNotificationAt?: unknown;
  },
  findings: readonly AuthorityFinding[],
  locale: 'sv' | 'en' = 'en',
): { filings: AuthorityFiling[]; issues: InputIssue[] } {
  const say = (swedish: string, english: string) => (locale === 'sv' ? swedish : english);
  const issues: InputIssue[] = [];
  const filings: AuthorityFiling[] = [];
  const choices = names(findings);
  if (given.initialNotificationAt !== undefined && given.notifications !== undefined)
    issues.push({
      path: ['input', 'notifications'],
      message: say(
        'anges tillsammans med initialNotificationAt: ange anmälningarna på ett ställe, i notifications',
        'given together with initialNotificationAt: give the filings in one place, in notifications',
      ),
    });
  const seen = new Set<string>();
  for (const [index, notification] of (given.notifications ?? []).entries()) {
    const wanted = notification.authority.toLowerCase();
    const matching = findings.filter((finding) => namesOf(finding).includes(wanted));
    const path = ['input', 'notifications', index, 'authority'];
    if (matching.length === 0) {
      issues.push({
        path,
        message: say(
          `${notification.authority} är ingen av incidentens tillsynsmyndigheter (${choices})`,
          `${notification.authority} is none of the breach's authorities (${choices})`,
        ),
      });
      continue;
    }
    if (matching.some((finding) => seen.has(findingKey(finding)))) {
      issues.push({
        path,
        message: say(
          `${notification.authority} har redan en första anmälan i notifications`,
          `${notification.authority} already has a first filing in notifications`,
        ),
      });
      continue;
    }
    for (const finding of matching) seen.add(findingKey(finding));
    filings.push({
      authority: notification.authority,
      at: toDate(notification.at).toISOString(),
      ...(notification.reference === undefined ? {} : { reference: notification.reference }),
    });
  }
  return { filings, issues };
}

/**
 * `initialNotificationAt` is one filing time: where the breach is notified to several authorities it
 * says nothing of which, so it is refused there in favour of `notifications`. `findings` are the
 * authorities the breach is notified to.
 */
export function ambiguousFilingTime(
  given: { readonly initialNotificationAt?: unknown },
  findings: readonly AuthorityFinding[],
  locale: 'sv' | 'en' = 'en',
): InputIssue[] {
  const say = (swedish: string, english: string) => (locale === 'sv' ? swedish : english);
  const issues: InputIssue[] = [];
  const choices = names(findings);
  const [first] = choices.split(', ');
  if (given.initialNotificationAt !== undefined && distinctAuthorities(findings).length > 1)
    issues.push({
      path: ['input', 'initialNotificationAt'],
      message: say(
        `är en enda tidpunkt, men incidenten anmäls till flera myndigheter (${choices}): ange varje anmälan för sig i notifications, till exempel [{ authority: '${first}', at: … }]`,
        `is one time, but the breach concerns several authorities (${choices}): give each filing in notifications, for example [{ authority: '${first}', at: … }]`,
      ),
    });
  return issues;
}

/**
 * A filing recorded beside a judgment that the authority is not notified. The judgment can leave out
 * the GDPR notification only: a provider's filing under Regulation 611/2013 stands whatever the risk
 * (Art. 2(1)), so a filing with that authority agrees with it and is kept. A filing with an authority
 * the judgment leaves out, or any filing where it leaves out every authority, would have the report say
 * "Notified: no" over a recorded filing: one of the two is what the controller must correct (GDPR
 * Art. 33(5) documents the facts as they are).
 */
export function filingsAgainstJudgment(
  given: {
    readonly initialNotificationAt?: unknown;
    readonly filings: readonly AuthorityFiling[];
  },
  context: {
    readonly judgedNotNotified: boolean;
    readonly authorities: readonly AuthorityFinding[];
    /** The authorities the breach is notified to after the judgment. */
    readonly notified: readonly AuthorityFinding[];
  },
  locale: 'sv' | 'en' = 'en',
): InputIssue[] {
  const say = (swedish: string, english: string) => (locale === 'sv' ? swedish : english);
  if (!context.judgedNotNotified) return [];
  if (context.notified.length === 0)
    return given.initialNotificationAt !== undefined || given.filings.length > 0
      ? [
          {
            path: ['input', 'judgment', 'notifyAuthority'],
            message: say(
              'motsäger initialNotificationAt: en första anmälan till tillsynsmyndigheten är registrerad, men bedömningen lämnar ingen myndighet att anmäla till (ingen skyldighet att anmäla oavsett risk gäller här); ta bort anmälan eller ändra bedömningen',
              'contradicts initialNotificationAt: a first notification to the authority is recorded, but the judgment leaves no authority to notify (no duty to notify whatever the risk applies here); remove the filing or change the judgment',
            ),
          },
        ]
      : [];
  const left = context.notified.map((finding) => finding.regime);
  return given.filings.flatMap((filing, index) =>
    regimesOf(filing, context.authorities).some((regime) => left.includes(regime))
      ? []
      : [
          {
            path: ['input', 'notifications', index, 'authority'],
            message: say(
              `${filing.authority} är registrerad som anmäld, men enligt bedömningen (judgment.notifyAuthority: false) anmäls incidenten bara till ${names(context.notified)}; ta bort anmälan eller ändra bedömningen`,
              `${filing.authority} is recorded as notified, but the judgment (judgment.notifyAuthority: false) leaves only ${names(context.notified)} notified; remove the filing or change the judgment`,
            ),
          },
        ],
  );
}

/** The authorities as the caller would name them, once each. */
function names(findings: readonly AuthorityFinding[]): string {
  return [
    ...new Set(
      findings.map((finding) => finding.authority?.abbreviation ?? finding.authority?.id ?? finding.regime),
    ),
  ].join(', ');
}

/** The regimes a stored filing covers: those of the report's authorities it names, or the one it was stored under. */
export function regimesOf(
  filing: Pick<AuthorityFiling, 'authority' | 'regime'>,
  findings: readonly AuthorityFinding[],
): Regime[] {
  if (filing.regime !== undefined) return [filing.regime];
  const wanted = filing.authority.toLowerCase();
  return findings.filter((finding) => namesOf(finding).includes(wanted)).map((finding) => finding.regime);
}

/** What a report records of the first filing with the authority of a regime. */
export type FilingRecord =
  | { readonly state: 'filed'; readonly at: string; readonly reference?: string | undefined }
  /**
   * One `initialNotificationAt` in a report stored when the breach was notified to several
   * authorities: the date is recorded once, and which authority it applies to is not known.
   */
  | { readonly state: 'unattributed'; readonly at: string }
  | { readonly state: 'none' };

/**
 * When the authority of `regime` (or of the finding given) was first notified: its own filing in `notifications`, or
 * `initialNotificationAt` where the report concerns one authority only. Where several authorities
 * are notified and only `initialNotificationAt` is recorded (reports stored before filings were
 * kept per authority), the date cannot be put under any one of them: a report signed with it under
 * each would state filings that may not have happened (GDPR Art. 33(5) documents the facts).
 */
export function filingRecord(
  report: {
    readonly facts: {
      readonly notifications?: readonly AuthorityFiling[] | undefined;
      readonly initialNotificationAt?: string | undefined;
    };
    readonly authorities?: readonly AuthorityFinding[] | undefined;
    readonly decision?: { readonly notifyAuthorityUnder: readonly Regime[] } | undefined;
  },
  of: Regime | AuthorityFinding,
): FilingRecord {
  const { notifications, initialNotificationAt } = report.facts;
  const under = report.decision?.notifyAuthorityUnder;
  const notified = (report.authorities ?? []).filter(
    (finding) => under === undefined || under.includes(finding.regime),
  );
  if (notifications !== undefined) {
    // A finding is matched by its own authority, so that a filing with another authority under the
    // same regime is not taken for its filing; a filing stored with one entry per regime, by regime.
    const filing = notifications.find((entry) =>
      typeof of === 'string'
        ? regimesOf(entry, report.authorities ?? []).includes(of)
        : entry.regime !== undefined
          ? entry.regime === of.regime
          : namesOf(of).includes(entry.authority.toLowerCase()),
    );
    return filing === undefined
      ? { state: 'none' }
      : {
          state: 'filed',
          at: filing.at,
          ...(filing.reference === undefined ? {} : { reference: filing.reference }),
        };
  }
  if (initialNotificationAt === undefined) return { state: 'none' };
  return distinctAuthorities(notified).length > 1
    ? { state: 'unattributed', at: initialNotificationAt }
    : { state: 'filed', at: initialNotificationAt };
}

/** The moment {@link filingRecord} attributes to the authority of `regime`, if any. */
export function filedAt(...args: Parameters<typeof filingRecord>): string | undefined {
  const record = filingRecord(...args);
  return record.state === 'filed' ? record.at : undefined;
}
