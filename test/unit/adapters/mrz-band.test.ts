import { estimateSkew, findMrzRows, homography, locateCells } from '../../../shared/adapters/local/mrz-band';

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
});
