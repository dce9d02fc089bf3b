import { z } from 'zod';
import { CustomerSchema } from '../contacts/customer.js';
import type { Verdict } from '../guard/verdict.js';
import { ProblemSchema } from './problem-details.js';

// The HTTP API's request and response shapes. The same schemas validate each request, serialize
// each answer (fastify-type-provider-zod) and make GET /openapi.json (@fastify/swagger), so the
// published description cannot drift from what the routes do. Customers are `CustomerSchema`, the
// library's own.

const LocaleSchema = z.enum(['sv', 'en']).describe('the language of the finding messages');

/** One customer, given by record or by id (found in the server's directory). */
function customerOrId<Shape extends z.ZodRawShape>(shape: Shape) {
  return (
    z
      .strictObject({
        ...shape,
        customer: CustomerSchema.optional().describe('the customer the order is for'),
        customerId: z
          .string()
          .min(1, 'a customer id is required')
          .max(200, 'a customer id of at most 200 characters')
          .optional()
          .describe("the customer's id in the server's directory, instead of customer"),
        locale: LocaleSchema.optional(),
      })
      .superRefine((value, context) => {
        const { customer, customerId } = value as { customer?: unknown; customerId?: unknown };
        const given = Number(customer !== undefined) + Number(customerId !== undefined);
        if (given !== 1)
          context.addIssue({
            code: 'custom',
            path: ['customer'],
            message: 'give either customer or customerId, exactly one of them',
          });
      })
      // The refinement above is code, which JSON Schema cannot carry: the same rule as a keyword
      // (JSON Schema 2020-12 §10.2.1.3 `oneOf`), so a client generated from /openapi.json knows it.
      .meta({ oneOf: [{ required: ['customer'] }, { required: ['customerId'] }] })
  );
}

/** `POST /v1/check`: an address as entered for a customer. */
export const CheckRequestSchema = customerOrId({
  entered: z
    .string({ error: 'the entered address must be a string' })
    .max(1000, 'an address of at most 1000 characters')
    .describe('the address as it was typed'),
});

/** `POST /v1/check-phone`: a phone number as entered for a customer. */
export const CheckPhoneRequestSchema = customerOrId({
  entered: z
    .string({ error: 'the entered number must be a string' })
    .max(100, 'a number of at most 100 characters')
    .describe('the number as it was typed'),
});

const ActionSchema = z.enum(['send', 'confirm', 'block']);

/** A finding: its stable `code`, what to do, how serious, the message, and the code's own evidence. */
const FindingSchema = z.looseObject({
  code: z.string(),
  action: ActionSchema,
  severity: z.enum(['info', 'warning', 'critical']),
  message: z.string(),
});

/** The verdict of `checkRecipient` / `checkPhone`, as the library returns it. */
export const VerdictSchema = z.object({
  action: ActionSchema,
  entered: z.string(),
  address: z.string().optional(),
  suggestion: z.string().optional(),
  sendTo: z
    .string()
    .optional()
    .describe('on a send verdict: the spelling to send to (NFC, RFC 6532 §3.1; domain in lower-case ASCII)'),
  findings: z.array(FindingSchema),
  readBack: z.object({ entered: z.string().optional(), suggestion: z.string().optional() }).optional(),
});

const EnvelopeSchema = z.object({ from: z.string().optional(), to: z.array(z.string()) });

/** What a route answers with for a verdict: the same object, typed for the schema. */
export function verdictBody(verdict: Verdict): z.output<typeof VerdictSchema> {
  return verdict as unknown as z.output<typeof VerdictSchema>;
}

/** A held message as listed (`HoldStore.list`), with its age. */
export const HeldMessageSchema = z.object({
  id: z.string(),
  heldAt: z.string().describe('ISO 8601 time it was held'),
  age: z.string().describe('how long it has been held: 12 min, 5 h, 3 d'),
  size: z.number().int(),
  state: z.enum(['held', 'releasing']),
  releasingSince: z
    .string()
    .optional()
    .describe('ISO 8601 time a release or discard claimed it, while `state` is `releasing`'),
  releasingBy: z
    .object({ pid: z.number().int(), host: z.string(), running: z.boolean().optional() })
    .optional()
    .describe(
      "while `state` is `releasing`, the process that claimed it, where the store can tell (a folder store's lock): `running` is true while it runs on this host (a release under way), false once it stopped there, absent for another host",
    ),
  releaseInDoubt: z
    .literal(true)
    .optional()
    .describe(
      'a release was started (audit log) and never ended: the message may have been delivered; check the mail server log, then release or discard it with "force": true',
    ),
  releaseStarted: z
    .object({
      at: z.string().describe('ISO 8601 time the release began'),
      by: z.string().optional().describe('who released it'),
      to: z.array(z.string()).describe('the recipients it was sent to (the corrected ones, when corrected)'),
      messageId: z.string().optional().describe("the Message-ID to search the mail server's log for"),
    })
    .optional()
    .describe(
      "a release that was started and has not ended (while `state` is `releasing` or `releaseInDoubt` is true), from the audit log's `release-started` line: where it went, so the mail server's log can say whether it was delivered",
    ),
  releaseProgress: z
    .enum(['not-started', 'started', 'sent'])
    .optional()
    .describe(
      'while `state` is `releasing`, what the audit log says of its send: `not-started` (it did not go out), `started` (a release in doubt: it may have reached the mail server), `sent` (the transport accepted it: discard it with "force": true, never release it again)',
    ),
  action: z.enum(['block', 'confirm']),
  customerId: z.string().optional(),
  messageId: z.string().optional(),
  envelope: EnvelopeSchema,
  recipients: z.array(
    z.looseObject({
      field: z.string(),
      address: z.string(),
      name: z.string().optional(),
      verdict: VerdictSchema,
    }),
  ),
  customerLookup: z.looseObject({ reason: z.string() }).optional(),
  awaitingCode: z
    .array(z.string())
    .optional()
    .describe(
      'the addresses the verifier sent the customer a code to: the message waits for it to be read back and then goes out by itself; a release by hand skips that proof (it needs `confirmNew`)',
    ),
  confirmedForOtherCustomer: z
    .literal(true)
    .optional()
    .describe(
      "held as `block` because a confirmation was given for another customer's address (or one slip from one), though no recipient's verdict is `block`: no confirmation for this customer answers it",
    ),
  verifiedAddressesChecked: z
    .literal(true)
    .optional()
    .describe(
      'the check that held it knew the addresses verified by code: a release through a server without them is refused (503 not-configured)',
    ),
  verificationStoreId: z
    .union([z.string(), z.object({ unread: z.enum(['error', 'timeout']) })])
    .nullable()
    .optional()
    .describe(
      'the id of the verification store that check read (null: the store had none; { unread }: its id could not be read, and every release is refused): a release through a server reading another store is refused (503 not-configured)',
    ),
});

/** What a route answers with for a held message: the store's object, typed for the schema. */
export function heldBody<Schema extends typeof HeldMessageSchema | typeof HeldDetailSchema>(
  _schema: Schema,
  held: object,
): z.output<Schema> {
  return held as z.output<Schema>;
}

/** `GET /v1/holds`. */
export const HeldListSchema = z.object({
  held: z.array(HeldMessageSchema),
  unreadable: z
    .array(
      z.object({
        id: z.string(),
        code: z
          .string()
          .describe('why: malformed, unreadable, digest-mismatch, unsealed, message-missing, …'),
        message: z.string(),
      }),
    )
    .optional()
    .describe('entries the store cannot read whole, which may be held messages; absent when there are none'),
});

/** `GET /v1/holds/:id`: the listing plus the message's headers and a text rendering of its body. */
export const HeldDetailSchema = HeldMessageSchema.extend({
  subject: z.string().optional(),
  headers: z.array(z.object({ name: z.string(), value: z.string() })),
  text: z.string().describe('the body as plain text (HTML converted; never loaded)'),
});

/** The query of `GET /v1/holds` and `GET /v1/holds/:id`. */
export const HoldsQuerySchema = z.strictObject({
  locale: LocaleSchema.optional().describe(
    "the language of the finding messages; else the best of Accept-Language, else the server's",
  ),
});

/**
 * The longest path parameter (a hold id) the router accepts (`maxParamLength`); a longer one is
 * answered 414 before any route. The one limit, in the schema and the router alike.
 */
export const MAX_PARAM_LENGTH = 100;

/** A hold id in a path. */
export const HoldParamsSchema = z.object({ id: z.string().min(1).max(MAX_PARAM_LENGTH) });

/** `POST /v1/holds/:id/release`. */
export const ReleaseRequestSchema = z.strictObject({
  to: z
    .union([z.string(), z.array(z.string()).min(1, 'at least one corrected recipient is required')])
    .optional()
    .describe(
      'the corrected To recipients; required for a blocked message (or cc or bcc); each is checked again; with cc and bcc, the message goes to exactly these',
    ),
  cc: z
    .union([z.string(), z.array(z.string()).min(1, 'at least one corrected recipient is required')])
    .optional()
    .describe('the corrected Cc recipients, written in a Cc field; each is checked again'),
  bcc: z
    .union([z.string(), z.array(z.string()).min(1, 'at least one corrected recipient is required')])
    .optional()
    .describe(
      'the corrected blind copies: in the envelope only, never in the header; an address held as Bcc is refused in to or cc',
    ),
  confirmNew: z
    .boolean()
    .optional()
    .describe(
      "the corrected recipients are new to the customer and were confirmed as theirs; never lets another customer's address through",
    ),
  by: z.string().trim().min(1, 'who releases the message is required').max(200),
  reason: z.string().trim().min(1, 'why the message is released is required').max(2000),
  force: z
    .boolean()
    .optional()
    .describe(
      "release it although an earlier release was started and never ended; only once the mail server's log shows it was not delivered",
    ),
  fewerCustomers: z
    .boolean()
    .optional()
    .describe(
      'release it although the customer directory knows fewer customers than the check that held it did; only when the smaller directory is meant',
    ),
});

/** What a release did. */
export const ReleaseResponseSchema = z.object({
  id: z.string(),
  messageId: z.string().optional(),
  envelope: EnvelopeSchema,
});

/**
 * Why a held message is discarded, as the audit log records it: the one rule for the API's body and
 * the review page's form.
 */
export const DiscardReasonSchema = z
  .string()
  .trim()
  .min(1, 'why the message is discarded must not be empty')
  .max(2000, 'why the message is discarded must be at most 2000 characters');

/**
 * `POST /v1/holds/:id/discard`: an empty body, or who discards the message and why, for the audit
 * log (without them it records the API as who and the route as why), and `force` for a release in
 * doubt. Unknown keys are refused, as a release's are: a field the server would not record must not
 * look recorded.
 */
export const DiscardRequestSchema = z
  .strictObject({
    by: z
      .string()
      .trim()
      .min(1, 'who discards the message must not be empty')
      .max(200)
      .optional()
      .describe('who discards the message (audit log); "api" when not given'),
    reason: DiscardReasonSchema.optional().describe('why (audit log); the route when not given'),
    force: z
      .boolean()
      .optional()
      .describe(
        "discard it although an earlier release was started and never ended (it may have been delivered), also one a stopped process left `releasing`; only once the mail server's log was read. The audit log records the discard as forced",
      ),
  })
  // No body at all reaches the schema as null (Fastify's empty body).
  .nullish();

/** What a discard did. */
export const DiscardResponseSchema = z.object({ id: z.string(), discarded: z.literal(true) });

/** `GET /healthz`. */
export const HealthSchema = z.object({ status: z.literal('ok') });

/** A customer's id, as the verification routes take it (the same bounds as a check's). */
const VerificationCustomerIdSchema = z
  .string({ error: 'the customer id must be a string' })
  .trim()
  .min(1, 'a customer id is required')
  .max(200, 'a customer id of at most 200 characters')
  .describe('the id of the customer the address is proven for, as the order system knows them');

/** The address a code is sent to: one plain address, as the verifier reads it. */
const VerificationAddressSchema = z
  .string({ error: 'the address must be a string' })
  .max(1000, 'an address of at most 1000 characters')
  .describe('the new address, one plain address (karin.berg@outlook.com), no display name');

/** `POST /v1/verifications`: send a code to an address new to the customer. */
export const StartVerificationRequestSchema = z.strictObject({
  customerId: VerificationCustomerIdSchema,
  address: VerificationAddressSchema,
});

/** What `POST /v1/verifications` answers: the challenge, never its code. */
export const ChallengeSchema = z.object({
  id: z.string().describe('the challenge id (the verification message is recorded under it)'),
  address: z.string().describe('the address, parsed: one plain address, its domain in lower case'),
  expiresAt: z.string().describe('ISO 8601 time after which the code is refused'),
  sent: z
    .boolean()
    .describe(
      'a new code was sent by this request; false when a pending one is still good or the address is verified',
    ),
  verifiedAt: z
    .string()
    .optional()
    .describe('ISO 8601 time the address was verified for the customer, when it already is'),
});

/** `POST /v1/verifications/confirm`: the code the customer read back. */
export const ConfirmVerificationRequestSchema = z.strictObject({
  customerId: VerificationCustomerIdSchema,
  address: VerificationAddressSchema,
  code: z
    .string({ error: 'the code must be a string' })
    .max(100, 'a code of at most 100 characters')
    .describe('the digits as the customer read them; spaces and hyphens between them are ignored'),
});

/** `POST /v1/verifications/confirm-token`: the token of the link in the verification message. */
export const ConfirmTokenRequestSchema = z.strictObject({
  token: z
    .string({ error: 'the token must be a string' })
    .min(1, 'the token is required')
    .max(500, 'a token of at most 500 characters')
    .describe("the link's token, as `linkFor` put it in the link"),
});

/** What a confirmation answers once the address is verified. */
export const ConfirmedSchema = z.object({
  ok: z.literal(true),
  verifiedAt: z.string().describe('ISO 8601 time the address was verified'),
  released: z.array(z.string()).describe('the ids of the held messages this request released, each once'),
  held: z
    .array(z.string())
    .describe(
      'the ids of held messages for the address the SMTP server refused: they stay held; confirm again, or release them',
    ),
  releasing: z
    .array(z.string())
    .describe(
      'the ids of held messages for the address being sent by another release, or left mid-send: never sent again by themselves',
    ),
  onVerifiedFailed: z
    .literal(true)
    .optional()
    .describe(
      "the verifier's onVerified failed: the address is verified all the same; write it to the customer's record",
    ),
});

/** Why a confirmation was refused (`RefusalReason`), as the problem's `reason`. */
export const RefusalReasonSchema = z.enum([
  'wrong-code',
  'expired',
  'too-many-attempts',
  'unknown',
  'verified-for-other-customer',
]);

/** A refused confirmation: a problem with the verifier's reason beside its type. */
export const VerificationRefusedSchema = ProblemSchema.extend({ reason: RefusalReasonSchema });

/** `GET /v1/verifications`. */
export const VerifiedQuerySchema = z.strictObject({ customerId: VerificationCustomerIdSchema });

/** What `GET /v1/verifications` answers: the customer's verified addresses. */
export const VerifiedListSchema = z.object({
  customerId: z.string(),
  addresses: z.array(z.string()).describe('every address verified for the customer, in the order verified'),
});
