/**
 * Phone cases for `npm run eval` (kind `phone`).
 *
 * Each case is `{ kind, name, input, expect }`: `input` is exactly what `checkPhone` takes (some
 * cases carry a `directory` of seeded synthetic customers, shared between them); `expect.action`
 * is the verdict's action, `expect.code` a finding code the verdict must contain, and
 * `expect.suggestion`, when given, the verdict's suggestion.
 *
 * Covered, for Swedish and British customers with realistic names: a known number in other
 * formats (spaces, hyphens, +46/+44, 00 prefix) (send, `exact-match`); one digit missing, extra,
 * changed or two swapped, whether or not the result is still a valid number (block, `near-miss`,
 * the known number suggested); text and digit strings that are no valid number and no slip of a
 * known one (block, `invalid-phone`); another valid number (confirm, `unverified-phone`); and
 * another customer's number (confirm, `belongs-to-other-customer`). Expectations come from the
 * construction (and libphonenumber-js metadata for validity), not from the check under test.
 */
import { createDirectory } from '../../src/contacts/create-directory.js';
import type { Customer } from '../../src/contacts/customer.js';
import type { CheckPhoneInput } from '../../src/guard/check-phone.js';
import type { Action, FindingCode } from '../../src/guard/verdict.js';
import { editDistance } from '../../src/matching/edit-distance.js';
import { parsePhone } from '../../src/phone/parse-phone.js';
import { pick, seededRandom, syntheticPerson } from './synthetic-people.js';

/** One evaluation case of kind `phone`. */
export interface PhoneCase {
  readonly kind: 'phone';
  /** The scenario, for per-scenario accuracy. */
  readonly name: string;
  readonly input: CheckPhoneInput;
  readonly expect: { readonly action: Action; readonly code?: FindingCode; readonly suggestion?: string };
}

const NOT_NUMBERS = ['ring mig', 'samma som förut', 'n/a', 'call me', '-', 'vet ej', 'same as before', 'xxx'];

/** The known number written the way a customer might say it. */
function reformat(random: () => number, e164: string, country: 'SE' | 'GB'): string {
  const parsed = parsePhone(e164, country);
  if (!parsed) return e164;
  const national = parsed.nationalDigits;
  const forms = [
    parsed.formattedNational,
    parsed.formattedInternational,
    national,
    e164,
    `00${e164.slice(1)}`,
    `${national.slice(0, 3)}-${national.slice(3)}`,
    national.replace(/(\d{3})(?=\d)/g, '$1 '),
  ];
  return pick(random, forms);
}

/** One digit slip in a national digit string: missing, extra, changed or two swapped. */
function slipDigits(random: () => number, digits: string): string {
  // Not in the trunk prefix or the first digit after it: a slip there reads as another country.
  const at = 2 + Math.floor(random() * (digits.length - 2));
  const digit = String(Math.floor(random() * 10));
  const kind = Math.floor(random() * 4);
  if (kind === 0) return digits.slice(0, at) + digits.slice(at + 1);
  if (kind === 1) return digits.slice(0, at) + digit + digits.slice(at);
  if (kind === 2)
    return (
      digits.slice(0, at) +
      (digits[at] === digit ? String((Number(digit) + 1) % 10) : digit) +
      digits.slice(at + 1)
    );
  const next = Math.min(at, digits.length - 2);
  return (
    digits.slice(0, next) +
    digits.slice(next + 1, next + 2) +
    digits.slice(next, next + 1) +
    digits.slice(next + 2)
  );
}

/** Groups national digits as people write them (`070-123 45 67`). */
function group(digits: string): string {
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)} ${digits.slice(6)}`;
}

/**
 * At least `count` (default 360) deterministic phone cases from `seed`.
 *
 * @example
 * ```ts
 * for (const c of phoneCases()) {
 *   const verdict = checkPhone(c.input);
 *   const ok = verdict.action === c.expect.action;
 * }
 * ```
 */
export function phoneCases(options: { seed?: number; count?: number } = {}): PhoneCase[] {
  const random = seededRandom(options.seed ?? 4711);
  const target = options.count ?? 360;
  const people: (Customer & { phones: string[]; country: 'SE' | 'GB'; e164: string })[] = [];
  for (let i = 0; people.length < 1500; i++) {
    const person = syntheticPerson(random, `P${i}`);
    const parsed = parsePhone(person.phone, person.country);
    if (!parsed?.valid) continue;
    // Numbers on file are kept in the form the customer gave: national for most.
    const given = random() < 0.7 ? parsed.formattedNational : parsed.formattedInternational;
    people.push({
      id: person.id,
      name: person.name,
      phones: [given],
      country: person.country,
      e164: parsed.e164,
    });
  }
  const byNumber = new Set(people.map((person) => person.e164));
  const directory = createDirectory(people.map(({ e164: _e164, ...customer }) => customer));

  const cases: PhoneCase[] = [];
  const add = (name: string, input: PhoneCase['input'], expect: PhoneCase['expect']) =>
    cases.push({ kind: 'phone', name, input, expect });
  const scenarios = [
    'reformatted',
    'digit-slip',
    'not-a-number',
    'other-valid-number',
    'other-customers-number',
  ] as const;
  for (let attempt = 0; cases.length < target && attempt < target * 20; attempt++) {
    const scenario = scenarios[attempt % scenarios.length] as (typeof scenarios)[number];
    const person = pick(random, people);
    const { e164: _e164, ...customer } = person;
    const known = parsePhone(person.e164, person.country);
    if (!known) continue;
    switch (scenario) {
      case 'reformatted':
        add(
          scenario,
          { entered: reformat(random, person.e164, person.country), customer },
          { action: 'send', code: 'exact-match' },
        );
        break;
      case 'digit-slip': {
        const typed = slipDigits(random, known.nationalDigits);
        if (typed === known.nationalDigits) continue;
        const entered = random() < 0.5 ? group(typed) : typed;
        add(
          scenario,
          { entered, customer },
          { action: 'block', code: 'near-miss', suggestion: person.phones[0] as string },
        );
        break;
      }
      case 'not-a-number': {
        const short = known.nationalDigits.slice(0, 3 + Math.floor(random() * 3));
        const entered = random() < 0.5 ? pick(random, NOT_NUMBERS) : group(short);
        const parsed = parsePhone(entered, person.country);
        if (parsed?.valid) continue;
        // Far from the known number, so no slip of it.
        if (editDistance(entered.replace(/\D/g, ''), known.nationalDigits, { maxDistance: 1 }) <= 1) continue;
        add(scenario, { entered, customer }, { action: 'block', code: 'invalid-phone' });
        break;
      }
      case 'other-valid-number': {
        const other = syntheticPerson(random, 'x');
        const parsed = parsePhone(other.phone, person.country);
        if (!parsed?.valid || byNumber.has(parsed.e164)) continue;
        if (parsed.e164.slice(0, 3) !== person.e164.slice(0, 3)) continue;
        if (editDistance(parsed.nationalDigits, known.nationalDigits, { maxDistance: 1 }) <= 1) continue;
        add(
          scenario,
          { entered: parsed.formattedNational, customer, directory },
          { action: 'confirm', code: 'unverified-phone' },
        );
        break;
      }
      case 'other-customers-number': {
        const owner = pick(random, people);
        if (owner.id === person.id || owner.country !== person.country) continue;
        const ownerKnown = parsePhone(owner.e164, owner.country);
        if (
          !ownerKnown ||
          editDistance(ownerKnown.nationalDigits, known.nationalDigits, { maxDistance: 1 }) <= 1
        )
          continue;
        add(
          scenario,
          { entered: reformat(random, owner.e164, owner.country), customer, directory },
          { action: 'confirm', code: 'belongs-to-other-customer' },
        );
        break;
      }
    }
  }
  return cases;
}
