import * as z from 'zod';
import { COMMON_MISTAKES, isSupportedRegion, TWO_LETTERS } from './is-supported-region.js';

// Kept apart so that the check's hand-written input test reads it without loading zod.
export { isSupportedRegion } from './is-supported-region.js';

/**
 * An ISO 3166-1 alpha-2 region (any case) that libphonenumber-js has numbering metadata for. A
 * region it does not know (`XX`) would read every national number as unreadable, so a customer's
 * own number would look like a stranger's: it is refused where it is given, naming the field.
 *
 * @example
 * ```ts
 * RegionSchema.safeParse('se').success; // true
 * RegionSchema.safeParse('XX').success; // false
 * ```
 */
export const RegionSchema = z.string().superRefine((value, context) => {
  if (!TWO_LETTERS.test(value)) {
    context.addIssue({ code: 'custom', message: 'a two-letter ISO 3166-1 country code' });
    return;
  }
  if (isSupportedRegion(value)) return;
  const hint = COMMON_MISTAKES[value.toUpperCase()];
  context.addIssue({
    code: 'custom',
    message: `"${value}" is not an ISO 3166-1 region with phone numbering data${hint ? ` (did you mean "${hint}"?)` : ''}`,
  });
});
