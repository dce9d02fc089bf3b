import type { InvalidAddressReason } from './parse-address.js';

/**
 * The detail of an `address-in-local-part` refusal whose local part is not quoted (a full-width @ or
 * the percent hack in it): said apart from the quoted one, which is mended by leaving out the
 * quotation marks.
 */
export const UNQUOTED_LOCAL_PART_SHOWS_ADDRESS = 'the part before the last @ sign shows another address';

/**
 * Why an address does not parse, in words for the person who typed it or keeps the record (the
 * `detail` of `parseAddress` is a sentence for a developer), in each language the library speaks.
 * The guard's findings and `loadCustomers`' row reasons both read them.
 */
export const INVALID_REASONS: Readonly<Record<'en' | 'sv', Readonly<Record<InvalidAddressReason, string>>>> =
  {
    en: {
      empty: 'the address is empty',
      'control-characters': 'it contains a line break or control character',
      'malformed-text': 'it contains text that is not valid Unicode or could not be decoded (�)',
      'invisible-characters': 'it contains an invisible character',
      whitespace: 'it contains a space',
      'display-name': 'only the address itself is accepted, without a name or angle brackets',
      list: 'more than one address was given',
      'missing-at': 'the @ sign is missing',
      'multiple-at': 'there is more than one @ sign',
      'empty-local-part': 'there is nothing before the @ sign',
      'empty-domain': 'there is nothing after the @ sign',
      'dot-placement': 'a dot stands at the start or end of a part, or two dots stand in a row',
      'local-part-characters': 'the part before the @ sign contains a character an address cannot have',
      'local-part-too-long': 'the part before the @ sign is longer than 64 characters',
      'address-in-local-part':
        'the part in quotation marks shows another address, but the mail goes to the part after the last @ sign',
      'domain-literal': 'an IP address in brackets is not accepted as a domain',
      'domain-characters': 'the domain contains a character no domain can have',
      'domain-label': 'a part of the domain is not a valid name',
      'domain-too-long': 'the domain is too long',
      'single-label-domain': 'the domain has no ending such as .se or .com',
      'numeric-top-level-domain': 'the domain ends in a number',
      'address-too-long': 'the address is longer than 254 characters',
    },
    sv: {
      empty: 'adressen är tom',
      'control-characters': 'den innehåller en radbrytning eller ett styrtecken',
      'malformed-text': 'den innehåller text som inte är giltig Unicode eller inte kunde avkodas (�)',
      'invisible-characters': 'den innehåller ett osynligt tecken',
      whitespace: 'den innehåller ett mellanslag',
      'display-name': 'bara själva adressen tas emot, utan namn eller vinkelparenteser',
      list: 'mer än en adress angavs',
      'missing-at': 'snabel-a saknas',
      'multiple-at': 'det finns mer än ett snabel-a',
      'empty-local-part': 'det står ingenting före snabel-a',
      'empty-domain': 'det står ingenting efter snabel-a',
      'dot-placement': 'en punkt står först eller sist i en del, eller två punkter står i rad',
      'local-part-characters': 'delen före snabel-a innehåller ett tecken som en adress inte kan ha',
      'local-part-too-long': 'delen före snabel-a är längre än 64 tecken',
      'address-in-local-part':
        'delen inom citattecken visar en annan adress, men posten går till delen efter sista snabel-a',
      'domain-literal': 'en IP-adress inom hakparenteser tas inte emot som domän',
      'domain-characters': 'domänen innehåller ett tecken som ingen domän kan ha',
      'domain-label': 'en del av domänen är inte ett giltigt namn',
      'domain-too-long': 'domänen är för lång',
      'single-label-domain': 'domänen saknar en ändelse som .se eller .com',
      'numeric-top-level-domain': 'domänen slutar på en siffra',
      'address-too-long': 'adressen är längre än 254 tecken',
    },
  };
