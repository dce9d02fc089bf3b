import { isE164 } from './is-e164.js';
import { readPhoneNumber } from './read-phone-number.js';
import { startsWithTrunkZero } from './starts-with-trunk-zero.js';

/**
 * A customer's or an entered phone number in E.164 (ITU-T E.164), as the directories file and look
 * it up: a number already in E.164 form is taken as it is, unless it may carry a national trunk 0
 * after its country code (`+460701234567`), which only parsing removes; any other is read as a
 * number of `region`. `undefined` when it cannot be read.
 *
 * @example
 * ```ts
 * toE164('070-123 45 67', 'SE'); // '+46701234567'
 * toE164('+460701234567', 'SE'); // '+46701234567'
 * toE164('not a number', 'SE');  // undefined
 * ```
 */
export function toE164(phone: string, region: string): string | undefined {
  const trimmed = phone.trim();
  if (isE164(trimmed) && !startsWithTrunkZero(trimmed)) return trimmed;
  // The number alone, not parsePhone's reading: that is an object with getters, which V8 kept alive
  // through the next young-generation collection however soon it was dropped (a loop of
  // parsePhone left about 1.5 MB alive at each collection, of libphonenumber-js alone 0 KB; node
  // --trace-gc-nvp), and a directory's findPhone reads a number on every call.
  return readPhoneNumber(trimmed, region)?.number;
}
