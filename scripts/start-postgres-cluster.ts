/**
 * Starts a throwaway PostgreSQL cluster in a temporary folder, listening on a Unix socket only (no
 * TCP port), for the tests, the examples and the benchmark:
 *   const cluster = startPostgresCluster(); ... new pg.Pool({ host: cluster.socketFolder, user: 'postgres' }); ... cluster.stop();
 * `initdb` refuses to run as root, so as root the folder is handed to the `postgres` user and the
 * server runs as that user (`runuser -u postgres --`).
 */
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** What to do where PostgreSQL is missing: one line, printed instead of a stack of connection errors. */
export const INSTALL_POSTGRES =
  'PostgreSQL is needed for the PostgreSQL tests and was not found (no initdb on the PATH or in /usr/lib/postgresql/*/bin): install it with `apt-get install postgresql-15` (Debian/Ubuntu) or `brew install postgresql@15` (macOS).';

/** A running cluster. */
export interface PostgresCluster {
  /** The folder holding the server's socket: pass it as `host` (or PGHOST) to connect. */
  readonly socketFolder: string;
  /** The superuser to connect as. */
  readonly user: string;
  /** Stops the server at once and removes its folder. */
  stop(): void;
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
  } = {},
): PostgresCluster {
  const bin = findPostgresBin(options.searchPath, options.versionsFolder);
  if (bin === undefined) throw new Error(INSTALL_POSTGRES);
  // The system's temporary folder, not a per-run one: the postgres user must be able to enter it.
  // The path stays short: a socket path is limited to about 100 bytes (sockaddr_un).
  const folder = mkdtempSync(join(process.platform === 'linux' ? '/tmp' : tmpdir(), 'email-guard-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) => {
    const full = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
    // A cluster that cannot start must fail the run, never hang it: initdb and `pg_ctl -w` finish
    // in seconds; 90 s is far past that on a loaded machine.
    const result = spawnSync(full[0] as string, full[1] as string[], { encoding: 'utf8', timeout: 90_000 });
    if (result.error) throw new Error(`${command} did not finish: ${result.error.message}`);
    if (result.status !== 0) {
      throw new Error(`${command} failed (${result.status}): ${result.stderr || result.stdout}`.trim());
    }
  };
  try {
    if (asRoot) {
      const postgres = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
      const group = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
      if (postgres.status !== 0) throw new Error(`${INSTALL_POSTGRES} (there is no postgres user)`);
      chownSync(folder, Number(postgres.stdout.trim()), Number(group.stdout.trim()));
    }
    const data = join(folder, 'data');
    // Trust on the socket only, which only this machine can reach; no fsync: the cluster is thrown away.
    run(join(bin, 'initdb'), [
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
    run(join(bin, 'pg_ctl'), [
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
    return {
      socketFolder: folder,
      user: 'postgres',
      stop() {
        try {
          run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
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
