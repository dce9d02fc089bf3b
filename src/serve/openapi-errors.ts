/** The part of an OpenAPI 3.1 document this touches. */
interface OpenApiDocument {
  paths?: Record<string, Record<string, { responses?: Record<string, OpenApiResponse> }>>;
}
interface OpenApiResponse {
  description?: string;
  content?: Record<string, { schema?: unknown }>;
}

// What the server answers before or around any route's own code (create-server.ts): the Host check
// (421), its own failure (500); with the token: none or a wrong one (401), too many wrong ones (429);
// on a body: a cross-site Origin (403), a broken body (400), too large (413), not JSON (415); on a
// path parameter: over the router's limit (414).
const ALWAYS: Readonly<Record<string, string>> = {
  '421': 'The Host header names a host this server does not answer for',
  '500': 'The server failed; nothing was sent',
};
const WITH_TOKEN: Readonly<Record<string, string>> = {
  '401': 'No token, or not the server’s',
  '429': 'Too many wrong tokens from this client address for now (Retry-After)',
};
const WITH_BODY: Readonly<Record<string, string>> = {
  '400': 'The body is empty, not JSON, or does not match the schema',
  '403': 'The request came from another site (Origin), or a page session sent no CSRF token or another',
  '413': 'The body is over the limit',
  '415': 'The body is not application/json',
};
const WITH_PARAMS: Readonly<Record<string, string>> = {
  '414': 'A path parameter is over the length limit',
};

/**
 * The generated OpenAPI document as the server answers: every error response declared as
 * `application/problem+json` (RFC 9457 §3; fastify-type-provider-zod writes each response as
 * `application/json`), and the errors any route may answer before its own code added to each
 * operation with the problem schema, so a client generated from the document expects them.
 */
export function withProblemResponses<Document extends object>(
  document: Document,
  problemSchema: unknown,
): Document {
  const paths = (document as OpenApiDocument).paths ?? {};
  for (const [path, operations] of Object.entries(paths))
    for (const [method, operation] of Object.entries(operations)) {
      const responses: Record<string, OpenApiResponse> = { ...(operation.responses ?? {}) };
      for (const [status, response] of Object.entries(responses))
        if (Number(status) >= 400) {
          const schema = Object.values(response.content ?? {})[0]?.schema ?? problemSchema;
          responses[status] = { ...response, content: { 'application/problem+json': { schema } } };
        }
      const added = {
        ...ALWAYS,
        ...(path === '/healthz' ? {} : WITH_TOKEN),
        ...(method === 'post' ? WITH_BODY : {}),
        ...(path.includes('{') ? WITH_PARAMS : {}),
      };
      for (const [status, description] of Object.entries(added))
        responses[status] ??= {
          description,
          content: { 'application/problem+json': { schema: problemSchema } },
        };
      operation.responses = responses;
    }
  return document;
}
