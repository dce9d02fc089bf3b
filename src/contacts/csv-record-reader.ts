/** One CSV record and the line it starts on (1-based), or a record that could not be read. */
export type CsvRecord =
  | { readonly line: number; readonly fields: string[] }
  | { readonly line: number; readonly error: string };

/**
 * Splits CSV text (RFC 4180: quoted fields with `""` for a quote, line breaks inside quotes, CRLF
 * or LF) into records, fed one chunk at a time so a large export never sits in memory as one
 * string. Lenient where spreadsheets are (a stray quote inside an unquoted field is kept as text);
 * a quote left open at the end of the input is reported for the record it opened.
 */
export class CsvRecordReader {
  private fields: string[] = [];
  private field = '';
  /** The field began with a quote (so a quote in it closes or escapes). */
  private inQuotes = false;
  /** The previous character was a quote inside a quoted field: `""` or the closing quote. */
  private quotePending = false;
  private line = 1;
  private recordLine = 1;
  private previousWasCarriageReturn = false;
  private fieldStarted = false;

  constructor(private readonly delimiter: string) {}

  /** Reads a chunk; calls `emit` for every record it completes. */
  push(chunk: string, emit: (record: CsvRecord) => void): void {
    for (let i = 0; i < chunk.length; i++) {
      const character = chunk[i] as string;
      if (character === '\n' && this.previousWasCarriageReturn) {
        // The LF of a CRLF pair: the CR already ended the line.
        this.previousWasCarriageReturn = false;
        continue;
      }
      this.previousWasCarriageReturn = character === '\r';
      const lineBreak = character === '\n' || character === '\r';

      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (character === '"') {
            this.field += '"';
            continue;
          }
          this.inQuotes = false;
          // Fall through: the character after the closing quote is read as outside quotes.
        } else if (character === '"') {
          this.quotePending = true;
          continue;
        } else {
          this.field += lineBreak ? '\n' : character;
          if (lineBreak) this.line++;
          continue;
        }
      }

      if (character === this.delimiter) {
        this.endField();
      } else if (lineBreak) {
        this.endField();
        this.endRecord(emit);
        this.line++;
        this.recordLine = this.line;
      } else if (character === '"' && !this.fieldStarted) {
        this.inQuotes = true;
        this.fieldStarted = true;
      } else {
        this.field += character;
        this.fieldStarted = true;
      }
    }
  }

  /** Ends the input: emits the last record, or an error if a quote was left open. */
  end(emit: (record: CsvRecord) => void): void {
    if (this.inQuotes && !this.quotePending) {
      emit({ line: this.recordLine, error: 'a quoted field is never closed' });
      this.reset();
      return;
    }
    this.inQuotes = false;
    this.endField();
    this.endRecord(emit);
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.fieldStarted = false;
  }

  private endRecord(emit: (record: CsvRecord) => void): void {
    const fields = this.fields;
    this.fields = [];
    // A blank line is no record (RFC 4180 does not allow one; spreadsheets write them at the end).
    if (fields.length === 1 && fields[0] === '') return;
    emit({ line: this.recordLine, fields });
  }

  private reset(): void {
    this.fields = [];
    this.field = '';
    this.inQuotes = false;
    this.quotePending = false;
    this.fieldStarted = false;
  }
}
