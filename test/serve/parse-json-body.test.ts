import { describe, expect, it } from 'vitest';
import { JsonBodyError, parseJsonBody } from '../../src/serve/parse-json-body.js';
import { expectLinearGrowth } from '../support/growth.js';

/** `{"a":{"a":…{"__proto__":1}…}}`, n levels deep. */
const deep = (n: number) => `${'{"a":'.repeat(n)}{"__proto__":1}${'}'.repeat(n)}`;

describe('parseJsonBody', () => {
  it('names a __proto__ key deep in the body by its whole path', () => {
    expect(() => parseJsonBody(deep(3))).toThrow(JsonBodyError);
    try {
      parseJsonBody(deep(3));
    } catch (error) {
      expect((error as JsonBodyError).field).toBe('body.a.a.a.__proto__');
    }
  });

  it('takes a constructor key without a prototype, and a key merely spelled with proto', () => {
    expect(parseJsonBody('{"constructor": "x", "protocol": "smtp"}')).toEqual({
      constructor: 'x',
      protocol: 'smtp',
    });
  });

  it('names a key given twice by its path, escapes read as JSON reads them', () => {
    try {
      parseJsonBody('{"a": [1, {"b": {"c": 1}}, {"b": 1, "\\u0062": 2}]}');
      expect.unreachable('a key given twice is refused');
    } catch (error) {
      expect((error as JsonBodyError).field).toBe('body.a.2.b');
    }
    expect(parseJsonBody('{"a": {"b": 1}, "b": {"a": "b"}, "c": ["a", "a"]}')).toEqual({
      a: { b: 1 },
      b: { a: 'b' },
      c: ['a', 'a'],
    });
  });

  it('looks for keys given twice in time that grows linearly with the body', async () => {
    await expectLinearGrowth({
      n: 2_000,
      make: (n: number) =>
        `{${Array.from({ length: n }, (_, index) => `"k${index}": [{"a": "x\\"y"}]`).join(',')}}`,
      run: (text: string) => parseJsonBody(text),
    });
  });

  it('searches a deeply nested body in time that grows linearly with its depth', async () => {
    await expectLinearGrowth({
      // A fifth of a millisecond a body at 1,000 levels: twenty bodies a timing, so one preemption
      // or collection does not weigh as much as the search. Deeper, the engine's own cost per level
      // grows (32,000 levels take 10 times 8,000), which would be measured instead of this search.
      n: 1000,
      tries: 9,
      make: deep,
      run: (text: string) => {
        for (let body = 0; body < 20; body++) {
          try {
            parseJsonBody(text);
          } catch {}
        }
      },
    });
  });
});
