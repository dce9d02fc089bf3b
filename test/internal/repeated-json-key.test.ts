import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repeatedJsonKey } from '../../src/internal/repeated-json-key.js';

describe('repeatedJsonKey', () => {
  it('names a top-level key written twice', () => {
    expect(repeatedJsonKey('{"a":1,"detectedAt":"x","detectedAt":"y"}')).toBe('detectedAt');
  });

  it('names a nested key by its path', () => {
    expect(repeatedJsonKey('{"customer":{"name":"A","id":"1","name":"B"}}')).toBe('customer.name');
    expect(repeatedJsonKey('{"list":[{"a":1},{"a":2,"a":3}]}')).toBe('list.1.a');
  });

  it('reads keys through their escapes and ignores keys inside strings', () => {
    expect(repeatedJsonKey('{"a":"\\"a\\":1","\\u0061":2}')).toBe('a');
    expect(repeatedJsonKey('{"a":"\\"a\\": 1, \\\\","b":{"a":1}}')).toBeUndefined();
  });

  it('finds none in JSON without repeated keys, as JSON.parse and JSON.stringify agree', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(repeatedJsonKey(JSON.stringify(value))).toBeUndefined();
      }),
    );
  });
});
