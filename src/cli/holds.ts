import { stat } from 'node:fs/promises';
import { Command } from 'commander';
import { isEmailGuardError } from '../errors.js';
import { createGuard } from '../guard/create-guard.js';
import { createFileHoldStore, type FileHoldStore } from '../nodemailer/create-file-hold-store.js';
import { createJsonLinesAuditLog } from '../nodemailer/create-json-lines-audit-log.js';
import { heldAge as age } from '../nodemailer/held-age.js';
import type { HeldMessage } from '../nodemailer/hold-store.js';
import { nodemailerGuard } from '../nodemailer/nodemailer-guard.js';
import { CliFailure, exitCodes, unreadableFailure, usageFailure } from './exit-codes.js';
import type { CommandContext } from './program-context.js';
import { readCustomers } from './read-customers.js';

interface StoreFlags {
  readonly store: string;
  readonly json?: boolean;
}

/** The environment variable that holds the store's sealing key, when the store was made with one. */
const KEY_VARIABLE = 'EMAIL_GUARD_HOLD_KEY';

async function openStore(flags: StoreFlags): Promise<FileHoldStore> {
  const info = await stat(flags.store).catch(() => undefined);
  if (!info?.isDirectory()) throw unreadableFailure(`${flags.store}: no hold store folder there`);
  const key = process.env[KEY_VARIABLE];
  return createFileHoldStore(flags.store, key ? { key } : {});
}

async function findHeld(store: FileHoldStore, flags: StoreFlags, id: string) {
  const held = await store.get(id);
  if (!held) throw unreadableFailure(`${flags.store}: no held message ${id}`);
  return held;
}

function recipientLine(recipient: HeldMessage['recipients'][number]): string {
  const { verdict } = recipient;
  const suggestion = verdict.suggestion ? ` -> ${verdict.suggestion}` : '';
  return `${recipient.field}: ${recipient.address} ${verdict.action}${suggestion}`;
}

/** The Subject and Date of a raw message (encoded words decoded), for showing which message it is. */
async function subjectAndDate(raw: Buffer): Promise<{ subject?: string; date?: string }> {
  const { simpleParser } = await import('mailparser');
  const parsed = await simpleParser(raw, {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipImageLinks: true,
  });
  return {
    ...(parsed.subject !== undefined ? { subject: parsed.subject } : {}),
    ...(parsed.date !== undefined ? { date: parsed.date.toISOString() } : {}),
  };
}

function storeOption(command: Command): Command {
  return command
    .requiredOption('--store <dir>', 'the hold store folder (createFileHoldStore)')
    .option('--json', 'print JSON');
}

const examples = `
Examples:
  $ email-guard holds list --store ./held-mail
  $ email-guard holds show 01J9Z3K8QF3S --store ./held-mail
  $ email-guard holds release 01J9Z3K8QF3S --store ./held-mail --to anna.svensson1985@gmail.com \\
      --by lena@butiken.se --reason "read back to the customer" --customers customers.csv --smtp smtp://mail.local:587
  $ email-guard holds release 01J9Z3K8QF3S --store ./held-mail --to anna.berg@outlook.com --confirm-new \\
      --by lena@butiken.se --reason "new address, read back on the phone" --customers customers.csv --smtp smtp://mail.local:587
  $ email-guard holds discard 01J9Z3K8QF3S --store ./held-mail --yes

A correction must pass the check: another customer's address is refused, and an address new to the
customer is sent only with --confirm-new.

A store sealed with a key (createFileHoldStore(dir, { key })) is opened with the key in ${KEY_VARIABLE}.
Exit codes: 0 done, 1 held messages listed or a release refused, 2 usage error, 3 no such store or message.`;

/**
 * `email-guard holds list|show|release|discard --store DIR`: review what the pipeline held.
 */
export function holdsCommand(context: CommandContext): Command {
  const holds = new Command('holds')
    .description('review the messages the mail pipeline held: list, show, release, discard')
    .addHelpText('after', examples);

  holds.addCommand(
    storeOption(new Command('list'))
      .description('list held messages, oldest first: verdicts, suggestion, age')
      .addHelpText('after', examples)
      .action(async (flags: StoreFlags) => {
        const store = await openStore(flags);
        const held = await store.list();
        for (const problem of await store.listProblems())
          context.warn(`${problem.file}: ${problem.code}: ${problem.message}`);
        if (flags.json) {
          context.out(
            `${JSON.stringify(
              held.map((entry) => ({ ...entry, age: age(entry.heldAt) })),
              null,
              2,
            )}\n`,
          );
        } else if (held.length === 0) {
          context.out('no held messages\n');
        } else {
          const lines = held.map((entry) =>
            [
              entry.id,
              entry.heldAt,
              age(entry.heldAt).padStart(7),
              entry.action.padEnd(7),
              entry.state === 'releasing' ? 'RELEASING' : '',
              `customer ${entry.customerId ?? '-'}`,
              entry.recipients.map(recipientLine).join('; '),
            ]
              .filter(Boolean)
              .join('  '),
          );
          context.out(`${lines.join('\n')}\n`);
        }
        context.setExitCode(held.length > 0 ? exitCodes.findings : exitCodes.ok);
      }),
  );

  holds.addCommand(
    storeOption(new Command('show'))
      .description('show one held message: its envelope, every recipient with the findings and suggestion')
      .argument('<id>', 'the held message id (from holds list)')
      .addHelpText('after', examples)
      .action(async (id: string, flags: StoreFlags) => {
        const store = await openStore(flags);
        const { raw, ...held } = await findHeld(store, flags, id);
        const { subject, date } = await subjectAndDate(raw).catch(() => ({
          subject: undefined,
          date: undefined,
        }));
        if (flags.json) {
          context.out(`${JSON.stringify({ ...held, age: age(held.heldAt), subject, date }, null, 2)}\n`);
          return;
        }
        const lines = [
          `id:        ${held.id}`,
          `held:      ${held.heldAt} (${age(held.heldAt)} ago), ${held.action}${held.state === 'releasing' ? ', being released' : ''}`,
          `customer:  ${held.customerId ?? '-'}`,
          `message:   ${held.messageId ?? '-'}, ${held.size} bytes`,
          `subject:   ${subject ?? '-'}`,
          `date:      ${date ?? '-'}`,
          `envelope:  ${held.envelope.from ?? '-'} -> ${held.envelope.to.join(', ')}`,
        ];
        if (held.customerLookup) lines.push(`lookup:    ${held.customerLookup.reason}`);
        for (const recipient of held.recipients) {
          lines.push('', recipientLine(recipient));
          for (const finding of recipient.verdict.findings)
            lines.push(`  ${finding.action.padEnd(7)} ${finding.code}: ${finding.message}`);
        }
        context.out(`${lines.join('\n')}\n`);
      }),
  );

  holds.addCommand(
    storeOption(new Command('release'))
      .description('send a held message, corrected: the final recipients are checked again')
      .argument('<id>', 'the held message id')
      .requiredOption('--by <person>', 'who releases it (audit log)')
      .requiredOption('--reason <text>', 'why (audit log)')
      .option('--to <address...>', 'the corrected recipients; required for a blocked message')
      .option(
        '--confirm-new',
        'the corrected recipients are new to the customer and were confirmed as theirs (audit log)',
      )
      .requiredOption('--customers <file>', 'the CRM export the recipients are checked against again')
      .requiredOption('--smtp <url>', 'the SMTP server to send through: smtp://user:pass@host:587')
      .option('--audit-log <file>', 'the JSON-lines audit log (default: <store>.audit.jsonl)')
      .addHelpText('after', examples)
      .action(
        async (
          id: string,
          flags: StoreFlags & {
            by: string;
            reason: string;
            to?: string[];
            confirmNew?: boolean;
            customers: string;
            smtp: string;
            auditLog?: string;
          },
        ) => {
          const store = await openStore(flags);
          const held = await findHeld(store, flags, id);
          if (held.action === 'block' && !flags.to?.length)
            throw usageFailure(
              `${id} was held because a recipient is blocked (${held.recipients
                .filter((recipient) => recipient.verdict.action === 'block')
                .map(recipientLine)
                .join('; ')}): give the corrected recipients with --to`,
            );
          const customers = await readCustomers(flags.customers, context.progress());
          context.reportProblems(flags.customers, customers.problems);
          const { default: nodemailer } = await import('nodemailer');
          let transporter: ReturnType<typeof nodemailer.createTransport>;
          try {
            transporter = nodemailer.createTransport(flags.smtp);
          } catch (error) {
            throw usageFailure(`--smtp: ${(error as Error).message}`);
          }
          transporter.use(
            'compile',
            nodemailerGuard({
              guard: createGuard({ directory: customers.directory }),
              holdStore: store,
              auditLog: createJsonLinesAuditLog(
                flags.auditLog ?? `${flags.store.replace(/[/\\]+$/, '')}.audit.jsonl`,
              ),
            }),
          );
          try {
            const result = await store.release(id, transporter, {
              by: flags.by,
              reason: flags.reason,
              ...(flags.to?.length ? { to: flags.to } : {}),
              ...(flags.confirmNew ? { confirmNew: true } : {}),
            });
            if (flags.json)
              context.out(
                `${JSON.stringify({ id: result.id, messageId: result.messageId, envelope: result.envelope }, null, 2)}\n`,
              );
            else context.out(`released ${id} to ${result.envelope.to.join(', ')}\n`);
          } catch (error) {
            if (
              isEmailGuardError(error, 'RECIPIENT_BLOCKED') ||
              isEmailGuardError(error, 'RECIPIENT_NEEDS_CONFIRMATION')
            )
              throw new CliFailure(`${id} stays held: ${error.message}`, exitCodes.findings);
            if (isEmailGuardError(error, 'INVALID_INPUT')) throw usageFailure(error.message);
            throw new CliFailure(`${id} stays held: ${(error as Error).message}`, exitCodes.unreadable);
          } finally {
            transporter.close();
          }
        },
      ),
  );

  holds.addCommand(
    storeOption(new Command('discard'))
      .description('remove a held message without sending it (asks first on a terminal)')
      .argument('<id>', 'the held message id')
      .option('--yes', 'do not ask: needed when no one is at a terminal to answer')
      .addHelpText('after', examples)
      .action(async (id: string, flags: StoreFlags & { yes?: boolean }) => {
        const store = await openStore(flags);
        const held = await findHeld(store, flags, id);
        if (!flags.yes) {
          if (!context.interactive) throw usageFailure(`discard ${id}: no one can confirm here; add --yes`);
          const sure = await context.confirm(
            `Discard ${id} (${held.action}, to ${held.envelope.to.join(', ')}) without sending it?`,
          );
          if (!sure) {
            context.out(`kept ${id}\n`);
            return;
          }
        }
        const removed = await store.discard(id);
        if (!removed) throw unreadableFailure(`${flags.store}: no held message ${id}`);
        context.out(`discarded ${id}\n`);
      }),
  );
  return holds;
}
