// Bootstring parameters for Punycode (RFC 3492 §5).
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 0x80;
const MAX_CODE_POINT = 0x10ffff;
const MAX_LABEL_LENGTH = 63;

/** RFC 3492 §6.1. */
function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

function digitOf(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 22; // 0-9 are 26-35
  if (code >= 0x41 && code <= 0x5a) return code - 0x41; // A-Z
  if (code >= 0x61 && code <= 0x7a) return code - 0x61; // a-z
  return BASE;
}

/** One Punycode label (without `xn--`) decoded (RFC 3492 §6.2), or undefined when it is not valid. */
function decodeLabel(input: string): string | undefined {
  const delimiter = input.lastIndexOf('-');
  const output: number[] = [];
  for (let i = 0; i < Math.max(delimiter, 0); i++) {
    const code = input.charCodeAt(i);
    if (code >= 0x80) return undefined;
    output.push(code);
  }
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  for (let at = delimiter > 0 ? delimiter + 1 : 0; at < input.length; ) {
    const oldI = i;
    let w = 1;
    for (let k = BASE; ; k += BASE) {
      if (at >= input.length) return undefined;
      const digit = digitOf(input.charCodeAt(at++));
      if (digit >= BASE) return undefined;
      i += digit * w;
      if (i > MAX_CODE_POINT * (output.length + 1) * 2) return undefined;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < t) break;
      w *= BASE - t;
    }
    const points = output.length + 1;
    bias = adapt(i - oldI, points, oldI === 0);
    n += Math.floor(i / points);
    i %= points;
    if (n > MAX_CODE_POINT || (n >= 0xd800 && n <= 0xdfff)) return undefined;
    output.splice(i, 0, n);
    i++;
  }
  return String.fromCodePoint(...output);
}

/**
 * The ACE prefix of RFC 5891 §5.1 in any case. Without the `u` flag only ASCII letters match
 * case-insensitively, as only ASCII letters lower-case to `x` and `n`.
 */
const PUNYCODE_MARK = /xn--/i;

/**
 * A domain as a person reads it: each Punycode label (`xn--keri-poa`, RFC 3492) shown in Unicode
 * (`åkeri`), so a salesperson sees `åkeri.se`, the domain the customer typed, and not the ASCII
 * form mail servers use. A label that is not valid Punycode, or longer than a DNS label can be, is
 * left as it is.
 *
 * @example
 * ```ts
 * displayDomain('xn--keri-poa.se'); // 'åkeri.se'
 * displayDomain('gmail.com');       // 'gmail.com'
 * ```
 */
export function displayDomain(domain: string): string {
  // Nearly every domain has no Punycode label: said without a lower-cased copy of it.
  if (!PUNYCODE_MARK.test(domain)) return domain;
  return domain
    .split('.')
    .map((label) => {
      // A label is at most 63 octets (RFC 1035 §2.3.4); a longer one is no domain's, and decoding
      // it (an insertion per character) would take time growing with the square of its length.
      if (label.length > MAX_LABEL_LENGTH || !/^xn--/i.test(label)) return label;
      const decoded = decodeLabel(label.slice(4));
      return decoded === undefined || decoded === '' ? label : decoded;
    })
    .join('.');
}

/**
 * An address with its domain as a person reads it (see {@link displayDomain}).
 *
 * @example
 * ```ts
 * displayAddress('kund@xn--keri-poa.se'); // 'kund@åkeri.se'
 * ```
 */
export function displayAddress(address: string): string {
  // No Punycode anywhere, none in the domain: the address is shown as it is, without rebuilding it.
  if (!PUNYCODE_MARK.test(address)) return address;
  const at = address.lastIndexOf('@');
  return at < 0 ? address : `${address.slice(0, at + 1)}${displayDomain(address.slice(at + 1))}`;
}
