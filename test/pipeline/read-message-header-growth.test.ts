import { describe, expect, it } from 'vitest';
import { readMessageHeader } from '../../src/pipeline/read-message-header.js';
import { expectLinearGrowth } from '../support/growth.js';

// A prebuilt message's header is the sender's input: its answer fields (Reply-To, From, read-receipt
// fields) are read in full, every occurrence of a repeated field and every fold of a long one, so
// the reading must grow with the header and no faster.

const read = async (raw: string) => {
  const header = await readMessageHeader(raw, Number.POSITIVE_INFINITY);
  if (!('answers' in header)) throw new Error(header.problem.message);
  return header.answers;
};

describe("readMessageHeader's answers", () => {
  it('keeps every occurrence of a repeated answer field, each unfolded', async () => {
    const answers = await read(
      'From: order@butiken.se\r\nReply-To: a@butiken.se,\r\n b@butiken.se\r\nReply-To: c@butiken.se\r\n\r\nTack',
    );
    expect(answers).toEqual([
      ['from', ' order@butiken.se'],
      ['reply-to', ' a@butiken.se, b@butiken.se'],
      ['reply-to', ' c@butiken.se'],
    ]);
  });

  it('grows linearly with the number of repeated answer fields', async () => {
    await expectLinearGrowth({
      n: 2_000,
      make: (n) =>
        `From: order@butiken.se\r\n${'Reply-To: svar@butiken.se\r\nDisposition-Notification-To: kvitto@butiken.se\r\nX-Other: 1\r\n'.repeat(n)}\r\nTack`,
      run: read,
    });
  });

  it('grows linearly with the folds of one very long answer field', async () => {
    await expectLinearGrowth({
      n: 5_000,
      make: (n) =>
        `From: order@butiken.se\r\nReply-To: svar@butiken.se${',\r\n svar@butiken.se'.repeat(n)}\r\n\r\nTack`,
      run: read,
    });
  });
});
