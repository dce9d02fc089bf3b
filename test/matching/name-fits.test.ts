import { describe, expect, it } from 'vitest';
import { nameFits } from '../../src/matching/name-fits.js';

describe('nameFits', () => {
  it('counts the words of each name that are name parts of the local part', () => {
    expect(nameFits('oskar.wallin46376', ['Erik Lind', 'Oskar Wallin'])).toEqual([0, 2]);
    // Written together, split by the names' words; å, ä, ö folded as typed.
    expect(nameFits('oskarwallin', ['Oskar Wallin', 'Erik Lind'])).toEqual([2, 0]);
    expect(nameFits('asa.oberg', ['Åsa Öberg', undefined])).toEqual([2, 0]);
    // A word that only starts a part is no fit: berg is not bergstrom.
    expect(nameFits('anna.berg2', ['Anna Berg', 'Anna Bergström'])).toEqual([2, 1]);
    expect(nameFits('info2', ['Sven Holm', 'Kontakt Gruppen'])).toEqual([0, 0]);
  });
});
