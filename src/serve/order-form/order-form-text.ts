import type { Action, Locale } from '../../guard/verdict.js';

/** The words of the order form, in each language the check speaks. */
export interface OrderFormText {
  readonly title: string;
  readonly intro: string;
  readonly customer: string;
  readonly customerHint: string;
  readonly newCustomer: string;
  readonly picked: (label: string) => string;
  readonly noMatches: string;
  readonly searchFailed: string;
  readonly name: string;
  readonly birthDate: string;
  readonly phone: string;
  readonly email: string;
  readonly check: string;
  readonly action: Readonly<Record<Action, string>>;
  readonly useSuggestion: (address: string) => string;
  readonly readBack: string;
  readonly readBackSuggestion: string;
  readonly directory: string;
  readonly directoryNothing: string;
  readonly directoryFailed: string;
}

/** The order form's words in English and Swedish. */
export const orderFormText: Readonly<Record<Locale, OrderFormText>> = {
  en: {
    title: 'Order form',
    intro: 'The address is checked as you type, against what is known about the customer.',
    customer: 'Existing customer: name or customer id',
    customerHint: 'Leave it empty for a new customer.',
    newCustomer: 'New customer',
    picked: (label) => `Customer: ${label}`,
    noMatches: 'No customer found.',
    searchFailed: 'The search did not answer',
    name: 'Name',
    birthDate: 'Birth date (YYYY-MM-DD)',
    phone: 'Phone',
    email: 'E-mail',
    check: 'Check',
    action: {
      send: 'OK to send',
      confirm: 'Confirm with the customer before sending',
      block: 'Blocked: do not send to this address',
    },
    useSuggestion: (address) => `Use ${address}`,
    readBack: 'Read back',
    readBackSuggestion: 'The suggestion',
    directory: 'Customer directory',
    directoryNothing: 'Nothing more in the customer directory.',
    directoryFailed: 'The customer directory did not answer',
  },
  sv: {
    title: 'Orderformulär',
    intro: 'Adressen kontrolleras medan du skriver, mot det som är känt om kunden.',
    customer: 'Befintlig kund: namn eller kundnummer',
    customerHint: 'Lämna tomt för en ny kund.',
    newCustomer: 'Ny kund',
    picked: (label) => `Kund: ${label}`,
    noMatches: 'Ingen kund hittades.',
    searchFailed: 'Sökningen svarade inte',
    name: 'Namn',
    birthDate: 'Födelsedatum (ÅÅÅÅ-MM-DD)',
    phone: 'Telefon',
    email: 'E-post',
    check: 'Kontrollera',
    action: {
      send: 'OK att skicka',
      confirm: 'Bekräfta med kunden innan något skickas',
      block: 'Stoppad: skicka inte till den här adressen',
    },
    useSuggestion: (address) => `Använd ${address}`,
    readBack: 'Läs upp',
    readBackSuggestion: 'Förslaget',
    directory: 'Kundregistret',
    directoryNothing: 'Inget mer i kundregistret.',
    directoryFailed: 'Kundregistret svarade inte',
  },
};
