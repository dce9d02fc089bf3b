import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import copyStreams from 'pg-copy-streams';
import { type MailboxKey, type MailboxRuleIndex, mailboxKey } from '../address/mailbox-key.js';
import { storedAddress } from '../contacts/create-address-matcher.js';
import { UNPARSED } from './unparsed-marker.js';
import { variantCopyChunks } from './variant-copy-chunks.js';

/** Customers read and filed per round. */
const BATCH = 10_000;
/** As the directory's first load sorts its index build in (see create-postgres-directory.ts). */
const BUILD_MEMORY = '256MB';

/**
 * Files every stored customer again in `mailbox_variant`, from the customer rows, as the directory
 * files them now: a directory filled before a kind of variant was added (the folded key of å, ä, ö
 * written another way, `foldedMailboxKey`) finds those spellings without a fresh upsert of each
 * customer. The variants are computed here, in Node, by the code the directory files and looks up
 * with (`variantCopyChunks`), under `rules`, so the rows are those an upsert would write.
 *
 * Runs inside `migrate`'s transaction, under its advisory lock. The rows go by `COPY` into a new
 * table without its primary key, which is then built by one sort, and the new table takes the old
 * one's place (PostgreSQL manual, "Populating a Database", 14.4.3). Meanwhile writers of customers
 * wait (SHARE locks on both tables, PostgreSQL manual, "Explicit Locking": they conflict with the
 * ROW EXCLUSIVE lock of INSERT, UPDATE and DELETE), so none is filed in the old table after it was
 * read; look-ups read the old table until the swap, and wait only for the commit that follows it.
 */
export async function rebuildMailboxVariants(
  client: PoolClient,
  schema: string,
  rules: MailboxRuleIndex,
): Promise<void> {
  const s = schema;
  await client.query(`LOCK TABLE ${s}.customer, ${s}.mailbox_variant IN SHARE MODE`);
  await client.query(
    `CREATE TABLE ${s}.mailbox_variant_rebuilt (
       variant     text COLLATE "C" NOT NULL,
       customer_id text COLLATE "C" NOT NULL
     )`,
  );
  let after: string | undefined;
  for (;;) {
    // By primary key, from where the last round ended: each round reads only its own rows.
    const { rows } = await client.query<{ id: string; emails: string[] }>(
      after === undefined
        ? `SELECT id, emails FROM ${s}.customer ORDER BY id LIMIT ${BATCH}`
        : `SELECT id, emails FROM ${s}.customer WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
      after === undefined ? [] : [after],
    );
    if (rows.length === 0) break;
    after = rows[rows.length - 1]?.id;
    const batch = rows.map((row) => ({ id: row.id, keys: storedKeys(row.emails, rules) }));
    const stream = client.query(
      copyStreams.from(`COPY ${s}.mailbox_variant_rebuilt (variant, customer_id) FROM STDIN`),
    );
    await pipeline(Readable.from(variantCopyChunks(batch)), stream);
    if (rows.length < BATCH) break;
  }
  await client.query(
    `SELECT set_config('maintenance_work_mem', $1, true)
      WHERE pg_size_bytes(current_setting('maintenance_work_mem')) < pg_size_bytes($1)`,
    [BUILD_MEMORY],
  );
  await client.query(
    `ALTER TABLE ${s}.mailbox_variant_rebuilt ADD CONSTRAINT mailbox_variant_rebuilt_pkey PRIMARY KEY (variant, customer_id)`,
  );
  await client.query(`DROP TABLE ${s}.mailbox_variant`);
  await client.query(`ALTER TABLE ${s}.mailbox_variant_rebuilt RENAME TO mailbox_variant`);
  // The name the directory's first load drops and builds again (beginBulkLoad).
  await client.query(
    `ALTER TABLE ${s}.mailbox_variant RENAME CONSTRAINT mailbox_variant_rebuilt_pkey TO mailbox_variant_pkey`,
  );
  await client.query(`ANALYZE ${s}.mailbox_variant`);
}

/** The mailbox keys of a customer's stored addresses, each once; unparsed ones index nothing. */
function storedKeys(emails: readonly string[], rules: MailboxRuleIndex): MailboxKey[] {
  const keys: MailboxKey[] = [];
  for (const address of emails) {
    if (address.startsWith(UNPARSED)) continue;
    const key = mailboxKey(storedAddress(address), rules);
    if (!keys.some((known) => known.key === key.key)) keys.push(key);
  }
  return keys;
}
