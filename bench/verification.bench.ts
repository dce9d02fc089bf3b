/**
 * `verifier.reindex()` on the PostgreSQL verification store: addresses filed a second, a page of
 * 500 in one transaction (`fileMany`) against one index entry a transaction (a store without it).
 * Printed, never asserted; docs/nodemailer.md gives the figures per 100,000 addresses.
 */
import { createHmac } from 'node:crypto';
import pg from 'pg';
import { startPostgresCluster } from '../scripts/start-postgres-cluster.js';
import { createPostgresVerificationStore } from '../src/postgres/create-postgres-verification-store.js';
import { migrate } from '../src/postgres/migrate.js';
import { createVerifier } from '../src/verification/create-verifier.js';
import type { VerificationRecord, VerificationStore } from '../src/verification/verification-store.js';

/** Addresses filed by each way: one at a time is slow, so it gets fewer. */
export interface BenchVerificationOptions {
  readonly batched: number;
  readonly oneAtATime: number;
}

export async function benchVerification(options: BenchVerificationOptions): Promise<void> {
  console.log('Reindexing verified addresses (PostgreSQL)');
  let cluster: ReturnType<typeof startPostgresCluster>;
  try {
    cluster = startPostgresCluster({});
  } catch (error) {
    console.log(`  skipped: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  const pool = new pg.Pool({ host: cluster.socketFolder, user: cluster.user, database: 'postgres', max: 4 });
  try {
    for (const [schema, count, batched] of [
      ['reindex_batched', options.batched, true],
      ['reindex_single', options.oneAtATime, false],
    ] as const) {
      await migrate(pool, { schema });
      const store = createPostgresVerificationStore<VerificationRecord>({ pool, schema });
      const key = await store.key();
      const addresses = Array.from({ length: count }, (_, index) => `kund.${index}@outlook.com`);
      const names = addresses.map(
        (address) => `a-${createHmac('sha256', key).update(`address:${address}`).digest('hex')}`,
      );
      await pool.query(
        `INSERT INTO ${schema}.verification_record (name, record)
         SELECT name, jsonb_build_object('kind', 'address', 'address', address, 'starts', '[]'::jsonb,
           'challenges', jsonb_build_array(jsonb_build_object('id', name, 'customerId', 'C-1',
             'codeHash', 'ab', 'createdAt', 0, 'expiresAt', 1, 'attempts', 1, 'maxAttempts', 5, 'verifiedAt', 1)))
         FROM unnest($1::text[], $2::text[]) AS verified(name, address)`,
        [names, addresses],
      );
      // The same store without `fileMany`, as a store of one's own without it files.
      const oneAtATime: VerificationStore = {
        now: store.now,
        key: store.key,
        read: store.read,
        readMany: store.readMany,
        verifiedRecords: store.verifiedRecords,
        update: store.update,
      };
      const verifier = createVerifier({
        store: batched ? store : oneAtATime,
        transporter: { sendMail: async () => ({}) } as never,
        from: 'Butiken AB <order@butiken.se>',
      });
      const start = performance.now();
      await verifier.reindex();
      const seconds = (performance.now() - start) / 1000;
      const perSecond = count / seconds;
      console.log(
        `  ${batched ? 'a page of 500 a transaction' : 'an entry a transaction     '}: ${count.toLocaleString('en-US')} addresses in ${seconds.toFixed(1)} s, ${Math.round(perSecond).toLocaleString('en-US')}/s, ${(100_000 / perSecond / 60).toFixed(1)} min per 100,000`,
      );
    }
  } finally {
    await pool.end();
    cluster.stop();
  }
}
