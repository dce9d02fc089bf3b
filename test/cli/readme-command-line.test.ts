import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HoldStore } from '../../src/nodemailer/hold-store.js';
import { createPostgresDirectory } from '../../src/postgres/create-postgres-directory.js';
import { createPostgresHoldStore } from '../../src/postgres/create-postgres-hold-store.js';
import { migrate } from '../../src/postgres/migrate.js';
import { builtCli } from '../support/built-cli.js';
import { customers, guardedTransport, memoryAuditLog, usePipelineFixture } from '../support/pipeline.js';
import { usePostgres } from '../support/use-postgres.js';

const root = resolve(__dirname, '../..');
const fixture = usePipelineFixture();
const database = usePostgres();
/** The database the examples of `holds --database` name; this run's own stands in for it. */
const DOCS_DATABASE = 'postgres://guard@db.internal:5432/shop';

/** One `$ command` of a ```console block and the output shown under it. */
interface ShownCommand {
  readonly command: string;
  readonly output: string;
}

/**
 * The ```console blocks of a document (of the README, its "Command line" section), each a list of
 * commands with their output.
 */
function shownCommands(document = 'README.md'): ShownCommand[][] {
  const text = readFileSync(join(root, document), 'utf8');
  const section =
    document === 'README.md' ? (/^## Command line\n([\s\S]*?)^## /m.exec(text)?.[1] ?? '') : text;
  return [...section.matchAll(/```console\n([\s\S]*?)```/g)].map((block) => {
    const commands: { command: string; output: string[] }[] = [];
    let continued = false;
    for (const line of (block[1] as string).replace(/\n$/, '').split('\n')) {
      const last = commands.at(-1);
      if (continued && last) last.command += `\n${line}`;
      else if (line.startsWith('$ ')) commands.push({ command: line.slice(2), output: [] });
      else last?.output.push(line);
      continued = line.endsWith('\\');
    }
    return commands.map(({ command, output }) => ({ command, output: output.join('\n') }));
  });
}

/**
 * Runs a block's commands as the reader's shell would (sh, in `cwd`), `npx email-guard` being the
 * built command, each command's standard error shown where it is not sent elsewhere (`2>/dev/null`).
 */
async function runShown(
  commands: readonly ShownCommand[],
  cwd: string,
  substitute: (command: string) => string,
): Promise<string[]> {
  const cli = await builtCli();
  const marker = '@@@ next command @@@';
  const script = commands
    .map(
      ({ command }) =>
        `{ ${substitute(command).replace(/\bnpx email-guard\b/g, `node '${cli}'`)}\n} 2>&1; s=$?; echo '${marker}'; (exit $s)`,
    )
    .join('\n');
  const output = await new Promise<string>((resolvePromise, reject) => {
    const child = spawn('/bin/sh', ['-c', script], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
    });
    child.on('error', reject);
    child.on('close', () => resolvePromise(text));
  });
  return output
    .split(`${marker}\n`)
    .slice(0, commands.length)
    .map((text) => text.replace(/\n$/, ''));
}

/**
 * What differs from run to run and not from reader to reader: a held message's id, the time it was
 * held and its age.
 */
const stable = (text: string) =>
  text
    .replace(/\b\d{8}T\d{9}Z-[0-9a-f-]{36}\b/g, '<hold id>')
    .replace(/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z(?=\s+\d+ min)/g, '<held at>')
    .replace(/\b\d+ min\b/g, '<age> min');

/** Sends one confirmation the pipeline holds in `holdStore` (the typo of C-1001's address); answers its id. */
async function holdIn(holdStore: HoldStore): Promise<string> {
  const held = await guardedTransport(fixture, undefined, { holdStore, auditLog: memoryAuditLog() })
    .sendMail({
      from: 'order@butiken.se',
      to: 'anna.svensson185@gmail.com',
      subject: 'Orderbekräftelse',
      text: 'Tack för din beställning.',
      emailGuard: { customerId: 'C-1001' },
    })
    .then(
      () => undefined,
      (error: { holdId?: string }) => error.holdId,
    );
  if (!held) throw new Error('the confirmation was not held');
  return held;
}

beforeAll(async () => {
  await builtCli();
}, 120_000);

describe('the command line examples of the README and docs/cli.md', () => {
  it('show one example for each command in the README', () => {
    const shown = shownCommands()
      .flat()
      .map(({ command }) => /^npx email-guard (customers check|holds \w+|\w+)/.exec(command)?.[1]);
    expect(shown).toEqual(['check', 'customers check', 'holds list', 'audit', 'incident']);
  });

  it('show what the built command prints for each example', async () => {
    const cwd = fixture.dir;
    // The files the examples name, where a reader who cloned the repository has them.
    cpSync(join(root, 'examples/data'), join(cwd, 'examples/data'), { recursive: true });
    mkdirSync(join(cwd, 'sent'));
    copyFileSync(join(root, 'examples/data/orderbekraftelse.eml'), join(cwd, 'sent/orderbekraftelse.eml'));
    writeFileSync(
      join(cwd, 'customers.csv'),
      `id;name;email\n${Object.values(customers)
        .map((customer) => `${customer.id};${customer.name};${(customer.emails ?? []).join(',')}`)
        .join('\n')}\n`,
    );
    const held = await holdIn(fixture.holdStore);
    renameSync(join(cwd, 'held'), join(cwd, 'held-mail'));
    // The same confirmation held in PostgreSQL, checked there against the customers of its directory.
    await migrate(database.pool);
    await createPostgresDirectory({ pool: database.pool }).upsert(Object.values(customers));
    const heldInDatabase = await holdIn(createPostgresHoldStore({ pool: database.pool }));
    const url = `postgresql://${process.env.PGUSER ?? 'postgres'}@/${database.name}?host=${encodeURIComponent(process.env.PGHOST ?? '')}`;
    // The held message's id, the database and the SMTP server are this run's.
    const substitute = (command: string) =>
      command
        .replace(/\b\d{8}T\d{9}Z-[0-9a-f-]{36}\b/g, command.includes(DOCS_DATABASE) ? heldInDatabase : held)
        .replace(DOCS_DATABASE, `'${url}'`)
        .replace('smtp://mail.butiken.se:587', `smtp://127.0.0.1:${fixture.sink.port}`);
    for (const document of ['README.md', 'docs/cli.md'])
      for (const block of shownCommands(document)) {
        const printed = await runShown(block, cwd, substitute);
        expect(printed.map(stable), `${document}: ${block[0]?.command}`).toEqual(
          block.map(({ output }) => stable(output)),
        );
      }
  }, 120_000);
});
