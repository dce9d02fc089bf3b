import { describe, expect, it } from 'vitest';
import { releaseNeedOf, releaseNeeds } from '../../src/nodemailer/release-needs.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { ruleGuardOptions, ruleTransport, RULE_CASES as TABLE_CASES } from '../support/release-rule-cases.js';
import { SETTLED_RULE_CASES } from '../support/release-rule-settled-cases.js';

const RULE_CASES = [...TABLE_CASES, ...SETTLED_RULE_CASES];

// Two readings of one rule must agree: what releaseNeeds says a release lacks, and what the hold
// store's release through nodemailerGuard then does (sends, or refuses on that same reason).
const fixture = usePipelineFixture();

describe('the release rule and the library’s release', () => {
  for (const rule of RULE_CASES)
    it(`agree on ${rule.name}`, async () => {
      const id = await rule.hold(fixture);
      const held = await fixture.holdStore.get(id);
      if (!held) throw new Error(`${id} is not held`);
      const needs = await releaseNeeds(held, {
        guard: ruleGuardOptions(rule),
        ...rule.release,
      });
      expect(needs[0]?.code).toBe(rule.refusedFor);
      const released = await fixture.holdStore
        .release(id, ruleTransport(fixture, rule), {
          by: 'lena@butiken.se',
          reason: 'read back',
          ...rule.release,
        })
        .then(
          () => undefined,
          (error: unknown) => error as Error,
        );
      if (needs.length === 0) {
        expect(released).toBeUndefined();
        expect(fixture.sink.received).toHaveLength(1);
        return;
      }
      expect(released).toBeInstanceOf(Error);
      expect(fixture.sink.received).toEqual([]);
      expect((await fixture.holdStore.get(id))?.state).toBe('held');
      // A reason the release refuses on itself is the rule's own, not a restatement of it.
      const refusedFor = releaseNeedOf(released);
      if (refusedFor) expect(refusedFor.code).toBe(needs[0]?.code);
      else expect(released).toMatchObject({ code: expect.stringMatching(/^RECIPIENT_/) });
    });
});
