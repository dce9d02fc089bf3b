import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import { seededRandom } from './crm-export.js';

/** A customer of the generated base that mail is sent to. */
export interface MailCustomer {
  readonly id: string;
  readonly name: string;
  readonly email: string;
}

/** A misdirected confirmation planted among the sent mail, and what the audit must say of it. */
export interface PlantedMessage {
  readonly messageId: string;
  readonly recipient: string;
  readonly finding: string;
  readonly customerId?: string;
}

export interface SentMail {
  /** Each message, raw, in the order sent. */
  readonly messages: readonly Buffer[];
  readonly planted: readonly PlantedMessage[];
}

/** Drops one character of the local part: a slip the audit must find. */
function slip(address: string): string {
  const at = address.indexOf('@');
  const cut = Math.max(1, Math.floor(at / 2));
  return `${address.slice(0, cut)}${address.slice(cut + 1)}`;
}

/**
 * Order confirmations built with nodemailer's MailComposer, most to the customer's own address,
 * with four kinds of misdirected ones planted: a slip of the customer's address (the message names
 * its customer in X-Customer-Id), another customer's address, a mistyped provider, and a slip of a
 * known address in a message that names no customer.
 */
export async function sentMail(
  customers: readonly MailCustomer[],
  count: number,
  seed = 7,
): Promise<SentMail> {
  const random = seededRandom(seed);
  const messages: Buffer[] = [];
  const planted: PlantedMessage[] = [];
  const every = Math.max(4, Math.floor(count / 12));
  for (let i = 0; i < count; i++) {
    const customer = customers[Math.floor(random() * customers.length)] as MailCustomer;
    const messageId = `<order-${i}@butiken.se>`;
    let to = customer.email;
    let header: string | undefined = customer.id;
    const kind = i % every === every - 1 ? Math.floor(i / every) % 4 : -1;
    if (kind === 0) {
      to = slip(customer.email);
      planted.push({ messageId, recipient: to, finding: 'near-miss', customerId: customer.id });
    } else if (kind === 1) {
      const other = customers[(customers.indexOf(customer) + 7) % customers.length] as MailCustomer;
      to = other.email;
      planted.push({
        messageId,
        recipient: to,
        finding: 'belongs-to-other-customer',
        customerId: customer.id,
      });
    } else if (kind === 2) {
      // A new address at a mistyped provider (a known local part would be a near miss of its customer).
      to = `new.customer.${i}@hotmial.se`;
      header = undefined;
      planted.push({ messageId, recipient: to, finding: 'domain-typo' });
    } else if (kind === 3) {
      to = slip(customer.email);
      header = undefined;
      planted.push({ messageId, recipient: to, finding: 'near-miss', customerId: customer.id });
    }
    const raw = await new MailComposer({
      from: 'Butiken AB <order@butiken.se>',
      to: `${customer.name} <${to}>`,
      subject: `Orderbekräftelse ${4000 + i}`,
      messageId,
      date: new Date(Date.UTC(2024, 0, 1) + i * 60_000),
      text: `Hej ${customer.name}!\n\nKundnummer: ${customer.id}\nFrom the shop: tack för din beställning.\n\nButiken AB, 0771-40 40 40`,
      ...(header ? { headers: { 'X-Customer-Id': header } } : {}),
    })
      .compile()
      .build();
    messages.push(raw);
  }
  return { messages, planted };
}

/** Writes the messages as a folder of .eml files. */
export function writeEmlFolder(folder: string, messages: readonly Buffer[]): void {
  mkdirSync(folder, { recursive: true });
  messages.forEach((raw, index) => {
    writeFileSync(join(folder, `${String(index).padStart(6, '0')}.eml`), raw);
  });
}

/** Writes the messages as a Maildir: half delivered and seen (cur/), half new (new/). */
export function writeMaildir(folder: string, messages: readonly Buffer[]): void {
  for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(folder, sub), { recursive: true });
  messages.forEach((raw, index) => {
    const name = `${1700000000 + index}.M${index}P1.host`;
    writeFileSync(index % 2 ? join(folder, 'cur', `${name}:2,S`) : join(folder, 'new', name), raw);
  });
}

/** Writes the messages as one mbox file (mboxrd: body lines starting `From ` quoted with `>`). */
export function writeMbox(file: string, messages: readonly Buffer[]): void {
  const parts = messages.map((raw) => {
    const text = raw
      .toString('latin1')
      .replace(/\r\n/g, '\n')
      .replace(/^(>*From )/gm, '>$1');
    return `From order@butiken.se Mon Jan  1 00:00:00 2024\n${text}\n\n`;
  });
  writeFileSync(file, Buffer.from(parts.join(''), 'latin1'));
}
