import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { type MrzStrip, medianGrey, prepareStrip, toPng } from './mrz-band.js';
import type { Recognised } from './paddle-recogniser.js';

/**
 * tesseract.js as the fallback MRZ recogniser. Offline (DESIGN.md §5): the English model comes from
 * `@tesseract.js-data/eng` and nothing is cached to disk, otherwise it fetches a CDN or writes 23 MB into the
 * working directory. Tesseract reads OCR-B's filler `<` as K, L or C, so the fillers are found first by
 * shape (a `<` is a chevron, with no stem on its left; K, L and C all have one) and painted out; tesseract
 * then reads only the letters and digits, and each lands in its character cell.
 */

/** The English LSTM model, shipped in the package (it has no type declarations). */
const eng = require('@tesseract.js-data/eng') as { langPath: string; gzip: boolean };

/** Strips are enlarged to this height for tesseract: its LSTM reads best with capitals around 30-40 px. */
const TESSERACT_LINE_HEIGHT = 64;
const MRZ_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';

/**
 * Whether the ink between columns `from` and `to` of a strip is OCR-B's `<`, a chevron: in its leftmost
 * columns only the point, around the middle (K, L and C have a stem or curve there; V, T, 7 ink the top, J
 * the bottom), and in its rightmost columns the two arms' ends, top and bottom, nothing in the middle (4 has a
 * stem there).
 */
export function isFillerGlyph(strip: MrzStrip, from: number, to: number): boolean {
  const { width, height } = strip.image;
  const inkAt = (x: number, y: number) => strip.ink[y * width + x] === 1;
  let left = Number.POSITIVE_INFINITY;
  let right = -1;
  let top = Number.POSITIVE_INFINITY;
  let bottom = -1;
  for (let y = 0; y < height; y += 1) {
    for (let x = Math.max(0, from); x < Math.min(width, to); x += 1) {
      if (!inkAt(x, y)) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  const glyphWidth = right - left + 1;
  const glyphHeight = bottom - top + 1;
  if (right < 0 || glyphWidth < 4 || glyphHeight < 6) return false;
  const edge = Math.max(1, Math.round(glyphWidth * 0.2));
  const rowsInked = (x0: number, x1: number) => {
    const rows: number[] = [];
    for (let y = top; y <= bottom; y += 1) {
      for (let x = x0; x <= x1; x += 1) {
        if (inkAt(x, y)) {
          rows.push((y - top) / glyphHeight);
          break;
        }
      }
    }
    return rows;
  };
  const leftRows = rowsInked(left, left + edge - 1);
  const rightRows = rowsInked(right - edge + 1, right);
  const first = leftRows[0];
  const last = leftRows[leftRows.length - 1];
  if (first === undefined || last === undefined) return false;
  const pointInMiddle = last - first <= 0.45 && (first + last) / 2 > 0.3 && (first + last) / 2 < 0.7;
  const armsOnly =
    rightRows.some((row) => row < 0.25) &&
    rightRows.some((row) => row > 0.75) &&
    !rightRows.some((row) => row > 0.4 && row < 0.6);
  return pointInMiddle && armsOnly;
}

/** The cells of a strip that hold a `<`, by shape (none when the cells could not be located). */
function fillerCells(strip: MrzStrip): Set<number> {
  const fillers = new Set<number>();
  const cells = strip.cells ?? [];
  for (let cell = 0; cell < cells.length - 1; cell += 1) {
    if (isFillerGlyph(strip, cells[cell] ?? 0, cells[cell + 1] ?? 0)) fillers.add(cell);
  }
  return fillers;
}

/**
 * The strip with its fillers painted over with paper: tesseract then reads only the letters and digits, in
 * words, and its character boxes stay true (a run of `<` otherwise comes back as K, L and C in loose boxes).
 */
function withoutFillers(strip: MrzStrip, fillers: Set<number>): MrzStrip['image'] {
  const { width, height } = strip.image;
  const data = new Uint8Array(strip.image.data);
  const cells = strip.cells ?? [];
  const paper = medianGrey(strip.image);
  for (const cell of fillers) {
    for (let y = 0; y < height; y += 1) {
      for (let x = cells[cell] ?? 0; x < (cells[cell + 1] ?? 0); x += 1) data[y * width + x] = paper;
    }
  }
  return { data, width, height };
}

interface SymbolRead {
  text: string;
  confidence: number;
  /** Centre and extent in strip pixels. */
  centre: number;
  from: number;
  to: number;
}

export class TesseractRecogniser {
  private worker: Promise<Worker> | undefined;

  /** Starts the worker once (about half a second); every later call reuses it. */
  private start(): Promise<Worker> {
    this.worker ??= (async () => {
      const worker = await createWorker('eng', OEM.LSTM_ONLY, {
        langPath: eng.langPath,
        gzip: eng.gzip,
        cacheMethod: 'none',
      });
      await worker.setParameters({
        tessedit_char_whitelist: MRZ_ALPHABET,
        tessedit_pageseg_mode: PSM.SINGLE_LINE,
        user_defined_dpi: '300',
      });
      return worker;
    })();
    // A worker that failed to start is started afresh next time.
    this.worker.catch(() => {
      this.worker = undefined;
    });
    return this.worker;
  }

  /**
   * Reads one MRZ strip. Where the strip's 44 cells are known, each cell takes the character tesseract put in
   * it, and a chevron-shaped cell is a `<` whatever tesseract said; otherwise the characters are read in order
   * and only a K, L or C that is a chevron becomes `<`.
   */
  async recognise(strip: MrzStrip): Promise<Recognised> {
    const worker = await this.start();
    const scale = TESSERACT_LINE_HEIGHT / strip.image.height;
    const fillers = fillerCells(strip);
    const enlarged = await prepareStrip(withoutFillers(strip, fillers), TESSERACT_LINE_HEIGHT);
    const { data } = await worker.recognize(await toPng(enlarged), {}, { text: true, blocks: true });
    const symbols: SymbolRead[] = [];
    for (const block of data.blocks ?? []) {
      for (const paragraph of block.paragraphs) {
        for (const line of paragraph.lines) {
          for (const word of line.words) {
            for (const symbol of word.symbols) {
              const from = symbol.bbox.x0 / scale;
              const to = symbol.bbox.x1 / scale;
              symbols.push({
                text: symbol.text,
                confidence: symbol.confidence / 100,
                centre: (from + to) / 2,
                from,
                to,
              });
            }
          }
        }
      }
    }
    const confidence =
      symbols.length > 0 ? symbols.reduce((sum, symbol) => sum + symbol.confidence, 0) / symbols.length : 0;
    const cells = strip.cells;
    if (!cells) {
      const text = symbols
        .map((symbol) =>
          'KLC'.includes(symbol.text) && isFillerGlyph(strip, Math.floor(symbol.from), Math.ceil(symbol.to))
            ? '<'
            : symbol.text,
        )
        .join('');
      return { text, confidence };
    }
    let text = '';
    for (let cell = 0; cell < cells.length - 1; cell += 1) {
      const from = cells[cell] ?? 0;
      const to = cells[cell + 1] ?? from;
      if (fillers.has(cell)) {
        text += '<';
        continue;
      }
      const inCell = symbols
        .filter((symbol) => symbol.centre >= from && symbol.centre < to)
        .sort((a, b) => b.confidence - a.confidence)[0];
      // A cell tesseract skipped: a character outside the MRZ alphabet, which the repair counts and fills.
      text += inCell?.text ?? '?';
    }
    return { text, confidence };
  }

  /** Terminates the worker (otherwise Jest and the local runtime cannot exit). It restarts if used again. */
  async close(): Promise<void> {
    const starting = this.worker;
    this.worker = undefined;
    const worker = await starting?.catch(() => undefined);
    await worker?.terminate();
  }
}
