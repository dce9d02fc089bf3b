import { describe, expect, it } from 'vitest';
import { findAuthority } from '../../src/incident/index.js';

describe('the Swedish law before the GDPR, by the day it came into force', () => {
  it('never names personuppgiftslagen for a breach before 24 October 1998 (SFS 1998:204)', () => {
    const before = findAuthority({ country: 'SE', regime: 'gdpr', at: '1998-10-23T12:00:00+02:00' });
    expect(before.law.citations).not.toContain('personuppgiftslagen (1998:204)');
    expect(before.law.citations).toEqual(['datalagen (1973:289)']);
    expect(before.law.notificationDuty).toBe(false);
  });

  it('names personuppgiftslagen from the day it came into force until the GDPR', () => {
    const from = findAuthority({ country: 'SE', regime: 'gdpr', at: '1998-10-24T12:00:00+02:00' });
    expect(from.law.citations).toEqual(['personuppgiftslagen (1998:204)']);
  });
});
