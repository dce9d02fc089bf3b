import { type CustomerColumn, defaultCustomerColumns } from '../contacts/load-customers.js';
import { type CliLocale, cliTexts } from './cli-texts.js';
import { usageFailure } from './exit-codes.js';

/** The headers each customer field is read from, over the known names (`loadCustomers`' `columns`). */
export type ColumnMapping = Partial<Record<CustomerColumn, string[]>>;

// The field names, and the singular a person types for the two that hold lists.
const FIELDS = new Map<string, CustomerColumn>([
  ...(Object.keys(defaultCustomerColumns) as CustomerColumn[]).map(
    (field) => [field.toLowerCase(), field] as [string, CustomerColumn],
  ),
  ['email', 'emails'],
  ['phone', 'phones'],
]);

/**
 * `--columns id=Kundnr,email=E-post`: each field and the header it is read from, as the export writes
 * it. A field may be named more than once, for more than one header. A field the loader does not
 * have, or a pair without `=`, is a usage failure naming the fields it takes.
 */
export function parseColumns(text: string | undefined, locale: CliLocale): ColumnMapping | undefined {
  if (text === undefined) return undefined;
  const mapping: ColumnMapping = {};
  for (const pair of text.split(',')) {
    const equals = pair.indexOf('=');
    const field = FIELDS.get(pair.slice(0, Math.max(equals, 0)).trim().toLowerCase());
    const header = pair.slice(equals + 1).trim();
    if (equals < 0 || !field || header === '')
      throw usageFailure(
        cliTexts[locale].columnsOption(pair.trim(), Object.keys(defaultCustomerColumns).join(', ')),
      );
    mapping[field] = [...(mapping[field] ?? []), header];
  }
  return mapping;
}

/**
 * The loader's advice in the command's words: it names its `columns` option (`{ columns: { id:
 * ['Kund'] } }`), which the command gives as `--columns id=Kund`.
 */
export function columnsAdvice(reason: string): string {
  return inCommandColumns(reason)
    .replace('or name it in the columns option', 'or name it with --columns FIELD=HEADER')
    .replace('eller ange id-kolumnen i alternativet columns', 'eller ange id-kolumnen med --columns')
    .replace('eller ange den i alternativet columns', 'eller ange den med --columns FÄLT=RUBRIK');
}

/** The start of the loader's example of its `columns` option, up to the header it names. */
const COLUMNS_EXAMPLE = /, (e\.g\.|t\.ex\.) \{ columns: \{ (\w+): \['/g;
const COLUMNS_EXAMPLE_END = "'] } }";
/** Where a line ends, as `.` in a regular expression stops (ECMA-262 §22.2.2.9: LineTerminator). */
const LINE_END = /[\n\r\u2028\u2029]/g;

/**
 * The first `, e.g. { columns: { id: ['Kund'] } }` as `, e.g. --columns id=Kund`: the header runs to
 * the last `'] } }` on its line. Found by searching, not by one expression with `(.*)'\] \} \}`,
 * which read to the end of the text again from every start of the example in it (a header can
 * repeat it), growing with the square of its length: here a line without the end is left once.
 */
function inCommandColumns(reason: string): string {
  COLUMNS_EXAMPLE.lastIndex = 0;
  for (let start = COLUMNS_EXAMPLE.exec(reason); start; start = COLUMNS_EXAMPLE.exec(reason)) {
    const header = start.index + start[0].length;
    LINE_END.lastIndex = header;
    const lineEnd = LINE_END.exec(reason)?.index ?? reason.length;
    const end = reason.lastIndexOf(COLUMNS_EXAMPLE_END, lineEnd - COLUMNS_EXAMPLE_END.length);
    if (end >= header)
      return `${reason.slice(0, start.index)}, ${start[1]} --columns ${start[2]}=${reason.slice(header, end)}${reason.slice(end + COLUMNS_EXAMPLE_END.length)}`;
    // No end on this line: no later start on it has one either.
    COLUMNS_EXAMPLE.lastIndex = lineEnd;
  }
  return reason;
}
