import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
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

/** An address of this machine that other machines reach, or `0.0.0.0` (every address) without one. */
function offLoopbackAddress(): string {
  for (const entries of Object.values(networkInterfaces()))
    for (const entry of entries ?? []) if (!entry.internal && entry.family === 'IPv4') return entry.address;
  return '0.0.0.0';
}

/** The error `server.listen` ended with, or the address it is listening on. */
function rawListen(app: ReturnType<typeof createServer>, host: string): Promise<unknown> {
  return new Promise((resolve) => {
    app.server.once('error', resolve);
    app.server.listen(0, host, () => resolve(app.server.address()));
  });
}

describe('createServer off loopback, however it is made to listen', () => {
  const host = offLoopbackAddress();

  it(`refuses app.server.listen on ${host} without a token, naming the option, before any request`, async () => {
    const app = createServer();
    await app.ready();
    try {
      const outcome = await rawListen(app, host);
      expect(outcome).toBeInstanceOf(InvalidInputError);
      expect(outcome).toMatchObject({ field: 'token', issues: [{ path: ['token'], code: 'missing' }] });
      expect((outcome as Error).message).toContain(host);
      expect(app.server.listening).toBe(false);
    } finally {
      await app.close();
    }
  });

  it('refuses app.listen on 0.0.0.0 without a token', async () => {
    const app = createServer();
    try {
      await expect(app.listen({ port: 0, host: '0.0.0.0' })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        field: 'token',
      });
      expect(app.server.listening).toBe(false);
    } finally {
      await app.close();
    }
  });

  it(`refuses app.server.listen on ${host} with a weak token`, async () => {
    const app = createServer({ token: 'short-token' });
    await app.ready();
    try {
      const outcome = await rawListen(app, host);
      expect(outcome).toMatchObject({ field: 'token', issues: [{ code: 'too-short' }] });
      expect(app.server.listening).toBe(false);
    } finally {
      await app.close();
    }
  });

  it('lets app.server.listen bind a loopback address without a token, and another with a random one', async () => {
    const open = createServer();
    const keyed = createServer({ token: randomBytes(32).toString('hex') });
    await open.ready();
    await keyed.ready();
    try {
      expect(((await rawListen(open, '127.0.0.1')) as AddressInfo).address).toBe('127.0.0.1');
      expect(((await rawListen(keyed, host)) as AddressInfo).address).toBe(host);
    } finally {
      await open.close();
      await keyed.close();
    }
  });
});
