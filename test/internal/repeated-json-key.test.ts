import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonObjectMembers, repeatedJsonKey } from '../../src/internal/repeated-json-key.js';
import { expectLinearScanning } from '../support/expect-linear-scanning.js';

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

describe('jsonObjectMembers', () => {
  it('gives every top-level member in the order written, a key written twice twice', () => {
    expect(jsonObjectMembers('{"id":"K1","email":"a@x.se", "email" : "b@x.se"}')).toEqual([
      ['id', '"K1"'],
      ['email', '"a@x.se"'],
      ['email', '"b@x.se"'],
    ]);
  });

  it('keeps a nested value whole and reads keys through their escapes', () => {
    expect(
      jsonObjectMembers('{ "a" : {"b":[1,{"c":"}"}]}, "\\u0061":"x\\"y" , "n":-1.5e3,"t":true}'),
    ).toEqual([
      ['a', '{"b":[1,{"c":"}"}]}'],
      ['a', '"x\\"y"'],
      ['n', '-1.5e3'],
      ['t', 'true'],
    ]);
  });

  it('reads back what JSON.parse reads from an object without repeated keys', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const json = JSON.stringify(value);
        const members = jsonObjectMembers(json);
        // Compared with what JSON.parse reads from the same text: -0 is written "0" and read back as 0.
        expect(Object.fromEntries(members.map(([key, text]) => [key, JSON.parse(text)]))).toEqual(
          JSON.parse(json),
        );
      }),
    );
  });

  it('reads a long line once', () => {
    expectLinearScanning({
      n: 200,
      make: (n) =>
        `{${Array.from({ length: n }, (_, i) => `"email":"a${i}@x.se","n":{"a":["\\"${i}"]}`).join(',')}}`,
      run: (line) => jsonObjectMembers(line),
    });
  });
});
