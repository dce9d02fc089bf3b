/**
 * Parsing of one addr-spec (RFC 5322 §3.4.1) as a person types it into an order form.
 *
 * Deliberately stricter than RFC 5322: an order confirmation goes to exactly one mailbox, so a
 * display name, a list, comments, folding white space or a domain literal are all refused, and
 * RFC 5321's size limits apply. Nothing here throws: every string gets a parse result.
 */
import { addressShownInLocalPart } from './address-shown-in-local-part.js';
import { UNQUOTED_LOCAL_PART_SHOWS_ADDRESS } from './invalid-reason-texts.js';
import { parseAsciiAddress } from './parse-ascii-address.js';

/** Why a string is not exactly one usable address. Stable codes, never renamed. */
export type InvalidAddressReason =
  | 'empty'
  | 'control-characters'
  | 'malformed-text'
  | 'invisible-characters'
  | 'whitespace'
  | 'display-name'
  | 'list'
  | 'missing-at'
  | 'multiple-at'
  | 'empty-local-part'
  | 'empty-domain'
  | 'dot-placement'
  | 'local-part-characters'
  | 'local-part-too-long'
  | 'address-in-local-part'
  | 'domain-literal'
  | 'domain-characters'
  | 'domain-label'
  | 'domain-too-long'
  | 'single-label-domain'
  | 'numeric-top-level-domain'
  | 'address-too-long';

/** An address that parsed: exactly one addr-spec. */
export interface ParsedAddress {
  /** What was given, untouched. */
  readonly input: string;
  /** `local@domain` with surrounding white space removed and the domain in lower-case ASCII. */
  readonly address: string;
  /** The local part exactly as typed (RFC 5321 §2.4: only the receiving host may interpret it). */
  readonly local: string;
  /** The domain as an ASCII (A-label) name, lower case, after UTS #46 mapping. */
  readonly domain: string;
  /** The domain as typed, NFC-normalised and lower case: what a person reads (`åkeri.se`). */
  readonly unicodeDomain: string;
  /** Whether white space surrounded the input (it is dropped, but the difference is reported). */
  readonly trimmed: boolean;
}

/**
 * What {@link parseAddress} gives: the parsed address, or why the string is not one usable
 * address (`reason`, a stable code) with a sentence for a developer (`detail`).
 */
export type ParseAddressResult =
  | { readonly ok: true; readonly address: ParsedAddress }
  | {
      readonly ok: false;
      readonly input: string;
      readonly reason: InvalidAddressReason;
      readonly detail: string;
    };

// RFC 5321 §4.5.3.1.1 (local part 64 octets) and §4.5.3.1.2 (domain 255 octets); the 254-octet
// path limit follows from §4.5.3.1.3's 256-octet forward-path minus the angle brackets (errata 1690).
const MAX_LOCAL_OCTETS = 64;
const MAX_DOMAIN_OCTETS = 253;
const MAX_LABEL_OCTETS = 63;
const MAX_ADDRESS_OCTETS = 254;

// RFC 5322 §3.2.3 atext, plus any non-ASCII character as RFC 6531 §3.3 allows (UTF8-non-ascii).
const ATEXT = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~\u0080-\u{10FFFF}]+$/u;
// RFC 5322 §3.2.4 qtext and quoted-pair, without CR/LF: a quoted local part such as "anna svensson".
const QUOTED_LOCAL = /^"(?:[\x20\x21\x23-\x5B\x5D-\x7E\u0080-\u{10FFFF}]|\\[\x20-\x7E])*"$/u;
const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
// What a person may type into a domain before UTS #46 maps it: letters, marks, digits, hyphens, dots.
const DOMAIN_INPUT = /^[\p{L}\p{M}\p{N}.-]+$/u;
// Format characters (zero-width space and joiners, BOM, bidi controls) that a copy and paste brings
// along invisibly; they would make a different address that looks identical.
const INVISIBLE = /[\p{Cf}\u180E]/u;
// A zero width joiner between two pictographs (each with an optional skin tone or emoji
// presentation selector) joins them into one emoji that is seen (a family, a rainbow flag: an
// emoji ZWJ sequence, UTS #51 §2.3; one grapheme cluster, UAX #29 GB11): it is not hidden, as a
// joiner between letters is. Looked for only once an invisible character is found.
const EMOJI_JOINER =
  /(?<=\p{Extended_Pictographic}[\u{1F3FB}-\u{1F3FF}\uFE0F]?)\u200D(?=\p{Extended_Pictographic})/gu;
// Tag characters after an emoji, closed by CANCEL TAG, make a flag that is seen (the flag of
// England is U+1F3F4 then the tags "gbeng" and U+E007F: an emoji tag sequence, UTS #51 ED-14a §2.8;
// one grapheme cluster, UAX #29 GB9). Tags anywhere else hide text, and stay invisible.
const EMOJI_TAGS =
  /(?<=\p{Extended_Pictographic}[\u{1F3FB}-\u{1F3FF}\uFE0F]?)[\u{E0020}-\u{E007E}]+\u{E007F}/gu;
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
// Only the blanks a copy and paste brings along are trimmed (space, tab, no-break space, BOM);
// anything else around the address (a vertical tab, a line separator) is refused, not dropped, as
// the untrimmed string is what a caller may pass on.
const SURROUNDING_BLANKS = new Set([' ', '\t', '\u00A0', '\u3000', '\uFEFF']);

/**
 * The text without the blanks around it. Scanned from each end rather than by a regular expression:
 * `/[ …]+$/` tries a match at every blank inside the text, so a run of blanks in the middle costs
 * its length squared (160,000 spaces took 24 s), on text that comes from outside.
 */
function trimBlanks(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && SURROUNDING_BLANKS.has(text.charAt(start))) start += 1;
  while (end > start && SURROUNDING_BLANKS.has(text.charAt(end - 1))) end -= 1;
  return text.slice(start, end);
}
// A UTF-16 surrogate without its pair cannot be encoded as UTF-8 (RFC 3629 §3), so no mail
// system can carry it.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

function isPrintableAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x20 || unit > 0x7e) return false;
  }
  return true;
}

/** UTF-8 length in octets (RFC 5321 limits are in octets), without allocating the encoding. */
function utf8Length(text: string): number {
  let octets = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) octets += 1;
    else if (unit < 0x800) octets += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      octets += 4;
      i++;
    } else octets += 3;
  }
  return octets;
}

/**
 * Parses one e-mail address as typed. Never throws.
 *
 * @example
 * ```ts
 * const result = parseAddress(' Anna.Svensson@Gmail.com');
 * if (result.ok) result.address.address; // 'Anna.Svensson@gmail.com'
 * else result.reason;                    // e.g. 'missing-at'
 * ```
 */
export function parseAddress(input: string): ParseAddressResult {
  // Nearly every address typed is plain ASCII: read in one pass, it needs none of the Unicode
  // work below, and anything the single pass does not vouch for goes through all of it.
  const plain = typeof input === 'string' ? parseAsciiAddress(input) : undefined;
  return plain ? { ok: true, address: plain } : parseAddressInFull(input);
}

/**
 * {@link parseAddress} without its single-pass reading of plain ASCII addresses: every string
 * through every check. Kept apart so the two can be compared (test/address/parse-ascii-address.test.ts).
 */
export function parseAddressInFull(input: string): ParseAddressResult {
  const fail = (reason: InvalidAddressReason, detail: string): ParseAddressResult => ({
    ok: false,
    input,
    reason,
    detail,
  });
  if (typeof input !== 'string') return fail('empty', 'the address is not text');
  // CR/LF first of all, even around the address: they are how a header-injection attempt hides a
  // second header or recipient (RFC 5322 §2.2: a header field ends at CRLF).
  if (/[\r\n]/.test(input)) return fail('control-characters', 'the address contains a line break');
  const text = trimBlanks(input);
  // Nearly every address is printable ASCII; only the others need the Unicode property scans.
  const printableAscii = isPrintableAscii(text);
  if (!printableAscii && CONTROL.test(text)) {
    return fail('control-characters', 'the address contains a control character');
  }
  if (text.length === 0) return fail('empty', 'the address is empty');
  if (!printableAscii && LONE_SURROGATE.test(text)) {
    return fail('malformed-text', 'the address contains text that is not valid Unicode');
  }
  // U+FFFD is what a decoder writes for bytes it could not read (WHATWG Encoding §4.1, "replacement
  // character"): the address was read in the wrong encoding, and is not the one that was typed.
  if (!printableAscii && text.includes('\uFFFD')) {
    return fail('malformed-text', 'the address contains U+FFFD, the mark of text that could not be decoded');
  }
  if (
    !printableAscii &&
    INVISIBLE.test(text) &&
    INVISIBLE.test(text.replace(EMOJI_JOINER, '').replace(EMOJI_TAGS, ''))
  ) {
    return fail('invisible-characters', 'the address contains an invisible character');
  }
  if (/[<>]/.test(text)) {
    return fail('display-name', 'only the address itself is accepted, without a name or angle brackets');
  }
  if (/[,;]/.test(text) && !text.startsWith('"')) return fail('list', 'more than one address was given');

  const at = text.lastIndexOf('@');
  if (at === -1) return fail('missing-at', 'the @ sign is missing');
  // After the @ test: `per(at)example.se` is best told that its @ sign is missing.
  if (/[()]/.test(text) && !text.startsWith('"'))
    return fail('local-part-characters', 'comments in parentheses are not accepted');
  const local = text.slice(0, at);
  const typedDomain = text.slice(at + 1);
  if (local.length === 0) return fail('empty-local-part', 'there is nothing before the @ sign');
  if (typedDomain.length === 0) return fail('empty-domain', 'there is nothing after the @ sign');

  const localProblem = checkLocalPart(local);
  if (localProblem) return fail(localProblem[0], localProblem[1]);

  if (typedDomain.startsWith('['))
    return fail('domain-literal', 'an IP address in brackets is not accepted as a domain');
  if (/\s/.test(typedDomain)) return fail('whitespace', 'the domain contains a space');
  if (typedDomain.includes('@')) return fail('multiple-at', 'there is more than one @ sign');
  if (!DOMAIN_INPUT.test(typedDomain))
    return fail('domain-characters', 'the domain contains a character no domain can have');
  if (typedDomain.startsWith('.') || typedDomain.endsWith('.') || typedDomain.includes('..')) {
    return fail('dot-placement', 'the domain has a dot at its start or end, or two dots in a row');
  }

  const domain = toAsciiDomain(typedDomain);
  if (domain === undefined)
    return fail('domain-characters', 'the domain cannot be converted to an internet domain name');
  const domainProblem = checkAsciiDomain(domain);
  if (domainProblem) return fail(domainProblem[0], domainProblem[1]);

  const address = `${local}@${domain}`;
  if (utf8Length(address) > MAX_ADDRESS_OCTETS) {
    return fail('address-too-long', `the address is longer than ${MAX_ADDRESS_OCTETS} bytes`);
  }
  return {
    ok: true,
    address: {
      input,
      address,
      local,
      domain,
      unicodeDomain: typedDomain.normalize('NFC').toLowerCase(),
      trimmed: text !== input,
    },
  };
}

function checkLocalPart(local: string): [InvalidAddressReason, string] | undefined {
  if (utf8Length(local) > MAX_LOCAL_OCTETS) {
    return ['local-part-too-long', `the part before the @ sign is longer than ${MAX_LOCAL_OCTETS} bytes`];
  }
  if (local.startsWith('"')) {
    if (!QUOTED_LOCAL.test(local))
      return ['local-part-characters', 'the quoted part before the @ sign is not closed properly'];
    // A client shows `"erik.lind@telia.com"@evil.com` as it is typed, and it reads as erik's
    // address while the mail goes to evil.com: refused whoever's address it shows.
    return addressShownInLocalPart(local) === undefined
      ? undefined
      : ['address-in-local-part', 'the quoted part before the last @ sign shows another address'];
  }
  if (local.includes('@')) return ['multiple-at', 'there is more than one @ sign'];
  // Unquoted, a full-width @ or the percent hack still reads as an address (`erik.lind%telia.com`):
  // nodemailer writes `"erik.lind%telia.com"@evil.com` without its quotation marks, as delivered.
  if (addressShownInLocalPart(local) !== undefined)
    return ['address-in-local-part', UNQUOTED_LOCAL_PART_SHOWS_ADDRESS];
  if (/\s/.test(local)) return ['whitespace', 'the part before the @ sign contains a space'];
  // RFC 5322 §3.2.3 dot-atom: dots only between atoms.
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return [
      'dot-placement',
      'the part before the @ sign starts or ends with a dot, or has two dots in a row',
    ];
  }
  for (const atom of local.split('.')) {
    if (!ATEXT.test(atom))
      return [
        'local-part-characters',
        'the part before the @ sign contains a character an address cannot have',
      ];
  }
  return undefined;
}

/**
 * UTS #46 mapping (case folding, width folding, IDNA to punycode) through the WHATWG URL parser,
 * which Node and every browser ship, so the core needs no `node:` module. Returns undefined when
 * the name cannot be mapped.
 */
function toAsciiDomain(domain: string): string | undefined {
  if (/^[A-Za-z0-9.-]+$/.test(domain)) return domain.toLowerCase();
  try {
    return new URL(`http://${domain}/`).hostname;
  } catch {
    return undefined;
  }
}

function checkAsciiDomain(domain: string): [InvalidAddressReason, string] | undefined {
  if (domain.length > MAX_DOMAIN_OCTETS)
    return ['domain-too-long', `the domain is longer than ${MAX_DOMAIN_OCTETS} characters`];
  const labels = domain.split('.');
  if (labels.length < 2) return ['single-label-domain', 'the domain has no ending such as .se or .com'];
  for (const label of labels) {
    // RFC 1035 §2.3.4 and RFC 5890 §2.3.1: 1 to 63 letters, digits and inner hyphens per label.
    if (label.length === 0 || label.length > MAX_LABEL_OCTETS || !LDH_LABEL.test(label)) {
      return ['domain-label', `the domain part "${label}" is not a valid name`];
    }
  }
  // RFC 3696 §2: a top-level domain is never all-numeric; that is an IP address typed as a domain.
  if (/^[0-9]+$/.test(labels[labels.length - 1] ?? ''))
    return ['numeric-top-level-domain', 'the domain ends in a number'];
  return undefined;
}
