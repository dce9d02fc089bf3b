import { z } from 'zod';
import { type ParseAddressResult, parseAddress } from '../address/parse-address.js';

/**
 * The `code` of the issue (`InvalidInputError.issues[n].code`) for a value that is not one e-mail
 * address: it tells a malformed address from one that contradicts other facts, whatever the wording.
 */
export const NOT_AN_ADDRESS = 'not-an-address';

function refuse(result: ParseAddressResult, context: z.core.$RefinementCtx<string>): void {
  if (!result.ok)
    context.addIssue({
      code: 'custom',
      message: 'a single e-mail address',
      params: { code: NOT_AN_ADDRESS },
    });
}

/**
 * One e-mail address exactly as {@link parseAddress} accepts it: a single addr-spec, without a
 * display name, a list or a line break. A CR or LF in an address that reaches a header would end
 * that header and start another (RFC 5322 §2.2), so every address the incident reports and notices
 * carry passes here.
 */
export const AddressSchema = z
  .string()
  .superRefine((value, context) => refuse(parseAddress(value), context))
  .meta({ format: 'idn-email' });

/**
 * An address as {@link AddressSchema} accepts it, read as the bare addr-spec that goes into a header
 * or an SMTP envelope: surrounding white space dropped, the domain in lower-case ASCII.
 */
export const AddrSpecSchema = z.string().transform((value, context) => {
  const result = parseAddress(value);
  if (result.ok) return result.address.address;
  refuse(result, context);
  return z.NEVER;
});
