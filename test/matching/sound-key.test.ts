import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { soundKey, soundKeys, swedishEarKeys } from '../../src/matching/sound-key.js';

describe('soundKey', () => {
  it.each([
    [
      'gmail',
      [
        'dschimejl',
        'dsjimejl',
        'djimejl',
        'jimejl',
        'gimejl',
        'gmejl',
        'geemail',
        'dzhimail',
        'dzjimejl',
        'gimäjl',
        'dschi-mejl',
      ],
    ],
    ['hotmail', ['hotmejl', 'houtmejl', 'håtmejl', 'hottmeil', 'hotmayl', 'hotmeijl', 'hotmale']],
    ['outlook', ['outluk', 'autluk', 'autlook', 'outlouk', 'aoutluk']],
    ['icloud', ['aicloud', 'ajkloud', 'ajklaud', 'iklaud', 'eyecloud', 'aiclaud', 'aikloud', 'ajklåd']],
    ['yahoo', ['jaahoo', 'jahoo', 'jaahu', 'yaahoo', 'jahhoo', 'yahu']],
    ['telia', ['telja', 'tellja', 'teelja', 'thelja', 'tiilia']],
    ['bredband', ['brebann', 'breedbann', 'brebbann', 'breddbann']],
    ['spray', ['sprej', 'sprei', 'spräj', 'sprejj']],
    ['comhem', ['kommhemm', 'komhemm', 'kåmhämm', 'com-hem', 'kommhem']],
    ['bahnhof', ['baanhof', 'banhoff', 'bahnhoff', 'banhov', 'baanhov']],
    ['protonmail', ['protonmejl', 'protånmejl']],
    ['live', ['lajv', 'lajve', 'laiv']],
  ])('gives %s the key of the way it is said: %j', (name, spoken) => {
    for (const spelling of spoken) expect(soundKeys(name), spelling).toContain(soundKey(spelling));
  });

  it.each([
    ['gmail', 'jamal'],
    ['gmail', 'email'],
    ['hotmail', 'hotmart'],
    ['hotmail', 'hatmail'],
    ['outlook', 'atlak'],
    ['telia', 'tele'],
    ['telia', 'telje'],
    ['yahoo', 'yoho'],
    ['icloud', 'ikea'],
    ['comhem', 'kamhem'],
    ['live', 'love'],
    ['live', 'liv'],
    ['live', 'life'],
  ])('tells %s from %s, which is said differently', (name, other) => {
    expect(soundKeys(name)).not.toContain(soundKey(other));
  });

  it('reads a short a as the American o of hot only in a name written the Swedish way', () => {
    expect(swedishEarKeys('hatmejl')).toContain(soundKey('hotmejl'));
    expect(swedishEarKeys('hatmäjl')).toContain(soundKey('hotmejl'));
    expect(swedishEarKeys('hatmail')).toEqual([]);
    expect(swedishEarKeys('kamhem')).toEqual([]);
    // A long a (`haa`, `hah`) or one before a vowel is no short o.
    expect(swedishEarKeys('haatmejl')).not.toContain(soundKey('hotmejl'));
  });

  it('merges doubled letters, as kk and mm sound as k and m', () => {
    expect(soundKey('kommhemm')).toBe(soundKey('komhem'));
  });

  it('keeps digits, so bredband2 is not bredband', () => {
    expect(soundKey('bredband2')).not.toBe(soundKey('bredband'));
  });

  it('takes any text without throwing, and ignores case', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(typeof soundKey(text)).toBe('string');
        expect(soundKey(text.toUpperCase())).toBe(soundKey(text.toLowerCase()));
      }),
    );
  });
});
