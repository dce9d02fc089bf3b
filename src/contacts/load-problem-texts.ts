import { INVALID_REASONS } from '../address/invalid-reason-texts.js';
import type { InvalidAddressReason } from '../address/parse-address.js';

/** What a schema issue says that a problem can word (zod 4 issue fields). */
export interface SchemaIssueFacts {
  readonly code: string;
  readonly maximum?: unknown;
  /** The field, as `fields` names it. */
  readonly words: string;
}

/** The field names as a problem shows them: the `Customer` field names, language-neutral. */
type FieldName = string;

/** The sentences `loadCustomers` gives as a problem's `reason`, in one language. */
export interface LoadProblemTexts {
  readonly duplicateId: (id: string, earlierLine: number) => string;
  readonly unnamed: (kind: 'column' | 'key') => string;
  readonly notRead: (kind: 'column' | 'key', header: string, near: FieldName | undefined) => string;
  readonly readTwice: (header: string, field: FieldName, other: string) => string;
  readonly moreColumns: (count: number) => string;
  readonly moreKeys: string;
  readonly unclosedQuote: string;
  readonly quoteRunsOn: (fields: number, columns: number) => string;
  readonly fieldCount: (fields: number, columns: number) => string;
  readonly tooManyFields: (fields: number, columns: number) => string;
  readonly columnsDisagree: (field: FieldName, first: string, second: string, header: string) => string;
  readonly keysDisagree: (field: FieldName) => string;
  readonly repeatedKey: (key: string) => string;
  readonly repeatedKeyEveryValue: (key: string) => string;
  readonly repeatedKeyOneValue: (key: string) => string;
  readonly controlInName: string;
  readonly notJson: (detail: string) => string;
  readonly notObject: string;
  readonly inexactId: (shown: string) => string;
  readonly notCustomer: string;
  readonly noIdColumn: (names: string, idHeaders: string, first: string) => string;
  readonly undecodable: (encoding: string) => string;
  readonly unusableAddress: (address: string, reason: InvalidAddressReason, detail: string) => string;
  readonly unreadablePhone: (phone: string) => string;
  /** How a problem names a customer field to the person who mends the export. */
  readonly fields: Readonly<Record<string, string>>;
  readonly missingField: (words: string) => string;
  /**
   * A text value from the export as a reason quotes it, its control characters and line breaks
   * escaped as in JSON so the reason stays one line: `"1985-13-45"` in English, `”1985-13-45”` in
   * Swedish (Språkrådet, Svenska skrivregler, on citattecken).
   */
  readonly quoted: (value: string) => string;
  readonly idNotText: (shown: string) => string;
  readonly notText: (words: string, shown: string) => string;
  readonly notCalendarDate: (shown: string) => string;
  readonly notCountryCode: (shown: string) => string;
  /**
   * A limit of the customer schema the row breaks, worded here; `undefined` keeps the schema's own
   * message (customer.ts words it in English).
   */
  readonly schemaIssue: (issue: SchemaIssueFacts) => string | undefined;
}

/** The customer fields as a Swedish sentence names them (`födelsedatum`, never `birthDate`). */
const SWEDISH_FIELDS: Readonly<Record<string, string>> = {
  id: 'id',
  name: 'namn',
  firstName: 'förnamn',
  lastName: 'efternamn',
  emails: 'adress',
  phones: 'telefonnummer',
  birthDate: 'födelsedatum',
  country: 'land',
};

function swedishField(field: FieldName): string {
  return SWEDISH_FIELDS[field] ?? field;
}

/**
 * The reasons of `loadCustomers`' problems per language (`options.locale`): whoever mends the
 * export reads them, so each names the cell and the form it wants, with the value as written.
 */
export const loadProblemTexts: Readonly<Record<'en' | 'sv', LoadProblemTexts>> = {
  en: {
    duplicateId: (id, earlierLine) =>
      `the id ${id} was already used on line ${earlierLine}; this row replaces that one`,
    unnamed: (kind) => `a ${kind} without a name is not read`,
    notRead: (kind, header, near) =>
      `the ${kind} "${header}" is not read: its name is none of the customer fields' names${near ? ` (did you mean "${near}"?)` : ''}; to read it, rename its header to a field's name, or name it in the columns option`,
    readTwice: (header, field, other) =>
      `the column "${header}" is read as ${field}, as is "${other}": where both are filled and differ, the row is reported`,
    moreColumns: (count) => `${count} more columns are not read (see unmappedColumns)`,
    moreKeys: 'more keys are not read (only the first 100 are reported)',
    unclosedQuote: 'a quoted field is never closed',
    quoteRunsOn: (fields, columns) =>
      `a quote opened on this line runs into the next lines (${fields} fields where the header has ${columns})`,
    fieldCount: (fields, columns) => `the row has ${fields} fields where the header has ${columns}`,
    tooManyFields: (fields, columns) =>
      `the row has ${fields} fields where the header has ${columns}: ${fields - columns} too many, so its cells cannot be matched to the columns (a delimiter inside an unquoted cell?)`,
    columnsDisagree: (field, first, second, header) =>
      `the columns read as ${field} disagree ("${first}" and "${second}" in "${header}")`,
    keysDisagree: (field) => `the keys read as ${field} disagree`,
    repeatedKey: (key) =>
      `the key "${key}" is written twice on the line with different values; which is meant is not known, so the row is not read: keep one`,
    repeatedKeyEveryValue: (key) =>
      `the key "${key}" is written twice on the line (JSON keeps only the last): every value under it is read; keep one key`,
    repeatedKeyOneValue: (key) =>
      `the key "${key}" is written twice on the line (JSON keeps only the last): its values agree or it is not read, so the row is loaded; keep one`,
    controlInName:
      'the name holds a line break or control character, which would go into a salutation or header field: the customer is loaded without it',
    notJson: (detail) => `not valid JSON (${detail})`,
    notObject: 'the line is not a JSON object',
    inexactId: (shown) =>
      `the id ${shown} is a number that is not a whole number written in digits, so it cannot be kept exactly; write ids as text ("id": "…")`,
    notCustomer: 'the row is not a customer',
    noIdColumn: (names, idHeaders, first) =>
      `the header row has no id column: none of ${names} is an id header (${idHeaders}); rename the header of the id column to one of those, or name it in the columns option${first ? `, e.g. { columns: { id: ['${first}'] } }` : ''}`,
    undecodable: (encoding) =>
      `the input is not valid ${encoding} from this line on: bytes it cannot read are shown as "\uFFFD"; name the export's encoding with the encoding option (Excel in Swedish saves windows-1252)`,
    unusableAddress: (address, _reason, detail) => `"${address}" is not a usable address: ${detail}`,
    unreadablePhone: (phone) => `"${phone}" cannot be read as a phone number`,
    fields: {
      id: 'id',
      name: 'name',
      emails: 'address',
      phones: 'phone number',
      birthDate: 'birth date',
      country: 'country',
    },
    missingField: (words) => `the row has no ${words}`,
    quoted: (value) => JSON.stringify(value),
    idNotText: (shown) => `the id ${shown} is not text or a whole number`,
    notText: (words, shown) => `the ${words} ${shown} is not text`,
    // ISO 8601 calendar date, the form `birthDate` takes (README "Loading a CRM export").
    notCalendarDate: (shown) =>
      `the birth date ${shown} is not a calendar date written YYYY-MM-DD or YYYYMMDD`,
    notCountryCode: (shown) => `${shown} is not a two-letter ISO 3166-1 country code (SE, GB, ...)`,
    schemaIssue: () => undefined,
  },
  sv: {
    duplicateId: (id, earlierLine) =>
      `id ${id} användes redan på rad ${earlierLine}; den här raden ersätter den`,
    unnamed: (kind) => `${kind === 'column' ? 'en kolumn' : 'en nyckel'} utan namn läses inte`,
    notRead: (kind, header, near) =>
      `${kind === 'column' ? 'kolumnen' : 'nyckeln'} ”${header}” läses inte: namnet är inget av kundfältens namn${near ? ` (menade du ”${near}”?)` : ''}; för att läsa den, byt namn på rubriken till ett fältnamn eller ange den i alternativet columns`,
    readTwice: (header, field, other) =>
      `kolumnen ”${header}” läses som ${swedishField(field)}, liksom ”${other}”: där båda är ifyllda och skiljer sig rapporteras raden`,
    moreColumns: (count) => `${count} kolumner till läses inte (se unmappedColumns)`,
    moreKeys: 'fler nycklar läses inte (bara de 100 första rapporteras)',
    unclosedQuote: 'ett citattecken stängs aldrig',
    quoteRunsOn: (fields, columns) =>
      `ett citattecken som öppnas på den här raden fortsätter in på nästa rader (${fields} fält där rubrikraden har ${columns})`,
    fieldCount: (fields, columns) => `raden har ${fields} fält där rubrikraden har ${columns}`,
    tooManyFields: (fields, columns) =>
      `raden har ${fields} fält där rubrikraden har ${columns}: ${fields - columns} för många, så cellerna kan inte paras med kolumnerna (ett avgränsningstecken i en cell utan citattecken?)`,
    columnsDisagree: (field, first, second, header) =>
      `kolumnerna som läses som ${swedishField(field)} säger olika (”${first}” och ”${second}” i ”${header}”)`,
    keysDisagree: (field) => `nycklarna som läses som ${swedishField(field)} säger olika`,
    repeatedKey: (key) =>
      `nyckeln ”${key}” står två gånger på raden med olika värden; vilket som avses är okänt, så raden läses inte: behåll en`,
    repeatedKeyEveryValue: (key) =>
      `nyckeln ”${key}” står två gånger på raden (JSON behåller bara den sista): alla värden under den läses; behåll en nyckel`,
    repeatedKeyOneValue: (key) =>
      `nyckeln ”${key}” står två gånger på raden (JSON behåller bara den sista): värdena stämmer överens eller läses inte, så raden läses in; behåll en`,
    controlInName:
      'namnet innehåller en radbrytning eller ett styrtecken, som skulle hamna i en hälsning eller ett huvudfält: kunden läses in utan det',
    // The parser's own detail is in English only.
    notJson: () => 'ingen giltig JSON',
    notObject: 'raden är inget JSON-objekt',
    inexactId: (shown) =>
      `id ${shown} är ett tal som inte är ett heltal skrivet med siffror, så det kan inte bevaras exakt; skriv id som text ("id": "…")`,
    notCustomer: 'raden är ingen kund',
    noIdColumn: (names, idHeaders, first) =>
      `rubrikraden har ingen id-kolumn: ingen av ${names} är en id-rubrik (${idHeaders}); byt namn på id-kolumnens rubrik till ett av dem, eller ange id-kolumnen i alternativet columns${first ? `, t.ex. { columns: { id: ['${first}'] } }` : ''}`,
    undecodable: (encoding) =>
      `indata är inte giltig ${encoding} från den här raden: byte som inte kan läsas visas som ”\uFFFD”; ange exportens teckenkodning med alternativet encoding (Excel på svenska sparar windows-1252)`,
    unusableAddress: (address, reason) =>
      `”${address}” är ingen användbar adress: ${INVALID_REASONS.sv[reason]}`,
    unreadablePhone: (phone) => `”${phone}” kan inte läsas som ett telefonnummer`,
    fields: SWEDISH_FIELDS,
    missingField: (words) => `raden saknar ${words}`,
    quoted: (value) => `”${JSON.stringify(value).slice(1, -1)}”`,
    idNotText: (shown) => `id ${shown} är varken text eller ett heltal`,
    notText: (words, shown) => `${words} ${shown} är inte text`,
    notCalendarDate: (shown) => `födelsedatumet ${shown} är inget datum skrivet ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD`,
    notCountryCode: (shown) => `${shown} är ingen landskod med två bokstäver enligt ISO 3166-1 (SE, GB, ...)`,
    schemaIssue: ({ code, maximum, words }) => {
      if (code === 'too_big' && typeof maximum === 'number')
        return words === 'adress' || words === 'telefonnummer'
          ? `högst ${maximum} per kund (${words})`
          : `${words} får vara högst ${maximum} tecken`;
      if (code === 'too_small') return `raden saknar ${words}`;
      if (code === 'custom') return `${words} är ingen giltig Unicode-text`;
      return undefined;
    },
  },
};
