import { describe, expect, it } from 'vitest';
import { assessBreach } from '../../src/incident/index.js';
import { strangerFacts as facts, refusedPaths } from './shared-fixtures.js';

describe('assessBreach and the moment it is asked (`now`)', () => {
  it('refuses a breach that occurred after now, naming facts.occurredAt', () => {
    expect(
      refusedPaths(() =>
        assessBreach(
          { ...facts, occurredAt: '2018-03-01T10:00:00Z', detectedAt: '2018-03-01T11:00:00Z' },
          { now: new Date('2018-02-28T00:00:00Z') },
        ),
      ),
    ).toEqual(['facts.occurredAt', 'facts.detectedAt']);
  });

  it('refuses a detection after now, naming facts.detectedAt', () => {
    expect(refusedPaths(() => assessBreach(facts, { now: new Date('2018-02-23T12:30:00Z') }))).toEqual([
      'facts.detectedAt',
    ]);
  });

  it('refuses a breach dated in the future when no now is given (the current time)', () => {
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000).toISOString();
    expect(
      refusedPaths(() => assessBreach({ ...facts, occurredAt: tomorrow, detectedAt: tomorrow })),
    ).toEqual(['facts.occurredAt', 'facts.detectedAt']);
  });

  it('accepts a breach detected exactly now', () => {
    expect(() => assessBreach(facts, { now: new Date('2018-02-23T12:45:00Z') })).not.toThrow();
  });

  it('refuses a now that is not a date, naming options.now', () => {
    expect(refusedPaths(() => assessBreach(facts, { now: 'tomorrow' as unknown as Date }))).toEqual([
      'options.now',
    ]);
  });
});
