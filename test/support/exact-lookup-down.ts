import type { GuardOptions } from '../../src/guard/create-guard.js';

/**
 * Verified addresses whose lookup of one exact address fails (`maxDistance: 0`, how the guard asks
 * whose an address is) and whose other lookups find nothing: the guard cannot tell whose a reading
 * of the entered address is.
 */
export const exactLookupDown: NonNullable<GuardOptions['verifiedAddresses']> = {
  listVerified: async () => [],
  findVerified: async (_address, options) => {
    if (options?.maxDistance === 0) throw new Error('the store is down');
    return [];
  },
};
