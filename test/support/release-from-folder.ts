// A child process for the folder hold store tests: an instance of the application that releases
// one held message and records its release lines in a JSON-lines audit log.
//   node --import tsx release-from-folder.ts <folder> <hold id> <smtp port> <audit log> [stop-before-send]
// `stop-before-send`: the process kills itself (SIGKILL) as its release-started line is about to
// be written, after its lock was taken: a release stopped before its send began.
import { createGuard } from '../../src/guard/create-guard.js';
import type { AuditEntry } from '../../src/nodemailer/audit-log.js';
import { createFileHoldStore } from '../../src/nodemailer/create-file-hold-store.js';
import { createJsonLinesAuditLog } from '../../src/nodemailer/create-json-lines-audit-log.js';
import { nodemailerGuard } from '../../src/nodemailer/nodemailer-guard.js';
import { customers, smtpTransport } from './pipeline.js';

const [folder, id, port, auditPath, stop] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string?,
];
const holdStore = createFileHoldStore(folder);
const log = createJsonLinesAuditLog(auditPath, { sync: true });
const transporter = smtpTransport(Number(port));
transporter.use(
  'compile',
  nodemailerGuard({
    guard: createGuard({ lookupCustomer: async (wanted) => customers[wanted] }),
    resolveCustomer: () => 'C-1001',
    holdStore,
    auditLog: {
      record: async (entry: AuditEntry) => {
        if (stop === 'stop-before-send' && entry.outcome === 'release-started')
          process.kill(process.pid, 'SIGKILL');
        await log.record(entry);
      },
    },
  }),
);
await holdStore.release(id, transporter, {
  to: 'anna.svensson1985@gmail.com',
  by: 'lena@butiken.se',
  reason: `instance ${process.pid}`,
});
process.stdout.write('released\n');
