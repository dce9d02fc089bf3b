import type { z } from 'zod';
import { InvalidInputError } from '../errors.js';

/**
 * Validates `value` against `schema` and returns the parsed data, or throws an
 * {@link InvalidInputError} that names every failing field (zod's issue paths, prefixed by
 * `pathPrefix` so a nested argument reads as `customer.emails.0`).
 */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  pathPrefix: readonly (string | number)[] = [],
): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InvalidInputError(
    result.error.issues.map((issue) => ({
      path: [...pathPrefix, ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))],
      message: issue.message,
      // A refinement names its reason in `params.code` (src/incident/address-schema.ts).
      ...(issue.code === 'custom' && typeof issue.params?.code === 'string'
        ? { code: issue.params.code }
        : {}),
    })),
    { cause: result.error },
  );
}
