import { describe, expect, it } from 'vitest';
import { sameSecret, sameSecretAs } from '../../src/serve/same-secret.js';

describe('sameSecretAs', () => {
  it('answers as sameSecret does for the one secret it was made with', () => {
    const secret = 'order-form-token-0123456789abcdefghij';
    const isToken = sameSecretAs(secret);
    for (const given of [secret, `${secret}x`, secret.slice(0, -1), '', 'ö'.repeat(40), secret.toUpperCase()])
      expect(isToken(given), given).toBe(sameSecret(given, secret));
    expect(isToken(secret)).toBe(true);
    expect(isToken(secret.slice(1))).toBe(false);
  });
});
