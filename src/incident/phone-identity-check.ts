import type { DataCategory } from './data/data-categories.js';
import { type NoticePerson, noticePersonWords } from './data/notice-texts.js';
import { type Phrasing, say } from './describe-incident.js';

/** One step of the call: what to say, or what to ask and wait for (as the phone script's steps). */
interface IdentityCheckStep {
  readonly kind: 'say' | 'ask';
  readonly text: string;
}

/** What the misdirected message held, as the report's data records it. */
export interface ExposedData {
  readonly categories: readonly DataCategory[];
  /** `true` where nobody has read the message yet: any detail may have been in it. */
  readonly contentUnknown?: boolean | undefined;
}

/** One detail the customer (or a child's guardian) may be asked for, `{ditt}` / `{your}` filled with the person it is about, and the categories whose exposure rules it out. */
interface CheckDetail {
  readonly sv: string;
  readonly en: string;
  readonly exposedBy: readonly DataCategory[];
}

// A Swedish personal identity number holds the date of birth (Folkbokföringslagen 1991:481, 18 §), so
// a message that held the number gave the stranger the birth date too.
const CHECK_DETAILS: readonly CheckDetail[] = [
  {
    sv: 'de fyra sista siffrorna i {ditt} personnummer',
    en: 'the last four digits of {your} personal identity number',
    exposedBy: ['national-id-number'],
  },
  {
    sv: '{ditt} födelsedatum',
    en: '{your} date of birth',
    exposedBy: ['date-of-birth', 'national-id-number'],
  },
  { sv: '{ditt} kundnummer', en: '{your} customer number', exposedBy: ['customer-number'] },
  {
    sv: '{din} postadress',
    en: '{your} postal address',
    exposedBy: ['postal-address', 'contact-details'],
  },
];

/**
 * The details the caller may ask for: only those the misdirected message did not hold. Whoever
 * received the message holds what was in it and could pose as the customer with it, so a check on
 * those details proves nothing. Where nobody has read the message, none is known to be safe.
 */
function safeDetails(phrasing: Phrasing, exposed: ExposedData, person: NoticePerson): string[] {
  if (exposed.contentUnknown === true) return [];
  const held = new Set(exposed.categories);
  const sv = noticePersonWords.sv[person];
  const en = noticePersonWords.en[person];
  return CHECK_DETAILS.filter((detail) => !detail.exposedBy.some((category) => held.has(category))).map(
    (detail) =>
      say(
        phrasing,
        detail.sv.replace(/\{(din|ditt)\}/g, (_, word: 'din' | 'ditt') => sv[word]),
        detail.en.replace(/\{your\}/g, en.your),
      ),
  );
}

/** `a, b eller c` / `a, b or c`. */
function either(phrasing: Phrasing, items: readonly string[]): string {
  const or = say(phrasing, ' eller ', ' or ');
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')}${or}${items.at(-1)}`;
}

/**
 * The steps that open the call to the customer: who is speaking, how to check it, and what to do
 * when the check fails. The script goes on to tell what reached a stranger, so it must be told to
 * the customer only: telling it to whoever answers would disclose it again (GDPR Art. 5(1)(f),
 * integrity and confidentiality; Art. 32(1)(b)). So the caller asks the person to give details the
 * organisation holds and the misdirected message did not (the stranger has those), compares them with
 * the customer record, and never reads a detail out for them to confirm: "is your address Storgatan
 * 1?" tells it to anyone who says yes. Where no such detail is known, or the person cannot give one,
 * the caller calls back on the number the customer record held before the incident. A check that
 * fails ends the call without a word about the matter, and the customer is told another way. A
 * child's call is with the guardian (`person: 'child'`): the caller asks for them, and for the child's
 * details ("ditt barns födelsedatum"), which the guardian can give (GDPR Art. 8(1), Art. 12(1)).
 *
 * @example
 * ```ts
 * identityCheckSteps({ locale: 'en', timeZone: 'Europe/Stockholm' }, { name: 'Anna Svensson', person: 'customer' }, {
 *   categories: ['name', 'customer-number'],
 * })[0]?.text;
 * // 'Am I speaking to Anna Svensson?'
 * ```
 */
export function identityCheckSteps(
  phrasing: Phrasing,
  called: { readonly name: string; readonly person: NoticePerson },
  exposed: ExposedData,
): IdentityCheckStep[] {
  const s = (swedish: string, english: string) => say(phrasing, swedish, english);
  const { name, person } = called;
  const details = safeDetails(phrasing, exposed, person);
  const callBack = s(
    'ring upp på det telefonnummer som kundkortet hade före incidenten (inte ett nummer personen uppger nu)',
    'call back on the phone number the customer record held before the incident (not a number the person gives now)',
  );
  const ask =
    details.length === 0
      ? s(
          `Innan jag berättar varför jag ringer behöver jag kontrollera att jag talar med rätt person, så jag ringer upp dig på numret vi har registrerat. (Inga uppgifter är kända för att saknas i det felskickade meddelandet, så fråga inte efter någon: avsluta samtalet och ${callBack}.`,
          `Before I tell you why I am calling, I need to check that I am speaking to the right person, so I will call you back on the number we have on record. (No detail is known to be missing from the misdirected message, so ask for none: end the call and ${callBack}.`,
        )
      : s(
          `Innan jag berättar varför jag ringer behöver jag kontrollera att jag talar med rätt person. Kan du säga ${either(phrasing, details)}? (Fråga bara efter uppgifter som inte stod i det felskickade meddelandet, som de här: den som fick meddelandet har uppgifterna i det och kan utge sig för att vara kunden med dem. Jämför svaret med kundkortet. Kan personen inte svara: avsluta samtalet och ${callBack}.`,
          `Before I tell you why I am calling, I need to check that I am speaking to the right person. Could you tell me ${either(phrasing, details)}? (Ask only for details that were not in the misdirected message, as these: whoever received the message holds the details in it and could pose as the customer with them. Compare the answer with the customer record. If the person cannot answer: end the call and ${callBack}.`,
        );
  return [
    {
      kind: 'ask',
      text:
        person === 'child'
          ? name
            ? s(
                `Talar jag med vårdnadshavare för ${name}?`,
                `Am I speaking to the parent or guardian of ${name}?`,
              )
            : s(
                'Talar jag med kundens vårdnadshavare?',
                'Am I speaking to the customer’s parent or guardian?',
              )
          : name
            ? s(`Talar jag med ${name}?`, `Am I speaking to ${name}?`)
            : s('Talar jag med kunden själv?', 'Am I speaking to the customer?'),
    },
    // Said, not asked: the script has no line to note these answers down.
    {
      kind: 'say',
      text: `${ask} ${s(
        'Läs aldrig upp en uppgift för personen att bekräfta, och säg inte personnummer, adress, e-postadress, telefonnummer eller vad meddelandet innehöll förrän kontrollen är klar.)',
        'Never read a detail out for the person to confirm, and do not say the personal identity number, address, e-mail address, phone number or what the message said until the check is done.)',
      )}`,
    },
    {
      kind: 'say',
      text: s(
        '(Om det inte är rätt person, eller svaren inte stämmer med kundkortet: säg bara att du hör av dig igen, säg ingenting om ärendet och lämna inget röstmeddelande om det. Anteckna att identiteten inte kunde kontrolleras, och underrätta kunden på annat sätt, till exempel med brev till adressen i kundkortet.)',
        '(If it is not the right person, or the answers do not match the customer record: say only that you will be in touch again, say nothing about the matter and leave no voicemail about it. Note that the identity could not be checked, and tell the customer another way, for example by letter to the address in the customer record.)',
      ),
    },
  ];
}
