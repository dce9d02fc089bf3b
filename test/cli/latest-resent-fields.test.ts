import { describe, expect, it } from 'vitest';
import { latestResentFields } from '../../src/cli/latest-resent-fields.js';
import { expectLinearGrowth } from '../support/growth.js';

// The audit reads headers of sent mail it did not write: whoever resent a message chose how many
// resent blocks (RFC 5322 §3.6.6) it carries and how long their fields are folded.

/** A header resent `n` times, the latest block first, each with its trace field. */
function resentBlocks(n: number): Buffer {
  const lines: string[] = [];
  for (let i = n; i > 0; i--)
    lines.push(
      `Resent-Date: Mon, 01 Jan 2024 10:00:00 +0000`,
      `Resent-From: kundtjanst@butiken.se`,
      `Resent-To: kund${i}@hotmial.se`,
      `Resent-Message-ID: <resent-${i}@butiken.se>`,
      `Received: from mx${i}.butiken.se by mx.butiken.se; Mon, 01 Jan 2024 10:00:00 +0000`,
    );
  lines.push('From: order@butiken.se', 'To: anna.svensson@hotmail.se', 'Subject: Order');
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

/** One Resent-To folded over `n` lines, one address a line. */
function foldedResentTo(n: number): Buffer {
  const addresses = Array.from({ length: n }, (_, i) => `kund${i}@butiken.se`);
  return Buffer.from(
    `Resent-Date: x\r\nResent-To: ${addresses.join(',\r\n ')}\r\nFrom: order@butiken.se\r\n`,
  );
}

describe('latestResentFields', () => {
  it('reads only the latest of many resent blocks', () => {
    expect(latestResentFields(resentBlocks(500))).toEqual([
      { field: 'Resent-To', value: 'kund500@hotmial.se' },
    ]);
  });

  it('takes time linear in the size of a header with many resent blocks', async () => {
    await expectLinearGrowth({ n: 5_000, make: resentBlocks, run: latestResentFields });
  });

  it('takes time linear in the length of a Resent-To folded over many lines', async () => {
    await expectLinearGrowth({ n: 20_000, make: foldedResentTo, run: latestResentFields });
  });
});
