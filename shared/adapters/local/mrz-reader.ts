import {
  MRZ_NOT_FOUND,
  MRZ_SMEARED,
  MRZ_UNREADABLE,
  normaliseMrzLine,
  readTd3,
  voteLine2,
} from '../../domain/mrz.js';
import type { DocumentReading, MrzReading, TextReader } from '../../ports.js';
import { LocalDocumentReader } from './document-reader.js';
import {
  findMrzBand,
  type MrzBand,
  type MrzStrip,
  pageLooksSmeared,
  prepareStrip,
  type StripTreatment,
} from './mrz-band.js';
import { PADDLE_INPUT_HEIGHT, PaddleRecogniser, type Recognised } from './paddle-recogniser.js';
import { TesseractRecogniser } from './tesseract-recogniser.js';

/**
 * The local TextReader (DESIGN.md §3 and §5), chosen by measurement (`npm run bench:ocr`): find the MRZ band,
 * cut a deskewed strip per line, read each with PaddleOCR's PP-OCRv4 recognition model on onnxruntime-node,
 * repair and parse with the domain's check digits. While the check digits fail, the strips are read again:
 * by tesseract.js (the fallback), then by Paddle with other treatments (contrast stretched, narrower, wider).
 * Every line read joins one pool, so the reading chosen may pair one engine's line 1 with another's line 2.
 * Other documents (payslips, statements, bills, licences) are read whole by {@link LocalDocumentReader}.
 * Models load on first use and stay loaded; `close()` releases them so a process (Jest, `npm start`) can exit.
 */

export type LocalEngine = 'paddle' | 'tesseract';

export const ENGINE_NAMES: Record<LocalEngine, string> = {
  paddle: 'paddleocr-ppocrv4',
  tesseract: 'tesseract.js',
};

export interface LocalMrzReaderOptions {
  /** Today, to place the MRZ's two-digit years; the system clock unless a test moves time. */
  now?: () => Date;
  /** The engines to use (default both: Paddle first, tesseract.js when Paddle's check digits fail). */
  engines?: readonly LocalEngine[];
  /** ONNX Runtime's threads for Paddle (default: one per core). */
  threads?: number;
}

/** One reading of both strips: an engine, and for Paddle how the strips are prepared. */
type Pass = { engine: 'paddle'; treatment: StripTreatment } | { engine: 'tesseract' };

/**
 * The order strips are read in until the check digits hold with confidence: Paddle on the plain strip,
 * tesseract.js, then Paddle on a contrast-stretched strip. Measured on the fixtures (`npm run bench:ocr`):
 * tesseract rescued the blurred scan Paddle could not read; the contrast-stretched pass rescued nothing
 * tesseract had not, but costs only when both failed; strips stretched 0.8× rescued nothing, and stretched
 * 1.3× rescued one blurred scan but misread a name on a clean one, so neither is used.
 */
const PASSES: readonly Pass[] = [
  { engine: 'paddle', treatment: { stretch: 1, normalise: false } },
  { engine: 'tesseract' },
  { engine: 'paddle', treatment: { stretch: 1, normalise: true } },
];

/** A reading this confident, with its check digits holding, ends the passes; a less confident one reads on. */
const SURE_ENOUGH = 0.8;

/**
 * How much a reading's confidence is lowered when the other engine read its line 1 (the names) otherwise.
 * Line 1 has no check digit, so a misread name passes every check (8 of the held-out set's 288 fields did);
 * two engines that fail differently seldom agree on a wrong name. The reading chosen stays the same (reading
 * on when they disagree picked a worse line 1 as often as a better one on the held-out photos); the
 * confidence recorded with its fields, which an officer sees, says it is less sure.
 */
const LINE_1_DISPUTED = 0.7;

interface LineRead extends Recognised {
  engine: LocalEngine;
  /** A line 2 voted field by field from every reading of it so far ({@link voteLine2}), not read as such. */
  voted?: boolean;
}

export class LocalMrzReader implements TextReader {
  private readonly paddle: PaddleRecogniser;
  private readonly tesseract = new TesseractRecogniser();
  private readonly documents = new LocalDocumentReader();
  private readonly now: () => Date;
  private readonly engines: readonly LocalEngine[];

  constructor(options: LocalMrzReaderOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.engines = options.engines ?? ['paddle', 'tesseract'];
    this.paddle = new PaddleRecogniser(options.threads === undefined ? {} : { threads: options.threads });
  }

  async readPassportMrz(image: Uint8Array): Promise<MrzReading> {
    return this.read(image, this.engines);
  }

  readDocument(input: Parameters<TextReader['readDocument']>[0]): Promise<DocumentReading> {
    return this.documents.readDocument(input);
  }

  /** One engine alone, for the bench's side-by-side comparison. */
  async readWith(engine: LocalEngine, image: Uint8Array): Promise<MrzReading> {
    return this.read(image, [engine]);
  }

  /**
   * Finds the band upright, or else turned a quarter (a portrait phone photo without EXIF), then reads it the
   * way up the band's place on the page suggests (the MRZ is at the bottom: with more ink below the band than
   * above, the page is upside down and is read turned half round).
   */
  private async read(image: Uint8Array, engines: readonly LocalEngine[]): Promise<MrzReading> {
    const engine = ENGINE_NAMES[engines[0] ?? 'paddle'];
    const fail = (reason: string): MrzReading => ({ ok: false, reason, engine });
    if (Buffer.from(image.subarray(0, 5)).toString('latin1') === '%PDF-')
      return fail('A PDF cannot be read here: upload a photo or scan of the photo page as a JPEG or PNG.');
    let band: MrzBand | undefined;
    try {
      band = await this.orientedBand(image);
    } catch (error) {
      // libvips' refusals (not an image, a truncated or corrupt one) are the applicant's file, not a fault.
      if (error instanceof Error && /unsupported image format|^Vips|corrupt|premature/i.test(error.message))
        return fail('The file is not a JPEG or PNG image that can be opened, or it arrived incomplete.');
      throw error;
    }
    // A smeared photo needs a steadier hand, not another framing or more light: the applicant is told so.
    if (!band) return fail((await pageLooksSmeared(image)) ? MRZ_SMEARED : MRZ_NOT_FOUND);
    // What did not read (a sex of "8") helps nobody retake a photo: the applicant gets the plain advice.
    const best = await this.readBand(band, engines);
    if (!best.ok) return fail(band.smeared ? MRZ_SMEARED : MRZ_UNREADABLE);
    return band.smeared ? { ...best, smeared: true } : best;
  }

  private async orientedBand(image: Uint8Array): Promise<MrzBand | undefined> {
    for (const [way, otherWay] of [
      [0, 180],
      [90, 270],
    ] as const) {
      const band = await findMrzBand(image, way);
      if (!band) continue;
      return band.upsideDown ? ((await findMrzBand(image, otherWay)) ?? band) : band;
    }
    return undefined;
  }

  /**
   * Reads the band step by step ({@link readingSteps}), pooling every line read, until a pairing's check digits
   * hold with enough confidence (many repairs lower it) or the steps run out. Line 1 has no check digit, so
   * among pairings that hold equally, the line 1 most passes agree on wins, then confidence; and a reading whose
   * check digits hold, returned after one engine's passes only, has its line 1 read by the other engine too
   * (about 100 ms), its confidence lowered if they disagree ({@link LINE_1_DISPUTED}).
   */
  private async readBand(band: MrzBand, engines: readonly LocalEngine[]): Promise<MrzReading> {
    const firstLines: LineRead[] = [];
    const secondLines: LineRead[] = [];
    let best: { reading: MrzReading; rank: number[]; first: LineRead; second: LineRead } | undefined;
    const passes = PASSES.filter((each) => engines.includes(each.engine));
    const skipped = (step: ReadingStep) => {
      const holding = best?.reading.ok && best.reading.checkDigitsValid ? best.reading : undefined;
      return step.skipOnce === 'holding'
        ? Boolean(holding)
        : step.skipOnce === 'settled' && Boolean(holding?.fields.sex);
    };
    // The strip each line 1 was read from, so the other engine can read the same one.
    const firstStrips = new Map<LineRead, MrzStrip>();
    // A reading whose check digits hold has its line 1 read by the engine that did not read its names, once.
    const accept = async (chosen: NonNullable<typeof best>) => {
      const other = engines.find((each) => each !== chosen.first.engine);
      const otherPass = passes.find((each) => each.engine === other);
      const strip = firstStrips.get(chosen.first);
      const holds = chosen.reading.ok && chosen.reading.checkDigitsValid;
      if (holds && otherPass && strip && !firstLines.some((line) => line.engine === other))
        firstLines.push(await this.readStrip(strip, otherPass));
      return this.doubted(chosen, firstLines);
    };
    const reads = async function* () {
      for (const step of readingSteps(band, passes)) {
        if (skipped(step)) continue;
        const strips = await step.strips();
        if (strips) for (const pass of step.passes) yield { strips, pass };
      }
    };
    for await (const { strips, pass } of reads()) {
      const [one, two] = await Promise.all(strips.map((strip) => this.readStrip(strip, pass)));
      if (!one || !two) continue;
      firstLines.push(one);
      firstStrips.set(one, strips[0]);
      secondLines.push(two);
      const voted = voteLine2(secondLines.map((line) => line.text));
      const seconds: LineRead[] = voted
        ? [
            ...secondLines,
            { text: voted, confidence: meanConfidence(secondLines), engine: two.engine, voted: true },
          ]
        : secondLines;
      for (const first of firstLines) {
        const votes = firstLines.filter(
          (other) => normaliseMrzLine(other.text) === normaliseMrzLine(first.text),
        ).length;
        for (const second of seconds) {
          const engine = second.voted
            ? `${ENGINE_NAMES[first.engine]}+line 2 voted`
            : first.engine === second.engine
              ? ENGINE_NAMES[first.engine]
              : `${ENGINE_NAMES[first.engine]}+${ENGINE_NAMES[second.engine]}`;
          const reading = readTd3([first.text, second.text], {
            engine,
            today: this.now(),
            engineConfidence: (first.confidence + second.confidence) / 2,
          });
          // Among readings whose line 1 as many passes agree on, one with the sex made out beats one without it
          // (readTd3 lets a reading stand without it).
          const rank = reading.ok
            ? [1, reading.checkDigitsValid ? 1 : 0, votes, reading.fields.sex ? 1 : 0, reading.confidence]
            : [0, 0, votes, 0, 0];
          if (!best || isAhead(rank, best.rank)) best = { reading, rank, first, second };
        }
      }
      if (best?.reading.ok && best.reading.checkDigitsValid && best.reading.confidence >= SURE_ENOUGH)
        return accept(best);
    }
    return best
      ? accept(best)
      : { ok: false, reason: MRZ_NOT_FOUND, engine: ENGINE_NAMES[engines[0] ?? 'paddle'] };
  }

  /** The reading chosen, its confidence lowered when the other engine read its line 1 only otherwise. */
  private doubted(
    best: { reading: MrzReading; first: LineRead; second: LineRead },
    firstLines: readonly LineRead[],
  ): MrzReading {
    const { reading } = best;
    return reading.ok && disputed(best, firstLines, this.now())
      ? { ...reading, confidence: Math.round(reading.confidence * LINE_1_DISPUTED * 1000) / 1000 }
      : reading;
  }

  private async readStrip(strip: MrzStrip, pass: Pass): Promise<LineRead> {
    if (pass.engine === 'tesseract')
      return { ...(await this.tesseract.recognise(strip)), engine: 'tesseract' };
    const prepared = await prepareStrip(strip.image, PADDLE_INPUT_HEIGHT, pass.treatment);
    return { ...(await this.paddle.recognise(prepared)), engine: 'paddle' };
  }

  /** Releases the ONNX Runtime session and terminates the tesseract workers; all restart if used again. */
  async close(): Promise<void> {
    await Promise.all([this.paddle.close(), this.tesseract.close(), this.documents.close()]);
  }
}

type Strips = [MrzStrip, MrzStrip] | undefined;

/** Strips to read and the passes to read them with. */
interface ReadingStep {
  strips: () => Promise<Strips>;
  passes: readonly Pass[];
  /**
   * When the step is skipped: `settled`, once a reading's check digits hold with the sex made out; `holding`,
   * once a reading's check digits hold, sex or not. Never, when absent.
   */
  skipOnce?: 'settled' | 'holding';
}

/**
 * The order a band is read in. The strips as cut, with every pass; the levelled strips (a band drawn in
 * perspective, mapped back square) only after them, since on a band drawn nearly square they read worse as
 * often as better; then the unsmeared strips (a shaking hand's smear estimated and taken out), the likeliest
 * estimate, then the second, each only while no reading has settled (one whose check digits hold with the sex
 * made out): they cost a few hundred milliseconds each, and a wrong estimate leaves ghosts. A third estimate
 * read no more fields on either held-out seed and cost up to 1.3 s on pages that read nothing.
 *
 * A band whose gradients show a smear ({@link MrzBand.smeared}) is read in another order: the first pass
 * (Paddle's plain one, when Paddle is used) on the strips as cut, since a slight smear often reads; then, each
 * only while no reading's check digits hold, the likeliest unsmeared strips, the other passes on the strips as
 * cut, the second estimate and the levelled strips. The sex is not waited for: it has no check digit, and
 * reading on for it found it on no smeared page of either held-out seed or the fixtures. Measured with `npm run bench:ocr` on both held-out seeds: two more
 * fields on each, no more wrong ones passing every check digit, and fewer pages over 1.5 s, since the
 * unsmeared strips, which read most smeared pages, come before the passes on the smeared ones that seldom do;
 * the shaken fixture in about half the time.
 */
function readingSteps(band: MrzBand, passes: readonly Pass[]): ReadingStep[] {
  const asCut = async () => band.strips;
  const levelled = async () => band.levelled;
  const likeliest = () => band.unsmeared(0);
  const second = () => band.unsmeared(1);
  if (!band.smeared)
    return [
      { strips: asCut, passes },
      { strips: levelled, passes },
      { strips: likeliest, passes, skipOnce: 'settled' },
      { strips: second, passes, skipOnce: 'settled' },
    ];
  const [first, ...rest] = passes;
  return [
    { strips: asCut, passes: first ? [first] : [] },
    { strips: likeliest, passes, skipOnce: 'holding' },
    { strips: asCut, passes: rest, skipOnce: 'holding' },
    { strips: second, passes, skipOnce: 'holding' },
    { strips: levelled, passes, skipOnce: 'holding' },
  ];
}

/**
 * Whether the other engine read the chosen reading's line 1 (as repaired) otherwise ({@link lineOneDisputed}).
 * A filler, or a character the engine could not make out (repaired to a filler), says nothing about a name's
 * letters, so it is not counted.
 */
function disputed(
  best: { reading: MrzReading; first: LineRead; second: LineRead },
  firstLines: readonly LineRead[],
  today: Date,
): boolean {
  if (!best.reading.ok) return false;
  const chosen = best.reading.lines[0];
  const others = firstLines
    .filter((line) => line.engine !== best.first.engine)
    .map((line) => readTd3([line.text, best.second.text], { engine: '', today }))
    .flatMap((reading) => (reading.ok ? [reading.lines[0]] : []));
  return lineOneDisputed(chosen, others);
}

/**
 * Whether a line 1 is disputed by the other engine's readings of it (each repaired to 44 characters): one at
 * least, and every one has another letter where the chosen line has a letter.
 */
export function lineOneDisputed(chosen: string, others: readonly string[]): boolean {
  const differs = (other: string) =>
    [...chosen].some((char, i) => char !== '<' && other[i] !== '<' && other[i] !== char);
  return others.length > 0 && others.every(differs);
}

/** The mean of lines' confidences: a voted line is as sure as the readings it was voted from. */
function meanConfidence(lines: readonly LineRead[]): number {
  return lines.reduce((sum, line) => sum + line.confidence, 0) / Math.max(1, lines.length);
}

/** Whether one ranking is ahead of another, comparing element by element. */
function isAhead(rank: number[], other: number[]): boolean {
  for (let i = 0; i < rank.length; i += 1) {
    const a = rank[i] ?? 0;
    const b = other[i] ?? 0;
    if (a !== b) return a > b;
  }
  return false;
}
