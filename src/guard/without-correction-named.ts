import { displayDomain } from '../spelling/display-domain.js';
import { messageFor } from './messages.js';
import type { Finding, Locale } from './verdict.js';

/** Why a correction is withheld (see the `domain-typo` finding's `correctionWithheld`). */
export type CorrectionWithheld = 'other-customer' | 'not-looked-up';

/**
 * The findings with each domain typo whose correction is the withheld suggestion, and each look-alike
 * that reads as it (its `lookalike` and its characters' `looksLike` left out), said again without naming it: "gmial.com looks like a typo of gmail.com" beside a customer's
 * `karin.berg.privat@gmial.com` spells out another customer's `karin.berg.privat@gmail.com` as well
 * as the suggestion would, and the salesperson types it. The finding asks for the address spelled
 * again by the customer instead.
 *
 * @example
 * ```ts
 * withoutCorrectionNamed(verdict.findings, 'karin.berg.privat@gmail.com', 'other-customer', 'en');
 * // [{ code: 'domain-typo', domain: 'gmial.com', candidates: [], correctionWithheld: 'other-customer', … }]
 * ```
 */
export function withoutCorrectionNamed(
  findings: readonly Finding[],
  withheld: string,
  why: CorrectionWithheld,
  locale: Locale,
): Finding[] {
  const withheldDomain = withheld.slice(withheld.lastIndexOf('@') + 1).toLowerCase();
  return findings.map((finding) => {
    // A look-alike's reading is the withheld suggestion itself (`еva.lund@gmail.com` reads as
    // `eva.lund@gmail.com`): said again without naming it.
    if (finding.code === 'confusable-characters') {
      if (finding.lookalike?.toLowerCase() !== withheld.toLowerCase()) return finding;
      // The reading goes from the finding as well as from its message: a verdict is sent whole to
      // the order form and to `POST /v1/check`, where the field would spell the address out.
      const { message: _said, lookalike: _reading, ...rest } = finding;
      // So does each character's hint: put in at its index, what it looks like rebuilds the reading.
      const characters = finding.characters.map(({ looksLike: _hint, ...character }) => character);
      const facts = { ...rest, characters, correctionWithheld: why };
      return { ...facts, message: messageFor(facts, locale) };
    }
    if (finding.code !== 'domain-typo' || finding.suggestedDomain === undefined) return finding;
    if (displayDomain(finding.suggestedDomain).toLowerCase() !== withheldDomain) return finding;
    const { suggestedDomain: _named, message: _said, ...rest } = finding;
    const facts = { ...rest, candidates: [], correctionWithheld: why };
    return { ...facts, message: messageFor(facts, locale) };
  });
}
