/** What a verification message says: the code, the link when there is one, and who sends it. */
export interface VerificationMessageFacts {
  readonly code: string;
  /** The link that confirms the address in one click, when the verifier has `linkFor`. */
  readonly link?: string;
  /** The sender's name, as the customer knows the shop (`Butiken AB`). */
  readonly senderName: string;
  /** How long the code is good for, in minutes. */
  readonly minutes: number;
  readonly locale: 'sv' | 'en';
}

/**
 * The subject and text of the message that carries a verification code. It holds the code, the
 * link, the sender's name and nothing else: no customer name, no order, no customer number, since
 * the address it goes to is the very thing not yet proven (GDPR Art. 5(1)(f), Art. 32).
 *
 * @example
 * ```ts
 * buildVerificationMessage({ code: '493021', senderName: 'Butiken AB', minutes: 15, locale: 'sv' }).subject;
 * // 'Din kod från Butiken AB'
 * ```
 */
export function buildVerificationMessage(facts: VerificationMessageFacts): {
  subject: string;
  text: string;
} {
  const { code, link, senderName, minutes } = facts;
  if (facts.locale === 'sv') {
    return {
      subject: `Din kod från ${senderName}`,
      text: [
        'Hej!',
        '',
        `Din kod är: ${code}`,
        '',
        link
          ? `Läs upp koden för den du pratar med hos ${senderName}, eller öppna länken:\n${link}`
          : `Läs upp koden för den du pratar med hos ${senderName}.`,
        `Koden gäller i ${minutes} minuter.`,
        '',
        'Vi skickar den för att vara säkra på att adressen är din innan vi skickar något mer hit.',
        'Har du inte bett om en kod kan du bortse från det här meddelandet.',
        '',
        'Hälsningar',
        senderName,
        '',
      ].join('\n'),
    };
  }
  return {
    subject: `Your code from ${senderName}`,
    text: [
      'Hello,',
      '',
      `Your code is: ${code}`,
      '',
      link
        ? `Read the code back to the person you are speaking with at ${senderName}, or open the link:\n${link}`
        : `Read the code back to the person you are speaking with at ${senderName}.`,
      `The code is good for ${minutes} minutes.`,
      '',
      'We send it to be sure the address is yours before we send anything else here.',
      'If you did not ask for a code, you can ignore this message.',
      '',
      'Regards,',
      senderName,
      '',
    ].join('\n'),
  };
}
