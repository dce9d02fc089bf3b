import { describe, expect, it } from 'vitest';
import { correctedRecipients } from '../../src/pipeline/corrected-recipients.js';

describe('correctedRecipients', () => {
  it('joins To, Cc and Bcc in that order, one address or a list each', () => {
    expect(correctedRecipients({ bcc: ['c@x.se'], to: 'a@x.se', cc: ['b@x.se', 'd@x.se'] })).toEqual([
      'a@x.se',
      'b@x.se',
      'd@x.se',
      'c@x.se',
    ]);
  });

  it('gives none when no field is corrected', () => {
    expect(correctedRecipients({})).toEqual([]);
  });
});
