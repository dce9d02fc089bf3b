import { describe, expect, it } from 'vitest';
import type { Directory } from '../../src/contacts/create-directory.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { heldForCode, receivedFor, verificationFor, verifyingTransport } from '../support/verification.js';

// An order held for a code to an address new to C-3003; before the code is read back the address is
// added to another customer's record. The directory as it is at release knows more than the hold:
// the confirmation does not release the order, and the address verified for C-3003 never hides
// that it is on another customer's record.
const fixture = usePipelineFixture();
const SHARED = 'delad.adress55@outlook.com';

describe('an address verified for one customer that the directory then gives another', () => {
  it('is not released by the confirmation, and later orders to it are held as another customer’s', async () => {
    const { transporter, verifier, guard } = verifyingTransport(fixture);
    const holdId = await heldForCode(transporter, SHARED, 'C-3003', '5001');
    const { code } = await verificationFor(fixture.sink.received, SHARED);

    (guard.options.directory as Directory).add({ id: 'C-4000', name: 'Per Holm', emails: [SHARED] });

    const confirmed = await verifier.confirm({ customerId: 'C-3003', address: SHARED, code });
    expect(confirmed.ok).toBe(true);
    // Only the code went to the address: the order stays held for a person.
    expect(receivedFor(fixture.sink.received, SHARED)).toHaveLength(1);
    expect((await fixture.holdStore.list()).map(({ id }) => id)).toEqual([holdId]);

    const verdict = await guard.check({ entered: SHARED, customerId: 'C-3003' });
    expect(verdict.findings.map(({ code: found }) => found)).toContain('belongs-to-other-customer');
    expect(verdict.action).not.toBe('send');
  });
});
