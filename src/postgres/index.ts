export { DirectoryWriteFailedError, MigrateFailedError } from '../errors.js';
export type {
  AuditLogHead,
  AuditLogVerification,
  PostgresAuditLogOptions,
  VerifyAuditLogOptions,
} from './create-postgres-audit-log.js';
export {
  createPostgresAuditLog,
  findPostgresReleasesInDoubt,
  findPostgresReleasesUnderWay,
  verifyAuditLog,
} from './create-postgres-audit-log.js';
export type {
  PostgresDirectory,
  PostgresDirectoryOptions,
  PostgresWriteOptions,
} from './create-postgres-directory.js';
export { createPostgresDirectory } from './create-postgres-directory.js';
export type { PostgresHoldStore, PostgresHoldStoreOptions } from './create-postgres-hold-store.js';
export { createPostgresHoldStore } from './create-postgres-hold-store.js';
export type {
  PostgresVerificationStore,
  PostgresVerificationStoreOptions,
} from './create-postgres-verification-store.js';
export { createPostgresVerificationStore } from './create-postgres-verification-store.js';
export type { ReleaseSession } from './find-release-sessions.js';
export type { MigrateOptions, MigrateResult } from './migrate.js';
export { migrate } from './migrate.js';
