/**
 * A POST of JSON from the order form's script to the API, with the session's CSRF token in
 * `X-CSRF-Token` (the server takes the session cookie only with it). Rejects as `fetch` does when
 * the server cannot be reached.
 *
 * @example
 * ```ts
 * const response = await postJson('/v1/check', { entered: 'anna@example.se', customerId: 'C-1001' }, csrf);
 * ```
 */
export function postJson(url: string, body: unknown, csrf: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
    credentials: 'same-origin',
    body: JSON.stringify(body),
  });
}
