import { describe, expect, it } from 'vitest';
import { describeConclusions } from '../../src/incident/find-precedents.js';

describe('describeConclusions', () => {
  it('says a risk that is not high in words, not "risk: risk"', () => {
    const conclusions = { notifyAuthority: true, notifyDataSubjects: false, risk: 'risk' } as const;
    expect(describeConclusions(conclusions, 'en')).toBe(
      'notify the authority: yes; tell the people: no; risk: a risk, not a high one',
    );
    expect(describeConclusions(conclusions, 'sv')).toBe(
      'anmälan till myndigheten: ja; underrätta de berörda: nej; risk: en risk, men inte hög',
    );
  });
});
