/**
 * What the variant table's key costs the server: the candidate look-up of checks in flight (four
 * look-ups a statement, as the grouped look-ups of 16 checks in flight mostly carry) against the
 * text key the directory files under, and against a 64-bit hash of it (`int8`), alternated in rounds in
 * one process against one cluster. Prints the server's CPU and Node's per look-up, and each
 * table's size per customer.
 *
 * Run alone: `npx tsx bench/postgres-key.ts [customers] [look-ups per round] [rounds]` (default 100000, 8000, 4).
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { syntheticCustomers } from '../eval/cases/synthetic-people.js';
import { startPostgresCluster } from '../scripts/start-postgres-cluster.js';
import { indexMailboxRules, mailboxKey } from '../src/address/mailbox-key.js';
import { parseAddress } from '../src/address/parse-address.js';
import { foldedMailboxKey } from '../src/contacts/folded-mailbox-key.js';
import { createPostgresDirectory } from '../src/postgres/create-postgres-directory.js';
import { migrate } from '../src/postgres/migrate.js';
import { serverCpu, serverCpuBetween, settle, workload } from './postgres.bench.js';

const n = Number(process.argv[2] ?? 100_000);
const perRound = Number(process.argv[3] ?? 8000);
const rounds = Number(process.argv[4] ?? 4);
const inFlight = 4;
const perStatement = 4;

const cluster = startPostgresCluster({ settings: { shared_buffers: '256MB' } });
const pool = new pg.Pool({
  host: cluster.socketFolder,
  user: cluster.user,
  database: 'postgres',
  max: inFlight,
});
try {
  await migrate(pool);
  await createPostgresDirectory({ pool }).upsert(syntheticCustomers(n, 1));
  await pool.query(`CREATE TABLE email_guard.mailbox_variant_h AS
      SELECT hashtextextended(variant, 0) AS h, customer_id FROM email_guard.mailbox_variant`);
  await pool.query('ALTER TABLE email_guard.mailbox_variant_h ADD PRIMARY KEY (h, customer_id)');
  await settle(pool);
  for (const table of ['mailbox_variant', 'mailbox_variant_h']) {
    const { rows } = await pool.query<{ size: string }>(
      `SELECT pg_total_relation_size('email_guard.${table}') AS size`,
    );
    console.log(`${table}: ${Math.round(Number(rows[0]?.size) / n)} bytes per customer`);
  }
  const rules = indexMailboxRules();
  const lookups = workload(perRound, n).map(({ entered }) => {
    const parsed = parseAddress(entered);
    if (!parsed.ok) return [];
    const key = mailboxKey(parsed.address, rules);
    const into = new Set([key.key]);
    for (let i = 0; i < key.local.length; i++) {
      if (i > 0 && key.local[i] === key.local[i - 1]) continue;
      into.add(`${key.local.slice(0, i)}${key.local.slice(i + 1)}@${key.domain}`);
    }
    const folded = foldedMailboxKey(key);
    if (folded !== undefined) into.add(folded);
    return [...into];
  });
  const all = [...new Set(lookups.flat())];
  const { rows: hashed } = await pool.query<{ v: string; h: string }>(
    'SELECT v, hashtextextended(v, 0)::text AS h FROM unnest($1::text[]) AS v',
    [all],
  );
  const hashOf = new Map(hashed.map((row) => [row.v, row.h]));
  const s = 'email_guard';
  const statements = {
    text: {
      name: 'text',
      text: `WITH hit AS MATERIALIZED (
             SELECT customer_id, array_agg(variant) AS variants FROM ${s}.mailbox_variant
              WHERE variant = ANY($1::text[]) GROUP BY customer_id)
           SELECT customer.id, customer.name, customer.emails, hit.variants
             FROM ${s}.customer JOIN hit ON hit.customer_id = customer.id
            WHERE customer.id = ANY(ARRAY(SELECT customer_id FROM hit))`,
      values: (batch: string[][]) => [[...new Set(batch.flat())]],
    },
    int8: {
      name: 'int8',
      text: `WITH hit AS MATERIALIZED (
             SELECT customer_id, array_agg(h) AS variants FROM ${s}.mailbox_variant_h
              WHERE h = ANY($1::int8[]) GROUP BY customer_id)
           SELECT customer.id, customer.name, customer.emails, hit.variants
             FROM ${s}.customer JOIN hit ON hit.customer_id = customer.id
            WHERE customer.id = ANY(ARRAY(SELECT customer_id FROM hit))`,
      values: (batch: string[][]) => [[...new Set(batch.flat())].map((v) => hashOf.get(v))],
    },
    lookup: {
      name: 'lookup',
      text: `SELECT customer.id, customer.name, customer.emails, hit.lookups
             FROM (SELECT variant.customer_id, array_agg(DISTINCT asked.lookup) AS lookups
                     FROM unnest($1::text[], $2::int4[]) AS asked (variant, lookup)
                     JOIN ${s}.mailbox_variant AS variant USING (variant)
                    GROUP BY variant.customer_id) AS hit
             JOIN ${s}.customer ON customer.id = hit.customer_id`,
      values: (batch: string[][]) => [
        batch.flat(),
        batch.flatMap((variants, index) => variants.map(() => index)),
      ],
    },
  } as const;
  const { rows } = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const stat = readFileSync(`/proc/${rows[0]?.pid}/stat`, 'utf8');
  const postmaster = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  const run = async (name: keyof typeof statements) => {
    const statement = statements[name];
    let next = 0;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        for (let i = next; i < lookups.length; i = next) {
          next += perStatement;
          const batch = lookups.slice(i, i + perStatement);
          await pool.query({
            name: statement.name,
            text: statement.text,
            values: statement.values(batch),
            rowMode: 'array',
          });
        }
      }),
    );
  };
  await run('text');
  await run('int8');
  await run('lookup');
  const used = { text: [] as string[], int8: [] as string[], lookup: [] as string[] };
  for (let round = 0; round < rounds; round++) {
    for (const name of round % 2 === 0
      ? (['text', 'int8', 'lookup'] as const)
      : (['lookup', 'int8', 'text'] as const)) {
      const server = serverCpu(postmaster) ?? new Map<number, number>();
      const node = process.cpuUsage();
      await run(name);
      const nodeUsed = process.cpuUsage(node);
      const serverUsed = serverCpuBetween(server, serverCpu(postmaster) ?? server);
      used[name].push(
        `server ${Math.round((serverUsed * 1e6) / perRound)} µs, node ${Math.round((nodeUsed.user + nodeUsed.system) / perRound)} µs`,
      );
    }
  }
  for (const name of ['text', 'int8', 'lookup'] as const)
    console.log(`${name} per look-up: ${used[name].join(' | ')}`);
  for (const name of ['text', 'int8', 'lookup'] as const) {
    if (name === 'lookup') {
      const batch = lookups.slice(0, perStatement);
      const plan = await pool.query({
        text: `EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, COSTS OFF) ${statements.lookup.text}`,
        values: statements.lookup.values(batch),
      });
      console.log(`-- ${name}\n${plan.rows.map((row) => row['QUERY PLAN']).join('\n')}`);
      continue;
    }
    const batch = lookups.slice(0, perStatement);
    const plan = await pool.query(
      `EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, COSTS OFF) ${statements[name].text.replace('$1', `'${JSON.stringify(statements[name].values(batch)[0]).replace(/^\[/, '{').replace(/\]$/, '}').replace(/'/g, "''")}'`)}`,
    );
    console.log(`-- ${name}\n${plan.rows.map((row) => row['QUERY PLAN']).join('\n')}`);
  }
} finally {
  await pool.end();
  cluster.stop();
}
