import { describe, expect, it } from 'vitest';
import { drawnOrderUnknown } from '../../src/pipeline/drawn-order-unknown.js';

const OWN = 'kundtjanst@butiken.se';

describe('drawnOrderUnknown', () => {
  it.each([
    ['Hebrew beside an address', 'עדן eden@example.org'],
    ['Arabic beside an address', 'مكتب eden@example.org'],
    ['Hebrew beside an at sign that is no address', 'erik.lind@ עדן'],
    ['Hebrew and an address in an encoded-word', '=?utf-8?b?16LXk9efIGVkZW5AZXhhbXBsZS5vcmc=?='],
    ['Hebrew presentation forms beside a full-width at sign', 'ﬠדן eden＠example.org'],
  ])('holds a name with %s', (_case, name) => {
    expect(drawnOrderUnknown(name, OWN)).toBe(true);
  });

  it.each([
    ['Latin letters only', 'Eden eden@example.org'],
    ['Hebrew beside the mailbox’s own address', `קונד ${OWN}`],
    ['Hebrew without an at sign', 'עדן מחלקה'],
    ['Hebrew with a line break, refused whole elsewhere', 'עדן\r\neden@example.org'],
  ])('leaves a name with %s to the other readings', (_case, name) => {
    expect(drawnOrderUnknown(name, OWN)).toBe(false);
  });
});
