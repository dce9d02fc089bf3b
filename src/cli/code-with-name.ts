import { type CliLocale, cliTexts } from './cli-texts.js';

/**
 * A finding code as a person reads it on the terminal: under a language with its own names, the
 * name first and the code, which scripts search for, after it in parentheses
 * (`skrivfel (near-miss)`); in English the code is its own name. `--json` keeps the code alone.
 */
export function codeWithName(code: string, locale: CliLocale): string {
  const name = cliTexts[locale].report.findingNames[code];
  return name === undefined ? code : `${name} (${code})`;
}
