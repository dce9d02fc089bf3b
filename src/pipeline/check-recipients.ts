import { indexMailboxRules } from '../address/mailbox-key.js';
import { checkCustomerRecord } from '../guard/check-customer-record.js';
import { checkRecipient } from '../guard/check-recipient.js';
import { directoryForCheck } from '../guard/directory-for-check.js';
import { OTHER_CUSTOMER_CODES } from '../guard/other-customer-codes.js';
import { moreSevere } from '../guard/policy.js';
import { resolvePolicy } from '../guard/resolve-policy.js';
import { type LookupFailure, settleLookup } from '../guard/settle-lookup.js';
import type { Action, Locale, Verdict } from '../guard/verdict.js';
import { withLookupFailure } from '../guard/with-lookup-failure.js';
import { withoutOthersSuggestion } from '../guard/without-others-suggestion.js';
import { answerFieldName } from './answer-fields.js';
import type { CustomerReference, PipelineOptions } from './pipeline-options.js';
import type { Recipient, RecipientVerdict } from './recipient.js';
import { unknownOrderVerdict } from './unknown-order-verdict.js';

/** What {@link checkRecipients} takes: the recipients, and what the customer is resolved from. */
export interface CheckRecipientsInput<Source> {
  readonly recipients: readonly Recipient[];
  readonly source: Source;
  /**
   * The addresses a reply goes to (the Reply-To field, RFC 5322 §3.6.2). Nothing is delivered to
   * them, but the customer's answer is, with the order in it: of each, only what the directory says
   * about another customer is kept (`OTHER_CUSTOMER_CODES`), and an address that is another
   * customer's is listed as a `reply-to` recipient and blocked. Any other address is not listed, so
   * a company's own reply address brings no near-miss remarks about the customer's addresses.
   * @default [] (none)
   */
  readonly replyTo?: readonly Recipient[];
}

/** Every recipient's verdict and what they add up to. */
export interface RecipientsCheck {
  /** The most severe verdict: one blocked recipient blocks the whole message. */
  readonly action: Action;
  readonly recipients: readonly RecipientVerdict[];
  /** The id of the customer the message was checked against, when known. */
  readonly customerId?: string;
  /** Why the customer could not be resolved, when it could not. */
  readonly customerLookup?: LookupFailure;
  /** `confirm` stands only because nothing is known of the customer, and the caller chose to fail open. */
  readonly failedOpen: boolean;
}

// The id a verdict is made under when the message names no customer that could be found.
const UNRESOLVED_CUSTOMER = '(unresolved)';

/**
 * Checks every recipient of one message for one customer: resolves the customer once (with a
 * deadline, failing closed), runs the guard on each distinct address once, and combines the
 * verdicts so that a single `block` blocks the message. Shared by the nodemailer plugin and
 * `checkMessage`.
 *
 * @example
 * ```ts
 * const check = await checkRecipients(
 *   { recipients: collectRecipients({ to: 'anna@example.se' }), source: order },
 *   { guard, resolveCustomer: (order) => order.customerId },
 * );
 * check.action; // 'send' | 'confirm' | 'block'
 * ```
 */
export async function checkRecipients<Source>(
  input: CheckRecipientsInput<Source>,
  options: PipelineOptions<Source>,
): Promise<RecipientsCheck> {
  const { guard } = options;
  const failOpen = options.failOpen ?? guard.options.failOpen ?? false;
  const outcome = await resolve(input.source, options);

  let checkAddress: (entered: string) => Promise<Verdict>;
  let customerId: string | undefined;
  let customerLookup: LookupFailure | undefined;
  if ('found' in outcome) {
    const reference = outcome.found;
    if (typeof reference === 'string') {
      // No lookupCustomer to fetch it once: the guard answers with its own lookup-failed finding.
      customerId = reference;
      checkAddress = (entered) => guard.check({ entered, customerId: reference });
    } else {
      customerId = reference.id;
      checkAddress = (entered) => guard.check({ entered, customer: reference });
    }
  } else {
    const { customerId: id, ...failure } = outcome;
    customerLookup = failure;
    customerId = id;
    const failureOptions = {
      policy: resolvePolicy(guard.options.policy),
      locale: guard.options.locale ?? 'en',
      failOpen,
    };
    const placeholder = { id: id || UNRESOLVED_CUSTOMER };
    const others = {
      directory: guard.options.directory,
      verifiedAddresses: guard.options.verifiedAddresses,
      rules: indexMailboxRules(guard.options.mailboxRules),
      timeoutMs: guard.options.lookupTimeoutMs ?? 2000,
      locale: guard.options.locale,
    };
    // Checked as a new customer's address, with the failure on record: `block` unless failing open.
    // What the directory says of the address is asked all the same, as `guard.check` does: a failed
    // customer lookup leaves open whether the address is this customer's, not whether it is
    // another's. Its correction is never another customer's address either.
    checkAddress = async (entered) => {
      const asked = await settleLookup(
        () => directoryForCheck(guard.options.directory, entered, placeholder.id),
        others.timeoutMs,
      );
      const directory = 'found' in asked ? asked.found : {};
      return withoutOthersSuggestion(
        withLookupFailure(
          checkRecipient({ entered, customer: placeholder, ...directory }, guard.options),
          failure,
          failureOptions,
        ),
        placeholder,
        others,
      );
    };
  }

  // One message often names one address in several fields (To and the envelope): check it once.
  const verdicts = new Map<string, Promise<Verdict>>();
  const locale = guard.options.locale ?? 'en';
  const checked = await Promise.all(
    input.recipients.map(async (recipient): Promise<RecipientVerdict> => {
      const unknownOrder = unknownOrderVerdict(recipient, locale);
      if (unknownOrder) return unknownOrder;
      let verdict = verdicts.get(recipient.address);
      if (!verdict) {
        verdict = checkAddress(recipient.address);
        verdicts.set(recipient.address, verdict);
      }
      return { ...recipient, verdict: await verdict };
    }),
  );

  // A reply address is checked once, whichever reading named it, and shares the check of the same
  // address as a recipient; it is judged apart, since another customer's mailbox in To may be a
  // household's (a question), while a reply sent there is the stranger reading the order.
  const replyTo = [
    ...new Map(
      (input.replyTo ?? []).map((recipient) => [
        `${recipient.field} ${recipient.header ?? ''} ${recipient.address}`,
        recipient,
      ]),
    ).values(),
  ];
  const answered = await Promise.all(
    replyTo.map(async (recipient): Promise<RecipientVerdict | undefined> => {
      // A name drawn in an order no reading can promise is held whatever the address shown is.
      const unknownOrder = unknownOrderVerdict(recipient, locale);
      if (unknownOrder) return unknownOrder;
      let verdict = verdicts.get(recipient.address);
      if (!verdict) {
        verdict = checkAddress(recipient.address);
        verdicts.set(recipient.address, verdict);
      }
      return otherCustomersReplyTo(recipient, await verdict, locale);
    }),
  );
  for (const recipient of answered) if (recipient) checked.push(recipient);

  let action: Action = 'send';
  let unresolved = customerLookup !== undefined;
  // `failOpen` lets through only what the failed lookup left undecided: a directory finding that
  // the address is another customer's, or one slip from it, is known all the same.
  let othersFound = false;
  for (const { verdict } of checked) {
    action = moreSevere(action, verdict.action);
    if (verdict.findings.some((finding) => finding.code === 'lookup-failed')) unresolved = true;
    if (verdict.findings.some((finding) => OTHER_CUSTOMER_CODES.has(finding.code))) othersFound = true;
  }
  return {
    action,
    recipients: checked,
    ...(customerId === undefined ? {} : { customerId }),
    ...(customerLookup ? { customerLookup } : {}),
    failedOpen: failOpen && unresolved && !othersFound && action === 'confirm',
  };
}

// Said before the finding's own message, which speaks of the address as a recipient: the field,
// then what would go to the other customer through it.
const FIELD_SAYS: Readonly<Record<Locale, (field: string) => string>> = {
  en: (field) => `${field} names another customer's address: `,
  sv: (field) => `${field === 'Reply-To' ? 'Svar till' : field} anger en annan kunds adress: `,
};
const WHAT_GOES: Readonly<Record<Locale, Record<'reply' | 'bounce' | 'receipt', string>>> = {
  en: {
    reply: "the customer's reply, and what it quotes of the order, would go to them.",
    bounce: 'a bounce, which carries the whole message, and a reply would go to them.',
    receipt: 'a read receipt of the message would go to them.',
  },
  sv: {
    reply: 'kundens svar, och det det citerar ur ordern, skulle gå dit.',
    bounce: 'en studs, som bär hela meddelandet, och ett svar skulle gå dit.',
    receipt: 'ett läskvitto på meddelandet skulle gå dit.',
  },
};

/** What goes to an answer field's address: a reply, a bounce (and a reply), or a read receipt. */
function whatGoes(field: string): 'reply' | 'bounce' | 'receipt' {
  if (field === 'Reply-To' || field === 'Mail-Followup-To' || field === 'Mail-Reply-To') return 'reply';
  return field.endsWith('-To') && field !== 'Errors-To' ? 'receipt' : 'bounce';
}

/**
 * A reply address as a recipient, blocked, when the directory says it is another customer's (or
 * one slip from one); `undefined` otherwise. Only those findings are kept: the rest speak of an
 * address the message is delivered to.
 */
function otherCustomersReplyTo(
  recipient: Recipient,
  verdict: Verdict,
  locale: Locale,
): RecipientVerdict | undefined {
  const field = answerFieldName(recipient) ?? recipient.field;
  const says = `${FIELD_SAYS[locale](field)}${WHAT_GOES[locale][whatGoes(field)]}`;
  const findings = verdict.findings
    .filter((finding) => OTHER_CUSTOMER_CODES.has(finding.code))
    .map((finding) => ({ ...finding, action: 'block' as const, message: `${says} ${finding.message}` }));
  if (findings.length === 0) return undefined;
  return {
    ...recipient,
    verdict: {
      action: 'block',
      entered: verdict.entered,
      ...(verdict.address === undefined ? {} : { address: verdict.address }),
      findings,
    },
  };
}

type Resolution = { readonly found: CustomerReference } | (LookupFailure & { readonly customerId?: string });

/**
 * The customer, resolved once per message: `resolveCustomer` first, then, for an id, the guard's
 * `lookupCustomer`, so a message to five addresses costs one lookup, not five. What either answers
 * is data from the caller's systems: an empty id is nobody found, and a record that is no customer
 * is a failed lookup, so the message is held and logged rather than lost to a throw.
 */
async function resolve<Source>(source: Source, options: PipelineOptions<Source>): Promise<Resolution> {
  try {
    return await resolveOnce(source, options);
  } catch (error) {
    // An answer can throw when it is only read: a getter, a Proxy trap, a `then` that throws. That is
    // the caller's system failing like any other lookup error: held and on record, never lost.
    return { reason: 'error', error: describeError(error) };
  }
}

function describeError(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'the customer could not be read';
  }
}

async function resolveOnce<Source>(source: Source, options: PipelineOptions<Source>): Promise<Resolution> {
  const outcome = await settleLookup(
    (context) => options.resolveCustomer(source, context),
    options.resolveTimeoutMs ?? 2000,
  );
  if (!('found' in outcome)) return outcome;
  const reference: unknown = outcome.found;
  if (typeof reference !== 'string') {
    const record = checkCustomerRecord(reference);
    const id = (reference as { id?: unknown } | null)?.id;
    return 'found' in record || typeof id !== 'string' || id.trim() === ''
      ? record
      : { ...record, customerId: id };
  }
  // A missing header read as `String(headers.get('x-customer-id') ?? '')` names nobody.
  if (reference.trim() === '') return { reason: 'not-found' };
  const lookupCustomer = options.guard.options.lookupCustomer;
  if (!lookupCustomer) return { found: reference };
  const customer = await settleLookup(
    (context) => lookupCustomer(reference, context),
    options.guard.options.lookupTimeoutMs ?? 2000,
  );
  const record = 'found' in customer ? checkCustomerRecord(customer.found) : customer;
  return 'found' in record ? record : { ...record, customerId: reference };
}
