import type { CliLocale } from './cli-texts.js';
import { cliTexts } from './cli-texts.js';

/**
 * Prints email-guard's own process warnings (code `EMAIL_GUARD_…`, such as a sent message's row left
 * in PostgreSQL) as one plain line on standard error, in the command's language, instead of Node's
 * default print, which adds the process id and "(Use `node --trace-warnings ...`)", advice for
 * whoever debugs Node, not for the operator. Any other warning goes to Node's own listeners as
 * before. Node prints warnings from a 'warning' listener of its own (Node.js "process" docs,
 * "Event: 'warning'"), so it is taken off and called for the others.
 */
export function printWarningsPlainly(locale: CliLocale, write: (line: string) => void): void {
  const nodeListeners = process.listeners('warning');
  process.removeAllListeners('warning');
  process.on('warning', (warning: Error & { code?: string }) => {
    if (typeof warning.code === 'string' && warning.code.startsWith('EMAIL_GUARD_')) {
      // Each run of white space that breaks a line becomes one space. Runs are matched whole (`\s+`,
      // which never fails inside one): `\s*\n\s*` retried from every space of a long run without a
      // line break, growing with the square of its length.
      const said = warning.message
        .replace(/^email-guard: /, '')
        .replace(/\s+/g, (run) => (run.includes('\n') ? ' ' : run));
      write(`email-guard: ${cliTexts[locale].warning(said, warning.code)}\n`);
      return;
    }
    for (const listener of nodeListeners) listener(warning);
  });
}
