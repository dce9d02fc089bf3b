export type {
  PostgresDirectory,
  PostgresDirectoryOptions,
  PostgresWriteOptions,
} from './create-postgres-directory.js';
export { createPostgresDirectory } from './create-postgres-directory.js';
export type { MigrateOptions, MigrateResult } from './migrate.js';
export { migrate } from './migrate.js';
