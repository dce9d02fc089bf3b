import { describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/contacts/create-directory.js';
import type { Customer } from '../../src/contacts/customer.js';
import { createGuard } from '../../src/guard/create-guard.js';
import type { Verdict } from '../../src/guard/verdict.js';
import { exactLookupDown } from '../support/exact-lookup-down.js';

// An address typed in letters of another alphabet reads as an address in plain letters; when that is
// another customer's, or whose it is cannot be told, the verdict the salesperson's screen gets must
// not spell it out anywhere, in a message or in a field: typed, the order would reach that customer.

const EVA = 'eva.lund@gmail.com';
// A Cyrillic е (U+0435) for the Latin e.
const TYPED = '\u0435va.lund@gmail.com';
const ola: Customer = { id: 'C-20', name: 'Ola Ek', emails: ['ola.ek@telia.com'] };
const eva: Customer = { id: 'C-22', name: 'Eva Lund', emails: [EVA] };

const lookalikeOf = (verdict: Verdict) =>
  verdict.findings.find((finding) => finding.code === 'confusable-characters');

/** The local part as typed with each hinted character replaced by what it looks like, as a reader of the JSON would. */
function rebuild(
  typed: string,
  characters: readonly { part: string; index: number; looksLike?: string }[],
): string {
  const at = typed.lastIndexOf('@');
  const local = [...typed.slice(0, at)];
  for (const hint of characters)
    if (hint.part === 'local' && hint.looksLike) local[hint.index] = hint.looksLike;
  return `${local.join('')}${typed.slice(at)}`;
}

describe('a look-alike address whose plain reading is withheld', () => {
  it('carries no `lookalike` when the reading is another customer’s address', async () => {
    const verdict = await createGuard({ directory: createDirectory([ola, eva]) }).check({
      entered: TYPED,
      customerId: 'C-20',
    });
    expect(lookalikeOf(verdict)).toMatchObject({ correctionWithheld: 'other-customer' });
    expect(lookalikeOf(verdict)).not.toHaveProperty('lookalike');
    expect(JSON.stringify(verdict)).not.toContain(EVA);
  });

  it('carries no `lookalike` when whose the reading is cannot be looked up', async () => {
    const verdict = await createGuard({ verifiedAddresses: exactLookupDown }).check({
      entered: TYPED,
      customer: ola,
    });
    expect(lookalikeOf(verdict)).toMatchObject({ correctionWithheld: 'not-looked-up' });
    expect(lookalikeOf(verdict)).not.toHaveProperty('lookalike');
    expect(JSON.stringify(verdict)).not.toContain(EVA);
  });

  it('gives no character hints that spell the withheld reading out again', async () => {
    // Two look-alikes: a Cyrillic е and a Cyrillic а (U+0430) in `eva`.
    const typed = '\u0435v\u0430.lund@gmail.com';
    const verdict = await createGuard({ directory: createDirectory([ola, eva]) }).check({
      entered: typed,
      customerId: 'C-20',
    });
    // What a page receives: the verdict as JSON, and the address it typed.
    const received = JSON.parse(JSON.stringify(verdict)) as Verdict;
    const finding = lookalikeOf(received);
    expect(finding).toMatchObject({ correctionWithheld: 'other-customer' });
    const rebuilt = rebuild(typed, finding?.code === 'confusable-characters' ? finding.characters : []);
    expect(rebuilt.toLowerCase()).not.toBe(EVA);
    expect(JSON.stringify(received)).not.toMatch(/"looksLike"/);
    // Which characters they are, and where, is still said: the salesperson is told what to ask about.
    expect(finding).toMatchObject({
      characters: [
        { character: '\u0435', codePoint: 'U+0435', script: 'Cyrillic', part: 'local', index: 0 },
        { character: '\u0430', codePoint: 'U+0430', script: 'Cyrillic', part: 'local', index: 2 },
      ],
    });
  });

  it('keeps the character hints when the reading is no other customer’s', async () => {
    const verdict = await createGuard({ directory: createDirectory([ola]) }).check({
      entered: TYPED,
      customerId: 'C-20',
    });
    expect(lookalikeOf(verdict)).toMatchObject({ characters: [{ looksLike: 'e', index: 0 }] });
  });

  it('keeps `lookalike` when the reading is no other customer’s', async () => {
    const verdict = await createGuard({ directory: createDirectory([ola]) }).check({
      entered: TYPED,
      customerId: 'C-20',
    });
    expect(lookalikeOf(verdict)).toMatchObject({ lookalike: EVA });
    expect(verdict.suggestion).toBe(EVA);
  });
});
