// A child process for the audit log's crash test: records decisions in the log given as its
// argument with the default settings, one after another, and prints each message id once `record`
// resolved (the moment the plugin hands the message to the transport), until it is killed.
import { createJsonLinesAuditLog } from '../../src/nodemailer/create-json-lines-audit-log.js';

const log = createJsonLinesAuditLog(process.argv[2] as string);
for (let index = 0; ; index++) {
  const messageId = `<${index}@butiken.se>`;
  await log.record({
    at: new Date().toISOString(),
    messageId,
    mode: 'enforce',
    outcome: 'sent',
    action: 'send',
    recipients: [{ field: 'to', address: 'anna@example.se', action: 'send', codes: ['exact-match'] }],
  });
  process.stdout.write(`${messageId}\n`);
}
