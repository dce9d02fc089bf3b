import type { GuardOptions } from '../guard/create-guard.js';
import { settleLookup } from '../guard/settle-lookup.js';

type GuardWithVerifications = {
  readonly options: Pick<GuardOptions, 'verifiedAddresses' | 'lookupTimeoutMs'>;
};

/**
 * What a hold keeps when its check could not read its verification store's id: the store failed
 * (`'error'`) or did not answer within the guard's `lookupTimeoutMs` (`'timeout'`). Unlike `null`
 * (a store that has no id) it says the check read *some* store that cannot be named, so no store
 * can be shown to be that one, and a release is refused (`verification-store-unknown`).
 */
export interface VerificationStoreIdUnread {
  readonly unread: 'error' | 'timeout';
}

/** The id of a verification store as a hold keeps it: the id, `null` for none, or could not be read. */
export type HeldVerificationStoreId = string | null | VerificationStoreIdUnread;

/** A store's id as read now: the id, `undefined` when it has none, or why it could not be read. */
export type StoreIdReading = { readonly id: string } | VerificationStoreIdUnread | undefined;

/**
 * What a message the guard holds keeps of the addresses verified by code its check read: that it
 * read them (`verifiedAddressesChecked`) and the id of their store (`verificationStoreId`), `null`
 * when the store has none, `{ unread }` when it failed to say it or did not within the guard's
 * `lookupTimeoutMs` (the message is held all the same: a hold is never lost to it). Nothing for a
 * guard without them.
 */
export async function verificationsWhenHeld(guard: GuardWithVerifications): Promise<{
  readonly verifiedAddressesChecked?: true;
  readonly verificationStoreId?: HeldVerificationStoreId;
}> {
  if (!guard.options.verifiedAddresses) return {};
  const reading = await readStoreId(guard);
  return {
    verifiedAddressesChecked: true,
    verificationStoreId: reading === undefined ? null : 'id' in reading ? reading.id : reading,
  };
}

/** Whether a hold's `verificationStoreId` says the id could not be read when the message was held. */
export function isVerificationStoreIdUnread(
  value: HeldVerificationStoreId | undefined,
): value is VerificationStoreIdUnread {
  return (
    typeof value === 'object' && value !== null && (value.unread === 'error' || value.unread === 'timeout')
  );
}

/**
 * Whether a release through `guard` may read the verified addresses of another store than the
 * check that held the message did: what the hold kept and what the store answers now when it may,
 * `undefined` when it reads the same store (or the hold kept no id, or the guard has no verified
 * addresses, which `verifiedAddressesChecked` answers). An empty folder, or another schema's store,
 * answers "nobody verified it" for Karin's address, so an order of Karl's would pass there to an
 * address Karin proved: a release is never checked against other addresses than the hold was. A
 * store without an id, or one whose id cannot be read now, cannot show it is the same; nor can any
 * store when the hold could not read its id (`{ unread }`): a release never knows less than the
 * hold. A message held before ids were kept, or by a store without one (`null`), is released as
 * before.
 */
export async function otherVerificationStore(
  held: { readonly verificationStoreId?: HeldVerificationStoreId | undefined },
  guard: GuardWithVerifications,
): Promise<
  { readonly heldWith: string | VerificationStoreIdUnread; readonly now: StoreIdReading } | undefined
> {
  const heldWith = held.verificationStoreId;
  if (!guard.options.verifiedAddresses) return undefined;
  if (isVerificationStoreIdUnread(heldWith)) return { heldWith, now: await readStoreId(guard) };
  if (typeof heldWith !== 'string') return undefined;
  const now = await readStoreId(guard);
  return now !== undefined && 'id' in now && now.id === heldWith ? undefined : { heldWith, now };
}

/** The id of the guard's verified addresses' store: the id, none, or why it could not be read. */
async function readStoreId(guard: GuardWithVerifications): Promise<StoreIdReading> {
  const source = guard.options.verifiedAddresses;
  if (typeof source?.storeId !== 'function') return undefined;
  const outcome = await settleLookup(() => source.storeId?.(), guard.options.lookupTimeoutMs ?? 2000);
  if ('found' in outcome)
    return typeof outcome.found === 'string' && outcome.found !== '' ? { id: outcome.found } : undefined;
  // A store that answered nothing has no id; one that threw or kept silent could not say it.
  return outcome.reason === 'timeout'
    ? { unread: 'timeout' }
    : outcome.reason === 'error'
      ? { unread: 'error' }
      : undefined;
}
