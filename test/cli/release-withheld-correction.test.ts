import { describe, expect, it } from 'vitest';
import { writeCustomerExport } from '../support/cli-inputs.js';
import { holdMessage, releaseArgs } from '../support/hold-message.js';
import {
  customers,
  directoryOfCustomers,
  failure,
  guardedTransport,
  usePipelineFixture,
} from '../support/pipeline.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

// Erik's order typed to Anna's local part at a mistyped Gmail: corrected, it is Anna's address, so no
// correction is offered, and a refused release says why instead of leaving the reviewer to guess one.
const fixture = usePipelineFixture();
const TYPED = 'anna.svensson1985@gmial.com';
const both = () => directoryOfCustomers();

describe('a release of a message whose correction is withheld as another customer’s address', () => {
  it('says why no correction is offered, in the library’s refusal', async () => {
    const id = await holdMessage(fixture, TYPED, { customerId: 'C-2002', directory: both() });
    const [held] = await fixture.holdStore.list();
    expect(held?.recipients[0]?.verdict.suggestion).toBeUndefined();
    const refused = await failure(
      fixture.holdStore.release(id, guardedTransport(fixture, undefined, undefined, both()), {
        by: 'lena@butiken.se',
        reason: 'read back',
      }),
    );
    expect(refused?.code).toBe('RECIPIENT_BLOCKED');
    expect(refused?.message).toContain('the address is close to the address of another customer');
    expect(refused?.message).toContain('no correction is offered');
    expect(refused?.message).not.toContain('anna.svensson1985@gmail.com');
    expect(fixture.sink.received).toEqual([]);
  });

  it('says why no correction is offered, in holds release (en and sv)', async () => {
    const id = await holdMessage(fixture, TYPED, { customerId: 'C-2002', directory: both() });
    const file = writeCustomerExport(fixture.dir, customers);
    const en = await runCliInProcess(releaseArgs(fixture, id, file));
    expect(en.status).toBe(2);
    expect(en.stderr).toContain('give the corrected recipients with --to');
    expect(en.stderr).toContain('no correction is offered. Ask the customer to spell the address again');
    const sv = await runCliInProcess(releaseArgs(fixture, id, file, ['--locale', 'sv']));
    expect(sv.stderr).toContain('ingen rättelse föreslås. Be kunden stava adressen igen');
    for (const said of [en.stderr, sv.stderr]) expect(said).not.toContain('anna.svensson1985@gmail.com');
    expect(fixture.sink.received).toEqual([]);
  });
});

describe('holds release of a message held for a To whose display name showed another address', () => {
  const ANNA = 'anna.svensson1985@gmail.com';
  const raw = (body: string) =>
    `From: order@butiken.se\r\nTo: "erik.lind@telia.com" <${ANNA}>\r\nSubject: Order 4711\r\n\r\n${body}\r\n`;

  it("says the stop was for the name, not the customer's own address, while the corrected message still shows it (en and sv)", async () => {
    const id = await holdMessage(fixture, ANNA, {
      raw: raw('Tack. En kopia går till erik.lind@telia.com.'),
      directory: both(),
    });
    const file = writeCustomerExport(fixture.dir, customers);
    const en = await runCliInProcess(releaseArgs(fixture, id, file, ['--to', ANNA]));
    expect(en.status).toBe(1);
    expect(en.stderr).toContain('was held because its display name showed another address');
    expect(en.stderr).toContain(
      'discard the message and send it again with no other address in a display name',
    );
    expect(en.stderr).not.toContain('release it to a corrected address (--to)');
    const sv = await runCliInProcess(releaseArgs(fixture, id, file, ['--to', ANNA, '--locale', 'sv']));
    expect(sv.status).toBe(1);
    expect(sv.stderr).toContain('visningsnamn');
    expect(sv.stderr).toContain('kasta meddelandet och skicka det igen');
    expect(fixture.sink.received).toEqual([]);
  });

  it('releases it with --to once the corrected message shows the other address nowhere', async () => {
    const id = await holdMessage(fixture, ANNA, { raw: raw('Tack.'), directory: both() });
    const file = writeCustomerExport(fixture.dir, customers);
    const run = await runCliInProcess(releaseArgs(fixture, id, file, ['--to', ANNA]));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(fixture.sink.received.map((message) => message.to)).toEqual([[ANNA]]);
    expect(fixture.sink.received[0]?.raw.toString()).not.toContain('erik.lind@telia.com');
  });
});
