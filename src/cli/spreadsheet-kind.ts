import { extname } from 'node:path';

/** A spreadsheet saved in its own format, which a CRM export read as CSV text cannot be. */
export type SpreadsheetKind = 'xlsx' | 'xls' | 'ods' | 'numbers' | 'zip' | 'ole';

// Excel's own formats (.xlsx, its macro and binary forms), Excel 97-2003, OpenDocument and Apple Numbers.
const ENDINGS: Readonly<Record<string, SpreadsheetKind>> = {
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.xlsb': 'xlsx',
  '.xls': 'xls',
  '.ods': 'ods',
  '.numbers': 'numbers',
};

// A ZIP archive opens with a local file header, or the end record of an empty one (PKWARE
// APPNOTE.TXT §4.3.7, §4.3.16): .xlsx, .ods and .numbers are ZIP archives.
const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
];
// A Compound File Binary file, the container of .xls (and .doc), opens with this header
// signature ([MS-CFB] §2.2).
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * The spreadsheet `path` is, by its ending or by its first bytes (an .xlsx renamed to .csv is
 * still a ZIP archive); undefined for anything else.
 */
export function spreadsheetKind(path: string, firstBytes: Uint8Array): SpreadsheetKind | undefined {
  const byName = ENDINGS[extname(path).toLowerCase()];
  if (byName) return byName;
  const startsWith = (signature: readonly number[]) =>
    firstBytes.length >= signature.length && signature.every((byte, i) => firstBytes[i] === byte);
  if (ZIP_SIGNATURES.some(startsWith)) return 'zip';
  if (startsWith(OLE_SIGNATURE)) return 'ole';
  return undefined;
}
