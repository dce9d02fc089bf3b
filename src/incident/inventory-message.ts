import { type AddressObject, type EmailAddress, type ParsedMail, simpleParser } from 'mailparser';
import addressparser from 'nodemailer/lib/addressparser';
import { z } from 'zod';
import { CustomerSchema } from '../contacts/customer.js';
import { MAX_CONTACTS } from '../contacts/fits-customer-schema.js';
import { MessageUnreadableError } from '../errors.js';
import { parseInput } from '../internal/parse-input.js';
import { AddressSchema } from './address-schema.js';
import { type DataCategory, dataCategories } from './data/data-categories.js';
import { defaultOrderTerms, type OrderTerm } from './data/order-terms.js';
import { type PeopleCategory, peopleCategories, peopleWords } from './data/people-categories.js';
import { findLabelledGuardians } from './find-labelled-guardians.js';
import { findMedicineStrengths } from './find-medicine-strengths.js';
import { findNamedOthers, type NamedOther } from './find-named-others.js';
import { findOrderTerms } from './find-order-terms.js';
import { excerptAround, findPersonalData, maskText, type PersonalDataKind } from './find-personal-data.js';
import { htmlToText } from './html-to-text.js';
import { LocaleSchema } from './option-schemas.js';

/**
 * The customer a message was about, as {@link inventoryMessage} reads it: the customer record
 * (its `id` is taken as the customer number unless `customerNumber` says otherwise) and, when known,
 * the postal address.
 *
 * @example
 * ```ts
 * IncidentCustomerSchema.parse({ id: '4711023', name: 'Anna Svensson', postalAddress: 'Storgatan 12, 123 45 Stockholm' });
 * ```
 */
export const IncidentCustomerSchema = CustomerSchema.extend({
  /**
   * Addresses the customer is known to receive mail at, each one address as the guard parses it: a
   * notice goes to one of them, so an entry that is a list or carries a line break (`a@x, b@y`) is
   * refused, never split or sent to as it stands (RFC 5322 §3.4).
   */
  emails: z
    .array(AddressSchema)
    .max(MAX_CONTACTS, `at most ${MAX_CONTACTS} addresses per customer`)
    .optional(),
  /** The postal address as it appears in messages (`Storgatan 1, 123 45 Stockholm`). */
  postalAddress: z.string().optional(),
  /** The customer number shown to the customer, when it differs from `id`. */
  customerNumber: z.string().optional(),
  /**
   * The customer is a child (under 18, föräldrabalken 9 kap. 1 §), as the organisation's records say;
   * without it, a `birthDate` that shows it on the day the breach was detected (see `affected.minor`).
   */
  minor: z.boolean().optional(),
  /**
   * The e-mail address of the child's guardian, as the organisation's records hold it: a child's
   * notice goes there (see `reportMisdirected`), before a guardian's address the message labels.
   */
  guardianEmail: AddressSchema.optional(),
});

/** A customer as {@link inventoryMessage} accepts it (see {@link IncidentCustomerSchema}). */
export type IncidentCustomer = z.input<typeof IncidentCustomerSchema>;

/**
 * Where in a message a piece of personal data was found; `header` is the To and Cc addresses that
 * every recipient saw.
 */
export type MessageLocation = 'subject' | 'text' | 'html' | 'attachment-name' | 'attachment' | 'header';

/** One piece of personal data a message exposed. */
export interface InventoryItem {
  readonly category: DataCategory;
  readonly kind: PersonalDataKind;
  /** Every place it was found (the same value in the text and the HTML part is one item). */
  readonly foundIn: readonly MessageLocation[];
  /** The surrounding words with every piece of personal data in them masked. */
  readonly excerpt: string;
  /** The value is exactly one the customer record holds. */
  readonly matchesCustomer: boolean;
  /** For a `special-category-term`: the term of the table that named it (`blodsocker`). */
  readonly term?: string;
}

/** An attachment of the message, and whether its content could be read for personal data. */
export interface InventoryAttachment {
  readonly filename?: string;
  readonly contentType: string;
  readonly size: number;
  /** Text attachments are read; others (PDF, images) are listed so a person can check them. */
  readonly inspected: boolean;
}

/** What a sent message exposed: the result of {@link inventoryMessage}. */
export interface MessageInventory {
  readonly items: readonly InventoryItem[];
  /** The distinct data categories, in the order of {@link dataCategories}. */
  readonly categories: readonly DataCategory[];
  /** How many different values of each category were found, listed in `items` or not. */
  readonly counts: Readonly<Partial<Record<DataCategory, number>>>;
  readonly subject?: string;
  readonly sentAt?: string;
  readonly attachments: readonly InventoryAttachment[];
  /** What could not be checked, in plain words (an attachment that is not text, an empty message). */
  readonly notes: readonly string[];
  /**
   * Order lines (prices, products) that no term of `orderTerms` classifies, masked: a person must
   * check whether they reveal health or another special category before the breach is judged.
   */
  readonly review: readonly string[];
  /**
   * The addresses the message was sent to, as its own headers say: To, Cc and Bcc (RFC 5322 §3.6.3),
   * then Resent-To, Resent-Cc and Resent-Bcc (§3.6.6), then the envelope recipients a receiving server records (Delivered-To, X-Original-To,
   * Envelope-To, X-Envelope-To), each once, in that order.
   */
  readonly recipients: readonly string[];
  /**
   * The recipients every other recipient saw: To and Cc, then Resent-To and Resent-Cc, each once.
   * Bcc, Resent-Bcc and the envelope received the message without being shown to anyone
   * (RFC 5322 §3.6.3, §3.6.6).
   */
  readonly shownRecipients: readonly string[];
  /**
   * How many people the message is about, at the least: the largest count of one identifier that
   * belongs to one person each (identity number, e-mail address, customer number, postal address),
   * with the category it was counted from when that shows more than one. A list of customers
   * attached by mistake is many people, not one (GDPR Art. 33(3)(a): the approximate number of data
   * subjects concerned). `labelledGuardians`, where any: the guardians the message names under a
   * label of their own ("Vårdnadshavare:", "Förälder:", "Guardian:", "Parent:") with an e-mail
   * address, phone number or postal address on the label's line or the lines right after it, each a
   * person besides a child the message is about.
   */
  readonly people: {
    readonly count: number;
    readonly category?: PeopleCategory;
    readonly labelledGuardians?: number;
  };
  /** What the labelled guardians' own details are, where the message has any (see {@link GuardianDetails}). */
  readonly guardianDetails?: GuardianDetails;
  /**
   * People other than the customer the message names under a label with an e-mail address, phone
   * number or identity number of their own ("Medsökande: Erik Lind, personnummer …"), where the
   * customer's name is known; with the categories found only on their lines (see {@link NamedOthers}).
   */
  readonly namedOthers?: NamedOthers;
}

/**
 * The people besides the customer a message names with details of their own: each with the label
 * and name as written and the kinds of their details, and the categories the message holds only on
 * their lines, which a notice to the customer does not list as the customer's (GDPR Art. 5(1)(d)).
 */
export interface NamedOthers {
  readonly people: readonly Omit<NamedOther, 'keys'>[];
  readonly onlyTheirs: readonly DataCategory[];
}

/**
 * The contact details the message gives on its guardians' lines ("Vårdnadshavare: …"): the
 * categories they are of, those of them that hold nothing else (every e-mail address in the message
 * is a guardian's, say), which a notice about a child lists as the guardian's and not as the child's,
 * and the guardians' e-mail addresses, to which a child's notice can be sent (GDPR Art. 8(1) and
 * Recital 38: the holder of parental responsibility acts for the child).
 */
export interface GuardianDetails {
  readonly categories: readonly DataCategory[];
  readonly onlyTheirs: readonly DataCategory[];
  readonly emails: readonly string[];
}

/** Options of {@link inventoryMessage}. */
export interface InventoryMessageOptions {
  /**
   * The customer the message was about: their name, address, customer number, e-mail addresses,
   * phone numbers and birth date are then recognised exactly.
   * @default undefined
   */
  readonly customer?: IncidentCustomer;
  /**
   * Values of the sender (its support address, phone number) that are not personal data.
   * @default []
   */
  readonly ignore?: readonly string[];
  /**
   * Language of the `notes`.
   * @default 'en'
   */
  readonly locale?: 'sv' | 'en';
  /**
   * How many items of one category are listed at the most: a message with thousands of addresses
   * (a customer export, say) is reported by its `counts`, with a note, not by thousands of excerpts.
   * @default 100
   */
  readonly maxItemsPerCategory?: number;
  /**
   * The words that classify order lines and find health and other special-category data (GDPR
   * Art. 9): replace the table or extend it (`[...defaultOrderTerms, { term: 'tena', category: 'health' }]`).
   * @default defaultOrderTerms
   */
  readonly orderTerms?: readonly OrderTerm[];
  /**
   * The number of people the caller says are concerned: a note warns when the message shows more.
   * @default undefined
   */
  readonly dataSubjects?: number;
}

const OrderTermSchema = z.object({
  term: z.string().trim().min(2),
  category: z.enum(['health', 'special-category', 'ordinary']),
});

const InventoryMessageOptionsSchema = z.object({
  customer: IncidentCustomerSchema.optional(),
  ignore: z.array(z.string()).optional(),
  locale: LocaleSchema.optional(),
  maxItemsPerCategory: z.number().int().positive().optional(),
  orderTerms: z.array(OrderTermSchema).optional(),
  dataSubjects: z.number().int().positive().optional(),
});

/** A message as raw RFC 5322 text or bytes, or as mailparser's `simpleParser` returned it. */
export type MessageSource = string | Uint8Array | ParsedMail;

/**
 * Lists the personal data a sent message exposed, read with mailparser from the subject, the text
 * and HTML parts, attachment names and text attachments. Each item has its category, where it was
 * found and a masked excerpt. Throws {@link MessageUnreadableError} when the input is not a message
 * at all, and {@link InvalidInputError} when the customer breaks its schema.
 *
 * @example
 * ```ts
 * const inventory = await inventoryMessage(
 *   'Subject: Orderbekräftelse\r\n\r\nHej Anna Svensson!\r\nKundnummer: 4711023\r\n',
 *   { customer: { id: '4711023', name: 'Anna Svensson' } },
 * );
 * inventory.categories; // ['name', 'customer-number']
 * ```
 */
export async function inventoryMessage(
  message: MessageSource,
  options: InventoryMessageOptions = {},
): Promise<MessageInventory> {
  const given = parseInput(InventoryMessageOptionsSchema, options, ['options']);
  const customer = given.customer;
  const mail = await readMessage(message);
  const sv = given.locale === 'sv';
  const person = customer && {
    name: customer.name,
    postalAddress: customer.postalAddress,
    customerNumber: customer.customerNumber ?? customer.id,
    emails: customer.emails,
    phones: customer.phones,
    birthDate: customer.birthDate,
  };
  const scanOptions = { person, ignore: given.ignore, region: customer?.country ?? 'SE' };

  const sources: Array<[MessageLocation, string]> = [];
  if (mail.subject) sources.push(['subject', mail.subject]);
  if (typeof mail.text === 'string') sources.push(['text', mail.text]);
  if (typeof mail.html === 'string') sources.push(['html', htmlToText(mail.html)]);
  const attachments: InventoryAttachment[] = [];
  const notes: string[] = [];
  for (const attachment of mail.attachments ?? []) {
    const inspected =
      /^text\//i.test(attachment.contentType) || /^application\/json$/i.test(attachment.contentType);
    attachments.push({
      ...(attachment.filename === undefined ? {} : { filename: attachment.filename }),
      contentType: attachment.contentType,
      size: attachment.size,
      inspected,
    });
    if (attachment.filename) sources.push(['attachment-name', attachment.filename.replace(/[_]+/g, ' ')]);
    if (inspected) sources.push(['attachment', attachment.content.toString('utf8')]);
    else notes.push(unreadAttachmentNote(attachment, sv));
  }
  const header = visibleRecipients(mail, given.ignore ?? []);
  if (header !== undefined) sources.push(['header', header]);
  if (sources.every(([location]) => location === 'subject' || location === 'header'))
    notes.push(sv ? 'Meddelandet har ingen läsbar text.' : 'The message has no readable body.');

  const limit = given.maxItemsPerCategory ?? 100;
  const counts = new Map<DataCategory, number>();
  // Every distinct value is remembered (to count it once); only the first `limit` get an item.
  const byKey = new Map<string, { item?: InventoryItem; foundIn: Set<MessageLocation> }>();
  // The table as given when the caller passed one (its identity keeps the compiled pattern cached).
  const orderTerms = options.orderTerms ?? defaultOrderTerms;
  const review = new Map<string, string>();
  // Runs shaped like an identity number that no check confirms, by key, with the line around one.
  const unconfirmed = new Map<string, string>();
  const guardians = new SameGuardians();
  // Each value found, by category, and which of them stand on a guardian's line.
  const valuesByCategory = new Map<DataCategory, Set<string>>();
  const guardianValues = new Map<string, DataCategory>();
  // People besides the customer named with details of their own, once each (a plain part and its HTML).
  const namedOthers = new Map<string, NamedOther>();
  // Where the message has an HTML part, mailparser's plain text of it joins a table's cells into one
  // line ("Vårdnadshavare:Anna HolmLeveransadress:…"): the guardians are read from the HTML as the
  // library renders it, a line per row, and from a plain part only when there is no HTML.
  const hasHtml = sources.some(([location]) => location === 'html');
  for (const [location, text] of sources) {
    const hits = findPersonalData(text, scanOptions);
    if (!(hasHtml && location === 'text'))
      for (const guardian of findLabelledGuardians(text, hits, { fromHtml: location === 'html' })) {
        guardians.add(guardian);
        // A guardian is the keys of their details (see findLabelledGuardians), each a hit's own key.
        const keys = new Set(guardian);
        for (const hit of hits) if (keys.has(hit.key)) guardianValues.set(hit.key, hit.category);
      }
    if (!(hasHtml && location === 'text') && location !== 'header' && location !== 'subject')
      for (const other of findNamedOthers(text, hits, customer?.name, new Set(guardianValues.keys()))) {
        const id = `${other.label}\u0000${other.name}`;
        const seen = namedOthers.get(id);
        namedOthers.set(
          id,
          seen === undefined
            ? other
            : {
                ...seen,
                categories: [...new Set([...seen.categories, ...other.categories])],
                keys: [...new Set([...seen.keys, ...other.keys])],
              },
        );
      }
    for (const hit of hits) {
      const values = valuesByCategory.get(hit.category) ?? new Set<string>();
      values.add(hit.key);
      valuesByCategory.set(hit.category, values);
    }
    const masked = maskText(text, hits);
    // A strength (`50 mg`) names a medicine whatever the table holds; both lists in text order.
    const terms = [...findOrderTerms(text, orderTerms), ...findMedicineStrengths(text)].sort(
      (a, b) => a.index - b.index,
    );
    // GDPR Art. 9: a product bought can reveal health or sex life (a blood-glucose meter,
    // incontinence pads). Each distinct term is one finding, named, with the line around it.
    const termHits = terms
      .filter((found) => found.term.category !== 'ordinary')
      .map((found) => ({
        category: found.term.category as DataCategory,
        kind: 'special-category-term' as const,
        start: found.index,
        end: found.end,
        key: found.term.term.toLowerCase(),
        matchesCustomer: false,
        term: found.term.term,
      }));
    // An order line no term classifies is listed for a person to judge.
    let next = 0;
    for (const hit of hits) {
      if (hit.kind !== 'price' && hit.kind !== 'service') continue;
      while (next < terms.length && (terms[next]?.end ?? 0) <= hit.start) next += 1;
      const classified = (terms[next]?.index ?? Number.POSITIVE_INFINITY) < hit.end;
      if (classified) continue;
      const line = masked
        .slice(hit.start, Math.min(hit.end, hit.start + 200))
        .replace(/\s+/g, ' ')
        .trim();
      review.set(hit.key, line);
    }
    for (const hit of [...hits, ...termHits]) {
      if ('unconfirmed' in hit && hit.unconfirmed) {
        if (!unconfirmed.has(hit.key)) unconfirmed.set(hit.key, excerptAround(masked, hit));
        continue;
      }
      const id = `${hit.kind}\u0000${hit.key}`;
      const seen = byKey.get(id);
      if (seen) {
        seen.foundIn.add(location);
        continue;
      }
      const count = (counts.get(hit.category) ?? 0) + 1;
      counts.set(hit.category, count);
      byKey.set(id, {
        ...(count > limit
          ? {}
          : {
              item: {
                category: hit.category,
                kind: hit.kind,
                foundIn: [],
                excerpt: excerptAround(masked, hit),
                matchesCustomer: hit.matchesCustomer,
                ...('term' in hit ? { term: hit.term } : {}),
              },
            }),
        foundIn: new Set([location]),
      });
    }
  }
  const items = [...byKey.values()].flatMap(({ item, foundIn }) =>
    item ? [{ ...item, foundIn: [...foundIn] }] : [],
  );
  const categories = dataCategories.filter((category) => counts.has(category));
  for (const category of categories) {
    const count = counts.get(category) ?? 0;
    if (count > limit)
      notes.push(
        sv
          ? `Kategorin ${category} har ${count} olika uppgifter; de första ${limit} listas.`
          : `The category ${category} has ${count} different values; the first ${limit} are listed.`,
      );
  }
  if (review.size > 0) notes.push(unclassifiedLinesNote(review.size, sv));
  if (unconfirmed.size > 0) {
    const shown = [...unconfirmed.values()]
      .slice(0, 3)
      .map((excerpt) => `“${excerpt}”`)
      .join(', ');
    notes.push(
      sv
        ? unconfirmed.size === 1
          ? `1 nummer har formen av ett personnummer men ingen kontrollsiffra stämmer (${shown}); granska om det identifierar någon.`
          : `${unconfirmed.size} nummer har formen av ett personnummer men ingen kontrollsiffra stämmer (${shown}); granska om de identifierar någon.`
        : unconfirmed.size === 1
          ? `1 number is shaped like an identity number but no check digit fits (${shown}); check whether it identifies someone.`
          : `${unconfirmed.size} numbers are shaped like an identity number but no check digit fits (${shown}); check whether they identify someone.`,
    );
  }
  const people = {
    ...countPeople(counts),
    ...(guardians.count === 0 ? {} : { labelledGuardians: guardians.count }),
  };
  if (
    people.category !== undefined &&
    people.count > 1 &&
    given.dataSubjects !== undefined &&
    given.dataSubjects < people.count
  )
    notes.push(peopleNote(people.count, people.category, sv));
  return {
    items,
    categories,
    counts: Object.fromEntries(categories.map((category) => [category, counts.get(category) ?? 0])),
    ...(mail.subject === undefined ? {} : { subject: mail.subject }),
    ...(mail.date instanceof Date && !Number.isNaN(mail.date.getTime())
      ? { sentAt: mail.date.toISOString() }
      : {}),
    attachments,
    notes,
    review: [...review.values()],
    ...messageRecipients(mail),
    people,
    ...(guardianValues.size === 0
      ? {}
      : { guardianDetails: guardianDetailsOf(guardianValues, valuesByCategory) }),
    ...(namedOthers.size === 0
      ? {}
      : { namedOthers: namedOthersOf([...namedOthers.values()], valuesByCategory) }),
  };
}

/** The {@link NamedOthers} of the people found, with the categories only their lines hold. */
function namedOthersOf(
  people: readonly NamedOther[],
  valuesByCategory: ReadonlyMap<DataCategory, ReadonlySet<string>>,
): NamedOthers {
  const theirKeys = new Set(people.flatMap((person) => person.keys));
  const theirs = new Set(people.flatMap((person) => person.categories));
  return {
    people: people.map(({ keys: _keys, ...person }) => person),
    onlyTheirs: dataCategories.filter(
      (category) =>
        theirs.has(category) &&
        [...(valuesByCategory.get(category) ?? [])].every((value) => theirKeys.has(value)),
    ),
  };
}

/**
 * The guardians found, one per person: two findings that share a detail (the same e-mail address in
 * the body and in an attachment, the same guardian read with fewer details from another part) are
 * one guardian, as are any two joined through a third.
 */
class SameGuardians {
  // Each detail points towards the first detail of its guardian (a union-find forest).
  readonly #towards = new Map<string, string>();

  add(details: readonly string[]): void {
    const [first, ...others] = details;
    if (first === undefined) return;
    const root = this.#root(first);
    for (const detail of others) {
      const other = this.#root(detail);
      if (other !== root) this.#towards.set(other, root);
    }
  }

  get count(): number {
    let roots = 0;
    for (const detail of this.#towards.keys()) if (this.#root(detail) === detail) roots += 1;
    return roots;
  }

  #root(detail: string): string {
    let at = detail;
    for (let up = this.#towards.get(at); up !== undefined && up !== at; up = this.#towards.get(at)) at = up;
    if (!this.#towards.has(detail)) this.#towards.set(detail, detail);
    // Every detail on the way points straight to the root, so later look-ups take one step.
    for (let step = detail; step !== at; ) {
      const up = this.#towards.get(step) ?? at;
      this.#towards.set(step, at);
      step = up;
    }
    return at;
  }
}

function countPeople(counts: ReadonlyMap<DataCategory, number>): MessageInventory['people'] {
  let best: MessageInventory['people'] = { count: 1 };
  for (const category of peopleCategories) {
    const count = counts.get(category) ?? 0;
    if (count > best.count) best = { count, category };
  }
  return best;
}

function peopleNote(count: number, category: PeopleCategory, sv: boolean): string {
  return sv
    ? `Meddelandet innehåller ${count} olika ${peopleWords[category].sv}, fler än det angivna antalet berörda; kontrollera hur många personer som berörs.`
    : `The message holds ${count} different ${peopleWords[category].en}, more than the number of people given; check how many people are concerned.`;
}

/**
 * The To and Cc addresses as one text to read, when a recipient saw anyone's address but their own:
 * two or more addresses, leaving out the sender's (From, Reply-To) and those the caller
 * ignores. Sending a group in Cc instead of Bcc discloses every address to every recipient, with what
 * the message says about them (ICO, monetary penalty notice to 56 Dean Street, 2016; EDPB Guidelines
 * 01/2021 §4.6 on e-mails to many recipients in To or Cc).
 */
function visibleRecipients(mail: ParsedMail, ignore: readonly string[]): string | undefined {
  const addresses = (field: AddressObject | AddressObject[] | undefined): string[] => {
    const found: string[] = [];
    const addFrom = (entries: readonly EmailAddress[]) => {
      for (const entry of entries) {
        if (entry.address) found.push(entry.address);
        if (entry.group) addFrom(entry.group);
      }
    };
    for (const object of field === undefined ? [] : Array.isArray(field) ? field : [field])
      addFrom(object.value);
    return found;
  };
  const own = new Set(
    [...addresses(mail.from), ...addresses(mail.replyTo), ...ignore].map((address) =>
      address.trim().toLowerCase(),
    ),
  );
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const [name, field] of [
    ['To', mail.to],
    ['Cc', mail.cc],
  ] as const) {
    const shown = addresses(field).filter((address) => {
      const key = address.trim().toLowerCase();
      if (own.has(key) || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (shown.length > 0) lines.push(`${name}: ${shown.join(', ')}`);
  }
  return seen.size >= 2 ? lines.join('\n') : undefined;
}

// The headers in which a receiving server or the sender's archive records the envelope recipient
// (RFC 5321 §4.4 leaves the name open: Delivered-To is Postfix and qmail, X-Original-To Postfix,
// Envelope-To Exim, X-Envelope-To others). Bcc recipients are often known only from these.
const ENVELOPE_HEADERS = ['delivered-to', 'x-original-to', 'envelope-to', 'x-envelope-to'] as const;
const SHOWN_RESENT_HEADERS = ['resent-to', 'resent-cc'] as const;

function messageRecipients(mail: ParsedMail): { recipients: string[]; shownRecipients: string[] } {
  const found = new Set<string>();
  const shown = new Set<string>();
  const addFrom = (entries: readonly EmailAddress[], visible: boolean) => {
    for (const entry of entries) {
      if (entry.address) {
        found.add(entry.address);
        if (visible) shown.add(entry.address);
      }
      if (entry.group) addFrom(entry.group, visible);
    }
  };
  for (const [field, visible] of [
    [mail.to, true],
    [mail.cc, true],
    [mail.bcc, false],
  ] as [AddressObject | AddressObject[] | undefined, boolean][]) {
    for (const object of field === undefined ? [] : Array.isArray(field) ? field : [field])
      addFrom(object.value, visible);
  }
  // The raw lines, every occurrence (a message relayed twice has two Delivered-To fields), since
  // mailparser keeps one parsed value per header name. A resent message went to its Resent-To,
  // Resent-Cc and Resent-Bcc as well, and showed the first two (RFC 5322 §3.6.6).
  for (const name of ['resent-to', 'resent-cc', 'resent-bcc', ...ENVELOPE_HEADERS])
    for (const { key, line } of mail.headerLines ?? [])
      if (key === name)
        for (const entry of addressparser(line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]/g, ' '), {
          flatten: true,
        }))
          if (entry.address) {
            found.add(entry.address);
            if ((SHOWN_RESENT_HEADERS as readonly string[]).includes(name)) shown.add(entry.address);
          }
  return { recipients: [...found], shownRecipients: [...shown] };
}

async function readMessage(message: MessageSource): Promise<ParsedMail> {
  if (isParsedMail(message)) return message;
  if (typeof message !== 'string' && !(message instanceof Uint8Array)) {
    throw new MessageUnreadableError(
      'The message is neither raw RFC 5322 text, bytes, nor a parsed message.',
    );
  }
  refuseNonMessage(typeof message === 'string' ? Buffer.from(message) : message);
  let mail: ParsedMail;
  try {
    const source = typeof message === 'string' ? message : Buffer.from(message);
    mail = await simpleParser(source, { skipImageLinks: true, skipTextToHtml: true });
  } catch (cause) {
    throw new MessageUnreadableError('The message could not be parsed as RFC 5322 / MIME.', { cause });
  }
  // A message opens with header fields, each a name of printable US-ASCII other than the colon
  // (RFC 5322 section 2.2, ftext in 3.6.8). Random bytes or an image give none: reading them as a
  // message would report a message with no data instead of saying the file is not one.
  if (!(mail.headerLines ?? []).some(({ key }) => /^[!-9;-~]+$/.test(key)))
    throw new MessageUnreadableError(
      'The file is not an e-mail message: it has no header fields (RFC 5322 section 2.2).',
    );
  return mail;
}

/**
 * Refuses raw input that is no message before it is parsed: mailparser reads anything, so an image
 * or a spreadsheet would come back as a message whose "header" is its bytes. A message opens with a
 * header field, a name of printable US-ASCII other than the colon followed by a colon (RFC 5322
 * sections 2.2 and 3.6.8; an mbox "From " separator line before it is allowed, RFC 4155), and its
 * header section holds no NUL (RFC 5322 section 2.2; RFC 6532 allows UTF-8, so bytes above 127 are
 * kept). Other control bytes are refused by the RFC too, but a message that was sent with one (a
 * hostile Subject carrying ESC) is still the message whose incident is filed: the notice strips them.
 */
function refuseNonMessage(bytes: Uint8Array): void {
  const start = hasMboxSeparator(bytes) ? bytes.indexOf(0x0a) + 1 : 0;
  const head = Buffer.from(bytes.subarray(start, start + 998)).toString('latin1');
  if (!/^[!-9;-~]+[ \t]*:/.test(head))
    throw new MessageUnreadableError(
      'The file is not an e-mail message: it has no header fields at its start (RFC 5322 section 2.2).',
    );
  const blank = Buffer.from(bytes).indexOf('\n\r\n', start);
  const bare = Buffer.from(bytes).indexOf('\n\n', start);
  const ends = [blank, bare].filter((index) => index !== -1);
  const end = ends.length === 0 ? bytes.length : Math.min(...ends);
  for (let index = start; index < end; index++) {
    const byte = bytes[index] ?? 0;
    if (byte === 0x00)
      throw new MessageUnreadableError(
        'The file is not an e-mail message: its header section holds binary bytes (RFC 5322 section 2.2).',
      );
  }
}

function hasMboxSeparator(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 5)).toString('latin1') === 'From ';
}

function isParsedMail(value: unknown): value is ParsedMail {
  return (
    typeof value === 'object' &&
    value !== null &&
    !(value instanceof Uint8Array) &&
    'headers' in value &&
    value.headers instanceof Map &&
    'attachments' in value &&
    Array.isArray(value.attachments)
  );
}

/** The note asking a person to read an attachment the inventory could not. */
function unreadAttachmentNote(
  attachment: { readonly filename?: string | undefined; readonly contentType: string },
  sv: boolean,
): string {
  return sv
    ? `Bilagan ${attachment.filename ?? '(namnlös)'} (${attachment.contentType}) lästes inte; granska innehållet manuellt.`
    : `The attachment ${attachment.filename ?? '(unnamed)'} (${attachment.contentType}) was not read; check its content by hand.`;
}

/** The note asking a person to classify the order lines no term classifies (GDPR Art. 9). */
function unclassifiedLinesNote(count: number, sv: boolean): string {
  return sv
    ? count === 1
      ? '1 orderrad kunde inte klassas; granska om den avslöjar hälsa eller andra känsliga uppgifter (artikel 9 i dataskyddsförordningen).'
      : `${count} orderrader kunde inte klassas; granska om de avslöjar hälsa eller andra känsliga uppgifter (artikel 9 i dataskyddsförordningen).`
    : count === 1
      ? '1 order line could not be classified; check whether it reveals health or other special categories (GDPR Art. 9).'
      : `${count} order lines could not be classified; check whether they reveal health or other special categories (GDPR Art. 9).`;
}

/**
 * The inventory without its requests for a review the caller has cleared (`needsReview: []`: an
 * empty list is nothing left to review): the note on the order lines, and those on the attachments
 * once a person has also said what they held (`attachmentsRead`). What the inventory found is kept.
 */
export function withoutClearedReview(
  inventory: MessageInventory,
  cleared: { readonly attachmentsRead: boolean },
  locale: 'sv' | 'en',
): MessageInventory {
  const sv = locale === 'sv';
  const answered = new Set([
    ...(inventory.review.length > 0 ? [unclassifiedLinesNote(inventory.review.length, sv)] : []),
    ...(cleared.attachmentsRead
      ? inventory.attachments
          .filter((attachment) => !attachment.inspected)
          .map((attachment) => unreadAttachmentNote(attachment, sv))
      : []),
  ]);
  return { ...inventory, notes: inventory.notes.filter((note) => !answered.has(note)) };
}

/** The guardians' details by category (see {@link GuardianDetails}), in the order of {@link dataCategories}. */
function guardianDetailsOf(
  guardianValues: ReadonlyMap<string, DataCategory>,
  valuesByCategory: ReadonlyMap<DataCategory, ReadonlySet<string>>,
): GuardianDetails {
  const theirs = new Set(guardianValues.values());
  const categories = dataCategories.filter((category) => theirs.has(category));
  return {
    categories,
    onlyTheirs: categories.filter((category) =>
      [...(valuesByCategory.get(category) ?? [])].every((value) => guardianValues.has(value)),
    ),
    emails: [...guardianValues]
      .filter(([, category]) => category === 'email-address')
      .map(([value]) => value),
  };
}
