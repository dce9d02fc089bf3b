import addressparser from 'nodemailer/lib/addressparser';
import { parseAddress } from '../address/parse-address.js';
import { addressesShownIn } from './addresses-shown-in.js';
import { ANSWER_FIELDS } from './answer-fields.js';
import { comparableAddress } from './comparable-address.js';
import type { Recipient, RecipientField } from './recipient.js';

/** Where a message names its recipients, in any shape nodemailer accepts. */
export interface RecipientSources {
  /** `to`, `cc`, `bcc`: a string, a comma list, `{ name, address }`, a group, or an array of these. */
  readonly to?: unknown;
  readonly cc?: unknown;
  readonly bcc?: unknown;
  /**
   * The resent destination fields of a raw message's header (RFC 5322 §3.6.6), in the same shapes:
   * a relay that takes its recipients from the header (`sendmail -t`) delivers a resent message to these.
   */
  readonly resentTo?: unknown;
  readonly resentCc?: unknown;
  readonly resentBcc?: unknown;
  /** An explicit SMTP envelope (`{ to, cc, bcc }`): the addresses mail is really delivered to. */
  readonly envelope?: unknown;
  /**
   * Custom headers (an object or a list of `{ key, value }`); `To`, `Cc` and `Bcc` among them count
   * too. Any other header is listed only when its value holds a line break: a prepared value
   * (`{ prepared: true, value }`) is written as it is, so a line break there starts a new field.
   */
  readonly headers?: unknown;
  /**
   * The originator fields (RFC 5322 §3.6.2). They name no recipient, so only a value that holds a
   * line break or another control character is listed: an injection there is refused all the same.
   */
  readonly from?: unknown;
  readonly sender?: unknown;
  readonly replyTo?: unknown;
}

/** An address list as nodemailer's address parser returns it, groups kept. */
export type ParsedAddressList = ReturnType<typeof addressparser>;

/** Options of {@link collectRecipients}. */
export interface CollectRecipientsOptions {
  /**
   * Keeps each address list text that was parsed, with what nodemailer's address parser made of it
   * (groups kept, nothing normalised), so a later reading of the same text (nodemailer's composer
   * reads To, Cc and Bcc again) need not parse it again. The lists are left as the parser made them.
   * @default undefined (nothing is kept)
   */
  readonly parsedLists?: Map<string, ParsedAddressList>;
  /**
   * The sources are a raw message's parsed header fields, where a TAB is white space (RFC 5322
   * §3.2.2) and is read as a space; a name that shows an address beside it is caught by what
   * reads the shown addresses. In options, nodemailer writes a TAB into the header itself.
   * @default false (a TAB is refused like any other control character)
   */
  readonly fromHeader?: boolean;
}

const ORIGINATORS = [
  ['from', 'from'],
  ['sender', 'sender'],
  ['replyTo', 'reply-to'],
] as const;

// A header field ends at CRLF (RFC 5322 §2.2); any other C0 or C1 control, DEL or Unicode line
// separator has no place in an address either (RFC 5322 §3.2.3). A TAB given as an option is no
// exception: in a value nodemailer writes into the header it is white space that its address parser
// splits on, so `anna@example.se<TAB>erik@example.com` is delivered to anna with erik as her display
// name, unseen by whoever typed it.
const UNSAFE = /[\p{Cc}\u2028\u2029]/u;
// In a header already written a TAB is white space (RFC 5322 §3.2.2 WSP), as a space is: the
// header shows what it holds, and a name that shows an address there is read as such elsewhere.
const UNSAFE_IN_HEADER = /(?!\t)[\p{Cc}\u2028\u2029]/u;

const FIELDS = ['to', 'cc', 'bcc'] as const;

const RESENT = [
  ['resentTo', 'resent-to'],
  ['resentCc', 'resent-cc'],
  ['resentBcc', 'resent-bcc'],
] as const;

// What ends a header field (RFC 5322 §2.2), so what a custom header's value must not hold.
const LINE_BREAK = /[\r\n]/;

/**
 * Flattens every recipient of a message into one list: the header fields, recipient headers set
 * through `headers`, and the envelope. Groups are opened (RFC 5322 §3.4 group syntax), lists are
 * split with nodemailer's own address parser, so the list is the one nodemailer would deliver to.
 *
 * A value that holds a line break or another control character is not split: it is kept whole, so
 * the guard refuses it as it was given instead of the pieces a parser would make of it (a
 * header-injection attempt such as `"anna@example.se\r\nBcc: x@example.com"`). A token that names
 * no address (`anna.example.se`) is kept as it was typed, so the guard refuses it rather than it
 * silently dropping out of the message.
 *
 * @example
 * ```ts
 * collectRecipients({ to: 'Anna <anna@example.se>, Team: bo@example.se;', envelope: { to: ['cf@example.se'] } });
 * // [{ field: 'to', address: 'anna@example.se', name: 'Anna' }, { field: 'to', address: 'bo@example.se' },
 * //  { field: 'envelope', address: 'cf@example.se' }]
 * ```
 */
export function collectRecipients(
  sources: RecipientSources,
  options: CollectRecipientsOptions = {},
): Recipient[] {
  const recipients: Recipient[] = [];
  const parsedLists = options.parsedLists;
  const unsafe = options.fromHeader ? UNSAFE_IN_HEADER : UNSAFE;
  // Only the To, Cc and Bcc fields are composed into the header nodemailer parses again.
  for (const field of FIELDS) collect(sources[field], field, recipients, false, parsedLists, unsafe);
  for (const [key, field] of RESENT) collect(sources[key], field, recipients, false, undefined, unsafe);
  for (const [key, value] of headerEntries(sources.headers)) {
    const name = headerName(key);
    if (name === 'to' || name === 'cc' || name === 'bcc')
      collect(value, name, recipients, false, undefined, unsafe);
    else if (typeof value === 'string') {
      if (LINE_BREAK.test(value)) recipients.push({ field: 'header', address: value, header: key });
    } else
      for (const text of headerTexts(value))
        if (LINE_BREAK.test(text)) recipients.push({ field: 'header', address: text, header: key });
  }
  const envelope = sources.envelope;
  const envelopeFields =
    envelope && typeof envelope === 'object' ? (envelope as Record<string, unknown>) : {};
  for (const field of FIELDS) collect(envelopeFields[field], 'envelope', recipients);
  // Only a value with a control character is listed, and no part of a value without one has one:
  // such a value is passed over unparsed.
  for (const [key, field] of ORIGINATORS) collect(sources[key], field, recipients, true, undefined, unsafe);
  // MAIL FROM (RFC 5321 §4.1.1.2) is a command line of its own: a line break in it is an injection
  // too. Listed as the sender, not as a recipient: it is where a bounce goes, not a copy.
  collect(envelopeFields.from, 'envelope-from', recipients, true);
  return recipients;
}

/**
 * The addresses a reply goes to (RFC 5322 §3.6.2): `replyTo`, and any `Reply-To` among the custom
 * `headers`, in every shape `to` takes, each as a `reply-to` recipient. They are not delivered to;
 * `checkRecipients` takes them as `replyTo`, to find another customer's address among them.
 *
 * @example
 * ```ts
 * collectReplyTo({ replyTo: 'Kundtjänst <kundtjanst@butiken.se>' });
 * // [{ field: 'reply-to', address: 'kundtjanst@butiken.se', name: 'Kundtjänst' }]
 * ```
 */
export function collectReplyTo(
  sources: Pick<RecipientSources, 'replyTo' | 'headers' | 'from' | 'sender'>,
): Recipient[] {
  const replyTo: Recipient[] = [];
  collect(sources.replyTo, 'reply-to', replyTo);
  replyTo.push(...shownInBareText({ field: 'reply-to' }, sources.replyTo, replyTo));
  // The composed message is read for the other answer fields' mailboxes; what only their bare text
  // shows (an encoded-word, a group's name) it drops, so it is read here, from the options.
  for (const [option, field] of [
    [sources.from, 'from'],
    [sources.sender, 'sender'],
  ] as const)
    replyTo.push(...shownInBareText({ field }, option));
  for (const [key, value] of headerEntries(sources.headers)) {
    const name = headerName(key);
    if (name === 'reply-to') {
      const found: Recipient[] = [];
      collect(value, 'reply-to', found);
      replyTo.push(...found, ...shownInBareText({ field: 'reply-to' }, value, found));
    } else {
      const answer = ANSWER_FIELDS.get(name);
      if (answer) replyTo.push(...shownInBareText(answer, value));
    }
  }
  return replyTo;
}

/**
 * The addresses an answer field shows outside its mailboxes, each named after the field: what a
 * name standing without an address shows (one encoded-word, `=?utf-8?b?ZXJpay5saW5kQHRlbGlhLmNvbQ==?=`,
 * which mailparser and nodemailer read as a name with an empty address, RFC 2047 §5), what a
 * group's name shows (`erik.lind@telia.com:;`, RFC 5322 §3.4), and what a comment shows
 * (`Kundtjänst <order@butiken.se> (erik.lind@telia.com)`, RFC 5322 §3.2.2). A mail client shows either where the
 * answer goes, and a reply typed to it reaches that address; nothing else reads them, since
 * neither is a mailbox. `found` is what was collected of the same value already.
 */
function shownInBareText(
  answer: Pick<Recipient, 'field' | 'header'>,
  value: unknown,
  found?: readonly Recipient[],
): Recipient[] {
  const texts: string[] = [];
  const collected = found ?? collectedFrom(answer.field, value);
  for (const { address, name } of collected)
    if (name === undefined && !parseAddress(address).ok) texts.push(address);
  for (const text of headerTexts(value)) {
    if (UNSAFE_IN_HEADER.test(text)) continue;
    groupNames(addressparser(text), texts);
    // A comment is shown as written; the parser drops one beside `<address>`.
    if (text.includes('(')) texts.push(...commentsOf(text));
  }
  const shown = new Set(texts.flatMap((text) => addressesShownIn(text, '')));
  return [...shown].map((address) => ({ ...answer, address }));
}

/** What {@link collect} reads of one field's value, as a header field's text is read. */
function collectedFrom(field: RecipientField, value: unknown): Recipient[] {
  const found: Recipient[] = [];
  collect(value, field, found, false, undefined, UNSAFE_IN_HEADER);
  return found;
}

/** The names of a parsed list's groups, nested ones too, added to `into`. */
function groupNames(list: ParsedAddressList, into: string[]): void {
  for (const entry of list) {
    if (!entry.group) continue;
    if (entry.name) into.push(entry.name);
    groupNames(entry.group, into);
  }
}

/**
 * The addresses of the fields an answer to the message goes to ({@link ANSWER_FIELDS}: Reply-To,
 * From, Sender, Disposition-Notification-To, Return-Receipt-To, Mail-Followup-To), from a list of
 * header fields by name, every occurrence of a repeated field, each named after its field.
 * Any other field is passed over.
 *
 * @example
 * ```ts
 * collectAnswers([['Disposition-Notification-To', 'erik.lind@telia.com']]);
 * // [{ field: 'header', header: 'Disposition-Notification-To', address: 'erik.lind@telia.com' }]
 * ```
 */
export function collectAnswers(fields: Iterable<readonly [string, unknown]>): Recipient[] {
  const answers: Recipient[] = [];
  for (const [key, value] of fields) {
    const answer = ANSWER_FIELDS.get(headerName(key));
    if (!answer) continue;
    // Header fields as written, where a TAB is white space (RFC 5322 §3.2.2).
    const found = collectedFrom(answer.field, value);
    for (const recipient of found) answers.push({ ...recipient, ...answer });
    answers.push(...shownInBareText(answer, value, found));
  }
  return answers;
}

/**
 * Walks one field's value. Iterative with a seen-set, so neither deep nor cyclic arrays break it.
 * With `onlyUnsafe`, only what holds a control character is listed (an originator field).
 */
function collect(
  value: unknown,
  field: RecipientField,
  into: Recipient[],
  onlyUnsafe = false,
  parsedLists?: Map<string, ParsedAddressList>,
  unsafe = UNSAFE,
): void {
  if (value === undefined || value === null || value === false || value === '') return;
  // Most fields are one string: it needs neither the walk nor its seen-set.
  if (typeof value === 'string') {
    pushText(value, field, into, onlyUnsafe, parsedLists, unsafe);
    return;
  }
  const seen = new WeakSet<object>();
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (item === undefined || item === null || item === false || item === '') continue;
    if (typeof item === 'object') {
      if (seen.has(item)) continue;
      seen.add(item);
    }
    if (Array.isArray(item)) {
      for (let index = item.length - 1; index >= 0; index--) pending.push(item[index]);
    } else if (typeof item === 'object') {
      const entry = item as { address?: unknown; name?: unknown; group?: unknown; value?: unknown };
      // Nodemailer reads an object's address first and its group only when there is no address
      // (mime-node `_convertAddresses`): `{ address, group }` is delivered to the address alone.
      if (entry.address) pushMailbox(entry.address, entry.name, field, into, onlyUnsafe, unsafe);
      else if (Array.isArray(entry.group)) pending.push(entry.group);
      else if (entry.address !== undefined)
        pushMailbox(entry.address, entry.name, field, into, onlyUnsafe, unsafe);
      // A prepared header value (`{ prepared: true, value }`), or a parsed header's list of mailboxes.
      else if (entry.value !== undefined) pending.push(entry.value);
      // A name without an address still stands for someone the sender meant to reach.
      else if (typeof entry.name === 'string')
        pushText(entry.name, field, into, onlyUnsafe, undefined, unsafe);
    } else if (typeof item === 'string') {
      pushText(item, field, into, onlyUnsafe, parsedLists, unsafe);
    } else {
      pushText(String(item), field, into, onlyUnsafe, undefined, unsafe);
    }
  }
}

function pushText(
  text: string,
  field: RecipientField,
  into: Recipient[],
  onlyUnsafe: boolean,
  parsedLists?: Map<string, ParsedAddressList>,
  unsafe = UNSAFE,
): void {
  if (unsafe.test(text)) {
    into.push({ field, address: text });
    return;
  }
  const envelope = field === 'envelope' || field === 'envelope-from';
  if (onlyUnsafe && !envelope) return;
  const list = parsedLists?.get(text) ?? addressparser(text);
  parsedLists?.set(text, list);
  // An SMTP command names one bare address (RFC 5321 §4.1.2 `Path`): nodemailer keeps only the
  // address of each entry of the envelope, so words beside it (`anna@example.se erik@example.com`
  // gives anna, with erik taken for her display name) would drop what was typed without a word.
  // The entry is refused as typed instead, as the same text in To is. A plain name before an
  // address in angle brackets (`Bob <bob@example.net>`, nodemailer's own envelope example) drops
  // nothing that was meant for delivery: it is read as its address, as nodemailer delivers it, and
  // listed with its name, as the same entry given as `{ name, address }` is, so the name is judged
  // the same way whichever shape carried it.
  if (envelope) {
    const inAngles = angleAddressesEndingEntries(text);
    if (list.some((mailbox) => dropsTypedWords(mailbox, inAngles))) {
      into.push({ field, address: text });
      return;
    }
    if (onlyUnsafe) return;
  }
  // nodemailer's address parser drops a comment beside `<address>` (`Anna <anna@…> (erik@…)`), and
  // writes the header without it: a comment holding another address is refused as typed, as the
  // same comment after a bare address is (the parser makes that one the display name).
  if (DELIVERED_TO.has(field) && text.includes('(') && hidesAddressInComment(text, list)) {
    into.push({ field, address: text });
    return;
  }
  pushMailboxes(list, field, into);
}

// The fields a copy of the message is delivered to, whose header the recipients read.
const DELIVERED_TO: ReadonlySet<RecipientField> = new Set([
  'to',
  'cc',
  'bcc',
  'resent-to',
  'resent-cc',
  'resent-bcc',
]);

/**
 * Whether an address list text has a comment holding an address that nodemailer's address parser
 * drops (`Anna <anna@…> (erik@…)`): such a text is refused as typed. A raw message's destination
 * fields are read by mailparser, which drops the comment too; their text is asked here.
 *
 * @example
 * ```ts
 * hidesAddressInComments('Anna <anna@example.se> (erik@example.com)'); // true
 * hidesAddressInComments('Anna <anna@example.se> (privat)'); // false
 * ```
 */
export function hidesAddressInComments(text: string): boolean {
  return text.includes('(') && hidesAddressInComment(text, addressparser(text));
}

/**
 * Whether a comment of an address list shows an address that no mailbox of the parsed list has as
 * its address or shows in its name: one the parser dropped.
 */
function hidesAddressInComment(text: string, list: ParsedAddressList): boolean {
  const kept = new Set<string>();
  const gather = (entries: ParsedAddressList) => {
    for (const entry of entries) {
      if (entry.group) gather(entry.group);
      if (entry.address) kept.add(comparableAddress(entry.address));
      if (entry.name)
        for (const shown of addressesShownIn(entry.name, '')) kept.add(comparableAddress(shown));
    }
  };
  gather(list);
  return commentsOf(text).some((comment) =>
    addressesShownIn(comment, '').some((shown) => !kept.has(comparableAddress(shown))),
  );
}

/**
 * The comments of a header text (RFC 5322 §3.2.2: parenthesised, nested ones inside the outer),
 * outside quoted strings, each as its text between the outer parentheses.
 */
function commentsOf(text: string): string[] {
  const comments: string[] = [];
  let quoted = false;
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '\\') index++;
    else if (quoted) quoted = char !== '"';
    else if (char === '"' && depth === 0) quoted = true;
    else if (char === '(') {
      if (depth === 0) start = index + 1;
      depth++;
    } else if (char === ')' && depth > 0) {
      depth--;
      if (depth === 0) comments.push(text.slice(start, index));
    }
  }
  return comments;
}

/**
 * Whether an envelope entry's parsed mailbox has words nodemailer would drop unseen: a name or
 * comment that is not a plain display name before `<address>`, or a name that shows an address.
 */
function dropsTypedWords(mailbox: ParsedAddressList[number], inAngles: ReadonlySet<string>): boolean {
  if (mailbox.group !== undefined || mailbox.name.trim() === '') return false;
  if (addressesShownIn(mailbox.name, mailbox.address).length > 0) return true;
  return !inAngles.has(mailbox.address);
}

// An address in angle brackets that end its list entry (`Bob <bob@x.se>`, then a comma or the end).
// `[^<>]*` cannot run past the next bracket and gives nothing back that could match `>`, so each
// character is read a bounded number of times; the blanks inside the brackets are trimmed after.
const ANGLE_ADDRESS_ENDING_ENTRY = /<([^<>]*)>\s*(?:,|$)/g;

/**
 * The addresses written in angle brackets that end their list entry, read once for the whole entry:
 * looked for again per mailbox, an entry of n mailboxes was read n times over (n² characters).
 */
function angleAddressesEndingEntries(text: string): Set<string> {
  return new Set([...text.matchAll(ANGLE_ADDRESS_ENDING_ENTRY)].map((match) => (match[1] ?? '').trim()));
}

/** Each mailbox of a parsed list, group members in place of their group (addressparser's `flatten`). */
function pushMailboxes(list: ParsedAddressList, field: RecipientField, into: Recipient[]): void {
  for (const mailbox of list) {
    if (mailbox.group) {
      pushMailboxes(mailbox.group, field, into);
      continue;
    }
    const address = mailbox.address || mailbox.name;
    if (!address) continue;
    into.push(mailbox.address && mailbox.name ? { field, address, name: mailbox.name } : { field, address });
  }
}

function pushMailbox(
  address: unknown,
  name: unknown,
  field: RecipientField,
  into: Recipient[],
  onlyUnsafe: boolean,
  unsafe = UNSAFE,
): void {
  const text = String(address ?? '');
  const displayName = typeof name === 'string' ? name : '';
  if (unsafe.test(displayName)) {
    // The name would be written into the header next to the address: refuse the pair as one.
    into.push({ field, address: `${displayName} <${text}>` });
    return;
  }
  // Nodemailer drops an envelope object's name (mime-node `getEnvelope` keeps addresses only), so
  // a name that shows another address (`{ name: 'erik@example.com', address: 'anna@example.se' }`)
  // was typed for someone nothing delivers to: the pair is refused as one, as the same text is.
  if ((field === 'envelope' || field === 'envelope-from') && addressesShownIn(displayName, text).length > 0) {
    into.push({ field, address: `${displayName} <${text}>` });
    return;
  }
  if (onlyUnsafe) {
    if (unsafe.test(text))
      into.push(displayName ? { field, address: text, name: displayName } : { field, address: text });
    return;
  }
  // An object's address is used as it is (nodemailer does not split it), so it is checked whole.
  if (text.trim() === '') {
    // A name without an address is a token typed without an @ (mailparser reads
    // `anna.svensson.gmail.com` in a list so): it is checked as typed, so it is refused, not dropped.
    if (displayName.trim() !== '') into.push({ field, address: displayName });
    return;
  }
  into.push(displayName ? { field, address: text, name: displayName } : { field, address: text });
}

/** Every text a custom header's value holds: a string, each of a list, a prepared value's `value`. */
function headerTexts(value: unknown): string[] {
  const texts: string[] = [];
  const seen = new WeakSet<object>();
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') texts.push(item);
    else if (item && typeof item === 'object' && !seen.has(item)) {
      seen.add(item);
      if (Array.isArray(item)) pending.push(...item);
      else pending.push((item as { value?: unknown }).value);
    }
  }
  return texts;
}

/**
 * A custom header's name as nodemailer writes it (mime-node `_normalizeHeaderKey`): white space,
 * control characters and colons are dropped, so `'Bcc '` and `'To:'` are the Bcc and To fields.
 */
function headerName(key: string): string {
  return key.replace(/[\s\p{Cc}:]/gu, '').toLowerCase();
}

function headerEntries(headers: unknown): [string, unknown][] {
  if (!headers || typeof headers !== 'object') return [];
  if (Array.isArray(headers)) {
    return headers.flatMap((header) =>
      header && typeof header === 'object' && typeof (header as { key?: unknown }).key === 'string'
        ? [[(header as { key: string }).key, (header as { value?: unknown }).value] as [string, unknown]]
        : [],
    );
  }
  return Object.entries(headers);
}
