import { z } from 'zod';
import { RegimeSchema } from '../breach-facts.js';

const Day = z.iso.date({ message: 'a date as YYYY-MM-DD' });

/**
 * One supervisory authority a breach report can be addressed to.
 *
 * @example
 * ```ts
 * AuthoritySchema.parse({ id: 'se-pts', country: 'SE', regime: 'eprivacy', name: 'Post- och telestyrelsen', nameEn: 'Swedish Post and Telecom Authority' });
 * ```
 */
export const AuthoritySchema = z.object({
  /** A stable id, `country-abbreviation` in lower case (`se-imy`). */
  id: z.string().min(1),
  /** ISO 3166-1 alpha-2 code of the country it supervises. */
  country: z.string().regex(/^[A-Z]{2}$/, 'a two-letter ISO 3166-1 code'),
  /** `gdpr`: the data protection authority (GDPR Art. 51); `eprivacy`: the authority that receives breach notifications under Directive 2002/58/EC Art. 4(3). */
  regime: RegimeSchema,
  /** Its name in the country's language. */
  name: z.string().min(1),
  /** Its name in English. */
  nameEn: z.string().min(1),
  /**
   * Its official name in Swedish, where Swedish is an official language beside the country's other
   * (Finland: Constitution of Finland § 17), or its name rendered in Swedish where its own is in an
   * alphabet other than the Latin (Cyprus: Greek); a Swedish report names it so.
   */
  nameSv: z.string().min(1).optional(),
  abbreviation: z.string().min(1).optional(),
  website: z.string().min(1).optional(),
  /** The word the authority itself uses for a breach, in its language (`integritetsincident`). */
  incidentTerm: z.string().min(1).optional(),
  /** Names it had before a reorganisation, each until the day the next one took over. */
  formerNames: z
    .array(
      z.object({
        until: Day,
        name: z.string().min(1),
        nameEn: z.string().min(1),
        abbreviation: z.string().min(1).optional(),
      }),
    )
    .optional(),
  /** What a filer should know that the table cannot decide (a federal split, a shared competence). */
  note: z.string().min(1).optional(),
});
/** One authority (see {@link AuthoritySchema}). */
export type Authority = z.infer<typeof AuthoritySchema>;

type DataProtectionAuthorityRow = readonly [
  country: string,
  id: string,
  name: string,
  nameEn: string,
  abbreviation: string | undefined,
  website?: string,
];

/** The data protection authorities of the EU and EEA states (EDPB members, GDPR Art. 68). */
const dataProtectionAuthorities: readonly DataProtectionAuthorityRow[] = [
  ['AT', 'dsb', 'Österreichische Datenschutzbehörde', 'Austrian Data Protection Authority', 'DSB'],
  [
    'BE',
    'apd-gba',
    'Autorité de protection des données / Gegevensbeschermingsautoriteit',
    'Belgian Data Protection Authority',
    'APD/GBA',
  ],
  ['BG', 'cpdp', 'Комисия за защита на личните данни', 'Commission for Personal Data Protection', 'CPDP'],
  ['HR', 'azop', 'Agencija za zaštitu osobnih podataka', 'Croatian Personal Data Protection Agency', 'AZOP'],
  [
    'CY',
    'dataprotection',
    'Γραφείο Επιτρόπου Προστασίας Δεδομένων Προσωπικού Χαρακτήρα',
    'Commissioner for Personal Data Protection',
    undefined,
  ],
  ['CZ', 'uoou', 'Úřad pro ochranu osobních údajů', 'Office for Personal Data Protection', 'ÚOOÚ'],
  // Denmark's and Norway's authorities have no acronym: each calls itself "Datatilsynet"
  // (https://www.datatilsynet.dk, https://www.datatilsynet.no), the short name a sentence uses.
  [
    'DK',
    'datatilsynet',
    'Datatilsynet',
    'Danish Data Protection Agency',
    'Datatilsynet',
    'https://www.datatilsynet.dk',
  ],
  ['EE', 'aki', 'Andmekaitse Inspektsioon', 'Estonian Data Protection Inspectorate', 'AKI'],
  [
    'FI',
    'tietosuoja',
    'Tietosuojavaltuutetun toimisto',
    'Office of the Data Protection Ombudsman',
    undefined,
  ],
  [
    'FR',
    'cnil',
    'Commission nationale de l’informatique et des libertés',
    'French Data Protection Authority',
    'CNIL',
  ],
  [
    'DE',
    'bfdi',
    'Die Bundesbeauftragte für den Datenschutz und die Informationsfreiheit',
    'Federal Commissioner for Data Protection and Freedom of Information',
    'BfDI',
  ],
  [
    'GR',
    'dpa',
    'Αρχή Προστασίας Δεδομένων Προσωπικού Χαρακτήρα',
    'Hellenic Data Protection Authority',
    'HDPA',
  ],
  [
    'HU',
    'naih',
    'Nemzeti Adatvédelmi és Információszabadság Hatóság',
    'Hungarian National Authority for Data Protection and Freedom of Information',
    'NAIH',
  ],
  [
    'IE',
    'dpc',
    'Data Protection Commission',
    'Data Protection Commission',
    'DPC',
    'https://www.dataprotection.ie',
  ],
  [
    'IT',
    'garante',
    'Garante per la protezione dei dati personali',
    'Italian Data Protection Authority',
    undefined,
  ],
  ['LV', 'dvi', 'Datu valsts inspekcija', 'Data State Inspectorate', 'DVI'],
  ['LT', 'vdai', 'Valstybinė duomenų apsaugos inspekcija', 'State Data Protection Inspectorate', 'VDAI'],
  [
    'LU',
    'cnpd',
    'Commission nationale pour la protection des données',
    'National Commission for Data Protection',
    'CNPD',
  ],
  [
    'MT',
    'idpc',
    'Information and Data Protection Commissioner',
    'Information and Data Protection Commissioner',
    'IDPC',
    'https://idpc.org.mt',
  ],
  [
    'NL',
    'ap',
    'Autoriteit Persoonsgegevens',
    'Dutch Data Protection Authority',
    'AP',
    'https://autoriteitpersoonsgegevens.nl',
  ],
  [
    'PL',
    'uodo',
    'Urząd Ochrony Danych Osobowych',
    'Personal Data Protection Office',
    'UODO',
    'https://uodo.gov.pl',
  ],
  ['PT', 'cnpd', 'Comissão Nacional de Proteção de Dados', 'National Data Protection Commission', 'CNPD'],
  [
    'RO',
    'anspdcp',
    'Autoritatea Națională de Supraveghere a Prelucrării Datelor cu Caracter Personal',
    'National Supervisory Authority for Personal Data Processing',
    'ANSPDCP',
  ],
  [
    'SK',
    'uoou',
    'Úrad na ochranu osobných údajov Slovenskej republiky',
    'Office for Personal Data Protection of the Slovak Republic',
    undefined,
  ],
  ['SI', 'ip', 'Informacijski pooblaščenec', 'Information Commissioner', 'IP'],
  ['ES', 'aepd', 'Agencia Española de Protección de Datos', 'Spanish Data Protection Agency', 'AEPD'],
  ['IS', 'personuvernd', 'Persónuvernd', 'Icelandic Data Protection Authority', undefined],
  ['LI', 'dss', 'Datenschutzstelle', 'Data Protection Authority of Liechtenstein', undefined],
  ['NO', 'datatilsynet', 'Datatilsynet', 'Norwegian Data Protection Authority', 'Datatilsynet'],
];

/**
 * The Swedish names of data protection authorities, by country: the official name in a bilingual
 * state, and the Swedish rendering of the English name where the own name is in an alphabet a
 * Swedish reader does not read.
 * Finland: "Dataombudsmannens byrå", the name the office gives itself in Swedish
 * (https://tietosuoja.fi/sv/kontaktuppgifter; GDPRhub, "Tietosuojavaltuutetun toimisto (Finland)").
 * Cyprus: its own name is Greek (Γραφείο Επιτρόπου Προστασίας Δεδομένων Προσωπικού Χαρακτήρα); in
 * Swedish "Kommissionären för skydd av personuppgifter", its English name, the Commissioner for
 * Personal Data Protection, as the office's Swedish title reads.
 */
const swedishNames: Readonly<Record<string, string>> = {
  FI: 'Dataombudsmannens byrå',
  CY: 'Kommissionären för skydd av personuppgifter',
};

/**
 * The data protection authority of `country` as the authority that also receives a provider's
 * breach notifications (Directive 2002/58/EC Art. 4(3)), under an id of its own.
 */
function dataProtectionAuthorityFor(
  country: string,
  extra: Pick<Authority, 'formerNames' | 'note'> = {},
): Authority {
  const row = dataProtectionAuthorities.find(([rowCountry]) => rowCountry === country);
  // Every caller names a country of the table above, so this is reached only if the table is broken.
  if (row === undefined) throw new RangeError(`no data protection authority for ${country}`);
  const [, id, name, nameEn, abbreviation, website] = row;
  return {
    id: `${country.toLowerCase()}-${id}-eprivacy`,
    country,
    regime: 'eprivacy',
    name,
    nameEn,
    ...(abbreviation === undefined ? {} : { abbreviation }),
    ...(website === undefined ? {} : { website }),
    ...extra,
  };
}

/**
 * The authorities outside the Nordic countries and the United Kingdom that receive a provider's
 * personal-data breach notifications (Directive 2002/58/EC Art. 4(3), Regulation (EU) No 611/2013
 * Art. 2), each with the national provision or the authority's own page it is taken from.
 * Not in the table, for want of a source that names the authority: Cyprus, Estonia, Latvia,
 * Liechtenstein, Luxembourg and Slovakia; pass your own entry for them.
 */
const eprivacyAuthorities: readonly Authority[] = [
  // Austria: the data protection authority itself. TKG 2003 § 95a(1) had the operator notify the
  // Datenschutzbehörde, and the DSB's page "Meldepflicht Datenschutzverletzungen elektronische
  // Kommunikation" says "Zuständige Behörde in Österreich ist die Datenschutzbehörde".
  dataProtectionAuthorityFor('AT'),
  // Belgium: the telecom regulator, not the data protection authority. Law of 13 June 2005 on
  // electronic communications, Art. 114/1 § 3 (inserted in 2012), as summarised by Mondaq
  // ("Implementation Of The EU Telecom Package", 2012) and Lexology on Regulation 611/2013 ("BIPT
  // for Belgium").
  {
    id: 'be-bipt',
    country: 'BE',
    regime: 'eprivacy',
    name: 'Belgisch Instituut voor postdiensten en telecommunicatie / Institut belge des services postaux et des télécommunications',
    nameEn: 'Belgian Institute for Postal Services and Telecommunications',
    abbreviation: 'BIPT',
    website: 'https://www.bipt.be',
  },
  // Bulgaria: the data protection authority itself. The CPDP's Instruction No 1 of 21 December 2016
  // sets when undertakings providing public electronic communications services tell users of a
  // personal data breach, the power Directive 2002/58/EC Art. 4(4) gives the competent authority.
  dataProtectionAuthorityFor('BG'),
  // Croatia: the telecom regulator HAKOM, and the data protection authority AZOP as well, as the
  // World Law Group's Croatia data breach guide reads the Electronic Communications Act.
  {
    id: 'hr-hakom',
    country: 'HR',
    regime: 'eprivacy',
    name: 'Hrvatska regulatorna agencija za mrežne djelatnosti',
    nameEn: 'Croatian Regulatory Authority for Network Industries',
    abbreviation: 'HAKOM',
    website: 'https://www.hakom.hr',
    note: 'The provider notifies the data protection authority (AZOP) as well.',
  },
  // Czechia: the data protection authority itself. Zákon č. 127/2005 Sb. o elektronických
  // komunikacích § 88(4) to (7), inserted by zákon č. 468/2011 Sb. from 1 January 2012.
  dataProtectionAuthorityFor('CZ'),
  // France: the data protection authority itself. Loi n° 78-17 Art. 34 bis (ordonnance of 24 August
  // 2011), now Art. 85 according to the CNIL's page "Notification « Paquet télécom »".
  dataProtectionAuthorityFor('FR'),
  // Germany: the BfDI and the Bundesnetzagentur, both. TKG § 169(1) (until 30 November 2021
  // § 109a(1)), as the BfDI's page "Das Verfahren nach § 169 TKG" and the Bundesnetzagentur's
  // "Datenschutz im Telekommunikationsbereich" put it.
  dataProtectionAuthorityFor('DE', {
    note: 'The provider notifies the Bundesnetzagentur as well (TKG § 169(1); § 109a(1) until 30 November 2021).',
  }),
  // Greece: the data protection authority and ADAE, both. Law 3471/2006 Art. 12(5), as the World
  // Law Group's Greece data breach guide reads it.
  dataProtectionAuthorityFor('GR', {
    note: 'The provider notifies the Hellenic Authority for Communication Security and Privacy (ADAE) as well (Law 3471/2006 Art. 12(5)).',
  }),
  // Hungary: the media and telecom regulator, not the data protection authority. The NMHH's own
  // notice "Tájékoztató a szolgáltató által kezelt személyes adatok megsértésének Hatóság felé
  // történő bejelentéséről" (updated 16 September 2021): the provider notifies the NMHH within 24
  // hours (Act C of 2003 on electronic communications).
  {
    id: 'hu-nmhh',
    country: 'HU',
    regime: 'eprivacy',
    name: 'Nemzeti Média- és Hírközlési Hatóság',
    nameEn: 'National Media and Infocommunications Authority',
    abbreviation: 'NMHH',
    website: 'https://nmhh.hu',
  },
  // Ireland: the data protection authority itself. S.I. No. 336 of 2011, Reg. 4; the Office's page
  // on Regulation 611/2013 has the notification form. The Data Protection Commission took over from
  // the Data Protection Commissioner on 25 May 2018 (Data Protection Act 2018).
  dataProtectionAuthorityFor('IE', {
    formerNames: [
      { until: '2018-05-25', name: 'Data Protection Commissioner', nameEn: 'Data Protection Commissioner' },
    ],
  }),
  // Italy: the data protection authority itself. Codice in materia di protezione dei dati personali
  // Art. 32-bis (d.lgs. 69/2012), and the Garante's general measure under it (G.U. 26 April 2013).
  dataProtectionAuthorityFor('IT'),
  // Lithuania: the data protection authority itself. The State Data Protection Inspectorate's page
  // says it supervises Section IX of the Law on Electronic Communications (personal data processing
  // and privacy), which holds the provider's breach notification.
  dataProtectionAuthorityFor('LT'),
  // Malta: the data protection authority itself. Processing of Personal Data (Electronic
  // Communications Sector) Regulations (S.L. 440.01, as amended by L.N. 239 of 2011), as Lexology's
  // Malta guide and EMD Advocates on Regulation 611/2013 read them.
  dataProtectionAuthorityFor('MT'),
  // Netherlands: the data protection authority itself. Telecommunicatiewet Art. 11.3a(1) ("meldt ...
  // aan de Autoriteit persoonsgegevens").
  dataProtectionAuthorityFor('NL'),
  // Poland: the data protection authority itself. Prawo telekomunikacyjne Art. 174a(1), from 22 March
  // 2013 to GIODO (GIODO's archived notice), from 25 May 2018 to the President of UODO (uodo.gov.pl).
  dataProtectionAuthorityFor('PL', {
    formerNames: [
      {
        until: '2018-05-25',
        name: 'Generalny Inspektor Ochrony Danych Osobowych',
        nameEn: 'Inspector General for Personal Data Protection',
        abbreviation: 'GIODO',
      },
    ],
  }),
  // Portugal: the data protection authority itself. Lei n.º 41/2004 Art. 3.º-A, inserted by Lei n.º
  // 46/2012 (English text published by ANACOM).
  dataProtectionAuthorityFor('PT'),
  // Romania: the data protection authority itself. Legea nr. 506/2004 Art. 3^1, inserted by OUG nr.
  // 13/2012; legalonline.ro: "autoritatea competentă prevăzută de Directivă este ... ANSPDCP".
  dataProtectionAuthorityFor('RO'),
  // Slovenia: the telecom regulator, not the data protection authority. ZEKom-1 Art. 159, as the
  // World Law Group's Slovenia data breach guide reads it; the Information Commissioner's own list of
  // its ZEKom-1 powers has no breach notification.
  {
    id: 'si-akos',
    country: 'SI',
    regime: 'eprivacy',
    name: 'Agencija za komunikacijska omrežja in storitve Republike Slovenije',
    nameEn: 'Agency for Communication Networks and Services of the Republic of Slovenia',
    abbreviation: 'AKOS',
    website: 'https://www.akos-rs.si',
  },
  // Spain: the data protection authority itself. Real Decreto-ley 13/2012 put the notification to the
  // AEPD into the Ley General de Telecomunicaciones (legaltoday.com, 26 April 2012).
  dataProtectionAuthorityFor('ES'),
];

/**
 * The EU/EEA data protection authorities (the members of the European Data Protection Board, GDPR
 * Art. 68), the authorities that receive the breach notifications of telecom providers (Directive
 * 2002/58/EC Art. 4(3), Regulation (EU) No 611/2013) in every EU/EEA state a source names one for
 * (the data protection authority itself in most, the telecom regulator in the Nordic countries,
 * Belgium, Croatia, Hungary and Slovenia), and the United Kingdom's Information Commissioner (UK
 * GDPR and PECR).
 * Sweden's are complete, with the names they had over time; elsewhere check the entry before filing,
 * and pass your own table to {@link findAuthority} (or `createIncidentReport`'s `authorities`) where
 * it differs or lacks the country (an e-privacy breach in Cyprus, Estonia, Latvia, Liechtenstein,
 * Luxembourg or Slovakia).
 *
 * @example
 * ```ts
 * authorities.find((authority) => authority.id === 'se-pts')?.incidentTerm; // 'integritetsincident'
 * ```
 */
export const authorities: readonly Authority[] = [
  // Sweden. Datainspektionen became Integritetsskyddsmyndigheten on 1 January 2021.
  {
    id: 'se-imy',
    country: 'SE',
    regime: 'gdpr',
    name: 'Integritetsskyddsmyndigheten',
    nameEn: 'Swedish Authority for Privacy Protection',
    abbreviation: 'IMY',
    website: 'https://www.imy.se',
    incidentTerm: 'personuppgiftsincident',
    formerNames: [
      { until: '2021-01-01', name: 'Datainspektionen', nameEn: 'Swedish Data Protection Authority' },
    ],
  },
  // PTS receives the integrity incidents of providers of publicly available electronic communications
  // services: 6 kap. 4 a § lagen (2003:389) om elektronisk kommunikation, now lagen (2022:482).
  {
    id: 'se-pts',
    country: 'SE',
    regime: 'eprivacy',
    name: 'Post- och telestyrelsen',
    nameEn: 'Swedish Post and Telecom Authority',
    abbreviation: 'PTS',
    website: 'https://www.pts.se',
    incidentTerm: 'integritetsincident',
  },
  // The other Nordic regulators of electronic communications (BEREC members).
  {
    id: 'no-nkom',
    country: 'NO',
    regime: 'eprivacy',
    name: 'Nasjonal kommunikasjonsmyndighet',
    nameEn: 'Norwegian Communications Authority',
    abbreviation: 'Nkom',
    website: 'https://www.nkom.no',
  },
  {
    id: 'fi-traficom',
    country: 'FI',
    regime: 'eprivacy',
    name: 'Liikenne- ja viestintävirasto Traficom',
    nameEn: 'Finnish Transport and Communications Agency',
    abbreviation: 'Traficom',
    website: 'https://www.traficom.fi',
    // Traficom took over the Finnish Communications Regulatory Authority on 1 January 2019.
    formerNames: [
      {
        until: '2019-01-01',
        name: 'Viestintävirasto',
        nameEn: 'Finnish Communications Regulatory Authority',
        abbreviation: 'FICORA',
      },
    ],
  },
  {
    id: 'dk-sdfi',
    country: 'DK',
    regime: 'eprivacy',
    name: 'Styrelsen for Dataforsyning og Infrastruktur',
    nameEn: 'Danish Agency for Data Supply and Infrastructure',
    abbreviation: 'SDFI',
    formerNames: [{ until: '2022-01-01', name: 'Energistyrelsen', nameEn: 'Danish Energy Agency' }],
  },
  {
    id: 'is-fjarskiptastofa',
    country: 'IS',
    regime: 'eprivacy',
    name: 'Fjarskiptastofa',
    nameEn: 'Electronic Communications Office of Iceland',
  },
  // The United Kingdom left the EU on 31 January 2020: the Information Commissioner supervises the UK
  // GDPR (Data Protection Act 2018, Part 2) and receives a provider's breach notifications under The
  // Privacy and Electronic Communications (EC Directive) Regulations 2003 (PECR), reg. 5A(2).
  ...(['gdpr', 'eprivacy'] as const).map(
    (regime): Authority => ({
      // Ids are unique: the PECR entry is told apart by its regime.
      id: regime === 'gdpr' ? 'gb-ico' : 'gb-ico-pecr',
      country: 'GB',
      regime,
      name: 'Information Commissioner’s Office',
      nameEn: 'Information Commissioner’s Office',
      abbreviation: 'ICO',
      website: 'https://ico.org.uk',
    }),
  ),
  // The data protection authorities of the EU and EEA states (EDPB members).
  ...dataProtectionAuthorities.map(
    ([country, id, name, nameEn, abbreviation, website]): Authority => ({
      id: `${country.toLowerCase()}-${id}`,
      country,
      regime: 'gdpr',
      name,
      nameEn,
      ...(abbreviation === undefined ? {} : { abbreviation }),
      ...(website === undefined ? {} : { website }),
      ...(swedishNames[country] === undefined ? {} : { nameSv: swedishNames[country] }),
      ...(country === 'DE'
        ? {
            note: 'Private organisations report to the data protection authority of their federal state (Land); the BfDI supervises telecommunications and postal services.',
          }
        : {}),
    }),
  ),
  ...eprivacyAuthorities,
];
