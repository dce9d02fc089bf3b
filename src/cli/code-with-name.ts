import { type CliLocale, cliTexts } from './cli-texts.js';

/**
 * A finding code as a person reads it on the terminal: the code, which scripts search for, and
 * after it the finding's name in the language asked for (`near-miss: skrivfel`); in English the
 * code is its own name.
 */
export function codeWithName(code: string, locale: CliLocale): string {
  const name = cliTexts[locale].report.findingNames[code];
  return name === undefined ? code : `${code}: ${name}`;
}
