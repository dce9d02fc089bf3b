import { z } from 'zod';
import type { InvalidInputError } from '../errors.js';
import { NOT_AN_ADDRESS } from '../incident/address-schema.js';
import { meantFact } from '../incident/breach-facts.js';

type RawIssue = z.core.$ZodIssue;

const swedish = z.locales.sv();

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function inSwedish(issue: RawIssue, input: unknown, fields: readonly string[]): string {
  if (issue.code === 'unrecognized_keys') {
    const described = issue.keys.map((key) => {
      const meant = meantFact(key, fields);
      return `"${key}"${meant ? ` (menade du "${meant}"?)` : ''}`;
    });
    return `${issue.keys.length === 1 ? 'okänt fält' : 'okända fält'} ${described.join(', ')}; fälten är ${fields.join(', ')}`;
  }
  if (issue.code === 'custom')
    return issue.params?.code === NOT_AN_ADDRESS ? 'inte en enda e-postadress' : issue.message;
  // zod's own Swedish messages need the value as given: a final issue no longer carries it.
  const said = swedish.localeError({ ...issue, input: valueAt(input, issue.path) } as never);
  const text = typeof said === 'string' ? said : said?.message;
  return text ?? issue.message;
}

/**
 * What is wrong with the input of an incident command, in the command's language: the library's
 * message in English; in Swedish, zod's Swedish wording for the schema's own checks, an unknown key
 * with the field it most likely meant, and the library's message where it has no Swedish text.
 */
export function describeInputIssues(
  error: InvalidInputError,
  options: { readonly locale: 'sv' | 'en'; readonly input: unknown; readonly fields: readonly string[] },
): string {
  if (options.locale === 'en') return error.message;
  const cause = error.cause;
  const issues =
    cause instanceof z.ZodError
      ? (cause.issues as RawIssue[])
      : error.issues.map((issue) => ({
          code: 'custom' as const,
          path: issue.path.slice(issue.path[0] === 'input' ? 1 : 0),
          message: issue.message,
          params: issue.code === undefined ? {} : { code: issue.code },
          input: undefined,
        }));
  const lines = issues.map(
    (issue) =>
      `${issue.path.map(String).join('.') || 'indata'}: ${inSwedish(issue, options.input, options.fields)}`,
  );
  return `Ogiltiga uppgifter: ${lines.join('; ')}`;
}
