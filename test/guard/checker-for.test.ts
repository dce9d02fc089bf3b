import { describe, expect, it } from 'vitest';
import { checkerFor, checkRecipient } from '../../src/guard/check-recipient.js';

const customer = { id: 'C-1', emails: ['anna.svensson1985@gmail.com'] };

describe('checkerFor: the tables behind checkRecipient are indexed once', () => {
  it('finds one checker for options written afresh at every call with the same plain settings', () => {
    expect(checkerFor({ locale: 'sv' })).toBe(checkerFor({ locale: 'sv' }));
    expect(checkerFor({ policy: { 'role-address': 'block', 'near-miss': 'confirm' } })).toBe(
      checkerFor({ policy: { 'near-miss': 'confirm', 'role-address': 'block' } }),
    );
  });

  it('builds another checker for other settings, and answers by them', () => {
    expect(checkerFor({ locale: 'sv' })).not.toBe(checkerFor({ locale: 'en' }));
    const entered = 'anna.svensson185@gmail.com';
    const sv = checkRecipient({ entered, customer }, { locale: 'sv' });
    const en = checkRecipient({ entered, customer }, { locale: 'en' });
    expect(sv.findings[0]?.message).not.toBe(en.findings[0]?.message);
    expect(checkRecipient({ entered, customer }, { locale: 'sv' })).toEqual(sv);
  });

  it('keeps options holding a table of their own apart, by the object', () => {
    const firstNames = new Set(['anna']);
    const one = { firstNames };
    expect(checkerFor(one)).toBe(checkerFor(one));
    expect(checkerFor({ firstNames })).not.toBe(checkerFor(one));
  });

  it('still refuses options that break the schema, naming the field, every time', () => {
    for (let i = 0; i < 2; i++)
      expect(() => checkRecipient({ entered: 'a@b.se', customer }, { locale: 'de' as 'sv' })).toThrow(
        /locale/,
      );
  });
});
