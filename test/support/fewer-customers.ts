import type { AsyncDirectory } from '../../src/contacts/async-directory.js';
import { createDirectory, type Directory } from '../../src/contacts/create-directory.js';
import type { Customer } from '../../src/contacts/customer.js';
import type { HoldStore } from '../../src/nodemailer/hold-store.js';
import { holdMessage, transportChecking } from './hold-message.js';
import { customers, type PipelineFixture } from './pipeline.js';

/** The address of a third customer, Karin Berg (C-3003). */
export const KARINS = 'karin.berg@outlook.com';

/** A third customer, whose address a correction of an order for C-1001 must never be. */
export const KARIN: Customer = { id: 'C-3003', name: 'Karin Berg', emails: [KARINS] };

/** Every customer the check that holds the order knows: C-1001, C-2002 and Karin. */
export const ALL_CUSTOMERS: readonly Customer[] = [...Object.values(customers), KARIN];

/** A customer file filtered to C-1001 alone: it lacks the two customers whose addresses the tests use. */
export const ONLY_THE_CUSTOMER = (): Directory => createDirectory([customers['C-1001'] as Customer]);

/** Who releases, and why. */
export const RELEASED_BY = { by: 'lena@butiken.se', reason: 'the customer read the address back' };

/**
 * Holds an order for C-1001 sent to C-2002's address, checked against every customer: blocked as
 * `belongs-to-other-customer`, with the 3 customers known kept beside it. Answers the hold id.
 */
export function holdOrderToOtherCustomer(fixture: PipelineFixture, holdStore: HoldStore): Promise<string> {
  return holdMessage(withStore(fixture, holdStore), 'erik.lind@telia.com', {
    directory: createDirectory(ALL_CUSTOMERS),
  });
}

/**
 * Releases held message `id` from `holdStore`, corrected to Karin's address and confirmed as new,
 * through a guard checking against `directory`: what a partial customer file would let out.
 */
export function releaseToKarin(
  fixture: PipelineFixture,
  holdStore: HoldStore,
  id: string,
  directory: Directory | AsyncDirectory | undefined,
) {
  return holdStore.release(id, transportChecking(withStore(fixture, holdStore), directory), {
    ...RELEASED_BY,
    to: KARINS,
    confirmNew: true,
  });
}

/** The fixture with `holdStore` in place of its own (the PostgreSQL store). */
export function withStore(fixture: PipelineFixture, holdStore: HoldStore): PipelineFixture {
  const { sink, dir, audit } = fixture;
  return { sink, dir, audit, holdStore };
}
