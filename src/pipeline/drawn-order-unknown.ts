import { addressTokens } from './address-tokens.js';
import { comparableAddress } from './comparable-address.js';
import { nameReadings } from './name-readings.js';

// A letter of a right-to-left script: the blocks whose letters have the strong bidirectional types R
// and AL (UAX #9 §3.2, Table 4; the default R and AL ranges of DerivedBidiClass.txt): Hebrew, Arabic,
// Syriac, Thaana, N'Ko, Samaritan, Mandaic, their presentation forms, and the right-to-left blocks
// beyond the Basic Multilingual Plane.
const STRONG_RIGHT_TO_LEFT =
  /(?=\p{L})[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/**
 * Whether a display name shows at-sign text other than its mailbox's own address beside
 * right-to-left letters (Hebrew, Arabic), so that the order a mail client draws it in cannot be
 * known. UAX #9 resolves the order of such a text from its paragraph's direction (rules P2 and P3:
 * the first strong letter, which a client may take from the name, the whole header line or its own
 * interface) and from the neutral characters around each run (rules W1-W7, N1 and N2, which make
 * `@`, `.` and digits take the direction of what stands beside them), then draws the runs in reverse
 * order (L2). `telia.com@עדן erik.lind` may thus be drawn with its parts in another order than
 * typed, showing an address no reading of `displayedReadings` produces. No bidi control character is
 * needed for that; those are read apart (`displayedReadings`).
 *
 * @example
 * ```ts
 * drawnOrderUnknown('עדן eden@example.org', 'kundtjanst@butiken.se'); // true
 * drawnOrderUnknown('קונד kundtjanst@butiken.se', 'kundtjanst@butiken.se'); // false: its own address
 * drawnOrderUnknown('Eden eden@example.org', 'kundtjanst@butiken.se'); // false: read as typed
 * ```
 */
export function drawnOrderUnknown(name: string, address: string): boolean {
  const own = comparableAddress(address);
  return nameReadings(name).some(
    (reading) =>
      STRONG_RIGHT_TO_LEFT.test(reading) &&
      addressTokens(reading).some((token) => comparableAddress(token) !== own),
  );
}
