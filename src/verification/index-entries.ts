import type { VerificationRecord } from './verification-store.js';

/**
 * One entry of the index of verified addresses: `value` (an address under a mailbox variant, or a
 * domain under a domain variant) listed in the record under `name`.
 */
export interface IndexEntry {
  readonly name: string;
  readonly kind: 'variant' | 'domain';
  readonly value: string;
}

/** What an index record of `kind` lists: nothing when it is none, or of another kind. */
export function listed(record: VerificationRecord | undefined, kind: IndexEntry['kind']): readonly string[] {
  if (record?.kind === 'variant' && kind === 'variant') return record.addresses;
  if (record?.kind === 'domain' && kind === 'domain') return record.domains;
  return [];
}

export function listing(kind: IndexEntry['kind'], values: string[]): VerificationRecord {
  return kind === 'variant' ? { kind, addresses: values } : { kind, domains: values };
}

export function filedIn(record: VerificationRecord | undefined, entry: IndexEntry): boolean {
  return listed(record, entry.kind).includes(entry.value);
}
