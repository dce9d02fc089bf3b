import { HeldMessageNotLockedError, isEmailGuardError } from '../errors.js';
import type { AuditEntry } from '../nodemailer/audit-log.js';
import { discardAndRecord } from '../nodemailer/discard-and-record.js';
import { heldAge } from '../nodemailer/held-age.js';
import type { HeldMessageWithRaw } from '../nodemailer/hold-store.js';
import { isConfirmedForOtherCustomer } from '../nodemailer/stopped-when-held.js';
import {
  DiscardRequestSchema,
  DiscardResponseSchema,
  HeldDetailSchema,
  HeldListSchema,
  HeldMessageSchema,
  HoldParamsSchema,
  HoldsQuerySchema,
  heldBody,
  ReleaseRequestSchema,
  ReleaseResponseSchema,
} from './api-schemas.js';
import type { ServerContext } from './create-server.js';
import { localizedHeld } from './localized-held.js';
import { ProblemSchema, problem, sendProblem } from './problem-details.js';
import { readHeldMessage } from './read-held-message.js';
import { auditLogFailed, noSuchMessage, notConfigured, releaseHeld } from './release-held.js';
import { type ReleaseStarted, releasesStarted } from './releases-started.js';
import { requestLocale } from './request-locale.js';
import { unreadableHolds } from './unreadable-holds.js';
import type { ZodApp } from './zod-app.js';

const problems = { 400: ProblemSchema, 401: ProblemSchema, 404: ProblemSchema, 503: ProblemSchema };

/** A held message, or `undefined` when the store has none with that id (or the id is not one of its). */
export async function findHeld(context: ServerContext, id: string): Promise<HeldMessageWithRaw | undefined> {
  const store = context.options.holdStore;
  if (!store) return undefined;
  return store.get(id).catch((error: unknown) => {
    if (isEmailGuardError(error, 'INVALID_INPUT')) return undefined;
    throw error;
  });
}

/**
 * `GET /v1/holds`, `GET /v1/holds/:id`, `POST /v1/holds/:id/release`, `POST /v1/holds/:id/discard`:
 * the hold store over HTTP. Release and discard are the store's own, so a message is sent at most
 * once whichever request or process gets there first.
 */
export async function registerHoldRoutes(app: ZodApp, context: ServerContext): Promise<void> {
  app.get(
    '/v1/holds',
    {
      schema: {
        tags: ['holds'],
        summary: 'Every held message, oldest first, with its age, recipients, findings and suggestion',
        querystring: HoldsQuerySchema,
        // The list names no message, so it has no 404 to answer.
        response: { 200: HeldListSchema, 400: ProblemSchema, 401: ProblemSchema, 503: ProblemSchema },
      },
    },
    async (request, reply) => {
      const store = context.options.holdStore;
      if (!store) return sendProblem(reply, notConfigured('hold store', '--holds DIR'));
      const now = Date.now();
      // Findings are worded again in the language asked for, whatever language held them.
      const locale = requestLocale(request, context.locale);
      reply.header('vary', 'Accept-Language');
      const inDoubt = (await context.options.releasesInDoubt?.()) ?? new Set<string>();
      const entries = await store.list();
      const started = await releasesStarted(context, entries, inDoubt);
      const held = entries.map((entry) =>
        heldBody(HeldMessageSchema, {
          ...localizedHeld(entry, locale),
          age: heldAge(entry.heldAt, now),
          ...(inDoubt.has(entry.id) ? { releaseInDoubt: true } : {}),
          ...releaseStartedOf(started, entry.id),
          ...(isConfirmedForOtherCustomer(entry) ? { confirmedForOtherCustomer: true } : {}),
        }),
      );
      const unreadable = await unreadableHolds(store);
      return {
        held,
        ...(unreadable.length === 0
          ? {}
          : { unreadable: unreadable.map(({ id, code, message }) => ({ id, code, message })) }),
      };
    },
  );

  app.get(
    '/v1/holds/:id',
    {
      schema: {
        tags: ['holds'],
        summary: 'One held message: its recipients and findings, its headers and its body as text',
        params: HoldParamsSchema,
        querystring: HoldsQuerySchema,
        response: { 200: HeldDetailSchema, ...problems },
      },
    },
    async (request, reply) => {
      if (!context.options.holdStore) return sendProblem(reply, notConfigured('hold store', '--holds DIR'));
      const held = await findHeld(context, request.params.id);
      if (!held) return sendProblem(reply, noSuchMessage());
      const { raw, ...listed } = held;
      const content = await readHeldMessage(raw);
      reply.header('vary', 'Accept-Language');
      const locale = requestLocale(request, context.locale);
      const inDoubt = (await context.options.releasesInDoubt?.()) ?? new Set<string>();
      const started = await releasesStarted(context, [held], inDoubt);
      return heldBody(HeldDetailSchema, {
        ...localizedHeld(listed, locale),
        age: heldAge(held.heldAt),
        ...(inDoubt.has(held.id) ? { releaseInDoubt: true } : {}),
        ...releaseStartedOf(started, held.id),
        ...(isConfirmedForOtherCustomer(held) ? { confirmedForOtherCustomer: true } : {}),
        ...content,
      });
    },
  );

  app.post(
    '/v1/holds/:id/release',
    {
      schema: {
        tags: ['holds'],
        summary:
          'Send a held message, to corrected recipients when given; they are checked again, and who and why are recorded',
        params: HoldParamsSchema,
        body: ReleaseRequestSchema,
        response: {
          200: ReleaseResponseSchema,
          ...problems,
          409: ProblemSchema,
          422: ProblemSchema,
          502: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const outcome = await releaseHeld(
        context,
        request.params.id,
        request.body,
        requestLocale(request, context.locale),
      );
      if ('problem' in outcome) return sendProblem(reply, outcome.problem);
      const { id, messageId, envelope } = outcome.released;
      request.log.info({ holdId: id }, 'held message released');
      return {
        id,
        ...(messageId === undefined ? {} : { messageId }),
        envelope: { ...envelope, to: [...envelope.to] },
      };
    },
  );

  app.post(
    '/v1/holds/:id/discard',
    {
      schema: {
        tags: ['holds'],
        summary: 'Remove a held message without sending it',
        params: HoldParamsSchema,
        body: DiscardRequestSchema,
        response: { 200: DiscardResponseSchema, ...problems, 409: ProblemSchema },
      },
    },
    async (request, reply) => {
      const given = request.body ?? {};
      const outcome = await discardHeld(context, request.params.id, {
        by: given.by ?? 'api',
        reason: given.reason ?? 'POST /v1/holds/:id/discard',
        where: 'api',
        ...(given.force ? { force: true } : {}),
      });
      if ('problem' in outcome) return sendProblem(reply, outcome.problem);
      request.log.info({ holdId: request.params.id }, 'held message discarded');
      return { id: request.params.id, discarded: true as const };
    },
  );
}

/** `releaseStarted` of a listed entry, when its release was started and not ended. */
function releaseStartedOf(started: ReadonlyMap<string, ReleaseStarted>, id: string) {
  const start = started.get(id);
  return start ? { releaseStarted: start } : {};
}

/**
 * Discards a held message through the store and records who, why and where in the audit log; a
 * message being released is not discarded (409), nor one whose release is in doubt without `force`
 * (409 `release-in-doubt`), as `holds discard` asks for `--force`: the reviewer first reads in the
 * mail server's log whether it was delivered, which a discard does not undo.
 */
export async function discardHeld(
  context: ServerContext,
  id: string,
  discard: NonNullable<AuditEntry['discard']>,
): Promise<{ readonly discarded: true } | { readonly problem: ReturnType<typeof problem> }> {
  const store = context.options.holdStore;
  if (!store) return { problem: notConfigured('hold store', '--holds DIR') };
  if (!discard.force && (await context.options.releasesInDoubt?.())?.has(id))
    return {
      problem: problem(
        'release-in-doubt',
        409,
        'An earlier release of this message was started and never ended; it may have been delivered',
        {
          detail:
            'check the mail server\'s log, then discard it with "force": true; a discard does not call back a message that was delivered',
          field: 'body.force',
        },
      ),
    };
  try {
    if (!(await discardAndRecord(store, context.options.auditLog, id, discard)))
      return { problem: noSuchMessage() };
    return { discarded: true };
  } catch (error) {
    if (isEmailGuardError(error, 'INVALID_INPUT')) return { problem: noSuchMessage() };
    if (isEmailGuardError(error, 'AUDIT_LOG_FAILED')) return { problem: auditLogFailed() };
    // A store that cannot take the lock (no right to write, a full disk) is not another request
    // holding it: the server's handler answers 503 hold-store-unavailable with the cause.
    if (error instanceof HeldMessageNotLockedError) throw error;
    if (isEmailGuardError(error, 'HOLD_STORE_FAILED'))
      return {
        problem: problem('conflict', 409, 'The message is being released; it cannot be discarded now', {
          field: 'params.id',
        }),
      };
    throw error;
  }
}
