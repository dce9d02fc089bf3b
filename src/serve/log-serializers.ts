/**
 * What the server's log may say about a request, an answer and an error. Request bodies, subjects
 * and addresses are personal data (GDPR Art. 4(1)); a log is read by more people and kept longer
 * than the hold store, so none of it goes there: the route's pattern (for a path no route matched,
 * its first segment only, and only when a route starts with it), the method, the status, and an
 * error's name and code, never its message (a transport's or a parser's message may quote an
 * address).
 *
 * `routeSegments` holds the first path segments of the server's routes (`v1`, `holds`, `demo`);
 * the server fills it as routes are added.
 *
 * @example
 * ```ts
 * const serializers = logSerializers(new Set(['v1']));
 * serializers.req({ method: 'GET', url: '/v1/customers/anna@example.se' }).path; // '/v1/…'
 * ```
 */
export function logSerializers(routeSegments: ReadonlySet<string>) {
  return {
    req(request: { method?: string; url?: string; id?: string; routeOptions?: { url?: string } }) {
      // The route's pattern (`/demo/customers/:id`), not the path: a path names the customer or
      // message asked for.
      const pattern = request.routeOptions?.url;
      if (typeof pattern === 'string' && pattern !== '')
        return { method: request.method ?? '', path: pattern };
      return { method: request.method ?? '', path: unmatchedPath(request.url, routeSegments) };
    },
    res(reply: { statusCode?: number }) {
      return { statusCode: reply.statusCode ?? 0 };
    },
    err(error: { name?: string; code?: unknown; statusCode?: unknown }) {
      return {
        type: error.name,
        ...(typeof error.code === 'string' ? { code: error.code } : {}),
        ...(typeof error.statusCode === 'number' ? { statusCode: error.statusCode } : {}),
      };
    },
  };
}

/**
 * A path no route matched, as the log may hold it: any segment of it may be an address or a
 * customer id someone typed into a URL (`/v1/customers/anna@example.se`), so only a first segment
 * one of the server's own routes starts with is kept, and the rest is `…`.
 */
function unmatchedPath(url: unknown, routeSegments: ReadonlySet<string>): string {
  const path = typeof url === 'string' ? url.replace(/[?#].*$/s, '') : '';
  const segments = path.split('/');
  const first = segments[1] ?? '';
  if (!routeSegments.has(first)) return path === '/' || path === '' ? '/' : '/…';
  return segments.length > 2 ? `/${first}/…` : `/${first}`;
}
