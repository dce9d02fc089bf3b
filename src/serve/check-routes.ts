import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Customer } from '../contacts/customer.js';
import type { Verdict } from '../guard/verdict.js';
import { CheckPhoneRequestSchema, CheckRequestSchema, VerdictSchema, verdictBody } from './api-schemas.js';
import type { ServerContext } from './create-server.js';
import { ProblemSchema, problem, sendProblem } from './problem-details.js';
import type { ZodApp } from './zod-app.js';

/**
 * `POST /v1/check` and `POST /v1/check-phone`: the library's checks over HTTP, for order systems
 * in any language. The check itself is `createGuard().check` and `.checkPhone`; a route only reads
 * the request and writes the verdict.
 */
export async function registerCheckRoutes(app: ZodApp, context: ServerContext): Promise<void> {
  /**
   * Whether the caller may check this customer id: the token's callers (order systems) any id; the
   * order form's session only a customer its search showed it, as for their record. Another id is
   * answered as one not there, so the check cannot tell which ids exist or how many addresses each
   * has.
   */
  const reachable = (request: FastifyRequest, customerId: string | undefined): boolean => {
    if (customerId === undefined) return true;
    const session = context.apiSessionOf(request);
    return session === undefined || context.shown.has(session, customerId);
  };

  /**
   * A customer record sent inline, as the check may take it: from a page session, a record whose id
   * the session's search did not show it is checked under an id no customer has. Else a guessed id
   * would take its owner out of the other-customer findings (the directory looks for the address on
   * every customer but the one checked for), and trying ids would tell whose an address is.
   */
  const inline = (request: FastifyRequest, customer: Customer): Customer =>
    reachable(request, customer.id) ? customer : { ...customer, id: `not-shown-${randomUUID()}` };

  app.post(
    '/v1/check',
    {
      schema: {
        tags: ['check'],
        summary: 'Check an address as entered for a customer: send, confirm or block, with the findings',
        body: CheckRequestSchema,
        response: { 200: VerdictSchema, 400: ProblemSchema, 401: ProblemSchema },
      },
    },
    async (request) => {
      const { entered, customer, customerId, locale } = request.body;
      const guard = context.guard(locale ?? context.locale);
      // An id the session may not reach is checked as an id no customer has: the directory then
      // treats the customer asked for as anyone else, as it does for an id that is not there.
      const asked = reachable(request, customerId) ? (customerId as string) : `not-shown-${randomUUID()}`;
      const verdict: Verdict = customer
        ? await guard.check({ entered, customer: inline(request, customer as Customer) })
        : await guard.check({ entered, customerId: asked });
      return verdictBody(verdict);
    },
  );

  app.post(
    '/v1/check-phone',
    {
      schema: {
        tags: ['check'],
        summary: 'Check a phone number as entered for a customer (SMS order confirmations)',
        body: CheckPhoneRequestSchema,
        response: { 200: VerdictSchema, 400: ProblemSchema, 401: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const { entered, customer, customerId, locale } = request.body;
      const directory = context.options.directory;
      let record = customer ? inline(request, customer as Customer) : undefined;
      if (!record && customerId !== undefined) {
        const found =
          directory && reachable(request, customerId) ? await directory.get(customerId) : undefined;
        if (!found)
          return sendProblem(
            reply,
            problem('not-found', 404, 'There is no customer with that id', {
              field: 'body.customerId',
              detail: directory ? 'not in the directory' : 'the server has no directory; send the customer',
            }),
          );
        record = found as Customer;
      }
      // The guard asks a database directory first, so either directory gives the same findings.
      const verdict = await context
        .guard(locale ?? context.locale)
        .checkPhone({ entered, customer: record as Customer });
      return verdictBody(verdict);
    },
  );
}
