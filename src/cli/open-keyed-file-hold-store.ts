import { HoldStoreFailedError, InvalidInputError } from '../errors.js';
import type { AuditLog } from '../nodemailer/audit-log.js';
import { createFileHoldStore, type FileHoldStore } from '../nodemailer/create-file-hold-store.js';
import type { HoldStoreProblem } from '../nodemailer/hold-store.js';
import { type CliLocale, cliTexts } from './cli-texts.js';
import { usageFailure } from './exit-codes.js';
import { KEY_VARIABLE } from './hold-key-variable.js';

/**
 * The hold store in `folder`, opened with the key in {@link KEY_VARIABLE} where it is set. A key
 * the store refuses is a setting to mend (exit code 2), named by its variable in the words of
 * `locale`: the user set the variable, and never wrote the library's `options.key`. An entry the
 * key does not open is named with the variable by `get` too (`holds show`, a release, `serve`), as
 * `holds list` names it.
 */
export function openKeyedFileHoldStore(
  folder: string,
  locale: CliLocale,
  options: { auditLog?: AuditLog } = {},
): FileHoldStore {
  const key = process.env[KEY_VARIABLE];
  let store: FileHoldStore;
  try {
    store = createFileHoldStore(folder, { ...options, ...(key ? { key } : {}) });
  } catch (error) {
    if (key && error instanceof InvalidInputError && error.issues.some((issue) => issue.path.includes('key')))
      throw usageFailure(cliTexts[locale].holds.keyRefused(KEY_VARIABLE, Buffer.byteLength(key)));
    throw error;
  }
  return {
    ...store,
    get: (id) =>
      store.get(id).catch(async (error: unknown) => {
        throw await namingTheKey(store, id, error, locale);
      }),
  };
}

/**
 * The store's refusal to read entry `id`, with the line naming the key's variable when the key is
 * why ({@link keyDoesNotOpen}); any other failure as it was. The store says only that the entry is
 * changed or unsealed, and its problems say which of the two.
 */
async function namingTheKey(
  store: FileHoldStore,
  id: string,
  error: unknown,
  locale: CliLocale,
): Promise<unknown> {
  if (!(error instanceof HoldStoreFailedError)) return error;
  const problems = await store.listProblems().catch(() => []);
  const line = keyDoesNotOpen(
    problems.filter((problem) => problem.id === id),
    locale,
  );
  return line === undefined ? error : new HoldStoreFailedError(`${error.message}; ${line}`, { cause: error });
}

/**
 * The line naming the key's variable when it does not open entries: `unsealed` (sealed with a key
 * and opened without one, or the other way round), and with a key set, `digest-mismatch` too: a
 * seal made with another key reads as one changed since (an HMAC cannot tell the two apart, RFC
 * 2104). The user set the variable, and is told which; undefined when no entry is concerned.
 */
export function keyDoesNotOpen(problems: readonly HoldStoreProblem[], locale: CliLocale): string | undefined {
  const keySet = Boolean(process.env[KEY_VARIABLE]);
  const count = problems.filter(
    ({ code }) => code === 'unsealed' || (keySet && code === 'digest-mismatch'),
  ).length;
  if (count === 0) return undefined;
  return cliTexts[locale].holds.keyDoesNotOpen(KEY_VARIABLE, count, keySet);
}
