import { describe, expect, it } from 'vitest';
import { isCenturyRewrite } from '../../src/matching/is-century-rewrite.js';

describe('isCenturyRewrite', () => {
  it.each([
    ['maria.lund1979', 'maria.lund79'],
    ['maria.lund79', 'maria.lund1979'],
    ['karin.berg2003', 'karin.berg03'],
    ['1961nils', '61nils'],
  ])('reads %s and %s as one year written two ways', (a, b) => {
    expect(isCenturyRewrite(a, b)).toBe(true);
  });

  it.each([
    ['maria.lund1988', 'maria.lund1979'],
    ['maria.lund1979', 'maria.lund'],
    ['maria.lund1979', 'maria.lund7'],
    ['maria.lund11979', 'maria.lund179'],
    ['maria.lund1879', 'maria.lund79'],
    ['maria.lund1979', 'mari.lund79'],
  ])('does not read %s and %s as one year', (a, b) => {
    expect(isCenturyRewrite(a, b)).toBe(false);
  });
});
