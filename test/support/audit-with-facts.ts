import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliRun } from './built-cli.js';
import { runCliInProcess } from './run-cli-in-process.js';

/** What an audit with incident drafts reads: the CRM export, the facts file and the sent messages. */
export interface AuditInputs {
  /** The CRM export's text, written to `customers.csv`. */
  readonly customers: string;
  /** The facts file's content, written as JSON to `facts.json`. */
  readonly facts: object;
  /** The sent messages by file name, written into `sent/`. */
  readonly messages: Readonly<Record<string, string>>;
}

/** How the audit ended, and the incident drafts it wrote into `drafts`, by file name in order. */
export interface AuditWithFacts {
  readonly run: CliRun;
  readonly drafts: string;
  readonly files: string[];
  read(file: string): string;
}

/**
 * Writes the inputs into `folder` and runs `email-guard audit sent --customers customers.csv
 * --incidents drafts --facts facts.json <more>` on them (in this process).
 */
export async function auditWithFacts(
  folder: string,
  inputs: AuditInputs,
  ...more: string[]
): Promise<AuditWithFacts> {
  mkdirSync(join(folder, 'sent'), { recursive: true });
  writeFileSync(join(folder, 'customers.csv'), inputs.customers);
  writeFileSync(join(folder, 'facts.json'), JSON.stringify(inputs.facts));
  for (const [file, text] of Object.entries(inputs.messages)) writeFileSync(join(folder, 'sent', file), text);
  const drafts = join(folder, 'drafts');
  const run = await runCliInProcess([
    'audit',
    join(folder, 'sent'),
    '--customers',
    join(folder, 'customers.csv'),
    '--incidents',
    drafts,
    '--facts',
    join(folder, 'facts.json'),
    ...more,
  ]);
  const files = existsSync(drafts) ? readdirSync(drafts).sort() : [];
  return { run, drafts, files, read: (file) => readFileSync(join(drafts, file), 'utf8') };
}
