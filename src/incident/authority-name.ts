import { authorities } from './data/authorities.js';

/**
 * An authority as a report in `locale` names it: the corpus names some by their English name (the
 * Commissioner for Personal Data Protection of Cyprus, as GDPRhub does), which a Swedish text gives
 * by its Swedish name (`nameSv`) or else in the authority's own language, from the authorities table.
 * Other names, abbreviations included (`UODO`, `Datatilsynet (DK)`), are kept.
 *
 * @example
 * ```ts
 * authorityName('Commissioner for Personal Data Protection (CY)', 'CY', 'sv');
 * // 'Kommissionären för skydd av personuppgifter (CY)'
 * ```
 */
export function authorityName(authority: string, country: string, locale: 'sv' | 'en'): string {
  if (locale === 'en') return authority;
  const suffix = ` (${country})`;
  const bare = authority.endsWith(suffix) ? authority.slice(0, -suffix.length) : authority;
  // A bilingual country's authority has a Swedish name of its own (Dataombudsmannens byrå), whichever
  // of its names the corpus gives.
  const own = authorities.find(
    (candidate) =>
      candidate.country === country &&
      (candidate.nameEn === bare || candidate.name === bare) &&
      (candidate.nameSv ?? candidate.name) !== bare,
  );
  return own === undefined
    ? authority
    : `${own.nameSv ?? own.name}${authority.endsWith(suffix) ? suffix : ''}`;
}
