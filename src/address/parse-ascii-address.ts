import type { ParsedAddress } from './parse-address.js';

// RFC 5321 §4.5.3.1.1 (local part 64 octets), §4.5.3.1.2 (domain), RFC 1035 §2.3.4 (label 63
// octets) and the 254-octet path (RFC 5321 §4.5.3.1.3 minus the angle brackets, errata 1690): the
// same limits as parseAddress. In plain ASCII an octet is a character.
const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;
const MAX_LABEL = 63;
const MAX_ADDRESS = 254;

const ATEXT = 1;
const LETTER_OR_DIGIT = 2;
const DIGIT = 4;

/**
 * What each ASCII character may be: RFC 5322 §3.2.3 atext in a local part; a letter or digit
 * (RFC 1035 §2.3.1, LDH with the hyphen handled apart) in a domain label.
 */
const CLASS = (() => {
  const table = new Uint8Array(128);
  // Without `%`: the percent hack (`erik.lind%telia.com@…`) may read as another address, which only
  // the full parser judges (addressShownInLocalPart).
  for (const character of "!#$&'*+-/=?^_`{|}~") table[character.charCodeAt(0)] = ATEXT;
  for (let code = 0x30; code <= 0x39; code++) table[code] = ATEXT | LETTER_OR_DIGIT | DIGIT;
  for (let code = 0x41; code <= 0x5a; code++) table[code] = ATEXT | LETTER_OR_DIGIT;
  for (let code = 0x61; code <= 0x7a; code++) table[code] = ATEXT | LETTER_OR_DIGIT;
  return table;
})();

const DOT = 0x2e;
const AT = 0x40;
const HYPHEN = 0x2d;

/**
 * The address as `parseAddress` would give it, read in one pass, when `input` is a plain ASCII
 * dot-atom address with an LDH domain (what nearly every typed address is); `undefined` for
 * anything else (white space around it, quotes, non-ASCII letters, any fault), which goes to the
 * full parser. Never answers differently from it: test/address/parse-ascii-address.test.ts
 * compares the two on random and adversarial strings.
 *
 * @example
 * ```ts
 * parseAsciiAddress('Anna.Svensson@Gmail.com')?.domain; // 'gmail.com'
 * parseAsciiAddress(' anna@gmail.com');                  // undefined: the full parser trims it
 * ```
 */
export function parseAsciiAddress(input: string): ParsedAddress | undefined {
  const length = input.length;
  if (length > MAX_ADDRESS) return undefined;
  // The local part: dot-atom (RFC 5322 §3.2.3), dots only between atoms.
  let i = 0;
  let previous = DOT;
  for (; i < length; i++) {
    const code = input.charCodeAt(i);
    if (code === AT) break;
    if (code === DOT) {
      if (previous === DOT) return undefined;
    } else if (code >= 0x80 || ((CLASS[code] as number) & ATEXT) === 0) return undefined;
    previous = code;
  }
  const at = i;
  if (at === 0 || at === length || at > MAX_LOCAL || previous === DOT) return undefined;
  // The domain: LDH labels of 1 to 63 characters (RFC 1035 §2.3.4, RFC 5890 §2.3.1), two at least.
  let labelStart = at + 1;
  let labels = 0;
  let upper = false;
  let numericLabel = true;
  for (i = labelStart; i <= length; i++) {
    const code = i === length ? DOT : input.charCodeAt(i);
    if (code === DOT) {
      const labelLength = i - labelStart;
      if (labelLength === 0 || labelLength > MAX_LABEL) return undefined;
      if (input.charCodeAt(i - 1) === HYPHEN) return undefined;
      labels++;
      labelStart = i + 1;
      if (i < length) numericLabel = true;
      continue;
    }
    if (code === HYPHEN) {
      if (i === labelStart) return undefined;
      numericLabel = false;
      continue;
    }
    if (code >= 0x80) return undefined;
    const kind = CLASS[code] as number;
    if ((kind & LETTER_OR_DIGIT) === 0) return undefined;
    if ((kind & DIGIT) === 0) {
      numericLabel = false;
      if (code <= 0x5a) upper = true;
    }
  }
  // RFC 3696 §2: a top-level domain is never all-numeric.
  if (labels < 2 || numericLabel || length - at - 1 > MAX_DOMAIN) return undefined;
  const typedDomain = input.slice(at + 1);
  const domain = upper ? typedDomain.toLowerCase() : typedDomain;
  const local = input.slice(0, at);
  return {
    input,
    address: upper ? `${local}@${domain}` : input,
    local,
    domain,
    unicodeDomain: domain,
    trimmed: false,
  };
}
