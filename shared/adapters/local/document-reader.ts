import sharp from 'sharp';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import type { DocumentContentType } from '../../domain/application.js';
import { extractFields, ILLEGIBLE, notThisKind, type OcrLine } from '../../domain/document-reading.js';
import { DOCUMENT_CATALOGUE, type FormsKind } from '../../domain/documents.js';
import type { DocumentReading } from '../../ports.js';
import { PaddlePageReader } from './paddle-page-reader.js';
import { renderPdfPages } from './pdf-pages.js';

/**
 * Reads payslips, statements, letters, bills and photocard licences locally (DESIGN.md §3): each page read
 * whole by a page engine, its lines handed to the domain's label-anchored extraction (domain/document-reading.ts).
 * A PDF's pages are rendered by poppler first, every page read, up to {@link MAX_PAGES}.
 *
 * Two engines, both offline. tesseract.js, as in the MRZ fallback (tesseract-recogniser.ts): the English model
 * from `@tesseract.js-data/eng`, nothing cached to disk; the page is read as one block of text (PSM 6), so a
 * label and the value printed beside it come out on one line (automatic layout analysis put a label column and
 * a value column in separate blocks, measured on the fixtures). PaddleOCR (paddle-page-reader.ts): PP-OCRv4's
 * text detector finds the lines, its recogniser (the MRZ reader's first engine) reads each. Which runs, and in
 * what order, is {@link DEFAULT_ENGINES}, chosen by `npm run bench:ocr` (README, Benchmarks).
 */

/** Degrees a page is turned (clockwise) before it is read. */
type Turn = 0 | 90 | 180 | 270;

/** The English LSTM model, shipped in the package (it has no type declarations). */
const eng = require('@tesseract.js-data/eng') as { langPath: string; gzip: boolean };

/** More pages than this is not one document's evidence: the applicant is asked for the pages that matter. */
export const MAX_PAGES = 10;

/**
 * Pages narrower than this are enlarged before reading (a phone photo scaled down, a low-resolution scan),
 * wider ones reduced: body text then stands about 25-35 px high, where tesseract reads best.
 */
const READ_WIDTH = 1600;

/** Below this mean word confidence, or with fewer words, a page has no readable print. */
const LEGIBLE = 0.45;
const FEWEST_WORDS = 4;

/** The engines that read a whole page: PaddleOCR's PP-OCRv4 detector and recogniser, or tesseract.js. */
export type PageEngine = 'paddle' | 'tesseract';

/**
 * The engines a reader uses when not told, in order. tesseract.js alone: on the fixtures Paddle read no more
 * documents without a person, at about twice the time, and falling back to it added a confident misread
 * (README, Benchmarks, 2026-11-29).
 */
export const DEFAULT_ENGINES: readonly PageEngine[] = ['tesseract'];

type DocumentInput = { kind: FormsKind; bytes: Uint8Array; contentType: DocumentContentType };

const UNOPENABLE =
  'The file could not be opened as a JPEG, PNG or PDF, or it arrived incomplete: upload it again.';

export class LocalDocumentReader {
  private worker: Promise<Worker> | undefined;
  private readonly paddle: PaddlePageReader;
  private readonly engines: readonly PageEngine[];

  constructor(options: { engines?: readonly PageEngine[]; threads?: number } = {}) {
    this.engines = options.engines ?? DEFAULT_ENGINES;
    this.paddle = new PaddlePageReader(options.threads === undefined ? {} : { threads: options.threads });
  }

  /** Starts the worker once (about half a second); every later read reuses it. */
  private start(): Promise<Worker> {
    this.worker ??= (async () => {
      const worker = await createWorker('eng', OEM.LSTM_ONLY, {
        langPath: eng.langPath,
        gzip: eng.gzip,
        cacheMethod: 'none',
      });
      await worker.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_BLOCK, user_defined_dpi: '300' });
      return worker;
    })();
    this.worker.catch(() => {
      this.worker = undefined;
    });
    return this.worker;
  }

  /**
   * Reads with each engine in turn until one finds every field the catalogue lists for the kind; otherwise the
   * reading with the most fields (or the first engine's refusal).
   */
  async readDocument(input: DocumentInput): Promise<DocumentReading> {
    const wanted = DOCUMENT_CATALOGUE[input.kind].fields;
    let best: DocumentReading | undefined;
    for (const engine of this.engines) {
      const reading = await this.readWith(engine, input);
      if (reading.ok && wanted.every((field) => reading.fields[field])) return reading;
      const count = (candidate: DocumentReading | undefined) =>
        candidate?.ok ? Object.keys(candidate.fields).length : -1;
      if (best === undefined || count(reading) > count(best)) best = reading;
    }
    return best ?? { ok: false, reason: UNOPENABLE };
  }

  /** Reads with one engine only (the bench compares them). */
  async readWith(engine: PageEngine, input: DocumentInput): Promise<DocumentReading> {
    const pages = await this.pagesOf(input.bytes, input.contentType);
    if (!pages.ok) return pages;
    let lines = await this.readPages(engine, pages.images, 0);
    if (!lines) return { ok: false, reason: UNOPENABLE };
    let fields = extractFields(input.kind, lines);
    // A photo taken sideways or upside down, its pixels turned with no EXIF orientation to say so: nothing
    // reads, so the photo is read turned each way until one finds the document's fields. PDF pages render upright.
    if (Object.keys(fields).length === 0 && pages.images.length === 1) {
      for (const turn of [90, 270, 180] as const) {
        const turned = await this.readPages(engine, pages.images, turn);
        const found = turned ? extractFields(input.kind, turned) : {};
        if (turned && Object.keys(found).length > 0) {
          lines = turned;
          fields = found;
          break;
        }
      }
    }
    const words = lines.flatMap((line) => line.words ?? []);
    const legibility = words.reduce((sum, word) => sum + word.confidence, 0) / Math.max(1, words.length);
    if (words.length < FEWEST_WORDS || legibility < LEGIBLE) return { ok: false, reason: ILLEGIBLE };
    if (Object.keys(fields).length === 0) return { ok: false, reason: notThisKind(input.kind) };
    return { ok: true, fields, pages: pages.images.length };
  }

  /** The pages to read: the image itself, or a PDF's pages rendered. */
  private async pagesOf(
    bytes: Uint8Array,
    contentType: DocumentContentType,
  ): Promise<{ ok: true; images: Uint8Array[] } | { ok: false; reason: string }> {
    const isPdf = Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
    if (contentType !== 'application/pdf' && !isPdf) return { ok: true, images: [bytes] };
    if (!isPdf) return { ok: false, reason: UNOPENABLE };
    const rendered = await renderPdfPages(bytes, MAX_PAGES);
    if (rendered.ok) return { ok: true, images: rendered.images };
    if (rendered.problem === 'too-many-pages')
      return {
        ok: false,
        reason: `The PDF has ${rendered.pages} pages and Doorstep reads up to ${MAX_PAGES}: upload only the pages that show your name, address, dates and amounts (for a statement, the first and last pages).`,
      };
    return {
      ok: false,
      reason:
        'The PDF could not be opened (it may be damaged or password-protected): upload an unprotected copy, or a photo of each page.',
    };
  }

  /** Every page's lines, one page after another, each page turned; undefined when a page does not open. */
  private async readPages(
    engine: PageEngine,
    images: readonly Uint8Array[],
    turn: Turn,
  ): Promise<OcrLine[] | undefined> {
    const lines: OcrLine[] = [];
    for (const image of images) {
      const prepared = await prepare(image, turn);
      if (!prepared) return undefined;
      lines.push(
        ...(engine === 'paddle' ? await this.paddle.readPage(prepared) : await this.readPage(prepared)),
      );
    }
    return lines;
  }

  private async readPage(png: Buffer): Promise<OcrLine[]> {
    const worker = await this.start();
    const { data } = await worker.recognize(png, {}, { text: true, blocks: true });
    const lines: OcrLine[] = [];
    for (const block of data.blocks ?? []) {
      for (const paragraph of block.paragraphs) {
        for (const line of paragraph.lines) {
          const words = line.words
            .filter((word) => word.text.trim().length > 0)
            .map((word) => ({ text: word.text.trim(), confidence: word.confidence / 100 }));
          if (words.length === 0) continue;
          lines.push({
            text: words.map((word) => word.text).join(' '),
            confidence: line.confidence / 100,
            words,
          });
        }
      }
    }
    return lines;
  }

  /** Terminates the worker (otherwise Jest and the local runtime cannot exit). It restarts if used again. */
  async close(): Promise<void> {
    const starting = this.worker;
    this.worker = undefined;
    const worker = await starting?.catch(() => undefined);
    await Promise.all([worker?.terminate(), this.paddle.close()]);
  }
}

/**
 * The page in grey, turned upright by its EXIF orientation (and then by `turn`), contrast stretched, at the
 * width tesseract reads best.
 */
async function prepare(image: Uint8Array, turn: Turn): Promise<Buffer | undefined> {
  try {
    // sharp turns once per pipeline: by the EXIF orientation first, then by the turn asked for.
    const upright =
      turn === 0 ? sharp(image).rotate() : sharp(await sharp(image).rotate().toBuffer()).rotate(turn);
    const { width } = await upright.metadata();
    if (!width) return undefined;
    return await upright
      .greyscale()
      .resize({ width: READ_WIDTH, kernel: 'lanczos3' })
      .normalise()
      .png()
      .toBuffer();
  } catch (error) {
    // libvips' refusals (not an image, a truncated or corrupt one) are the applicant's file, not a fault.
    if (
      error instanceof Error &&
      /unsupported image format|^Vips|corrupt|premature|Input buffer/i.test(error.message)
    )
      return undefined;
    throw error;
  }
}
