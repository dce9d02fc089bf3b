import { isLoopbackHost } from './is-loopback-host.js';

/**
 * The name in a `Host` header, without its port and lower-cased: `[::1]:8080` -> `::1`,
 * `Localhost:8080` -> `localhost` (RFC 9110 §7.2: uri-host [ ":" port ]; names compare without case).
 */
export function hostName(header: string): string {
  const value = header.trim().toLowerCase();
  const bracketed = /^\[([^\]]*)\](?::\d*)?$/.exec(value);
  if (bracketed) return bracketed[1] ?? '';
  // One colon is a port; more than one is a bare IPv6 address, which RFC 9110 does not allow but
  // some clients send.
  const colons = value.split(':').length - 1;
  return (colons === 1 ? value.slice(0, value.indexOf(':')) : value).replace(/\.$/, '');
}

/**
 * Whether a request's `Host` header names this server: a loopback name or address, or one of the
 * names the operator gave. Anything else is a page on another site whose name was pointed at this
 * machine (DNS rebinding): its scripts must not reach the API with the browser's loopback access.
 *
 * @example
 * ```ts
 * isAllowedHost('localhost:8715', []);                         // true
 * isAllowedHost('evil.example:8715', []);                      // false
 * isAllowedHost('guard.butiken.se', ['guard.butiken.se']);     // true
 * ```
 */
export function isAllowedHost(header: string | undefined, allowedHosts: readonly string[]): boolean {
  if (header === undefined || header === '') return false;
  const name = hostName(header);
  if (name === '') return false;
  if (isLoopbackHost(name)) return true;
  return allowedHosts.some((allowed) => hostName(allowed) === name);
}
