import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RELEASE_ENDS } from '../../src/nodemailer/audit-log.js';
import { LATEST_VERSION, migrationSql } from '../../src/postgres/migrate.js';
import { RELEASE_LINE_PATTERNS } from '../../src/postgres/release-line-patterns.js';

/** The SHA-256 of each released version's SQL on schema email_guard (`-`: a step run in Node). */
const RELEASED_SQL = [
  '84f5600db6342900e2ef47059b9db67da6b5f01a67f15ed26597253c4815d280',
  '8e98064f72342d9931de0b3c54707c3b0f51d0b8414adb44f88a262259963739',
  '53748ee2b0a228ebe41008719943fa307f091e97490d48e9bd7c5aea6df9b73d',
  '4c0e579e424cc1d37909a7c22196bb4125bebf9c2dc8e9e4575673aabb93e117',
  'd2a7fda449c59a31c0b7b32dd337f37d565a806c3ad4512b1495e715ccaff808',
  '0375addeb1a43026ad61b28b1d2af936c129428ff88123c4ecc713bbde331f12',
  'c15d369a4f682355a110935758a4b65d7675502ee9baeee38e92b71215475317',
  '-',
  '95ec2e7dcfc6f378a9c68a0d91a06d25aeb96c16a631f84f2b7b54491e2d7e39',
  '89c2a3f3ea056987600b6bf856f3a416c90817e750ed39679cce7b42f19523e5',
  '09dff96a77972bc3db6a40fcd90e79e045e3fa76dee5585f3368662881df84b3',
  '3cb0e410127e365482b45b87fd7ea0d38bc0a8f7724b1ea9dd640aa9e33e2e48',
  'aa8778551d4b55d5607a78e7805e6b36c87f1f62e1936d400511f3efffb9df28',
];

describe('the migrations and the release-line patterns', () => {
  it('keeps the SQL of every released version byte for byte', () => {
    const hashes = Array.from({ length: LATEST_VERSION }, (_, index) => {
      const sql = migrationSql(index + 1, 'email_guard');
      return sql === undefined ? '-' : createHash('sha256').update(sql).digest('hex');
    });
    // A new version appends its hash here; a released one's never changes.
    expect(hashes).toEqual(RELEASED_SQL);
  });

  it("says the current version in migrate's example", () => {
    const source = readFileSync(new URL('../../src/postgres/migrate.ts', import.meta.url), 'utf8');
    const example = source.match(
      /await migrate\(pool\); \/\/ \{ from: 0, to: (\d+) \} the first time, \{ from: (\d+), to: (\d+) \} after/,
    );
    expect(example?.slice(1).map(Number)).toEqual([LATEST_VERSION, LATEST_VERSION, LATEST_VERSION]);
  });

  it("builds version 9's trigger from the patterns verifyAuditLog reads the log with", () => {
    const sql = migrationSql(9, 'email_guard') ?? '';
    expect(sql).toContain(`substring(NEW.entry from '${RELEASE_LINE_PATTERNS.holdId}')`);
    expect(sql).toContain(`substring(NEW.entry from '${RELEASE_LINE_PATTERNS.outcome}')`);
    expect(sql).toContain(RELEASE_LINE_PATTERNS.outcomes.map((outcome) => `'${outcome}'`).join(', '));
  });

  it("counts the start of a release and every outcome that ends one, as the JSON-lines log's reader does", () => {
    expect(RELEASE_LINE_PATTERNS.outcomes).toEqual(['release-started', ...RELEASE_ENDS]);
  });
});
