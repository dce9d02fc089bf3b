import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as postgres from '../../src/postgres/index.js';

describe('email-guard/postgres', () => {
  it('exports exactly its public API', () => {
    expect(Object.keys(postgres).sort()).toEqual([
      'DirectoryWriteFailedError',
      'MigrateFailedError',
      'createPostgresAuditLog',
      'createPostgresDirectory',
      'createPostgresHoldStore',
      'createPostgresVerificationStore',
      'findPostgresReleasesInDoubt',
      'findPostgresReleasesUnderWay',
      'migrate',
      'verifyAuditLog',
    ]);
  });

  it('is an entry point of its own in the package and the build, so only its users load pg', () => {
    const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8'));
    expect(manifest.exports['./postgres']).toEqual({
      import: { types: './dist/postgres.d.ts', default: './dist/postgres.js' },
      require: { types: './dist/postgres.d.cts', default: './dist/postgres.cjs' },
    });
    expect(manifest.peerDependencies.pg).toBe('8.23.1');
    expect(manifest.peerDependenciesMeta.pg).toEqual({ optional: true });
    expect(readFileSync(resolve(__dirname, '../../tsdown.config.ts'), 'utf8')).toContain(
      "postgres: 'src/postgres/index.ts'",
    );
  });
});
