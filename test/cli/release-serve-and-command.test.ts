import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPostgresHoldStore } from '../../src/postgres/create-postgres-hold-store.js';
import { TOKEN } from '../serve/support.js';
import { builtCli, type CliRun, runBuiltCli } from '../support/built-cli.js';
import { writeCustomerExport } from '../support/cli-inputs.js';
import { databaseReleaseArgs, databaseUrl } from '../support/database-release.js';
import { holdMessage, releaseArgs } from '../support/hold-message.js';
import { customers, memoryAuditLog, usePipelineFixture } from '../support/pipeline.js';
import { releaseHeldAtServer } from '../support/release-held-at-server.js';
import { type StartedServer, startServer } from '../support/started-server.js';
import { usePostgres } from '../support/use-postgres.js';
import { usePostgresHolds } from '../support/use-postgres-holds.js';

// Issue 13: `serve`'s release route and `holds release` on the same held message at once, the one
// while the other is sending it (the SMTP server holds back its answer to DATA): exactly one sends,
// and the other says the message is being released, naming who releases it.
const fixture = usePipelineFixture();
const database = usePostgres();
const GOOD = 'anna.svensson1985@gmail.com';
const TYPO = 'anna.svensson185@gmail.com';
const SCHEMA = 'race_shop';

const url = () => databaseUrl(database.name);

usePostgresHolds(database, SCHEMA);

/** The built `serve` on the folder store or the database, sending through the fixture's server. */
async function serving(where: 'folder' | 'database'): Promise<StartedServer> {
  const store =
    where === 'folder'
      ? ['--holds', join(fixture.dir, 'held'), '--customers', writeCustomerExport(fixture.dir, customers)]
      : ['--database', url(), '--schema', SCHEMA];
  return startServer(
    [...store, '--smtp', `smtp://127.0.0.1:${fixture.sink.port}`],
    { EMAIL_GUARD_TOKEN: TOKEN },
    { built: await builtCli() },
  );
}

/** The message held in the folder store or the database. */
function hold(where: 'folder' | 'database'): Promise<string> {
  if (where === 'folder') return holdMessage(fixture, TYPO);
  const holdStore = createPostgresHoldStore({ pool: database.pool, schema: SCHEMA });
  return holdMessage({ ...fixture, holdStore, audit: memoryAuditLog() }, TYPO);
}

/** `holds release ID --to GOOD` on the folder store or the database, by lena@butiken.se. */
function commandArgs(where: 'folder' | 'database', id: string): string[] {
  return where === 'folder'
    ? releaseArgs(fixture, id, writeCustomerExport(fixture.dir, customers), ['--to', GOOD])
    : databaseReleaseArgs(id, { port: fixture.sink.port, url: url(), schema: SCHEMA }, ['--to', GOOD]);
}

/** serve's release route for `id`, by erik@butiken.se. */
const releaseAtServe = (server: StartedServer, id: string) =>
  fetch(`${server.url}/v1/holds/${id}/release`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ to: [GOOD], by: 'erik@butiken.se', reason: 'read back' }),
  });

describe.each(['folder', 'database'] as const)(
  'serve and holds release of one message at once (%s)',
  (where) => {
    it('while the command sends it, serve refuses (409) and sends nothing', async () => {
      const id = await hold(where);
      const server = await serving(where);
      try {
        let refused: Response | undefined;
        const command = await releaseHeldAtServer(fixture, commandArgs(where, id), async () => {
          refused = await releaseAtServe(server, id);
        });
        expect(command.stderr).toBe('');
        expect(command.status).toBe(0);
        expect(refused?.status).toBe(409);
        expect(fixture.sink.received.map((message) => message.to)).toEqual([[GOOD]]);
      } finally {
        expect(await server.stop()).toBe(0);
      }
    }, 120_000);

    it('while serve sends it, the command says it is being released and sends nothing: exit 1', async () => {
      const id = await hold(where);
      const server = await serving(where);
      try {
        let command: CliRun | undefined;
        let during: Promise<void> | undefined;
        fixture.sink.onMessage = () => {
          during = runBuiltCli(commandArgs(where, id), { cwd: fixture.dir }).then((run) => {
            command = run;
          });
          return during;
        };
        const released = await releaseAtServe(server, id);
        await during;
        fixture.sink.onMessage = undefined;
        expect(released.status).toBe(200);
        expect(command?.status).toBe(1);
        expect(command?.stderr).toContain(
          `${id}: another release or discard of this message is under way by erik@butiken.se`,
        );
        expect(command?.stderr.trim().split('\n')).toHaveLength(1);
        expect(fixture.sink.received.map((message) => message.to)).toEqual([[GOOD]]);
      } finally {
        fixture.sink.onMessage = undefined;
        expect(await server.stop()).toBe(0);
      }
    }, 120_000);
  },
);
