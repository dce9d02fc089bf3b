import { describe, it } from 'vitest';
import { findLabelledGuardians } from '../../src/incident/find-labelled-guardians.js';
import { findPersonalData } from '../../src/incident/find-personal-data.js';
import { expectLinearScanning } from '../support/expect-linear-scanning.js';

// A sent message is untrusted text: the guardians it labels are read in proportion to its length,
// however many label lines it holds. Counted, not timed (expectLinearScanning).

/** The text and its own hits, as findLabelledGuardians is given them. */
const withHits = (text: string) => ({ text, hits: findPersonalData(text) });
const read = ({ text, hits }: ReturnType<typeof withHits>) => findLabelledGuardians(text, hits);

describe('findLabelledGuardians', () => {
  it('reads many label lines, each with contact details, in linear proportion', () => {
    expectLinearScanning({
      n: 500,
      make: (n) =>
        withHits(
          Array.from(
            { length: n },
            (_, index) => `Vårdnadshavare ${index % 99}: Anna Holm, anna${index}@telia.com`,
          ).join('\n'),
        ),
      run: read,
    });
  });

  it('reads many label lines without details, and labels that never reach a colon, in linear proportion', () => {
    expectLinearScanning({
      n: 2_000,
      make: (n) => withHits(`${'Förälder:\n'.repeat(n)}${'- guardian '.repeat(n)}`),
      run: read,
    });
  });
});
