import { z } from 'zod';

/**
 * The kinds of personal data a breach can expose. Names follow the categories supervisory authorities
 * ask for in their breach forms (GDPR Art. 33(3)(a) "categories ... of personal data records"), split
 * finely enough to score them with the ENISA 2013 methodology.
 *
 * @example
 * ```ts
 * dataCategories.includes('national-id-number'); // true
 * ```
 */
export const dataCategories = [
  'name',
  'postal-address',
  'email-address',
  'phone-number',
  'contact-details',
  'customer-number',
  'order-details',
  'date-of-birth',
  'national-id-number',
  'id-document-number',
  'account-number',
  'payment-card',
  'financial',
  'credentials',
  'location',
  'traffic-data',
  'vehicle-registration',
  'insurance',
  'health',
  'special-category',
  'other',
] as const;

/** One kind of personal data (see {@link dataCategories}). */
export type DataCategory = (typeof dataCategories)[number];

/**
 * The schema of one {@link DataCategory}.
 *
 * @example
 * ```ts
 * DataCategorySchema.parse('payment-card'); // 'payment-card'
 * ```
 */
export const DataCategorySchema = z.enum(dataCategories);

/**
 * ENISA 2013, Recommendations for a methodology of the assessment of severity of personal data
 * breaches, section 3.1 (Data Processing Context): the preliminary basic score of each data type.
 * Simple data 1, behavioural data 2, financial data 3, sensitive data 4. Identity numbers and
 * credentials start one above simple data: the methodology raises simple data by 1 when it allows
 * assumptions or misuse beyond contact (identity theft, account takeover).
 *
 * @example
 * ```ts
 * enisaBasicScores.health; // 4
 * ```
 */
export const enisaBasicScores: Readonly<Record<DataCategory, number>> = {
  name: 1,
  'postal-address': 1,
  'email-address': 1,
  'phone-number': 1,
  'contact-details': 1,
  'customer-number': 1,
  'order-details': 1,
  'date-of-birth': 1,
  'national-id-number': 2,
  'id-document-number': 2,
  'account-number': 3,
  'payment-card': 3,
  financial: 3,
  credentials: 2,
  location: 2,
  'traffic-data': 2,
  'vehicle-registration': 1,
  // Insurance terms let a reader assume the person's social and economic situation (ENISA 2013, 3.1:
  // simple data +1), without being financial data in themselves (EDPB Guidelines 01/2021, Case 16).
  insurance: 2,
  health: 4,
  'special-category': 4,
  other: 1,
};

/** Which ENISA data type each category belongs to (ENISA 2013, section 3.1). */
export const enisaDataTypes: Readonly<
  Record<DataCategory, 'simple' | 'behavioural' | 'financial' | 'sensitive'>
> = {
  name: 'simple',
  'postal-address': 'simple',
  'email-address': 'simple',
  'phone-number': 'simple',
  'contact-details': 'simple',
  'customer-number': 'simple',
  'order-details': 'simple',
  'date-of-birth': 'simple',
  'national-id-number': 'simple',
  'id-document-number': 'simple',
  'account-number': 'financial',
  'payment-card': 'financial',
  financial: 'financial',
  credentials: 'simple',
  location: 'behavioural',
  'traffic-data': 'behavioural',
  'vehicle-registration': 'simple',
  insurance: 'simple',
  health: 'sensitive',
  'special-category': 'sensitive',
  other: 'simple',
};

/** Labels of each category, as a report lists them. */
export const dataCategoryLabels: Readonly<Record<'sv' | 'en', Readonly<Record<DataCategory, string>>>> = {
  sv: {
    name: 'namn',
    'postal-address': 'postadress',
    'email-address': 'e-postadress',
    'phone-number': 'telefonnummer',
    'contact-details': 'kontaktuppgifter',
    'customer-number': 'kundnummer',
    'order-details': 'beställningar med priser',
    'date-of-birth': 'födelsedatum',
    'national-id-number': 'personnummer',
    'id-document-number': 'id-handlingens nummer',
    'account-number': 'kontonummer',
    'payment-card': 'kortnummer',
    financial: 'ekonomiska uppgifter',
    credentials: 'inloggningsuppgifter eller länkar till kontot',
    location: 'platsuppgifter',
    'traffic-data': 'trafikuppgifter',
    'vehicle-registration': 'registreringsnummer',
    insurance: 'försäkringsuppgifter',
    health: 'hälsouppgifter',
    'special-category': 'känsliga personuppgifter',
    other: 'övriga uppgifter',
  },
  en: {
    name: 'name',
    'postal-address': 'postal address',
    'email-address': 'e-mail address',
    'phone-number': 'phone number',
    'contact-details': 'contact details',
    'customer-number': 'customer number',
    'order-details': 'orders with prices',
    'date-of-birth': 'date of birth',
    'national-id-number': 'personal identity number',
    'id-document-number': 'identity document number',
    'account-number': 'account number',
    'payment-card': 'card number',
    financial: 'financial information',
    credentials: 'login details or account links',
    location: 'location data',
    'traffic-data': 'traffic data',
    'vehicle-registration': 'vehicle registration number',
    insurance: 'insurance details',
    health: 'health data',
    'special-category': 'special categories of personal data',
    other: 'other data',
  },
};
