import type { ParsedAddress } from '../address/parse-address.js';
import { displayDomain } from '../spelling/display-domain.js';
import { confusableSkeleton } from './confusable-skeleton.js';

/** A character that passes for ASCII but is not (UTS #39 §4 confusable detection). */
export interface Confusable {
  readonly character: string;
  /** `U+0430` */
  readonly codePoint: string;
  /** The Unicode script the character belongs to (`Cyrillic`), or `Fullwidth`. */
  readonly script: string;
  /** The ASCII it passes for. */
  readonly looksLike: string;
  readonly part: 'local' | 'domain';
  /** Position (in code points) within its part. */
  readonly index: number;
}

/** The look-alike characters of an address, and the address as a reader would take it. */
export interface ConfusableReport {
  readonly characters: readonly Confusable[];
  /** The address with every look-alike replaced by the ASCII it passes for. */
  readonly lookalike: string;
}

const SCRIPTS: readonly [string, RegExp][] = [
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Cherokee', /\p{Script=Cherokee}/u],
  ['Latin', /\p{Script=Latin}/u],
];
const ASCII_SKELETON = /^[a-z0-9._-]+$/;

/**
 * Finds characters from another script (or fullwidth forms) that make an address pass for an ASCII
 * one: `gmаil.com` with a Cyrillic а is another domain that reads the same. Uses the Unicode
 * confusables data (UTS #39, generated from the unhomoglyph package into `data/confusables.ts`):
 * a character is a look-alike when its skeleton, `confusableSkeleton(NFD(character))`, is plain
 * ASCII. Letters with diacritics (å, ä, ö, é) keep their combining mark in the skeleton and are
 * not look-alikes.
 *
 * As UTS #39 §5 (mixed-script detection) advises, the local part and each domain label are judged
 * as a whole: look-alikes count when they stand beside ASCII letters (`gmаil`, `Kelvin-sign K`) or
 * when every letter is one (`раураl` in Cyrillic), not in a name wholly written in another script
 * (`почта.рф`), which reads as what it is.
 *
 * A domain that UTS #46 already maps to plain ASCII (fullwidth letters) reaches the same host and
 * is not reported; in the local part every look-alike is a different mailbox.
 *
 * @example
 * ```ts
 * const parsed = parseAddress('anna@gm\u0430il.com');
 * if (parsed.ok) findConfusables(parsed.address)?.lookalike; // 'anna@gmail.com'
 * ```
 */
export function findConfusables(address: ParsedAddress): ConfusableReport | undefined {
  // A label in Punycode (RFC 3492) starts the lower-case ASCII domain or follows one of its dots.
  const domainIsIdn = address.domain.startsWith('xn--') || address.domain.includes('.xn--');
  // Plain ASCII has nothing to find: the common case returns before any table lookup.
  if (isAscii(address.local) && !domainIsIdn) return undefined;
  // A domain given in Punycode (`xn--gmil-63d.com`, as a CRM export or a header may hold it) is
  // judged as the letters it stands for, the ones a reader of a browser or mail client sees.
  const unicodeDomain = isAscii(address.unicodeDomain)
    ? displayDomain(address.domain)
    : address.unicodeDomain;

  const characters: Confusable[] = [];
  const local = scan(address.local, 'local', 0, characters);
  let domain = address.domain;
  if (domainIsIdn) {
    let offset = 0;
    domain = unicodeDomain
      .split('.')
      .map((label) => {
        const lookalike = scan(label, 'domain', offset, characters);
        offset += [...label].length + 1;
        return lookalike;
      })
      .join('.');
  }
  if (characters.length === 0) return undefined;
  return { characters, lookalike: `${local}@${domain}` };
}

/** Scans one unit (the local part or a domain label); returns it as it reads. */
function scan(text: string, part: Confusable['part'], offset: number, found: Confusable[]): string {
  const candidates: Confusable[] = [];
  let asciiLetters = 0;
  let otherLetters = 0;
  let lookalike = '';
  let index = offset;
  for (const character of text) {
    const codePoint = character.codePointAt(0) as number;
    if (codePoint <= 0x7f) {
      if (/[A-Za-z]/.test(character)) asciiLetters++;
      lookalike += character;
    } else {
      // Compatibility forms (full-width ｎ, mathematical 𝐚) are not all in the confusables data,
      // but NFKC (Unicode UAX #15) maps them to the ASCII they are drawn as.
      const compatible = character.normalize('NFKC').toLowerCase();
      const skeleton = ASCII_SKELETON.test(compatible)
        ? compatible
        : confusableSkeleton(character.normalize('NFD')).toLowerCase();
      if (ASCII_SKELETON.test(skeleton)) {
        candidates.push({
          character,
          codePoint: `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`,
          script: scriptOf(character, codePoint),
          looksLike: skeleton,
          part,
          index,
        });
        lookalike += skeleton;
      } else {
        if (/\p{L}/u.test(character)) otherLetters++;
        lookalike += character;
      }
    }
    index++;
  }
  if (candidates.length === 0 || (asciiLetters === 0 && otherLetters > 0)) return text;
  found.push(...candidates);
  return lookalike;
}

function scriptOf(character: string, codePoint: number): string {
  if (codePoint >= 0xff00 && codePoint <= 0xffef) return 'Fullwidth';
  return SCRIPTS.find(([, pattern]) => pattern.test(character))?.[0] ?? 'Other';
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}
