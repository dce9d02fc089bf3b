import { domainToASCII } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAddress } from '../../src/address/parse-address.js';

function reasonOf(input: string) {
  const result = parseAddress(input);
  return result.ok ? 'ok' : result.reason;
}

describe('parseAddress', () => {
  it('trims surrounding white space and lower-cases the domain but keeps the local part as typed', () => {
    const result = parseAddress('  Anna.Svensson@Gmail.COM\t');
    expect(result).toMatchObject({
      ok: true,
      address: {
        address: 'Anna.Svensson@gmail.com',
        local: 'Anna.Svensson',
        domain: 'gmail.com',
        trimmed: true,
      },
    });
  });

  it('reads an emoji joined from several (UAX #29, Extended_Pictographic) as the visible emoji it is', () => {
    // A family, a rainbow flag, a woman with a skin tone at a laptop: one emoji each, as one emoji is.
    for (const emoji of ['👩\u200D👩\u200D👧', '🏳\uFE0F\u200D🌈', '👩🏽\u200D💻']) {
      const result = parseAddress(`karin${emoji}@telia.se`);
      expect(result.ok && result.address.local, emoji).toBe(`karin${emoji}`);
    }
  });

  it('reads an emoji tag sequence (UTS #51 §2.8: the flag of England, of Scotland) as the visible flag it is', () => {
    const england = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}';
    const scotland = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}';
    for (const flag of [england, scotland, `${england}${scotland}`]) {
      const result = parseAddress(`karin${flag}@telia.se`);
      expect(result.ok && result.address.local, flag).toBe(`karin${flag}`);
    }
  });

  it('maps an internationalised domain to its ASCII form through UTS #46', () => {
    const result = parseAddress('erik@Åkeri-Nilsson.se');
    expect(result.ok && result.address.domain).toBe(domainToASCII('åkeri-nilsson.se'));
    expect(result.ok && result.address.domain).toMatch(/^xn--/);
    expect(result.ok && result.address.unicodeDomain).toBe('åkeri-nilsson.se');
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['anna@example.se\r\nBcc: victim@example.com', 'control-characters'],
    ['anna@exam\nple.se', 'control-characters'],
    ['an\u200Bna@example.se', 'invisible-characters'],
    ['an\u200Dna@example.se', 'invisible-characters'],
    ['anna\u{1F600}\u200Dx@example.se', 'invisible-characters'],
    ['anna\u200D\u{1F600}@example.se', 'invisible-characters'],
    // Tag characters hide text unless they follow an emoji and end with CANCEL TAG (UTS #51 ED-14a).
    ['anna\u{E0067}\u{E0062}\u{E007F}@example.se', 'invisible-characters'],
    ['anna\u{1F3F4}\u{E0067}\u{E0062}@example.se', 'invisible-characters'],
    ['anna\u{1F3F4}\u{E007F}@example.se', 'invisible-characters'],
    ['anna@example.se\u000b', 'control-characters'],
    ['\u2028anna@example.se', 'control-characters'],
    ['\ud800anna@example.se', 'malformed-text'],
    ['Anna Svensson <anna@example.se>', 'display-name'],
    ['anna@example.se, bo@example.se', 'list'],
    ['anna@example.se;bo@example.se', 'list'],
    ['anna.example.se', 'missing-at'],
    ['per(at)gustafsson.se', 'missing-at'],
    ['anna@@example.se', 'multiple-at'],
    ['@example.se', 'empty-local-part'],
    ['anna@', 'empty-domain'],
    ['.anna@example.se', 'dot-placement'],
    ['anna.@example.se', 'dot-placement'],
    ['an..na@example.se', 'dot-placement'],
    ['anna@example..se', 'dot-placement'],
    ['anna@example.se.', 'dot-placement'],
    ['anna svensson@example.se', 'whitespace'],
    ['anna@exa mple.se', 'whitespace'],
    [`${'a'.repeat(65)}@example.se`, 'local-part-too-long'],
    ['anna@[192.0.2.1]', 'domain-literal'],
    ['anna@exa_mple.se', 'domain-characters'],
    ['anna@-example.se', 'domain-label'],
    ['anna@localhost', 'single-label-domain'],
    ['anna@192.0.2.1', 'numeric-top-level-domain'],
    [`anna@${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.se`, 'address-too-long'],
    ['anna(comment)@example.se', 'local-part-characters'],
  ])('refuses %j as %s', (input, reason) => {
    expect(reasonOf(input)).toBe(reason);
  });

  it('accepts a quoted local part and the full RFC 5322 atext set', () => {
    expect(reasonOf('"anna svensson"@example.se')).toBe('ok');
    expect(reasonOf("o'brien+orders_2024!#$%&*/=?^`{|}~@example.co.uk")).toBe('ok');
  });

  it('never throws, whatever the string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 80 }), (input) => {
        expect(() => parseAddress(input)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });

  it('changes nothing when a parsed address is parsed again', () => {
    const local = fc.stringMatching(/^[a-z0-9]([a-z0-9._+-]{0,20}[a-z0-9])?$/);
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
    fc.assert(
      fc.property(
        local,
        label,
        fc.constantFrom('se', 'com', 'nu', 'co.uk'),
        fc.boolean(),
        (l, d, tld, upper) => {
          const typed = ` ${l}@${upper ? d.toUpperCase() : d}.${tld} `;
          const once = parseAddress(typed);
          fc.pre(once.ok);
          if (!once.ok) return;
          const twice = parseAddress(once.address.address);
          expect(twice.ok && twice.address.address).toBe(once.address.address);
        },
      ),
    );
  });

  it('never accepts a string with a line break, so no header can be injected through it', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom('\r', '\n', '\r\n'),
        fc.string(),
        (before, lineBreak, after) => {
          expect(parseAddress(`${before}${lineBreak}${after}`).ok).toBe(false);
        },
      ),
    );
  });
});
