import type { Pool } from 'pg';

/** A customer filed under a lookup's variants, as the matcher reads it. */
export interface CandidateCustomer {
  readonly id: string;
  readonly name: string | null;
  readonly emails: string[];
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
   * Called as a lookup is asked, in its caller's context; what it returns is called as the lookup
   * is answered, with when its statement was sent and answered (`performance.now()`) and how many
   * lookups went in it. For measurements only (bench/postgres-tail.ts). @default undefined
   */
  readonly observe?: () => LookupObserver | undefined;
}

/** Told when a lookup's statement was sent and answered, and how many lookups it carried. */
export type LookupObserver = (sent: number, answered: number, lookups: number) => void;

/** Finds the customers filed under a lookup's variants, several lookups in one statement. */
export interface CandidateBatcher {
  /** The customers with at least one of `variants` in `mailbox_variant`, each once. */
  find(variants: readonly string[]): Promise<CandidateCustomer[]>;
}

interface Pending {
  readonly variants: readonly string[];
  readonly observer: LookupObserver | undefined;
  readonly resolve: (customers: CandidateCustomer[]) => void;
  readonly reject: (error: unknown) => void;
}

/** A row of the statement: a customer and which of the asked variants it is filed under. */
type BatchRow = [id: string, name: string | null, emails: string[], variants: string[]];

/**
 * Looks up candidate customers for many checks at once. With one check at a time each lookup is a
 * statement of its own, sent at once; with many in flight, the lookups asked while
 * `statements` are under way go together in the next one: one round trip, one Bind/Execute and one
 * executor start for all of them instead of one each, which is most of the server's cost of a
 * check's lookup (the index reads are a few pages per variant), and fewer backends competing
 * with the application for the same cores. Each lookup gets the same customers as a statement of
 * its own would give: those filed under any of its variants, read in one snapshot taken after it
 * was asked (PostgreSQL manual, "Read Committed Isolation Level").
 */
export function createCandidateBatcher(options: CandidateBatcherOptions): CandidateBatcher {
  const { pool, schema: s, statements = 2, lookups = 64, observe } = options;
  // The candidate ids first, as an array: the customer rows are then fetched by primary key
  // whatever the planner's statistics say (a fresh load has none). Each customer comes once, with
  // the variants it was found under, so its row can be handed to every lookup that asked one of them.
  const query = {
    name: `email-guard ${s} find-candidate-batch`,
    text: `WITH hit AS MATERIALIZED (
             SELECT customer_id, array_agg(variant) AS variants FROM ${s}.mailbox_variant
              WHERE variant = ANY($1::text[]) GROUP BY customer_id)
           SELECT customer.id, customer.name, customer.emails, hit.variants
             FROM ${s}.customer JOIN hit ON hit.customer_id = customer.id
            WHERE customer.id = ANY(ARRAY(SELECT customer_id FROM hit))`,
    // Rows as arrays: no object with named fields made per row (node-postgres "Queries", rowMode).
    rowMode: 'array' as const,
  };
  // A lookup alone in its statement: the customers only, without the grouping that hands rows to
  // several lookups (about 50 µs of the server's CPU a check with one in flight).
  const single = {
    name: `email-guard ${s} find-candidates`,
    text: `SELECT id, name, emails FROM ${s}.customer
            WHERE id = ANY(ARRAY(SELECT customer_id FROM ${s}.mailbox_variant WHERE variant = ANY($1::text[])))`,
    rowMode: 'array' as const,
  };
  let waiting: Pending[] = [];
  let running = 0;

  function send(batch: Pending[]): void {
    running++;
    let values: string[];
    if (batch.length === 1) values = (batch[0] as Pending).variants as string[];
    else {
      const all = new Set<string>();
      for (const pending of batch) for (const variant of pending.variants) all.add(variant);
      values = [...all];
    }
    const sent = observe ? performance.now() : 0;
    pool
      .query<BatchRow>({ ...(batch.length === 1 ? single : query), values: [values] })
      .then(
        ({ rows }) => {
          if (observe) {
            const answered = performance.now();
            for (const pending of batch) pending.observer?.(sent, answered, batch.length);
          }
          if (batch.length === 1) {
            (batch[0] as Pending).resolve(rows.map((row) => ({ id: row[0], name: row[1], emails: row[2] })));
            return;
          }
          // Which lookups asked each variant (a lookup's variants are distinct).
          const askedBy = new Map<string, number[]>();
          batch.forEach((pending, index) => {
            for (const variant of pending.variants) {
              const asking = askedBy.get(variant);
              if (asking === undefined) askedBy.set(variant, [index]);
              else if (asking[asking.length - 1] !== index) asking.push(index);
            }
          });
          const found: CandidateCustomer[][] = batch.map(() => []);
          // The last customer each lookup was given: a customer found under two of its variants once.
          const last: (CandidateCustomer | undefined)[] = batch.map(() => undefined);
          for (const row of rows) {
            const customer = { id: row[0], name: row[1], emails: row[2] };
            for (const variant of row[3]) {
              for (const index of askedBy.get(variant) ?? []) {
                if (last[index] === customer) continue;
                last[index] = customer;
                (found[index] as CandidateCustomer[]).push(customer);
              }
            }
          }
          batch.forEach((pending, index) => {
            pending.resolve(found[index] as CandidateCustomer[]);
          });
        },
        (error: unknown) => {
          for (const pending of batch) pending.reject(error);
        },
      )
      .finally(() => {
        running--;
        if (waiting.length > 0) {
          const next = waiting.length <= lookups ? waiting : waiting.slice(0, lookups);
          waiting = waiting.length <= lookups ? [] : waiting.slice(lookups);
          send(next);
        }
      });
  }

  return {
    find(variants) {
      return new Promise((resolve, reject) => {
        const pending = { variants, observer: observe?.(), resolve, reject };
        if (running < statements) send([pending]);
        else waiting.push(pending);
      });
    },
  };
}
