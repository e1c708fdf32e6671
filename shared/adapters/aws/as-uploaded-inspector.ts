import { pdfSavedVersions, pdfTamperingSignals } from '../../domain/tampering.js';
import type { Inspection, UploadInspector } from '../../ports.js';

/** The most pages an uploaded PDF may have (the local inspector's cap, repeated so this file needs no pdf-lib). */
const MAX_PDF_PAGES = 10;

/**
 * The upload inspector the document-received Lambda uses. sharp is a native module and cannot be bundled with
 * esbuild, and pdf-lib would take that function's bundle past its 1 MiB budget, so in AWS uploads are kept as
 * they arrived: photos are not turned upright or scaled down (Textract reads rotated pages itself), have no
 * perceptual hash, and so cannot be matched across applications. What plain byte reading can check is checked:
 * encrypted PDFs are refused, a PDF with more page objects in plain view than the cap is refused (pages inside
 * compressed object streams are not counted, so this is a lower bound, recorded when it is at least one), and
 * the saved versions and a Producer written in plain text give the same tampering signals as locally. README
 * ("Uploads") says the same.
 */
export class AsUploadedInspector implements UploadInspector {
  async inspect(input: { bytes: Uint8Array; contentType: string }): Promise<Inspection> {
    if (input.contentType !== 'application/pdf') return { ok: true, bytes: input.bytes, signals: [] };
    const text = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength).toString(
      'latin1',
    );
    if (/\/Encrypt\b/.test(text)) {
      return {
        ok: false,
        reason:
          'This PDF is password-protected or encrypted, so it cannot be checked or read. Save or print it to a new PDF, or photograph the pages, and upload that.',
      };
    }
    const pages = text.match(/\/Type\s*\/Page\b/g)?.length ?? 0;
    if (pages > MAX_PDF_PAGES) {
      return {
        ok: false,
        reason: `This PDF has at least ${pages} pages; Doorstep takes at most ${MAX_PDF_PAGES} per document. Upload only the pages asked for, one document at a time.`,
      };
    }
    const producer = infoEntry(text, 'Producer');
    const creator = infoEntry(text, 'Creator');
    const signals = pdfTamperingSignals({ producer, creator, savedVersions: pdfSavedVersions(text) });
    // The count in plain view, when there is one: a PDF of one page is read at once, any other later
    // (textract-jobs.ts), so an undercount of a PDF whose pages are all compressed away reads it later.
    return { ok: true, bytes: input.bytes, signals, ...(pages > 0 ? { pages } : {}) };
  }
}

/**
 * A document-information entry written in plain view, as a literal string `(…)` or a hex string `<…>` (UTF-16
 * with its byte-order mark, as many writers use, or single bytes); undefined when compressed away or absent.
 */
function infoEntry(text: string, name: string): string | undefined {
  const literal = new RegExp(`/${name}\\s*\\(([^)]{1,200})\\)`).exec(text)?.[1];
  if (literal !== undefined) return literal;
  const hex = new RegExp(`/${name}\\s*<([0-9A-Fa-f\\s]{2,800})>`).exec(text)?.[1]?.replace(/\s/g, '');
  if (hex === undefined) return undefined;
  const bytes = Buffer.from(hex, 'hex');
  return bytes[0] === 0xfe && bytes[1] === 0xff
    ? bytes
        .subarray(2, bytes.byteLength - (bytes.byteLength % 2))
        .swap16()
        .toString('utf16le')
    : bytes.toString('latin1');
}
