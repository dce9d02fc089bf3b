import type { CheckPhoneInput, CheckPhoneOptions } from '../guard/check-phone.js';
import type { Verdict } from '../guard/verdict.js';
import { lazyChunk } from './lazy-chunk.js';
import { untilLoaded } from './until-loaded.js';

/**
 * The phone check with its schemas, fetched as a chunk of its own the first time a page checks a
 * number: a page that checks addresses only never downloads it, so the address check's first load
 * keeps its budget (test/browser-bundle.test.ts).
 */
const phoneCheck = lazyChunk('the phone check', () => import('./phone-check.js'));

/**
 * The core's `checkPhone` for a page: the same verdict for the same input and options (the number
 * read with libphonenumber-js and its metadata, fetched as chunks the first time), as a promise.
 * Without a `directory` it says what the page itself can know: whether the number is one at all
 * and valid for its region (`invalid-phone`), a slip of one of the customer's known numbers
 * (`near-miss`, the known number as `suggestion`), or a valid number not on their record
 * (`unverified-phone`). Whether it is another customer's number is the directory's to say (the
 * server's `POST /v1/check-phone`). Input that breaks the schema rejects with the same
 * `InvalidInputError` naming the field.
 *
 * @example
 * ```ts
 * import { checkPhone } from 'email-guard/browser';
 *
 * const verdict = await checkPhone({ entered: '070-123 45', customer: { id: 'new' } });
 * verdict.action;              // 'block'
 * verdict.findings[0]?.code;   // 'invalid-phone'
 * ```
 */
export function checkPhone(input: CheckPhoneInput, options?: CheckPhoneOptions): Promise<Verdict> {
  return untilLoaded(() => phoneCheck.get().checkPhone(input, options));
}
