import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { createServer } from '../../src/serve/create-server.js';

describe('createServer token strength', () => {
  it('refuses to listen off loopback with a weak token, naming the option', async () => {
    const app = createServer({ token: 'abcd1234'.repeat(5) });
    try {
      const listening = app.listen({ port: 0, host: '0.0.0.0' });
      await expect(listening).rejects.toBeInstanceOf(InvalidInputError);
      await expect(listening).rejects.toMatchObject({
        field: 'token',
        issues: [{ path: ['token'], code: 'repeated-pattern' }],
      });
      expect(app.server.listening).toBe(false);
    } finally {
      await app.close();
    }
  });

  it('refuses a token under 32 characters off loopback, through the callback too', async () => {
    const app = createServer({ token: 'short-token' });
    try {
      const error = await new Promise<unknown>((resolve) =>
        app.listen({ port: 0, host: '::' }, (failure) => resolve(failure)),
      );
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).field).toBe('token');
      expect(app.server.listening).toBe(false);
    } finally {
      await app.close();
    }
  });

  it('listens on loopback with a weak token, as the serve command does', async () => {
    const app = createServer({ token: 'short-token' });
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      expect(app.server.listening).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('listens off loopback with a random token', async () => {
    const app = createServer({ token: randomBytes(32).toString('hex') });
    try {
      await app.listen({ port: 0, host: '0.0.0.0' });
      expect(app.server.listening).toBe(true);
    } finally {
      await app.close();
    }
  });
});
