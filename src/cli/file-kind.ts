import { extname } from 'node:path';

// What a file given as a CRM export may be instead: a spreadsheet saved in its own format, or a
// document. Either is the wrong kind of file, which a CRM export read as CSV text cannot be.

/** A spreadsheet saved in its own format. */
export type SpreadsheetKind = 'xlsx' | 'xls' | 'ods' | 'numbers' | 'zip' | 'ole';

/** A document that is no CRM export and no spreadsheet: a PDF or a word-processor file. */
export type DocumentKind = 'pdf' | 'word' | 'opendocument-text';

// Excel's own formats (.xlsx, its macro and binary forms), Excel 97-2003, OpenDocument and Apple Numbers.
const SPREADSHEET_ENDINGS: Readonly<Record<string, SpreadsheetKind>> = {
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.xlsb': 'xlsx',
  '.xls': 'xls',
  '.ods': 'ods',
  '.numbers': 'numbers',
};

// Word's own formats (.docx and its macro form, Word 97-2003) and OpenDocument text.
const DOCUMENT_ENDINGS: Readonly<Record<string, DocumentKind>> = {
  '.pdf': 'pdf',
  '.docx': 'word',
  '.docm': 'word',
  '.doc': 'word',
  '.odt': 'opendocument-text',
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
// A PDF file opens with its header, `%PDF-` and the version (ISO 32000-1:2008 §7.5.2).
const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d];

function startsWith(firstBytes: Uint8Array, signature: readonly number[]): boolean {
  return firstBytes.length >= signature.length && signature.every((byte, i) => firstBytes[i] === byte);
}

/**
 * The spreadsheet `path` is, by its ending or by its first bytes (an .xlsx renamed to .csv is
 * still a ZIP archive); undefined for anything else.
 */
export function spreadsheetKind(path: string, firstBytes: Uint8Array): SpreadsheetKind | undefined {
  const byName = SPREADSHEET_ENDINGS[extname(path).toLowerCase()];
  if (byName) return byName;
  if (ZIP_SIGNATURES.some((signature) => startsWith(firstBytes, signature))) return 'zip';
  if (startsWith(firstBytes, OLE_SIGNATURE)) return 'ole';
  return undefined;
}

/**
 * The document `path` is, by its first bytes (a PDF whatever its name) or by its ending (a .docx
 * is a ZIP archive like an .xlsx, and only its ending tells the two apart without unpacking it);
 * undefined for anything else.
 */
export function documentKind(path: string, firstBytes: Uint8Array): DocumentKind | undefined {
  if (startsWith(firstBytes, PDF_SIGNATURE)) return 'pdf';
  return DOCUMENT_ENDINGS[extname(path).toLowerCase()];
}
