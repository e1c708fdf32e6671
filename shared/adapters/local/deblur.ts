import type { GreyImage } from './mrz-band.js';

/**
 * Undoing a hand's shake on a photo of a passport: the camera moved while the shutter was open, so every point
 * of the page is smeared along a short straight line. Richardson–Lucy deconvolution with a linear motion-blur
 * kernel takes the smear back out. Plain loops over Float32Arrays: an MRZ strip is about 850 × 35 pixels and
 * a kernel a few dozen taps, so one deconvolution takes a few tens of milliseconds.
 */

/** A point-spread function: the taps of a blur kernel, each an offset from the centre and a weight. */
export interface Psf {
  dx: Int32Array;
  dy: Int32Array;
  weight: Float32Array;
}

/**
 * A straight smear `length` pixels long at `degrees` (0 along the line of text, 90 up and down, 45 from lower
 * left to upper right, 135 from upper left to lower right; y grows downwards, as in images), centred on the
 * pixel. Points along the segment are spread over their four neighbouring pixels; the weights sum to 1.
 */
export function motionPsf(length: number, degrees: number): Psf {
  const radians = (degrees * Math.PI) / 180;
  const ux = Math.cos(radians);
  const uy = -Math.sin(radians);
  const samples = Math.max(2, Math.ceil(length * 4));
  const weights = new Map<string, number>();
  const add = (x: number, y: number, weight: number) => {
    if (weight <= 1e-6) return;
    const key = `${x},${y}`;
    weights.set(key, (weights.get(key) ?? 0) + weight);
  };
  for (let i = 0; i < samples; i += 1) {
    const t = ((i + 0.5) / samples - 0.5) * Math.max(0, length - 1);
    const x = t * ux;
    const y = t * uy;
    const x0 = Math.floor(x);
    const y0 = Math.floor(y);
    const fx = x - x0;
    const fy = y - y0;
    add(x0, y0, (1 - fx) * (1 - fy));
    add(x0 + 1, y0, fx * (1 - fy));
    add(x0, y0 + 1, (1 - fx) * fy);
    add(x0 + 1, y0 + 1, fx * fy);
  }
  const taps = [...weights.entries()];
  const total = taps.reduce((sum, [, weight]) => sum + weight, 0);
  const psf: Psf = {
    dx: new Int32Array(taps.length),
    dy: new Int32Array(taps.length),
    weight: new Float32Array(taps.length),
  };
  taps.forEach(([key, weight], i) => {
    const [x = 0, y = 0] = key.split(',').map(Number);
    psf.dx[i] = x;
    psf.dy[i] = y;
    psf.weight[i] = weight / total;
  });
  return psf;
}

/** A Gaussian blur of `sigma` pixels as a kernel (to smooth a photo's noise before deconvolving it). */
export function gaussianPsf(sigma: number): Psf {
  const radius = Math.max(1, Math.ceil(sigma * 3));
  const dx: number[] = [];
  const dy: number[] = [];
  const weight: number[] = [];
  for (let y = -radius; y <= radius; y += 1) {
    for (let x = -radius; x <= radius; x += 1) {
      dx.push(x);
      dy.push(y);
      weight.push(Math.exp(-(x * x + y * y) / (2 * sigma * sigma)));
    }
  }
  const total = weight.reduce((sum, each) => sum + each, 0);
  return {
    dx: Int32Array.from(dx),
    dy: Int32Array.from(dy),
    weight: Float32Array.from(weight.map((each) => each / total)),
  };
}

/**
 * `out = image ⊛ psf`, or with `mirrored` the kernel turned half round (the adjoint Richardson–Lucy needs).
 * Pixels beyond the edge repeat the edge's. (No globals such as Math in the loop: under Jest's sandbox every
 * global lookup is slow, and this runs per pixel and tap.)
 */
function convolve(
  image: Float32Array,
  width: number,
  height: number,
  psf: Psf,
  out: Float32Array,
  mirrored = false,
): void {
  const { dx, dy, weight } = psf;
  const taps = weight.length;
  const sign = mirrored ? -1 : 1;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
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
      out[y * width + x] = sum;
    }
  }
}

function toGreyImage(values: Float32Array, width: number, height: number, offset = 0): GreyImage {
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i += 1) {
    const value = (values[i] as number) - offset;
    data[i] = value <= 0 ? 0 : value >= 255 ? 255 : (value + 0.5) | 0;
  }
  return { data, width, height };
}

/** A grey image blurred by a kernel, edges repeated. */
export function blur(image: GreyImage, psf: Psf): GreyImage {
  const out = new Float32Array(image.data.length);
  convolve(Float32Array.from(image.data), image.width, image.height, psf, out);
  return toGreyImage(out, image.width, image.height);
}

export interface Deconvolution {
  /** The smear to take out. */
  psf: Psf;
  /** Richardson–Lucy iterations: few enough that the photo's noise is not raised into ink. */
  iterations: number;
  /** A Gaussian blur applied first, against sensor noise and JPEG speckle (0 for none). */
  smoothing?: number;
}

/**
 * Richardson–Lucy deconvolution: the estimate starts as the observed image and is corrected `iterations` times
 * by the ratio of the observed image to the estimate blurred again, carried back through the kernel. Stopping
 * early is what keeps the noise down. Grey levels are shifted up by one so no ratio divides by zero on black.
 */
export function richardsonLucy(
  image: GreyImage,
  { psf, iterations, smoothing = 0 }: Deconvolution,
): GreyImage {
  const { width, height } = image;
  const observed = new Float32Array(width * height);
  for (let i = 0; i < observed.length; i += 1) observed[i] = (image.data[i] ?? 0) + 1;
  if (smoothing > 0) {
    const smoothed = new Float32Array(observed.length);
    convolve(observed, width, height, gaussianPsf(smoothing), smoothed);
    observed.set(smoothed);
  }
  const estimate = Float32Array.from(observed);
  const reblurred = new Float32Array(observed.length);
  const ratio = new Float32Array(observed.length);
  for (let iteration = 0; iteration < iterations; iteration += 1) {
    convolve(estimate, width, height, psf, reblurred);
    for (let i = 0; i < ratio.length; i += 1) {
      const value = reblurred[i] as number;
      ratio[i] = (observed[i] as number) / Math.max(value, 1e-3);
    }
    convolve(ratio, width, height, psf, reblurred, true);
    for (let i = 0; i < estimate.length; i += 1)
      estimate[i] = (estimate[i] as number) * (reblurred[i] as number);
  }
  return toGreyImage(estimate, width, height, 1);
}

/** The directions {@link smearDirections} compares, in degrees as {@link motionPsf} takes them. */
const DIRECTIONS = [0, 45, 90, 135] as const;

/**
 * The directions a photo looks smeared in, most likely first: a smear evens out the grey along its path, so
 * the mean squared difference between neighbouring pixels (per pixel of distance) is least along it. Only
 * directions where it is at most `evenness` times the greatest count. Measured on both MRZ strips of the
 * passport fixtures: along the shaken photo's smear it is 0.56 times the greatest; on every other photo and
 * scan, sharp or out of focus, no direction falls below 0.8 (OCR-B's strokes are not quite even), so the
 * default 0.7 finds the smear and nothing else.
 */
export function smearDirections(images: readonly GreyImage[], evenness = 0.7): number[] {
  const change = DIRECTIONS.map((degrees) => {
    const dx = degrees === 90 ? 0 : 1;
    const dy = degrees === 0 ? 0 : degrees === 45 ? -1 : 1;
    let sum = 0;
    let count = 0;
    for (const { data, width, height } of images) {
      for (let y = 1; y < height - 1; y += 1) {
        for (let x = 1; x < width - 1; x += 1) {
          const difference = (data[y * width + x] as number) - (data[(y + dy) * width + x + dx] as number);
          sum += difference * difference;
          count += 1;
        }
      }
    }
    return { degrees, change: sum / Math.max(1, count) / (dx * dx + dy * dy) };
  });
  const greatest = Math.max(...change.map((each) => each.change));
  return change
    .filter((each) => each.change <= evenness * greatest)
    .sort((a, b) => a.change - b.change)
    .map((each) => each.degrees);
}
