import sharp from 'sharp';

/**
 * Finding a passport's MRZ on a photo or scan of its data page (DESIGN.md §5: the pipeline matters more than
 * the engine): a greyscale working copy, a locally adaptive binarisation (phone photos are unevenly lit), the
 * page's skew from projection profiles, then the two text rows at the bottom that span the page and are
 * made of many characters. Each MRZ line is cut as its own strip, and its 44 character cells are located
 * (OCR-B in the MRZ is monospaced, ICAO 9303 Part 3), so a recogniser can read a line in short windows.
 */

export interface GreyImage {
  /** One byte per pixel, row by row. */
  data: Uint8Array;
  width: number;
  height: number;
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface MrzStrip {
  /** The line's pixels, deskewed, with a margin of paper around the characters. */
  image: GreyImage;
  /** The ink of `image`: 1 where a pixel is ink. */
  ink: Uint8Array;
  /** x of the 45 boundaries between and around the 44 character cells, when they could be located. */
  cells?: number[];
}

export interface MrzBand {
  strips: [MrzStrip, MrzStrip];
  /** The skew corrected, in degrees. */
  skewDegrees: number;
  /**
   * More ink below the band than above it: the MRZ is at the bottom of a data page, so this page is most
   * likely upside down and the band found is the MRZ at the top.
   */
  upsideDown: boolean;
  /**
   * The strips again, cut from the band mapped back onto a rectangle when its lines converge or slope apart
   * (a phone held at an angle): a second chance for a reader, not a replacement, since on a band drawn nearly
   * square the resampling can cost as much as it gains (measured on the held-out photos).
   */
  levelled?: [MrzStrip, MrzStrip];
  /**
   * The strips cut again after the smear of a shaking hand is estimated and taken out ({@link unsmearedStrips}):
   * computed only when asked (it costs a few hundred milliseconds): early for a band that is {@link smeared},
   * as a last resort for one that is not. `rank` 1 (or more) takes
   * out the second (or a later) likeliest smear instead ({@link estimateSmears}): OCR-B's own pitch and strokes can
   * outweigh a smear's trace in the cepstrum; the band's gradients now pick the likeliest's direction
   * ({@link smearDirection}), and the runners-up are there for when they show none.
   */
  unsmeared: (rank?: number) => Promise<[MrzStrip, MrzStrip] | undefined>;
  /**
   * The band's gradients show a smear ({@link smearDirection}): the reader then tries the unsmeared strips
   * before its slower passes on the strips as cut.
   */
  smeared: boolean;
}

/** Pages are worked on at this width at most: enough for 44 characters across, and it keeps a 12 MP photo cheap. */
const WORKING_WIDTH = 1400;

/** Quarter turns a page may need: a phone held in portrait saves the pixels turned, often with no EXIF to say so. */
export type Orientation = 0 | 90 | 180 | 270;

/** A greyscale copy of an image, auto-oriented from its EXIF, turned, and scaled down to the working width. */
async function loadGrey(bytes: Uint8Array, orientation: Orientation = 0): Promise<GreyImage> {
  const { data, info } = await sharp(bytes)
    .autoOrient()
    .rotate(orientation)
    .resize({ width: WORKING_WIDTH, withoutEnlargement: true })
    .greyscale()
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return toGrey(data, info.width, info.height, info.channels);
}

/** sharp gives 1-channel raw input back as 3 channels unless told `b-w`; take the first either way. */
function toGrey(data: Buffer, width: number, height: number, channels: number): GreyImage {
  if (channels === 1)
    return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width, height };
  const grey = new Uint8Array(width * height);
  for (let i = 0; i < grey.length; i += 1) grey[i] = data[i * channels] ?? 0;
  return { data: grey, width, height };
}

function rawGrey(image: GreyImage): sharp.Sharp {
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: 1 } });
}

/** A lightly blurred copy: sensor noise and JPEG speckle would otherwise binarise as specks of ink. */
async function smoothGrey(image: GreyImage, sigma = 0.8): Promise<GreyImage> {
  const { data, info } = await rawGrey(image)
    .blur(sigma)
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return toGrey(data, info.width, info.height, info.channels);
}

/** The median grey level: the paper's, on a data page. */
export function medianGrey(image: GreyImage): number {
  const histogram = new Uint32Array(256);
  const { data } = image;
  for (let i = 0; i < data.length; i += 1) {
    const level = data[i] as number;
    histogram[level] = (histogram[level] as number) + 1;
  }
  let seen = 0;
  for (let level = 0; level < 256; level += 1) {
    seen += histogram[level] as number;
    if (seen * 2 >= data.length) return level;
  }
  return 255;
}

/**
 * Bradley's adaptive threshold: a pixel is ink when clearly darker than the mean of its neighbourhood, so a
 * dim corner of a phone photo binarises as well as a scan. The window is about a character wide. (The loops
 * avoid globals such as Math: under Jest's sandbox every global lookup is slow, and this runs per pixel.)
 */
function binarise(image: GreyImage, windowFraction = 1 / 40, darkness = 0.15, contrast = 12): Uint8Array {
  const { data, width, height } = image;
  const stride = width + 1;
  const integral = new Float64Array(stride * (height + 1));
  for (let y = 0; y < height; y += 1) {
    let rowSum = 0;
    for (let x = 0; x < width; x += 1) {
      rowSum += data[y * width + x] as number;
      integral[(y + 1) * stride + x + 1] = (integral[y * stride + x + 1] as number) + rowSum;
    }
  }
  const half = Math.max(7, Math.round((Math.max(width, height) * windowFraction) / 2));
  const columnFrom = new Int32Array(width);
  const columnTo = new Int32Array(width);
  for (let x = 0; x < width; x += 1) {
    columnFrom[x] = Math.max(0, x - half);
    columnTo[x] = Math.min(width, x + half + 1);
  }
  const keep = 1 - darkness;
  const ink = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    const y0 = Math.max(0, y - half);
    const y1 = Math.min(height, y + half + 1);
    const top = y0 * stride;
    const bottom = y1 * stride;
    for (let x = 0; x < width; x += 1) {
      const x0 = columnFrom[x] as number;
      const x1 = columnTo[x] as number;
      const sum =
        (integral[bottom + x1] as number) -
        (integral[top + x1] as number) -
        (integral[bottom + x0] as number) +
        (integral[top + x0] as number);
      const mean = sum / ((x1 - x0) * (y1 - y0));
      const value = data[y * width + x] as number;
      if (value < mean * keep && mean - value > contrast) ink[y * width + x] = 1;
    }
  }
  return ink;
}

/**
 * The page's skew in degrees (positive: text runs down to the right), from horizontal projection profiles:
 * sheared by the right angle, text rows stack into sharp peaks, so the sum of squared row counts is largest.
 */
export function estimateSkew(ink: Uint8Array, width: number, height: number, maxDegrees = 10): number {
  let count = 0;
  for (let i = 0; i < ink.length; i += 1) count += ink[i] as number;
  if (count === 0) return 0;
  // At most about 80,000 points: plenty for a profile, and the search below passes over them 40 times.
  const every = Math.max(1, Math.ceil(count / 80_000));
  const xs = new Float64Array(Math.ceil(count / every));
  const ys = new Float64Array(xs.length);
  let n = 0;
  let seen = 0;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if (!ink[y * width + x]) continue;
      if (seen % every === 0 && n < xs.length) {
        xs[n] = x;
        ys[n] = y;
        n += 1;
      }
      seen += 1;
    }
  }
  const score = (degrees: number) => {
    const slope = Math.tan((degrees * Math.PI) / 180);
    const offset = Math.ceil(Math.abs(slope) * width) + 1;
    const rows = new Float64Array(height + 2 * offset + 2);
    for (let i = 0; i < n; i += 1) {
      // Rounded by truncation after adding a half: the shear keeps every row index positive.
      const row = ((ys[i] as number) - (xs[i] as number) * slope + offset + 0.5) | 0;
      rows[row] = (rows[row] as number) + 1;
    }
    let sum = 0;
    for (let i = 0; i < rows.length; i += 1) sum += (rows[i] as number) * (rows[i] as number);
    return sum;
  };
  const search = (from: number, to: number, step: number) => {
    let best = from;
    let bestScore = -1;
    for (let degrees = from; degrees <= to + 1e-9; degrees += step) {
      const value = score(degrees);
      if (value > bestScore) {
        bestScore = value;
        best = degrees;
      }
    }
    return best;
  };
  const coarse = search(-maxDegrees, maxDegrees, 0.5);
  return Math.round(search(coarse - 0.5, coarse + 0.5, 0.05) * 100) / 100;
}

/** The image turned by `degrees` (clockwise positive, as sharp turns), the corners filled with paper. */
async function rotateGrey(image: GreyImage, degrees: number): Promise<GreyImage> {
  if (Math.abs(degrees) < 0.05) return image;
  const paper = medianGrey(image);
  const hex = paper.toString(16).padStart(2, '0');
  const { data, info } = await rawGrey(image)
    .rotate(degrees, { background: `#${hex}${hex}${hex}` })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return toGrey(data, info.width, info.height, info.channels);
}

interface RowSegment {
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Separate runs of inked columns: about one per character. */
  runs: number;
}

/**
 * The longest horizontal stretch of ink in each row, once gaps shorter than `gap` are bridged (run-length
 * smoothing): a line of text becomes one long stretch; noise and guilloche stay short.
 */
function longestRuns(ink: Uint8Array, width: number, height: number, gap: number) {
  const length = new Int32Array(height);
  const start = new Int32Array(height);
  for (let y = 0; y < height; y += 1) {
    let runStart = -1;
    let lastInk = -1;
    for (let x = 0; x <= width; x += 1) {
      const isInk = x < width && ink[y * width + x] === 1;
      if (isInk) {
        if (runStart < 0 || x - lastInk > gap) runStart = x;
        lastInk = x;
        if (lastInk - runStart + 1 > (length[y] ?? 0)) {
          length[y] = lastInk - runStart + 1;
          start[y] = runStart;
        }
      }
    }
  }
  return { length, start };
}

/** Runs of inked columns between `left` and `right` in rows `top`..`bottom`, and the share of columns inked. */
function columnRuns(ink: Uint8Array, width: number, segment: Omit<RowSegment, 'runs'>) {
  let runs = 0;
  let inked = 0;
  let previous = false;
  for (let x = segment.left; x <= segment.right; x += 1) {
    let has = false;
    for (let y = segment.top; y <= segment.bottom && !has; y += 1) has = ink[y * width + x] === 1;
    if (has) inked += 1;
    if (has && !previous) runs += 1;
    previous = has;
  }
  return { runs, fill: inked / Math.max(1, segment.right - segment.left + 1) };
}

/** The rows of text that run a good part of the width, top to bottom, each with its extent and character count. */
function textRows(ink: Uint8Array, width: number, height: number): RowSegment[] {
  const gap = Math.max(4, Math.round(width / 60));
  const { length, start } = longestRuns(ink, width, height, gap);
  const minimum = width * 0.2;
  const segments: RowSegment[] = [];
  let y = 0;
  while (y < height) {
    if ((length[y] ?? 0) < minimum) {
      y += 1;
      continue;
    }
    const top = y;
    let left = width;
    let right = 0;
    while (y < height && (length[y] ?? 0) >= minimum) {
      left = Math.min(left, start[y] ?? 0);
      right = Math.max(right, (start[y] ?? 0) + (length[y] ?? 0) - 1);
      y += 1;
    }
    const bottom = y - 1;
    if (bottom - top + 1 < 5) continue;
    const { runs, fill } = columnRuns(ink, width, { top, bottom, left, right });
    // A solid band (a page edge against a dark table) fills nearly every column; text leaves gaps.
    if (fill > 0.92) continue;
    segments.push({ top, bottom, left, right, runs });
  }
  return segments;
}

/**
 * Grows a row segment over what the long-run test cut off: up and down over the thin tops and tails of
 * characters, and sideways over sparse characters (a run of fillers touches the middle rows only at its tips).
 */
function grow(
  ink: Uint8Array,
  width: number,
  height: number,
  segment: RowSegment,
  limit: number,
): RowSegment {
  const inkIn = (y: number) => {
    let count = 0;
    for (let x = segment.left; x <= segment.right; x += 1) count += ink[y * width + x] ?? 0;
    return count;
  };
  const threshold = Math.max(3, (segment.right - segment.left) * 0.01);
  let { top, bottom } = segment;
  for (let step = 0; step < limit && top > 0 && inkIn(top - 1) >= threshold; step += 1) top -= 1;
  for (let step = 0; step < limit && bottom < height - 1 && inkIn(bottom + 1) >= threshold; step += 1)
    bottom += 1;
  const inkedColumn = (x: number) => {
    for (let y = top; y <= bottom; y += 1) if (ink[y * width + x]) return true;
    return false;
  };
  const reach = Math.round((bottom - top + 1) * 1.2);
  let { left, right } = segment;
  for (let x = right + 1; x < width && x - right <= reach; x += 1) if (inkedColumn(x)) right = x;
  for (let x = left - 1; x >= 0 && left - x <= reach; x -= 1) if (inkedColumn(x)) left = x;
  return { ...segment, top, bottom, left, right };
}

/**
 * The two MRZ lines: the lowest pair of text rows, one under the other, alike in height, both made of many
 * characters (44 each, fillers included), long for their height, and starting and ending together (both
 * lines fill the same 44-cell grid, ICAO 9303 Part 3), which no row of printed fields or page edge does.
 */
export function findMrzRows(ink: Uint8Array, width: number, height: number): [Box, Box] | undefined {
  const rows = textRows(ink, width, height)
    .filter((row) => row.runs >= 20)
    .map((row) => grow(ink, width, height, row, Math.round((row.bottom - row.top + 1) * 0.6)));
  for (let i = rows.length - 1; i > 0; i -= 1) {
    const lower = rows[i];
    const upper = rows[i - 1];
    if (!lower || !upper) continue;
    const upperHeight = upper.bottom - upper.top + 1;
    const lowerHeight = lower.bottom - lower.top + 1;
    const lineHeight = Math.max(upperHeight, lowerHeight);
    const ratio = lineHeight / Math.min(upperHeight, lowerHeight);
    const gap = lower.top - upper.bottom;
    const aligned =
      Math.abs(upper.left - lower.left) <= 1.5 * lineHeight &&
      Math.abs(upper.right - lower.right) <= 1.5 * lineHeight;
    const long = Math.min(upper.right - upper.left, lower.right - lower.left) >= 12 * lineHeight;
    if (ratio > 1.8 || gap < 0 || gap > 3 * lineHeight || !aligned || !long) continue;
    const box = (row: RowSegment): Box => ({
      left: row.left,
      top: row.top,
      width: row.right - row.left + 1,
      height: row.bottom - row.top + 1,
    });
    return [box(upper), box(lower)];
  }
  return undefined;
}

/** Copies a rectangle of a grey image, padding with `paper` where it runs off the edge. */
function crop(image: GreyImage, box: Box, paper: number): GreyImage {
  const data = new Uint8Array(box.width * box.height).fill(paper);
  for (let y = 0; y < box.height; y += 1) {
    const sourceY = box.top + y;
    if (sourceY < 0 || sourceY >= image.height) continue;
    for (let x = 0; x < box.width; x += 1) {
      const sourceX = box.left + x;
      if (sourceX < 0 || sourceX >= image.width) continue;
      data[y * box.width + x] = image.data[sourceY * image.width + sourceX] ?? paper;
    }
  }
  return { data, width: box.width, height: box.height };
}

/**
 * The 45 x positions bounding the 44 cells of a monospaced MRZ line: the pitch comes from the centres of the
 * first and last characters, then each boundary moves to the emptiest column nearby.
 */
export function locateCells(
  ink: Uint8Array,
  width: number,
  height: number,
  cells = 44,
): number[] | undefined {
  const columns = new Int32Array(width);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) columns[x] = (columns[x] ?? 0) + (ink[y * width + x] ?? 0);
  }
  const inked = (x: number) => (columns[x] ?? 0) >= 2;
  let left = 0;
  while (left < width && !inked(left)) left += 1;
  let right = width - 1;
  while (right > left && !inked(right)) right -= 1;
  if (right - left < cells * 3) return undefined;
  let firstEnd = left;
  while (firstEnd < right && inked(firstEnd + 1)) firstEnd += 1;
  let lastStart = right;
  while (lastStart > left && inked(lastStart - 1)) lastStart -= 1;
  const roughPitch = (right - left) / (cells - 0.4);
  const firstCentre = (left + Math.min(firstEnd, left + roughPitch * 0.9)) / 2;
  const lastCentre = (right + Math.max(lastStart, right - roughPitch * 0.9)) / 2;
  const pitch = (lastCentre - firstCentre) / (cells - 1);
  const boundaries: number[] = [];
  for (let i = 0; i <= cells; i += 1) {
    const expected = firstCentre + (i - 0.5) * pitch;
    const reach = Math.max(1, Math.round(pitch * 0.25));
    let best = Math.round(expected);
    let bestInk = Number.POSITIVE_INFINITY;
    for (let x = Math.round(expected) - reach; x <= Math.round(expected) + reach; x += 1) {
      const value = x >= 0 && x < width ? (columns[x] ?? 0) : 0;
      const distance = Math.abs(x - expected) / (reach + 1);
      if (value + distance < bestInk) {
        bestInk = value + distance;
        best = x;
      }
    }
    boundaries.push(Math.max(0, Math.min(width, best)));
  }
  return boundaries;
}

/** The 3 × 3 homography (row-major, last element 1) taking four points `from` to four points `to`. */
export function homography(
  from: ReadonlyArray<readonly [number, number]>,
  to: ReadonlyArray<readonly [number, number]>,
): number[] {
  const rows: number[][] = [];
  for (let k = 0; k < 4; k += 1) {
    const [x, y] = from[k] ?? [0, 0];
    const [u, v] = to[k] ?? [0, 0];
    rows.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    rows.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let col = 0; col < 8; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < 8; r += 1)
      if (Math.abs(rows[r]?.[col] ?? 0) > Math.abs(rows[pivot]?.[col] ?? 0)) pivot = r;
    const head = rows[pivot] as number[];
    rows[pivot] = rows[col] as number[];
    rows[col] = head;
    for (let r = 0; r < 8; r += 1) {
      const row = rows[r] as number[];
      if (r === col) continue;
      const factor = (row[col] ?? 0) / (head[col] || 1);
      for (let c = col; c < 9; c += 1) row[c] = (row[c] ?? 0) - factor * (head[c] ?? 0);
    }
  }
  return [...rows.map((row, r) => (row[8] ?? 0) / (row[r] || 1)), 1];
}

/** Where a line of the MRZ starts and ends: the first and last inked columns, and the ink's middle height at each end. */
function lineEnds(
  ink: Uint8Array,
  width: number,
  row: Box,
  gap: number,
): [[number, number], [number, number]] | undefined {
  const inked = (x: number) => {
    let count = 0;
    for (let y = row.top; y < row.top + row.height; y += 1) count += ink[y * width + x] ?? 0;
    return count >= 2;
  };
  // Out from the middle of the line to the first gap wider than a character or two: a page edge or a speck
  // beyond the line's end is not part of it.
  const middle0 = Math.round(row.left + row.width / 2);
  let right = middle0;
  for (let x = middle0; x < row.left + row.width && x - right <= gap; x += 1) if (inked(x)) right = x;
  let left = middle0;
  for (let x = middle0; x >= row.left && left - x <= gap; x -= 1) if (inked(x)) left = x;
  const reach = row.height * 3;
  if (right - left < 4 * reach) return undefined;
  const middle = (from: number, to: number) => {
    let sum = 0;
    let count = 0;
    for (let y = row.top; y < row.top + row.height; y += 1)
      for (let x = from; x <= to; x += 1)
        if (ink[y * width + x]) {
          sum += y;
          count += 1;
        }
    return count > 0 ? sum / count : row.top + row.height / 2;
  };
  return [
    [left, middle(left, left + reach)],
    [right, middle(right - reach, right)],
  ];
}

/**
 * A phone held at an angle draws the MRZ in perspective: its two lines converge, and the characters shrink
 * towards the far end, so a strip cut level reads fillers miscounted and cells out of step. Both lines fill the
 * same 44-cell grid (ICAO 9303 Part 3), so the four ends of the lines are the corners of a rectangle on the
 * page: the band is mapped back onto that rectangle (a homography) and the rows are found again in it.
 * Undefined when the lines are already level, parallel and as long as each other, or when the rows are not
 * found again (then only the strips as first cut are read).
 */
async function rectified(
  straight: GreyImage,
  ink: Uint8Array,
  rows: [Box, Box],
): Promise<{ straight: GreyImage; ink: Uint8Array; rows: [Box, Box] } | undefined> {
  const gap = Math.round(1.2 * Math.min(rows[0].height, rows[1].height));
  const upper = lineEnds(ink, straight.width, rows[0], gap);
  const lower = lineEnds(ink, straight.width, rows[1], gap);
  if (!upper || !lower) return undefined;
  const [[l1x, l1y], [r1x, r1y]] = upper;
  const [[l2x, l2y], [r2x, r2y]] = lower;
  const length = Math.max(r1x - l1x, r2x - l2x);
  const slope1 = (r1y - l1y) / (r1x - l1x);
  const slope2 = (r2y - l2y) / (r2x - l2x);
  const lengths = Math.abs(r1x - l1x - (r2x - l2x)) / length;
  // Within half a pixel per 100 and 1% in length, the band is level enough as it is.
  if (Math.abs(slope1 - slope2) < 0.005 && Math.abs(slope1) < 0.005 && lengths < 0.01) return undefined;
  const spacing = (l2y - l1y + (r2y - r1y)) / 2;
  const lineHeight = Math.max(rows[0].height, rows[1].height);
  const margin = 2 * lineHeight;
  const width = Math.round(length + 2 * margin);
  const height = Math.round(spacing + 2 * margin);
  const toPage = homography(
    [
      [margin, margin],
      [margin + length, margin],
      [margin + length, margin + spacing],
      [margin, margin + spacing],
    ],
    [
      [l1x, l1y],
      [r1x, r1y],
      [r2x, r2y],
      [l2x, l2y],
    ],
  );
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = toPage as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const paper = medianGrey(straight);
  const data = new Uint8Array(width * height).fill(paper);
  const { width: sourceWidth, height: sourceHeight, data: source } = straight;
  for (let v = 0; v < height; v += 1)
    for (let u = 0; u < width; u += 1) {
      const w = h6 * u + h7 * v + h8;
      const x = (h0 * u + h1 * v + h2) / w;
      const y = (h3 * u + h4 * v + h5) / w;
      if (x < 0 || y < 0 || x >= sourceWidth - 1 || y >= sourceHeight - 1) continue;
      const x0 = x | 0;
      const y0 = y | 0;
      const fx = x - x0;
      const fy = y - y0;
      const at = y0 * sourceWidth + x0;
      data[v * width + u] = Math.round(
        ((source[at] as number) * (1 - fx) + (source[at + 1] as number) * fx) * (1 - fy) +
          ((source[at + sourceWidth] as number) * (1 - fx) + (source[at + sourceWidth + 1] as number) * fx) *
            fy,
      );
    }
  const band: GreyImage = { data, width, height };
  // The band alone is a small image: the binarisation window is kept about a character wide, as on the page.
  const bandInk = binarise(await smoothGrey(band), (straight.width / 40 / Math.max(width, height)) as number);
  const found = findMrzRows(bandInk, width, height);
  return found ? { straight: band, ink: bandInk, rows: found } : undefined;
}

/**
 * Undoing a shaking hand (issue 7's smeared phone photos): the camera moved while the shutter was open, so
 * every point of the page is smeared along one short straight line. The smear's direction and length are
 * estimated blind from the band's cepstrum (the inverse transform of its log spectrum): a straight smear of
 * length L multiplies the spectrum by a sinc whose zeros repeat every 1/L, which shows in the cepstrum as a
 * deep negative spike at distance L along the smear, beyond OCR-B's own stroke widths (Cannon 1976). The smear
 * is then taken out by Richardson–Lucy deconvolution with that kernel. Plain loops over typed arrays: a band
 * is about 1,000 × 150 pixels.
 */
export interface Psf {
  dx: Int32Array;
  dy: Int32Array;
  weight: Float32Array;
}

/** A straight smear `length` pixels long at `degrees` (anticlockwise from the line of text; y grows downwards). */
export function motionPsf(length: number, degrees: number): Psf {
  const ux = Math.cos((degrees * Math.PI) / 180);
  const uy = -Math.sin((degrees * Math.PI) / 180);
  const samples = Math.max(2, Math.ceil(length * 4));
  const weights = new Map<string, number>();
  const add = (x: number, y: number, weight: number) => {
    if (weight > 1e-6) weights.set(`${x},${y}`, (weights.get(`${x},${y}`) ?? 0) + weight);
  };
  for (let i = 0; i < samples; i += 1) {
    const t = ((i + 0.5) / samples - 0.5) * Math.max(0, length - 1);
    const x = t * ux;
    const y = t * uy;
    const x0 = Math.floor(x);
    const y0 = Math.floor(y);
    add(x0, y0, (1 - (x - x0)) * (1 - (y - y0)));
    add(x0 + 1, y0, (x - x0) * (1 - (y - y0)));
    add(x0, y0 + 1, (1 - (x - x0)) * (y - y0));
    add(x0 + 1, y0 + 1, (x - x0) * (y - y0));
  }
  return psfOf([...weights.entries()].map(([key, weight]) => [...key.split(',').map(Number), weight]));
}

/** A Gaussian of `sigma` pixels, to smooth a photo's noise before it is deconvolved. */
function gaussianPsf(sigma: number): Psf {
  const radius = Math.max(1, Math.ceil(sigma * 3));
  const taps: number[][] = [];
  for (let y = -radius; y <= radius; y += 1)
    for (let x = -radius; x <= radius; x += 1)
      taps.push([x, y, Math.exp(-(x * x + y * y) / (2 * sigma * sigma))]);
  return psfOf(taps);
}

function psfOf(taps: number[][]): Psf {
  const total = taps.reduce((sum, tap) => sum + (tap[2] ?? 0), 0);
  return {
    dx: Int32Array.from(taps.map((tap) => tap[0] ?? 0)),
    dy: Int32Array.from(taps.map((tap) => tap[1] ?? 0)),
    weight: Float32Array.from(taps.map((tap) => (tap[2] ?? 0) / total)),
  };
}

/**
 * `out = image ⊛ psf` (with `mirrored`, the kernel turned half round), edges repeated. Where the whole kernel
 * falls inside the image (nearly everywhere), each tap is one fixed step through the pixels, so a row is summed
 * tap by tap in memory order with no bounds to check: the same sums in the same order as the edges' clamped
 * path, and about twice as fast as clamping every tap (1,100 × 200 pixels, a 25-tap smear: 15 ms against 29).
 * Richardson–Lucy spends most of an unsmearing here.
 */
export function convolve(
  image: Float32Array,
  width: number,
  height: number,
  psf: Psf,
  out: Float32Array,
  mirrored = false,
) {
  const { dx, dy, weight } = psf;
  const sign = mirrored ? -1 : 1;
  const taps = weight.length;
  const step = new Int32Array(taps);
  let left = 0;
  let right = 0;
  let up = 0;
  let down = 0;
  for (let k = 0; k < taps; k += 1) {
    const x = -sign * (dx[k] as number);
    const y = -sign * (dy[k] as number);
    step[k] = y * width + x;
    left = Math.min(left, x);
    right = Math.max(right, x);
    up = Math.min(up, y);
    down = Math.max(down, y);
  }
  const clamped = (x: number, y: number) => {
    let sum = 0;
    for (let k = 0; k < taps; k += 1) {
      let sx = x - sign * (dx[k] as number);
      let sy = y - sign * (dy[k] as number);
      if (sx < 0) sx = 0;
      else if (sx >= width) sx = width - 1;
      if (sy < 0) sy = 0;
      else if (sy >= height) sy = height - 1;
      sum += (weight[k] as number) * (image[sy * width + sx] as number);
    }
    return sum;
  };
  const from = Math.min(width, -left);
  const to = Math.max(from, width - right);
  // A row's sums, tap by tap: each tap is one pass along the row in memory order.
  const sums = new Float64Array(width);
  for (let y = 0; y < height; y += 1) {
    const row = y * width;
    if (y + up < 0 || y + down >= height) {
      for (let x = 0; x < width; x += 1) out[row + x] = clamped(x, y);
      continue;
    }
    for (let x = 0; x < from; x += 1) out[row + x] = clamped(x, y);
    sums.fill(0);
    for (let k = 0; k < taps; k += 1) {
      const tapWeight = weight[k] as number;
      const source = row + (step[k] as number);
      for (let x = from; x < to; x += 1)
        sums[x] = (sums[x] as number) + tapWeight * (image[source + x] as number);
    }
    for (let x = from; x < to; x += 1) out[row + x] = sums[x] as number;
    for (let x = to; x < width; x += 1) out[row + x] = clamped(x, y);
  }
}

/** Richardson–Lucy: few iterations, after a light smoothing, so the photo's noise is not raised into ink. */
function richardsonLucy(image: GreyImage, psf: Psf, iterations = 20, smoothing = 0.8): GreyImage {
  const { width, height } = image;
  const observed = new Float32Array(width * height);
  for (let i = 0; i < observed.length; i += 1) observed[i] = (image.data[i] ?? 0) + 1;
  const smoothed = new Float32Array(observed.length);
  convolve(observed, width, height, gaussianPsf(smoothing), smoothed);
  observed.set(smoothed);
  const estimate = Float32Array.from(observed);
  const reblurred = new Float32Array(observed.length);
  const ratio = new Float32Array(observed.length);
  for (let iteration = 0; iteration < iterations; iteration += 1) {
    convolve(estimate, width, height, psf, reblurred);
    for (let i = 0; i < ratio.length; i += 1)
      ratio[i] = (observed[i] as number) / Math.max(reblurred[i] as number, 1e-3);
    convolve(ratio, width, height, psf, reblurred, true);
    for (let i = 0; i < estimate.length; i += 1)
      estimate[i] = (estimate[i] as number) * (reblurred[i] as number);
  }
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i += 1) {
    const value = (estimate[i] as number) - 1;
    data[i] = value <= 0 ? 0 : value >= 255 ? 255 : (value + 0.5) | 0;
  }
  return { data, width, height };
}

/** In-place radix-2 FFT of one row or column. */
function fft(re: Float64Array, im: Float64Array, inverse: boolean): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i += 1) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      const r = re[i] as number;
      re[i] = re[j] as number;
      re[j] = r;
      const m = im[i] as number;
      im[i] = im[j] as number;
      im[j] = m;
    }
  }
  for (let length = 2; length <= n; length <<= 1) {
    const angle = ((2 * Math.PI) / length) * (inverse ? 1 : -1);
    const wr = Math.cos(angle);
    const wi = Math.sin(angle);
    for (let i = 0; i < n; i += length) {
      let cr = 1;
      let ci = 0;
      for (let k = 0; k < length / 2; k += 1) {
        const a = i + k;
        const b = a + length / 2;
        const tr = (re[b] as number) * cr - (im[b] as number) * ci;
        const ti = (re[b] as number) * ci + (im[b] as number) * cr;
        re[b] = (re[a] as number) - tr;
        im[b] = (im[a] as number) - ti;
        re[a] = (re[a] as number) + tr;
        im[a] = (im[a] as number) + ti;
        const next = cr * wr - ci * wi;
        ci = cr * wi + ci * wr;
        cr = next;
      }
    }
  }
}

function fft2(re: Float64Array, im: Float64Array, width: number, height: number, inverse: boolean): void {
  const rowRe = new Float64Array(width);
  const rowIm = new Float64Array(width);
  for (let y = 0; y < height; y += 1) {
    rowRe.set(re.subarray(y * width, (y + 1) * width));
    rowIm.set(im.subarray(y * width, (y + 1) * width));
    fft(rowRe, rowIm, inverse);
    re.set(rowRe, y * width);
    im.set(rowIm, y * width);
  }
  const columnRe = new Float64Array(height);
  const columnIm = new Float64Array(height);
  for (let x = 0; x < width; x += 1) {
    for (let y = 0; y < height; y += 1) {
      columnRe[y] = re[y * width + x] as number;
      columnIm[y] = im[y * width + x] as number;
    }
    fft(columnRe, columnIm, inverse);
    for (let y = 0; y < height; y += 1) {
      re[y * width + x] = columnRe[y] as number;
      im[y * width + x] = columnIm[y] as number;
    }
  }
}

/**
 * The smear's direction (degrees, as {@link motionPsf} takes them) and length (pixels) most likely for a band:
 * where the cepstrum is lowest between 5 and 20 pixels from its centre.
 */
export function estimateSmear(image: GreyImage): { degrees: number; length: number } {
  return estimateSmears(image, 1)[0] ?? { degrees: 0, length: 0 };
}

/** Smear estimates this many degrees apart or more are told apart; closer ones are the same smear. */
const DISTINCT_SMEAR_DEGREES = 15;

/**
 * A smear's direction from the band's gradients: moving the camera along a line blurs edges across it, so the
 * gradient along the smear is weakened, and the direction where the band's gradients are weakest (the structure
 * tensor's smaller eigenvector) is the smear's. OCR-B's MRZ is near enough isotropic on its own (on the clean
 * fixtures the tensor's eigenvalues differ by 5 to 12%), so a band whose gradients are this much stronger one
 * way than the other ({@link SMEARED_ANISOTROPY}) is smeared, and which way. Defocus, noise and low resolution
 * weaken every direction alike and give none. The cepstrum finds a smear's length well, but its deepest point
 * is often OCR-B's own pitch along the line (0°, 7 to 8 px), where the gradients say nothing of the kind.
 */
export function smearDirection(image: GreyImage): number | undefined {
  const { data, width, height } = image;
  let xx = 0;
  let yy = 0;
  let xy = 0;
  for (let y = 1; y < height - 1; y += 1)
    for (let x = 1; x < width - 1; x += 1) {
      const i = y * width + x;
      const gx = (data[i + 1] as number) - (data[i - 1] as number);
      const gy = (data[i + width] as number) - (data[i - width] as number);
      xx += gx * gx;
      yy += gy * gy;
      xy += gx * gy;
    }
  const mean = (xx + yy) / 2;
  const spread = Math.hypot((xx - yy) / 2, xy);
  if (mean - spread <= 0 || (mean + spread) / (mean - spread) < SMEARED_ANISOTROPY) return undefined;
  // The energy along (cos φ, −sin φ) is mean + (xx − yy)/2·cos 2φ − xy·sin 2φ (y grows downwards), least at:
  const degrees = ((Math.atan2(2 * xy, yy - xx) * 90) / Math.PI + 180) % 180;
  return degrees;
}

/**
 * Whether a page whose band was not found looks smeared: its lower half (where a data page's MRZ is, upright as
 * the photo was saved) has gradients {@link SMEARED_ANISOTROPY} times stronger one way than across it. On the
 * held-out photos of `npm run bench:ocr` (both seeds), the lower halves of the pages out of focus, tilted or
 * noisy measure 1.00 to 1.15, and those of the fixtures 1.02 to 1.14; of the pages smeared 5 px or more, 1.15
 * to 3.42, and on each seed 3 of the 4 smeared 15 px whose band is not found, 1.35 and over.
 */
export async function pageLooksSmeared(bytes: Uint8Array): Promise<boolean> {
  const page = await loadGrey(bytes);
  const top = Math.floor(page.height / 2);
  const lower = { data: page.data.subarray(top * page.width), width: page.width, height: page.height - top };
  return smearDirection(lower) !== undefined;
}

/**
 * How much stronger a band's gradients must be one way than across it to count as smeared: 1.3, between the
 * clean and phone fixtures' 1.04 to 1.12 and the held-out smears' 1.8 and over (6 px at 28°: 1.83).
 */
const SMEARED_ANISOTROPY = 1.3;

/** How far from the gradients' direction a cepstrum candidate may lie to be taken as that smear. */
const GUIDED_DEGREES = 9;

/**
 * The `count` likeliest smears, likeliest first, each at least {@link DISTINCT_SMEAR_DEGREES} from the others.
 * When the gradients show a direction ({@link smearDirection}), the likeliest is the cepstrum's deepest point
 * within {@link GUIDED_DEGREES} of it; the rest follow by the cepstrum alone.
 */
export function estimateSmears(image: GreyImage, count: number): Array<{ degrees: number; length: number }> {
  const width = 2 ** Math.ceil(Math.log2(image.width));
  const height = 2 ** Math.ceil(Math.log2(image.height));
  const re = new Float64Array(width * height);
  const im = new Float64Array(width * height);
  let mean = 0;
  for (let i = 0; i < image.data.length; i += 1) mean += image.data[i] as number;
  mean /= Math.max(1, image.data.length);
  // A Hann window, so the band's edges do not print a cross on the spectrum.
  for (let y = 0; y < image.height; y += 1)
    for (let x = 0; x < image.width; x += 1) {
      const window =
        (0.5 - 0.5 * Math.cos((2 * Math.PI * x) / Math.max(1, image.width - 1))) *
        (0.5 - 0.5 * Math.cos((2 * Math.PI * y) / Math.max(1, image.height - 1)));
      re[y * width + x] = ((image.data[y * image.width + x] as number) - mean) * window;
    }
  fft2(re, im, width, height, false);
  for (let i = 0; i < re.length; i += 1) {
    re[i] = Math.log(1e-6 + Math.hypot(re[i] as number, im[i] as number));
    im[i] = 0;
  }
  fft2(re, im, width, height, true);
  const at = (x: number, y: number) =>
    re[(((y % height) + height) % height) * width + (((x % width) + width) % width)] as number;
  const sample = (x: number, y: number) => {
    const x0 = Math.floor(x);
    const y0 = Math.floor(y);
    const fx = x - x0;
    const fy = y - y0;
    return (
      (at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx) * (1 - fy) +
      (at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx) * fy
    );
  };
  const candidates: Array<{ degrees: number; length: number; value: number }> = [];
  for (let degrees = 0; degrees < 180; degrees += 3)
    for (let length = 5; length <= 20; length += 0.5) {
      const value = sample(
        length * Math.cos((degrees * Math.PI) / 180),
        -length * Math.sin((degrees * Math.PI) / 180),
      );
      candidates.push({ degrees, length, value });
    }
  candidates.sort((a, b) => a.value - b.value);
  const between = (a: number, b: number) => {
    const difference = Math.abs(a - b) % 180;
    return Math.min(difference, 180 - difference);
  };
  const chosen: Array<{ degrees: number; length: number }> = [];
  const direction = smearDirection(image);
  const guided =
    direction === undefined
      ? undefined
      : candidates.find((candidate) => between(candidate.degrees, direction) <= GUIDED_DEGREES);
  if (guided && count > 0) chosen.push({ degrees: guided.degrees, length: guided.length });
  for (const { degrees, length } of candidates) {
    if (chosen.length >= count) break;
    if (chosen.every((other) => between(other.degrees, degrees) >= DISTINCT_SMEAR_DEGREES))
      chosen.push({ degrees, length });
  }
  return chosen;
}

/** The band with room around it for a smear: a line's height of paper around both rows. */
function smearRoom(straight: GreyImage, rows: [Box, Box]): { box: Box; band: GreyImage } {
  const [upper, lower] = rows;
  const margin = Math.max(upper.height, lower.height);
  const box = {
    left: Math.min(upper.left, lower.left) - margin,
    top: upper.top - margin,
    width:
      Math.max(upper.left + upper.width, lower.left + lower.width) -
      Math.min(upper.left, lower.left) +
      2 * margin,
    height: lower.top + lower.height - upper.top + 2 * margin,
  };
  return { box, band: crop(straight, box, medianGrey(straight)) };
}

/** The band deconvolved with the smear estimated ({@link smearRoom}), and its strips cut again. */
async function unsmearedStrips(
  straight: GreyImage,
  rows: [Box, Box],
  rank = 0,
): Promise<[MrzStrip, MrzStrip] | undefined> {
  const { box, band } = smearRoom(straight, rows);
  const smear = estimateSmears(band, rank + 1)[rank];
  if (!smear) return undefined;
  const sharp = richardsonLucy(band, motionPsf(smear.length, smear.degrees));
  const ink = binarise(await smoothGrey(sharp), straight.width / 40 / Math.max(sharp.width, sharp.height));
  const found = findMrzRows(ink, sharp.width, sharp.height);
  const moved = (row: Box): Box => ({ ...row, left: row.left - box.left, top: row.top - box.top });
  const [first, second] = cutStrips(sharp, ink, found ?? [moved(rows[0]), moved(rows[1])]);
  return first && second ? [first, second] : undefined;
}

/**
 * How the band is looked for, in order, until it is found: at the page's skew with ink told from paper as for
 * a sharp photo; then, for a blurred or low-contrast one (a smear leaves the MRZ's characters grey and joined),
 * smoothed more and with any faint darkening counted as ink; then turned a degree or more either side of the
 * page's skew, since a tilted phone draws the page in perspective and the MRZ at its foot runs at another
 * angle than the page's edges and printed fields. Measured on the held-out photos of `npm run bench:ocr`; each
 * attempt costs about 50 ms, and only a page whose band is not found pays for them all.
 */
function* bandAttempts(): Generator<{
  turn: number;
  search: { sigma: number; darkness: number; contrast: number };
}> {
  const sharp = { sigma: 0.8, darkness: 0.15, contrast: 12 };
  yield { turn: 0, search: sharp };
  yield { turn: 0, search: { sigma: 1.5, darkness: 0.08, contrast: 6 } };
  for (const turn of [1, -1, 2, -2, 3, -3]) yield { turn, search: sharp };
}

/** One strip per row: a tight vertical margin (a fifth of the line height), a character's width of paper either side. */
function cutStrips(straight: GreyImage, ink: Uint8Array, rows: [Box, Box]): MrzStrip[] {
  const paper = medianGrey(straight);
  return rows.map((row) => {
    const marginY = Math.max(3, Math.round(row.height * 0.2));
    const marginX = Math.round(row.height * 0.9);
    const box = {
      left: row.left - marginX,
      top: row.top - marginY,
      width: row.width + 2 * marginX,
      height: row.height + 2 * marginY,
    };
    const image = crop(straight, box, paper);
    const stripInk = crop({ data: ink, width: straight.width, height: straight.height }, box, 0).data;
    const cells = locateCells(stripInk, box.width, box.height);
    // Whatever lies beyond the line's first and last characters (guilloche, the page edge) becomes plain paper:
    // recognisers read ghosts into it.
    const from = cells?.[0] ?? marginX - 2;
    const to = cells?.[cells.length - 1] ?? box.width - marginX + 2;
    const stripPaper = medianGrey(image);
    for (let y = 0; y < box.height; y += 1) {
      for (let x = 0; x < box.width; x += 1) {
        if (x >= from && x < to) continue;
        image.data[y * box.width + x] = stripPaper;
        stripInk[y * box.width + x] = 0;
      }
    }
    return cells ? { image, ink: stripInk, cells } : { image, ink: stripInk };
  });
}

/**
 * Finds the MRZ of a data page and cuts one deskewed strip per line, with a tight vertical margin (a fifth of
 * the line height) and a character's width of paper either side. Undefined when no MRZ-like pair of rows exists.
 */
export async function findMrzBand(
  bytes: Uint8Array,
  orientation: Orientation = 0,
): Promise<MrzBand | undefined> {
  const page = await loadGrey(bytes, orientation);
  const pageSkew = estimateSkew(binarise(await smoothGrey(page)), page.width, page.height);
  let found: { straight: GreyImage; ink: Uint8Array; rows: [Box, Box]; skewDegrees: number } | undefined;
  for (const { turn, search } of bandAttempts()) {
    const skewDegrees = pageSkew + turn;
    const straight = await rotateGrey(page, -skewDegrees);
    const ink = binarise(await smoothGrey(straight, search.sigma), 1 / 40, search.darkness, search.contrast);
    const rows = findMrzRows(ink, straight.width, straight.height);
    if (rows) {
      found = { straight, ink, rows, skewDegrees };
      break;
    }
  }
  if (!found) return undefined;
  const { skewDegrees } = found;
  const [first, second] = cutStrips(found.straight, found.ink, found.rows);
  if (!first || !second) return undefined;
  const band = await rectified(found.straight, found.ink, found.rows);
  const [firstLevelled, secondLevelled] = band ? cutStrips(band.straight, band.ink, band.rows) : [];
  // Which way up the page is, judged on the whole page (a rectified band has no page around it).
  const [upper, lower] = found.rows;
  const whole = found.straight;
  const inkBetween = (from: number, to: number) => {
    let count = 0;
    for (let y = Math.max(0, from); y < Math.min(page.height, to); y += 1) {
      for (let x = upper.left; x < upper.left + upper.width; x += 1)
        count += found.ink[y * page.width + x] ?? 0;
    }
    return count;
  };
  const upsideDown = inkBetween(lower.top + lower.height, whole.height) > inkBetween(0, upper.top);
  return {
    strips: [first, second],
    skewDegrees,
    upsideDown,
    ...(firstLevelled && secondLevelled ? { levelled: [firstLevelled, secondLevelled] } : {}),
    smeared: smearDirection(smearRoom(whole, found.rows).band) !== undefined,
    unsmeared: (rank = 0) => unsmearedStrips(whole, found.rows, rank),
  };
}

/** How a strip is prepared for a recogniser: scaled to its height, then stretched sideways and contrast-stretched. */
export interface StripTreatment {
  /** Width multiplier after scaling to the height (1 keeps the aspect ratio). */
  stretch: number;
  /** Stretch the grey levels to the full range (dim phone photos). */
  normalise: boolean;
}

/** A strip scaled to `height` (and treated), as raw grey pixels. */
export async function prepareStrip(
  image: GreyImage,
  height: number,
  treatment: StripTreatment = { stretch: 1, normalise: false },
): Promise<GreyImage> {
  const width = Math.max(8, Math.round(((image.width * height) / image.height) * treatment.stretch));
  let pipeline = rawGrey(image).resize({ width, height, fit: 'fill', kernel: 'lanczos3' });
  if (treatment.normalise) pipeline = pipeline.normalise();
  const { data, info } = await pipeline.toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  return toGrey(data, info.width, info.height, info.channels);
}

/** A grey image as PNG bytes (for tesseract, and for looking at a strip while debugging). */
export async function toPng(image: GreyImage): Promise<Buffer> {
  return rawGrey(image).png().toBuffer();
}
