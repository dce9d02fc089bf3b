import type { FastifyRequest } from 'fastify';
import type { Locale } from '../guard/verdict.js';

const LOCALES: readonly Locale[] = ['sv', 'en'];

/**
 * The language an API request asks for: `?locale=sv|en` first, then the best of `sv` and `en` in
 * its `Accept-Language` header by quality (RFC 9110 §12.5.4; `sv-SE` counts as `sv`, RFC 4647 §3.4
 * lookup by the primary subtag), else `fallback`.
 *
 * @example
 * ```ts
 * requestLocale(request, 'en'); // 'sv' for Accept-Language: sv-SE, en;q=0.8
 * ```
 */
export function requestLocale(request: FastifyRequest, fallback: Locale): Locale {
  const asked = (request.query as { locale?: unknown } | undefined)?.locale;
  if (typeof asked === 'string' && (LOCALES as readonly string[]).includes(asked)) return asked as Locale;
  const header = request.headers['accept-language'];
  if (typeof header !== 'string') return fallback;
  let best: { readonly locale: Locale; readonly quality: number } | undefined;
  for (const range of header.slice(0, 1000).split(',')) {
    const [tag = '', ...parameters] = range.trim().split(';');
    const primary = tag.trim().toLowerCase().split('-')[0] ?? '';
    const locale = LOCALES.find((candidate) => candidate === primary);
    if (!locale) continue;
    const q = parameters.map((parameter) => /^\s*q\s*=\s*([\d.]+)\s*$/i.exec(parameter)?.[1]).find(Boolean);
    const quality = q === undefined ? 1 : Number(q);
    if (Number.isFinite(quality) && quality > 0 && (!best || quality > best.quality))
      best = { locale, quality };
  }
  return best?.locale ?? fallback;
}
