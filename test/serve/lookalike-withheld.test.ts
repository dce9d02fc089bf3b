import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/contacts/create-directory.js';
import { createCheckedServer } from './openapi-conformance.js';
import { auth, TOKEN } from './support.js';

// The salesperson's screen gets the verdict whole: an address typed in letters of another alphabet
// whose plain reading is another customer's must not be spelled out in any field of the answer.

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('POST /v1/check of a look-alike of another customer’s address', () => {
  it('answers without that address in any field', async () => {
    const directory = createDirectory([
      { id: 'C-20', name: 'Ola Ek', emails: ['ola.ek@telia.com'] },
      { id: 'C-22', name: 'Eva Lund', emails: ['eva.lund@gmail.com'] },
    ]);
    app = createCheckedServer({ token: TOKEN, directory });
    const response = await app.inject({
      method: 'POST',
      url: '/v1/check',
      headers: auth,
      // A Cyrillic е (U+0435) for the Latin e.
      payload: { entered: '\u0435va.lund@gmail.com', customerId: 'C-20' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().findings).toContainEqual(
      expect.objectContaining({ code: 'confusable-characters', correctionWithheld: 'other-customer' }),
    );
    expect(response.body).not.toContain('eva.lund@gmail.com');
  });
});
