import type { Pool } from 'pg';
import { parseTextArray } from './parse-text-array.js';

/** A customer filed under a lookup's variants, as the matcher reads it. */
export interface CandidateCustomer {
  readonly id: string;
  readonly name: string | null;
  readonly emails: string[];
  readonly birthDate: string | null;
  /** In E.164 where they parsed, as stored. */
  readonly phones: string[];
}

/** Options of {@link createCandidateBatcher}. */
export interface CandidateBatcherOptions {
  readonly pool: Pool;
  /** The schema, quoted as `schemaName` gives it. */
  readonly schema: string;
  /** Statements under way at once; lookups asked meanwhile wait and go together in the next. @default 2 */
  readonly statements?: number;
  /** Lookups in one statement at most. @default 64 */
  readonly lookups?: number;
  /**
   * Sends a lookup that reads near domains at once in a statement of its own, outside the count of
   * `statements` (how the directory read them before they went with the others; the benchmarks
   * compare the two). @default false
   */
  readonly domainsApart?: boolean;
  /**
   * How the `text[]` columns are read: in one pass ({@link parseTextArray}), or by node-postgres's
   * own parser (as before; the benchmarks compare the two). @default 'one-pass'
   */
  readonly textArrays?: 'one-pass' | 'default';
  /**
   * Called as a lookup is asked, in its caller's context, with whether it reads near domains too;
   * what it returns is called as the lookup is answered, with when its statement was sent and
   * answered (`performance.now()`) and how many lookups went in it. For measurements only
   * (bench/postgres-tail.ts). @default undefined
   */
  readonly observe?: (readsDomains: boolean) => LookupObserver | undefined;
}

/** Told when a lookup's statement was sent and answered, and how many lookups it carried. */
export type LookupObserver = (sent: number, answered: number, lookups: number) => void;

/**
 * The strings a lookup asks, each at least once: an array (a check's variants, which may repeat one:
 * no set is built per check for them) or a set.
 */
export type Strings = ReadonlySet<string> | readonly string[];

/** What a lookup found: the candidate customers, and the near domains when it asked for them. */
export interface CandidateLookup {
  readonly customers: CandidateCustomer[];
  /** The directory's domains filed under one of the asked domain variants (`domain_variant`), each once. */
  readonly domains: string[];
}

/** Finds the customers filed under a lookup's variants, several lookups in one statement. */
export interface CandidateBatcher {
  /**
   * The customers with at least one of `variants` in `mailbox_variant`, each once. A string with
   * the NUL character, which PostgreSQL text cannot hold and so no stored variant has, is left out
   * of the statement (nor does the server then refuse the other checks sent with it).
   */
  find(variants: Strings): Promise<CandidateCustomer[]>;
  /**
   * {@link find}, and the domains with at least one of `domainVariants` in `domain_variant`, in the
   * same statement (an entered domain whose near domains are not cached). With `local`, the
   * customers filed under `local@domain` for each of those domains come in the same statement too:
   * the entered local part looked up at the near domains as a domain without mailbox rules reads
   * it, one round trip instead of two in a row.
   */
  findWithDomains(
    variants: Strings,
    domainVariants: ReadonlySet<string>,
    local?: string,
  ): Promise<CandidateLookup>;
}

interface Pending {
  readonly variants: Strings;
  readonly domainVariants: ReadonlySet<string> | undefined;
  /** The local part to look up at each near domain read (`local@domain`), if any. */
  readonly local: string | undefined;
  readonly observer: LookupObserver | undefined;
  readonly resolve: (found: CandidateLookup) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * A row of the statement: a customer and which of the asked variants it is filed under, or (with
 * `emails` null) a domain and which of the asked domain variants it is filed under.
 */
type BatchRow = [
  id: string,
  name: string | null,
  emails: string[] | null,
  birthDate: string | null,
  phones: string[] | null,
  variants: string[],
];

/**
 * The strings of the lookups as one `text[]` literal (`{"a","b"}`, each element quoted, `"` and
 * `\\` escaped inside: PostgreSQL manual, "Arrays", 8.15.6), made in one pass: node-postgres would
 * otherwise make it per statement with two regular-expression replacements per element. The
 * elements are gathered and joined once, so the literal is made as one string, not as a chain of
 * as many concatenations as elements that is copied again when it is sent (bench/allocation.ts
 * measures what a check allocates). A string asked by two lookups goes twice; `= ANY` reads each once
 * (the index scan sorts its array keys and drops repeats). Strings with the NUL character are left
 * out (see {@link CandidateBatcher.find}).
 */
function textArray(batch: readonly Pending[], strings: (pending: Pending) => Strings | undefined): string {
  const elements: string[] = [];
  for (const pending of batch) {
    for (const value of strings(pending) ?? []) {
      if (value.includes('\u0000')) continue;
      elements.push(/["\\]/.test(value) ? value.replace(/["\\]/g, '\\$&') : value);
    }
  }
  const last = elements.length - 1;
  if (last < 0) return '{}';
  elements[0] = `{"${elements[0]}`;
  elements[last] = `${elements[last]}"}`;
  return elements.join('","');
}

/** PostgreSQL's type oid of `text[]` (src/include/catalog/pg_type.dat, `_text`). */
const TEXT_ARRAY_OID = 1009;
/**
 * How the statements' columns are read: every one is `text` or `text[]` (the customer's fields,
 * the variants a row was found under), so a `text[]` goes through {@link parseTextArray} and the
 * rest stays as the server sent it (node-postgres "Queries", `types`).
 */
const columnTypes = {
  getTypeParser: (oid: number) => (oid === TEXT_ARRAY_OID ? parseTextArray : (value: string) => value),
};

/** A customer row of the statement as the matcher reads it. */
function candidateOf(row: BatchRow, emails: string[]): CandidateCustomer {
  return { id: row[0], name: row[1], emails, birthDate: row[3], phones: row[4] ?? [] };
}

/** Whether a lookup asked one of a row's hit strings. */
function asked(strings: Strings | undefined, hits: readonly string[]): boolean {
  if (strings === undefined) return false;
  if (Array.isArray(strings)) {
    for (const hit of hits) if (strings.includes(hit)) return true;
    return false;
  }
  for (const hit of hits) if ((strings as ReadonlySet<string>).has(hit)) return true;
  return false;
}

/**
 * Looks up candidate customers for many checks at once. With one check at a time each lookup is a
 * statement of its own, sent at once; with many in flight, the lookups asked while
 * `statements` are under way go together in the next one: one round trip, one Bind/Execute and one
 * executor start for all of them instead of one each, which is most of the server's cost of a
 * check's lookup (the index reads are a few pages per variant), and fewer backends competing
 * with the application for the same cores. A lookup that also reads the near domains of its
 * entered domain (`domain_variant`, not yet cached) goes in the same statements, not in one of its
 * own beside them: the statements under way stay at most `statements`, whatever the checks ask.
 * Each lookup gets the same rows as a statement of its own would give: those filed under any of
 * its variants, read in one snapshot taken after it was asked (PostgreSQL manual, "Read Committed
 * Isolation Level").
 */
export function createCandidateBatcher(options: CandidateBatcherOptions): CandidateBatcher {
  const {
    pool,
    schema: s,
    statements = 2,
    lookups = 64,
    domainsApart = false,
    textArrays = 'one-pass',
    observe,
  } = options;
  // The candidate ids first, as an array: the customer rows are then fetched by primary key
  // whatever the planner's statistics say (a fresh load has none). Each customer comes once, with
  // the variants it was found under, so its row can be handed to every lookup that asked one of them.
  const batchText = `WITH hit AS MATERIALIZED (
             SELECT customer_id, array_agg(variant) AS variants FROM ${s}.mailbox_variant
              WHERE variant = ANY($1::text[]) GROUP BY customer_id)
           SELECT customer.id, customer.name, customer.emails, customer.birth_date, customer.phones, hit.variants
             FROM ${s}.customer JOIN hit ON hit.customer_id = customer.id
            WHERE customer.id = ANY(ARRAY(SELECT customer_id FROM hit))`;
  // Rows as arrays: no object with named fields made per row (node-postgres "Queries", rowMode).
  const query = { name: `email-guard ${s} find-candidate-batch`, text: batchText, rowMode: 'array' as const };
  const queryWithDomains = {
    name: `email-guard ${s} find-candidate-batch-near`,
    text: `${batchText}
           UNION ALL
           SELECT domain, NULL::text, NULL::text[], NULL::text, NULL::text[], array_agg(variant) FROM ${s}.domain_variant
            WHERE variant = ANY($2::text[]) GROUP BY domain`,
    rowMode: 'array' as const,
  };
  // A lookup alone in its statement: the customers only, without the grouping that hands rows to
  // several lookups (about 50 µs of the server's CPU a check with one in flight).
  const singleText = `SELECT id, name, emails, birth_date, phones FROM ${s}.customer
            WHERE id = ANY(ARRAY(SELECT customer_id FROM ${s}.mailbox_variant WHERE variant = ANY($1::text[])))`;
  const single = { name: `email-guard ${s} find-candidates`, text: singleText, rowMode: 'array' as const };
  const singleWithDomains = {
    name: `email-guard ${s} find-candidates-near`,
    text: `${singleText}
           UNION ALL
           SELECT DISTINCT domain, NULL::text, NULL::text[], NULL::text, NULL::text[] FROM ${s}.domain_variant WHERE variant = ANY($2::text[])`,
    rowMode: 'array' as const,
  };
  // The same, with the entered local part looked up at each near domain read, in one statement: the
  // near domains are read once (`near`), and `local@domain` for each joins the variants looked up.
  // `$3` and `$4` pair each lookup's local part with its domain variants, so a lookup's local part
  // is tried only at its own entered domain's near domains.
  const batchNearText = `WITH near AS MATERIALIZED (
             SELECT variant, domain FROM ${s}.domain_variant WHERE variant = ANY($2::text[])),
           hit AS MATERIALIZED (
             SELECT customer_id, array_agg(variant) AS variants FROM ${s}.mailbox_variant
              WHERE variant = ANY($1::text[] || ARRAY(
                      SELECT DISTINCT asked.local || '@' || near.domain
                        FROM unnest($3::text[], $4::text[]) AS asked (local, variant)
                        JOIN near USING (variant)))
              GROUP BY customer_id)
           SELECT customer.id, customer.name, customer.emails, customer.birth_date, customer.phones, hit.variants
             FROM ${s}.customer JOIN hit ON hit.customer_id = customer.id
            WHERE customer.id = ANY(ARRAY(SELECT customer_id FROM hit))
           UNION ALL
           SELECT domain, NULL::text, NULL::text[], NULL::text, NULL::text[], array_agg(variant) FROM near GROUP BY domain`;
  const queryNear = {
    name: `email-guard ${s} find-candidate-batch-near-local`,
    text: batchNearText,
    rowMode: 'array' as const,
  };
  const singleNear = {
    name: `email-guard ${s} find-candidates-near-local`,
    text: `WITH near AS MATERIALIZED (
             SELECT DISTINCT domain FROM ${s}.domain_variant WHERE variant = ANY($2::text[]))
           SELECT id, name, emails, birth_date, phones FROM ${s}.customer
            WHERE id = ANY(ARRAY(SELECT customer_id FROM ${s}.mailbox_variant
                   WHERE variant = ANY($1::text[] || ARRAY(SELECT $3::text || '@' || domain FROM near))))
           UNION ALL
           SELECT domain, NULL::text, NULL::text[], NULL::text, NULL::text[] FROM near`,
    rowMode: 'array' as const,
  };
  let waiting: Pending[] = [];
  let running = 0;
  const arrayTypes = textArrays === 'default' ? undefined : columnTypes;

  function send(batch: Pending[], counted = true): void {
    if (counted) running++;
    const alone = batch.length === 1;
    const withDomains = batch.some((pending) => pending.domainVariants !== undefined);
    const withLocal = batch.some((pending) => pending.local !== undefined);
    const values: unknown[] = [textArray(batch, (pending) => pending.variants)];
    if (withDomains) values.push(textArray(batch, (pending) => pending.domainVariants));
    if (withLocal && alone) values.push((batch[0] as Pending).local);
    else if (withLocal) {
      const locals: string[] = [];
      const domainVariants: string[] = [];
      for (const pending of batch) {
        if (pending.local === undefined) continue;
        for (const variant of pending.domainVariants ?? []) {
          if (variant.includes('\u0000')) continue;
          locals.push(pending.local);
          domainVariants.push(variant);
        }
      }
      values.push(locals, domainVariants);
    }
    const statement = alone
      ? withLocal
        ? singleNear
        : withDomains
          ? singleWithDomains
          : single
      : withLocal
        ? queryNear
        : withDomains
          ? queryWithDomains
          : query;
    const sent = observe ? performance.now() : 0;
    pool
      .query<BatchRow>({
        name: statement.name,
        text: statement.text,
        rowMode: 'array',
        types: arrayTypes,
        values,
      })
      .then(
        ({ rows }) => {
          if (observe) {
            const answered = performance.now();
            for (const pending of batch) pending.observer?.(sent, answered, batch.length);
          }
          if (alone) {
            const customers: CandidateCustomer[] = [];
            const domains: string[] = [];
            for (const row of rows) {
              if (row[2] === null) domains.push(row[0]);
              else customers.push(candidateOf(row, row[2]));
            }
            (batch[0] as Pending).resolve({ customers, domains });
            return;
          }
          // Each row is handed to the lookups that asked one of the strings it was found under: a
          // look in each lookup's own set, nothing indexed per asked string.
          const found: CandidateCustomer[][] = batch.map(() => []);
          const near: string[][] = batch.map(() => []);
          if (withDomains) {
            for (const row of rows) {
              if (row[2] !== null) continue;
              for (let index = 0; index < batch.length; index++) {
                if (asked((batch[index] as Pending).domainVariants, row[5]))
                  (near[index] as string[]).push(row[0]);
              }
            }
          }
          // The `local@domain` strings each lookup asked at its near domains: known once the near
          // domains are handed out.
          const nearKeys = withLocal
            ? batch.map((pending, index) =>
                pending.local === undefined
                  ? undefined
                  : new Set((near[index] as string[]).map((domain) => `${pending.local}@${domain}`)),
              )
            : undefined;
          for (const row of rows) {
            const emails = row[2];
            if (emails === null) continue;
            const customer = candidateOf(row, emails);
            for (let index = 0; index < batch.length; index++) {
              if (asked((batch[index] as Pending).variants, row[5]) || asked(nearKeys?.[index], row[5]))
                (found[index] as CandidateCustomer[]).push(customer);
            }
          }
          batch.forEach((pending, index) => {
            pending.resolve({
              customers: found[index] as CandidateCustomer[],
              domains: near[index] as string[],
            });
          });
        },
        (error: unknown) => {
          for (const pending of batch) pending.reject(error);
        },
      )
      .finally(() => {
        if (!counted) return;
        running--;
        if (waiting.length > 0) {
          const next = waiting.length <= lookups ? waiting : waiting.slice(0, lookups);
          waiting = waiting.length <= lookups ? [] : waiting.slice(lookups);
          send(next);
        }
      });
  }

  function ask(pending: Pending): void {
    if (domainsApart && pending.domainVariants !== undefined) send([pending], false);
    else if (running < statements) send([pending]);
    else waiting.push(pending);
  }

  return {
    // One promise a lookup: the customers are handed on by the resolving function, not by a `then`.
    find: (variants) =>
      new Promise<CandidateCustomer[]>((resolve, reject) => {
        ask({
          variants,
          domainVariants: undefined,
          local: undefined,
          observer: observe?.(false),
          resolve: (found) => resolve(found.customers),
          reject,
        });
      }),
    findWithDomains: (variants, domainVariants, local) =>
      new Promise<CandidateLookup>((resolve, reject) => {
        ask({ variants, domainVariants, local, observer: observe?.(true), resolve, reject });
      }),
  };
}
