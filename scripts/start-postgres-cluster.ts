/**
 * Starts a throwaway PostgreSQL cluster in a temporary folder, listening on a Unix socket only (no
 * TCP port), for the tests, the examples and the benchmark:
 *   const cluster = startPostgresCluster(); ... new pg.Pool({ host: cluster.socketFolder, user: 'postgres' }); ... cluster.stop();
 * `initdb` refuses to run as root, so as root the folder is handed to the `postgres` user and the
 * server runs as that user (`runuser -u postgres --`).
 */
import { spawnSync } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** What to do where PostgreSQL is missing: one line, printed instead of a stack of connection errors. */
export const INSTALL_POSTGRES =
  'PostgreSQL is needed for the PostgreSQL tests and was not found (no initdb on the PATH or in /usr/lib/postgresql/*/bin): install it with `apt-get install postgresql-15` (Debian/Ubuntu) or `brew install postgresql@15` (macOS).';

/** The cluster folders' prefix, under the system's temporary folder (or `parent`). */
const FOLDER_PREFIX = 'email-guard-pg-';

/**
 * The file in a cluster's folder naming the process that started it: a run killed before its
 * teardown leaves the server running, and only this tells that no one uses it any more.
 */
export const OWNER_FILE = 'owner.pid';

/** A running cluster. */
export interface PostgresCluster {
  /** The folder holding the server's socket: pass it as `host` (or PGHOST) to connect. */
  readonly socketFolder: string;
  /** The superuser to connect as. */
  readonly user: string;
  /** Stops the server at once and removes its folder. */
  stop(): void;
  /**
   * Stops the server as an administrator would (`pg_ctl stop -m fast`: open sessions are ended,
   * SQLSTATE 57P01, and the data is kept), for a test of a database that goes away mid-use.
   */
  stopServer(): void;
  /** Starts the server again on the same data and socket after {@link stopServer}. */
  startServer(): void;
}

/**
 * The folder of `initdb` and `pg_ctl`: the PATH first, then the newest version under
 * /usr/lib/postgresql (where Debian installs them, off the PATH). `undefined` when there is none.
 */
export function findPostgresBin(
  searchPath: string = process.env.PATH ?? '',
  versionsFolder = '/usr/lib/postgresql',
): string | undefined {
  for (const folder of searchPath.split(delimiter)) {
    if (folder && existsSync(join(folder, 'initdb')) && existsSync(join(folder, 'pg_ctl'))) return folder;
  }
  if (!existsSync(versionsFolder)) return undefined;
  const versions = readdirSync(versionsFolder)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const folder = join(versionsFolder, version, 'bin');
    if (existsSync(join(folder, 'initdb')) && existsSync(join(folder, 'pg_ctl'))) return folder;
  }
  return undefined;
}

/**
 * Creates and starts a cluster. Throws an error whose message is {@link INSTALL_POSTGRES} when
 * PostgreSQL is not installed, and one with initdb's or the server's own output when it fails.
 */
export function startPostgresCluster(
  options: {
    readonly searchPath?: string;
    readonly versionsFolder?: string;
    /** Server settings beyond the throwaway defaults below (`{ shared_buffers: '512MB' }`). */
    readonly settings?: Readonly<Record<string, string>>;
    /** The folder the cluster's folder is made in. @default '/tmp' on Linux, else the system's temporary folder */
    readonly parent?: string;
  } = {},
): PostgresCluster {
  const bin = findPostgresBin(options.searchPath, options.versionsFolder);
  if (bin === undefined) throw new Error(INSTALL_POSTGRES);
  // The system's temporary folder, not a per-run one: the postgres user must be able to enter it.
  // The path stays short: a socket path is limited to about 100 bytes (sockaddr_un).
  const parent = options.parent ?? (process.platform === 'linux' ? '/tmp' : tmpdir());
  stopAbandonedClusters(bin, parent);
  const folder = mkdtempSync(join(parent, FOLDER_PREFIX));
  writeFileSync(join(folder, OWNER_FILE), `${process.pid}\n`);
  try {
    if (process.getuid?.() === 0) {
      const postgres = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
      const group = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
      if (postgres.status !== 0) throw new Error(`${INSTALL_POSTGRES} (there is no postgres user)`);
      chownSync(folder, Number(postgres.stdout.trim()), Number(group.stdout.trim()));
    }
    const data = join(folder, 'data');
    // Trust on the socket only, which only this machine can reach; no fsync: the cluster is thrown away.
    runPostgres(join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    const startServer = () =>
      runPostgres(join(bin, 'pg_ctl'), [
        '-D',
        data,
        '-l',
        join(folder, 'server.log'),
        '-o',
        `-k ${folder} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200${Object.entries(
          options.settings ?? {},
        )
          .map(([name, value]) => ` -c ${name}=${value}`)
          .join('')}`,
        '-w',
        'start',
      ]);
    startServer();
    return {
      socketFolder: folder,
      user: 'postgres',
      stopServer: () => runPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']),
      startServer,
      stop() {
        try {
          // Already stopped by stopServer (and not started again): only the folder is left to remove.
          if (existsSync(join(data, 'postmaster.pid')))
            runPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
        } finally {
          rmSync(folder, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

/** Runs a PostgreSQL program, as the postgres user when this process is root (initdb refuses root). */
function runPostgres(command: string, args: string[]): void {
  const full: [string, string[]] =
    process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  // A cluster that cannot start must fail the run, never hang it: initdb and `pg_ctl -w` finish
  // in seconds; 90 s is far past that on a loaded machine.
  const result = spawnSync(full[0], full[1], { encoding: 'utf8', timeout: 90_000 });
  if (result.error) throw new Error(`${command} did not finish: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(`${command} failed (${result.status}): ${result.stderr || result.stdout}`.trim());
  }
}

/** Whether a process with this id is running (`kill(pid, 0)`: EPERM means it runs as another user). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process id on the first line of a pid file (PostgreSQL's postmaster.pid, {@link OWNER_FILE}). */
export function pidIn(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').split('\n', 1)[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Stops and removes the clusters under `parent` whose owner (the {@link OWNER_FILE} in their
 * folder) no longer runs: a test run or benchmark killed before its teardown leaves its server
 * running. A folder without an owner file (a run starting at this moment, or one from before owner
 * files were written) or whose owner still runs is left alone, and so is a server that does not
 * stop. Answers the folders removed.
 */
export function stopAbandonedClusters(bin: string, parent: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(parent).filter((name) => name.startsWith(FOLDER_PREFIX));
  } catch {
    return removed;
  }
  for (const name of names) {
    const folder = join(parent, name);
    const owner = pidIn(join(folder, OWNER_FILE));
    if (owner === undefined || isRunning(owner)) continue;
    const data = join(folder, 'data');
    const server = pidIn(join(data, 'postmaster.pid'));
    if (server !== undefined && isRunning(server)) {
      try {
        runPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // A server that did not stop keeps its folder: removing it would leave the server unreachable.
        if (isRunning(server)) continue;
      }
    }
    rmSync(folder, { recursive: true, force: true });
    removed.push(folder);
  }
  return removed;
}
