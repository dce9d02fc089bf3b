import { spawnSync } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOOD, holdsDir, TOKEN, TYPO } from '../serve/support.js';
import { holdMessage } from '../support/hold-message.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { startServer } from '../support/started-server.js';

// `serve --holds DIR` reads how far the release of an entry left `releasing` went from the audit log
// beside the folder, as `holds list` and `show` do: GET /v1/holds and GET /v1/holds/:id both say it.
const fixture = usePipelineFixture();

describe('serve --holds and a release left in doubt', () => {
  it('gives the same releaseProgress and releaseInDoubt in the list and for the message', async () => {
    const id = await holdMessage(fixture, TYPO);
    const stopped = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(
      join(holdsDir(fixture), `${id}.lock`),
      JSON.stringify({ pid: stopped, host: hostname(), since: new Date().toISOString() }),
    );
    appendFileSync(
      `${holdsDir(fixture)}.audit.jsonl`,
      `${JSON.stringify({ at: '2026-03-02T08:15:00.000Z', mode: 'enforce', outcome: 'release-started', action: 'block', recipients: [], envelope: { to: [GOOD] }, release: { by: 'lena@butiken.se', reason: 'read back' }, holdId: id })}\n`,
    );
    const server = await startServer(['--holds', holdsDir(fixture)], { EMAIL_GUARD_TOKEN: TOKEN });
    try {
      const get = async (path: string) =>
        (await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } })).json();
      const list = (await get('/v1/holds')) as { held: Record<string, unknown>[] };
      const listed = list.held.find((entry) => entry.id === id);
      // Where it went, read from the same log, as `holds show --json` names it.
      const releaseStarted = { at: '2026-03-02T08:15:00.000Z', by: 'lena@butiken.se', to: [GOOD] };
      expect(listed).toMatchObject({
        state: 'releasing',
        releaseInDoubt: true,
        releaseProgress: 'started',
        releaseStarted,
      });
      const one = (await get(`/v1/holds/${id}`)) as Record<string, unknown>;
      expect(one).toMatchObject({
        state: 'releasing',
        releaseInDoubt: true,
        releaseProgress: 'started',
        releaseStarted,
      });
    } finally {
      await server.stop();
    }
  }, 60_000);
});
