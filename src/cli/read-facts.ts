import { readFile } from 'node:fs/promises';
import { cliTexts } from './cli-texts.js';
import { unreadableFailure } from './exit-codes.js';

/** The JSON object of facts for `incident` and `audit --incidents`; unreadable input (3) otherwise. */
export async function readFacts(file: string, locale: 'sv' | 'en' = 'en'): Promise<Record<string, unknown>> {
  const said = cliTexts[locale].facts;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw unreadableFailure(
      `${file}: ${cliTexts[locale].cannotBeRead(String((error as NodeJS.ErrnoException).code ?? error))}`,
    );
  }
  if (text.trim() === '') throw unreadableFailure(`${file}: ${said.empty}`);
  let facts: unknown;
  try {
    facts = JSON.parse(text) as unknown;
  } catch (error) {
    throw unreadableFailure(`${file}: ${said.notJson((error as Error).message)}`);
  }
  if (typeof facts !== 'object' || facts === null || Array.isArray(facts))
    throw unreadableFailure(`${file}: ${said.notObject}`);
  return facts as Record<string, unknown>;
}
