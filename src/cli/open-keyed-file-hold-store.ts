import { InvalidInputError } from '../errors.js';
import type { AuditLog } from '../nodemailer/audit-log.js';
import { createFileHoldStore, type FileHoldStore } from '../nodemailer/create-file-hold-store.js';
import { type CliLocale, cliTexts } from './cli-texts.js';
import { usageFailure } from './exit-codes.js';
import { KEY_VARIABLE } from './hold-key-variable.js';

/**
 * The hold store in `folder`, opened with the key in {@link KEY_VARIABLE} where it is set. A key
 * the store refuses is a setting to mend (exit code 2), named by its variable in the words of
 * `locale`: the user set the variable, and never wrote the library's `options.key`.
 */
export function openKeyedFileHoldStore(
  folder: string,
  locale: CliLocale,
  options: { auditLog?: AuditLog } = {},
): FileHoldStore {
  const key = process.env[KEY_VARIABLE];
  try {
    return createFileHoldStore(folder, { ...options, ...(key ? { key } : {}) });
  } catch (error) {
    if (key && error instanceof InvalidInputError && error.issues.some((issue) => issue.path.includes('key')))
      throw usageFailure(cliTexts[locale].holds.keyRefused(KEY_VARIABLE, Buffer.byteLength(key)));
    throw error;
  }
}
