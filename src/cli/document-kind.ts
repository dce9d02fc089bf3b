import { extname } from 'node:path';

/** A document that is no CRM export and no spreadsheet: a PDF or a word-processor file. */
export type DocumentKind = 'pdf' | 'word' | 'opendocument-text';

// Word's own formats (.docx and its macro form, Word 97-2003) and OpenDocument text.
const ENDINGS: Readonly<Record<string, DocumentKind>> = {
  '.pdf': 'pdf',
  '.docx': 'word',
  '.docm': 'word',
  '.doc': 'word',
  '.odt': 'opendocument-text',
};

// A PDF file opens with its header, `%PDF-` and the version (ISO 32000-1:2008 §7.5.2).
const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d];

/**
 * The document `path` is, by its first bytes (a PDF whatever its name) or by its ending (a .docx
 * is a ZIP archive like an .xlsx, and only its ending tells the two apart without unpacking it);
 * undefined for anything else.
 */
export function documentKind(path: string, firstBytes: Uint8Array): DocumentKind | undefined {
  if (firstBytes.length >= PDF_SIGNATURE.length && PDF_SIGNATURE.every((byte, i) => firstBytes[i] === byte))
    return 'pdf';
  return ENDINGS[extname(path).toLowerCase()];
}
