import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileHoldStore } from '../../src/nodemailer/create-file-hold-store.js';
import { createJsonLinesAuditLog } from '../../src/nodemailer/create-json-lines-audit-log.js';
import { findReleasesInDoubt } from '../../src/nodemailer/find-releases-in-doubt.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { fixtureServer, GOOD, holdOrder, holdsDir, logIn, postForm, TYPO } from './support.js';

// A message left `releasing` by a process that has stopped, with nothing in doubt: the review page
// says what the audit log says of it (the send never began, or it went out), not that someone is
// releasing it now, and offers what is safe.

const fixture = usePipelineFixture();

/** A server whose store reads the audit log, where `id` was left `releasing` by an ended process. */
function serverWithStoppedRelease(id: string, lines: readonly Record<string, unknown>[] = []) {
  const log = join(fixture.dir, 'held-mail.audit.jsonl');
  writeFileSync(log, lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
  // A process that has ended: its pid names no running process on this host.
  const stopped = spawnSync(process.execPath, ['-e', '']).pid;
  writeFileSync(
    join(holdsDir(fixture), `${id}.lock`),
    JSON.stringify({ pid: stopped, host: hostname(), since: new Date().toISOString() }),
  );
  return fixtureServer(fixture, {
    holdStore: createFileHoldStore(holdsDir(fixture), { auditLog: createJsonLinesAuditLog(log) }),
    releasesInDoubt: () => findReleasesInDoubt(log),
  });
}

const line = (id: string, outcome: string) => ({
  at: new Date().toISOString(),
  mode: 'enforce',
  outcome,
  action: 'block',
  recipients: [],
  holdId: id,
  release: { by: 'lena@butiken.se', reason: 'read back' },
});

describe('the review page of a message left releasing by a stopped process', () => {
  it('says the send never began, and releases it again with the box ticked', async () => {
    const id = await holdOrder(fixture, TYPO);
    const server = serverWithStoppedRelease(id, [line(id, 'release-refused')]);
    const { cookie, csrf } = await logIn(server);
    for (const [lang, words] of [
      ['en', 'stopped before anything was sent'],
      ['sv', 'avbröts innan något skickades'],
    ] as const) {
      const page = await server.inject({
        method: 'GET',
        url: `/holds/${id}?lang=${lang}`,
        headers: { cookie },
      });
      expect(page.body).toContain(words);
      expect(page.body).not.toContain('Someone else is releasing');
      expect(page.body).not.toContain('Någon annan skickar');
      expect(page.body).toContain('name="force"');
    }
    const released = await postForm(server, `/holds/${id}/release?lang=en`, cookie, {
      csrf,
      to: GOOD,
      reason: 'read back on the phone',
      force: 'yes',
    });
    expect(released.statusCode, released.body).toBe(303);
    expect(fixture.sink.received.map((message) => message.to)).toEqual([[GOOD]]);
  });

  it('says a message already sent was sent, and offers only its discard', async () => {
    const id = await holdOrder(fixture, TYPO);
    const server = serverWithStoppedRelease(id, [line(id, 'release-started'), line(id, 'released')]);
    const { cookie, csrf } = await logIn(server);
    for (const [lang, words] of [
      ['en', 'was sent'],
      ['sv', 'skickades'],
    ] as const) {
      const page = await server.inject({
        method: 'GET',
        url: `/holds/${id}?lang=${lang}`,
        headers: { cookie },
      });
      expect(page.body).toContain(words);
      expect(page.body).not.toContain('Someone else is releasing');
      expect(page.body).not.toContain(`/holds/${id}/release`);
      expect(page.body).toContain('id="discard-force"');
    }
    const discarded = await postForm(server, `/holds/${id}/discard?lang=en`, cookie, {
      csrf,
      reason: 'sent already, left on the list',
      force: 'yes',
    });
    expect(discarded.statusCode, discarded.body).toBe(303);
    expect(await fixture.holdStore.get(id)).toBeUndefined();
    expect(fixture.sink.received).toEqual([]);
  });
});
