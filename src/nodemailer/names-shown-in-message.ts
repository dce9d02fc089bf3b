import { drawnOrderUnknown } from '../pipeline/drawn-order-unknown.js';
import { heldName } from '../pipeline/held-name.js';
import { addressesShownInHeldName } from './shows-address-in-name.js';

/**
 * Which of the held recipients' display names that showed an address (`"erik.lind@telia.com"
 * <anna@…>`, as `showsAddressInName` reads them) a message still shows, anywhere: in its bytes as
 * they are, and as mailparser reads them, encoded-words (RFC 2047) and transfer encodings (RFC 2045
 * §6: base64, quoted-printable) decoded, header fields, text, HTML and attachments alike. A release
 * that rewrote the recipients (`replaceRecipients`) removed the name from To, Cc and Bcc; the other
 * customer's address may still be in a Reply-To name, the subject or the body, and then the stop
 * found when the message was held stands. The message is read once, whatever the number of names:
 * the bytes given are the ones the release sends (nodemailer's build of the corrected message).
 *
 * @example
 * ```ts
 * await namesShownInMessage(Buffer.from('To: anna@example.se\r\n\r\nTack.\r\n'), ['"erik@telia.com" <anna@example.se>']); // Set {}
 * ```
 */
export async function namesShownInMessage(
  raw: Uint8Array,
  heldNames: readonly string[],
): Promise<Set<string>> {
  const shownBy = new Map(heldNames.map((heldAs) => [heldAs, addressesShownIn(heldAs)] as const));
  const sought = [...shownBy].filter(([, shown]) => shown.length > 0);
  if (sought.length === 0) return new Set();
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const decoded = await decodedReadings(bytes);
  // Unreadable to mailparser: a client may still read it, so it counts as showing the names.
  if (decoded === undefined) return new Set(sought.map(([heldAs]) => heldAs));
  const readings = [bytes.toString('latin1'), bytes.toString('utf8'), ...decoded].map((reading) =>
    reading.toLowerCase(),
  );
  return new Set(
    sought
      .filter(([, shown]) => readings.some((reading) => shown.some((address) => reading.includes(address))))
      .map(([heldAs]) => heldAs),
  );
}

/** What a held name showed, lower-cased: its addresses, or the name itself when its drawn order is unknown. */
function addressesShownIn(heldAs: string): string[] {
  // A name whose drawn order cannot be known (right-to-left letters beside at-sign text, UAX #9)
  // shows no address this reading can name: the name itself is what must be gone.
  const named = heldName(heldAs);
  const unknownOrder = named !== undefined && drawnOrderUnknown(named.name, named.address);
  return [...addressesShownInHeldName(heldAs), ...(unknownOrder ? [named.name] : [])].map((text) =>
    text.toLowerCase(),
  );
}

/** The message as a mail client reads it: every header value decoded, the text, the HTML, each attachment. */
async function decodedReadings(bytes: Buffer): Promise<string[] | undefined> {
  const { simpleParser } = await import('mailparser');
  try {
    const parsed = await simpleParser(bytes, {
      skipHtmlToText: true,
      skipTextToHtml: true,
      skipImageLinks: true,
    });
    return [
      JSON.stringify([...parsed.headers.entries()]),
      parsed.text ?? '',
      typeof parsed.html === 'string' ? parsed.html : '',
      ...parsed.attachments.map((attachment) => attachment.content.toString('utf8')),
    ];
  } catch {
    return undefined;
  }
}
