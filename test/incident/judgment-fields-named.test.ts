import { describe, expect, it } from 'vitest';
import { EmailGuardError } from '../../src/errors.js';
import { reportMisdirected } from '../../src/incident/index.js';
import { misdirectedInput, refusal } from './shared-fixtures.js';

const now = '2018-02-23T15:10:00+01:00';
const judgment = { notifyDataSubjects: false } as never;

describe('a judgment without who judged or why', () => {
  it('is refused naming judgment.by and judgment.reason, saying what each is for', async () => {
    const error = await refusal(reportMisdirected({ ...misdirectedInput, judgment }, { now }));
    expect(error).toBeInstanceOf(EmailGuardError);
    expect(error.field).toBe('input.judgment.by');
    expect(error.issues.map((issue) => issue.path.join('.'))).toEqual([
      'input.judgment.by',
      'input.judgment.reason',
    ]);
    expect(error.message).toContain('input.judgment.by: say who judged');
    expect(error.message).toContain('input.judgment.reason: say why');
  });

  it('is refused in Swedish under locale sv, naming the same fields', async () => {
    const error = await refusal(reportMisdirected({ ...misdirectedInput, judgment }, { now, locale: 'sv' }));
    expect(error.field).toBe('input.judgment.by');
    expect(error.message).toContain('input.judgment.by: saknas, men måste anges');
    expect(error.message).toContain('input.judgment.reason: saknas, men måste anges');
  });
});
