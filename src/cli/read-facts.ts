import { readFile } from 'node:fs/promises';
import { unreadableFailure } from './exit-codes.js';

const texts = {
  en: { unreadable: 'cannot be read', notObject: 'not a JSON object' },
  sv: { unreadable: 'kan inte läsas', notObject: 'inte ett JSON-objekt' },
} as const;

/** The JSON object of facts for `incident` and `audit --incidents`; unreadable input (3) otherwise. */
export async function readFacts(file: string, locale: 'sv' | 'en' = 'en'): Promise<Record<string, unknown>> {
  const said = texts[locale];
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw unreadableFailure(
      `${file}: ${said.unreadable} (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
  try {
    const facts = JSON.parse(text) as unknown;
    if (typeof facts !== 'object' || facts === null || Array.isArray(facts)) throw new Error(said.notObject);
    return facts as Record<string, unknown>;
  } catch (error) {
    throw unreadableFailure(`${file}: ${(error as Error).message}`);
  }
}
