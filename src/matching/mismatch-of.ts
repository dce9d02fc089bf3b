import { explainEdits } from './explain-edits.js';
import type { KnownNumber, NumberMismatch } from './find-number-mismatches.js';

/** The evidence of a mismatch with `known`: the number it is taken for, its source and part. */
export function mismatchOf(known: KnownNumber, typed: string): NumberMismatch {
  return {
    digits: typed,
    expected: known.digits,
    source: known.source,
    ...(known.birthDatePart ? { birthDatePart: known.birthDatePart } : {}),
    edits: explainEdits(known.digits, typed),
  };
}
