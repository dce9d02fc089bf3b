import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { usePipelineFixture } from '../support/pipeline.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { holdWhileKarinIsVerified, NEW_ADDRESS } from '../support/verified-elsewhere.js';

// A message held waiting for the code the verifier sent its customer goes out by itself once the
// code is read back, but only while no release of it has been tried: once the verifier's release
// (the code read back) or one by hand failed, it stays held until someone releases it again, and
// `holds show` says only what its audit log shows.
const fixture = usePipelineFixture();

/** A release of `id` by `by`, started and then not taken by the mail server, in the store's audit log. */
function releaseFailed(id: string, by: string): void {
  const log = join(fixture.dir, 'held.audit.jsonl');
  const line = (outcome: string, at: string, error?: string) =>
    `${JSON.stringify({ at, mode: 'enforce', outcome, action: 'confirm', recipients: [{ address: NEW_ADDRESS, action: 'confirm', findings: [] }], holdId: id, release: { by, reason: 'code read back', ...(error ? { error } : {}) } })}\n`;
  appendFileSync(log, line('release-started', '2026-03-02T08:15:00.000Z'));
  appendFileSync(
    log,
    line('release-failed', '2026-03-02T08:15:01.000Z', 'connect ECONNREFUSED 127.0.0.1:25'),
  );
}

const show = (id: string, more: readonly string[] = []) =>
  runCliInProcess(['holds', 'show', id, '--store', join(fixture.dir, 'held'), '--time-zone', 'UTC', ...more]);

describe('holds show of a message waiting for its customer’s code', () => {
  it('says it goes out by itself once the code is read back, while no release was tried', async () => {
    const { id } = await holdWhileKarinIsVerified(fixture);
    const run = await show(id);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      `waiting for the customer's code, sent to ${NEW_ADDRESS}: once it is read back the message goes out by itself`,
    );
  }, 60_000);

  it('says the code was read back and the message no longer goes out by itself, after the verifier’s release failed', async () => {
    const { id } = await holdWhileKarinIsVerified(fixture);
    releaseFailed(id, 'email-guard verifier');
    const run = await show(id);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('once it is read back the message goes out by itself');
    expect(run.stdout).toContain(
      `the customer's code sent to ${NEW_ADDRESS} was read back, but the release after it was not sent (2026-03-02T08:15:01.000Z): the message stays held and no longer goes out by itself`,
    );
    const sv = await show(id, ['--locale', 'sv']);
    expect(sv.stdout).not.toContain('när den läses upp skickas meddelandet av sig självt');
    expect(sv.stdout).toContain(`kundens kod till ${NEW_ADDRESS} lästes upp`);
  }, 60_000);

  it('says a release by hand failed, and does not promise it goes out by itself, after one did', async () => {
    const { id } = await holdWhileKarinIsVerified(fixture);
    releaseFailed(id, 'email-guard verifier');
    releaseFailed(id, 'lena@butiken.se');
    const run = await show(id);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('once it is read back the message goes out by itself');
    expect(run.stdout).toContain(
      `waiting for the customer's code, sent to ${NEW_ADDRESS}; a release by lena@butiken.se was not sent (2026-03-02T08:15:01.000Z)`,
    );
    const sv = await show(id, ['--locale', 'sv']);
    expect(sv.stdout).not.toContain('när den läses upp skickas meddelandet av sig självt');
    expect(sv.stdout).toContain('ett släpp av lena@butiken.se skickades inte');
  }, 60_000);
});
