import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Customer } from '../../contacts/customer.js';
import type { Locale } from '../../guard/verdict.js';
import type { ServerContext } from '../create-server.js';
import { renderOrderForm } from './render-order-form.js';

/** Options of {@link createOrderForm}. */
export interface OrderFormOptions {
  /**
   * The customers the salesperson can pick as existing ones. Their records, known addresses
   * included, are written into the page for its check: for a demonstration or a staff-only service.
   * @default []
   */
  readonly customers?: readonly Customer[];
  /**
   * The folder of the built order-form script (`order-form.js` and its chunks).
   * @default the package's `dist/order-form/`
   */
  readonly scriptDir?: string;
}

// A script name as the browser build writes them (`order-form.js`, `phone-numbers-Ab3_x.js`):
// nothing else in the folder is served.
const SCRIPT_NAME = /^[\w-]+\.js$/;

/**
 * The order form (`GET /demo`) as the hook `createServer({ registerOrderForm })` takes: the
 * server-rendered form and its one script, the browser build of the check, which asks
 * `POST /v1/check` for the directory's findings. The form needs the review page's login (a visitor
 * without a session is sent to `/login`); the script sends the session's CSRF token in `X-CSRF-Token`. `?lang=sv` or `?lang=en` picks the language.
 *
 * @example
 * ```ts
 * const app = createServer({ directory, registerOrderForm: createOrderForm({ customers }) });
 * ```
 */
export function createOrderForm(
  options: OrderFormOptions = {},
): (app: FastifyInstance, context: ServerContext) => Promise<void> {
  const scriptDir = options.scriptDir ?? fileURLToPath(new URL('./order-form/', import.meta.url));
  const customers = options.customers ?? [];
  return async (app, context) => {
    // Read once: the build does not change under a running server.
    const scripts = new Map(
      (existsSync(scriptDir) ? readdirSync(scriptDir) : [])
        .filter((name) => SCRIPT_NAME.test(name))
        .map((name) => [name, readFileSync(join(scriptDir, name))] as const),
    );

    app.get<{ Querystring: { lang?: string } }>('/demo', async (request, reply) => {
      const lang = request.query.lang;
      const locale: Locale = lang === 'sv' || lang === 'en' ? lang : context.locale;
      // The page holds the customers' records and calls the check with the session: the same login
      // as the review page.
      const session = context.sessionOf(request);
      if (!session)
        return reply
          .code(303)
          .header('location', `/login?lang=${locale}&next=%2Fdemo`)
          .header('cache-control', 'no-store')
          .send();
      // Run from the sources (no `npm run build`), the server has the API but no form script.
      if (!scripts.has('order-form.js'))
        return reply
          .code(503)
          .header('content-type', 'text/plain; charset=utf-8')
          .send(`The order form's script is not built: no order-form.js in ${scriptDir} (npm run build).`);
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header(
          'content-security-policy',
          "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        )
        .send(
          renderOrderForm({
            locale,
            customers,
            scriptUrl: '/demo/order-form.js',
            checkUrl: '/v1/check',
            csrf: session.csrf,
          }),
        );
    });

    app.get<{ Params: { script: string } }>('/demo/:script', async (request, reply) => {
      const body = scripts.get(request.params.script);
      if (!body) return reply.code(404).send({ title: 'There is no such script', status: 404 });
      return reply
        .header('content-type', 'text/javascript; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(body);
    });
  };
}
