import { describe, expect, it } from 'vitest';
import {
  collectAnswers,
  collectRecipients,
  hidesAddressInComments,
} from '../../src/pipeline/collect-recipients.js';
import { expectLinearScanning } from '../support/expect-linear-scanning.js';

// An answer field's comments and bare names (a group's name, an encoded-word) are read for the
// addresses they show, and a destination field's comments for an address the parser drops: each is
// the sender's text, so each reading must scan it a bounded number of times, however many comments,
// groups or encoded-words it holds.

const replyTo = (text: string) => collectAnswers([['Reply-To', text]]);

describe('the comment and bare-name readings of an address list', () => {
  it('find an address in a comment and in a group name, as the growth cases below read them', () => {
    expect(
      replyTo('Kundtjänst <order@butiken.se> (erik.lind@telia.com)').map((found) => found.address),
    ).toContain('erik.lind@telia.com');
    expect(replyTo('erik.lind@telia.com: ;').map((found) => found.address)).toContain('erik.lind@telia.com');
    expect(hidesAddressInComments('Anna <anna@example.se> (erik@example.com)')).toBe(true);
  });

  it('scan many comments of an answer field in linear proportion', () => {
    expectLinearScanning({
      n: 500,
      make: (n) => `Kundtjänst <order@butiken.se> ${'(svar inom ett dygn) '.repeat(n)}(erik.lind@telia.com)`,
      run: replyTo,
    });
  });

  it('scan comments nested deep in an answer field in linear proportion', () => {
    expectLinearScanning({
      n: 500,
      make: (n) => `order@butiken.se ${'('.repeat(n)}erik.lind@telia.com${')'.repeat(n)}`,
      run: replyTo,
    });
  });

  it('scan many groups of an answer field in linear proportion', () => {
    expectLinearScanning({
      n: 500,
      make: (n) =>
        Array.from({ length: n }, (_, index) => `Grupp ${index}: svar${index}@butiken.se;`).join(', '),
      run: replyTo,
    });
  });

  it('scan long encoded-words in an answer field in linear proportion', () => {
    expectLinearScanning({
      n: 500,
      make: (n) => `${'=?utf-8?q?Kundtj=C3=A4nst?= '.repeat(n)}<order@butiken.se>`,
      run: replyTo,
    });
    expectLinearScanning({
      n: 2_000,
      make: (n) =>
        `=?utf-8?b?${Buffer.from('erik.lind@telia.com '.repeat(n)).toString('base64')}?= <order@butiken.se>`,
      run: replyTo,
    });
  });

  it('scan many comments of a destination field in linear proportion, looking for an address the parser drops', () => {
    expectLinearScanning({
      n: 500,
      make: (n) => `Anna <anna@example.se> ${'(privat) '.repeat(n)}(erik@example.com)`,
      run: (to: string) => collectRecipients({ to }),
    });
    expectLinearScanning({
      n: 500,
      make: (n) =>
        Array.from(
          { length: n },
          (_, index) => `Kund ${index} <k${index}@example.se> (k${index}@example.se)`,
        ).join(', '),
      run: hidesAddressInComments,
    });
  });
});
