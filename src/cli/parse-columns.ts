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
  return reason
    .replace(
      /, (e\.g\.|t\.ex\.) \{ columns: \{ (\w+): \['(.*)'\] \} \}/,
      (_all, eg, field, header) => `, ${eg} --columns ${field}=${header}`,
    )
    .replace('or name it in the columns option', 'or name it with --columns FIELD=HEADER')
    .replace('eller ange id-kolumnen i alternativet columns', 'eller ange id-kolumnen med --columns')
    .replace('eller ange den i alternativet columns', 'eller ange den med --columns FÄLT=RUBRIK');
}
