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
 * The guardians a text labels with contact details of their own, one key each (the keys of their
 * details on the line): a child's message that holds them discloses a second person's data (GDPR
 * Art. 4(1); Art. 33(3)(a), the number of data subjects concerned). `hits` are the text's own, from
 * `findPersonalData`.
 *
 * @example
 * ```ts
 * const text = 'Vårdnadshavare: Anna Holm, anna.holm@telia.com';
 * findLabelledGuardians(text, findPersonalData(text)); // ['anna.holm@telia.com']
 * ```
 */
export function findLabelledGuardians(text: string, hits: readonly PersonalDataHit[]): string[] {
  const guardians: string[] = [];
  // Labels and hits both in text order: one pass over each, so a long text is read in linear time.
  const sorted = [...hits].sort((a, b) => a.start - b.start);
  let next = 0;
  for (const label of text.matchAll(GUARDIAN_LABEL)) {
    const start = label.index + label[0].length;
    const lineEnd = text.indexOf('\n', start);
    const end = lineEnd === -1 ? text.length : lineEnd;
    while (next < sorted.length && (sorted[next]?.start ?? end) < start) next += 1;
    const details: string[] = [];
    for (let at = next; at < sorted.length && (sorted[at]?.start ?? end) < end; at += 1) {
      const hit = sorted[at];
      if (hit && CONTACT_CATEGORIES.has(hit.category)) details.push(hit.key);
    }
    if (details.length > 0) guardians.push(details.join('\u0000'));
  }
  return guardians;
}
