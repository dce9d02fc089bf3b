import type { MailboxKey } from '../address/mailbox-key.js';
import { foldedMailboxKey } from '../contacts/folded-mailbox-key.js';
import { copyLine, escapeField } from './copy-line.js';

/** One customer's filed addresses, as {@link variantCopyChunks} reads them. */
export interface VariantSource {
  readonly id: string;
  /** The mailbox keys of the customer's parsed addresses, each once. */
  readonly keys: readonly MailboxKey[];
}

/** About the size of a pipe's buffer: one write per chunk, not per row. */
const CHUNK = 65_536;

/**
 * A key that is printable ASCII with nothing COPY escapes (no backslash): each character is one
 * byte, so a deletion variant is the key's bytes with one byte left out.
 */
const PLAIN = /^[\x20-\x5b\x5d-\x7e]*$/;

/**
 * The `mailbox_variant` rows of a batch as `COPY ... FROM STDIN` text (see {@link copyLine}): for
 * each customer its addresses' keys, each one-character deletion of their local parts and their
 * folded keys (`foldedMailboxKey`), each string once per customer. A load writes about fifteen of these rows per customer, most of its
 * work in Node: for the usual customer (one address in plain ASCII) each row is copied byte by
 * byte from one encoded line into the chunk, with no string made per row. Other customers go
 * through the strings and `copyLine`, which give the same bytes.
 *
 * @example
 * ```ts
 * for (const chunk of variantCopyChunks([{ id: 'C-1', keys: [mailboxKey(parsed, rules)] }])) stream.write(chunk);
 * ```
 */
export function* variantCopyChunks(batch: Iterable<VariantSource>): Generator<Buffer> {
  let out = Buffer.allocUnsafe(2 * CHUNK);
  let at = 0;
  const room = (bytes: number): Buffer | undefined => {
    if (at + bytes <= out.length) return undefined;
    const full = out.subarray(0, at);
    out = Buffer.allocUnsafe(Math.max(2 * CHUNK, bytes));
    at = 0;
    return full;
  };
  for (const { id, keys } of batch) {
    if (keys.length === 0) continue;
    const key = keys[0] as MailboxKey;
    // A key with letters written more than one way (`aasa.oeberg`) is also filed folded: the strings path.
    if (keys.length === 1 && PLAIN.test(key.key) && foldedMailboxKey(key) === undefined) {
      const local = key.local.length;
      // `local@domain\tid\n`: the key's row, and the template of every deletion row.
      const line = Buffer.from(`${key.key}\t${escapeField(id)}\n`, 'utf8');
      const size = line.length;
      const full = room((local + 1) * size);
      if (full) yield full;
      for (let j = 0; j < size; j++) out[at + j] = line[j] as number;
      at += size;
      for (let i = 0; i < local; i++) {
        // Deleting any character of a run of equal ones gives the same string: the first stands for all.
        if (i > 0 && line[i] === line[i - 1]) continue;
        for (let j = 0; j < i; j++) out[at + j] = line[j] as number;
        for (let j = i + 1; j < size; j++) out[at + j - 1] = line[j] as number;
        at += size - 1;
      }
    } else {
      const variants = new Set<string>();
      for (const { key: whole, local, domain } of keys) {
        variants.add(whole);
        for (let i = 0; i < local.length; i++) {
          if (i > 0 && local[i] === local[i - 1]) continue;
          variants.add(`${local.slice(0, i)}${local.slice(i + 1)}@${domain}`);
        }
        const folded = foldedMailboxKey({ local, domain });
        if (folded !== undefined) variants.add(folded);
      }
      let text = '';
      for (const variant of variants) text += copyLine([variant, id]);
      const full = room(Buffer.byteLength(text, 'utf8'));
      if (full) yield full;
      at += out.write(text, at, 'utf8');
    }
    if (at >= CHUNK) {
      yield out.subarray(0, at);
      out = Buffer.allocUnsafe(2 * CHUNK);
      at = 0;
    }
  }
  if (at > 0) yield out.subarray(0, at);
}
