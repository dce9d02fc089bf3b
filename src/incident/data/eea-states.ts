/**
 * The member states of the European Union, as ISO 3166-1 alpha-2 codes: the 27 of the EU's own list
 * of its countries (https://european-union.europa.eu/principles-countries-history/eu-countries_en),
 * since the United Kingdom left on 31 January 2020 (Withdrawal Agreement, OJ C 384I, 12.11.2019).
 * The GDPR applies in each (GDPR Art. 99(2)). Greece is `GR` here, as ISO 3166-1 writes it (the EU
 * itself writes `EL`).
 *
 * @example
 * ```ts
 * euMemberStates.includes('SE'); // true
 * ```
 */
export const euMemberStates: readonly string[] = [
  ...['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE'],
  ...['IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE'],
];

/**
 * The EEA EFTA states, parties to the Agreement on the European Economic Area (OJ L 1, 3.1.1994,
 * p. 3) besides the EU and its members: Iceland, Liechtenstein and Norway (Switzerland is in EFTA but
 * not the EEA). The GDPR applies in them from 20 July 2018, by EEA Joint Committee Decision
 * No 154/2018, and with it the one-stop shop (GDPR Art. 56).
 *
 * @example
 * ```ts
 * eeaEftaStates; // ['IS', 'LI', 'NO']
 * ```
 */
export const eeaEftaStates: readonly string[] = ['IS', 'LI', 'NO'];
