import { readPhoneNumber } from './read-phone-number.js';

/** A phone number as read by libphonenumber-js. */
export interface ParsedPhone {
  readonly input: string;
  /** E.164 form (`+46701234567`), when the number could be read at all. */
  readonly e164: string;
  /** The national significant number (`701234567`). */
  readonly nationalNumber: string;
  /** The digits as dialled nationally, with the trunk prefix (`0701234567` in Sweden). */
  readonly nationalDigits: string;
  /** The number as written nationally (`070-123 45 67`), for messages. */
  readonly formattedNational: string;
  /** The number as written internationally (`+46 70 123 45 67`), for messages. */
  readonly formattedInternational: string;
  /** Whether the number is valid for its region by libphonenumber-js metadata. */
  readonly valid: boolean;
  /**
   * Whether the digits read are as many as some number of the region has (libphonenumber-js
   * `isPossible`): `070-ABC` is read as `070`, a start and no number.
   */
  readonly possible: boolean;
}

/**
 * Reads a phone number typed in any national or international format. `region` is the ISO 3166-1
 * country used for national numbers (any case). Never throws: returns undefined when nothing
 * number-like can be read, when `input` is not a string, or for a national number when `region`
 * is not a region libphonenumber-js knows (an international number is still read then).
 *
 * @example
 * ```ts
 * parsePhone('070-123 45 67')?.e164;     // '+46701234567'
 * parsePhone('070-123 45 67', 'XX');     // undefined
 * parsePhone('+46 70 123 45 67', 'XX')?.e164; // '+46701234567'
 * ```
 */
export function parsePhone(input: string, region = 'SE'): ParsedPhone | undefined {
  if (typeof input !== 'string') return undefined;
  const phone = readPhoneNumber(input, region);
  if (!phone) return undefined;
  // Formatting costs as much as parsing (libphonenumber-js walks its format rules again), and most
  // readers want only the E.164 form or the national number: the written forms, and the digits
  // read from the national one, are made when first read. So is validity, checked only by some.
  let formattedNational: string | undefined;
  let nationalDigits: string | undefined;
  let valid: boolean | undefined;
  let possible: boolean | undefined;
  const national = () => {
    formattedNational ??= phone.formatNational();
    return formattedNational;
  };
  return {
    input,
    e164: phone.number,
    nationalNumber: phone.nationalNumber,
    get nationalDigits() {
      nationalDigits ??= national().replace(/\D/g, '');
      return nationalDigits;
    },
    get formattedNational() {
      return national();
    },
    get formattedInternational() {
      return phone.formatInternational();
    },
    get valid() {
      valid ??= phone.isValid();
      return valid;
    },
    get possible() {
      possible ??= phone.isPossible();
      return possible;
    },
  };
}
