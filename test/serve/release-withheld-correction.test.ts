import { describe, expect, it } from 'vitest';
import { holdMessage } from '../support/hold-message.js';
import { directoryOfCustomers, usePipelineFixture } from '../support/pipeline.js';
import { useReleaseServer } from '../support/use-release-server.js';
import { auth } from './support.js';

// Erik's order typed to Anna's local part at a mistyped Gmail: corrected, it is Anna's address, so
// serve's refused release says why no correction is offered, and names neither the address nor its domain.
const fixture = usePipelineFixture();
const TYPED = 'anna.svensson1985@gmial.com';
const server = useReleaseServer(fixture);

describe("serve's refused release of a recipient whose correction is withheld", () => {
  it('says why no correction is offered, naming neither the address nor its domain', async () => {
    const directory = directoryOfCustomers();
    const id = await holdMessage(fixture, TYPED, { customerId: 'C-2002', directory });
    const app = server.start(directory);
    const release = () =>
      app.inject({
        method: 'POST',
        url: `/v1/holds/${id}/release`,
        headers: { ...auth, 'content-type': 'application/json' },
        payload: { to: [TYPED], by: 'lena@butiken.se', reason: 'read back' },
      });
    const en = await release();
    expect(en?.statusCode).toBe(422);
    expect(en?.json().detail).toContain(
      'no correction is offered. Ask the customer to spell the address again',
    );
    expect(en?.body).not.toContain('anna.svensson1985@gmail.com');
    expect(fixture.sink.received).toEqual([]);
  });
});
