// ITU-T E.164 §6: a `+`, a country code that does not start with 0, at most 15 digits in all.
const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Whether `text` is already a number in E.164 form (`+46701234567`). Such a number is kept as it
 * is: reading it with libphonenumber-js costs ~8 µs, most of a bulk load's time.
 *
 * @example
 * ```ts
 * isE164('+46701234567');  // true
 * isE164('070-123 45 67'); // false
 * ```
 */
export function isE164(text: string): boolean {
  return E164.test(text);
}
