/** One CSV record and the line it starts on (1-based), or a record that could not be read. */
export type CsvRecord =
  | {
      readonly line: number;
      readonly fields: string[];
      /** A quoted field of the record crosses a line break. */
      readonly spansLines: boolean;
    }
  | {
      readonly line: number;
      readonly error: string;
      /** The fields of the record read before the quote that broke it: they still name the row. */
      readonly fields: string[];
    };

/**
 * Receives each record. Answering `'read-again'` for a record that spans lines (one whose field
 * count shows its quote was stray) drops it and reads the lines after its first line again as rows.
 */
export type CsvRecordSink = (record: CsvRecord) => 'read-again' | undefined;

/**
 * How far a quoted field may run past the line its record starts on before the quote is taken for
 * a stray one: RFC 4180 §2.6 allows line breaks inside quotes (an address or a note on two lines),
 * but no CRM field spans a hundred lines or 64 Ki characters.
 */
const csvQuotedFieldLimits = { lines: 100, characters: 65_536 } as const;

/**
 * Splits CSV text (RFC 4180: quoted fields with `""` for a quote, line breaks inside quotes, CRLF
 * or LF) into records, fed one chunk at a time so a large export never sits in memory as one
 * string. Lenient where spreadsheets are (a stray quote inside an unquoted field is kept as text).
 *
 * A quote that opens a field and is not closed within {@link csvQuotedFieldLimits} (100 lines or
 * 64 Ki characters after the record's first line), nor by the end of the input, or that a field
 * spanning lines closes with text after it, breaks only its own record: that record is reported as
 * an error on the line it starts on, and reading resumes on the next line, so every later row is
 * still read. A record that spans lines but turns out to have the wrong number of fields can be
 * read again the same way (see {@link CsvRecordSink}). At most the limit is held in memory for the
 * open record.
 *
 * @example
 * ```ts
 * const records: CsvRecord[] = [];
 * const sink: CsvRecordSink = (record) => void records.push(record);
 * const reader = new CsvRecordReader(',');
 * reader.push('id,name\nC-1,"Berg, Karin\nC-2,Erik\n', sink);
 * reader.end(sink);
 * // [{ line: 1, fields: ['id', 'name'], spansLines: false },
 * //  { line: 2, error: 'a quoted field is never closed', fields: ['C-1'] },
 * //  { line: 3, fields: ['C-2', 'Erik'], spansLines: false }]
 * ```
 */
export class CsvRecordReader {
  private fields: string[] = [];
  /**
   * The open field as the pieces read so far, joined when it ends: a field grown one character at a
   * time is a chain of one heap object per character, whose cost per character rose 25-fold once a
   * field of a few hundred thousand characters outgrew the young generation.
   */
  private field: string[] = [];
  /** The field began with a quote (so a quote in it closes or escapes). */
  private inQuotes = false;
  /** The previous character was a quote inside a quoted field: `""` or the closing quote. */
  private quotePending = false;
  private line = 1;
  private recordLine = 1;
  private previousWasCarriageReturn = false;
  private fieldStarted = false;
  /**
   * The input after the first line of a record whose quoted field has crossed a line break, kept
   * to be read again as rows if the quote turns out to be stray; undefined otherwise.
   */
  private rest: string | undefined;

  constructor(private readonly delimiter: string) {}

  /** Reads a chunk; calls `emit` for every record it completes. */
  push(chunk: string, emit: CsvRecordSink): void {
    for (let i = 0; i < chunk.length; i++) {
      const plainEnd = this.plainRunEnd(chunk, i);
      if (plainEnd > i) {
        this.takePlain(chunk.slice(i, plainEnd), emit);
        i = plainEnd - 1;
        continue;
      }
      const character = chunk[i] as string;
      if (character === '\n' && this.previousWasCarriageReturn) {
        // The LF of a CRLF pair: the CR already ended the line.
        this.previousWasCarriageReturn = false;
        // Kept only inside the rest, where it follows its CR; a rest that starts after it does not.
        if (this.rest) this.rest += character;
        // Inside quotes the pair is data (RFC 4180 section 2 item 6) and stays as written.
        if (this.inQuotes && !this.quotePending) this.field.push(character);
        continue;
      }
      this.previousWasCarriageReturn = character === '\r';
      const lineBreak = character === '\n' || character === '\r';
      if (this.rest !== undefined) this.rest += character;

      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (character === '"') {
            this.field.push('"');
            continue;
          }
          this.inQuotes = false;
          if (this.rest !== undefined && character !== this.delimiter && !lineBreak) {
            // A field that spans lines and closes with text after its quote: the quote that opened
            // it was stray, and the lines it swallowed are rows.
            this.reread(emit);
            continue;
          }
          // Fall through: the character after the closing quote is read as outside quotes.
        } else if (character === '"') {
          this.quotePending = true;
          continue;
        } else {
          // A line break inside quotes is the field's data (RFC 4180 section 2 item 6): a CR, an LF
          // or a CRLF pair stays as written.
          this.field.push(character);
          if (lineBreak) {
            this.line++;
            this.rest ??= '';
          }
          if (
            this.rest !== undefined &&
            (this.line - this.recordLine > csvQuotedFieldLimits.lines ||
              this.rest.length > csvQuotedFieldLimits.characters)
          )
            this.reread(emit);
          continue;
        }
      }

      if (character === this.delimiter) {
        this.endField();
      } else if (lineBreak) {
        this.endField();
        const rest = this.rest;
        if (this.endRecord(emit) && rest !== undefined) {
          this.readAgain(rest, emit);
          continue;
        }
        this.line++;
        this.recordLine = this.line;
      } else if (character === '"' && !this.fieldStarted) {
        this.inQuotes = true;
        this.fieldStarted = true;
      } else {
        this.field.push(character);
        this.fieldStarted = true;
      }
    }
  }

  /**
   * Where the run of characters from `start` that are only data of the open field ends: every
   * character up to the next quote, line break or delimiter (a quote inside an unquoted field is
   * data too), so the run is taken as one slice. Inside a field that spans lines the run stops
   * where the kept rest would pass its limit, so a stray quote is found on the same character as
   * one character at a time would find it.
   */
  private plainRunEnd(chunk: string, start: number): number {
    // The LF of a CRLF pair, and the character after a quote inside quotes, have rules of their own.
    if (this.previousWasCarriageReturn || this.quotePending) return start;
    if (!this.inQuotes && !this.fieldStarted && chunk[start] === '"') return start;
    const limit =
      this.rest === undefined || !this.inQuotes
        ? chunk.length
        : Math.min(chunk.length, start + csvQuotedFieldLimits.characters + 1 - this.rest.length);
    let end = start;
    while (end < limit) {
      const character = chunk[end];
      if (character === '\n' || character === '\r') break;
      if (this.inQuotes ? character === '"' : character === this.delimiter) break;
      end++;
    }
    return end;
  }

  /** Adds a run of data characters (see {@link plainRunEnd}) to the open field. */
  private takePlain(run: string, emit: CsvRecordSink): void {
    this.previousWasCarriageReturn = false;
    this.field.push(run);
    if (!this.inQuotes) {
      this.fieldStarted = true;
      if (this.rest !== undefined) this.rest += run;
      return;
    }
    if (this.rest === undefined) return;
    this.rest += run;
    if (this.rest.length > csvQuotedFieldLimits.characters) this.reread(emit);
  }

  /** Ends the input: emits the last record, or an error for each quote left open. */
  end(emit: CsvRecordSink): void {
    for (;;) {
      while (this.inQuotes && !this.quotePending) this.reread(emit);
      this.inQuotes = false;
      this.quotePending = false;
      this.endField();
      const rest = this.rest;
      if (!this.endRecord(emit) || rest === undefined) return;
      this.readAgain(rest, emit);
    }
  }

  /**
   * Reports the open record as broken and reads the input after its first line again: a stray
   * quote costs its own row, not the rows it would have swallowed.
   */
  private reread(emit: CsvRecordSink): void {
    emit({ line: this.recordLine, error: 'a quoted field is never closed', fields: [...this.fields] });
    this.readAgain(this.rest ?? '', emit);
  }

  /** Drops the open record and reads `rest`, the input after its first line, as new records. */
  private readAgain(rest: string, emit: CsvRecordSink): void {
    this.fields = [];
    this.field = [];
    this.inQuotes = false;
    this.quotePending = false;
    this.fieldStarted = false;
    this.previousWasCarriageReturn = false;
    this.rest = undefined;
    this.recordLine++;
    this.line = this.recordLine;
    // A single-line record left open at the end has nothing after it to read.
    if (rest !== '') this.push(rest, emit);
  }

  private endField(): void {
    this.fields.push(this.field.join(''));
    this.field = [];
    this.fieldStarted = false;
  }

  /** Emits the record; true when the sink asks for the lines after its first to be read again. */
  private endRecord(emit: CsvRecordSink): boolean {
    const fields = this.fields;
    const spansLines = this.rest !== undefined;
    this.fields = [];
    this.rest = undefined;
    // A blank line is no record (RFC 4180 does not allow one; spreadsheets write them at the end).
    if (fields.length === 1 && fields[0] === '') return false;
    return emit({ line: this.recordLine, fields, spansLines }) === 'read-again' && spansLines;
  }
}
