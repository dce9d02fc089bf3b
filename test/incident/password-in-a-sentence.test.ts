import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPersonalData } from '../../src/incident/find-personal-data.js';
import { inventoryMessage } from '../../src/incident/index.js';

// A password is given in many sentence shapes: with words between the word and the colon, or with
// "är" / "is" and no colon at all. A line that only names passwords ("Byt lösenord på Mina sidor")
// holds no secret and is no login detail.
const passwords = (text: string) =>
  findPersonalData(text)
    .filter((hit) => hit.kind === 'password')
    .map((hit) => text.slice(hit.start, hit.end));

describe('a password written in a sentence', () => {
  it.each([
    ['Ditt lösenord till Mina sidor: Xk29-pqL7', 'Xk29-pqL7'],
    ['Lösenordet är Xk29', 'Xk29'],
    ['Ditt nya lösenord är Xk29-pqL7', 'Xk29-pqL7'],
    ['Your password for My pages: Xk29-pqL7', 'Xk29-pqL7'],
    ['Password is Xk29-pqL7', 'Xk29-pqL7'],
    ['Your new password is Xk29', 'Xk29'],
  ])('finds the secret in “%s”', (line, secret) => {
    expect(passwords(`Hej Anna!\n${line}\nVänliga hälsningar`)).toEqual([secret]);
  });

  it.each([
    'Byt lösenord på Mina sidor',
    'Byt lösenord på Mina sidor.',
    'Glömt lösenord? Gå till Mina sidor: www.nordkabel.se',
    'Lösenordet är skiftlägeskänsligt',
    'Your password is case-sensitive',
    'Password is at least 8 characters long',
    'Change your password on My pages',
  ])('finds no password in “%s”', (line) => {
    expect(passwords(`Hej Anna!\n${line}\nVänliga hälsningar`)).toEqual([]);
  });

  it('reads the seed order confirmation’s password line as login details', async () => {
    const message = readFileSync(new URL('../fixtures/incident/password-line.eml', import.meta.url));
    const inventory = await inventoryMessage(message);
    expect(inventory.categories).toContain('credentials');
    expect(inventory.items.some((item) => item.kind === 'password')).toBe(true);
  });
});
