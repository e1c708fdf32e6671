import {
  blankRuns,
  cropBox,
  findTextBoxes,
  type ProbabilityMap,
  readingOrder,
  scaleBox,
  type TextBox,
  wordsOf,
} from '../../../shared/adapters/local/text-boxes';

/** A blank probability map with the given rectangles (x, y, width, height) marked as text, optionally turned. */
function mapWith(
  width: number,
  height: number,
  rectangles: ReadonlyArray<readonly [number, number, number, number]>,
  turn = 0,
  probability = 0.9,
): ProbabilityMap {
  const data = new Float32Array(width * height);
  const cos = Math.cos(-turn);
  const sin = Math.sin(-turn);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      // Turned about the map's centre: a pixel is marked when, turned back, it falls inside a rectangle.
      const dx = x - width / 2;
      const dy = y - height / 2;
      const bx = width / 2 + dx * cos - dy * sin;
      const by = height / 2 + dx * sin + dy * cos;
      if (rectangles.some(([rx, ry, rw, rh]) => bx >= rx && bx < rx + rw && by >= ry && by < ry + rh))
        data[y * width + x] = probability;
    }
  }
  return { data, width, height };
}

const box = (cx: number, cy: number, halfWidth = 20, halfHeight = 5, angle = 0): TextBox => ({
  cx,
  cy,
  halfWidth,
  halfHeight,
  angle,
  score: 0.9,
});

describe('findTextBoxes', () => {
  it('finds one box per marked line, widened by the unclip distance', () => {
    // Prepare: two level lines, 60×6 and 30×6 map pixels
    const map = mapWith(100, 40, [
      [10, 5, 60, 6],
      [10, 25, 30, 6],
    ]);

    // Act
    const boxes = findTextBoxes(map).sort((a, b) => a.cy - b.cy);

    // Assess: DB's unclip adds area × 1.5 / perimeter = 360 × 1.5 / 132 ≈ 4.09 on every side
    expect(boxes).toHaveLength(2);
    const [first, second] = boxes;
    expect(first?.cx).toBeCloseTo(39.5, 1);
    expect(first?.cy).toBeCloseTo(7.5, 1);
    expect(first?.halfWidth).toBeCloseTo(30 + (360 * 0.75) / 66, 1);
    expect(first?.halfHeight).toBeCloseTo(3 + (360 * 0.75) / 66, 1);
    expect(first?.angle).toBeCloseTo(0, 3);
    expect(second?.halfWidth).toBeCloseTo(15 + (180 * 0.75) / 36, 1);
  });

  it('follows a turned line instead of boxing it upright', () => {
    const map = mapWith(200, 100, [[40, 45, 120, 8]], (3 * Math.PI) / 180);

    const [found] = findTextBoxes(map);

    expect(found?.angle).toBeCloseTo((3 * Math.PI) / 180, 2);
    expect(found?.halfHeight).toBeLessThan(12);
  });

  it('drops faint regions and specks', () => {
    const faint = mapWith(60, 20, [[5, 5, 40, 6]], 0, 0.4);
    const speck = mapWith(60, 20, [[5, 5, 2, 2]]);

    expect(findTextBoxes(faint)).toEqual([]);
    expect(findTextBoxes(speck)).toEqual([]);
  });

  it('scales a box from the map to the page', () => {
    const scaled = scaleBox(box(10, 20, 8, 2), 2, 2);

    expect(scaled).toMatchObject({ cx: 20, cy: 40, halfWidth: 16, halfHeight: 4, angle: 0 });
  });
});

describe('readingOrder', () => {
  it('puts lines top to bottom and a label before the value printed beside it', () => {
    const value = box(200, 50);
    const label = box(40, 52);
    const title = box(100, 10);
    const footer = box(60, 90);

    const lines = readingOrder([footer, value, title, label]);

    expect(lines).toEqual([[title], [label, value], [footer]]);
  });

  it('keeps a turned page’s lines apart, though a line drops further than the gap to the next', () => {
    // Prepare: a page turned 3°, lines 20 px apart; across 400 px a line drops 21 px
    const turn = (3 * Math.PI) / 180;
    const at = (x: number, y: number) =>
      box(x * Math.cos(turn) - y * Math.sin(turn), x * Math.sin(turn) + y * Math.cos(turn), 40, 5, turn);
    const firstLeft = at(40, 0);
    const firstRight = at(400, 0);
    const secondLeft = at(40, 20);
    const secondRight = at(400, 20);

    const lines = readingOrder([secondRight, firstRight, secondLeft, firstLeft]);

    expect(lines).toEqual([
      [firstLeft, firstRight],
      [secondLeft, secondRight],
    ]);
  });
});

describe('cropBox', () => {
  it('cuts a box out level and scales it to the height asked for', () => {
    // Prepare: a white page with a black bar 40×10 at (20, 30)
    const width = 100;
    const height = 80;
    const data = new Uint8Array(width * height).fill(255);
    for (let y = 30; y < 40; y += 1) for (let x = 20; x < 60; x += 1) data[y * width + x] = 0;

    // Act: a box of 60×20 round it, scaled to 48 high
    const crop = cropBox({ data, width, height }, box(40, 35, 30, 10), 48);

    // Assess: 2.4 times larger, the bar in the middle rows and columns, white round it
    expect(crop.height).toBe(48);
    expect(crop.width).toBe(144);
    expect(crop.data[24 * crop.width + 72]).toBe(0);
    expect(crop.data[2 * crop.width + 72]).toBe(255);
    expect(crop.data[24 * crop.width + 5]).toBe(255);
  });
});

/** A white strip 48 px high with black bars at the given [from, to) columns (a stand-in for glyphs). */
function stripWith(width: number, bars: ReadonlyArray<readonly [number, number]>) {
  const height = 48;
  const data = new Uint8Array(width * height).fill(230);
  for (const [from, to] of bars)
    for (let y = 12; y < 36; y += 1) for (let x = from; x < to; x += 1) data[y * width + x] = 20;
  return { data, width, height };
}

describe('blankRuns', () => {
  it('finds the blank columns at least as wide as asked, at the edges too', () => {
    const strip = stripWith(110, [
      [10, 30],
      [33, 50],
      [70, 90],
    ]);

    expect(blankRuns(strip, 12)).toEqual([
      [50, 69],
      [90, 109],
    ]);
  });
});

describe('wordsOf', () => {
  it('splits words at a wide blank gap the model read no space in, and at a space it read', () => {
    // Prepare: "to31" printed as "to" and "31" 20 px apart, then a space read, then "Oct" in full-width
    // letters; 20 time steps over 200 px, so step s is at x = 10s + 5.
    const strip = stripWith(200, [
      [0, 40],
      [60, 100],
      [130, 190],
    ]);
    const characters = [
      { character: 't', probability: 0.99, step: 1 },
      { character: 'o', probability: 0.95, step: 3 },
      { character: '3', probability: 0.9, step: 7 },
      { character: '1', probability: 0.97, step: 8 },
      { character: ' ', probability: 0.6, step: 11 },
      { character: 'Ｏ', probability: 0.8, step: 14 },
      { character: 'c', probability: 0.99, step: 16 },
      { character: 't', probability: 0.99, step: 17 },
    ];

    // Act
    const words = wordsOf(characters, 20, strip);

    // Assess: each word as sure as its least sure character; the space's own probability counts for none
    expect(words).toEqual([
      { text: 'to', confidence: 0.95 },
      { text: '31', confidence: 0.9 },
      { text: 'Oct', confidence: 0.8 },
    ]);
  });
});
