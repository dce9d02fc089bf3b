import type { HeldMessage } from '../nodemailer/hold-store.js';
import type { RecipientField } from '../pipeline/recipient.js';
import { type CliLocale, cliTexts } from './cli-texts.js';
import { inOneLine } from './escape-controls.js';
import { HEADER_FIELD_NAMES } from './header-field-names.js';

/**
 * The recipients the message's header names, by field (`{ to: [...], cc: [...] }`). A raw message
 * handed to nodemailer with no `envelope` (nor `from`/`to` options) is held with an empty envelope:
 * nodemailer reads no recipients from raw bytes, so sent as it is it would go to no one (SMTP
 * transport: "No recipients defined", EENVELOPE); these are who it names.
 */
export function headerRecipients(held: Pick<HeldMessage, 'recipients'>): Record<string, string[]> {
  const byField: Record<string, string[]> = {};
  for (const { field, address } of held.recipients) {
    if (HEADER_FIELD_NAMES[field] === undefined) continue;
    byField[field] = [...(byField[field] ?? []), address];
  }
  return byField;
}

/** Whether the message was held without an envelope of its own (a raw message given without one). */
export function hasNoEnvelope(held: Pick<HeldMessage, 'envelope'>): boolean {
  return held.envelope.to.length === 0;
}

/**
 * What `--json` of list and show puts over the held message's envelope: its sender as given (what
 * the text output shows, not the address nodemailer read from it), and for a message held with no
 * envelope, that, and its header's recipients.
 */
export function envelopeJson(held: Pick<HeldMessage, 'envelope' | 'recipients'>) {
  if (hasNoEnvelope(held)) return { envelopeGiven: false, headerRecipients: headerRecipients(held) };
  const from = senderAsGiven(held);
  return from === held.envelope.from ? {} : { envelope: { ...held.envelope, from } };
}

/**
 * The envelope as `holds show` prints it: `from -> to, to`, or, when none was given, the recipients
 * the message's header names, so the reviewer sees who it is for.
 */
export function envelopeLine(held: Pick<HeldMessage, 'envelope' | 'recipients'>, locale: CliLocale): string {
  if (!hasNoEnvelope(held))
    return `${inOneLine(senderAsGiven(held) ?? '-')} -> ${inOneLine(held.envelope.to.join(', '))}`;
  return cliTexts[locale].holds.noEnvelope(headerRecipientsLine(held));
}

/** The recipients the message's header names in one line, by field: `To a@…, b@…; Cc c@…`. */
export function headerRecipientsLine(held: Pick<HeldMessage, 'recipients'>): string {
  return Object.entries(headerRecipients(held))
    .map(
      ([field, addresses]) =>
        `${HEADER_FIELD_NAMES[field as RecipientField]} ${inOneLine(addresses.join(', '))}`,
    )
    .join('; ');
}

/**
 * The envelope's sender as it was given: a sender the check listed (`envelope-from`, a value with a
 * line break or more than one address, refused) is shown as typed, since the envelope nodemailer
 * derived from it names another address than the one typed (`order@butiken.se>\r\nRCPT
 * TO:<erik@example.com` gives erik's), and the reviewer must see the text that was refused.
 */
function senderAsGiven(held: Pick<HeldMessage, 'envelope' | 'recipients'>): string | undefined {
  return held.recipients.find(({ field }) => field === 'envelope-from')?.address ?? held.envelope.from;
}
