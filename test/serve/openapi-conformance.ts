import type { IncomingMessage } from 'node:http';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterEach, expect } from 'vitest';
import { createServer, type ServerOptions } from '../../src/serve/create-server.js';

/** The part of the OpenAPI 3.1 document the check reads. */
interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>
  >;
}

const TOKEN = 'openapi-reference-token-0123456789abcdef';
let reference: Promise<{ document: OpenApiDocument; validator: (pointer: string) => ValidateFunction }>;

/**
 * The document as a client reads it: `GET /openapi.json` of a server of its own (the routes and their
 * schemas are the same whatever a server is given), so asking for it adds no request to a test's log.
 */
function openApiReference() {
  reference ??= (async () => {
    const server = createServer({ token: TOKEN });
    const response = await server.inject({
      method: 'GET',
      url: '/openapi.json',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    await server.close();
    const document = response.json() as OpenApiDocument;
    // OpenAPI 3.1 schemas are JSON Schema 2020-12; `strict: false` lets the document's own
    // keywords (openapi, info, paths) sit around them.
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema(document, 'openapi.json');
    const compiled = new Map<string, ValidateFunction>();
    const validator = (pointer: string) => {
      let validate = compiled.get(pointer);
      if (!validate) {
        validate = ajv.compile({ $ref: `openapi.json#${pointer}` });
        compiled.set(pointer, validate);
      }
      return validate;
    };
    return { document, validator };
  })();
  return reference;
}

/** A JSON pointer token (RFC 6901 §3). */
const pointerToken = (token: string) => token.replaceAll('~', '~0').replaceAll('/', '~1');

/** The document's path template a request path matches (`/v1/holds/{id}`), if any. */
function templateOf(document: OpenApiDocument, path: string): string | undefined {
  return Object.keys(document.paths).find((template) =>
    new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path),
  );
}

const mismatches: string[] = [];
const seen = new Set<string>();

/** The answers checked so far that did not match the document, taken off the list (for a test of the check). */
export function takeOpenApiMismatches(): string[] {
  return mismatches.splice(0);
}

/** Each `METHOD template status` the checked servers of this test file answered on a documented route. */
export function answeredOperations(): ReadonlySet<string> {
  return seen;
}

/** Checks one answer against the document; a mismatch is added to the list. */
async function checkAnswer(answer: {
  method: string;
  url: string;
  status: number;
  contentType: string | undefined;
  body: string;
}): Promise<void> {
  const { document, validator } = await openApiReference();
  const path = answer.url.split('?')[0] ?? '';
  const template = templateOf(document, path);
  const method = answer.method.toLowerCase();
  const operation = template === undefined ? undefined : document.paths[template]?.[method];
  if (!template || !operation) return;
  const status = String(answer.status);
  seen.add(`${answer.method} ${template} ${status}`);
  const where = `${answer.method} ${path.length > 60 ? `${path.slice(0, 60)}…` : path} ${status}`;
  const response = operation.responses[status];
  if (!response) {
    mismatches.push(`${where}: status not in the document (${Object.keys(operation.responses)})`);
    return;
  }
  const mediaType = answer.contentType?.split(';')[0]?.trim();
  const content = response.content ?? {};
  if (Object.keys(content).length === 0) return;
  if (!mediaType || !(mediaType in content)) {
    mismatches.push(`${where}: content type ${mediaType} not in the document (${Object.keys(content)})`);
    return;
  }
  const pointer = ['paths', template, method, 'responses', status, 'content', mediaType, 'schema']
    .map(pointerToken)
    .join('/');
  const validate = validator(`/${pointer}`);
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    mismatches.push(`${where}: body is not JSON`);
    return;
  }
  if (!validate(body))
    mismatches.push(
      `${where}: ${validate.errors?.map((error) => `${error.instancePath || '/'} ${error.message}`).join('; ')}`,
    );
}

/**
 * Checks every answer a server sends on a route of its OpenAPI document against that document: the
 * status is one the operation lists, the media type one that status lists, and the body matches its
 * schema. Mismatches are collected and fail the test that made them (`afterEach`). Answers go
 * through `onSend`; the few Fastify's router sends itself (a path parameter over the limit: 414)
 * skip the hooks, and are checked as `inject` returns them.
 */
export function checkAgainstOpenApi(server: FastifyInstance): FastifyInstance {
  const checked = new WeakSet<object>();
  server.addHook('onSend', async (request, reply, payload) => {
    checked.add(request.raw);
    await checkAnswer({
      method: request.method,
      url: request.url,
      status: reply.statusCode,
      contentType: reply.getHeader('content-type')?.toString(),
      body: typeof payload === 'string' ? payload : String(payload),
    });
    return payload;
  });
  const inject = server.inject.bind(server) as (options: InjectOptions) => Promise<LightMyRequestResponse>;
  server.inject = (async (options: InjectOptions) => {
    const response = await inject(options);
    const request = response.raw.req as IncomingMessage;
    if (!checked.has(request))
      await checkAnswer({
        method: request.method ?? 'GET',
        url: request.url ?? '/',
        status: response.statusCode,
        contentType: response.headers['content-type']?.toString(),
        body: response.body,
      });
    return response;
  }) as FastifyInstance['inject'];
  return server;
}

/** `createServer` whose every answer is checked against its OpenAPI document (`checkAgainstOpenApi`). */
export function createCheckedServer(options: ServerOptions = {}): FastifyInstance {
  return checkAgainstOpenApi(createServer(options));
}

afterEach(() => {
  const found = mismatches.splice(0);
  expect(found, 'answers that do not match GET /openapi.json').toEqual([]);
});
