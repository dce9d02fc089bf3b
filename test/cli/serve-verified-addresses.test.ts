import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileVerificationStore } from '../../src/verification/create-file-verification-store.js';
import { TOKEN } from '../serve/support.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { type StartedServer, startServer } from '../support/started-server.js';
import { holdWhileKarinIsVerified, KARINS, NEW_ADDRESS } from '../support/verified-elsewhere.js';

// `email-guard serve` releases what the pipeline held, through a guard of its own: it must know the
// addresses customers verified by code, as the pipeline's guard did, or a release by hand sends an
// order to an address verified for another customer that the CRM export does not have yet.
const fixture = usePipelineFixture();
let server: StartedServer | undefined;
afterEach(async () => {
  if (server) expect(await server.stop()).toBe(0);
  server = undefined;
});

/** `serve` over the fixture's folder store and SMTP server, with `more`; a release of `id` to `to`. */
async function releaseThroughServe(held: { id: string; customers: string }, to: string, more: string[]) {
  server = await startServer(
    [
      '--customers',
      held.customers,
      '--holds',
      join(fixture.dir, 'held'),
      '--smtp',
      `smtp://127.0.0.1:${fixture.sink.port}`,
      ...more,
    ],
    { EMAIL_GUARD_TOKEN: TOKEN },
  );
  const response = await fetch(`${server.url}/v1/holds/${held.id}/release`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ to: [to], confirmNew: true, by: 'lena@butiken.se', reason: 'read back' }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('serve --verifications', () => {
  it('refuses a release to an address verified for another customer, and to a slip of one', async () => {
    const held = await holdWhileKarinIsVerified(fixture);
    const verifications = ['--verifications', held.verifications];
    const exact = await releaseThroughServe(held, KARINS, verifications);
    expect(exact.status).toBe(422);
    expect(exact.body.detail).toContain('(belongs-to-other-customer)');
    await server?.stop();
    const slip = await releaseThroughServe(held, 'karin.bergg@outlook.com', verifications);
    expect(slip.status).toBe(422);
    expect(slip.body.detail).toMatch(/near-miss-other-(customer|name)/);
    expect(fixture.sink.received).toEqual([]);
    expect((await fixture.holdStore.get(held.id))?.state).toBe('held');
  }, 60_000);

  it('answers 503 naming --verifications for a message held by a guard with a verifier', async () => {
    const held = await holdWhileKarinIsVerified(fixture);
    const refused = await releaseThroughServe(held, KARINS, []);
    expect(refused.status).toBe(503);
    expect(refused.body.detail).toContain('--verifications DIR');
    expect(fixture.sink.received).toEqual([]);
    expect((await fixture.holdStore.get(held.id))?.state).toBe('held');
  }, 60_000);

  it('answers 503 naming both stores for a message checked against another verification store', async () => {
    const held = await holdWhileKarinIsVerified(fixture);
    const heldWith = await createFileVerificationStore(held.verifications).id?.();
    const emptyDir = join(fixture.dir, 'new-verification');
    const empty = createFileVerificationStore(emptyDir);
    await empty.key();
    const refused = await releaseThroughServe(held, NEW_ADDRESS, ['--verifications', emptyDir]);
    expect(refused.status).toBe(503);
    expect(refused.body.type).toContain('not-configured');
    expect(refused.body.detail).toContain('--verifications DIR');
    expect(refused.body.detail).toContain(`${heldWith}`);
    expect(refused.body.detail).toContain(`${await empty.id?.()}`);
    expect(fixture.sink.received).toEqual([]);
    expect((await fixture.holdStore.get(held.id))?.state).toBe('held');
    await server?.stop();
    const same = await releaseThroughServe(held, NEW_ADDRESS, ['--verifications', held.verifications]);
    expect(same.status).toBe(200);
  }, 60_000);

  it('answers /v1/check as the pipeline does: an address verified for another customer, or a slip of it, is theirs', async () => {
    const held = await holdWhileKarinIsVerified(fixture);
    server = await startServer(['--customers', held.customers, '--verifications', held.verifications], {
      EMAIL_GUARD_TOKEN: TOKEN,
    });
    const check = async (entered: string) => {
      const response = await fetch(`${server?.url}/v1/check`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ entered, customerId: 'C-4000' }),
      });
      expect(response.status).toBe(200);
      const verdict = (await response.json()) as { action: string; findings: { code: string }[] };
      return { action: verdict.action, codes: verdict.findings.map(({ code }) => code) };
    };
    const exact = await check(KARINS);
    // A question under the default policy (households share mailboxes), as the pipeline asks it,
    // but one naming the other customer, which holds the message and stops it at release.
    expect(exact).toEqual({ action: 'confirm', codes: ['belongs-to-other-customer', 'unverified-address'] });
    const slip = await check('karin.bergg@outlook.com');
    expect(slip.codes.some((code) => /^near-miss-other-(customer|name)$/.test(code))).toBe(true);
  }, 60_000);
});
