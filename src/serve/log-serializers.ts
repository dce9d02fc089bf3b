/**
 * What the server's log may say about a request, an answer and an error. Request bodies, subjects
 * and addresses are personal data (GDPR Art. 4(1)); a log is read by more people and kept longer
 * than the hold store, so none of it goes there: the route's pattern (else the path without its query), the method, the status,
 * and an error's name and code, never its message (a transport's or a parser's message may quote
 * an address).
 */
export const logSerializers = {
  req(request: { method?: string; url?: string; id?: string; routeOptions?: { url?: string } }) {
    // The route's pattern (`/demo/customers/:id`), not the path: a path names the customer or
    // message asked for. Only a path no route matched is written as it came, without its query.
    const pattern = request.routeOptions?.url;
    if (typeof pattern === 'string' && pattern !== '') return { method: request.method ?? '', path: pattern };
    const url = typeof request.url === 'string' ? request.url : '';
    const query = url.indexOf('?');
    return { method: request.method ?? '', path: query === -1 ? url : url.slice(0, query) };
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
