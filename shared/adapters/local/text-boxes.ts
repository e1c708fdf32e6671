import type { OcrWord } from '../../domain/document-reading.js';
import type { GreyImage } from './mrz-band.js';

/**
 * The pure half of PaddleOCR's text detection (DB, "Differentiable Binarization"): from the probability map
 * the detection model gives (one value per pixel, the chance that it lies inside a line of text) to turned
 * rectangles around the lines, in reading order, and each rectangle cut out of the page level and scaled to
 * the recogniser's height; then the characters read from a box joined into words. No I/O;
 * paddle-page-reader.ts runs the models.
 *
 * Each connected region of the thresholded map is one box. Its direction is the principal axis of its pixels
 * (a phone photo turns the page a few degrees, and an upright rectangle round a turned line takes in the lines
 * above and below). DB's map marks a shrunk core of each line, so the box is widened as PaddleOCR's
 * `unclip` does: by area × ratio / perimeter on every side.
 */

export interface ProbabilityMap {
  data: Float32Array;
  width: number;
  height: number;
}

/** A turned rectangle: its centre, its half-lengths along and across the text, its direction (radians). */
export interface TextBox {
  cx: number;
  cy: number;
  halfWidth: number;
  halfHeight: number;
  angle: number;
  /** The mean probability inside the region, from 0 to 1. */
  score: number;
}

export interface BoxOptions {
  /** A pixel is text at or above this probability (PaddleOCR's `det_db_thresh`). */
  threshold?: number;
  /** A region whose mean probability is below this is dropped (`det_db_box_thresh`). */
  boxThreshold?: number;
  /** How far a region is widened (`det_db_unclip_ratio`). */
  unclipRatio?: number;
  /** Regions with a side shorter than this, in map pixels, are specks. */
  minSide?: number;
}

/** PaddleOCR's defaults for PP-OCRv4 detection. */
const DEFAULTS: Required<BoxOptions> = { threshold: 0.3, boxThreshold: 0.6, unclipRatio: 1.5, minSide: 3 };

/** The text boxes on a probability map, in map coordinates, in no particular order. */
export function findTextBoxes(map: ProbabilityMap, options: BoxOptions = {}): TextBox[] {
  const { threshold, boxThreshold, unclipRatio, minSide } = { ...DEFAULTS, ...options };
  const { data, width, height } = map;
  const label = new Int32Array(width * height).fill(-1);
  const stack: number[] = [];
  const boxes: TextBox[] = [];
  let region = 0;
  for (let start = 0; start < width * height; start += 1) {
    if (label[start] !== -1 || (data[start] ?? 0) < threshold) continue;
    // Flood fill one region (8-connected), gathering the sums its principal axis needs.
    label[start] = region;
    stack.push(start);
    let count = 0;
    let sum = 0;
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let syy = 0;
    let sxy = 0;
    const pixels: number[] = [];
    while (stack.length > 0) {
      const index = stack.pop() ?? 0;
      const x = index % width;
      const y = (index - x) / width;
      count += 1;
      sum += data[index] ?? 0;
      sx += x;
      sy += y;
      sxx += x * x;
      syy += y * y;
      sxy += x * y;
      pixels.push(index);
      for (let dy = -1; dy <= 1; dy += 1) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx += 1) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const next = ny * width + nx;
          if (label[next] === -1 && (data[next] ?? 0) >= threshold) {
            label[next] = region;
            stack.push(next);
          }
        }
      }
    }
    region += 1;
    const score = sum / count;
    if (score < boxThreshold) continue;
    const mx = sx / count;
    const my = sy / count;
    const cxx = sxx / count - mx * mx;
    const cyy = syy / count - my * my;
    const cxy = sxy / count - mx * my;
    let angle = 0.5 * Math.atan2(2 * cxy, cxx - cyy);
    // Text runs across the page: a region's long axis nearer vertical is a short word or a digit, not a
    // turned page, and its own direction is noise.
    if (Math.abs(angle) > Math.PI / 4) angle = 0;
    const ux = Math.cos(angle);
    const uy = Math.sin(angle);
    let minU = Number.POSITIVE_INFINITY;
    let maxU = Number.NEGATIVE_INFINITY;
    let minV = Number.POSITIVE_INFINITY;
    let maxV = Number.NEGATIVE_INFINITY;
    for (const index of pixels) {
      const x = (index % width) - mx;
      const y = Math.floor(index / width) - my;
      const u = x * ux + y * uy;
      const v = -x * uy + y * ux;
      minU = Math.min(minU, u);
      maxU = Math.max(maxU, u);
      minV = Math.min(minV, v);
      maxV = Math.max(maxV, v);
    }
    // A pixel is a unit square: its extent reaches half a pixel past its centre on each side.
    const long = maxU - minU + 1;
    const short = maxV - minV + 1;
    if (Math.min(long, short) < minSide) continue;
    const grow = (long * short * unclipRatio) / (2 * (long + short));
    const centreU = (minU + maxU) / 2;
    const centreV = (minV + maxV) / 2;
    boxes.push({
      cx: mx + centreU * ux - centreV * uy,
      cy: my + centreU * uy + centreV * ux,
      halfWidth: long / 2 + grow,
      halfHeight: short / 2 + grow,
      angle,
      score,
    });
  }
  return boxes;
}

/** A box's coordinates multiplied by `sx` across and `sy` down (from the map's size to the page's). */
export function scaleBox(box: TextBox, sx: number, sy: number): TextBox {
  const ux = Math.cos(box.angle) * sx;
  const uy = Math.sin(box.angle) * sy;
  const vx = -Math.sin(box.angle) * sx;
  const vy = Math.cos(box.angle) * sy;
  return {
    cx: box.cx * sx,
    cy: box.cy * sy,
    halfWidth: box.halfWidth * Math.hypot(ux, uy),
    halfHeight: box.halfHeight * Math.hypot(vx, vy),
    angle: Math.atan2(uy, ux),
    score: box.score,
  };
}

/**
 * Boxes grouped into lines and put in reading order: lines top to bottom, boxes left to right in each. The
 * page's turn (the median direction of its wide boxes) is taken out first, so a turned page's lines do not
 * slope into one another. Two boxes are on one line when their middles are closer, up and down, than half the
 * lower of the two (a label and its value printed apart on a payslip are two boxes, one line).
 */
export function readingOrder(boxes: readonly TextBox[]): TextBox[][] {
  const wide = boxes.filter((box) => box.halfWidth > 2 * box.halfHeight).map((box) => box.angle);
  const turn = median(wide.length > 0 ? wide : boxes.map((box) => box.angle));
  const cos = Math.cos(-turn);
  const sin = Math.sin(-turn);
  const placed = boxes
    .map((box) => ({ box, x: box.cx * cos - box.cy * sin, y: box.cx * sin + box.cy * cos }))
    .sort((a, b) => a.y - b.y);
  const lines: Array<{ y: number; halfHeight: number; members: typeof placed }> = [];
  for (const item of placed) {
    const line = lines.find(
      (candidate) =>
        Math.abs(candidate.y - item.y) < Math.min(candidate.halfHeight, item.box.halfHeight) * 1.0,
    );
    if (line) {
      line.members.push(item);
      line.y = line.members.reduce((sum, member) => sum + member.y, 0) / line.members.length;
    } else lines.push({ y: item.y, halfHeight: item.box.halfHeight, members: [item] });
  }
  return lines
    .sort((a, b) => a.y - b.y)
    .map((line) => line.members.sort((a, b) => a.x - b.x).map((member) => member.box));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * The box cut out of a grey page, turned level and scaled to `height` px high (the recogniser's input),
 * sampled bilinearly; outside the page is white.
 */
export function cropBox(page: GreyImage, box: TextBox, height: number): GreyImage {
  const scale = height / (2 * box.halfHeight);
  const width = Math.max(1, Math.round(2 * box.halfWidth * scale));
  const data = new Uint8Array(width * height);
  const ux = Math.cos(box.angle) / scale;
  const uy = Math.sin(box.angle) / scale;
  const left = box.cx - box.halfWidth * Math.cos(box.angle) + box.halfHeight * Math.sin(box.angle);
  const top = box.cy - box.halfWidth * Math.sin(box.angle) - box.halfHeight * Math.cos(box.angle);
  const at = (x: number, y: number) =>
    x < 0 || y < 0 || x >= page.width || y >= page.height ? 255 : (page.data[y * page.width + x] ?? 255);
  for (let row = 0; row < height; row += 1) {
    for (let column = 0; column < width; column += 1) {
      const u = column + 0.5;
      const v = row + 0.5;
      const x = left + u * ux - v * uy - 0.5;
      const y = top + u * uy + v * ux - 0.5;
      const x0 = Math.floor(x);
      const y0 = Math.floor(y);
      const fx = x - x0;
      const fy = y - y0;
      const value =
        at(x0, y0) * (1 - fx) * (1 - fy) +
        at(x0 + 1, y0) * fx * (1 - fy) +
        at(x0, y0 + 1) * (1 - fx) * fy +
        at(x0 + 1, y0 + 1) * fx * fy;
      data[row * width + column] = Math.round(value);
    }
  }
  return { data, width, height };
}

/**
 * A run of blank columns at least this share of the crop's height wide, between two characters, is a space:
 * the Chinese-trained model often runs Latin words together ("to31", "15September"). Measured on the
 * fixtures: 0.15 split spaced capitals ("F LAT"), 0.2 and 0.25 read the clean set alike, 0.25 the degraded
 * set slightly better.
 */
const SPACE_GAP = 0.25;

/**
 * A word is as sure as its least sure character. The mean let a single misread letter through ("Carditf" at
 * 0.90): on the degraded fixtures it left 11 wrong fields above the officer's threshold, the minimum 2.
 */
const wordConfidence = (probabilities: readonly number[]) => Math.min(...probabilities);

/**
 * The runs of columns with no ink, as [first, last] x, at least `least` px wide. Ink is darker than halfway
 * between the crop's dark and light ends (5th and 95th percentiles), so uneven light does not count as ink.
 */
export function blankRuns(crop: GreyImage, least: number): Array<[number, number]> {
  const sorted = [...crop.data].sort((a, b) => a - b);
  const dark = sorted[Math.floor(sorted.length * 0.05)] ?? 0;
  const light = sorted[Math.floor(sorted.length * 0.95)] ?? 255;
  const threshold = (dark + light) / 2;
  const runs: Array<[number, number]> = [];
  let start = -1;
  for (let x = 0; x <= crop.width; x += 1) {
    let ink = false;
    for (let y = 0; x < crop.width && y < crop.height && !ink; y += 1)
      ink = (crop.data[y * crop.width + x] ?? 255) < threshold;
    if (!ink && x < crop.width) {
      if (start < 0) start = x;
    } else if (start >= 0) {
      if (x - start >= least) runs.push([start, x - 1]);
      start = -1;
    }
  }
  return runs;
}

/**
 * A recognised line's characters joined into words: at the spaces the model read, and where a blank gap of
 * {@link SPACE_GAP} lies between two characters (each placed at its time step, `steps` of them spread evenly
 * across the crop). Full-width forms (：，（), the Chinese model's way of reading Latin punctuation, are folded.
 */
export function wordsOf(
  characters: ReadonlyArray<{ character: string; probability: number; step: number }>,
  steps: number,
  crop: GreyImage,
): OcrWord[] {
  const gaps = blankRuns(crop, SPACE_GAP * crop.height);
  const words: OcrWord[] = [];
  let text = '';
  let probabilities: number[] = [];
  let lastX = Number.NEGATIVE_INFINITY;
  const finish = () => {
    if (text.length > 0) words.push({ text, confidence: wordConfidence(probabilities) });
    text = '';
    probabilities = [];
  };
  for (const { character, probability, step } of characters) {
    const plain = character.normalize('NFKC');
    const x = ((step + 0.5) * crop.width) / Math.max(1, steps);
    if (gaps.some(([from, to]) => from > lastX && to < x)) finish();
    lastX = x;
    if (/^\s+$/.test(plain)) {
      finish();
      continue;
    }
    text += plain;
    probabilities.push(probability);
  }
  finish();
  return words;
}
