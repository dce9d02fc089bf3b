import type { z } from 'zod';
import { InvalidInputError } from '../errors.js';
import { parseInput } from '../internal/parse-input.js';
import { swedishInputIssues } from './describe-input-issues.js';

/**
 * {@link parseInput} in the language of the report: under `locale: 'sv'` the
 * {@link InvalidInputError} names each field with a Swedish message (see {@link swedishInputIssues}),
 * so the person filing a Swedish report is not answered in zod's English; its `cause` stays zod's
 * error, and its paths, codes and `field` are the same in both languages.
 */
export function parseInputIn<Schema extends z.ZodType>(
  locale: 'sv' | 'en',
  schema: Schema,
  value: unknown,
  pathPrefix: readonly (string | number)[],
): z.output<Schema> {
  try {
    return parseInput(schema, value, pathPrefix);
  } catch (error) {
    if (locale === 'en' || !(error instanceof InvalidInputError)) throw error;
    throw new InvalidInputError(swedishInputIssues(error, value, schema), {
      cause: error.cause,
      locale,
    });
  }
}

/**
 * The language an options object asks for, read before anything else is parsed so that every refusal
 * is in it; a locale that is none of `sv` and `en` is refused by the options' own parse, in English.
 */
export function requestedLocale(options: unknown): 'sv' | 'en' {
  const locale = (options as { locale?: unknown } | null | undefined)?.locale;
  return locale === 'sv' ? 'sv' : 'en';
}
