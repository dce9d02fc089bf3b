/**
 * Customer records packed as UTF-8 in one growable byte array: a JS string and array per customer
 * would cost well over a hundred bytes each in object headers alone, and the directory is meant to
 * hold a million customers in a few hundred megabytes (see docs/directory.md).
 *
 * A record is a list of fields, each a LEB128 length followed by UTF-8 bytes:
 * `id, name, country, birthDate, emailCount, ...emails, phoneCount, ...phones` (counts are one byte each).
 */

/** A record as stored: empty strings stand for absent fields. */
export interface StoredRecord {
  readonly id: string;
  readonly name: string;
  readonly country: string;
  /** ISO 8601 calendar date, or empty. */
  readonly birthDate: string;
  readonly emails: readonly string[];
  readonly phones: readonly string[];
}

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();
const MAX_LIST = 255;

export class RecordPool {
  private bytes = new Uint8Array(1 << 16);
  private length = 0;

  /** Appends a record and returns its offset. Lists longer than 255 entries are cut there. */
  append(record: StoredRecord): number {
    const offset = this.length;
    this.writeString(record.id);
    this.writeString(record.name);
    this.writeString(record.country);
    this.writeString(record.birthDate);
    this.writeList(record.emails);
    this.writeList(record.phones);
    return offset;
  }

  /** Reads the id of the record at `offset` (cheaper than the whole record). */
  readId(offset: number): string {
    return this.readString(offset)[0];
  }

  /** Reads the whole record at `offset`. */
  read(offset: number): StoredRecord {
    const [id, afterId] = this.readString(offset);
    const [name, afterName] = this.readString(afterId);
    const [country, afterCountry] = this.readString(afterName);
    const [birthDate, afterBirthDate] = this.readString(afterCountry);
    const [emails, afterEmails] = this.readList(afterBirthDate);
    const [phones] = this.readList(afterEmails);
    return { id, name, country, birthDate, emails, phones };
  }

  /** Gives back the spare capacity left by doubling, once a bulk load is done. */
  trim(): void {
    this.bytes = this.bytes.slice(0, Math.max(this.length, 1));
  }

  get byteLength(): number {
    return this.bytes.byteLength;
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    let capacity = this.bytes.length * 2;
    while (capacity < this.length + extra) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  private writeList(items: readonly string[]): void {
    const count = Math.min(items.length, MAX_LIST);
    this.reserve(1);
    this.bytes[this.length++] = count;
    for (let i = 0; i < count; i++) this.writeString(items[i] as string);
  }

  private writeString(text: string): void {
    // A UTF-16 code unit takes at most 3 UTF-8 bytes; 5 bytes cover any LEB128 length prefix.
    this.reserve(text.length * 3 + 5);
    let ascii = true;
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) > 0x7f) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      this.writeLength(text.length);
      for (let i = 0; i < text.length; i++) this.bytes[this.length++] = text.charCodeAt(i);
      return;
    }
    const encoded = utf8Encoder.encode(text);
    this.writeLength(encoded.length);
    this.bytes.set(encoded, this.length);
    this.length += encoded.length;
  }

  private writeLength(value: number): void {
    let rest = value;
    while (rest >= 0x80) {
      this.bytes[this.length++] = (rest & 0x7f) | 0x80;
      rest >>>= 7;
    }
    this.bytes[this.length++] = rest;
  }

  private readList(offset: number): [string[], number] {
    const count = this.bytes[offset] as number;
    const items: string[] = [];
    let at = offset + 1;
    for (let i = 0; i < count; i++) {
      const [item, next] = this.readString(at);
      items.push(item);
      at = next;
    }
    return [items, at];
  }

  private readString(offset: number): [string, number] {
    let length = 0;
    let shift = 0;
    let at = offset;
    for (;;) {
      const byte = this.bytes[at++] as number;
      length |= (byte & 0x7f) << shift;
      if (byte < 0x80) break;
      shift += 7;
    }
    const end = at + length;
    // fromCharCode takes its characters as call arguments: only short fields go that way.
    let ascii = length <= 256;
    for (let i = at; ascii && i < end; i++) {
      if ((this.bytes[i] as number) > 0x7f) {
        ascii = false;
        break;
      }
    }
    const text = ascii
      ? String.fromCharCode.apply(null, this.bytes.subarray(at, end) as unknown as number[])
      : utf8Decoder.decode(this.bytes.subarray(at, end));
    return [text, end];
  }
}
