import * as z from 'zod';
import { indexMailboxRules, mailboxKey } from '../address/mailbox-key.js';
import { parseAddress } from '../address/parse-address.js';
import { type AsyncDirectory, isAsyncDirectory } from '../contacts/async-directory.js';
import type { Directory, DirectoryAddressMatch } from '../contacts/create-directory.js';
import type { Customer } from '../contacts/customer.js';
import { CustomerSchema } from '../contacts/customer.js';
import { parseInput } from '../internal/parse-input.js';
import { checkCustomerRecord } from './check-customer-record.js';
import type { CheckOptions } from './check-options.js';
import { checkPhone } from './check-phone.js';
import { directoryForCheck } from './directory-for-check.js';
import { fitsGuardCheckInput } from './fits-guard-check-input.js';
import { phoneDirectoryForCheck } from './phone-directory-for-check.js';
import { createRecipientChecker } from './recipient-checker.js';
import { resolvePolicy } from './resolve-policy.js';
import { type LookupFailure, type LookupOutcome, settleLookup } from './settle-lookup.js';
import type { Action, Verdict } from './verdict.js';
import { withLookupFailure } from './with-lookup-failure.js';
import { withOthersOnRecord } from './with-others-on-record.js';
import { withoutOthersNumber } from './without-others-number.js';
import { withoutOthersSuggestion } from './without-others-suggestion.js';

/** One decision, as handed to `onDecision` for an audit trail. Holds no message content. */
export interface Decision {
  /** ISO 8601 time of the decision. */
  readonly at: string;
  readonly customerId: string;
  /** The address as entered, or the phone number from `guard.checkPhone`. */
  readonly entered: string;
  readonly action: Action;
  /** The finding codes, most severe first. */
  readonly codes: readonly string[];
  readonly verdict: Verdict;
}

/**
 * Where addresses proven to be a customer's are kept (the verifier of `email-guard/nodemailer`, or
 * the caller's own service): each is then known for that customer, like an address on the record.
 */
export interface VerifiedAddressSource {
  /** The addresses verified for one customer. */
  listVerified(customerId: string): Promise<readonly string[]>;
  /**
   * The customers an address is verified for, under any spelling of its mailbox; asked with
   * `{ maxDistance: 1 }`, also those of addresses one slip from it, each with its `distance` (1; a
   * match without one is on the mailbox itself). When given, an address verified for another
   * customer is that customer's (`belongs-to-other-customer`), and a slip of it is read as a slip
   * of an address on another customer's record (`near-miss-other-customer`,
   * `near-miss-other-name`): a code proves a mailbox, and it was proven for them. An answer that
   * fails, is no list, or does not come in `lookupTimeoutMs` is a failed lookup (`lookup-failed`,
   * blocking unless `failOpen`), never an answer that nobody else has the address.
   */
  findVerified?(
    address: string,
    options?: { readonly maxDistance?: 0 | 1 },
  ): Promise<
    readonly { readonly customerId: string; readonly address: string; readonly distance?: number }[]
  >;
  /**
   * The id of the store the addresses are read from (`VerificationStore.id`; the verifier answers
   * its store's), `undefined` when it has none. A message held by a check that read them keeps it,
   * and a release through a guard whose source answers another id is refused: another store (an
   * empty folder, another schema) reads as "nobody verified it".
   */
  storeId?(): Promise<string | undefined>;
}

/** Options of {@link createGuard}: everything `checkRecipient` takes, plus where customers come from. */
export interface GuardOptions extends CheckOptions {
  /**
   * Every customer's contacts (`createDirectory`). Each check then also looks for the address on
   * other customers' records (`belongs-to-other-customer`, `near-miss-other-customer`), and a check
   * that names only `customerId` finds the customer here when no `lookupCustomer` is given.
   * An asynchronous directory (`createPostgresDirectory`) is asked before each check.
   * @default undefined
   */
  readonly directory?: Directory | AsyncDirectory;
  /**
   * Fetches a customer by id from the caller's system, for checks that name only `customerId`.
   * Resolve `undefined` when there is no such customer. The signal aborts when the timeout passes.
   * A record that does not match `CustomerSchema` is a failed lookup (`lookup-failed`, reason
   * `error`, naming the bad field), never a throw.
   * @default undefined (checks must pass the customer itself)
   */
  readonly lookupCustomer?: (
    id: string,
    context: { readonly signal: AbortSignal },
  ) => Promise<Customer | undefined>;
  /** How long a lookup may take before the check gives up on it. @default 2000 */
  readonly lookupTimeoutMs?: number;
  /**
   * When a lookup fails, times out or finds nobody, check the address as a new customer's instead
   * of blocking. The `lookup-failed` finding is still in the verdict and the audit trail.
   * @default false (fail closed: the verdict is `block`)
   */
  readonly failOpen?: boolean;
  /**
   * Called with every decision, awaited before `check` resolves; if it throws, `check` rejects
   * with that error (a decision that cannot be recorded is not made).
   * @default undefined
   */
  readonly onDecision?: (decision: Decision) => void | Promise<void>;
  /**
   * Addresses proven to be the customer's (`createVerifier` of `email-guard/nodemailer`, or any
   * `{ listVerified(customerId) }`): each counts as one of the customer's known addresses, so it
   * is an `exact-match` and a slip of it a `near-miss`. A `listVerified` that fails or does not
   * answer in `lookupTimeoutMs` adds nothing: the address is then only as known as the record says
   * (stricter, never weaker). A `findVerified` that fails so is a failed lookup (`lookup-failed`).
   * For other customers' checks, see {@link VerifiedAddressSource.findVerified}.
   * @default undefined
   */
  readonly verifiedAddresses?: VerifiedAddressSource;
}

/**
 * What `guard.check` takes: the address and either the customer or the customer's id.
 *
 * @example
 * ```ts
 * GuardCheckInputSchema.safeParse({ entered: 'anna@example.se', customerId: 'C-1001' }).success; // true
 * GuardCheckInputSchema.safeParse({ entered: 'anna@example.se' }).success;                        // false
 * ```
 */
export const GuardCheckInputSchema = z.union([
  z.object({
    entered: z.string({ error: 'the entered address must be a string' }),
    customer: CustomerSchema,
  }),
  z.object({
    entered: z.string({ error: 'the entered address must be a string' }),
    customerId: z.string().min(1, 'a customer id is required'),
  }),
]);

/** What `guard.check` takes (see {@link GuardCheckInputSchema}). */
export type GuardCheckInput =
  | { readonly entered: string; readonly customer: Customer }
  | { readonly entered: string; readonly customerId: string };

/**
 * What `guard.checkPhone` takes: the number as entered and either the customer or the customer's id.
 *
 * @example
 * ```ts
 * GuardCheckPhoneInputSchema.safeParse({ entered: '070-123 45 67', customer: { id: 'C-1001' } }).success; // true
 * GuardCheckPhoneInputSchema.safeParse({ entered: '070-123 45 67', customerId: 'C-1001' }).success;       // true
 * ```
 */
export const GuardCheckPhoneInputSchema = z.union([
  z.object({
    entered: z.string({ error: 'the entered number must be a string' }),
    customer: CustomerSchema,
  }),
  z.object({
    entered: z.string({ error: 'the entered number must be a string' }),
    customerId: z.string().min(1, 'a customer id is required'),
  }),
]);

/** What `guard.checkPhone` takes (see {@link GuardCheckPhoneInputSchema}). */
export type GuardCheckPhoneInput =
  | { readonly entered: string; readonly customer: Customer }
  | { readonly entered: string; readonly customerId: string };

/** A configured guard. */
export interface Guard {
  /** Checks one address for one customer, looking the customer up when only the id is given. */
  check(input: GuardCheckInput): Promise<Verdict>;
  /**
   * Checks a phone number entered for one customer, as `checkPhone` does, against the guard's
   * directory (an asynchronous one too: it is asked first), with the guard's locale, policy,
   * `defaultCountry` and `revealOtherCustomers`. As `check`: the customer is looked up when only
   * the id is given (a failed lookup is a `lookup-failed` finding), and each decision goes to
   * `onDecision`, `entered` being the number.
   */
  checkPhone(input: GuardCheckPhoneInput): Promise<Verdict>;
  /** The options the guard was made with. */
  readonly options: GuardOptions;
}

/**
 * Configures a guard once (tables indexed, policy resolved) and checks many times. This is what the
 * mail pipeline uses.
 *
 * @example
 * ```ts
 * const guard = createGuard({
 *   lookupCustomer: async (id) => (id === 'C-1001' ? { id, emails: ['anna.svensson1985@gmail.com'] } : undefined),
 *   onDecision: (decision) => console.log(decision.customerId, decision.action, decision.codes.join(',')),
 * });
 * const verdict = await guard.check({ entered: 'anna.svensson185@gmail.com', customerId: 'C-1001' });
 * verdict.action; // 'block'
 * ```
 */
export function createGuard(options: GuardOptions = {}): Guard {
  parseInput(GuardOnlyOptionsSchema, options, ['options']);
  const checkRecipient = createRecipientChecker(options);
  const timeoutMs = options.lookupTimeoutMs ?? 2000;
  const locale = options.locale ?? 'en';
  const policy = resolvePolicy(options.policy);
  const rules = indexMailboxRules(options.mailboxRules);
  /** The directory's answer, with the addresses verified for other customers added; either failing is on record. */
  const withDirectory = async (entered: string, customerId: string) => {
    const verified = await verifiedForOthers(entered, customerId);
    const asked = await askDirectory(() =>
      directoryForCheck(options.directory, entered, customerId, verified.matches),
    );
    return verified.failure && !asked.failure ? { ...asked, failure: verified.failure } : asked;
  };
  const failureOptions = () => ({ policy, locale, failOpen: options.failOpen ?? false });

  /**
   * The directory's answer for one check. A database directory gets the lookups' deadline, its
   * wait for a connection included, and one that fails or does not answer in time is a failed
   * lookup: the check goes on without it and the verdict carries `lookup-failed`. A query still
   * under way then ends unread.
   */
  async function askDirectory(
    ask: () => Promise<{ directory?: Directory }>,
  ): Promise<{ readonly directory: { directory?: Directory }; readonly failure?: LookupFailure }> {
    if (!options.directory || !isAsyncDirectory(options.directory)) return { directory: await ask() };
    const outcome = await settleLookup(ask, timeoutMs);
    return 'found' in outcome ? { directory: outcome.found } : { directory: {}, failure: outcome };
  }

  /**
   * The check against the customer with their verified addresses (`verified`), and, when any were
   * added, the directory asked for the address as the customer on record would have it: an address
   * on another customer's record is said so whoever verified it (withOthersOnRecord).
   */
  function checkWithVerified(
    entered: string,
    onRecord: Customer,
    verified: Customer,
    directory: { directory?: Directory },
  ): Verdict {
    const verdict = checkRecipient({ entered, customer: verified, ...directory });
    if (verified === onRecord) return verdict;
    return withOthersOnRecord(
      { verdict, entered, onRecord, verified, ...directory },
      { rules, policy, locale, revealOtherCustomers: options.revealOtherCustomers ?? false },
    );
  }

  /** The verdict with the failure on record, once: a check whose lookup failed too already says so. */
  function withFailure(verdict: Verdict, failure: LookupFailure | undefined): Verdict {
    if (!failure || verdict.findings.some((finding) => finding.code === 'lookup-failed')) return verdict;
    return withLookupFailure(verdict, failure, failureOptions());
  }

  /**
   * Other customers the entered address, or an address one slip from it, is verified for, as the
   * directory names its matches. A slip carries that customer's name (with birth date and phones)
   * from the directory or `lookupCustomer`, so the directory's rules read it as they read a slip
   * of a recorded address; one whose customer cannot be named is marked `verified` and reported
   * all the same. A source that fails or does not answer in time is a failure on record: the check
   * cannot say that no other customer has proven the address.
   */
  async function verifiedForOthers(
    entered: string,
    customerId: string,
  ): Promise<{ readonly matches: DirectoryAddressMatch[]; readonly failure?: LookupFailure }> {
    const source = options.verifiedAddresses;
    if (typeof source?.findVerified !== 'function') return { matches: [] };
    const find = source.findVerified.bind(source);
    const outcome = await settleLookup(() => find(entered, { maxDistance: 1 }), timeoutMs);
    if (!('found' in outcome)) return { matches: [], failure: verifiedFailure(outcome) };
    if (!Array.isArray(outcome.found)) {
      return {
        matches: [],
        failure: { reason: 'error', kind: 'invalid-record', error: VERIFIED_UNREAD },
      };
    }
    const others = outcome.found.filter(
      (match) => typeof match?.customerId === 'string' && match.customerId !== customerId,
    );
    const matches = await Promise.all(
      others.map(async (match): Promise<DirectoryAddressMatch> => {
        const address = String(match.address);
        const parsed = parseAddress(address);
        const key = parsed.ok ? mailboxKey(parsed.address, rules).key : address.toLowerCase();
        const found = { customerId: match.customerId, address, key };
        if (match.distance !== 1) return { ...found, distance: 0 };
        const other = await customerOf(match.customerId);
        // The caller's system may answer with anything: only text counts as a name or a birth date.
        if (typeof other?.name !== 'string' || other.name === '')
          return { ...found, distance: 1, verified: true };
        const phones = Array.isArray(other.phones)
          ? other.phones.filter((phone) => typeof phone === 'string')
          : [];
        return {
          ...found,
          distance: 1,
          name: other.name,
          ...(typeof other.birthDate === 'string' && other.birthDate ? { birthDate: other.birthDate } : {}),
          ...(phones.length > 0 ? { phones } : {}),
        };
      }),
    );
    return { matches };
  }

  /** Another customer's record, for their name: from the directory, else `lookupCustomer`; `undefined` when neither answers. */
  async function customerOf(id: string): Promise<Customer | undefined> {
    const directory = options.directory;
    if (directory && typeof directory.get === 'function') {
      const known = await settleLookup(() => directory.get(id), timeoutMs);
      if ('found' in known && known.found?.name) return known.found;
    }
    const lookupCustomer = options.lookupCustomer;
    if (!lookupCustomer) return undefined;
    const outcome = await settleLookup((context) => lookupCustomer(id, context), timeoutMs);
    return 'found' in outcome ? outcome.found : undefined;
  }

  /** The customer with the addresses verified for them added to the ones on record. */
  async function withVerified(customer: Customer): Promise<Customer> {
    const source = options.verifiedAddresses;
    if (!source) return customer;
    const outcome = await settleLookup(() => source.listVerified(customer.id), timeoutMs);
    if (!('found' in outcome) || !Array.isArray(outcome.found)) return customer;
    const known = new Set(customer.emails ?? []);
    const added = outcome.found.filter((address) => typeof address === 'string' && !known.has(address));
    return added.length === 0 ? customer : { ...customer, emails: [...(customer.emails ?? []), ...added] };
  }

  /** Hands a decision to `onDecision`, awaited: a decision that cannot be recorded is not made. */
  async function decided(customerId: string, entered: string, verdict: Verdict): Promise<void> {
    await options.onDecision?.({
      at: new Date().toISOString(),
      customerId,
      entered,
      action: verdict.action,
      codes: verdict.findings.map((finding) => finding.code),
      verdict,
    });
  }

  async function lookup(id: string): Promise<LookupOutcome<Customer>> {
    const lookupCustomer = options.lookupCustomer;
    if (!lookupCustomer) {
      // Without a lookup, the directory (when given) is where customers are found; a directory of
      // the caller's own may answer late or not know `get` at all.
      const directory = options.directory;
      if (directory) {
        if (typeof directory.get !== 'function') {
          return {
            reason: 'error',
            kind: 'not-configured',
            error: 'the directory cannot look customers up by id (no get method)',
          };
        }
        // Its `get` may be a database call: it gets the same deadline, and a throw is a failed
        // lookup, not a rejected check.
        const known = await settleLookup(() => directory.get(id), timeoutMs);
        return 'found' in known ? sameCustomer(id, checkCustomerRecord(known.found)) : known;
      }
      return {
        reason: 'error',
        kind: 'not-configured',
        error: 'no lookupCustomer was configured, so a customer id alone cannot be checked',
      };
    }
    const outcome = await settleLookup((context) => lookupCustomer(id, context), timeoutMs);
    // The caller's system answered with something that is no customer: a failed lookup, not misuse.
    return 'found' in outcome ? sameCustomer(id, checkCustomerRecord(outcome.found)) : outcome;
  }

  return {
    options,
    async checkPhone(rawInput) {
      const input = parseInput(GuardCheckPhoneInputSchema, rawInput);
      const phoneOptions = {
        locale,
        ...(options.policy ? { policy: options.policy } : {}),
        ...(options.defaultCountry ? { defaultCountry: options.defaultCountry } : {}),
        ...(options.revealOtherCustomers !== undefined
          ? { revealOtherCustomers: options.revealOtherCustomers }
          : {}),
      };
      /** The check against this customer; the database is asked for the number in their region. */
      const against = async (customer: Customer) => {
        const region = customer.country ?? options.defaultCountry ?? 'SE';
        const asked = await askDirectory(() =>
          phoneDirectoryForCheck(options.directory, input.entered, customer.id, region),
        );
        const verdict = withFailure(
          checkPhone({ entered: input.entered, customer, ...asked.directory }, phoneOptions),
          asked.failure,
        );
        // Never another customer's number as the correction: asked of the whole directory.
        return withoutOthersNumber(verdict, {
          directory: options.directory,
          customerId: customer.id,
          region,
          timeoutMs,
        });
      };
      let verdict: Verdict;
      let customerId: string;
      if ('customer' in input) {
        customerId = input.customer.id;
        verdict = await against(input.customer);
      } else {
        customerId = input.customerId;
        // The region of a national number is the customer's: the lookup comes first.
        const outcome = await lookup(customerId);
        verdict =
          'found' in outcome
            ? await against(outcome.found)
            : withFailure(await against({ id: customerId }), outcome);
      }
      await decided(customerId, input.entered, verdict);
      return verdict;
    },
    async check(rawInput) {
      // The usual plain input is vouched for by hand; anything else goes through the schema.
      const input: GuardCheckInput = fitsGuardCheckInput(rawInput)
        ? rawInput
        : parseInput(GuardCheckInputSchema, rawInput);
      let verdict: Verdict;
      let customerId: string;
      // The customer as checked, verified addresses included: their own addresses are no one else's.
      let checkedCustomer: Customer;
      if ('customer' in input) {
        customerId = input.customer.id;
        const [customer, asked] = await Promise.all([
          withVerified(input.customer),
          withDirectory(input.entered, customerId),
        ]);
        checkedCustomer = customer;
        verdict = withFailure(
          checkWithVerified(input.entered, input.customer, customer, asked.directory),
          asked.failure,
        );
      } else {
        customerId = input.customerId;
        // A database directory is asked while the customer is looked up.
        const [outcome, asked] = await Promise.all([
          lookup(input.customerId),
          withDirectory(input.entered, customerId),
        ]);
        if ('found' in outcome) {
          const customer = await withVerified(outcome.found);
          checkedCustomer = customer;
          verdict = withFailure(
            checkWithVerified(input.entered, outcome.found, customer, asked.directory),
            asked.failure,
          );
        } else {
          // The customer's failed lookup is the one on record; the directory's, if any, said the same.
          checkedCustomer = { id: input.customerId };
          verdict = withLookupFailure(
            checkRecipient({
              entered: input.entered,
              customer: { id: input.customerId },
              ...asked.directory,
            }),
            outcome,
            failureOptions(),
          );
        }
      }
      // Never another customer's address as the correction: checked against the whole directory.
      verdict = await withoutOthersSuggestion(verdict, checkedCustomer, {
        directory: options.directory,
        verifiedAddresses: options.verifiedAddresses,
        rules,
        timeoutMs,
        locale,
      });
      await decided(customerId, input.entered, verdict);
      return verdict;
    },
  };
}

/** What a failed `findVerified` is recorded as. */
const VERIFIED_UNREAD = 'the addresses verified for other customers could not be read';

/** A failed `findVerified` as a failed lookup, saying which lookup it was. */
function verifiedFailure(failure: LookupFailure): LookupFailure {
  return {
    ...failure,
    reason: failure.reason === 'not-found' ? 'error' : failure.reason,
    error: `${VERIFIED_UNREAD}: ${failure.error ?? failure.reason}`,
  };
}

/**
 * A lookup that answers with another customer than the one asked for has failed. The other
 * customer is not named: the verdict and the audit trail are about this customer.
 */
function sameCustomer(id: string, outcome: LookupOutcome<Customer>): LookupOutcome<Customer> {
  if ('found' in outcome && outcome.found.id !== id) {
    return {
      reason: 'error',
      kind: 'other-customer',
      error: `the lookup for customer ${id} answered with another customer`,
    };
  }
  return outcome;
}

// Timers clamp any delay above 2^31 - 1 ms to 1 ms (HTML timers, Node's setTimeout), which would
// time every lookup out at once.
const GuardOnlyOptionsSchema = z.object({
  lookupTimeoutMs: z
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1)
    .optional(),
  failOpen: z.boolean().optional(),
  lookupCustomer: z.custom<unknown>((value) => typeof value === 'function', 'a function').optional(),
  onDecision: z.custom<unknown>((value) => typeof value === 'function', 'a function').optional(),
  verifiedAddresses: z
    .object(
      { listVerified: z.custom<unknown>((value) => typeof value === 'function', 'a function') },
      { error: 'an object with listVerified(customerId), such as createVerifier(...)' },
    )
    .optional(),
});
