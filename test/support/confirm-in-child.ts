// A child process for the verification tests: opens the hold store and the verification store
// given as arguments behind a guarded transporter to the SMTP server on the given port, prints
// `ready`, and on a line on stdin confirms the code and prints what it released as JSON.
// With `hang-after-verified` it prints `verified` once the address is stored as verified and the
// release begins (the hold store is listed), then waits forever, before anything is released, for
// the test to kill it there.
import { createInterface } from 'node:readline';
import { createFileHoldStore } from '../../src/nodemailer/create-file-hold-store.js';
import { buildVerifyingTransport } from './verifying-transport.js';

const [port, holdDir, verificationDir, mode, customerId, address, code] = process.argv.slice(2) as [
  string,
  string,
  string,
  'confirm' | 'hang-after-verified',
  string,
  string,
  string,
];

const holdStore = createFileHoldStore(holdDir);
const { verifier } = buildVerifyingTransport({
  port: Number(port),
  holdStore:
    mode === 'hang-after-verified'
      ? new Proxy(holdStore, {
          get(target, property, receiver) {
            if (property !== 'list') return Reflect.get(target, property, receiver);
            return async () => {
              process.stdout.write('verified\n');
              return new Promise(() => undefined);
            };
          },
        })
      : holdStore,
  auditLog: false,
  folder: verificationDir,
});

const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
for await (const _line of lines) {
  const result = await verifier.confirm({ customerId, address, code });
  process.stdout.write(
    `${JSON.stringify(result.ok ? { ok: true, released: result.released.map(({ id }) => id) } : result)}\n`,
  );
  break;
}
lines.close();
process.exit(0);
