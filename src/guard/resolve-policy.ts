import * as z from 'zod';
import { parseInput } from '../internal/parse-input.js';
import { defaultPolicy, mergePolicy, type Policy } from './policy.js';
import type { Action, FindingCode } from './verdict.js';

/** A caller's actions per finding code: known codes only, and only `send`, `confirm` or `block`. */
export const PolicyOverridesSchema = z.partialRecord(
  z.enum(Object.keys(defaultPolicy) as [FindingCode, ...FindingCode[]]),
  z.enum(['send', 'confirm', 'block']),
);

/**
 * Merges a caller's partial policy over the defaults. A misspelt code or action throws an
 * `InvalidInputError` naming it: a typo must never weaken a block.
 */
export function resolvePolicy(overrides: Partial<Record<FindingCode, Action>> | undefined): Policy {
  if (overrides) parseInput(PolicyOverridesSchema, overrides, ['policy']);
  return mergePolicy(overrides);
}
