import { describe, expect, it } from 'vitest';
import { annasOrder, guardedTransport, usePipelineFixture } from '../support/pipeline.js';

// One mailbox named twice, in two spellings the mail system takes as one (RFC 5321 §2.4: a domain
// is read without case, and nearly every provider reads the local part so too). The guard checks
// and sends the message as the caller gave it: it rewrites no recipient, so the relay is asked to
// deliver to both spellings (two RCPT TO), and may deliver twice (docs/nodemailer.md).

const fixture = usePipelineFixture();
const ANNA = 'anna.svensson1985@gmail.com';

describe('one mailbox named twice, in another case', () => {
  it('is sent as given: both spellings asked for (RCPT TO) and in To, each spelling checked and logged', async () => {
    const upper = 'ANNA.SVENSSON1985@gmail.com'; // nodemailer writes the domain in lower case
    const info = await guardedTransport(fixture).sendMail(annasOrder({ to: [ANNA, ANNA.toUpperCase()] }));
    expect(info.envelope.to).toEqual([ANNA, upper]);
    expect(info.accepted).toEqual([ANNA, upper]);
    // smtp-server keeps one RCPT TO per mailbox read without case, the last: this relay delivers
    // once; another may deliver twice.
    expect(fixture.sink.received.map(({ to }) => to)).toEqual([[upper]]);
    expect(fixture.sink.received[0]?.raw.toString()).toContain(`To: ${ANNA}, ${upper}`);
    // Each spelling is checked and logged; the second is the first's mailbox (`same-mailbox`, a remark).
    const entry = fixture.audit.entries.at(-1);
    expect(entry?.outcome).toBe('sent');
    expect(entry?.recipients.map(({ address, action, codes }) => [address, action, codes])).toEqual([
      [ANNA, 'send', ['exact-match']],
      [ANNA.toUpperCase(), 'send', ['same-mailbox']],
      [upper, 'send', ['same-mailbox']],
    ]);
  });
});
