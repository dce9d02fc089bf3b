import type { CheckOptions } from './check-options.js';

/**
 * Whether `CheckOptionsSchema` accepts `options`, decided by hand for what a form passes (none,
 * or only `locale` and `revealOtherCustomers`): `false` for anything else, which then goes through
 * the schema and gets its errors naming every option. Never `true` for anything the schema refuses
 * (test/guard/fits-check-options.test.ts). With it the default check needs no zod, which a page
 * then loads only for input at fault.
 *
 * @example
 * ```ts
 * fitsCheckOptions({ locale: 'sv' }); // true
 * fitsCheckOptions({ locale: 'se' }); // false: the schema names "options.locale"
 * ```
 */
export function fitsCheckOptions(options: unknown): options is CheckOptions {
  if (typeof options !== 'object' || options === null) return false;
  const prototype = Object.getPrototypeOf(options);
  if (prototype !== Object.prototype && prototype !== null) return false;
  for (const key in options) if (key !== 'locale' && key !== 'revealOtherCustomers') return false;
  const { locale, revealOtherCustomers } = options as Record<string, unknown>;
  return (
    (locale === undefined || locale === 'en' || locale === 'sv') &&
    (revealOtherCustomers === undefined || typeof revealOtherCustomers === 'boolean')
  );
}
