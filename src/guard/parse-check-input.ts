import type { z } from 'zod';
import { parseInput } from '../internal/parse-input.js';
import { CheckOptionsSchema } from './check-options.js';
import { CheckRecipientInputSchema } from './check-recipient-input-schema.js';

/**
 * Runs `CheckRecipientInputSchema` over input that `fitsCheckRecipientInput` could not vouch for:
 * the parsed input, or an `InvalidInputError` naming every field at fault. The check reaches
 * zod only through this module, which the browser build loads on demand (scripts/browser-build.ts).
 *
 * @example
 * ```ts
 * parseCheckInput({ entered: 'anna@example.se', customer: { id: 'C-1001' } }); // the input
 * parseCheckInput({ entered: 42, customer: { id: 'C-1001' } });                // throws, naming "entered"
 * ```
 */
export function parseCheckInput(value: unknown): z.output<typeof CheckRecipientInputSchema> {
  return parseInput(CheckRecipientInputSchema, value);
}

/** Runs `CheckOptionsSchema` over options that `fitsCheckOptions` could not vouch for (see {@link parseCheckInput}). */
export function parseCheckOptions(options: unknown): void {
  parseInput(CheckOptionsSchema, options, ['options']);
}
