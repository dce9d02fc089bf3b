import { z } from 'zod';
import type { InputIssue, InvalidInputError } from '../errors.js';
import { NOT_AN_ADDRESS } from './address-schema.js';
import { meantFact } from './breach-facts.js';
import { misdirectedEmailMeasureIds } from './data/report-texts.js';
import { UNKNOWN_MEASURE } from './incident-report.js';

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

/**
 * A kind of value in Swedish words: zod's Swedish locale leaves most type names in English ("fick
 * string"), which reads as a half-translated message to the person filling in the facts file.
 */
const SWEDISH_TYPES: Readonly<Record<string, string>> = {
  string: 'en text',
  number: 'ett tal',
  int: 'ett heltal',
  bigint: 'ett heltal',
  boolean: 'true eller false',
  array: 'en lista',
  object: 'ett objekt',
  date: 'ett datum',
  null: 'null',
  nan: 'NaN',
};

function swedishKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return SWEDISH_TYPES.array ?? 'en lista';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  // `new Date('not a date')` is a Date whose time is NaN: it is an invalid date, not "an object".
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? 'ett ogiltigt datum (Invalid Date)' : 'ett datum';
  return SWEDISH_TYPES[typeof value] ?? typeof value;
}

/** The schema's parts a walk steps through: zod's wrappers, lists and objects. */
interface WalkedDef {
  readonly type: string;
  readonly shape?: Readonly<Record<string, z.ZodType>>;
  readonly innerType?: z.ZodType;
  readonly element?: z.ZodType;
  readonly in?: z.ZodType;
}

/**
 * The fields of the object a path leads to in a schema (`['judgment']` → by, reason, ...), so a
 * misspelt key in a nested object is matched against that object's fields, not the top level's.
 */
function fieldsAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] | undefined {
  let def = (schema as unknown as { _zod: { def: WalkedDef } })._zod.def;
  const step = (next: z.ZodType | undefined) => {
    if (!next) return false;
    def = (next as unknown as { _zod: { def: WalkedDef } })._zod.def;
    return true;
  };
  const remaining = [...path];
  for (let guard = 0; guard < 64; guard += 1) {
    if (def.type === 'object' && remaining.length === 0) return Object.keys(def.shape ?? {});
    const moved =
      def.type === 'object'
        ? step(def.shape?.[String(remaining.shift())])
        : def.type === 'array'
          ? remaining.shift() !== undefined && step(def.element)
          : step(def.type === 'pipe' ? def.in : def.innerType);
    if (!moved) return undefined;
  }
  return undefined;
}

function inSwedish(
  issue: RawIssue,
  input: unknown,
  topFields: readonly string[],
  schema?: z.ZodType,
): string {
  if (issue.code === 'invalid_type') {
    const given = valueAt(input, issue.path);
    if (given === undefined) return 'saknas, men måste anges';
    return `ska vara ${SWEDISH_TYPES[issue.expected] ?? issue.expected}, men är ${swedishKind(given)}`;
  }
  if (issue.code === 'invalid_value') {
    const given = valueAt(input, issue.path);
    const allowed = issue.values.map((value) => JSON.stringify(value));
    return allowed.length === 1
      ? `${JSON.stringify(given)} är inget tillåtet värde; det ska vara ${allowed[0]}`
      : `${JSON.stringify(given)} är inget tillåtet värde; tillåtna är ${allowed.join(', ')}`;
  }
  if (issue.code === 'unrecognized_keys') {
    const fields = (schema && fieldsAt(schema, issue.path)) ?? topFields;
    // The whole path names the key, as in English: `judgment.notifyDataSubject`.
    const at = (key: string) => [...issue.path.map(String), key].join('.');
    const described = issue.keys.map((key) => {
      const meant = meantFact(key, fields);
      return `”${at(key)}”${meant ? ` (menade du ”${at(meant)}”?)` : ''}`;
    });
    return `${issue.keys.length === 1 ? 'okänt fält' : 'okända fält'} ${described.join(', ')}; fälten är ${fields.join(', ')}`;
  }
  if (issue.code === 'invalid_union') {
    // zod's Swedish locale says "Ogiltig input" here; a union of kinds (a date or an ISO text) is
    // said as the kinds it takes, and anything else in the wording of its other checks.
    const given = valueAt(input, issue.path);
    if (given === undefined) return 'saknas, men måste anges';
    const kinds = issue.errors.map((branch) =>
      branch.length === 1 && branch[0]?.code === 'invalid_type' && branch[0].path.length === 0
        ? (SWEDISH_TYPES[branch[0].expected] ?? branch[0].expected)
        : undefined,
    );
    const named = [...new Set(kinds.filter((kind) => kind !== undefined))];
    return named.length > 0
      ? `ska vara ${named.join(' eller ')}, men är ${swedishKind(given)}`
      : `Ogiltig inmatning: ${JSON.stringify(given)}`;
  }
  // The reference's one check is that it is not blank (IncidentReferenceSchema): zod's Swedish
  // wording would show the pattern (/\S/), which says nothing to the person filling in the facts.
  if (issue.code === 'invalid_format' && issue.path.at(-1) === 'reference')
    return 'får inte vara tom: ange organisationens egen referens för incidenten';
  if (issue.code === 'custom' && issue.params?.code === UNKNOWN_MEASURE)
    return unknownMeasureInSwedish(issue.params);
  if (issue.code === 'custom' && issue.params?.code === NOT_AN_ADDRESS) return 'inte en enda e-postadress';
  // The library's own checks that are already said in the caller's language (see describeInputIssues).
  if (issue.code === 'custom' && issue.params?.[SAID_IN_LOCALE] === true) return issue.message;
  if (issue.code === 'custom') return quotedCheck(issue);
  // zod's own Swedish messages need the value as given: a final issue no longer carries it.
  const said = swedish.localeError({ ...issue, input: valueAt(input, issue.path) } as never);
  const text = typeof said === 'string' ? said : said?.message;
  return text ?? issue.message;
}

/** Marks an issue whose message is already in the caller's language, so it is passed on as it is. */
const SAID_IN_LOCALE = 'saidInLocale';

/**
 * A check with no Swedish text of its own (a refinement of a schema, the caller's own or the
 * library's): the field it refused, in Swedish, and the check's text quoted as it is written, so a
 * sentence in another language reads as a quotation rather than as the whole answer.
 */
function quotedCheck(issue: RawIssue): string {
  const field = [...issue.path].reverse().find((key) => typeof key === 'string');
  return `${field === undefined ? 'indata' : `fältet ”${field}”`} klarar inte en kontroll; kontrollens text citeras som den är skriven: ”${issue.message}”`;
}

/** A measure id none of the usual ones, without a text of its own, said as the English message says it. */
function unknownMeasureInSwedish(params: Readonly<Record<string, unknown>>): string {
  const id = String(params.id);
  return typeof params.meant === 'string'
    ? `okänd åtgärd ”${id}” (menade du ”${params.meant}”?); en egen åtgärd behöver sin text (text)`
    : `okänd åtgärd ”${id}”; de vanliga åtgärderna är ${misdirectedEmailMeasureIds.join(', ')}, och en egen åtgärd behöver sin text (text)`;
}

/**
 * The issues of `error`, thrown by a parse of `input` against `schema`, each under its own path and
 * said in Swedish: zod's Swedish wording for the schema's own checks, an unknown key with the field
 * it most likely meant, and the library's message where it has no Swedish text. An error whose cause
 * is not the schema's (the library's own checks, already in the caller's language) keeps its issues.
 */
export function swedishInputIssues(
  error: InvalidInputError,
  input: unknown,
  schema: z.ZodType,
): readonly InputIssue[] {
  const cause = error.cause;
  // parseInput gives one issue per zod issue, in zod's order, with the path prefixed.
  if (!(cause instanceof z.ZodError) || cause.issues.length !== error.issues.length) return error.issues;
  const fields = fieldsAt(schema, []) ?? [];
  return error.issues.map((issue, index) => ({
    ...issue,
    message: inSwedish(cause.issues[index] as RawIssue, input, fields, schema),
  }));
}

/**
 * What is wrong with the input of an incident command, in the command's language: the library's
 * message in English; in Swedish, zod's Swedish wording for the schema's own checks, an unknown key
 * with the field it most likely meant, and the library's message where it has no Swedish text.
 */
export function describeInputIssues(
  error: InvalidInputError,
  options: {
    readonly locale: 'sv' | 'en';
    readonly input: unknown;
    readonly fields: readonly string[];
    /** The schema that refused the input: a misspelt nested key is matched against its own object's fields. */
    readonly schema?: z.ZodType;
  },
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
          params: { [SAID_IN_LOCALE]: true, ...(issue.code === undefined ? {} : { code: issue.code }) },
          input: undefined,
        }));
  const lines = issues.map(
    (issue) =>
      `${issue.path.map(String).join('.') || 'indata'}: ${inSwedish(issue, options.input, options.fields, options.schema)}`,
  );
  return `Ogiltiga uppgifter: ${lines.join('; ')}`;
}
