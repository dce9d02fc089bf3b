import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { tokenStrength } from '../../src/serve/token-strength.js';

describe('tokenStrength', () => {
  it('finds no weakness in the tokens the docs say how to make', () => {
    for (let run = 0; run < 50; run++) {
      expect(tokenStrength(randomBytes(32).toString('hex')).weakness).toBeUndefined();
      expect(tokenStrength(randomBytes(16).toString('hex')).weakness).toBeUndefined();
      expect(tokenStrength(randomBytes(24).toString('base64url')).weakness).toBeUndefined();
    }
  });

  it('finds a token under 32 characters too short', () => {
    expect(tokenStrength('short').weakness).toBe('too-short');
  });

  it('finds one character repeated, or making up most of the token', () => {
    expect(tokenStrength('a'.repeat(40)).weakness).toBe('one-character');
    expect(tokenStrength(`${'x'.repeat(30)}a1B2c3D4e5`).weakness).toBe('one-character');
  });

  it('finds a short pattern repeated', () => {
    expect(tokenStrength('abc123'.repeat(8)).weakness).toBe('repeated-pattern');
    expect(tokenStrength('Tr0ub4dor&3x'.repeat(3)).weakness).toBe('repeated-pattern');
  });

  it('finds only digits under 40 characters, and takes 40 random ones', () => {
    expect(tokenStrength('20260101123456789012345678901234').weakness).toBe('digits-only');
    const digits = Array.from(randomBytes(40), (byte) => String(byte % 10)).join('');
    expect(tokenStrength(digits).weakness).toBeUndefined();
    expect(tokenStrength(digits).bits).toBeGreaterThanOrEqual(128);
  });
});
