import type { Transporter } from 'nodemailer';
import SMTPConnection from 'nodemailer/lib/smtp-connection';

/** The part of a nodemailer transporter that tells an SMTP transport and its connection options. */
interface SmtpTransportParts {
  readonly transporter?: { readonly name?: string; readonly options?: object };
}

/**
 * Whether the SMTP server behind `transporter` announces SMTPUTF8 in its EHLO answer (RFC 6531
 * §3.1): only then may a mailbox with a local part outside ASCII be named in MAIL FROM or RCPT TO
 * (§3.4). nodemailer sends such an address either way, and names the extension only when the
 * server announced it (smtp-connection `_supportedExtensions`, read after EHLO), so this connects
 * with the transport's own options, reads the EHLO answer, and says QUIT before any mail command.
 * Answers `undefined` for a transport that is not SMTP (stream, JSON, SES): there is no EHLO to read.
 * A server that cannot be reached rejects, as the send would.
 *
 * A connection of its own, not the send's: nodemailer's SMTP transport opens its connection inside
 * `send`, after the plugins have run, and keeps it to itself (smtp-transport `send` makes a new
 * SMTPConnection per message; the pool's connections are private too), and it offers no hook
 * between EHLO and MAIL FROM. By then the guard has written the release's `release-started` line,
 * so the refusal would come after a release was logged as started. nodemailer itself sends the
 * address without SMTPUTF8 rather than refusing it (nodemailer/nodemailer#1378, closed unfixed),
 * which is why the server is asked first, one EHLO on a connection that ends with QUIT.
 */
export async function announcesSmtpUtf8(transporter: Transporter): Promise<boolean | undefined> {
  const transport = (transporter as unknown as SmtpTransportParts).transporter;
  if (!transport?.options || !/^SMTP\b/.test(transport.name ?? '')) return undefined;
  const connection = new SMTPConnection(transport.options as SMTPConnection.Options);
  return new Promise((resolve, reject) => {
    connection.once('error', (error: Error) => {
      connection.close();
      reject(error);
    });
    connection.connect((error?: Error | null) => {
      if (error) {
        connection.close();
        reject(error);
        return;
      }
      const extensions = (connection as unknown as { _supportedExtensions?: readonly string[] })
        ._supportedExtensions;
      connection.quit();
      resolve(extensions?.includes('SMTPUTF8') ?? false);
    });
  });
}
