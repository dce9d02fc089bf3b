import { describe, expect, it } from 'vitest';
import { splitLocalPart } from '../../src/matching/split-local-part.js';

const texts = (local: string, vocabulary?: ReadonlySet<string>) =>
  splitLocalPart(local, vocabulary).map((token) => `${token.kind}:${token.text}`);

describe('splitLocalPart', () => {
  it('splits at separators and between letters and digits', () => {
    expect(texts('maria.lund79')).toEqual(['name:maria', 'name:lund', 'number:79']);
    expect(texts('holm-stina')).toEqual(['name:holm', 'name:stina']);
    expect(texts('olle_12')).toEqual(['name:olle', 'number:12']);
  });

  it('splits a run-together name into the words it is given', () => {
    expect(texts('bergkarin1970', new Set(['karin', 'berg']))).toEqual([
      'name:berg',
      'name:karin',
      'number:1970',
    ]);
  });

  it('keeps a run it cannot cover with the words whole', () => {
    expect(texts('bergkarin1970')).toEqual(['name:bergkarin', 'number:1970']);
    expect(texts('bergkarina', new Set(['karin', 'berg']))).toEqual(['name:bergkarina']);
  });

  it('folds case and diacritics, as an address is typed', () => {
    expect(texts('Åsa.Löfgren')).toEqual(['name:asa', 'name:lofgren']);
  });
});
