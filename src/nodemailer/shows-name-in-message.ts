import { drawnOrderUnknown } from '../pipeline/drawn-order-unknown.js';
import { heldName } from '../pipeline/held-name.js';
import { addressesShownInHeldName } from './shows-address-in-name.js';

/**
 * Whether a message still shows an address that a held recipient's display name showed
 * (`"erik.lind@telia.com" <anna@…>`, as `showsAddressInName` reads it), anywhere: in its bytes as
 * they are, and as mailparser reads them, encoded-words (RFC 2047) and transfer encodings (RFC 2045
 * §6: base64, quoted-printable) decoded, header fields, text, HTML and attachments alike. A release
 * that rewrote the recipients (`replaceRecipients`) removed the name from To, Cc and Bcc; the other
 * customer's address may still be in a Reply-To name, the subject or the body, and then the stop
 * found when the message was held stands.
 *
 * @example
 * ```ts
 * await showsNameInMessage(Buffer.from('To: anna@example.se\r\n\r\nTack.\r\n'), '"erik@telia.com" <anna@example.se>'); // false
 * ```
 */
export async function showsNameInMessage(raw: Uint8Array, heldAs: string): Promise<boolean> {
  // A name whose drawn order cannot be known (right-to-left letters beside at-sign text, UAX #9)
  // shows no address this reading can name: the name itself is what must be gone.
  const named = heldName(heldAs);
  const unknownOrder = named !== undefined && drawnOrderUnknown(named.name, named.address);
  const shown = [...addressesShownInHeldName(heldAs), ...(unknownOrder ? [named.name] : [])].map((text) =>
    text.toLowerCase(),
  );
  if (shown.length === 0) return false;
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const decoded = await decodedReadings(bytes);
  // Unreadable to mailparser: a client may still read it, so it counts as showing the name.
  if (decoded === undefined) return true;
  const readings = [bytes.toString('latin1'), bytes.toString('utf8'), ...decoded];
  return readings.some((reading) => {
    const lower = reading.toLowerCase();
    return shown.some((address) => lower.includes(address));
  });
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
