import type { FoundText } from './find-email-addresses.js';

// The words a one-time or login code is sent under, as banks, operators and shops write them in
// Swedish (`Din kod till Mina sidor är 481516`, `Engångskod 481516`, `Verifieringskod: 481516`,
// `PIN-kod 1234, PUK-kod 12345678` on a SIM card letter) and English (`Your code for My Pages is
// 481516`, `one-time password`, `OTP`). A compound is one word in Swedish: `rabattkod` or `portkod`
// starts with no word of this list and is not read as one (the left edge below is a word's edge).
// Danish and Norwegian write `kode` (`Din kode til Mine sider er 481516`, `Engangskode: 481516`,
// MitID's and BankID's word), Finnish `koodi` with its endings (`Kertakäyttöinen koodi: 481516`,
// `Vahvistuskoodisi on 481516`); `rabatkode` and `alennuskoodi` are compounds of no word here.
const NORDIC_CODE_WORD =
  '(?:engangs|bekræftelses|bekreftelses|verifikations|verifiserings|sikkerheds|sikkerhets|aktiverings|innloggings|logind-?|login-?|sms-?|pin-?)?koden?|engangsadgangskoden?' +
  '|(?:kertakäyttö|kertakäyttöinen |vahvistus|tunnistus|kirjautumis|turva|varmennus|sms-?|pin-?)?koodi(?:si|a|n)?';
const CODE_WORD = `(?:(?:engångs|verifierings|verifikations|inloggnings|säkerhets|aktiverings|behörighets|sms-?|pin-?|puk-?)?kod(?:en)?|engångslösenord(?:et)?|${NORDIC_CODE_WORD}|(?:one-time|one time|verification|login|log-in|sign-in|security|authentication|access|sms|pin|puk)[ -]?code|code|passcode|one-time password|otp|pin|puk)`;
// A code word, then on the same line and within one clause (no digit, no sentence end) the code:
// 4 to 8 digits, or six written 3 + 3 (`481 516`). Bounded gap, no nested quantifier: linear.
const CODE_THEN_NUMBER = new RegExp(
  String.raw`(?<![\p{L}\p{N}-])(${CODE_WORD})(?![\p{L}\p{N}])([^\d\n.!?]{0,40})(?<![\p{N}])(\d{3} \d{3}|\d{4,8})(?![\p{N}]|[-.,/:]\d)`,
  'giu',
);
// The code first, as many vendors send it: `481516 är din engångskod`, `481516 is your login code`,
// `481516 er din engangskode`. Finnish says "your" by an ending (`481516 on kertakäyttöinen koodisi`):
// after its `on`, only a Finnish code word is read, so that an English "on" names no code.
const NUMBER_THEN_CODE = new RegExp(
  String.raw`(?<![\p{L}\p{N}-])(\d{4,8})[^\S\n]+(?:är|is|er)[^\S\n]+(?:din|ditt|dit|your)[^\S\n]+((?:[\p{L}-]+[^\S\n]+){0,3}?)(${CODE_WORD})(?![\p{L}\p{N}])`,
  'giu',
);
const NUMBER_THEN_FINNISH_CODE =
  /(?<![\p{L}\p{N}-])(\d{4,8})[^\S\n]+on[^\S\n]+((?:[\p{L}-]+[^\S\n]+){0,3}?)((?:kertakäyttö|kertakäyttöinen |vahvistus|tunnistus|kirjautumis|turva|varmennus|sms-?|pin-?)?koodi(?:si|a|n)?)(?![\p{L}\p{N}])/giu;
// A plain `code` or `kod` that names something else by the word before it: a discount, a postal or
// area code, a bank's sort code, a product or booking reference (`Discount code: 481516`).
const OTHER_CODE =
  /(?:discount|promo|promotional|promotion|coupon|voucher|gift|card|referral|campaign|postal|post|zip|area|country|dialling|dialing|product|tracking|booking|reservation|confirmation|order|error|qr|bar|tax|sort|colou?r|reference|rabatt|rabat|kampanj|presentkorts|produkt|artikel|alennus|tarjous)[ -]?$/i;
// Words in between that say the number is something else: another label (`ditt kundnummer 4711023`),
// an amount (`SEK 1000`), or how long the code lasts (`koden gäller till 2025`).
const NOT_THE_CODE =
  /nummer|number|\bnr\b|\bno\b|\bid\b|pris|price|belopp|amount|summa|total|kr\b|sek\b|eur\b|€|\$|£|gäller|giltig|gyldig|voimassa|valid|expire|löper|minut|minute|timm|hour|numero|hinta/i;
// An amount: the number is followed by its currency.
const CURRENCY_AFTER = /^\s?(?:kr|sek|:-|eur|€|%|kronor|st\b)/i;

/**
 * The one-time and login codes in a text: a code word near a number of 4 to 8 digits, with or
 * without a colon, in Swedish and English. A code sent by text message logs whoever reads it in to
 * the customer's account, as a login link does (EDPB Guidelines 01/2021, Case No. 07; Persónuvernd
 * 2021122409). An order number, a price, a discount code (`rabattkod`, `discount code`) or a number
 * another label names is not a login code.
 *
 * @example
 * ```ts
 * [...findLoginCodes('Din kod till Mina sidor är 481516.')].map((found) => found.value); // ['481516']
 * ```
 */
export function* findLoginCodes(text: string): Generator<FoundText> {
  for (const match of text.matchAll(CODE_THEN_NUMBER)) {
    const [whole, word = '', gap = '', value = ''] = match;
    const index = match.index + whole.length - value.length;
    if (!isLoginWord(text, match.index, word) || NOT_THE_CODE.test(gap)) continue;
    if (CURRENCY_AFTER.test(text.slice(index + value.length, index + value.length + 8))) continue;
    yield { index, value };
  }
  for (const match of [...text.matchAll(NUMBER_THEN_CODE), ...text.matchAll(NUMBER_THEN_FINNISH_CODE)]) {
    const [whole, value = '', between = '', word = ''] = match;
    if (!isLoginWord(text, match.index + whole.length - word.length, word) || NOT_THE_CODE.test(between))
      continue;
    yield { index: match.index, value };
  }
}

/** A plain `code`, `koden`, `kode(n)` or `koodi` counts unless the word before it says what other code it is. */
function isLoginWord(text: string, at: number, word: string): boolean {
  if (!/^(?:code|koden?|koodi(?:si|a|n)?)$/i.test(word)) return true;
  return !OTHER_CODE.test(text.slice(Math.max(0, at - 24), at));
}
