import type { FastifyReply } from 'fastify';
import { z } from 'zod';

/** Where each problem type is described: the `type` of a problem is this page and an anchor. */
const PROBLEM_DOCS = 'https://github.com/email-guard/email-guard/blob/main/docs/serve.md';

/**
 * An error answer as RFC 9457 problem details (`application/problem+json`), with the fields that
 * failed named in `field` (the first) and `errors` (every one), as dotted paths from the request
 * part they are in (`body.customer.emails.0`).
 */
export const ProblemSchema = z.object({
  /** RFC 9457 §3.1.1: a URI naming the problem type; `about:blank` for a plain HTTP status. */
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  /** The first field that failed, when the problem is about the request's content. */
  field: z.string().optional(),
  /** Every field that failed, each with what is wrong; empty when no field is at fault. */
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
});

/** One problem answer (see {@link ProblemSchema}). */
export type Problem = z.infer<typeof ProblemSchema>;

/** The problem types the service answers with, by the anchor of their description in docs/serve.md. */
export type ProblemType =
  | 'invalid-input'
  | 'unauthorized'
  | 'not-found'
  | 'conflict'
  | 'recipient-blocked'
  | 'not-configured'
  | 'send-failed'
  | 'audit-log-failed'
  | 'hold-store-unavailable'
  | 'release-in-doubt'
  | 'fewer-customers'
  | 'body-too-large'
  | 'unsupported-media-type'
  | 'internal'
  | 'misdirected-request'
  | 'cross-origin'
  | 'csrf-mismatch'
  | 'uri-too-long'
  | 'headers-too-large'
  | 'bad-request'
  | 'request-timeout'
  | 'too-many-requests'
  | 'method-not-allowed'
  | 'address-refused'
  | 'verification-refused'
  | 'verification-store-unavailable';

/**
 * Builds a problem of one of the service's types. `errors` is always there, so a client reads one
 * shape for every answer: when not given, the named `field` with the `detail` (else the title), or
 * none when no field is at fault.
 */
export function problem(
  type: ProblemType | 'about:blank',
  status: number,
  title: string,
  extra: Omit<Problem, 'type' | 'title' | 'status' | 'errors'> & { readonly errors?: Problem['errors'] } = {},
): Problem {
  const { errors, ...rest } = extra;
  return {
    type: type === 'about:blank' ? type : `${PROBLEM_DOCS}#${type}`,
    title,
    status,
    ...rest,
    errors:
      errors ?? (extra.field === undefined ? [] : [{ field: extra.field, message: extra.detail ?? title }]),
  };
}

/** Sends a problem with its status and the RFC 9457 §3 media type. */
export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type('application/problem+json; charset=utf-8').send(body);
}
