import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseAddress } from '../address/parse-address.js';
import {
  type InputIssue,
  InvalidInputError,
  isEmailGuardError,
  VerificationRateLimitedError,
} from '../errors.js';
import { describeFindings } from '../guard/describe-findings.js';
import { stopsRecipient } from '../guard/stops-recipient.js';
import type { ConfirmResult, RefusalReason, Verifier } from '../verification/create-verifier.js';
import {
  ChallengeSchema,
  ConfirmedSchema,
  ConfirmTokenRequestSchema,
  ConfirmVerificationRequestSchema,
  StartVerificationRequestSchema,
  VerificationRefusedSchema,
  VerifiedListSchema,
  VerifiedQuerySchema,
} from './api-schemas.js';
import type { ServerContext } from './create-server.js';
import { type Problem, ProblemSchema, problem, sendProblem } from './problem-details.js';
import { notConfigured } from './release-held.js';
import { createTokenBuckets } from './token-buckets.js';
import type { ZodApp } from './zod-app.js';

/** What `email-guard serve` needs to verify addresses, as the 503 says it. */
const VERIFIER_OPTIONS = '--smtp URL, --verify-from SENDER and --verifications DIR (or --database)';

/**
 * Each refusal's status: `unknown` is a challenge there is none of (404); `wrong-code` a code that
 * is not the one sent, with attempts left (422); `expired` and `too-many-attempts` a challenge that
 * is over for good, so only a new code helps (410 Gone, RFC 9110 §15.5.11); and
 * `verified-for-other-customer` an address proven to be another customer's since the code was sent,
 * a question for a person (409, RFC 9110 §15.5.10).
 */
const REFUSALS: Readonly<Record<RefusalReason, { readonly status: number; readonly title: string }>> = {
  unknown: { status: 404, title: 'There is no pending code for that customer and address' },
  'wrong-code': { status: 422, title: 'The code is not the one sent' },
  expired: { status: 410, title: 'The code has expired; start again for a new one' },
  'too-many-attempts': {
    status: 410,
    title: 'Too many wrong codes for this challenge; start again for a new one',
  },
  'verified-for-other-customer': {
    status: 409,
    title: 'The address was verified for another customer since the code was sent',
  },
};

const refusals = {
  404: VerificationRefusedSchema,
  409: VerificationRefusedSchema,
  410: VerificationRefusedSchema,
  422: VerificationRefusedSchema,
};

/**
 * `POST /v1/verifications`, `POST /v1/verifications/confirm`, `POST /v1/verifications/confirm-token`
 * and `GET /v1/verifications`: `createVerifier` over HTTP, so an order system in any language can
 * prove a new address with a code and have what was held for it released. The code and the token
 * are the verifier's (kept only as keyed hashes); a route reads the request and writes the answer.
 *
 * A page session (the order form, where the salesperson reads the code back on the phone) may start
 * and confirm for a customer its search showed it, as it may check one; the link's token and the
 * list of a customer's verified addresses are for the bearer token's callers only.
 */
export async function registerVerificationRoutes(app: ZodApp, context: ServerContext): Promise<void> {
  const limit = context.options.sessionVerificationLimit;
  // Every start may send a message to an address typed in; keyed by the session, so a stolen cookie
  // mails at most this many strangers before it waits (the verifier's own limit is per address).
  // Confirmations are not counted: they mail nobody, and the verifier limits each challenge's
  // attempts, so a salesperson reading codes back on the phone is never locked out by them.
  const sessionVerifications = createTokenBuckets({
    burst: limit?.verifications ?? 10,
    refillMs: limit?.refillMs ?? 30_000,
  });

  /**
   * The verifier, or the 503 sent; for a page session, also the customer one its search showed it
   * (else the answer for an id that is not there), as for its checks, and for a start its budget spent.
   */
  const verifierFor = (
    request: FastifyRequest,
    reply: FastifyReply,
    reach?: { readonly customerId: string; readonly unreachable: Problem },
    sends = false,
  ): Verifier | undefined => {
    const verifier = context.options.verifier;
    if (!verifier) {
      sendProblem(reply, notConfigured('verifier', VERIFIER_OPTIONS));
      return undefined;
    }
    const session = context.apiSessionOf(request);
    if (session === undefined) return verifier;
    const spent = sends ? sessionVerifications.take(session.id) : { allowed: true as const };
    if (!spent.allowed) {
      reply.header('retry-after', String(spent.retryAfterSeconds));
      sendProblem(
        reply,
        problem('too-many-requests', 429, 'Too many verifications from this session for now', {
          detail: `try again in ${spent.retryAfterSeconds} s`,
        }),
      );
      return undefined;
    }
    if (reach !== undefined && !context.shown.has(session, reach.customerId)) {
      sendProblem(reply, reach.unreachable);
      return undefined;
    }
    return verifier;
  };

  app.post(
    '/v1/verifications',
    {
      schema: {
        tags: ['verifications'],
        summary:
          'Send a code to an address new to the customer (or reuse a pending one); the answer is the challenge, never the code',
        body: StartVerificationRequestSchema,
        response: {
          200: ChallengeSchema,
          400: ProblemSchema,
          401: ProblemSchema,
          404: ProblemSchema,
          422: ProblemSchema,
          429: ProblemSchema,
          502: ProblemSchema,
          503: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const { customerId, address } = request.body;
      const verifier = verifierFor(
        request,
        reply,
        {
          customerId,
          unreachable: problem('not-found', 404, 'There is no customer with that id', {
            field: 'body.customerId',
            detail: 'search for the customer on the order form first',
          }),
        },
        true,
      );
      if (!verifier) return reply;
      const unknown = await unknownCustomer(context, customerId);
      if (unknown) return sendProblem(reply, unknown);
      // Read here as the verifier reads it, so what it refuses after is a refusal of the address
      // (422), not an address that is none (400); a line break in it never reaches a header.
      const parsed = parseAddress(address);
      if (!parsed.ok)
        return sendProblem(
          reply,
          problem('invalid-input', 400, 'The address is not one plain address', {
            detail: parsed.detail,
            field: 'body.address',
          }),
        );
      // The server's own check first, with its directory and its masking: a code to another
      // customer's address proves nothing for this one, and the verifier may have no guard of its own.
      const verdict = await context
        .guard(context.locale)
        .check({ entered: parsed.address.address, customerId });
      const stopping = verdict.findings.filter(stopsRecipient);
      if (stopping.length > 0) return sendProblem(reply, addressRefused(describeFindings(stopping)));
      try {
        const challenge = await verifier.start({ customerId, address: parsed.address.address });
        request.log.info({ challengeId: challenge.id, sent: challenge.sent }, 'verification started');
        return {
          id: challenge.id,
          address: challenge.address,
          expiresAt: challenge.expiresAt,
          sent: challenge.sent,
          ...(challenge.verifiedAt === undefined ? {} : { verifiedAt: challenge.verifiedAt }),
        };
      } catch (error) {
        if (error instanceof InvalidInputError && fieldsOf(error.issues)[0]?.field === 'body.address')
          // The verifier's words may name whose the address is when its guard reveals other
          // customers; the server says only what it would say itself.
          return sendProblem(
            reply,
            addressRefused(
              context.options.revealOtherCustomers === true
                ? error.message
                : 'the address is verified for another customer, or their check stops it (belongs-to-other-customer); confirm it with a person',
            ),
          );
        if (error instanceof VerificationRateLimitedError) {
          const seconds = Math.max(1, Math.ceil((Date.parse(error.retryAt) - Date.now()) / 1000));
          reply.header('retry-after', String(seconds));
          return sendProblem(
            reply,
            problem('too-many-requests', 429, 'Too many codes were sent to this address in the last hour', {
              detail: `a new code may be sent from ${error.retryAt}`,
              field: 'body.address',
            }),
          );
        }
        const answered = commonProblem(error);
        if (answered) return sendProblem(reply, answered);
        if (isEnvelopeRefused(error))
          return sendProblem(
            reply,
            problem('invalid-input', 400, 'The address cannot be sent to; no code was sent', {
              detail: 'the mail transport refused it as a recipient before anything was sent',
              field: 'body.address',
            }),
          );
        if (!isTransportFailure(error)) throw error;
        // The verifier took the challenge back, so the next start sends a code.
        request.log.warn({ err: error }, 'verification message not sent');
        return sendProblem(
          reply,
          problem(
            'send-failed',
            502,
            'The SMTP server did not take the verification message; no code was sent',
          ),
        );
      }
    },
  );

  app.post(
    '/v1/verifications/confirm',
    {
      schema: {
        tags: ['verifications'],
        summary:
          'Check the code the customer read back; on success the address is verified and what was held for it is released',
        body: ConfirmVerificationRequestSchema,
        response: {
          200: ConfirmedSchema,
          400: ProblemSchema,
          401: ProblemSchema,
          ...refusals,
          429: ProblemSchema,
          503: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const { customerId, address, code } = request.body;
      // A customer the session was not shown is answered as one without a pending code, so
      // trying ids tells nothing.
      const verifier = verifierFor(request, reply, { customerId, unreachable: refusal('unknown') });
      if (!verifier) return reply;
      const unknown = await unknownCustomer(context, customerId);
      // Said as a refusal (`reason: unknown`), as every 404 of this route is.
      if (unknown)
        return sendProblem(
          reply,
          unknown.status === 404
            ? { ...refusal('unknown'), detail: unknown.detail, field: 'body.customerId' }
            : unknown,
        );
      return answerConfirmation(reply, request, () => verifier.confirm({ customerId, address, code }));
    },
  );

  app.post(
    '/v1/verifications/confirm-token',
    {
      schema: {
        tags: ['verifications'],
        summary:
          "Confirm an address with the token of the link in the verification message (the shop's page behind the link calls it)",
        body: ConfirmTokenRequestSchema,
        response: {
          200: ConfirmedSchema,
          400: ProblemSchema,
          401: ProblemSchema,
          ...refusals,
          503: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const verifier = verifierFor(request, reply);
      if (!verifier) return reply;
      const { token } = request.body;
      return answerConfirmation(reply, request, () => verifier.confirmToken(token));
    },
  );

  app.get(
    '/v1/verifications',
    {
      schema: {
        tags: ['verifications'],
        summary: 'Every address verified for a customer',
        querystring: VerifiedQuerySchema,
        response: { 200: VerifiedListSchema, 400: ProblemSchema, 401: ProblemSchema, 503: ProblemSchema },
      },
    },
    async (request, reply) => {
      const verifier = verifierFor(request, reply);
      if (!verifier) return reply;
      const { customerId } = request.query;
      try {
        return { customerId, addresses: await verifier.listVerified(customerId) };
      } catch (error) {
        const answered = commonProblem(error, 'query');
        if (answered) return sendProblem(reply, answered);
        throw error;
      }
    },
  );
}

/** Runs a confirmation and answers it: 200 with what was released, or the refusal's status. */
async function answerConfirmation(
  reply: FastifyReply,
  request: FastifyRequest,
  confirm: () => Promise<ConfirmResult>,
) {
  let result: ConfirmResult;
  try {
    result = await confirm();
  } catch (error) {
    const answered = commonProblem(error);
    if (answered) return sendProblem(reply, answered);
    throw error;
  }
  if (!result.ok) {
    request.log.info({ reason: result.reason }, 'verification refused');
    return sendProblem(reply, refusal(result.reason));
  }
  request.log.info(
    { released: result.released.map((released) => released.id), held: result.held.length },
    'address verified',
  );
  return {
    ok: true as const,
    verifiedAt: result.verifiedAt,
    released: result.released.map((released) => released.id),
    held: result.held.map((still) => still.holdId),
    releasing: [...result.releasing],
    ...(result.onVerifiedError ? { onVerifiedFailed: true as const } : {}),
  };
}

/**
 * The answers every verification route shares: input the verifier refuses (400 naming the field,
 * `input.code` read as `body.code`) and a store that cannot answer (503; it may be tried again).
 */
function commonProblem(error: unknown, part: 'body' | 'query' = 'body'): Problem | undefined {
  if (error instanceof InvalidInputError) {
    const errors = fieldsOf(error.issues, part);
    return problem('invalid-input', 400, 'The request does not match what the verifier takes', {
      detail: errors.map((entry) => `${entry.field}: ${entry.message}`).join('; '),
      ...(errors[0] ? { field: errors[0].field } : {}),
      errors,
    });
  }
  if (isEmailGuardError(error, 'VERIFICATION_STORE_FAILED'))
    return problem(
      'verification-store-unavailable',
      503,
      'The verification store cannot be read or written now',
      {
        detail: 'nothing was confirmed or sent; try again once the store is back',
      },
    );
  return undefined;
}

/** The verifier's issue paths (`input.code`) as the request's fields (`body.code`). */
function fieldsOf(issues: readonly InputIssue[], part: 'body' | 'query' = 'body') {
  return issues.map((issue) => {
    const [first, ...rest] = issue.path;
    const path = first === 'input' ? rest : issue.path;
    return { field: [part, ...path].join('.'), message: issue.message };
  });
}

/**
 * With a directory, the answer for a customer id it does not have (404 naming `body.customerId`; ids
 * are compared exactly, so `c-1001` is not `C-1001`) or cannot be asked about (503): an address
 * verified for an id no customer has would still count as "another customer's" for every real one.
 * Without a directory there is nothing to ask, and the id is taken as given.
 */
async function unknownCustomer(context: ServerContext, customerId: string): Promise<Problem | undefined> {
  const directory = context.options.directory;
  if (!directory) return undefined;
  try {
    if ((await directory.get(customerId)) !== undefined) return undefined;
  } catch {
    return problem('about:blank', 503, 'The customer directory cannot be asked now', {
      detail: 'nothing was sent or confirmed; try again once the directory is back',
      field: 'body.customerId',
    });
  }
  return problem('not-found', 404, 'There is no customer with that id', {
    detail: 'not in the directory (ids are compared exactly, case included); no code was sent',
    field: 'body.customerId',
  });
}

/**
 * Whether the recipient was refused for what the address is, not for the server's state: nodemailer's
 * own refusal (`EENVELOPE` without an SMTP reply) or a reply to RCPT TO of 501 (syntax error in the
 * address, RFC 5321 §4.2.3) or 553 (mailbox name not allowed), as for `"a b"@example.com`. Nothing
 * was delivered, and the address is the caller's input to change, so it is not the server's failure.
 */
function isEnvelopeRefused(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { responseCode, code } = error as { responseCode?: unknown; code?: unknown };
  if (code !== 'EENVELOPE') return false;
  return typeof responseCode !== 'number' || responseCode === 501 || responseCode === 553;
}

/**
 * Whether an error is nodemailer's for a message the transport did not deliver: an SMTP reply
 * (`responseCode`, RFC 5321 §4.2) or one of its failure codes (`ECONNECTION`, `EENVELOPE`,
 * `EMESSAGE`, `ETIMEDOUT`, ...), as its SMTP transport sets them.
 */
function isTransportFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { responseCode, code } = error as { responseCode?: unknown; code?: unknown };
  return typeof responseCode === 'number' || (typeof code === 'string' && /^E[A-Z]+$/.test(code));
}

/** A refused confirmation: the status its reason has, and the reason beside the problem's type. */
function refusal(reason: RefusalReason): Problem & { readonly reason: RefusalReason } {
  const { status, title } = REFUSALS[reason];
  return { ...problem('verification-refused', status, title), reason };
}

/** 422: no code was sent, as the address is stopped for this customer. */
function addressRefused(detail: string): Problem {
  return problem('address-refused', 422, 'No code was sent: the address is stopped for this customer', {
    detail,
    field: 'body.address',
  });
}
