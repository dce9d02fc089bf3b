import { type Phrasing, say } from './describe-incident.js';

/** One step of the call: what to say, or what to ask and wait for (as the phone script's steps). */
interface IdentityCheckStep {
  readonly kind: 'say' | 'ask';
  readonly text: string;
}

/**
 * The steps that open the call to the customer: who is speaking, how to check it, and what to do
 * when the check fails. The script goes on to tell what reached a stranger, so it must be told to
 * the customer only: telling it to whoever answers would disclose it again (GDPR Art. 5(1)(f),
 * integrity and confidentiality; Art. 32(1)(b)). So the caller asks the person to give details the
 * organisation holds and compares them with the customer record, and never reads a detail out for
 * them to confirm: "is your address Storgatan 1?" tells it to anyone who says yes. A check that
 * fails ends the call without a word about the matter, and the customer is told another way.
 *
 * @example
 * ```ts
 * identityCheckSteps({ locale: 'en', timeZone: 'Europe/Stockholm' }, 'Anna Svensson')[0]?.text;
 * // 'Am I speaking to Anna Svensson?'
 * ```
 */
export function identityCheckSteps(phrasing: Phrasing, name: string): IdentityCheckStep[] {
  const s = (swedish: string, english: string) => say(phrasing, swedish, english);
  return [
    {
      kind: 'ask',
      text: name
        ? s(`Talar jag med ${name}?`, `Am I speaking to ${name}?`)
        : s('Talar jag med kunden själv?', 'Am I speaking to the customer?'),
    },
    // Said, not asked: the script has no line to note these answers down.
    {
      kind: 'say',
      text: s(
        'Innan jag berättar varför jag ringer behöver jag kontrollera att jag talar med rätt person. Kan du säga ditt kundnummer, eller din postadress och ditt födelsedatum? (Jämför svaret med kundkortet. Läs aldrig upp en uppgift för personen att bekräfta, och säg inte personnummer, adress, e-postadress, telefonnummer eller vad meddelandet innehöll förrän kontrollen är klar.)',
        'Before I tell you why I am calling, I need to check that I am speaking to the right person. Could you tell me your customer number, or your postal address and date of birth? (Compare the answer with the customer record. Never read a detail out for the person to confirm, and do not say the personal identity number, address, e-mail address, phone number or what the message said until the check is done.)',
      ),
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
