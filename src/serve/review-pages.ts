import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../guard/verdict.js';
import { heldAge } from '../nodemailer/held-age.js';
import type { HeldMessage } from '../nodemailer/hold-store.js';
import { isConfirmedForOtherCustomer } from '../nodemailer/stopped-when-held.js';
import { comparableAddress } from '../pipeline/comparable-address.js';
import { DiscardReasonSchema } from './api-schemas.js';
import type { ServerContext } from './create-server.js';
import { type PageTexts, pageTexts } from './data/page-texts.js';
import { discardHeld, findHeld } from './hold-routes.js';
import { html, SafeHtml } from './html.js';
import { localizedFinding, localizedHeld } from './localized-held.js';
import type { Problem } from './problem-details.js';
import { readHeldMessage } from './read-held-message.js';
import { type ReleaseRefusalWords, releaseHeld, type StoppedRecipient } from './release-held.js';
import { releasesStarted } from './releases-started.js';
import { sameSecret } from './same-secret.js';
import { SESSION_COOKIE, type Session } from './session-store.js';
import { unreadableHolds } from './unreadable-holds.js';

const LOGIN_COOKIE = 'email_guard_login';

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:70rem;padding:1rem;color:#1a1a1a}
a{color:#0645ad}.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ccc;padding:.4rem;text-align:left;vertical-align:top}
label{display:block;font-weight:600;margin-top:.75rem}input,textarea{font:inherit;width:100%;max-width:36rem;padding:.3rem}
button{font:inherit;margin-top:1rem;padding:.4rem 1.2rem}:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}
.hint{color:#555;font-size:.9rem;margin:0}.alert{border:2px solid #a51d2d;padding:.5rem 1rem}.status{border:2px solid #26a269;padding:.5rem 1rem}
.block{color:#a51d2d;font-weight:600}.confirm{color:#9c6500;font-weight:600}pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem;overflow-wrap:anywhere}
header{display:flex;justify-content:space-between;align-items:baseline;flex-wrap:wrap;gap:1rem}
.check{display:flex;gap:.5rem;align-items:baseline;margin-top:.75rem}.check input{width:auto}.check label{display:inline;margin:0}`;

// The only style is this inline sheet, allowed by its hash (CSP Level 3 §8.3): no script, no
// image, font or frame may load, so a held message's HTML can fetch nothing from anywhere.
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

interface PageRequest {
  readonly lang: Locale;
  readonly texts: PageTexts;
}

// A hold id as a path segment may be: letters, digits, `.`, `_`, `-`, no `..` (the stores' ids are
// narrower still). Anything else after `/holds/` leads to the list, so `next` never leaves the site.
const HOLD_ID_IN_NEXT = /^(?!.*\.\.)[\w.-]{1,100}$/;

/**
 * Where the login leads: the order form when `?next=/demo` asked for it, a held message's page for
 * `?next=/holds/<id>` (the session ended while it was open), else the held messages.
 */
function nextPage(request: FastifyRequest): string {
  const next = (request.query as { next?: unknown } | undefined)?.next;
  if (next === '/demo') return '/demo';
  if (typeof next === 'string' && next.startsWith('/holds/') && HOLD_ID_IN_NEXT.test(next.slice(7)))
    return next;
  return '/holds';
}

/** The login page's address that leads back to `next`, in a language. */
function loginUrl(lang: Locale, next: string): string {
  return `/login?lang=${lang}${next === '/holds' ? '' : `&next=${encodeURIComponent(next)}`}`;
}

/** The fields a release writes its recipients in: To and Cc in the header, Bcc in the envelope only. */
type ReleaseField = 'to' | 'cc' | 'bcc';
const RELEASE_FIELDS: readonly ReleaseField[] = ['to', 'cc', 'bcc'];

/**
 * The release field a held recipient is offered in: the one it was held in, a resent one's
 * (RFC 5322 §3.6.6) by its kind, and an address named in the envelope only as a blind copy, which it
 * was. An answer field (Reply-To) and the sender are not recipients a release writes.
 */
function releaseFieldOf(field: string): ReleaseField | undefined {
  if (field === 'to' || field === 'resent-to') return 'to';
  if (field === 'cc' || field === 'resent-cc') return 'cc';
  if (field === 'bcc' || field === 'resent-bcc' || field === 'envelope') return 'bcc';
  return undefined;
}

/**
 * The held recipients a release writes, by field, each address once: one named in To or Cc is not
 * offered again as a blind copy (its envelope entry), since it was never blind.
 */
function heldByField<T extends { readonly field: string; readonly address: string }>(
  recipients: readonly T[],
): Record<ReleaseField, T[]> {
  const byField: Record<ReleaseField, T[]> = { to: [], cc: [], bcc: [] };
  const seen = new Set<string>();
  const ordered = [...recipients].sort(
    (a, b) =>
      RELEASE_FIELDS.indexOf(releaseFieldOf(a.field) ?? 'bcc') -
      RELEASE_FIELDS.indexOf(releaseFieldOf(b.field) ?? 'bcc'),
  );
  for (const recipient of ordered) {
    const field = releaseFieldOf(recipient.field);
    const key = recipient.address.toLowerCase();
    if (field === undefined || seen.has(key)) continue;
    seen.add(key);
    byField[field].push(recipient);
  }
  return byField;
}

/** A release field as the page fills it in: the address, or none where the suggestion is named already. */
interface FilledIn {
  readonly address: string;
  /** The suggestion left out, and the field it is already filled in. */
  readonly alreadyIn?: { readonly suggestion: string; readonly field: ReleaseField };
}

/**
 * The release form's fields as the page fills them in, each address once: a held recipient's
 * suggestion, else its address, in the field it was held in. A suggestion that another field
 * already names (held there, or suggested for a field before it: To, Cc, Bcc) leaves its field
 * empty and says where it is, as the release sends each mailbox once, in the first field naming it
 * (`namedOnce`): two slips of one address, or a slip beside the address itself, would otherwise show
 * one address in two fields, and a blind copy's address filled into To would be refused.
 */
function filledInOnce<
  T extends { readonly address: string; readonly verdict: { readonly suggestion?: string } },
>(heldFields: Record<ReleaseField, T[]>): Record<ReleaseField, FilledIn[]> {
  // Held addresses stay where they were held: a suggestion yields to them.
  const namedIn = new Map<string, ReleaseField>();
  for (const name of RELEASE_FIELDS)
    for (const { address, verdict } of heldFields[name])
      if (verdict.suggestion === undefined && !namedIn.has(comparableAddress(address)))
        namedIn.set(comparableAddress(address), name);
  const fill = (name: ReleaseField, { address, verdict }: T): FilledIn => {
    const { suggestion } = verdict;
    if (suggestion === undefined) return { address };
    const field = namedIn.get(comparableAddress(suggestion));
    if (field !== undefined) return { address: '', alreadyIn: { suggestion, field } };
    namedIn.set(comparableAddress(suggestion), name);
    return { address: suggestion };
  };
  return {
    to: heldFields.to.map((recipient) => fill('to', recipient)),
    cc: heldFields.cc.map((recipient) => fill('cc', recipient)),
    bcc: heldFields.bcc.map((recipient) => fill('bcc', recipient)),
  };
}

/** What a reviewer typed into a message's release form, carried through a login when the session ended. */
interface Entered {
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly bcc: readonly string[];
  readonly reason: string;
  readonly confirmNew?: boolean;
  /** Release it although an earlier release was started and never ended. */
  readonly force?: boolean;
}

/** The language of a page: `?lang=sv|en`, else the server's. */
function pageLocale(request: FastifyRequest, context: ServerContext): PageRequest {
  const asked = (request.query as { lang?: unknown } | undefined)?.lang;
  const lang: Locale = asked === 'sv' || asked === 'en' ? asked : context.locale;
  return { lang, texts: pageTexts[lang] };
}

function sendPage(
  reply: FastifyReply,
  page: PageRequest,
  title: string,
  main: SafeHtml,
  options: {
    readonly status?: number;
    readonly session?: Session;
    /** The page's path for its language link, with any query that link must keep (`?next=%2Fdemo`). */
    readonly path: string;
  },
): FastifyReply {
  const other: Locale = page.lang === 'sv' ? 'en' : 'sv';
  const logout = options.session
    ? html`<form method="post" action="/logout?lang=${page.lang}">
<input type="hidden" name="csrf" value="${options.session.csrf}">
<span>${page.texts.loggedInAs(options.session.user)}</span> <button type="submit">${page.texts.logOut}</button></form>`
    : '';
  const document = html`<!doctype html>
<html lang="${page.lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – email-guard</title><style>${new SafeHtml(STYLE)}</style></head>
<body><a class="skip" href="#main">${page.texts.skip}</a>
<header><nav aria-label="${page.texts.languageNav}"><a href="${options.path}${options.path.includes('?') ? '&' : '?'}lang=${other}" lang="${other}">${page.texts.language}</a></nav>${logout}</header>
<main id="main">${main}</main></body></html>`;
  return (
    reply
      .code(options.status ?? 200)
      .header('content-security-policy', CONTENT_SECURITY_POLICY)
      .header('x-content-type-options', 'nosniff')
      // same-origin, not no-referrer: with no-referrer a browser sends `Origin: null` on the page's own
      // form posts, which the server refuses as cross-origin; other sites still get no referrer.
      .header('referrer-policy', 'same-origin')
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(document.value)
  );
}

/**
 * An error of a page (`/holds/…`, `/login`) as a page in the language its `?lang=` asks for: a
 * person reads it, not a program. The API's routes keep their problem details.
 *
 * @example
 * ```ts
 * sendErrorPage(reply, request.url, 'sv', 414, (texts) => texts.pathTooLong(100));
 * ```
 */
export function sendErrorPage(
  reply: FastifyReply,
  url: string,
  fallback: Locale,
  status: number,
  message: (texts: PageTexts) => string,
): FastifyReply {
  const query = new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '');
  const asked = query.get('lang');
  const lang: Locale = asked === 'sv' || asked === 'en' ? asked : fallback;
  const page: PageRequest = { lang, texts: pageTexts[lang] };
  const main = html`<h1>${page.texts.errorHeading}</h1>
<p class="alert" role="alert">${message(page.texts)}</p>
<p><a href="/holds?lang=${lang}">${page.texts.back}</a></p>`;
  return sendPage(reply, page, page.texts.errorHeading, main, { status, path: '/holds' });
}

function redirect(reply: FastifyReply, to: string): FastifyReply {
  return reply.code(303).header('location', to).header('cache-control', 'no-store').send();
}

/** A form field as text: the first value when a field came more than once. */
function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

function fields(body: unknown, name: string): string[] {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((item): item is string => typeof item === 'string');
}

function verdictClass(action: string): string {
  return action === 'send' ? '' : action;
}

/**
 * The review page: `/login`, `/holds` (every held message with its age, recipients, findings and
 * suggestion), `/holds/:id` (headers and the body as escaped text; correct and release, or
 * discard). Server-rendered HTML without script, a session cookie (HttpOnly, SameSite=Strict,
 * signed) after the login form, a CSRF token on every form, English and Swedish (`?lang=`).
 */
export async function registerReviewPages(app: FastifyInstance, context: ServerContext): Promise<void> {
  const { sessions } = context;
  const sessionOf = (request: FastifyRequest) => context.sessionOf(request);

  /** Subjects read from the messages of entries whose record has none, by hold id. */
  const rememberedSubjects = (() => {
    const subjects = new Map<string, string | undefined>();
    return {
      get: (id: string) => subjects.get(id),
      has: (id: string) => subjects.has(id),
      set: (id: string, subject: string | undefined) => subjects.set(id, subject),
      /** Forgets the entries no longer held, so the map never outgrows the store. */
      keep(ids: readonly string[]) {
        const listed = new Set(ids);
        for (const id of subjects.keys()) if (!listed.has(id)) subjects.delete(id);
      },
    };
  })();

  /** The subject of an entry whose record has none: read from its message once, then remembered. */
  async function subjectOf(id: string): Promise<string | undefined> {
    if (rememberedSubjects.has(id)) return rememberedSubjects.get(id);
    const full = await findHeld(context, id).catch(() => undefined);
    const subject = full ? (await readHeldMessage(full.raw).catch(() => undefined))?.subject : undefined;
    // A message that cannot be read now is tried again on the next list, not remembered as without.
    if (full) rememberedSubjects.set(id, subject);
    return subject;
  }

  function validCsrf(request: FastifyRequest, session: Session): boolean {
    return sameSecret(field(request.body, 'csrf'), session.csrf);
  }

  const cookieOptions = (request: FastifyRequest) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: request.protocol === 'https',
    signed: true,
  });

  function loginPage(
    request: FastifyRequest,
    reply: FastifyReply,
    error?: string,
    name = '',
    status = 401,
    carried: { readonly next?: string; readonly entered?: Entered; readonly discardReason?: string } = {},
  ) {
    const page = pageLocale(request, context);
    const { texts } = page;
    const next = carried.next ?? nextPage(request);
    // What the reviewer typed before the session ended goes back and forth with the login form, so
    // it is on the message's page again after the login: kept by the server nowhere.
    // A discard's reason travels under a name of its own: back on the page it fills the discard's
    // field, not the release's.
    const discardReason = carried.discardReason ?? discardReasonOf(request.body);
    const entered = discardReason === undefined ? (carried.entered ?? enteredOf(request.body)) : undefined;
    const keep = entered
      ? html`${RELEASE_FIELDS.flatMap((name) =>
          entered[name].map((address) => html`<input type="hidden" name="${name}" value="${address}">`),
        )}<input type="hidden" name="reason" value="${entered.reason}">${
          entered.confirmNew ? html`<input type="hidden" name="confirmNew" value="yes">` : ''
        }${entered.force ? html`<input type="hidden" name="force" value="yes">` : ''}`
      : discardReason === undefined
        ? ''
        : html`<input type="hidden" name="discardReason" value="${discardReason}">`;
    const nonce = randomBytes(32).toString('base64url');
    reply.setCookie(LOGIN_COOKIE, nonce, { ...cookieOptions(request), maxAge: 3600 });
    const tokenField =
      context.options.token === undefined
        ? ''
        : html`<label for="token">${texts.token}</label>
<input id="token" name="token" type="password" autocomplete="current-password" required>`;
    const heading = next === '/demo' ? texts.loginHeadingForm : texts.loginHeading;
    const main = html`<h1>${heading}</h1>
${error ? html`<p class="alert" role="alert" id="login-error">${error}</p>` : ''}
<p>${texts.loginIntro}</p>
<form method="post" action="${loginUrl(page.lang, next)}">
<input type="hidden" name="csrf" value="${nonce}">${keep}
<label for="name">${texts.name}</label>
<p class="hint" id="name-hint">${texts.nameHint}</p>
<input id="name" name="name" autocomplete="username" required aria-describedby="name-hint" value="${name}">
${tokenField}
<button type="submit">${texts.logIn}</button>
</form>`;
    // The other language's login leads where this one does: from /demo, back to the order form.
    const path = next === '/holds' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
    return sendPage(reply, page, heading, main, { status: error ? status : 200, path });
  }

  app.get('/login', async (request, reply) => loginPage(request, reply));

  app.post('/login', async (request, reply) => {
    const page = pageLocale(request, context);
    // Every login is counted, right or wrong, by client address (RFC 6585 §4).
    const spent = context.logins.take(request.ip);
    if (!spent.allowed) {
      // A person at a browser reads this: the login page in its language, not problem details.
      reply.header('retry-after', String(spent.retryAfterSeconds));
      const name = field(request.body, 'name').trim().slice(0, 200);
      return loginPage(request, reply, page.texts.tooManyLogins(spent.retryAfterSeconds), name, 429);
    }
    const raw = request.cookies[LOGIN_COOKIE];
    const nonce = raw ? request.unsignCookie(raw) : undefined;
    const name = field(request.body, 'name').trim();
    if (!nonce?.valid || !nonce.value || !sameSecret(field(request.body, 'csrf'), nonce.value))
      return loginPage(request, reply, page.texts.formExpired, name);
    const token = field(request.body, 'token');
    if (name === '' || name.length > 200 || !context.isToken(token))
      return loginPage(request, reply, page.texts.loginFailed, name);
    const session = sessions.create(name);
    reply.clearCookie(LOGIN_COOKIE, { path: '/' });
    reply.setCookie(SESSION_COOKIE, session.id, cookieOptions(request));
    request.log.info('reviewer logged in');
    const next = nextPage(request);
    const entered = enteredOf(request.body);
    const discardReason = discardReasonOf(request.body);
    // Back on the message's page with what was typed before the session ended, not yet released
    // or discarded: the reviewer sees it again and presses Release or Discard.
    if ((entered || discardReason !== undefined) && next.startsWith('/holds/'))
      return messagePage(
        request,
        reply,
        session,
        decodeURIComponent(next.slice(7)),
        undefined,
        discardReason === undefined ? entered : undefined,
        discardReason,
      );
    return redirect(reply, `${next}?lang=${page.lang}`);
  });

  app.post('/logout', async (request, reply) => {
    const page = pageLocale(request, context);
    const session = sessionOf(request);
    if (session && validCsrf(request, session)) {
      sessions.remove(session.id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    }
    return redirect(reply, `/login?lang=${page.lang}`);
  });

  app.get('/holds', async (request, reply) => {
    const page = pageLocale(request, context);
    const session = sessionOf(request);
    if (!session) return redirect(reply, `/login?lang=${page.lang}`);
    const { texts } = page;
    const store = context.options.holdStore;
    const held = store ? await store.list() : [];
    const unreadable = await unreadableHolds(store);
    const done = (request.query as { done?: unknown }).done;
    const status =
      done === 'released'
        ? texts.released
        : done === 'discarded'
          ? texts.discarded
          : done === 'gone'
            ? texts.gone
            : undefined;
    const now = Date.now();
    const inDoubt = (await context.options.releasesInDoubt?.()) ?? new Set<string>();
    // Findings in the page's language, whatever language the pipeline held the message in.
    // The subject is in the store's record since it kept one (`HoldInput.subject`); a message held
    // before, or by a store that keeps none, is read once and its subject remembered. Shown on this
    // page only (behind the session), never in the API's list, which keeps to what docs/serve.md says.
    const subjects = await Promise.all(held.map((entry) => entry.subject ?? subjectOf(entry.id)));
    rememberedSubjects.keep(held.map((entry) => entry.id));
    const rows = held.map((entry, index) =>
      heldRow(localizedHeld(entry, page.lang), page, now, subjects[index], inDoubt.has(entry.id)),
    );
    const main = html`<h1>${texts.heldHeading}</h1>
${status ? html`<p class="status" role="status">${status}</p>` : ''}
${
  unreadable.length > 0
    ? html`<div class="alert" role="alert" id="unreadable"><p><strong>${texts.unreadableHeading(unreadable.length)}</strong></p><ul>${unreadable.map(
        (problem) => html`<li>${problem.id} (${problem.code}): ${problem.message}</li>`,
      )}</ul></div>`
    : ''
}
${
  held.length === 0 && unreadable.length === 0
    ? html`<p>${texts.none}</p>`
    : held.length === 0
      ? ''
      : html`<table><caption>${texts.heldCaption(held.length)}</caption>
<thead><tr><th scope="col">${texts.messageColumn}</th><th scope="col">${texts.age}</th><th scope="col">${texts.recipients}</th><th scope="col">${texts.findings}</th><th scope="col">${texts.suggestion}</th><th scope="col"><span class="skip">${texts.open}</span></th></tr></thead>
<tbody>${rows}</tbody></table>`
}`;
    return sendPage(reply, page, texts.heldHeading, main, { session, path: '/holds' });
  });

  async function messagePage(
    request: FastifyRequest,
    reply: FastifyReply,
    session: Session,
    id: string,
    failure?: PageFailure,
    entered?: Entered,
    discardReason?: string,
  ) {
    const page = pageLocale(request, context);
    const { texts } = page;
    const held = await findHeld(context, id);
    if (!held) return redirect(reply, `/holds?lang=${page.lang}&done=gone`);
    const { raw, ...stored } = held;
    const listed = localizedHeld(stored, page.lang);
    const content = await readHeldMessage(raw);
    // Started and never ended (the audit log): the release form asks for an explicit choice to send it again.
    const inDoubtIds = (await context.options.releasesInDoubt?.()) ?? new Set<string>();
    const inDoubt = inDoubtIds.has(id);
    // Where a release in doubt went, so the mail server's log can be searched for it.
    const started = inDoubt ? (await releasesStarted(context, [stored], inDoubtIds)).get(id) : undefined;
    // Left `releasing` by a release that stopped mid-send is in doubt, not under way (the list's
    // rule): the form stays, with the box to tick, which the store's `force` answers by taking over
    // only a claim whose process has stopped (HoldStore `release`, `force`).
    // Left `releasing` by a process that has stopped, with nothing in doubt: the audit log read by
    // the store (`releaseProgress`) says whether its send never began, which the store's `force`
    // takes over safely, or went out, which is never sent again, only discarded. Without such a
    // log, or while the process runs, someone else is releasing it.
    const stoppedAs =
      listed.state === 'releasing' && !inDoubt && listed.releasingBy?.running === false
        ? listed.releaseProgress === 'not-started' || listed.releaseProgress === 'sent'
          ? listed.releaseProgress
          : undefined
        : undefined;
    const underWay = listed.state === 'releasing' && !inDoubt && stoppedAs === undefined;
    // Each recipient is offered in the field it was held in, and released in it: To stays To, Cc
    // stays Cc, and a blind copy stays in the envelope only (RFC 5322 §3.6.3), never shown to the others.
    const heldFields = heldByField(listed.recipients);
    const filledIn = filledInOnce(heldFields);
    const proposed = RELEASE_FIELDS.flatMap((name) =>
      (entered?.[name] ?? filledIn[name].map(({ address }) => address)).map((address, index) => ({
        name,
        index,
        address,
        // A suggestion left out here, already filled in where the address is named.
        alreadyIn: entered === undefined ? filledIn[name][index]?.alreadyIn : undefined,
        // The held recipient behind the field, while the field's list is the held one.
        heldAs:
          entered === undefined || entered[name].length === heldFields[name].length
            ? heldFields[name][index]
            : undefined,
      })),
    );
    // A pre-filled address the stored verdict flagged (not replaced by a suggestion) carries its
    // findings beside it, so it is not released unread.
    const flagged = (recipient: (typeof proposed)[number]['heldAs'], address: string) =>
      recipient && recipient.verdict.action !== 'send' && recipient.address === address
        ? recipient
        : undefined;
    // Stopped in a field an answer goes to (Reply-To): not offered as a recipient, since a release
    // writes only To, Cc and Bcc; it is sent as held, and the page says how to change it.
    const answerFields = [
      ...new Set(
        listed.recipients
          .filter(({ field, verdict }) => releaseFieldOf(field) === undefined && verdict.action !== 'send')
          .map(({ field }) => texts.fieldNames[field.toLowerCase()] ?? field),
      ),
    ];
    const base = `/holds/${encodeURIComponent(id)}`;
    const main = html`<p><a href="/holds?lang=${page.lang}">${texts.back}</a></p>
<h1>${texts.messageHeading}: ${content.subject ?? id}</h1>
${
  failure
    ? html`<div class="alert" role="alert" id="release-error"><p><strong>${failure.heading ?? texts.notReleased}: ${failure.title}</strong></p>${failure.detail ? html`<p>${failure.detail}</p>` : ''}${
        failure.recipients?.length
          ? html`<ul>${failure.recipients.map((recipient) => html`<li>${recipient.address}: ${recipient.messages.join(' ')}</li>`)}</ul>`
          : ''
      }</div>`
    : ''
}
<p>${texts.age}: ${heldAge(listed.heldAt)}${underWay ? html` (${texts.releasing})` : ''}</p>
${
  inDoubt
    ? html`<div class="alert" id="in-doubt"><p><strong>${texts.inDoubtNote}</strong></p>${
        started
          ? html`<p>${texts.inDoubtWhere(utcMinute(started.at), started.by, started.to.join(', '), started.messageId)}</p>`
          : ''
      }</div>`
    : ''
}${listed.awaitingCode ? html`<p class="status" id="awaiting-code">${texts.awaitingCodeNote(listed.awaitingCode.join(', '))}</p>` : ''}${
  isConfirmedForOtherCustomer(listed)
    ? html`<p class="alert" id="confirmed-for-other">${texts.confirmedForOtherNote}</p>`
    : ''
}
<h2>${texts.recipients}</h2>
<ul>${listed.recipients.map(
      (recipient) =>
        html`<li>${texts.fieldNames[recipient.field.toLowerCase()] ?? recipient.field}: ${recipient.address} – <span class="${verdictClass(recipient.verdict.action)}">${texts.actions[recipient.verdict.action]}</span>${
          recipient.verdict.suggestion ? html` – ${texts.suggestion}: ${recipient.verdict.suggestion}` : ''
        }<ul>${recipient.verdict.findings.map((finding) => html`<li>${finding.message}</li>`)}</ul></li>`,
    )}</ul>
${
  // While another request releases or discards it (the losing tab of a race), a form here could only
  // be answered 409 again: the page says what is happening instead.
  underWay
    ? html`<p class="status" role="status">${texts.releasingNote}</p>`
    : html`${
        stoppedAs === undefined
          ? ''
          : html`<p class="alert" id="release-stopped">${stoppedAs === 'sent' ? texts.stoppedSentNote : texts.stoppedNotSentNote}</p>`
      }${
        stoppedAs === 'sent'
          ? ''
          : html`<h2>${texts.releaseHeading}</h2>
<form method="post" action="${base}/release?lang=${page.lang}">
<input type="hidden" name="csrf" value="${session.csrf}">
<p class="hint" id="release-intro">${texts.releaseIntro}</p>
${proposed.map(({ name, index, address, heldAs, alreadyIn }) => {
  const mark = flagged(heldAs, address);
  const id = `${name}-${index}`;
  const described = [
    failure ? 'release-error' : '',
    mark ? `${id}-finding` : '',
    alreadyIn ? `${id}-already` : '',
    'release-intro',
  ]
    .filter(Boolean)
    .join(' ');
  const label = texts.fieldNames[name] ?? name;
  return html`<label for="${id}">${heldAs ? label : `${label} (${texts.correctedRecipient(index + 1)})`}</label>
${
  alreadyIn
    ? html`<p class="hint" id="${id}-already">${texts.suggestedAlready(alreadyIn.suggestion, texts.fieldNames[alreadyIn.field] ?? alreadyIn.field)}</p>`
    : ''
}${
  mark
    ? html`<p class="hint ${verdictClass(mark.verdict.action)}" id="${id}-finding">${texts.actions[mark.verdict.action]}: ${mark.verdict.findings
        .filter((finding) => finding.action !== 'send')
        .map((finding) => finding.message)
        .join(' ')}</p>`
    : ''
}<input id="${id}" name="${name}" type="email" autocomplete="off" value="${address}"${
    failure || mark ? html` aria-invalid="true"` : ''
  } aria-describedby="${described}">`;
})}
${answerFields.length > 0 ? html`<p class="hint" id="answer-fields">${texts.answerFieldStays(answerFields.join(', '))}</p>` : ''}
<p class="check"><input type="checkbox" id="confirm-new" name="confirmNew" value="yes"${entered?.confirmNew ? html` checked` : ''}>
<label for="confirm-new">${texts.confirmNew}</label></p>
${
  inDoubt
    ? html`<p class="check"><input type="checkbox" id="force" name="force" value="yes" aria-describedby="in-doubt"${entered?.force ? html` checked` : ''}>
<label for="force">${texts.force}</label></p>
`
    : stoppedAs === 'not-started'
      ? html`<p class="check"><input type="checkbox" id="force" name="force" value="yes" aria-describedby="release-stopped"${entered?.force ? html` checked` : ''}>
<label for="force">${texts.forceStopped}</label></p>
`
      : ''
}<label for="reason">${texts.reason}</label>
<p class="hint" id="reason-hint">${texts.reasonHint}</p>
<textarea id="reason" name="reason" rows="2" required aria-describedby="reason-hint">${entered?.reason ?? ''}</textarea>
<button type="submit">${texts.release}</button>
</form>
`
      }<h2>${texts.discardHeading}</h2>
<form method="post" action="${base}/discard?lang=${page.lang}">
<input type="hidden" name="csrf" value="${session.csrf}">
<p>${texts.discardIntro}</p>
${
  // The same informed choice as the release's box: discarding a release in doubt is done knowing
  // it may have been delivered, and the audit log records the discard as forced.
  inDoubt
    ? html`<p class="check"><input type="checkbox" id="discard-force" name="force" value="yes" aria-describedby="in-doubt">
<label for="discard-force">${texts.discardForce}</label></p>
`
    : stoppedAs === undefined
      ? ''
      : html`<p class="check"><input type="checkbox" id="discard-force" name="force" value="yes" aria-describedby="release-stopped">
<label for="discard-force">${stoppedAs === 'sent' ? texts.discardSent : texts.discardStopped}</label></p>
`
}<label for="discard-reason">${texts.discardReason}</label>
<textarea id="discard-reason" name="reason" rows="2" required maxlength="2000">${discardReason ?? ''}</textarea>
<button type="submit">${texts.discard}</button>
</form>`
}
<h2>${texts.headers}</h2>
<dl>${content.headers.map((header) => html`<dt>${texts.fieldNames[header.name.toLowerCase()] ?? header.name}</dt><dd>${header.value}</dd>`)}</dl>
<h2>${texts.body}</h2>
<pre>${content.text}</pre>`;
    return sendPage(reply, page, `${texts.messageHeading} ${id}`, main, {
      session,
      status: failure?.status ?? 200,
      path: base,
    });
  }

  const holdPath = (request: FastifyRequest) =>
    `/holds/${encodeURIComponent((request.params as { id: string }).id)}`;

  app.get('/holds/:id', async (request, reply) => {
    const session = sessionOf(request);
    if (!session) return redirect(reply, loginUrl(pageLocale(request, context).lang, holdPath(request)));
    return messagePage(request, reply, session, (request.params as { id: string }).id);
  });

  app.post('/holds/:id/release', async (request, reply) => {
    const page = pageLocale(request, context);
    const session = sessionOf(request);
    const entered = enteredOf(request.body) ?? { to: [], cc: [], bcc: [], reason: '' };
    const { reason } = entered;
    // A correction new to the customer goes out only when the reviewer says it was confirmed as theirs.
    const confirmNew = entered.confirmNew === true;
    const force = entered.force === true;
    // The session ended (logged out in another tab, the server restarted): the login page, carrying
    // what was typed, and after it the message's page again with it filled in.
    if (!session)
      return loginPage(request, reply, page.texts.sessionEnded, '', 401, {
        next: holdPath(request),
        entered,
      });
    const id = (request.params as { id: string }).id;
    if (!validCsrf(request, session))
      return messagePage(
        request,
        reply,
        session,
        id,
        { title: page.texts.formExpired, status: 403 },
        entered,
      );
    const held = await findHeld(context, id);
    if (!held) return redirect(reply, `/holds?lang=${page.lang}&done=gone`);
    // Unchanged recipients go as they were held; a changed list replaces them all, each in its own
    // field (To stays To, a blind copy stays in the envelope only).
    const heldFields = heldByField(held.recipients);
    const unchanged = RELEASE_FIELDS.every(
      (name) =>
        entered[name].length === heldFields[name].length &&
        entered[name].every((address, index) => address === heldFields[name][index]?.address),
    );
    const corrected = Object.fromEntries(
      RELEASE_FIELDS.filter((name) => entered[name].length > 0).map((name) => [name, entered[name]]),
    );
    const outcome = await releaseHeld(
      context,
      id,
      {
        ...(unchanged ? {} : corrected),
        by: session.user,
        reason,
        ...(confirmNew ? { confirmNew: true } : {}),
        ...(force ? { force: true } : {}),
      },
      page.lang,
    );
    if ('problem' in outcome) {
      if (outcome.problem.status === 404) return redirect(reply, `/holds?lang=${page.lang}&done=gone`);
      return messagePage(
        request,
        reply,
        session,
        id,
        pageFailure(outcome.problem, page, 'stopped' in outcome ? outcome.stopped : undefined, outcome.said),
        entered,
      );
    }
    request.log.info({ holdId: id }, 'held message released from the review page');
    return redirect(reply, `/holds?lang=${page.lang}&done=released`);
  });

  app.post('/holds/:id/discard', async (request, reply) => {
    const page = pageLocale(request, context);
    const session = sessionOf(request);
    const reason = field(request.body, 'reason').trim();
    // The session ended: the login page, carrying the typed reason, as the release form's fields are.
    if (!session)
      return loginPage(request, reply, page.texts.sessionEnded, '', 401, {
        next: holdPath(request),
        discardReason: reason,
      });
    const id = (request.params as { id: string }).id;
    if (!validCsrf(request, session))
      return messagePage(
        request,
        reply,
        session,
        id,
        { title: page.texts.formExpired, status: 403 },
        undefined,
        reason,
      );
    // The reason by the API's rule (its body's `reason`): the audit log records it, so none is refused.
    const checked = DiscardReasonSchema.safeParse(reason);
    if (!checked.success)
      return messagePage(
        request,
        reply,
        session,
        id,
        {
          heading: page.texts.notDiscarded,
          title: page.texts.discardReasonNeeded,
          ...(page.lang === 'en'
            ? { detail: checked.error.issues.map((issue) => issue.message).join('; ') }
            : {}),
          status: 400,
        },
        undefined,
        reason,
      );
    const force = field(request.body, 'force') === 'yes';
    const outcome = await discardHeld(context, id, {
      by: session.user,
      reason: checked.data,
      where: 'review-page',
      ...(force ? { force: true } : {}),
    });
    if ('problem' in outcome) {
      if (outcome.problem.status === 404) return redirect(reply, `/holds?lang=${page.lang}&done=gone`);
      const failure = pageFailure(outcome.problem, page);
      return messagePage(
        request,
        reply,
        session,
        id,
        {
          ...failure,
          heading: page.texts.notDiscarded,
          // The release's words say to tick its box to release it: this box discards it.
          ...(outcome.problem.type.endsWith('#release-in-doubt') ? { title: page.texts.discardInDoubt } : {}),
        },
        undefined,
        reason,
      );
    }
    request.log.info({ holdId: id }, 'held message discarded from the review page');
    return redirect(reply, `/holds?lang=${page.lang}&done=discarded`);
  });
}

function heldRow(
  entry: HeldMessage,
  page: PageRequest,
  now: number,
  subject: string | undefined,
  inDoubt: boolean,
): SafeHtml {
  const { texts } = page;
  const heldAt = utcMinute(entry.heldAt);
  const suggestions = entry.recipients.flatMap((recipient) =>
    recipient.verdict.suggestion ? [recipient.verdict.suggestion] : [],
  );
  return html`<tr>
<td><strong>${subject ?? entry.id}</strong>
<br>${texts.fieldNames.from ?? 'From'}: ${entry.envelope.from ?? ''}${
    entry.customerId === undefined ? '' : html`<br>${texts.customerLabel}: ${entry.customerId}`
  }
<br>${texts.heldAtLabel}: <time datetime="${entry.heldAt}">${heldAt}</time></td>
<td>${heldAge(entry.heldAt, now)}${
    inDoubt
      ? html` (<strong>${texts.inDoubt}</strong>)`
      : entry.state === 'releasing'
        ? html` (${texts.releasing})`
        : ''
  }${entry.awaitingCode ? html` (${texts.waitingForCode})` : ''}${
    isConfirmedForOtherCustomer(entry) ? html` (<strong>${texts.confirmedForOther}</strong>)` : ''
  }</td>
<td><ul>${entry.recipients.map(
    (recipient) =>
      html`<li>${recipient.address} – <span class="${verdictClass(recipient.verdict.action)}">${texts.actions[recipient.verdict.action]}</span></li>`,
  )}</ul></td>
<td><ul>${entry.recipients.flatMap((recipient) =>
    recipient.verdict.findings
      .filter((finding) => finding.action !== 'send')
      .map((finding) => html`<li>${finding.message}</li>`),
  )}</ul></td>
<td>${suggestions.join(', ')}</td>
<td><a href="/holds/${encodeURIComponent(entry.id)}?lang=${page.lang}">${texts.open}<span class="skip">: ${
    subject ?? entry.recipients[0]?.address ?? ''
  }, ${texts.heldFor(heldAge(entry.heldAt, now))}</span></a></td>
</tr>`;
}

/** An ISO 8601 time in UTC, to the minute: the same for every reviewer, whatever their time zone. */
function utcMinute(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** A refused release or discard as the page shows it. */
interface PageFailure {
  /** What was not done, where it is not the release (`texts.notReleased`). */
  readonly heading?: string;
  readonly title: string;
  readonly detail?: string;
  readonly status: number;
  /** The recipients the check stopped, each with its findings in the page's language. */
  readonly recipients?: readonly { readonly address: string; readonly messages: readonly string[] }[];
}

/**
 * A refused release or discard as the page shows it: the title in the page's language, by the
 * problem's type; the recipients the check stopped with their findings worded again in the page's
 * language (from their codes); else the English detail (a developer's text) only on an English page.
 */
function pageFailure(
  failure: Problem,
  page: PageRequest,
  stopped?: readonly StoppedRecipient[],
  said?: ReleaseRefusalWords,
): PageFailure {
  // The service's own words in the page's language: the real reason and the way forward, which the
  // problem type's title alone does not say (a message held without a customer).
  if (said) return { title: said.title, detail: said.detail, status: failure.status };
  const type = failure.type.slice(failure.type.lastIndexOf('#') + 1);
  const title = page.texts.problems[type] ?? failure.title;
  if (stopped?.length)
    return {
      title,
      status: failure.status,
      recipients: stopped.map((recipient) => ({
        address: recipient.address,
        messages: recipient.findings.map((finding) => localizedFinding(finding, page.lang).message),
      })),
    };
  return {
    title,
    // A release in doubt's detail tells a program to send `"force": true`: the page has its box instead.
    ...(failure.detail && page.lang === 'en' && type !== 'release-in-doubt'
      ? { detail: failure.detail }
      : {}),
    status: failure.status,
  };
}

/** A discard's reason carried through the login (`discardReason`), when one came. */
function discardReasonOf(body: unknown): string | undefined {
  if (fields(body, 'discardReason').length === 0) return undefined;
  return field(body, 'discardReason').trim();
}

/** The release form's fields as posted (to the release, or carried through the login), when any came. */
function enteredOf(body: unknown): Entered | undefined {
  const [to, cc, bcc] = RELEASE_FIELDS.map((name) =>
    fields(body, name)
      .map((address) => address.trim())
      .filter(Boolean),
  ) as [string[], string[], string[]];
  const reason = field(body, 'reason').trim();
  const confirmNew = field(body, 'confirmNew') === 'yes';
  const force = field(body, 'force') === 'yes';
  if (to.length + cc.length + bcc.length === 0 && reason === '' && !confirmNew && !force) return undefined;
  return { to, cc, bcc, reason, ...(confirmNew ? { confirmNew } : {}), ...(force ? { force } : {}) };
}
