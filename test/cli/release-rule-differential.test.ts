import { describe, expect, it } from 'vitest';
import { createGuard } from '../../src/guard/create-guard.js';
import { releaseNeeds } from '../../src/nodemailer/release-needs.js';
import { writeCustomerExport } from '../support/cli-inputs.js';
import { releaseArgs } from '../support/hold-message.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { ruleGuardOptions, RULE_CASES as TABLE_CASES } from '../support/release-rule-cases.js';
import { SETTLED_RULE_CASES } from '../support/release-rule-settled-cases.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

const RULE_CASES = [...TABLE_CASES, ...SETTLED_RULE_CASES];

// Two readings of one rule must agree: what releaseNeeds says a release lacks, and what
// `holds release` then does with the same export and flags (sends and exits 0, or refuses).
const fixture = usePipelineFixture();

const flags = ({
  to,
  confirmNew,
  sendDespiteBlock,
  fewerCustomers,
}: (typeof RULE_CASES)[number]['release']) => [
  ...(to ?? []).flatMap((address) => ['--to', address]),
  ...(confirmNew ? ['--confirm-new'] : []),
  ...(sendDespiteBlock ? ['--send-despite-block'] : []),
  ...(fewerCustomers ? ['--fewer-customers'] : []),
];

describe('the release rule and holds release', () => {
  for (const rule of RULE_CASES.filter(({ libraryOnly }) => !libraryOnly))
    it(`agree on ${rule.name}`, async () => {
      const id = await rule.hold(fixture);
      const held = await fixture.holdStore.get(id);
      if (!held) throw new Error(`${id} is not held`);
      const needs = await releaseNeeds(held, {
        guard: createGuard(ruleGuardOptions(rule)),
        ...rule.release,
      });
      expect(needs[0]?.code).toBe(rule.refusedFor);
      const file = writeCustomerExport(fixture.dir, rule.customers, 'export.ndjson');
      const run = await runCliInProcess(releaseArgs(fixture, id, file, flags(rule.release)));
      if (needs.length === 0) {
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(fixture.sink.received).toHaveLength(1);
        return;
      }
      expect(run.status, run.stderr).toBeGreaterThan(0);
      expect(run.stderr).toContain(id);
      expect(fixture.sink.received).toEqual([]);
      expect((await fixture.holdStore.get(id))?.state).toBe('held');
    });
});
