/**
 * The rows of a Swedish (and, for letters and digits, US/UK) QWERTY keyboard, each row offset half
 * a key to the right of the one above. Used to tell a slip of the finger (`gnail` for `gmail`:
 * n is beside m) from a different word (`tella` for `telia`: l is nowhere near i).
 */
export const swedishQwertyRows: readonly string[] = [
  '1234567890+',
  'qwertyuiopå',
  'asdfghjklöä',
  'zxcvbnm,.-',
];
