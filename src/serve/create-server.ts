import { randomBytes } from 'node:crypto';
import type { Duplex } from 'node:stream';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifySwagger from '@fastify/swagger';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
  type HTTPMethods,
} from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Transporter } from 'nodemailer';
import { z } from 'zod';
import type { AsyncDirectory } from '../contacts/async-directory.js';
import type { Directory } from '../contacts/create-directory.js';
import { InvalidInputError, isEmailGuardError } from '../errors.js';
import { createGuard, type Guard, type VerifiedAddressSource } from '../guard/create-guard.js';
import type { Locale } from '../guard/verdict.js';
import type { AuditEntry, AuditLog } from '../nodemailer/audit-log.js';
import type { HoldStore } from '../nodemailer/hold-store.js';
import type { Verifier } from '../verification/create-verifier.js';
import { HealthSchema, MAX_PARAM_LENGTH } from './api-schemas.js';
import { registerCheckRoutes } from './check-routes.js';
import { decodeJsonBody } from './decode-json-body.js';
import { registerHoldRoutes } from './hold-routes.js';
import { hostName, isAllowedHost } from './is-allowed-host.js';
import { isLoopbackHost } from './is-loopback-host.js';
import { logSerializers } from './log-serializers.js';
import { withProblemResponses } from './openapi-errors.js';
import { JsonBodyError, parseJsonBody } from './parse-json-body.js';
import { ProblemSchema, problem, sendProblem } from './problem-details.js';
import { registerReviewPages, sendErrorPage } from './review-pages.js';
import { sameSecret, sameSecretAs } from './same-secret.js';
import { createSessionStore, SESSION_COOKIE, type Session, type SessionStore } from './session-store.js';
import { createShownCustomers, type ShownCustomers } from './shown-customers.js';
import { createTokenBuckets, type TokenBuckets } from './token-buckets.js';
import { MIN_TOKEN_LENGTH, tokenStrength } from './token-strength.js';
import { registerVerificationRoutes } from './verification-routes.js';

// The routes a logged-in page may call with its session instead of the bearer token, by method and
// pattern: the checks the order form asks for, and the start and confirmation of a code, since the
// salesperson reads the code back from the customer on the phone. Nothing that changes a held
// message by hand, nor the link's token (the customer's, not the salesperson's), nor the list of a
// customer's verified addresses.
const SESSION_ROUTES: ReadonlySet<string> = new Set([
  'POST /v1/check',
  'POST /v1/check-phone',
  'POST /v1/verifications',
  'POST /v1/verifications/confirm',
]);

/** Options of {@link createServer}. */
export interface ServerOptions {
  /**
   * Every customer's contacts: `createDirectory` (in memory) or `createPostgresDirectory`. Checks
   * that name a `customerId` find the customer here, and every check looks for the address on other
   * customers' records.
   * @default undefined (checks must send the customer record)
   */
  readonly directory?: Directory | AsyncDirectory;
  /**
   * The addresses customers verified by code (`verifiedAddressesIn(store)` of a verifier's store, or
   * the verifier itself). `/v1/check` then answers as the mail pipeline's guard given them does: an
   * address verified for another customer, or a slip of one, is that customer's there too, so the
   * order form never shows a question for what the pipeline blocks.
   * @default undefined (only the directory says whose an address is)
   */
  readonly verifiedAddresses?: VerifiedAddressSource;
  /**
   * Where the mail pipeline keeps held messages (`createFileHoldStore`, `createPostgresHoldStore`),
   * for the `/v1/holds` routes and the review page.
   * @default undefined (the hold routes answer 503)
   */
  readonly holdStore?: HoldStore;
  /**
   * The transporter a release sends through. It must use `nodemailerGuard` with the same hold
   * store, so the final recipients are checked again and the release is audited with who and why.
   * @default undefined (a release answers 503)
   */
  readonly transporter?: Transporter;
  /**
   * Proves new addresses with a code (`createVerifier`), for the `/v1/verifications` routes: built
   * with the same hold store and a transporter guarded by `nodemailerGuard`, so a confirmation
   * releases what was held for the address. Without `verifiedAddresses`, `/v1/check` reads the
   * addresses this verifier proved too.
   * @default undefined (the verification routes answer 503)
   */
  readonly verifier?: Verifier;
  /**
   * The verifications (`POST /v1/verifications`, `POST /v1/verifications/confirm`) a page session
   * (the order form) may make in a row, then one per `refillMs`; past that 429 with `Retry-After`.
   * Each start may mail an address typed in, so a stolen session cookie mails few strangers; a
   * salesperson starts and confirms one or two codes an order. The verifier's own limits (codes per
   * address an hour, wrong codes per challenge) hold for every caller.
   * @default { verifications: 10, refillMs: 30_000 }
   */
  readonly sessionVerificationLimit?: { readonly verifications?: number; readonly refillMs?: number };
  /**
   * The secret every route but `GET /healthz` requires, as `Authorization: Bearer <token>` (the
   * API) or on the login form (the pages). Without one the server is open to anyone who can reach
   * it, so it then listens only on a loopback address (`isLoopbackHost`). Without one, or with one
   * easy to guess (`tokenStrength`: under 32 characters, repeated, digits only, under 128 bits), a
   * socket bound to any other address (by `app.listen` or `app.server.listen`) is closed at once and
   * the listen fails with an `InvalidInputError` naming `token`.
   * @default undefined
   */
  readonly token?: string;
  /**
   * Where discards are recorded (releases are recorded by the transporter's `nodemailerGuard`):
   * the same audit log, so every message a person released or discarded has a line with who and why.
   * @default undefined (discards are not recorded)
   */
  readonly auditLog?: AuditLog;
  /**
   * The held messages whose release was started and never ended (`findReleasesInDoubt` over the
   * JSON-lines audit log): the message may be with the recipient already. The review page marks
   * them, and a release of one is refused (409 `release-in-doubt`) unless it asks for `force`.
   * @default undefined (no release is taken to be in doubt)
   */
  readonly releasesInDoubt?: () => Promise<ReadonlySet<string>>;
  /**
   * The `release-started` line of each of the held messages asked for whose release was started and
   * not ended (`readReleaseStarts` over the JSON-lines audit log, `readPostgresReleaseStarts`): where
   * it went, when, by whom and its Message-ID, which `GET /v1/holds` and `GET /v1/holds/:id` give
   * as `releaseStarted` and the review page shows, so the mail server's log can be searched for it.
   * @default undefined (no release start is named)
   */
  readonly releaseStarts?: (holdIds: readonly string[]) => Promise<ReadonlyMap<string, AuditEntry>>;
  /** The language of finding messages and pages when a request does not ask (`?lang=`). @default 'en' */
  readonly locale?: Locale;
  /**
   * Name the other customer an address or number belongs to, instead of masking it. For a service
   * only staff can reach.
   * @default false
   */
  readonly revealOtherCustomers?: boolean;
  /** The largest request body accepted, in bytes; a larger one is answered 413. @default 65536 */
  readonly bodyLimit?: number;
  /**
   * The log: `false` for none, or a level and where to write (one JSON line per event). It never
   * holds request bodies, subjects or addresses (see `logSerializers`).
   * @default false
   */
  readonly logger?: boolean | { readonly level?: string; readonly stream?: { write(line: string): unknown } };
  /**
   * The key the session cookie is signed with (HMAC-SHA-256).
   * @default 32 random bytes per process (sessions end when the server restarts)
   */
  readonly sessionSecret?: string;
  /**
   * The hook for the order form (`/demo`): called with the server before it starts, to register
   * the form's routes (`registerOrderForm` from `src/serve/order-form/`). The form needs the same
   * login as the review page; its own check calls `POST /v1/check` with the session and its CSRF token.
   * @default undefined (no `/demo`)
   */
  readonly registerOrderForm?: (app: FastifyInstance, context: ServerContext) => void | Promise<void>;
  /**
   * The host names (or addresses) requests may name in their `Host` header besides the loopback
   * ones (`localhost`, `127.0.0.0/8`, `::1`): the name the service is reached by over a network.
   * A request naming another host is answered 421, so a page on another site whose name resolves
   * to this machine (DNS rebinding) cannot use the service.
   * @default [] (loopback names only)
   */
  readonly allowedHosts?: readonly string[];
  /**
   * The logins (`POST /login`, right or wrong) a client address may make in a row, then one per
   * `refillMs`; past that a login is answered 429 with `Retry-After`. The pages' sessions share the
   * order form's search budget, so a new login earns no searches; this keeps the token from being
   * tried over and over.
   * @default { logins: 5, refillMs: 60_000 }
   */
  readonly loginLimit?: { readonly logins?: number; readonly refillMs?: number };
  /**
   * The wrong bearer tokens a client address may send in a row, then one per `refillMs`; past that
   * every request with a bearer token from that address, the right token too, is answered 429 with
   * `Retry-After`, so the token cannot be guessed over the API faster than over the login form.
   * @default { attempts: 10, refillMs: 6_000 }
   */
  readonly tokenLimit?: { readonly attempts?: number; readonly refillMs?: number };
  /**
   * The checks (`POST /v1/check`, `POST /v1/check-phone`) a page session (the order form) may make
   * in a row, then one per `refillMs`; past that it is answered 429 with `Retry-After`. A check of a
   * new customer's record says whether an address is on another customer's record, so a stolen
   * session cookie would otherwise test address after address; a salesperson's form, debounced,
   * checks at most a few times a second while typing and a few dozen times an order. The bearer
   * token's callers (order systems) are not limited so: the token is the whole directory's key.
   * @default { checks: 60, refillMs: 1_000 }
   */
  readonly sessionCheckLimit?: { readonly checks?: number; readonly refillMs?: number };
  /**
   * The proxies in front of the service (addresses or CIDR ranges, `10.0.0.1`, `10.0.0.0/8`, `::1`)
   * whose `X-Forwarded-For` and `X-Forwarded-Proto` are believed: a request from one of them is
   * counted (`loginLimit`, `tokenLimit`) against the client it names, and is HTTPS when the proxy
   * says so. Fastify's own `trustProxy` (proxy-addr) reads the headers. Without it every caller
   * behind a proxy shares the proxy's address, and one caller's wrong tokens lock out all; with a
   * proxy not named here, anyone could name any client address in the header and so escape the limits.
   * @default [] (the headers are not read; the client address is the connection's)
   */
  readonly trustProxy?: readonly string[];
}

/** What the route plugins share: the options, resolved, and a guard per language. */
export interface ServerContext {
  readonly options: ServerOptions;
  readonly locale: Locale;
  /** The guard for a language (made once per language, on first use). */
  guard(locale: Locale): Guard;
  /** Whether a bearer token or a login's token is the server's. `true` for anything when there is none. */
  isToken(given: string | undefined): boolean;
  readonly sessionSecret: string;
  /** The pages' sessions (the review page and the order form share one login). */
  readonly sessions: SessionStore;
  /** The session of a request's signed cookie, when it has a live one. */
  sessionOf(request: FastifyRequest): Session | undefined;
  /** The page session an API request was let in by; `undefined` for the token's callers. */
  apiSessionOf(request: FastifyRequest): Session | undefined;
  /** The customers each page session's search showed it: all that session reaches by id. */
  readonly shown: ShownCustomers;
  /** The logins each client address may still make (`loginLimit`), keyed by `request.ip`. */
  readonly logins: TokenBuckets;
  /**
   * Whether a request's bearer token is the server's, counting a wrong one against the client
   * address (`tokenLimit`): `'limited'` when that address has sent too many wrong ones for now
   * (the 429 is sent), `'absent'` for a request without one.
   */
  bearer(request: FastifyRequest, reply: FastifyReply): 'valid' | 'wrong' | 'absent' | 'limited';
  /**
   * Whether a request may reach a route behind the login: it has a live session or the bearer
   * token. Else the answer is sent, and it is the one a path no route has gets (401, or 429 past
   * the wrong tokens), so a route's name (a script of the order form) cannot be probed.
   */
  admits(request: FastifyRequest, reply: FastifyReply): boolean;
}

/**
 * The `email-guard serve` service as a Fastify instance, not yet listening: the JSON API
 * (`/v1/check`, `/v1/check-phone`, `/v1/holds...`, `/healthz`, `/openapi.json`) and the review page
 * for held messages (`/holds`). Requests and answers are validated and serialized with the zod
 * schemas the OpenAPI description is generated from; errors are RFC 9457 problem details.
 *
 * @example
 * ```ts
 * const app = createServer({ directory, token: process.env.EMAIL_GUARD_TOKEN });
 * const response = await app.inject({
 *   method: 'POST',
 *   url: '/v1/check',
 *   headers: { authorization: `Bearer ${process.env.EMAIL_GUARD_TOKEN}` },
 *   payload: { entered: 'anna.svensson185@gmail.com', customerId: 'C-1001' },
 * });
 * response.json().action; // 'block'
 * ```
 */
export function createServer(options: ServerOptions = {}): FastifyInstance {
  // The first path segments of the routes, filled as routes are added: the log keeps only those of
  // a path no route matched.
  const routeSegments = new Set<string>();
  const logged = options.logger;
  const logger: Exclude<FastifyServerOptions['logger'], undefined> =
    logged === undefined || logged === false
      ? false
      : {
          level: logged === true ? 'info' : (logged.level ?? 'info'),
          // Pino's types ask an error serializer for the message and stack: leaving them out is the point.
          serializers: logSerializers(routeSegments) as never,
          ...(logged !== true && logged.stream ? { stream: logged.stream } : {}),
        };
  const trusted = options.trustProxy ?? [];
  const app = Fastify({
    logger,
    ...(trusted.length > 0 ? { trustProxy: [...trusted] } : {}),
    // Errors the router meets before any route (a path parameter over the length limit, a URL that
    // cannot be decoded) are problem details too, not Fastify's own JSON.
    frameworkErrors: (error, request, reply) => {
      if (error.code === 'FST_ERR_MAX_PARAM_LENGTH' && isPagePath(request.url))
        return sendErrorPage(reply, request.url, options.locale ?? 'en', 414, (texts) =>
          texts.pathTooLong(MAX_PARAM_LENGTH),
        );
      if (error.code === 'FST_ERR_MAX_PARAM_LENGTH')
        return sendProblem(
          reply,
          problem('uri-too-long', 414, 'A path parameter is too long', {
            detail: `at most ${MAX_PARAM_LENGTH} characters`,
            field: 'params.id',
          }),
        );
      return sendProblem(reply, frameworkProblem(error.statusCode ?? 400, error.message, request.url));
    },
    // What Node's HTTP parser refuses before Fastify sees a request (a URL or headers over Node's
    // 16 KB, a line that is no HTTP) is answered on the socket: a problem too, not Fastify's JSON.
    clientErrorHandler: answerClientError,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    bodyLimit: options.bodyLimit ?? 65_536,
    // Never echo a client's request id into the log: ids are the server's own.
    requestIdHeader: false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook('onRoute', (route) => {
    const first = route.url.split('/')[1];
    if (first !== undefined && first !== '' && !/[:*]/.test(first)) routeSegments.add(first);
  });

  const guards = new Map<Locale, Guard>();
  // A verifier's proven addresses are whose they are in the check too, as in the pipeline's guard.
  const verifiedAddresses = options.verifiedAddresses ?? options.verifier;
  const tokenAttempts = createTokenBuckets({
    burst: options.tokenLimit?.attempts ?? 10,
    refillMs: options.tokenLimit?.refillMs ?? 6_000,
  });
  const sessions = createSessionStore();
  // Every request with a bearer token is compared with the server's: its hash is made once.
  const isServerToken = options.token === undefined ? undefined : sameSecretAs(options.token);
  const sessionChecks = createTokenBuckets({
    burst: options.sessionCheckLimit?.checks ?? 60,
    refillMs: options.sessionCheckLimit?.refillMs ?? 1_000,
  });
  const apiSessions = new WeakMap<FastifyRequest, Session>();
  const context: ServerContext = {
    options,
    locale: options.locale ?? 'en',
    guard(locale) {
      let guard = guards.get(locale);
      if (!guard) {
        guard = createGuard({
          ...(options.directory ? { directory: options.directory } : {}),
          ...(verifiedAddresses ? { verifiedAddresses } : {}),
          locale,
          revealOtherCustomers: options.revealOtherCustomers ?? false,
        });
        guards.set(locale, guard);
      }
      return guard;
    },
    isToken(given) {
      if (options.token === undefined) return true;
      return given !== undefined && isServerToken?.(given) === true;
    },
    sessionSecret: options.sessionSecret ?? randomBytes(32).toString('base64url'),
    sessions,
    logins: createTokenBuckets({
      burst: options.loginLimit?.logins ?? 5,
      refillMs: options.loginLimit?.refillMs ?? 60_000,
    }),
    apiSessionOf: (request) => apiSessions.get(request),
    shown: createShownCustomers(),
    bearer(request, reply) {
      const given = bearerToken(request.headers.authorization);
      if (options.token === undefined) return 'valid';
      if (given === undefined) return 'absent';
      // Peek first: from an address past its wrong tokens not even the right one is tried, else
      // the guessing would go on with a 429 for each wrong guess and a 200 for the right one.
      const left = tokenAttempts.peek(request.ip);
      if (!left.allowed) {
        tooManyTokens(reply, left.retryAfterSeconds);
        return 'limited';
      }
      if (isServerToken?.(given)) return 'valid';
      tokenAttempts.take(request.ip);
      return 'wrong';
    },
    admits(request, reply) {
      if (context.sessionOf(request) !== undefined) return true;
      const bearer = context.bearer(request, reply);
      if (bearer === 'valid') return true;
      if (bearer !== 'limited') sendUnauthorized(reply);
      return false;
    },
    sessionOf(request) {
      const raw = request.cookies[SESSION_COOKIE];
      if (!raw) return undefined;
      const unsigned = request.unsignCookie(raw);
      return unsigned.valid && unsigned.value ? sessions.get(unsigned.value) : undefined;
    },
  };

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      // Fastify calls the query `querystring`; the problems and docs/serve.md call it `query`.
      const part = error.validationContext === 'querystring' ? 'query' : (error.validationContext ?? 'body');
      const errors = error.validation.map((issue) => ({
        field: [part, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
        message: issue.message ?? 'invalid',
      }));
      return sendProblem(
        reply,
        problem('invalid-input', 400, 'The request does not match the API schema', {
          detail: errors.map((entry) => `${entry.field}: ${entry.message}`).join('; '),
          ...(errors[0] ? { field: errors[0].field } : {}),
          errors,
        }),
      );
    }
    if (isEmailGuardError(error, 'INVALID_INPUT')) {
      const issues = (error as unknown as { issues: { path: (string | number)[]; message: string }[] })
        .issues;
      const errors = issues.map((issue) => ({
        field: ['body', ...issue.path].join('.'),
        message: issue.message,
      }));
      return sendProblem(
        reply,
        problem('invalid-input', 400, 'The request does not match the API schema', {
          detail: error.message,
          ...(errors[0] ? { field: errors[0].field } : {}),
          errors,
        }),
      );
    }
    if (error instanceof JsonBodyError)
      return sendProblem(
        reply,
        problem(
          error.statusCode === 415 ? 'unsupported-media-type' : 'invalid-input',
          error.statusCode,
          error.title,
          {
            detail: error.detail,
            field: error.field,
            errors: [{ field: error.field, message: error.detail }],
          },
        ),
      );
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendProblem(
        reply,
        problem('body-too-large', 413, 'The request body is too large', {
          detail: `at most ${options.bodyLimit ?? 65_536} bytes`,
          field: 'body',
        }),
      );
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (an empty body, a body that is not JSON, a `__proto__` key, an
      // unsupported media type): their messages say what is wrong and quote none of the request.
      return sendProblem(reply, frameworkProblem(status, error.message, request.url));
    }
    // The hold store could not answer (its database out of reach, no connection free in the pool
    // within its connectionTimeoutMillis, a folder that cannot be read): the service cannot serve
    // the request now and it may be tried again (RFC 9110 §15.6.4, 503), with the store's own words
    // for what to mend. They name hold ids and the cause, never a message's content.
    if (isEmailGuardError(error, 'HOLD_STORE_FAILED')) {
      request.log.error({ err: error }, 'hold store failed');
      return sendProblem(
        reply,
        problem('hold-store-unavailable', 503, 'The hold store cannot be read or written now', {
          detail: error.message,
        }),
      );
    }
    request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, problem('internal', 500, 'The server failed; nothing was sent'));
  });

  const allowedHosts = options.allowedHosts ?? [];
  // A service is reached by one or two Host headers: each is judged once, not parsed on every
  // request. Bounded, since the header is the client's: a flood of new ones only empties it.
  const judgedHosts = new Map<string, boolean>();
  const isAllowed = (host: string | undefined): boolean => {
    if (host === undefined) return false;
    let allowed = judgedHosts.get(host);
    if (allowed === undefined) {
      allowed = isAllowedHost(host, allowedHosts);
      if (judgedHosts.size >= 64) judgedHosts.clear();
      judgedHosts.set(host, allowed);
    }
    return allowed;
  };
  // Before every route, the health check and the pages included: DNS rebinding reaches them all.
  app.addHook('onRequest', async (request, reply) => {
    const host = request.headers.host;
    if (!isAllowed(host))
      return sendProblem(
        reply,
        problem('misdirected-request', 421, 'This server does not answer for that host name', {
          detail: 'reach it by a loopback address or a name given with --allowed-host',
          field: 'headers.host',
        }),
      );
    // A browser sends Origin on every cross-origin POST (Fetch standard §3.1): a form or script of
    // another site must not change anything here, whatever credentials the browser holds.
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const origin = request.headers.origin;
      if (origin !== undefined && !isSameOrigin(origin, host ?? ''))
        return sendProblem(
          reply,
          problem('cross-origin', 403, 'A request from another site may not change anything here', {
            field: 'headers.origin',
          }),
        );
    }
  });

  app.setNotFoundHandler((request, reply) => {
    // Without the token or a session no route is named, not even as missing: an unknown path is
    // answered like a known one, so the routes cannot be probed.
    if (!context.admits(request, reply)) return reply;
    return sendProblem(reply, noSuchRoute());
  });

  app.register(fastifyCookie, { secret: context.sessionSecret });
  app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'email-guard',
        description:
          'Checks an address or phone number for the customer an order is for, proves an address new to the customer with a code, and reviews the messages the mail pipeline held.',
        version: '1',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    // The pages are HTML for people; the description is of the JSON API.
    hideUntagged: true,
  });

  // Browsers ask every site for /favicon.ico (HTML Standard §4.6.6.8, the default icon): an empty
  // answer, without the token, instead of a 401 or 404 on every page.
  app.get('/favicon.ico', { schema: { hide: true } as object }, async (_request, reply) =>
    reply.code(204).header('cache-control', 'public, max-age=86400').send(),
  );

  // Registered after @fastify/swagger, so its onRoute hook sees the route for /openapi.json.
  app.register(async (health) => {
    health
      .withTypeProvider<ZodTypeProvider>()
      .get(
        '/healthz',
        { schema: { tags: ['health'], security: [], response: { 200: HealthSchema } } },
        async () => ({ status: 'ok' as const }),
      );
  });

  app.register(async (api) => {
    api.addHook('onRequest', async (request, reply) => {
      const token = bearerToken(request.headers.authorization);
      const bearer = context.bearer(request, reply);
      if (bearer === 'limited') return reply;
      if (bearer === 'valid') return;
      // The order form's own check: the session cookie alone would let any page that makes the
      // browser post here use it (OWASP CSRF Prevention Cheat Sheet), so the session's CSRF token
      // must come too, in a header another site cannot set without a CORS preflight (Fetch §4.8).
      const session =
        token !== undefined || !SESSION_ROUTES.has(`${request.method} ${request.routeOptions.url ?? ''}`)
          ? undefined
          : context.sessionOf(request);
      if (session) {
        const csrf = request.headers['x-csrf-token'];
        if (typeof csrf === 'string' && sameSecret(csrf, session.csrf)) {
          // Keyed by the session: a stolen cookie is one session, and a new one costs a login.
          const spent = sessionChecks.take(session.id);
          if (!spent.allowed) {
            reply.header('retry-after', String(spent.retryAfterSeconds));
            return sendProblem(
              reply,
              problem('too-many-requests', 429, 'Too many checks from this session for now', {
                detail: `check again in ${spent.retryAfterSeconds} s`,
              }),
            );
          }
          // The routes then limit the session to the customers its search showed it.
          apiSessions.set(request, session);
          return;
        }
        // The session is live, so no login is missing (401): what is missing is the proof the page
        // sent it. 403, as the pages answer a form with another CSRF token (OWASP CSRF Prevention
        // Cheat Sheet); a page left open after a login elsewhere (a new session) meets it too.
        return sendProblem(
          reply,
          problem('csrf-mismatch', 403, "The page's CSRF token is required with its session", {
            detail: 'send X-CSRF-Token: <the token the page carries> with the session cookie',
            field: 'headers.x-csrf-token',
          }),
        );
      }
      return sendUnauthorized(reply);
    });
    // The API takes JSON only (the schemas describe JSON bodies): Fastify's own text/plain parser is
    // removed here, and form bodies are parsed only for the pages, so anything else is answered 415.
    api.removeContentTypeParser('text/plain');
    // Fastify's own JSON parser answers an empty body, broken JSON and a `__proto__` key alike with
    // "Body is not valid JSON": this one says which, where, and which key. A discard has nothing to
    // send, so an empty body is none there; a release needs its body.
    api.removeContentTypeParser('application/json');
    api.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
      try {
        const allowEmpty = request.routeOptions.url === '/v1/holds/:id/discard';
        const text = decodeJsonBody(body as Buffer, {
          contentType: request.headers['content-type'],
          contentEncoding: request.headers['content-encoding'],
        });
        done(null, parseJsonBody(text, { allowEmpty }));
      } catch (error) {
        done(error as JsonBodyError, undefined);
      }
    });
    api.get('/openapi.json', { schema: { hide: true } as object }, async () =>
      withProblemResponses(structuredClone(app.swagger()), z.toJSONSchema(ProblemSchema)),
    );
    const methods = new Map<string, Set<string>>();
    api.addHook('onRoute', (route) => {
      const known = methods.get(route.url) ?? new Set<string>();
      for (const method of [route.method].flat()) known.add(method);
      methods.set(route.url, known);
    });
    await registerCheckRoutes(api.withTypeProvider<ZodTypeProvider>(), context);
    await registerHoldRoutes(api.withTypeProvider<ZodTypeProvider>(), context);
    await registerVerificationRoutes(api.withTypeProvider<ZodTypeProvider>(), context);
    // A known route asked with another method is 405 with the methods it takes (RFC 9110 §15.5.6),
    // after the token like any route, so the routes still cannot be probed without it.
    for (const [url, allowed] of [...methods]) {
      const others = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH'].filter(
        (method) => !allowed.has(method),
      );
      if (others.length === 0) continue;
      const allow = [...allowed].join(', ');
      api.route({
        method: others as HTTPMethods[],
        url,
        schema: { hide: true } as object,
        handler: async (_request, reply) => {
          reply.header('allow', allow);
          return sendProblem(
            reply,
            problem('method-not-allowed', 405, `This route takes ${allow} only`, {
              detail: `send ${allow}`,
              field: 'method',
            }),
          );
        },
      });
    }
  });

  // Form bodies for the pages' HTML forms only; registered inside their plugin, so the API never
  // parses one.
  app.register(async (pages) => {
    await pages.register(fastifyFormbody, { bodyLimit: options.bodyLimit ?? 65_536 });
    // ...and nothing else: a JSON or text body is answered 415 (docs/serve.md), not read as a form.
    pages.removeContentTypeParser(['application/json', 'text/plain']);
    await registerReviewPages(pages, context);
  });

  refuseOffLoopbackWithoutStrongToken(app.server, options.token);

  // The hook for the order form (/demo): src/serve/order-form/ registers its routes through
  // ServerOptions.registerOrderForm; this server writes none of them.
  const { registerOrderForm } = options;
  if (registerOrderForm) app.register(async (form) => registerOrderForm(form, context));

  return app;
}

/**
 * Makes the server refuse an address other machines reach (`0.0.0.0`, `::`, an interface's own)
 * without a token, or with one a person could guess, as `email-guard serve` does: without a token
 * anyone who reaches the port reads held mail, and OWASP ASVS 4.0 V2.9 and V3.5 ask for secrets of
 * at least 128 bits (`tokenStrength`). The rule sits where the socket is bound, not in Fastify's
 * `listen`, so `app.server.listen(...)` is held to it too: the address is read once bound, and the
 * `listening` event (Node emits it on the next tick, before any connection is accepted) becomes an
 * `error` with an `InvalidInputError` naming `token`, the way a port in use is reported; the socket
 * is closed. A Unix socket path is this machine's own.
 */
function refuseOffLoopbackWithoutStrongToken(
  server: FastifyInstance['server'],
  token: string | undefined,
): void {
  const weakness = token === undefined ? 'missing' : tokenStrength(token).weakness;
  if (weakness === undefined) return;
  const emit = server.emit.bind(server) as (event: string | symbol, ...args: unknown[]) => boolean;
  server.emit = ((event: string | symbol, ...args: unknown[]): boolean => {
    if (event !== 'listening') return emit(event, ...args);
    const bound = server.address();
    if (bound === null || typeof bound === 'string' || isLoopbackHost(bound.address))
      return emit(event, ...args);
    const host = bound.address;
    const message =
      token === undefined
        ? `without a token the server listens on loopback only, not ${host}: give createServer a token (openssl rand -hex 32), or listen on 127.0.0.1`
        : weakness === 'too-short'
          ? `the token has ${[...token].length} characters; off loopback (${host}) it needs at least ${MIN_TOKEN_LENGTH} random ones (openssl rand -hex 32)`
          : `the token is too easy to guess (${weakness}); off loopback (${host}) use a random one (openssl rand -hex 32)`;
    server.close();
    return emit('error', new InvalidInputError([{ path: ['token'], code: weakness, message }]));
  }) as typeof server.emit;
}

/** Whether a path is one of the review pages' (read by a person), not the API's. */
function isPagePath(url: string): boolean {
  return url === '/holds' || url.startsWith('/holds/') || url.startsWith('/holds?');
}

/** The token of an `Authorization: Bearer` header (RFC 6750 §2.1; the scheme is case-insensitive). */
function bearerToken(header: string | undefined): string | undefined {
  const match = typeof header === 'string' ? /^Bearer +(\S+) *$/i.exec(header) : null;
  return match?.[1];
}

function sendUnauthorized(reply: FastifyReply): FastifyReply {
  reply.header('www-authenticate', 'Bearer realm="email-guard"');
  return sendProblem(
    reply,
    problem('unauthorized', 401, 'A valid token is required', {
      detail: 'send Authorization: Bearer <EMAIL_GUARD_TOKEN>',
      field: 'headers.authorization',
    }),
  );
}

/** 429 with `Retry-After` (RFC 6585 §4): too many wrong tokens from the client's address for now. */
function tooManyTokens(reply: FastifyReply, seconds: number): FastifyReply {
  reply.header('retry-after', String(seconds));
  return sendProblem(
    reply,
    problem('too-many-requests', 429, 'Too many wrong tokens from this address for now', {
      detail: `send a token again in ${seconds} s`,
      field: 'headers.authorization',
    }),
  );
}

/**
 * Node's `clientError` (Node http docs): the request never became one, so the answer is written to
 * the socket by hand, as Fastify's own default does, but as RFC 9457 problem details: 431 for a
 * request line or headers over the limit (RFC 6585 §5), 408 for one too slow, else 400.
 */
function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, body] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? ([
          431,
          'Request Header Fields Too Large',
          problem('headers-too-large', 431, 'The request line or headers are too large', {
            detail: 'the URL with its query and the headers together must stay under 16 KB',
            field: 'headers',
          }),
        ] as const)
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? ([
            408,
            'Request Timeout',
            problem('request-timeout', 408, 'The request took too long to arrive'),
          ] as const)
        : ([
            400,
            'Bad Request',
            problem('bad-request', 400, 'The request is not HTTP the server can read'),
          ] as const);
  const text = JSON.stringify(body);
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Length: ${Buffer.byteLength(text)}\r\nContent-Type: application/problem+json; charset=utf-8\r\nConnection: close\r\n\r\n${text}`,
    );
  socket.destroy(error);
}

function frameworkProblem(status: number, message: string, url: string) {
  // The API takes JSON only; the pages take their forms (see the API's content-type parsers).
  if (status === 415)
    return url.startsWith('/v1/')
      ? problem('unsupported-media-type', 415, 'The request body must be JSON', {
          detail: 'send Content-Type: application/json',
          field: 'headers.content-type',
        })
      : problem('unsupported-media-type', 415, 'A page takes its own form only', {
          detail: 'send Content-Type: application/x-www-form-urlencoded',
          field: 'headers.content-type',
        });
  if (status === 413) return problem('body-too-large', 413, message, { field: 'body' });
  if (status === 404) return noSuchRoute();
  return problem('invalid-input', status, message, { field: 'body' });
}

/** 404 for a path no route has: the path is what is at fault. */
function noSuchRoute() {
  return problem('not-found', 404, 'There is no such route', {
    detail: 'see GET /openapi.json for the routes',
    field: 'path',
  });
}

/** Whether an `Origin` header (RFC 6454 §7) names the host the request was sent to. */
function isSameOrigin(origin: string, host: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    // `null` (a sandboxed page, a redirect across sites) and anything unparsable.
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const port = host.trim().match(/:(\d+)$/)?.[1];
  const defaultPort = url.protocol === 'https:' ? '443' : '80';
  const hostPort = port ?? defaultPort;
  const originPort = url.port || defaultPort;
  return hostName(url.host) === hostName(host) && originPort === hostPort;
}
