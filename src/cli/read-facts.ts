import { readFile } from 'node:fs/promises';
import { hasControlCharacter } from '../internal/has-control-character.js';
import { repeatedJsonKey } from '../internal/repeated-json-key.js';
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
  // Notepad and other Windows editors begin a UTF-8 file with a byte order mark; JSON.parse refuses
  // it, RFC 8259 §8.1 lets a parser ignore it.
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  if (text.trim() === '') throw unreadableFailure(`${file}: ${said.empty}`);
  let facts: unknown;
  try {
    facts = JSON.parse(text) as unknown;
  } catch (error) {
    throw unreadableFailure(`${file}: ${said.notJson((error as Error).message)}`);
  }
  if (typeof facts !== 'object' || facts === null || Array.isArray(facts))
    throw unreadableFailure(`${file}: ${said.notObject}`);
  // JSON.parse keeps the last of a key written twice: a second detectedAt would move every deadline
  // without a word.
  const repeated = repeatedJsonKey(text);
  if (repeated !== undefined) throw unreadableFailure(`${file}: ${said.repeatedKey(repeated)}`);
  const controlled = nameWithControl(facts, '');
  if (controlled !== undefined) throw unreadableFailure(`${file}: ${said.controlInName(controlled)}`);
  return facts as Record<string, unknown>;
}

/**
 * The path of the first name (a key `name` or ending in `Name`) whose text holds a line break or a
 * control character: names go into the salutation and the header fields of a notice.
 */
function nameWithControl(value: unknown, path: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const at = path === '' ? key : `${path}.${key}`;
    if (typeof item === 'string') {
      if ((key === 'name' || key.endsWith('Name')) && hasControlCharacter(item)) return at;
    } else {
      const found = nameWithControl(item, at);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
