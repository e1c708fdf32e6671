import { decodePDFRawStream, PDFArray, PDFDocument, type PDFPage, PDFRawStream, type PDFRef } from 'pdf-lib';

/** The text a page draws: pdf-lib writes each line as a hex string shown with Tj, in the standard fonts' WinAnsi. */
function textOf(doc: PDFDocument, page: PDFPage): string {
  const contents = page.node.Contents();
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
  return refs
    .map((ref) => {
      const stream = doc.context.lookup(ref as PDFRef);
      if (!(stream instanceof PDFRawStream)) throw new Error('a page content stream was not a raw stream');
      return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
    })
    .join('\n')
    .split('\n')
    .flatMap((line) => {
      const hex = /^<([0-9A-Fa-f]*)> Tj$/.exec(line.trim())?.[1];
      return hex ? [Buffer.from(hex, 'hex').toString('latin1')] : [];
    })
    .join('\n');
}

/** A PDF made by Doorstep parsed back with pdf-lib: its page count, every line of text it draws, and its title. */
export async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string; title?: string }> {
  const doc = await PDFDocument.load(bytes);
  const title = doc.getTitle();
  return {
    pages: doc.getPageCount(),
    text: doc
      .getPages()
      .map((page) => textOf(doc, page))
      .join('\n'),
    ...(title ? { title } : {}),
  };
}
