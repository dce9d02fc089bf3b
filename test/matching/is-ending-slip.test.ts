import { describe, expect, it } from 'vitest';
import { isEndingSlip } from '../../src/matching/is-ending-slip.js';

describe('isEndingSlip', () => {
  it.each([
    ['telia.es', 'telia.se'],
    ['hotmail.es', 'hotmail.se'],
    ['telia.nu', 'telia.se'],
    ['ownit.se', 'ownit.nu'],
    ['gmail.co', 'gmail.com'],
    ['gmail.cm', 'gmail.com'],
    ['gmail.con', 'gmail.com'],
    ['gmail.comm', 'gmail.com'],
    ['foretaget.sw', 'foretaget.se'],
    ['hotmail.co.ku', 'hotmail.co.uk'],
  ])('reads %s as a slip in the ending of %s', (entered, known) => {
    expect(isEndingSlip(entered, known)).toBe(true);
  });

  it.each([
    ['hotmail.com', 'hotmail.se'],
    ['hotmail.co.uk', 'hotmail.com'],
    ['telia.se', 'telia.se'],
    ['gmial.com', 'gmail.com'],
    ['yahoo.se', 'hotmail.se'],
    ['outlook.com', 'hotmail.com'],
    ['mail.se', 'gmail.se'],
    ['se', 'es'],
  ])('does not read %s as a slip in the ending of %s', (entered, known) => {
    expect(isEndingSlip(entered, known)).toBe(false);
  });
});
