import { join } from 'node:path';
import sharp from 'sharp';
import {
  convolve,
  estimateSkew,
  estimateSmear,
  estimateSmears,
  findMrzRows,
  type GreyImage,
  homography,
  locateCells,
  motionPsf,
  type Psf,
  smearDirection,
} from '../../../shared/adapters/local/mrz-band';
import { mulberry32 } from '../../fixtures/seeded-random';

/**
 * The MRZ band finder's geometry on drawn ink masks (1 = ink): no image decoding, no models. The real images
 * are read in test/integration/mrz-reader.test.ts.
 */

/** An ink mask with rows of `count` blocks, each `size` wide, at `pitch`, from (left, top), sheared by `slope`. */
function drawRow(
  ink: Uint8Array,
  width: number,
  row: {
    left: number;
    top: number;
    count: number;
    pitch: number;
    size: number;
    height: number;
    slope?: number;
  },
) {
  for (let cell = 0; cell < row.count; cell += 1) {
    for (let dx = 0; dx < row.size; dx += 1) {
      const x = row.left + cell * row.pitch + dx;
      const shift = Math.round(x * (row.slope ?? 0));
      for (let dy = 0; dy < row.height; dy += 1) ink[(row.top + dy + shift) * width + x] = 1;
    }
  }
}

/**
 * Two rows of 44 glyph-like cells (random strokes, 20 px apart) on a 900 × 150 band, smeared along a straight
 * line `length` px long at `degrees`; `length` 0 leaves the band sharp.
 */
function smearedBand(degrees: number, length: number) {
  const width = 900;
  const height = 150;
  const sharp = new Float32Array(width * height).fill(210);
  const next = mulberry32(7);
  for (const top of [35, 85])
    for (let cell = 0; cell < 44; cell += 1) {
      const left = 10 + cell * 20;
      for (let stroke = 0; stroke < 3; stroke += 1) {
        const vertical = next() < 0.5;
        const x0 = left + Math.floor(next() * 9);
        const y0 = top + Math.floor(next() * 20);
        for (let d = 0; d < (vertical ? 24 : 12); d += 1)
          for (let w = 0; w < 3; w += 1)
            sharp[(vertical ? top + d : y0 + w) * width + (vertical ? x0 + w : left + d)] = 30;
      }
    }
  const smeared = new Uint8Array(width * height);
  const ux = Math.cos((degrees * Math.PI) / 180);
  const uy = -Math.sin((degrees * Math.PI) / 180);
  const samples = Math.max(1, length * 4);
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) {
      let sum = 0;
      for (let i = 0; i < samples; i += 1) {
        const t = ((i + 0.5) / samples - 0.5) * length;
        const sx = Math.min(width - 1, Math.max(0, Math.round(x + t * ux)));
        const sy = Math.min(height - 1, Math.max(0, Math.round(y + t * uy)));
        sum += sharp[sy * width + sx] ?? 0;
      }
      smeared[y * width + x] = Math.round(sum / samples);
    }
  return { data: smeared, width, height };
}

describe('the MRZ band finder', () => {
  it('measures the skew of rows of text that run down to the right', () => {
    // Prepare: three rows, falling 3 px every 100 px (about 1.7°).
    const width = 600;
    const height = 300;
    const ink = new Uint8Array(width * height);
    for (const top of [40, 120, 200])
      drawRow(ink, width, { left: 20, top, count: 40, pitch: 14, size: 9, height: 14, slope: 0.03 });

    // Act
    const degrees = estimateSkew(ink, width, height);

    // Assess
    expect(degrees).toBeCloseTo((Math.atan(0.03) * 180) / Math.PI, 0);
  });

  it('finds the two aligned rows of many characters at the bottom, not the shorter printed fields above', () => {
    // Prepare: printed fields (short rows) above two MRZ rows of 44 characters.
    const width = 700;
    const height = 400;
    const ink = new Uint8Array(width * height);
    drawRow(ink, width, { left: 250, top: 60, count: 9, pitch: 14, size: 10, height: 14 });
    drawRow(ink, width, { left: 250, top: 120, count: 15, pitch: 14, size: 10, height: 14 });
    drawRow(ink, width, { left: 30, top: 300, count: 44, pitch: 14, size: 9, height: 16 });
    drawRow(ink, width, { left: 30, top: 340, count: 44, pitch: 14, size: 9, height: 16 });

    // Act
    const rows = findMrzRows(ink, width, height);

    // Assess
    expect(rows).toEqual([
      { left: 30, top: 300, width: 43 * 14 + 9, height: 16 },
      { left: 30, top: 340, width: 43 * 14 + 9, height: 16 },
    ]);
  });

  it('finds no MRZ where there are only printed fields', () => {
    // Prepare
    const width = 700;
    const height = 300;
    const ink = new Uint8Array(width * height);
    drawRow(ink, width, { left: 250, top: 60, count: 9, pitch: 14, size: 10, height: 14 });
    drawRow(ink, width, { left: 250, top: 120, count: 15, pitch: 14, size: 10, height: 14 });

    // Act
    const rows = findMrzRows(ink, width, height);

    // Assess
    expect(rows).toBeUndefined();
  });

  it('locates the 44 character cells of a monospaced line between its characters', () => {
    // Prepare: 44 characters 12 px wide at a 20 px pitch, from x = 10.
    const width = 900;
    const height = 30;
    const ink = new Uint8Array(width * height);
    drawRow(ink, width, { left: 10, top: 5, count: 44, pitch: 20, size: 12, height: 20 });

    // Act
    const cells = locateCells(ink, width, height);

    // Assess: every boundary falls in a gap, so each cell holds exactly one character.
    expect(cells).toHaveLength(45);
    for (let cell = 0; cell < 44; cell += 1) {
      const start = 10 + cell * 20;
      expect(cells?.[cell]).toBeLessThanOrEqual(start);
      expect(cells?.[cell + 1]).toBeGreaterThanOrEqual(start + 12);
    }
  });

  it('maps a band drawn in perspective back onto its rectangle', () => {
    // Prepare: the corners of a 800 × 50 band, seen by a phone tilted so the far end is smaller.
    const square: Array<[number, number]> = [
      [0, 0],
      [800, 0],
      [800, 50],
      [0, 50],
    ];
    const drawn: Array<[number, number]> = [
      [120, 700],
      [900, 690],
      [890, 730],
      [118, 758],
    ];

    // Act
    const [a, b, c, d, e, f, g, h, i] = homography(square, drawn) as number[];
    const map = ([x, y]: [number, number]) => {
      const w = (g ?? 0) * x + (h ?? 0) * y + (i ?? 1);
      return [((a ?? 0) * x + (b ?? 0) * y + (c ?? 0)) / w, ((d ?? 0) * x + (e ?? 0) * y + (f ?? 0)) / w];
    };

    // Assess: every corner lands where it was drawn.
    square.forEach((corner, k) => {
      const [u, v] = map(corner);
      expect(u).toBeCloseTo(drawn[k]?.[0] ?? Number.NaN, 6);
      expect(v).toBeCloseTo(drawn[k]?.[1] ?? Number.NaN, 6);
    });
  });

  it.each([
    [45, 10],
    [0, 8],
    [90, 12],
    [135, 9],
    [20, 14],
  ])('estimates a smear of %i° and %i px from the band alone', (degrees, length) => {
    // Prepare
    const band = smearedBand(degrees, length);

    // Act
    const smear = estimateSmear(band);
    const likeliest = estimateSmears(band, 3);

    // Assess: within a few degrees and a pixel; the runners-up (read when the likeliest does not) in other directions.
    expect(Math.abs(smear.degrees - degrees)).toBeLessThanOrEqual(3);
    expect(Math.abs(smear.length - length)).toBeLessThanOrEqual(1);
    expect(likeliest).toHaveLength(3);
    expect(likeliest[0]).toEqual(smear);
    likeliest.forEach((one, i) => {
      for (const other of likeliest.slice(i + 1)) {
        const apart = Math.abs(one.degrees - other.degrees) % 180;
        expect(Math.min(apart, 180 - apart)).toBeGreaterThanOrEqual(15);
      }
    });
  });
});

describe('smearDirection (which way the band’s gradients are weakest)', () => {
  /** The MRZ of the clean fixture scan (real OCR-B glyphs): the bottom fifth of the page, in grey. */
  let mrz: GreyImage;
  beforeAll(async () => {
    const page = sharp(join(__dirname, '../../fixtures/passports/gareth-clean.png'));
    const { width = 0, height = 0 } = await page.metadata();
    const top = Math.round(height * 0.8);
    const { data, info } = await page
      .extract({ left: 0, top, width, height: height - top })
      .toColourspace('b-w')
      .raw()
      .toBuffer({ resolveWithObject: true });
    mrz = { data: new Uint8Array(data), width: info.width, height: info.height };
  });

  /** The band convolved with `psf`, as a camera would blur it. */
  const blurred = (psf: Psf): GreyImage => {
    const out = new Float32Array(mrz.data.length);
    convolve(Float32Array.from(mrz.data), mrz.width, mrz.height, psf, out);
    return { ...mrz, data: Uint8Array.from(out, (value) => Math.round(value)) };
  };

  const degreesApart = (a: number | undefined, b: number) => {
    const apart = Math.abs((a ?? Number.NaN) - b) % 180;
    return Math.min(apart, 180 - apart);
  };

  it.each([
    [0, 6],
    [28, 6],
    [44, 9],
    [68, 9],
    [108, 12],
    [135, 8],
    [170, 10],
  ])(
    'finds a smear of %i° and %i px within 6° (the cepstrum is searched 9° either side)',
    (degrees, length) => {
      // Act
      const direction = smearDirection(blurred(motionPsf(length, degrees)));

      // Assess
      expect(degreesApart(direction, degrees)).toBeLessThanOrEqual(6);
    },
  );

  it('finds none on the sharp band, or where every direction is blurred alike (out of focus)', () => {
    // Prepare: a round blur, as a lens out of focus gives.
    const taps: number[][] = [];
    for (let y = -3; y <= 3; y += 1)
      for (let x = -3; x <= 3; x += 1) if (x * x + y * y <= 9) taps.push([x, y]);
    const round: Psf = {
      dx: Int32Array.from(taps, (tap) => tap[0] ?? 0),
      dy: Int32Array.from(taps, (tap) => tap[1] ?? 0),
      weight: new Float32Array(taps.length).fill(1 / taps.length),
    };

    // Act, Assess
    expect(smearDirection(mrz)).toBeUndefined();
    expect(smearDirection(blurred(round))).toBeUndefined();
  });

  it('leads the estimates with the cepstrum’s smear in the gradients’ direction', () => {
    // Act
    const [likeliest] = estimateSmears(blurred(motionPsf(9, 135)), 3);

    // Assess
    expect(degreesApart(likeliest?.degrees, 135)).toBeLessThanOrEqual(9);
    expect(Math.abs((likeliest?.length ?? 0) - 9)).toBeLessThanOrEqual(2);
  });
});

/** The convolution as written down: every tap of every pixel clamped to the image's edges. */
function plainConvolution(image: Float32Array, width: number, height: number, psf: Psf, mirrored: boolean) {
  const out = new Float32Array(width * height);
  const sign = mirrored ? -1 : 1;
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) {
      let sum = 0;
      for (let k = 0; k < psf.weight.length; k += 1) {
        const sx = Math.min(width - 1, Math.max(0, x - sign * (psf.dx[k] ?? 0)));
        const sy = Math.min(height - 1, Math.max(0, y - sign * (psf.dy[k] ?? 0)));
        sum += (psf.weight[k] ?? 0) * (image[sy * width + sx] ?? 0);
      }
      out[y * width + x] = sum;
    }
  return out;
}

describe('convolve (the unsmearing’s inner loop)', () => {
  const random = mulberry32(7);
  const sizes: Array<[number, number]> = [
    [97, 41],
    [12, 9],
    [5, 30],
    [3, 3],
  ];
  const smears: Array<[number, number]> = [
    [12, 137],
    [6, 0],
    [15, 90],
    [9, 44],
  ];
  const cases = sizes.flatMap(([width, height]) =>
    smears.flatMap(([length, degrees]) =>
      [false, true].map((mirrored): [number, number, number, number, boolean] => [
        width,
        height,
        length,
        degrees,
        mirrored,
      ]),
    ),
  );

  it.each(cases)(
    'a %i × %i image, a %i px smear at %i°, mirrored %s: the same sums as the plain clamped loop',
    (width, height, length, degrees, mirrored) => {
      // Prepare
      const image = Float32Array.from({ length: width * height }, () => Math.round(random() * 255));
      const psf = motionPsf(length, degrees);
      const out = new Float32Array(width * height);

      // Act
      convolve(image, width, height, psf, out, mirrored);

      // Assess
      expect(out).toEqual(plainConvolution(image, width, height, psf, mirrored));
    },
  );
});
