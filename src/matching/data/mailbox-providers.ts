/**
 * A curated table of consumer mailbox providers: the domains people type into an order form.
 * Used two ways: a domain on this list is real and is never "corrected", and a domain one slip
 * away from an entry is a likely typo of it. Callers replace or extend it with the `providers`
 * option.
 *
 * Sources: the providers' own sign-up and help pages; for Swedish ISPs the mail domains listed by
 * the operators (Telia, Tele2/Com Hem, Bahnhof, Bredband2, Telenor/Glocalnet) and Post- och
 * telestyrelsen's operator register; for the rest of Europe the national incumbents and the
 * largest free webmail services of each country.
 */
export interface MailboxProvider {
  /** A short name a salesperson recognises. */
  readonly name: string;
  /** Every domain the provider hands out mailboxes on (lower-case ASCII). */
  readonly domains: readonly string[];
  /**
   * Names nobody else uses under any top-level domain, so the name under a top-level domain the
   * provider does not serve is a slip (`gmail.se`, `hotmail.co`), although that domain exists.
   */
  readonly exclusiveNames?: readonly string[];
}

/**
 * The built-in provider table: global webmail, and the Swedish, Nordic and European providers
 * whose domains customers of a Swedish business type most.
 *
 * @example
 * ```ts
 * const providers = [...defaultMailboxProviders, { name: 'Kundpost', domains: ['kundposten.se'] }];
 * checkRecipient({ entered: 'anna@kundpsoten.se', customer: { id: 'C-1' } }, { providers }).suggestion;
 * // 'anna@kundposten.se'
 * ```
 */
export const defaultMailboxProviders: readonly MailboxProvider[] = [
  { name: 'Gmail', domains: ['gmail.com', 'googlemail.com'], exclusiveNames: ['gmail', 'googlemail'] },
  {
    name: 'Outlook',
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
      'hotmail.ch',
      'hotmail.at',
      // Country domains under a two-label public suffix (publicsuffix.org), as listed among
      // popular domains in mailcheck's wiki (List of Popular Domains) and Microsoft's outlook.com
      // announcement of its international domains (2013).
      'hotmail.ca',
      'hotmail.com.ar',
      'hotmail.com.au',
      'hotmail.com.br',
      'hotmail.com.mx',
      'hotmail.com.tr',
      'hotmail.co.jp',
      'hotmail.co.nz',
      'live.ca',
      'live.com.ar',
      'live.com.au',
      'live.com.mx',
      'outlook.com.ar',
      'outlook.com.au',
      'outlook.com.br',
      'outlook.com.tr',
      'outlook.co.nz',
      'live.com',
      'live.se',
      'live.dk',
      'live.no',
      'live.fi',
      'live.co.uk',
      'live.de',
      'live.fr',
      'live.nl',
      'live.it',
      'live.be',
      'live.at',
      'msn.com',
      'passport.com',
    ],
    exclusiveNames: ['hotmail', 'outlook'],
  },
  {
    name: 'Yahoo',
    domains: [
      'yahoo.com',
      'yahoo.se',
      'yahoo.dk',
      'yahoo.no',
      'yahoo.co.uk',
      'yahoo.de',
      'yahoo.fr',
      'yahoo.it',
      'yahoo.es',
      'yahoo.ie',
      'yahoo.gr',
      'yahoo.pl',
      'yahoo.ca',
      'yahoo.com.ar',
      'yahoo.com.au',
      'yahoo.com.br',
      'yahoo.com.mx',
      'yahoo.com.ph',
      'yahoo.com.sg',
      'yahoo.co.id',
      'yahoo.co.in',
      'yahoo.co.jp',
      'yahoo.co.nz',
      'ymail.com',
      'rocketmail.com',
    ],
    exclusiveNames: ['yahoo'],
  },
  { name: 'iCloud', domains: ['icloud.com', 'me.com', 'mac.com'], exclusiveNames: ['icloud'] },
  { name: 'AOL', domains: ['aol.com', 'aol.de', 'aol.fr', 'aol.co.uk', 'aim.com'] },
  {
    name: 'Proton',
    domains: ['protonmail.com', 'protonmail.ch', 'proton.me', 'pm.me'],
    exclusiveNames: ['protonmail'],
  },
  { name: 'HEY', domains: ['hey.com'] },
  { name: 'Fastmail', domains: ['fastmail.com', 'fastmail.fm'] },
  { name: 'Tuta', domains: ['tuta.com', 'tutanota.com', 'tutanota.de', 'tuta.io'] },
  { name: 'Zoho', domains: ['zoho.com', 'zohomail.com', 'zohomail.eu'] },
  { name: 'Mail.com', domains: ['mail.com', 'email.com', 'usa.com', 'post.com'] },
  {
    name: 'GMX',
    domains: ['gmx.de', 'gmx.net', 'gmx.at', 'gmx.ch', 'gmx.com', 'gmx.fr', 'gmx.co.uk', 'gmx.es', 'gmx.us'],
  },
  { name: 'WEB.DE', domains: ['web.de'] },
  { name: 'T-Online', domains: ['t-online.de'] },
  { name: 'freenet', domains: ['freenet.de'] },
  { name: 'mailbox.org', domains: ['mailbox.org'] },
  { name: 'Posteo', domains: ['posteo.de', 'posteo.net'] },
  // Sweden
  { name: 'Telia', domains: ['telia.com', 'telia.se'] },
  { name: 'Com Hem', domains: ['comhem.se'] },
  { name: 'Tele2', domains: ['tele2.se', 'swipnet.se', 'home.se', 'spray.se', 'passagen.se', 'chello.se'] },
  { name: 'Bahnhof', domains: ['bahnhof.se'] },
  { name: 'Bredband2', domains: ['bredband2.com', 'bredband.net', 'bbtele.se'] },
  { name: 'Glocalnet', domains: ['glocalnet.net', 'telenor.se'] },
  { name: 'Ownit', domains: ['ownit.nu'] },
  { name: 'Tyfon', domains: ['tyfon.se'] },
  // Nordics
  { name: 'Telenor Norway', domains: ['online.no', 'telenor.no'] },
  { name: 'start.no', domains: ['start.no'] },
  { name: 'Telia Denmark', domains: ['mail.dk', 'jubii.dk', 'sol.dk', 'stofanet.dk', 'webspeed.dk'] },
  { name: 'Elisa', domains: ['elisanet.fi', 'kolumbus.fi', 'saunalahti.fi'] },
  { name: 'Suomi24', domains: ['suomi24.fi'] },
  // Rest of Europe
  { name: 'Orange', domains: ['orange.fr', 'wanadoo.fr'] },
  { name: 'Free', domains: ['free.fr'] },
  { name: 'SFR', domains: ['sfr.fr', 'neuf.fr'] },
  { name: 'La Poste', domains: ['laposte.net'] },
  { name: 'Libero', domains: ['libero.it', 'virgilio.it', 'tiscali.it', 'alice.it', 'tim.it'] },
  { name: 'Telefónica', domains: ['telefonica.net', 'movistar.es'] },
  { name: 'KPN', domains: ['kpnmail.nl', 'planet.nl', 'home.nl', 'ziggo.nl', 'xs4all.nl', 'hetnet.nl'] },
  { name: 'Proximus', domains: ['skynet.be', 'telenet.be', 'proximus.be'] },
  { name: 'Bluewin', domains: ['bluewin.ch'] },
  {
    name: 'BT',
    domains: [
      'btinternet.com',
      'btopenworld.com',
      'sky.com',
      'virginmedia.com',
      'ntlworld.com',
      'talktalk.net',
    ],
  },
  { name: 'Eircom', domains: ['eircom.net'] },
  { name: 'Seznam', domains: ['seznam.cz', 'email.cz', 'centrum.cz'] },
  { name: 'Wirtualna Polska', domains: ['wp.pl', 'o2.pl', 'onet.pl', 'interia.pl', 'op.pl', 'gazeta.pl'] },
  { name: 'Yandex', domains: ['yandex.ru', 'yandex.com', 'ya.ru'] },
  { name: 'Mail.ru', domains: ['mail.ru', 'inbox.ru', 'list.ru', 'bk.ru'] },
  { name: 'Ukr.net', domains: ['ukr.net'] },
  { name: 'Abv', domains: ['abv.bg'] },
  { name: 'Sapo', domains: ['sapo.pt'] },
  { name: 'Freemail', domains: ['freemail.hu', 'citromail.hu'] },
  { name: 'Rediff', domains: ['rediffmail.com'] },
  { name: 'QQ', domains: ['qq.com', '163.com', '126.com'] },
];

/**
 * Public suffixes of two labels under which people commonly have mail (a small excerpt of the
 * Public Suffix List, https://publicsuffix.org): the name before them is the registrable part.
 */
export const twoLabelSuffixes: ReadonlySet<string> = new Set([
  'co.uk',
  'org.uk',
  'ac.uk',
  'gov.uk',
  'me.uk',
  'ltd.uk',
  'plc.uk',
  'com.au',
  'net.au',
  'org.au',
  'co.nz',
  'co.jp',
  'co.za',
  'com.br',
  'com.tr',
  'co.in',
  'com.mx',
  'com.ar',
  'co.il',
  'com.cn',
  'com.pl',
  'com.es',
  'com.pt',
  'co.at',
  'or.at',
  'gv.at',
  'co.id',
  'com.ph',
  'com.sg',
]);
