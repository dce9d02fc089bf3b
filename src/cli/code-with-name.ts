import { type CliLocale, cliTexts } from './cli-texts.js';

/**
 * A finding code as a person reads it on the terminal: under a language with its own names, the
 * name first and the code, which scripts search for, after it in parentheses
 * (`skrivfel (near-miss)`); in English the code is its own name. `--json` keeps the code alone.
 */
export function codeWithName(code: string, locale: CliLocale): string {
  return codeAfterWords(code, cliTexts[locale].report.findingNames[code]);
}

/**
 * Any code (a finding's, a lookup's, a store problem's) after the words that say it, in
 * parentheses (`kunden finns inte i kundregistret (not-found)`); the code alone where there are none.
 */
export function codeAfterWords(code: string, words: string | undefined): string {
  return words === undefined ? code : `${words} (${code})`;
}

/**
 * A finding code with its name, for a list that stands in parentheses itself
 * (`(skrivfel – near-miss, en annan kunds adress – belongs-to-other-customer)`): parentheses inside
 * parentheses read as a typo. In English the code alone, as `codeWithName` gives it.
 */
export function codeWithNameInList(code: string, locale: CliLocale): string {
  const words = cliTexts[locale].report.findingNames[code];
  return words === undefined ? code : `${words} – ${code}`;
}
