/** The connection string of a test database on the run's cluster (its Unix socket, PGHOST). */
export function databaseUrl(name: string): string {
  return `postgresql://${process.env.PGUSER ?? 'postgres'}@/${name}?host=${encodeURIComponent(process.env.PGHOST ?? '')}`;
}

/** `holds release ID <more> --database URL --schema S`, by lena@butiken.se, through the sink on `port`. */
export function databaseReleaseArgs(
  id: string,
  where: { readonly port: number; readonly url: string; readonly schema: string },
  more: readonly string[] = [],
): string[] {
  return [
    'holds',
    'release',
    id,
    '--by',
    'lena@butiken.se',
    '--reason',
    'read back',
    '--smtp',
    `smtp://127.0.0.1:${where.port}`,
    ...more,
    '--database',
    where.url,
    '--schema',
    where.schema,
  ];
}
