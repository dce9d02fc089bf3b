import type { DataCategory } from './data/data-categories.js';
import type { PersonalDataHit } from './find-personal-data.js';

/**
 * The labels that name a child's guardian on a line of their own (Swedish "Vårdnadshavare",
 * "Förälder", English "Guardian", "Parent"), optionally numbered ("Vårdnadshavare 2:"), at the start
 * of a line and followed by a colon: a word in running text ("Förälder eller vårdnadshavare kan …")
 * names nobody in particular.
 */
const GUARDIAN_LABEL = /^[ \t\-*•]*(?:vårdnadshavare|förälder|guardian|parent)(?:[ \t]*\d{1,2})?[ \t]*:/gimu;

// Details that reach a person of their own: a name alone may be the child's family name, an
// e-mail address, phone number or postal address on the guardian's line is the guardian's.
const CONTACT_CATEGORIES: ReadonlySet<DataCategory> = new Set([
  'email-address',
  'phone-number',
  'postal-address',
]);

/**
 * A label that only says which of the guardian's details follows ("Telefon:", "E-post:", "Phone:"):
 * under the guardian's label it is still the guardian's. Any other label ("Leveransadress:",
 * "Kundnummer:", "Delivery address:") starts the order's own lines.
 */
const CONTACT_LABEL =
  /^[ \t]*(?:telefon(?:nummer)?|tel|mobil(?:nummer|telefon)?|e-?post(?:adress)?|e-?mail|mejl|adress|postadress|phone|telephone|mobile|address|postal address)[ \t]*:/iu;
/** Any other label at the start of a line: a few words, then a colon. */
const ANY_LABEL = /^[ \t]*[\p{L}][\p{L}\d -]{0,40}:/u;

// An address block is a name, a street, a postcode and town, a phone number and an e-mail address:
// a few more lines are allowed, and the block ends there whatever follows.
const MOST_DETAIL_LINES = 8;

// The lower-case words a name or an address may hold ("c/o Holm", "Ludwig van Beethoven"); any other
// lower-case word makes the line a sentence of the message, not a contact detail.
const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'c/o',
  'af',
  'av',
  'von',
  'van',
  'der',
  'de',
  'la',
  'du',
]);

/**
 * The guardians a text labels with contact details of their own, each as the keys of their details:
 * a child's message that holds them discloses a second person's data (GDPR Art. 4(1); Art. 33(3)(a),
 * the number of data subjects concerned). The details are those on the label's line and on the lines
 * right after it that read as contact details, as an order form lists them ("Vårdnadshavare:", then the
 * name, address and phone number one on a line): a blank line, a sentence or a label of the order's
 * own ("Leveransadress:") ends them. `hits` are the text's own, from `findPersonalData`.
 *
 * A blank line ends them too, in a plain text; in the text of an HTML part it may be no more than a
 * line break in the HTML source after a `<br>`, which a reader never sees (HTML Living Standard,
 * white space in text is collapsed by CSS `white-space: normal`): `{ fromHtml: true }` reads on past it.
 *
 * @example
 * ```ts
 * const text = 'Vårdnadshavare:\nAnna Holm\nanna.holm@telia.com';
 * findLabelledGuardians(text, findPersonalData(text)); // [['anna.holm@telia.com']]
 * ```
 */
export function findLabelledGuardians(
  text: string,
  hits: readonly PersonalDataHit[],
  options: { readonly fromHtml?: boolean } = {},
): string[][] {
  const guardians: string[][] = [];
  // Labels and hits both in text order, and each guardian's lines end before the next label's: one
  // pass over each, so a long text is read in linear time.
  const sorted = [...hits].sort((a, b) => a.start - b.start);
  let next = 0;
  for (const label of text.matchAll(GUARDIAN_LABEL)) {
    const start = label.index + label[0].length;
    while (next < sorted.length && (sorted[next]?.start ?? start) < start) next += 1;
    const end = detailsEnd(text, { start, hits: sorted, from: next, fromHtml: options.fromHtml === true });
    const details: string[] = [];
    for (let at = next; at < sorted.length && (sorted[at]?.start ?? end) < end; at += 1) {
      const hit = sorted[at];
      if (hit && CONTACT_CATEGORIES.has(hit.category)) details.push(hit.key);
    }
    if (details.length > 0) guardians.push(details);
  }
  return guardians;
}

/**
 * Where the guardian's details that begin at `start` end: the end of the label's line, or, where that
 * line reads as contact details (or holds nothing more), of the last line after it that does.
 */
function detailsEnd(
  text: string,
  at: {
    readonly start: number;
    readonly hits: readonly PersonalDataHit[];
    readonly from: number;
    readonly fromHtml: boolean;
  },
): number {
  const { start, hits, from } = at;
  let end = lineEnd(text, start);
  if (!readsAsDetails(text, start, end, hits, from)) return end;
  for (let lines = 0; lines < MOST_DETAIL_LINES && end < text.length; ) {
    const lineStart = end + 1;
    const nextEnd = lineEnd(text, lineStart);
    const line = text.slice(lineStart, nextEnd);
    if (line.trim() === '') {
      if (!at.fromHtml) break;
      end = nextEnd;
      continue;
    }
    lines += 1;
    const labelled = CONTACT_LABEL.exec(line);
    if (!labelled && ANY_LABEL.test(line)) break;
    const valueStart = lineStart + (labelled?.[0].length ?? 0);
    if (!readsAsDetails(text, valueStart, nextEnd, hits, from)) break;
    end = nextEnd;
  }
  return end;
}

function lineEnd(text: string, from: number): number {
  const found = text.indexOf('\n', from);
  return found === -1 ? text.length : found;
}

/**
 * Whether the text from `start` to `end` reads as a name or contact details: outside the personal
 * data found in it, only words that begin with a capital letter or a digit (a name, a street, a
 * town, a postcode) or a name's particles. A lower-case word makes it a sentence ("Ring oss på …").
 */
function readsAsDetails(
  text: string,
  start: number,
  end: number,
  hits: readonly PersonalDataHit[],
  from: number,
): boolean {
  let rest = '';
  let at = start;
  for (let index = from; index < hits.length; index += 1) {
    const hit = hits[index];
    if (hit === undefined || hit.start >= end) break;
    if (hit.end <= at) continue;
    if (hit.start > at) rest += text.slice(at, hit.start);
    at = Math.max(at, hit.end);
  }
  if (at < end) rest += text.slice(at, end);
  return rest
    .split(/[\s,;]+/u)
    .filter((word) => /\p{L}/u.test(word))
    .every((word) => /^[(\p{Lu}\p{N}]/u.test(word) || NAME_PARTICLES.has(word.toLowerCase()));
}
