/**
 * Findings that name another customer's address: a recipient with one of them is never confirmed,
 * released or sent a verification code, whatever else its verdict says (the misdirected
 * confirmation this library exists to stop). Kept with the guard that produces them, so the mail
 * pipeline and the verifier read one list.
 */
export const OTHER_CUSTOMER_CODES: ReadonlySet<string> = new Set([
  'belongs-to-other-customer',
  'near-miss-other-customer',
  'near-miss-other-name',
]);
