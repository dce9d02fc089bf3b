import { spawnSync } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { createDirectory } from '../../src/contacts/create-directory.js';
import { createGuard } from '../../src/guard/create-guard.js';
import type { AuditEntry } from '../../src/nodemailer/audit-log.js';
import { findReleasesInDoubt, readReleaseStarts } from '../../src/nodemailer/find-releases-in-doubt.js';
import { nodemailerGuard } from '../../src/nodemailer/nodemailer-guard.js';
import type { ServerOptions } from '../../src/serve/create-server.js';
import { holdMessage } from '../support/hold-message.js';
import { customers, type PipelineFixture, smtpTransport } from '../support/pipeline.js';
import { createCheckedServer } from './openapi-conformance.js';

export const TOKEN = 'test-token-0123456789abcdefghijklmnop';
export const GOOD = 'anna.svensson1985@gmail.com';
export const TYPO = 'anna.svensson185@gmail.com';
export const auth = { authorization: `Bearer ${TOKEN}` };

/**
 * A request with the service's token, as another system sends it: `payload` as the raw body (a
 * string, sent as it is, for what is not JSON) or an object sent as JSON.
 */
export function withToken(
  server: FastifyInstance,
  method: 'GET' | 'POST',
  url: string,
  payload?: string | Record<string, unknown>,
) {
  return server.inject({
    method,
    url,
    headers: payload === undefined ? auth : { ...auth, 'content-type': 'application/json' },
    ...(payload === undefined ? {} : { payload }),
  });
}

/** The pipeline fixture's customers in an in-memory directory. */
export function fixtureDirectory() {
  const directory = createDirectory();
  directory.addAll(Object.values(customers));
  return directory;
}

/**
 * A server over the fixture: its customers, its hold store, and a release transporter to its SMTP
 * server guarded by `nodemailerGuard` with the same directory, hold store and audit log.
 */
export function fixtureServer(fixture: PipelineFixture, options: ServerOptions = {}): FastifyInstance {
  const directory = fixtureDirectory();
  const transporter = smtpTransport(fixture.sink.port);
  transporter.use(
    'compile',
    nodemailerGuard({
      guard: createGuard({ directory }),
      holdStore: fixture.holdStore,
      auditLog: fixture.audit,
    }),
  );
  return createCheckedServer({
    directory,
    holdStore: fixture.holdStore,
    transporter,
    auditLog: fixture.audit,
    token: TOKEN,
    ...options,
  });
}

/** Sends an order for C-1001 through the real pipeline; the guard holds it. Returns the hold id. */
export function holdOrder(fixture: PipelineFixture, to: string, text?: string): Promise<string> {
  return holdMessage(fixture, to, text === undefined ? {} : { text });
}

export const holdsDir = (fixture: PipelineFixture) => join(fixture.dir, 'held');

/**
 * A server over the fixture reading the releases in doubt from its audit log, where a release of
 * `id` was started (a `release-started` line, with `started`'s fields) and never ended, as when its
 * process stopped mid-send.
 */
export function serverWithReleaseStarted(
  fixture: PipelineFixture,
  id: string,
  started: Partial<AuditEntry> = {},
): FastifyInstance {
  const log = join(fixture.dir, 'held-mail.audit.jsonl');
  appendFileSync(
    log,
    `${JSON.stringify({ at: new Date().toISOString(), mode: 'enforce', outcome: 'release-started', action: 'block', recipients: [], holdId: id, ...started })}\n`,
  );
  return fixtureServer(fixture, {
    releasesInDoubt: () => findReleasesInDoubt(log),
    releaseStarts: (ids) => readReleaseStarts(log, new Set(ids)),
  });
}

/**
 * A server as {@link serverWithReleaseStarted}, where the release's process also left `id`
 * `releasing` (its lock names a process that has ended): a release stopped mid-send, in doubt.
 */
export function serverWithReleaseLeftReleasing(fixture: PipelineFixture, id: string): FastifyInstance {
  // A process that has ended: its pid names no running process on this host.
  const stopped = spawnSync(process.execPath, ['-e', '']).pid;
  writeFileSync(
    join(holdsDir(fixture), `${id}.lock`),
    JSON.stringify({ pid: stopped, host: hostname(), since: new Date().toISOString() }),
  );
  return serverWithReleaseStarted(fixture, id);
}

export const form = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields))
    for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
  return body.toString();
};
export const formHeaders = (cookie: string) => ({
  'content-type': 'application/x-www-form-urlencoded',
  cookie,
});

export function cookiesOf(response: LightMyRequestResponse): string {
  return response.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}
export function csrfOf(page: string): string {
  const match = /name="csrf" value="([^"]+)"/.exec(page);
  if (!match?.[1]) throw new Error('no CSRF token on the page');
  return match[1];
}

/**
 * Posts the login form as a browser does: the login page first (its cookie and CSRF token), then
 * the name and token. Resolves with the answer to the post, whatever it is.
 */
export async function postLogin(
  server: FastifyInstance,
  fields: {
    readonly name?: string;
    readonly token?: string;
    readonly url?: string;
    readonly csrf?: string;
  } = {},
) {
  const url = fields.url ?? '/login';
  const loginPage = await server.inject({ method: 'GET', url });
  const posted = await server.inject({
    method: 'POST',
    url,
    headers: formHeaders(fields.csrf === undefined ? cookiesOf(loginPage) : ''),
    payload: form({
      csrf: fields.csrf ?? csrfOf(loginPage.body),
      name: fields.name ?? 'lena@butiken.se',
      token: fields.token ?? TOKEN,
    }),
  });
  return { loginPage, posted };
}

/** Logs in through the form; resolves with the session cookie and the session's CSRF token. */
export async function logIn(server: FastifyInstance, name = 'lena@butiken.se') {
  const { posted } = await postLogin(server, { name });
  expect(posted.statusCode).toBe(303);
  const session = posted.cookies.find((cookie) => cookie.name === 'email_guard_session');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  const cookie = `email_guard_session=${session?.value}`;
  const holds = await server.inject({ method: 'GET', url: '/holds', headers: { cookie } });
  const csrf = csrfOf(holds.body);
  /** The headers of the order form's script: the session cookie and its CSRF token. */
  const script = { cookie, 'x-csrf-token': csrf };
  return { cookie, csrf, holds, script };
}

/** Posts a form with the session cookie. */
export function postForm(
  server: FastifyInstance,
  url: string,
  cookie: string,
  fields: Record<string, string | string[]>,
) {
  return server.inject({ method: 'POST', url, headers: formHeaders(cookie), payload: form(fields) });
}
