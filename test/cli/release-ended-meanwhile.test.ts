import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPostgresHoldStore } from '../../src/postgres/create-postgres-hold-store.js';
import { type CliRun, runBuiltCli, startBuiltCli } from '../support/built-cli.js';
import { writeCustomerExport } from '../support/cli-inputs.js';
import { databaseReleaseArgs, databaseUrl } from '../support/database-release.js';
import { discardArgs, holdMessage, releaseArgs } from '../support/hold-message.js';
import { customers, memoryAuditLog, usePipelineFixture } from '../support/pipeline.js';
import { usePostgres } from '../support/use-postgres.js';
import { usePostgresHolds } from '../support/use-postgres-holds.js';

// Issue 13: a release or discard that found the message, and then lost it to another one that
// ended it in between, exited 3 with the store's "there is no held message": it reads like a
// wrong id, and says nothing of who ended it. It is refused (1), naming who ended it and when.
const fixture = usePipelineFixture();
const database = usePostgres();
const GOOD = 'anna.svensson1985@gmail.com';
const TYPO = 'anna.svensson185@gmail.com';
const SCHEMA = 'ended_meanwhile';

usePostgresHolds(database, SCHEMA);

const store = () => join(fixture.dir, 'held');
/** The arguments with Erik, not Lena, as the one who releases or discards. */
const byErik = (args: readonly string[]) =>
  args.map((arg) => (arg === 'lena@butiken.se' ? 'erik@butiken.se' : arg));
const run = (args: readonly string[]) => runBuiltCli(args, { cwd: fixture.dir });

/**
 * Runs the built command with `args` and `--audit-log` a FIFO: it finds the message, then waits at
 * its read of the log for releases in doubt (opening a FIFO waits for its writer, reading it for an
 * end of file). Meanwhile `winner` runs, writing its own log; that log then takes the FIFO's path
 * (`log`: undefined puts an empty one there), and the FIFO's end lets the first command go on,
 * to find the message gone and read who ended it from the log at its path.
 */
async function losing(
  args: readonly string[],
  winner: () => Promise<CliRun>,
  log: string | undefined,
): Promise<{ lost: CliRun; won: CliRun }> {
  const paused = join(fixture.dir, 'paused.audit.jsonl');
  execFileSync('mkfifo', [paused]);
  const { ended } = await startBuiltCli([...args, '--audit-log', paused], { cwd: fixture.dir });
  // Resolves once the command opened the FIFO to read it: it has found the message.
  const writer = await open(paused, 'w');
  const won = await winner();
  const replacement = log ?? join(fixture.dir, 'empty.audit.jsonl');
  if (log === undefined) writeFileSync(replacement, '');
  await rename(replacement, paused);
  await writer.close();
  return { lost: await ended, won };
}

describe('email-guard holds release and discard that lose the message to another one after finding it', () => {
  it('a release says the other release sent it, by whom and when, and exits 1: one message reaches the server', async () => {
    const id = await holdMessage(fixture, TYPO);
    const file = writeCustomerExport(fixture.dir, customers);
    const { lost, won } = await losing(
      releaseArgs(fixture, id, file, ['--to', GOOD]),
      () => run(byErik(releaseArgs(fixture, id, file, ['--to', GOOD]))),
      `${store()}.audit.jsonl`,
    );
    expect(won.status, won.stderr).toBe(0);
    expect(lost.stderr).toMatch(
      new RegExp(
        `${id} was already released by erik@butiken\\.se at \\d{4}-[^;]+; this release did nothing\n$`,
      ),
    );
    expect(lost.stderr).not.toContain('no held message');
    expect(lost.status).toBe(1);
    expect(fixture.sink.received).toHaveLength(1);
  }, 120_000);

  it('a discard says the other discard ended it, by whom and when, and exits 1', async () => {
    const id = await holdMessage(fixture, TYPO);
    const { lost, won } = await losing(
      ['holds', ...discardArgs(id, store(), ['--yes', '--locale', 'sv'])],
      () => run(byErik(['holds', ...discardArgs(id, store(), ['--yes'])])),
      `${store()}.audit.jsonl`,
    );
    expect(won.status, won.stderr).toBe(0);
    expect(lost.stderr).toMatch(
      new RegExp(
        `${id} har redan kastats av erik@butiken\\.se \\d{4}-[^;]+; den här kasseringen gjorde ingenting\n$`,
      ),
    );
    expect(lost.status).toBe(1);
  }, 120_000);

  it('says it was ended meanwhile when the audit log given does not name the end: exit 1, not 3', async () => {
    const id = await holdMessage(fixture, TYPO);
    const file = writeCustomerExport(fixture.dir, customers);
    const { lost, won } = await losing(
      releaseArgs(fixture, id, file, ['--to', GOOD]),
      () => run(['holds', ...discardArgs(id, store(), ['--yes'])]),
      undefined,
    );
    expect(won.status, won.stderr).toBe(0);
    expect(lost.stderr).toContain(
      `${id} was released or discarded by another release or discard after this release found it; this release did nothing`,
    );
    expect(lost.status).toBe(1);
    expect(fixture.sink.received).toHaveLength(0);
  }, 120_000);
});

describe('email-guard holds release --database that loses the message to a discard after finding it', () => {
  const url = () => databaseUrl(database.name);

  it('names who discarded it and when, from the database audit log, and exits 1', async () => {
    const holdStore = createPostgresHoldStore({ pool: database.pool, schema: SCHEMA });
    const id = await holdMessage({ ...fixture, holdStore, audit: memoryAuditLog() }, TYPO);
    // The release reads the message's customer after it found the message: held up by a lock on the
    // customers until the discard has run.
    const locker = await database.pool.connect();
    try {
      await locker.query('BEGIN');
      await locker.query(`LOCK TABLE ${SCHEMA}.customer IN ACCESS EXCLUSIVE MODE`);
      const { ended } = await startBuiltCli(
        databaseReleaseArgs(id, { port: fixture.sink.port, url: url(), schema: SCHEMA }, ['--to', GOOD]),
        { cwd: fixture.dir },
      );
      for (let waiting = 0; waiting === 0; ) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const { rows } = await database.pool.query<{ waiting: number }>(
          `SELECT count(*)::int AS waiting FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
            WHERE NOT l.granted AND c.relname = 'customer' AND c.relnamespace = $1::regnamespace`,
          // This schema's table only: another file's test may wait on its own schema's customer table.
          [SCHEMA],
        );
        waiting = rows[0]?.waiting ?? 0;
      }
      const discarded = await run([
        'holds',
        'discard',
        id,
        '--yes',
        '--by',
        'erik@butiken.se',
        '--reason',
        'dubblett',
        '--database',
        url(),
        '--schema',
        SCHEMA,
      ]);
      expect(discarded.status, discarded.stderr).toBe(0);
      await locker.query('ROLLBACK');
      const lost = await ended;
      expect(lost.stderr).toMatch(
        new RegExp(
          `${id} was already discarded by erik@butiken\\.se at \\d{4}-[^;]+; this release did nothing\n$`,
        ),
      );
      expect(lost.status).toBe(1);
      expect(fixture.sink.received).toHaveLength(0);
    } finally {
      await locker.query('ROLLBACK').catch(() => undefined);
      locker.release();
    }
    // Asked again once it is gone: the same answer, read the same way.
    const again = await run(
      databaseReleaseArgs(id, { port: fixture.sink.port, url: url(), schema: SCHEMA }, [
        '--to',
        GOOD,
        '--locale',
        'sv',
      ]),
    );
    expect(again.stderr).toMatch(
      new RegExp(
        `${id} har redan kastats av erik@butiken\\.se \\d{4}-.+ kl\\. [^;]+; det här släppet gjorde ingenting`,
      ),
    );
    expect(again.status).toBe(1);
  }, 120_000);
});
