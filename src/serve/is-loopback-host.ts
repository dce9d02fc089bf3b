import { isIP } from 'node:net';

/**
 * Whether a listen address reaches only this machine: `localhost`, 127.0.0.0/8 (RFC 1122 §3.2.1.3)
 * or ::1 (RFC 4291 §2.5.3), also as an IPv4-mapped IPv6 address. `0.0.0.0`, `::` and any name
 * but `localhost` are not: they may be reached from the network.
 *
 * @example
 * ```ts
 * isLoopbackHost('127.0.0.1'); // true
 * isLoopbackHost('0.0.0.0');   // false
 * ```
 */
export function isLoopbackHost(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (name === 'localhost') return true;
  const ipv4 = name.startsWith('::ffff:') ? name.slice(7) : name;
  if (isIP(ipv4) === 4) return ipv4.split('.')[0] === '127';
  if (isIP(name) === 6) return /^(0{0,4}:){2,7}0{0,3}1$|^::1$/.test(name);
  return false;
}
