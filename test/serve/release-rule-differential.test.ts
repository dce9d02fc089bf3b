import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { releaseNeeds } from '../../src/nodemailer/release-needs.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { ruleGuardOptions, ruleTransport, RULE_CASES as TABLE_CASES } from '../support/release-rule-cases.js';
import { SETTLED_RULE_CASES } from '../support/release-rule-settled-cases.js';
import { createCheckedServer } from './openapi-conformance.js';
import { auth, TOKEN } from './support.js';

const RULE_CASES = [...TABLE_CASES, ...SETTLED_RULE_CASES];

// Two readings of one rule must agree: what releaseNeeds says a release lacks, and what
// `POST /v1/holds/:id/release` answers through a transporter whose guard is the rule's.
const fixture = usePipelineFixture();
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

// The problem each reason is answered with; `customer-in-directory` is refused by the release's
// own check (lookup-failed), as the check of any recipient is.
const STATUS: Record<string, number> = {
  customer: 422,
  'envelope-recipients': 400,
  'answer-field': 422,
  'corrected-recipients': 400,
  'stopped-when-held': 422,
  'verification-store': 503,
  'enough-customers': 409,
  'customer-in-directory': 422,
  'verified-addresses': 503,
};

describe('the release rule and serve’s release', () => {
  // serve has no override for a block (sendDespiteBlock): the cases that use one are the library's
  // and the command line's only.
  for (const rule of RULE_CASES.filter(({ release }) => !release.sendDespiteBlock))
    it(`agree on ${rule.name}`, async () => {
      const id = await rule.hold(fixture);
      const held = await fixture.holdStore.get(id);
      if (!held) throw new Error(`${id} is not held`);
      const needs = await releaseNeeds(held, { guard: ruleGuardOptions(rule), ...rule.release });
      expect(needs[0]?.code).toBe(rule.refusedFor);
      app = createCheckedServer({
        holdStore: fixture.holdStore,
        transporter: ruleTransport(fixture, rule),
        auditLog: fixture.audit,
        token: TOKEN,
      });
      const { to, confirmNew, fewerCustomers } = rule.release;
      const answer = await app.inject({
        method: 'POST',
        url: `/v1/holds/${id}/release`,
        headers: { ...auth, 'content-type': 'application/json' },
        payload: {
          by: 'lena@butiken.se',
          reason: 'read back',
          ...(to ? { to } : {}),
          ...(confirmNew ? { confirmNew } : {}),
          ...(fewerCustomers ? { fewerCustomers } : {}),
        },
      });
      const [need] = needs;
      if (!need) {
        expect(answer.statusCode, answer.body).toBe(200);
        expect(fixture.sink.received).toHaveLength(1);
        return;
      }
      expect(answer.statusCode, answer.body).toBe(STATUS[need.code]);
      expect(fixture.sink.received).toEqual([]);
      expect((await fixture.holdStore.get(id))?.state).toBe('held');
    });
});

describe('serve’s words for a refusal the rule gives', () => {
  const release = (id: string, rule: (typeof RULE_CASES)[number], language = 'en') => {
    app = createCheckedServer({
      holdStore: fixture.holdStore,
      transporter: ruleTransport(fixture, rule),
      auditLog: fixture.audit,
      token: TOKEN,
    });
    return app.inject({
      method: 'POST',
      url: `/v1/holds/${id}/release`,
      headers: { ...auth, 'content-type': 'application/json', 'accept-language': language },
      payload: { by: 'lena@butiken.se', reason: 'read back', ...rule.release },
    });
  };
  const rule = (name: string) => {
    const found = RULE_CASES.find((candidate) => candidate.name.startsWith(name));
    if (!found) throw new Error(`no case ${name}`);
    return found;
  };

  it('answers 503 naming a verification store whose id could not be read when the message was held', async () => {
    const unknown = rule('a verification store whose id could not be read');
    const answer = await release(await unknown.hold(fixture), unknown);
    expect(answer.statusCode).toBe(503);
    expect(answer.json()).toMatchObject({
      type: expect.stringMatching(/#not-configured$/),
      title: 'The verification store the check that held this message read cannot be named',
      detail: expect.stringContaining('could not be read (no answer in time)'),
    });
  });

  it('says a display name that showed another address stands, in Swedish when asked', async () => {
    const shown = rule('a display name that showed another address, corrected while');
    const id = await shown.hold(fixture);
    const en = await release(id, shown);
    expect(en.statusCode).toBe(422);
    expect(en.json().detail).toContain('was held because its display name showed another address');
    await app?.close();
    const sv = await release(id, shown, 'sv');
    expect(sv.statusCode).toBe(422);
    expect(sv.json().detail).toContain('stoppades för att visningsnamnet visade en annan adress');
    expect(sv.json().detail).not.toContain('display name');
    expect(fixture.sink.received).toEqual([]);
  });
});
