// A child process for the crash test: holds messages in the store given as its argument, one after
// another, and prints each id once `hold` resolved, until it is killed.
import { createFileHoldStore } from '../../src/nodemailer/create-file-hold-store.js';

const store = createFileHoldStore(process.argv[2] as string);
// Large enough that a kill often lands inside a write.
const body = 'x'.repeat(256 * 1024);
for (let index = 0; ; index++) {
  const held = await store.hold({
    raw: Buffer.from(`To: anna@gmial.com\r\nSubject: ${index}\r\n\r\n${body}\r\n`),
    envelope: { to: ['anna@gmial.com'] },
    action: 'block',
    recipients: [],
    messageId: `<${index}@butiken.se>`,
  });
  process.stdout.write(`${held.id}\n`);
}
