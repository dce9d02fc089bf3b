/**
 * How providers map different spellings of an address to one mailbox. A data table: callers pass
 * their own (or extend this one) through the `mailboxRules` option.
 *
 * Case is folded for every domain. RFC 5321 §2.4 lets a receiving host treat the local part as
 * case-sensitive, but no mailbox provider does, and a salesperson's capital letters never decide
 * who gets the letter.
 */
export interface MailboxRule {
  /** Domains (lower-case ASCII) the rule applies to. */
  readonly domains: readonly string[];
  /** The domain every one of `domains` delivers to, when they are aliases of one service. */
  readonly canonicalDomain?: string;
  /** Dots in the local part are ignored (`a.n.n.a` reaches `anna`). */
  readonly ignoreDots?: boolean;
  /** A sub-address separator: everything from it to the `@` is a tag (`anna+order`). */
  readonly subaddressSeparator?: string;
}

/**
 * The built-in rules. Sources: Gmail Help "Gmail doesn't recognize dots" and "googlemail.com is the
 * same as gmail.com"; Microsoft "Plus addressing in Exchange Online" (Outlook.com, Hotmail, Live,
 * MSN); Proton "How to use email aliases (+aliases)"; Fastmail "Plus addressing and subdomain
 * addressing".
 */
export const defaultMailboxRules: readonly MailboxRule[] = [
  {
    domains: ['gmail.com', 'googlemail.com'],
    canonicalDomain: 'gmail.com',
    ignoreDots: true,
    subaddressSeparator: '+',
  },
  {
    domains: [
      'outlook.com',
      'outlook.se',
      'outlook.dk',
      'outlook.de',
      'outlook.fr',
      'outlook.it',
      'outlook.es',
      'hotmail.com',
      'hotmail.se',
      'hotmail.dk',
      'hotmail.no',
      'hotmail.fi',
      'hotmail.co.uk',
      'hotmail.de',
      'hotmail.fr',
      'hotmail.it',
      'hotmail.es',
      'hotmail.nl',
      'hotmail.be',
      'live.com',
      'live.se',
      'live.dk',
      'live.no',
      'live.fi',
      'live.co.uk',
      'live.de',
      'live.fr',
      'live.nl',
      'msn.com',
    ],
    subaddressSeparator: '+',
  },
  { domains: ['protonmail.com', 'protonmail.ch', 'proton.me', 'pm.me'], subaddressSeparator: '+' },
  { domains: ['fastmail.com', 'fastmail.fm'], subaddressSeparator: '+' },
];
