import { InvalidInputError } from '../errors.js';
import type { GuardOptions } from '../guard/create-guard.js';
import { settleLookup } from '../guard/settle-lookup.js';
import type { PendingRelease } from './release-tokens.js';

type GuardWithVerifications = {
  readonly options: Pick<GuardOptions, 'verifiedAddresses' | 'lookupTimeoutMs'>;
};

/**
 * What a message the guard holds keeps of the addresses verified by code its check read: that it
 * read them (`verifiedAddressesChecked`) and the id of their store (`verificationStoreId`), `null`
 * when the store has none, or did not say it within the guard's `lookupTimeoutMs` (the message is
 * held all the same: a hold is never lost to it). Nothing for a guard without them.
 */
export async function verificationsWhenHeld(guard: GuardWithVerifications): Promise<{
  readonly verifiedAddressesChecked?: true;
  readonly verificationStoreId?: string | null;
}> {
  const source = guard.options.verifiedAddresses;
  if (!source) return {};
  return { verifiedAddressesChecked: true, verificationStoreId: (await storeIdOf(guard)) ?? null };
}

/**
 * Whether a release through `guard` reads the verified addresses of another store than the check
 * that held the message did: the two ids when it does, `undefined` when it reads the same store
 * (or the hold kept no id, or the guard has no verified addresses, which `verifiedAddressesChecked`
 * answers). An empty folder, or another schema's store, answers "nobody verified it" for Karin's
 * address, so an order of Karl's would pass there to an address Karin proved: a release is never
 * checked against other addresses than the hold was. A store without an id, or one that cannot
 * say it now (`now` undefined), cannot show it is the same. A message held before ids were kept,
 * or by a store without one, is released as before.
 */
export async function otherVerificationStore(
  held: { readonly verificationStoreId?: string | null | undefined },
  guard: GuardWithVerifications,
): Promise<{ readonly heldWith: string; readonly now: string | undefined } | undefined> {
  const heldWith = held.verificationStoreId;
  if (typeof heldWith !== 'string' || !guard.options.verifiedAddresses) return undefined;
  const now = await storeIdOf(guard);
  return now === heldWith ? undefined : { heldWith, now };
}

/** {@link otherVerificationStore} as the guard refuses a release: `verification-store-differs`. */
export async function otherVerificationStoreAtRelease(
  release: PendingRelease,
  guard: GuardWithVerifications,
): Promise<InvalidInputError | undefined> {
  const other = await otherVerificationStore(release, guard);
  if (other === undefined) return undefined;
  const { heldWith, now } = other;
  const reads = now === undefined ? 'a store that gives no id' : `the store ${now}`;
  return new InvalidInputError([
    {
      path: ['options', 'verifiedAddresses'],
      code: 'verification-store-differs',
      message: `held message ${release.holdId} was checked against the addresses verified in the store ${heldWith}, and this guard reads ${reads}: another store's addresses (an empty one says nobody verified anything) cannot clear it; release it through a guard given that store`,
    },
  ]);
}

/** The id of the guard's verified addresses' store, or `undefined`: none, a failure, or no answer in time. */
async function storeIdOf(guard: GuardWithVerifications): Promise<string | undefined> {
  const source = guard.options.verifiedAddresses;
  if (typeof source?.storeId !== 'function') return undefined;
  const outcome = await settleLookup(() => source.storeId?.(), guard.options.lookupTimeoutMs ?? 2000);
  return 'found' in outcome && typeof outcome.found === 'string' && outcome.found !== ''
    ? outcome.found
    : undefined;
}
