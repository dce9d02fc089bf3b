import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyFormbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Customer } from '../../contacts/customer.js';
import { isEmailGuardError } from '../../errors.js';
import type { Locale, Verdict } from '../../guard/verdict.js';
import { parsePhone } from '../../phone/parse-phone.js';
import { toE164 } from '../../phone/to-e164.js';
import type { ServerContext } from '../create-server.js';
import { problem, sendProblem } from '../problem-details.js';
import { sameSecret } from '../same-secret.js';
import type { Session } from '../session-store.js';
import { type CustomerHit, findCustomers } from './find-customers.js';
import { isCalendarDate } from './is-calendar-date.js';
import { orderFormText } from './order-form-text.js';
import { type OrderFormValues, renderOrderForm } from './render-order-form.js';
import { createSearchBudget, type SearchBudgetOptions } from './search-budget.js';

/** Options of {@link createOrderForm}. */
export interface OrderFormOptions {
  /**
   * The folder of the built order-form script (`order-form.js` and its chunks).
   * @default the package's `dist/order-form/`
   */
  readonly scriptDir?: string;
  /** The most customers one search answers with. @default 10 */
  readonly searchLimit?: number;
  /**
   * The searches for a customer, shared by every session of the token: so many in a row, then one
   * per `refillMs`; past it a search showing new customers is answered 429 with `Retry-After`.
   * @default { searches: 20, refillMs: 20_000 } (`SEARCH_BUDGET_DEFAULTS`)
   */
  readonly searchBudget?: SearchBudgetOptions;
}

// A script name as the browser build writes them (`order-form.js`, `phone-numbers-Ab3_x.js`):
// nothing else in the folder is served.
const SCRIPT_NAME = /^[\w-]+\.js$/;

// The page's own script is its only script; its calls go to this origin only.
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const FORM_FIELDS = ['customer', 'name', 'birthDate', 'phone', 'email'] as const;

/**
 * The order form (`GET /demo`) as the hook `createServer({ registerOrderForm })` takes: the
 * server-rendered form and its one script, the browser build of the check. An existing customer is
 * found by their whole id or three letters of a word of their name through `GET /demo/customers?q=`
 * (at most `searchLimit` a search, `searchBudget` searches for the token as a whole), and the record of a customer
 * the search showed is fetched from `GET /demo/customers/:id` for the page's own check; the
 * script then asks `POST /v1/check` for the directory's findings. Without script the form posts to
 * `POST /demo/check`, which renders the verdict in the page. Everything needs the review page's
 * login (a visitor without a session is sent to `/login`; the scripts and the customer routes answer
 * one without it 401, as a path no route has, so their names cannot be probed); the script sends the session's CSRF
 * token in `X-CSRF-Token`, the plain form in its `csrf` field. `?lang=sv` or `?lang=en` picks the
 * language.
 *
 * @example
 * ```ts
 * const app = createServer({ directory, registerOrderForm: createOrderForm() });
 * ```
 */
export function createOrderForm(
  options: OrderFormOptions = {},
): (app: FastifyInstance, context: ServerContext) => Promise<void> {
  const scriptDir = options.scriptDir ?? fileURLToPath(new URL('./order-form/', import.meta.url));
  const searchLimit = options.searchLimit ?? 10;
  return async (app, context) => {
    // One budget per server: the token's searches, every session's and the script's and the plain
    // form's together, so logging in again earns none.
    const budget = createSearchBudget(options.searchBudget, context.shown);
    // Read once: the build does not change under a running server.
    const scripts = new Map(
      (existsSync(scriptDir) ? readdirSync(scriptDir) : [])
        .filter((name) => SCRIPT_NAME.test(name))
        .map((name) => [name, readFileSync(join(scriptDir, name))] as const),
    );
    // The no-script form posts a form body; only this plugin's routes parse one.
    await app.register(fastifyFormbody, { bodyLimit: context.options.bodyLimit ?? 65_536 });
    // ...and nothing else: a JSON or text body is answered 415 (docs/serve.md), not read as an empty form.
    app.removeContentTypeParser(['application/json', 'text/plain']);

    const localeOf = (request: FastifyRequest): Locale => {
      const lang = (request.query as { lang?: unknown } | undefined)?.lang;
      return lang === 'sv' || lang === 'en' ? lang : context.locale;
    };
    const toLogin = (reply: FastifyReply, locale: Locale) =>
      reply
        .code(303)
        .header('location', `/login?lang=${locale}&next=%2Fdemo`)
        .header('cache-control', 'no-store')
        .send();
    const sendForm = (
      reply: FastifyReply,
      locale: Locale,
      session: Session,
      filled?: {
        readonly values: OrderFormValues;
        readonly result: Verdict | string;
        readonly picked?: string;
        readonly birthDateError?: string;
        readonly phoneVerdict?: Verdict;
      },
    ) =>
      reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-security-policy', CONTENT_SECURITY_POLICY)
        .header('referrer-policy', 'same-origin')
        .send(
          renderOrderForm({
            locale,
            scriptUrl: '/demo/order-form.js',
            checkUrl: '/v1/check',
            searchUrl: '/demo/customers',
            fallbackUrl: `/demo/check?lang=${locale}`,
            csrf: session.csrf,
            user: session.user,
            ...(context.options.verifier ? { verifyUrl: '/v1/verifications' } : {}),
            ...(filled ?? {}),
          }),
        );

    /** The customer of this whole id, when a search already showed them to the session. */
    const shownBefore = async (session: Session, query: string): Promise<CustomerHit | undefined> => {
      const id = query.trim();
      if (!budget.offered(session, id)) return undefined;
      const shown = await context.options.directory?.get(id);
      return shown ? { id: shown.id, ...(shown.name ? { name: shown.name } : {}) } : undefined;
    };

    /**
     * Whether a search showed the session nobody new: it costs no search, so it is answered also
     * when the searches are spent (typing more of a name already listed). One that found nobody is
     * not: else guessing would be free.
     */
    const onlyShown = (session: Session, hits: readonly CustomerHit[]): boolean =>
      hits.length > 0 && hits.every((hit) => budget.offered(session, hit.id));

    /**
     * The session of a call from the page's script: the cookie alone would let any page that makes
     * the browser send it read a customer (OWASP CSRF Prevention Cheat Sheet), so the session's CSRF
     * token must come too, in a header another site cannot set without a CORS preflight (Fetch §4.8).
     */
    const scriptSession = (request: FastifyRequest, reply: FastifyReply): Session | undefined => {
      // Without a session or the token, answered as a path no route has: the route is not named.
      if (!context.admits(request, reply)) return undefined;
      const session = context.sessionOf(request);
      const csrf = request.headers['x-csrf-token'];
      if (session && typeof csrf === 'string' && sameSecret(csrf, session.csrf)) return session;
      reply.header('cache-control', 'no-store');
      sendProblem(
        reply,
        problem('unauthorized', 401, "The page's session and its CSRF token are required", {
          detail: 'log in at /login, then send X-CSRF-Token: <the token the page carries>',
          field: session ? 'headers.x-csrf-token' : 'headers.cookie',
        }),
      );
      return undefined;
    };

    app.get('/demo', async (request, reply) => {
      const locale = localeOf(request);
      const session = context.sessionOf(request);
      if (!session) return toLogin(reply, locale);
      // Run from the sources (no `npm run build`), the server has the API but no form script.
      if (!scripts.has('order-form.js'))
        return reply
          .code(503)
          .header('content-type', 'text/plain; charset=utf-8')
          .send(`The order form's script is not built: no order-form.js in ${scriptDir} (npm run build).`);
      return sendForm(reply, locale, session);
    });

    // The search for an existing customer: ids and names only, a few at a time, a few times.
    app.get<{ Querystring: { q?: string } }>('/demo/customers', async (request, reply) => {
      const session = scriptSession(request, reply);
      if (!session) return reply;
      reply.header('cache-control', 'no-store');
      const query = typeof request.query.q === 'string' ? request.query.q.slice(0, 200) : '';
      // A customer this session was already shown, by their whole id, costs no search, also when
      // the searches are spent: what the 429's advice offers.
      const again = await shownBefore(session, query);
      if (again) return reply.send({ customers: [again], more: false });
      const spent = budget.allows();
      const found = await findCustomers(context.options.directory, query, { limit: searchLimit });
      if (!spent.allowed)
        return onlyShown(session, found.customers)
          ? reply.send(found)
          : tooManySearches(reply, spent.retryAfterSeconds);
      budget.spend(
        session,
        found.customers.map((hit) => hit.id),
      );
      return reply.send(found);
    });

    // The record of the customer the salesperson picked: what the page's own check compares with.
    // Only a customer this session's search showed: an id guessed is answered as one not there.
    app.get<{ Params: { id: string } }>('/demo/customers/:id', async (request, reply) => {
      const session = scriptSession(request, reply);
      if (!session) return reply;
      const found = budget.offered(session, request.params.id)
        ? await context.options.directory?.get(request.params.id)
        : undefined;
      if (!found)
        return sendProblem(
          reply,
          problem('not-found', 404, 'There is no customer with that id', { field: 'params.id' }),
        );
      return reply.header('cache-control', 'no-store').send({
        id: found.id,
        ...(found.name ? { name: found.name } : {}),
        emails: [...found.emails],
        // The directory keeps numbers in E.164; the salesperson reads and types them as at home.
        phones: found.phones.map((phone) => writtenPhone(phone, found.country ?? 'SE')),
        ...(found.birthDate ? { birthDate: found.birthDate } : {}),
        ...(found.country ? { country: found.country } : {}),
      });
    });

    // The form without script: the same check on the server, the verdict rendered in the page.
    app.post('/demo/check', async (request, reply) => {
      const locale = localeOf(request);
      const session = context.sessionOf(request);
      if (!session) return toLogin(reply, locale);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const text = (name: string): string => {
        const value = body[name];
        const first = Array.isArray(value) ? value[0] : value;
        return typeof first === 'string' ? first : '';
      };
      const values = Object.fromEntries(
        FORM_FIELDS.map((name) => [name, text(name)]),
      ) as unknown as OrderFormValues;
      // The suggestion's button carries the suggested address (or number): the salesperson took it.
      const suggestion = text('useSuggestion');
      const phoneSuggestion = text('usePhoneSuggestion');
      const filled: { -readonly [K in keyof OrderFormValues]: string } = {
        ...values,
        ...(suggestion ? { email: suggestion } : {}),
        ...(phoneSuggestion ? { phone: phoneSuggestion } : {}),
      };
      // A birth date that is no day is left out of the check and said beside its field in the
      // page's language; the address is still checked (the rest of the form stands).
      const typedDate = filled.birthDate.trim();
      const birthDateError =
        typedDate !== '' && !isCalendarDate(typedDate)
          ? orderFormText[locale].invalidBirthDate(typedDate)
          : undefined;
      if (!sameSecret(text('csrf'), session.csrf)) {
        reply.code(403);
        return sendForm(reply, locale, session, { values: filled, result: formExpired[locale] });
      }
      let result: Verdict | string;
      let picked: string | undefined;
      let phoneVerdict: Verdict | undefined;
      try {
        const customer = await customerOf(session, locale, filled.customer, reply);
        const checked = {
          ...filled,
          customer: typeof customer === 'object' ? customer.id : '',
          ...(birthDateError ? { birthDate: '' } : {}),
        };
        result = typeof customer === 'string' ? customer : await checkForm(context, locale, checked);
        if (typeof customer !== 'string') phoneVerdict = await checkFormPhone(context, locale, checked);
        if (typeof customer === 'object') {
          filled.customer = customer.id;
          picked = customer.name ? `${customer.name} (${customer.id})` : customer.id;
        }
      } catch (error) {
        // Input the check cannot read (a birth date that is no date): say which, keep what was typed.
        if (!isEmailGuardError(error)) throw error;
        reply.code(400);
        result = error.message;
      }
      return sendForm(reply, locale, session, {
        values: filled,
        result,
        ...(picked ? { picked } : {}),
        ...(birthDateError ? { birthDateError } : {}),
        ...(phoneVerdict ? { phoneVerdict } : {}),
      });
    });

    /**
     * The customer the plain form's customer field names, found by the script's search and its
     * budget: one match is that customer; none or several are said in words (with the matches to
     * choose from), so the salesperson knows what to enter. An empty field is a new customer.
     */
    const customerOf = async (
      session: Session,
      locale: Locale,
      query: string,
      reply: FastifyReply,
    ): Promise<{ readonly id: string; readonly name?: string } | string | undefined> => {
      const wanted = query.trim();
      if (wanted === '') return undefined;
      const text = orderFormText[locale];
      // A customer this session was already shown (checked again, the suggestion taken) costs no
      // search: the budget is for finding customers, not for checking one.
      const again = await shownBefore(session, wanted);
      if (again) return again;
      const spent = budget.allows();
      const found = await findCustomers(context.options.directory, wanted, { limit: searchLimit });
      if (!spent.allowed && !onlyShown(session, found.customers)) {
        reply.code(429).header('retry-after', String(spent.retryAfterSeconds));
        return text.tooManySearches(spent.retryAfterSeconds);
      }
      budget.spend(
        session,
        found.customers.map((hit) => hit.id),
      );
      const [only] = found.customers;
      if (only && found.customers.length === 1) return only;
      reply.code(422);
      if (!only) return text.noCustomer(wanted);
      return text.severalCustomers(
        found.customers.map((hit) => (hit.name ? `${hit.name} (${hit.id})` : hit.id)),
        found.more,
      );
    };

    app.get<{ Params: { script: string } }>('/demo/:script', async (request, reply) => {
      // Behind the login like the page that loads them: else a 404 for a name that is none and a
      // 200 for one that is would tell anyone which scripts (and so which build) the server has.
      if (!context.admits(request, reply)) return reply;
      const body = scripts.get(request.params.script);
      if (!body)
        return sendProblem(
          reply,
          problem('not-found', 404, 'There is no such script', {
            detail: "the order form's script is /demo/order-form.js; its chunks are named in it",
            field: 'params.script',
          }),
        );
      return reply
        .header('content-type', 'text/javascript; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(body);
    });
  };
}

const formExpired: Readonly<Record<Locale, string>> = {
  en: 'The form has expired: check again.',
  sv: 'Formuläret har gått ut: kontrollera igen.',
};

/** 429 with `Retry-After` (RFC 6585 §4, RFC 9110 §10.2.3): the token's searches are spent for now. */
function tooManySearches(reply: FastifyReply, seconds: number): FastifyReply {
  reply.header('retry-after', String(seconds));
  return sendProblem(
    reply,
    problem('too-many-requests', 429, 'The searches for a customer are spent for now', {
      detail: `search again in ${seconds} s; a customer this session was already shown can still be entered by their whole id`,
      field: 'query.q',
    }),
  );
}

/** The no-script form's check: an existing customer by id, else a new one from the typed fields. */
async function checkForm(context: ServerContext, locale: Locale, values: OrderFormValues): Promise<Verdict> {
  const guard = context.guard(locale);
  const id = values.customer.trim();
  if (id !== '') return guard.check({ entered: values.email, customerId: id });
  const name = values.name.trim();
  const phone = values.phone.trim();
  const birthDate = values.birthDate.trim();
  const customer: Customer = {
    id: 'new',
    ...(name ? { name } : {}),
    ...(phone ? { phones: [phone] } : {}),
    ...(birthDate ? { birthDate } : {}),
  };
  return guard.check({ entered: values.email, customer });
}

/**
 * The no-script form's phone check, as the script asks `POST /v1/check-phone`: the number typed
 * against the existing customer's record (their own numbers, and every other customer's through the
 * directory), or a new customer's name and birth date without the number itself. No number, no verdict.
 */
async function checkFormPhone(
  context: ServerContext,
  locale: Locale,
  values: OrderFormValues,
): Promise<Verdict | undefined> {
  const entered = values.phone.trim();
  if (entered === '') return undefined;
  const id = values.customer.trim();
  const known = id === '' ? undefined : await context.options.directory?.get(id);
  if (id !== '' && !known) return undefined;
  const name = values.name.trim();
  const birthDate = values.birthDate.trim();
  const customer: Customer = known
    ? (known as Customer)
    : { id: 'new', ...(name ? { name } : {}), ...(birthDate ? { birthDate } : {}) };
  return context.guard(locale).checkPhone({ entered, customer });
}

/**
 * A number as a person in `region` writes it (libphonenumber-js `formatNational`: `070-123 45 67`),
 * when that form reads back in `region` as the same number; else internationally (`+47 412 34 567`),
 * and a number that does not parse as it was filed.
 */
function writtenPhone(phone: string, region: string): string {
  const parsed = parsePhone(phone, region);
  if (!parsed) return phone;
  const national = parsed.formattedNational;
  return toE164(national, region) === parsed.e164 ? national : parsed.formattedInternational;
}
