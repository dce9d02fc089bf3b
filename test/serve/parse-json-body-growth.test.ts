import { describe, expect, it } from 'vitest';
import { JsonBodyError, parseJsonBody } from '../../src/serve/parse-json-body.js';
import { expectLinearScanning } from '../support/expect-linear-scanning.js';

// A request body is anyone's text: the walk that looks for a lone surrogate (`\ud800`) in its keys
// and strings must look at each key and string once, however deep the body nests or however many
// keys one object holds, and name the path of the one it finds once, not per level.

/** The field a refused body names, or what it answers when it is taken. */
function refusedField(text: string): string | unknown {
  try {
    return parseJsonBody(text);
  } catch (error) {
    if (error instanceof JsonBodyError) return error.field;
    throw error;
  }
}

const deep = (n: number) => `${'{"kund":'.repeat(n)}"\\ud800"${'}'.repeat(n)}`;
const wide = (n: number) =>
  `{${Array.from({ length: n }, (_, index) => `"adress${index}":"kund${index}@butiken.se"`).join(',')},"sist":"\\ud800"}`;

describe('the lone-surrogate walk of a JSON body', () => {
  it('names the path to a lone surrogate deep in the body, and the key beside many others', () => {
    expect(refusedField(deep(3))).toBe('body.kund.kund.kund');
    expect(refusedField(wide(3))).toBe('body.sist');
  });

  it('scans a deeply nested body in linear proportion to its depth', () => {
    expectLinearScanning({ n: 1_000, make: deep, run: refusedField });
  });

  it('scans an object of many keys in linear proportion to their number', () => {
    expectLinearScanning({ n: 1_000, make: wide, run: refusedField });
  });
});
