import type { AuthorityFinding } from './find-authority.js';

/**
 * The short name a sentence gives an authority once it is introduced (the conclusion, the timeline,
 * the register line): its abbreviation (`PTS`, `IMY`, `ICO`), or its name where it has none. Denmark's
 * and Norway's data protection authorities have no acronym: each calls itself Datatilsynet
 * (https://www.datatilsynet.dk, https://www.datatilsynet.no). A Swedish text says so, as the report's
 * addressees do; an English one uses the English name its addressees give (Norwegian Data Protection
 * Authority), which also keeps the two apart in a register line that stands alone.
 *
 * @example
 * ```ts
 * authorityShortName(findAuthority({ country: 'NO', regime: 'gdpr', at: new Date() }), 'en');
 * // 'the Norwegian Data Protection Authority'
 * ```
 */
export function authorityShortName(
  finding: Pick<AuthorityFinding, 'authority'>,
  locale: 'sv' | 'en',
): string | undefined {
  const authority = finding.authority;
  if (authority === undefined) return undefined;
  const ownNameOnly = authority.abbreviation === undefined || authority.abbreviation === authority.name;
  // An English name of this kind takes the article inside a sentence ("and the Norwegian Data
  // Protection Authority by …"); every caller puts the short name mid-sentence.
  if (locale === 'en' && ownNameOnly && authority.name !== authority.nameEn) return `the ${authority.nameEn}`;
  return authority.abbreviation ?? authority.name;
}
