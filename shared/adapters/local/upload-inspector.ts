import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { pdfSavedVersions, pdfTamperingSignals } from '../../domain/tampering.js';
import type { Inspection, UploadInspector } from '../../ports.js';
import { MAX_IMAGE_PIXELS } from './structural-scanner.js';

/** The longest side a kept photo has: enough for OCR of a passport page or a payslip, a fraction of a phone's. */
export const MAX_IMAGE_SIDE = 3000;
/** The most pages an uploaded PDF may have: a payslip, statement or letter, not a bundle of them. */
export const MAX_PDF_PAGES = 10;

/**
 * The local upload inspector (the port's contract is in ports.ts). Photos are turned upright from their EXIF
 * orientation, scaled down to at most {@link MAX_IMAGE_SIDE} pixels on the longer side and re-encoded in their
 * own format, so the picture kept is the one read, and its metadata (camera, GPS position) is dropped; a photo
 * whose header claims more than the pixel budget, or no pixels, is refused before it is decoded. PDFs are
 * opened with pdf-lib: encrypted ones, ones without pages and ones over {@link MAX_PDF_PAGES} pages are
 * refused; their dates, producer and saved versions give tampering signals. PDFs are kept unchanged.
 */
export class LocalUploadInspector implements UploadInspector {
  private readonly maxPixels: number;
  private readonly maxSide: number;
  private readonly maxPages: number;

  constructor(options: { maxPixels?: number; maxSide?: number; maxPages?: number } = {}) {
    this.maxPixels = options.maxPixels ?? MAX_IMAGE_PIXELS;
    this.maxSide = options.maxSide ?? MAX_IMAGE_SIDE;
    this.maxPages = options.maxPages ?? MAX_PDF_PAGES;
  }

  async inspect(input: { bytes: Uint8Array; contentType: string }): Promise<Inspection> {
    switch (input.contentType) {
      case 'image/jpeg':
      case 'image/png':
        return this.image(input.bytes, input.contentType);
      case 'application/pdf':
        return this.pdf(input.bytes);
      default:
        return { ok: false, reason: 'Doorstep takes photos (JPEG or PNG) and PDFs only.' };
    }
  }

  private async image(bytes: Uint8Array, type: 'image/jpeg' | 'image/png'): Promise<Inspection> {
    const again = 'Take a new photo of the document and upload that.';
    let width: number | undefined;
    let height: number | undefined;
    try {
      // The header only (no pixel is decoded), so a decompression bomb is measured here and refused below.
      ({ width, height } = await sharp(bytes, { limitInputPixels: false }).metadata());
    } catch {
      return { ok: false, reason: `This photo could not be opened. ${again}` };
    }
    if (!width || !height) {
      return { ok: false, reason: `This photo says it is ${width ?? 0} by ${height ?? 0} pixels. ${again}` };
    }
    if (width * height > this.maxPixels) {
      return {
        ok: false,
        reason: `At ${width} by ${height} pixels this photo is larger than the ${this.maxPixels / 1_000_000} megapixels Doorstep opens. ${again}`,
      };
    }
    try {
      const upright = sharp(bytes, { limitInputPixels: this.maxPixels, failOn: 'error' })
        .autoOrient()
        .resize({ width: this.maxSide, height: this.maxSide, fit: 'inside', withoutEnlargement: true });
      const normalised =
        type === 'image/png'
          ? await upright.png({ compressionLevel: 9 }).toBuffer()
          : await upright.jpeg({ quality: 90 }).toBuffer();
      const imageHash = await differenceHash(normalised);
      return {
        ok: true,
        bytes: new Uint8Array(normalised),
        signals: [],
        ...(imageHash ? { imageHash } : {}),
      };
    } catch {
      return { ok: false, reason: `This photo is damaged and could not be read. ${again}` };
    }
  }

  private async pdf(bytes: Uint8Array): Promise<Inspection> {
    const again = 'Save or print it to a new PDF, or photograph the pages, and upload that.';
    let document: PDFDocument;
    try {
      // Encryption is checked below: pdf-lib's own error for it is not an instance of its class (ES5 build).
      document = await PDFDocument.load(bytes, {
        updateMetadata: false,
        throwOnInvalidObject: true,
        ignoreEncryption: true,
      });
    } catch {
      return { ok: false, reason: `This PDF could not be opened. ${again}` };
    }
    if (document.isEncrypted) {
      return {
        ok: false,
        reason: `This PDF is password-protected or encrypted, so it cannot be checked or read. ${again}`,
      };
    }
    // A page tree that is not one (a missing or broken catalogue) throws here rather than at load.
    const pages = safely(() => document.getPageCount());
    if (pages === undefined) return { ok: false, reason: `This PDF could not be opened. ${again}` };
    if (pages === 0) return { ok: false, reason: `This PDF has no pages. ${again}` };
    if (pages > this.maxPages) {
      return {
        ok: false,
        reason: `This PDF has ${pages} pages; Doorstep takes at most ${this.maxPages} per document. Upload only the pages asked for, one document at a time.`,
      };
    }
    const signals = pdfTamperingSignals({
      createdAt: safely(() => document.getCreationDate()),
      modifiedAt: safely(() => document.getModificationDate()),
      producer: safely(() => document.getProducer()),
      creator: safely(() => document.getCreator()),
      savedVersions: pdfSavedVersions(Buffer.from(bytes).toString('latin1')),
    });
    return { ok: true, bytes, signals, pages };
  }
}

/** A metadata entry of the wrong type makes pdf-lib throw: that is no signal, only nothing known. */
function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/**
 * A 64-bit difference hash (dHash): the picture in grey at 9 × 8, each bit whether a pixel is clearly brighter
 * than its right-hand neighbour. The hash is claimed by exact value, so "clearly" ({@link HASH_MARGIN} grey
 * levels) keeps flat areas, where neighbours differ only by compression noise, from flipping bits: the same
 * photo re-encoded, rescaled or recompressed gives the same bits. A photograph taken again does not, and is not
 * caught. A plain picture (a blank page, one colour) has almost no bits set, so it would match every other
 * plain picture: undefined then, and nothing is claimed.
 */
export async function differenceHash(image: Uint8Array): Promise<string | undefined> {
  const { data, info } = await sharp(image)
    .greyscale()
    .resize(9, 8, { fit: 'fill', kernel: 'cubic' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const grey = (x: number, y: number) => data[(y * info.width + x) * info.channels] ?? 0;
  let hash = 0n;
  let set = 0;
  for (let y = 0; y < 8; y += 1) {
    for (let x = 0; x < 8; x += 1) {
      const bit = grey(x, y) - grey(x + 1, y) > HASH_MARGIN;
      hash = (hash << 1n) | (bit ? 1n : 0n);
      if (bit) set += 1;
    }
  }
  return set < 6 ? undefined : hash.toString(16).padStart(16, '0');
}

/** Grey levels (of 255) by which a pixel must be brighter than its neighbour to set its bit. */
const HASH_MARGIN = 8;
