/**
 * Another customer's phone number as a check may show it: every digit but the last two hidden, as
 * on a receipt, so the number is not handed to whoever runs the check (GDPR Art. 5(1)(c)).
 *
 * @example
 * ```ts
 * maskPhone('+46739876543'); // '*********43'
 * ```
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length <= 2) return '*'.repeat(digits.length);
  return `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
}
