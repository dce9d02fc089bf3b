import type { Section } from './render-incident-report.js';

/** TrueType (or OpenType) fonts to embed in the PDF. */
export interface PdfFonts {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
}

/**
 * The report as PDF bytes (A4, pdfkit). The fonts are embedded, DejaVu Sans unless others are given:
 * the 14 standard PDF fonts are not embedded and cover only WinAnsi, so a name in Polish or a Greek
 * authority's name would be lost, while an embedded font keeps every letter it has.
 */
export async function toPdf(input: {
  readonly title: string;
  readonly sections: readonly Section[];
  readonly locale: string;
  readonly reference: string;
  readonly fonts?: PdfFonts;
}): Promise<Uint8Array> {
  const { title, sections, locale, reference } = input;
  const fonts = input.fonts ?? (await defaultFonts());
  // Loaded here, not at the top: only callers who ask for a PDF load pdfkit and its fonts.
  const { default: PDFDocument } = await import('pdfkit');
  const document = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 60, right: 60 },
    lang: locale,
    displayTitle: true,
    info: { Title: `${title} – ${reference}`, Subject: reference },
    bufferPages: true,
  });
  const chunks: Uint8Array[] = [];
  const done = new Promise<void>((resolve, reject) => {
    document.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    document.on('end', () => resolve());
    document.on('error', reject);
  });
  document.registerFont('body', Buffer.from(fonts.regular));
  document.registerFont('bold', Buffer.from(fonts.bold));
  const width = document.page.width - document.page.margins.left - document.page.margins.right;

  const addressee = sections.find((section) => section.key === 'addressee');
  const notification = sections.find((section) => section.key === 'notification');
  const signature = sections.find((section) => section.key === 'signature');
  const sv = locale === 'sv';

  // Letterhead: the addressee on the left, reference and date on the right.
  const top = document.y;
  document
    .font('bold')
    .fontSize(7.5)
    .fillColor('#555555')
    .text((addressee?.heading ?? '').toUpperCase(), {
      width: width / 2,
    });
  document.font('body').fontSize(10.5).fillColor('#111111');
  for (const line of addressee?.paragraphs ?? []) document.text(line, { width: width / 2 });
  const leftBottom = document.y;
  document
    .font('bold')
    .fontSize(7.5)
    .fillColor('#555555')
    .text(sv ? 'REFERENS' : 'REFERENCE', document.page.margins.left + width / 2, top, {
      width: width / 2,
      align: 'right',
    });
  document.font('body').fontSize(10.5).fillColor('#111111');
  document.text(reference, { width: width / 2, align: 'right' });
  document.text((notification?.paragraphs[1] ?? '').replace(/\.$/, ''), { width: width / 2, align: 'right' });
  document.x = document.page.margins.left;
  document.y = Math.max(leftBottom, document.y) + 18;

  document.font('bold').fontSize(16).text(title, { width });
  const ruleY = document.y + 2;
  document
    .moveTo(document.page.margins.left, ruleY)
    .lineTo(document.page.margins.left + width, ruleY)
    .stroke();
  document.moveDown(0.8);

  for (const section of sections) {
    if (section === addressee || section === signature) continue;
    writeSection(document, section, width);
  }
  if (signature !== undefined) {
    // Keep the signature block together on one page.
    if (document.y > document.page.height - document.page.margins.bottom - 150) document.addPage();
    document.moveDown(1);
    document.font('bold').fontSize(11).text(signature.heading, { width });
    document.font('body').fontSize(10);
    for (const line of signature.paragraphs) document.moveDown(0.9).text(line, { width });
  }
  document.end();
  await done;
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

function writeSection(document: PDFKit.PDFDocument, section: Section, width: number): void {
  // A heading never stands alone at the foot of a page.
  if (document.y > document.page.height - document.page.margins.bottom - 60) document.addPage();
  document.moveDown(0.5);
  document.font('bold').fontSize(11).fillColor('#111111').text(section.heading, { width });
  document.moveDown(0.15);
  document.font('body').fontSize(9.5);
  for (const paragraph of section.paragraphs) document.text(paragraph, { width, paragraphGap: 2 });
  const left = document.page.margins.left;
  for (const item of section.list ?? []) {
    // A hanging indent: the bullet in the margin of the item, wrapped lines under its first word. The
    // item starts on a new page when its first lines would not fit, so the bullet stays with them.
    const height = document.heightOfString(item, { width: width - 12 });
    if (document.y + Math.min(height, 40) > document.page.height - document.page.margins.bottom)
      document.addPage();
    const top = document.y;
    document.text('•', left, top, { width: 12 });
    document.text(item, left + 12, top, { width: width - 12, paragraphGap: 2 });
    document.x = left;
  }
}

async function defaultFonts(): Promise<PdfFonts> {
  const [{ readFile }, { createRequire }] = await Promise.all([
    import('node:fs/promises'),
    import('node:module'),
  ]);
  // DejaVu Sans covers Latin, Greek and Cyrillic: every authority name in the table, and å, ä, ö.
  // Not named `require`: the CommonJS build replaces import.meta.url with an expression using require.
  const resolver = createRequire(import.meta.url);
  const [regular, bold] = await Promise.all([
    readFile(resolver.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    readFile(resolver.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  ]);
  return { regular, bold };
}
