import unhomoglyph from 'unhomoglyph';
import type { ParsedAddress } from '../address/parse-address.js';

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
 * Finds characters from another script (or fullwidth forms) that look like ASCII letters or digits:
 * `gmаil.com` with a Cyrillic а is another domain that reads the same. Uses the Unicode
 * confusables data (UTS #39, through the unhomoglyph package): a character is a look-alike when its
 * skeleton, `unhomoglyph(NFD(character))`, is plain ASCII. Letters with diacritics (å, ä, ö, é)
 * keep their combining mark in the skeleton and are not flagged.
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
  const domainIsIdn = address.domain.split('.').some((label) => label.startsWith('xn--'));
  // Plain ASCII has nothing to find: the common case returns before any table lookup.
  if (isAscii(address.local) && (!domainIsIdn || isAscii(address.unicodeDomain))) return undefined;

  const characters: Confusable[] = [];
  const local = scan(address.local, 'local', characters);
  const domain = domainIsIdn ? scan(address.unicodeDomain, 'domain', characters) : address.domain;
  if (characters.length === 0) return undefined;
  return { characters, lookalike: `${local}@${domain}` };
}

function scan(text: string, part: Confusable['part'], found: Confusable[]): string {
  let lookalike = '';
  let index = 0;
  for (const character of text) {
    const codePoint = character.codePointAt(0) as number;
    if (codePoint > 0x7f) {
      const skeleton = unhomoglyph(character.normalize('NFD')).toLowerCase();
      if (ASCII_SKELETON.test(skeleton)) {
        found.push({
          character,
          codePoint: `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`,
          script: scriptOf(character, codePoint),
          looksLike: skeleton,
          part,
          index,
        });
        lookalike += skeleton;
        index++;
        continue;
      }
    }
    lookalike += character;
    index++;
  }
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
