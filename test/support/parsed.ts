import { type ParsedAddress, parseAddress } from '../../src/address/parse-address.js';

/** Parses a fixture address that is known to be valid; a broken fixture fails the test loudly. */
export function parsed(input: string): ParsedAddress {
  const result = parseAddress(input);
  if (!result.ok) throw new Error(`fixture does not parse: ${input} (${result.reason})`);
  return result.address;
}
