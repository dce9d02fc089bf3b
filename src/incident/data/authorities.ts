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

/**
 * The EU/EEA data protection authorities (the members of the European Data Protection Board, GDPR
 * Art. 68) and the Nordic regulators of electronic communications, which receive the breach
 * notifications of telecom providers (Directive 2002/58/EC Art. 4(3), Regulation (EU) No 611/2013),
 * and the United Kingdom's Information Commissioner (UK GDPR and PECR).
 * Sweden's are complete, with the names they had over time; elsewhere check the entry before filing,
 * and pass your own table to {@link findAuthority} (or `createIncidentReport`'s `authorities`) where
 * it differs, as for an e-privacy breach in a country where the data protection authority receives
 * those notifications too.
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
  // services: lag (2003:389) om elektronisk kommunikation 6 kap. 4 a §, now lag (2022:482).
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
  ...(
    [
      ['AT', 'dsb', 'Österreichische Datenschutzbehörde', 'Austrian Data Protection Authority', 'DSB'],
      [
        'BE',
        'apd-gba',
        'Autorité de protection des données / Gegevensbeschermingsautoriteit',
        'Belgian Data Protection Authority',
        'APD/GBA',
      ],
      ['BG', 'cpdp', 'Комисия за защита на личните данни', 'Commission for Personal Data Protection', 'CPDP'],
      [
        'HR',
        'azop',
        'Agencija za zaštitu osobnih podataka',
        'Croatian Personal Data Protection Agency',
        'AZOP',
      ],
      [
        'CY',
        'dataprotection',
        'Γραφείο Επιτρόπου Προστασίας Δεδομένων Προσωπικού Χαρακτήρα',
        'Commissioner for Personal Data Protection',
        undefined,
      ],
      ['CZ', 'uoou', 'Úřad pro ochranu osobních údajů', 'Office for Personal Data Protection', 'ÚOOÚ'],
      ['DK', 'datatilsynet', 'Datatilsynet', 'Danish Data Protection Agency', undefined],
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
      ['IE', 'dpc', 'Data Protection Commission', 'Data Protection Commission', 'DPC'],
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
      ],
      ['NL', 'ap', 'Autoriteit Persoonsgegevens', 'Dutch Data Protection Authority', 'AP'],
      ['PL', 'uodo', 'Urząd Ochrony Danych Osobowych', 'Personal Data Protection Office', 'UODO'],
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
      ['NO', 'datatilsynet', 'Datatilsynet', 'Norwegian Data Protection Authority', undefined],
    ] as const
  ).map(
    ([country, id, name, nameEn, abbreviation]): Authority => ({
      id: `${country.toLowerCase()}-${id}`,
      country,
      regime: 'gdpr',
      name,
      nameEn,
      ...(abbreviation === undefined ? {} : { abbreviation }),
      ...(country === 'DE'
        ? {
            note: 'Private organisations report to the data protection authority of their federal state (Land); the BfDI supervises telecommunications and postal services.',
          }
        : {}),
    }),
  ),
];
