import { type FindingFacts, messageFor } from '../guard/messages.js';
import type { Finding, Locale } from '../guard/verdict.js';
import type { HeldMessage } from '../nodemailer/hold-store.js';

/**
 * A held message with every recipient's finding messages written again in `locale` from the
 * findings' codes and evidence: a message is held in the language of the process that held it,
 * and read in the reviewer's. A finding whose code this version does not word keeps the message
 * it was stored with.
 *
 * @example
 * ```ts
 * localizedHeld(await store.get(id), 'sv').recipients[0].verdict.findings[0].message;
 * // 'Ser ut som ett skrivfel av kundens kända adress …'
 * ```
 */
export function localizedHeld<Held extends HeldMessage>(held: Held, locale: Locale): Held {
  return {
    ...held,
    recipients: held.recipients.map((recipient) => ({
      ...recipient,
      verdict: {
        ...recipient.verdict,
        findings: recipient.verdict.findings.map((finding) => localizedFinding(finding, locale)),
      },
    })),
  };
}

/** One finding worded again in `locale` from its code and evidence (see {@link localizedHeld}). */
export function localizedFinding(finding: Finding, locale: Locale): Finding {
  const { message: stored, ...facts } = finding;
  let message: unknown;
  try {
    message = messageFor(facts as FindingFacts, locale);
  } catch {
    // Evidence stored by another version, missing a field the wording needs.
    message = undefined;
  }
  return typeof message === 'string' && message !== '' ? ({ ...finding, message } as Finding) : finding;
}
