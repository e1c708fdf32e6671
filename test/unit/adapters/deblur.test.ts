import * as fc from 'fast-check';
import {
  blur,
  gaussianPsf,
  motionPsf,
  richardsonLucy,
  smearDirections,
} from '../../../shared/adapters/local/deblur';
import type { GreyImage } from '../../../shared/adapters/local/mrz-band';

/**
 * Taking a smear out of a photo, on drawn images: no image decoding, no models. Whether it lets the recogniser
 * read the shaken passport fixture is measured by `npm run bench:ocr`.
 */

/** Light paper with dark blocks like characters in a row, some tall and thin, some wide: a stand-in MRZ line. */
function drawnLine(width = 120, height = 30, seed = 1): GreyImage {
  const data = new Uint8Array(width * height).fill(200);
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  for (let left = 8; left + 8 < width; left += 10) {
    const stroke = 2 + Math.floor(next() * 5);
    for (let y = 8; y < height - 8; y += 1)
      for (let x = left; x < left + stroke; x += 1) data[y * width + x] = 40;
    const bar = 8 + Math.floor(next() * (height - 16));
    for (let x = left; x < left + 7; x += 1) data[bar * width + x] = 40;
  }
  return { data, width, height };
}

/** Paper speckled with small dark squares at random: no direction favoured, as a page of print roughly is. */
function speckled(width = 120, height = 40, seed = 1): GreyImage {
  const data = new Uint8Array(width * height).fill(200);
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  for (let n = 0; n < (width * height) / 30; n += 1) {
    const left = Math.floor(next() * (width - 3));
    const top = Math.floor(next() * (height - 3));
    for (let y = top; y < top + 3; y += 1) for (let x = left; x < left + 3; x += 1) data[y * width + x] = 40;
  }
  return { data, width, height };
}

/** Mean absolute difference between two images of the same size, away from a border of `margin` pixels. */
function difference(a: GreyImage, b: GreyImage, margin = 6): number {
  let sum = 0;
  let count = 0;
  for (let y = margin; y < a.height - margin; y += 1) {
    for (let x = margin; x < a.width - margin; x += 1) {
      sum += Math.abs((a.data[y * a.width + x] ?? 0) - (b.data[y * b.width + x] ?? 0));
      count += 1;
    }
  }
  return sum / count;
}

describe('motionPsf', () => {
  it.each([
    [7, 0],
    [9, 45],
    [10, 90],
    [9.5, 135],
  ])('spreads a %d px smear at %d° along its line, weights summing to 1', (length, degrees) => {
    // Act
    const psf = motionPsf(length, degrees);

    // Assess: the taps lie along the line (within a pixel) and reach about half the length each way.
    const weights = [...psf.weight];
    expect(weights.reduce((sum, each) => sum + each, 0)).toBeCloseTo(1, 5);
    const radians = (degrees * Math.PI) / 180;
    const along = { x: Math.cos(radians), y: -Math.sin(radians) };
    let furthest = 0;
    for (let i = 0; i < weights.length; i += 1) {
      const x = psf.dx[i] ?? 0;
      const y = psf.dy[i] ?? 0;
      expect(Math.abs(x * along.y - y * along.x)).toBeLessThan(1.5);
      furthest = Math.max(furthest, Math.abs(x * along.x + y * along.y));
    }
    expect(furthest).toBeGreaterThan((length - 1) / 2 - 1);
    expect(furthest).toBeLessThan((length - 1) / 2 + 1.5);
  });
});

describe('richardsonLucy', () => {
  it('brings a line smeared diagonally back closer to the sharp line', () => {
    // Prepare
    const sharp = drawnLine();
    const psf = motionPsf(9, 135);
    const smeared = blur(sharp, psf);

    // Act
    const restored = richardsonLucy(smeared, { psf, iterations: 20 });

    // Assess
    expect(difference(restored, sharp)).toBeLessThan(0.8 * difference(smeared, sharp));
  });

  it('brings back any smear it is told, in any of the four directions', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0, 45, 90, 135),
        fc.integer({ min: 5, max: 11 }),
        fc.integer({ min: 1, max: 1000 }),
        (degrees, length, seed) => {
          // Prepare
          const sharp = drawnLine(100, 30, seed);
          const psf = motionPsf(length, degrees);
          const smeared = blur(sharp, psf);

          // Act
          const restored = richardsonLucy(smeared, { psf, iterations: 15 });

          // Assess
          expect(difference(restored, sharp)).toBeLessThan(difference(smeared, sharp));
        },
      ),
      { numRuns: 12 },
    );
  });

  it('leaves an even image even, smoothing or not', () => {
    // Prepare
    const paper: GreyImage = { data: new Uint8Array(40 * 20).fill(180), width: 40, height: 20 };

    // Act
    const restored = richardsonLucy(paper, { psf: motionPsf(7, 45), iterations: 10, smoothing: 0.8 });

    // Assess
    expect(new Set(restored.data)).toEqual(new Set([180]));
  });
});

describe('gaussianPsf', () => {
  it('weighs the centre most, symmetrically, summing to 1', () => {
    // Act
    const psf = gaussianPsf(0.8);

    // Assess
    const weightAt = (x: number, y: number) =>
      psf.weight[[...psf.dx].findIndex((dx, i) => dx === x && psf.dy[i] === y)] ?? 0;
    expect([...psf.weight].reduce((sum, each) => sum + each, 0)).toBeCloseTo(1, 5);
    expect(weightAt(0, 0)).toBe(Math.max(...psf.weight));
    expect(weightAt(1, 0)).toBeCloseTo(weightAt(0, -1), 6);
  });
});

describe('smearDirections', () => {
  it.each([0, 45, 90, 135])('finds a smear at %d° first', (degrees) => {
    // Prepare
    const smeared = blur(speckled(), motionPsf(9, degrees));

    // Act
    const directions = smearDirections([smeared]);

    // Assess
    expect(directions[0]).toBe(degrees);
  });

  it('finds no smear in a sharp image', () => {
    // Act
    const directions = smearDirections([speckled()]);

    // Assess
    expect(directions).toEqual([]);
  });
});
