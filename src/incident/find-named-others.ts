import type { DataCategory } from './data/data-categories.js';
import type { PersonalDataHit } from './find-personal-data.js';

/** A person other than the customer whom a message names under a label, with details of their own. */
export interface NamedOther {
  /** The label the line begins with, as written ("Medsökande", "Kontaktperson på plats"). */
  readonly label: string;
  /** The name after the label, as written. */
  readonly name: string;
  /** The kinds of the person's own details on that line. */
  readonly categories: readonly DataCategory[];
  /** The keys of those details (see {@link PersonalDataHit.key}). */
  readonly keys: readonly string[];
}

// Details that identify one person each: on a line naming someone else, they are that person's.
const OWN_DETAILS: ReadonlySet<DataCategory> = new Set([
  'email-address',
  'phone-number',
  'national-id-number',
]);

// "Label: Given Family, …": a label of a few words, a colon, then a name of two or more capitalised
// words followed by a comma, as order forms write a co-applicant or a contact on site.
const LABELLED_NAME =
  /^[ \t]*([^\n:]{1,40}?)[ \t]*:[ \t]*(\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+)+)[ \t]*,/u;

/**
 * The people a text names under a label with an e-mail address, phone number or identity number of
 * their own on the same line, who are not the customer (`customerName`): "Medsökande: Erik Lind,
 * personnummer 19800101-0008". Their details are theirs, not the customer's, and they are data
 * subjects of their own (GDPR Art. 4(1)). Without the customer's name nobody can be told apart from
 * the customer, so none is found. Details that match the customer record, or that stand on a
 * guardian's line (`guardianKeys`, counted as the guardian's), are left out. Each line is read once,
 * from the hit's offset to the line's ends.
 */
export function findNamedOthers(
  text: string,
  hits: readonly PersonalDataHit[],
  customerName: string | undefined,
  guardianKeys: ReadonlySet<string>,
): NamedOther[] {
  const customer = normalisedName(customerName ?? '');
  if (customer === '') return [];
  const byLine = new Map<
    number,
    { label: string; name: string; categories: Set<DataCategory>; keys: Set<string> }
  >();
  const unnamedLines = new Set<number>();
  // In text order, each line's ends looked up once: many details on one long line read it once.
  let line = { start: 0, end: -1 };
  for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
    if (!OWN_DETAILS.has(hit.category) || hit.matchesCustomer || guardianKeys.has(hit.key)) continue;
    if (hit.start > line.end) {
      const start = text.lastIndexOf('\n', hit.start - 1) + 1;
      const end = text.indexOf('\n', hit.start);
      line = { start, end: end === -1 ? text.length : end };
    }
    const lineStart = line.start;
    if (unnamedLines.has(lineStart)) continue;
    let person = byLine.get(lineStart);
    if (person === undefined) {
      const labelled = LABELLED_NAME.exec(text.slice(lineStart, line.end));
      if (!labelled?.[1] || !labelled[2] || normalisedName(labelled[2]) === customer) {
        unnamedLines.add(lineStart);
        continue;
      }
      person = { label: labelled[1].trim(), name: labelled[2], categories: new Set(), keys: new Set() };
      byLine.set(lineStart, person);
    }
    person.categories.add(hit.category);
    person.keys.add(hit.key);
  }
  return [...byLine.values()].map((person) => ({
    label: person.label,
    name: person.name,
    categories: [...person.categories],
    keys: [...person.keys],
  }));
}

function normalisedName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLowerCase();
}
