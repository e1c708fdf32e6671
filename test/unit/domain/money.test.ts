import { pounds, poundsAndPence } from '../../../shared/domain/money';

describe('pounds', () => {
  it.each([
    [0, '£0'],
    [5, '£0.05'],
    [50, '£0.50'],
    [99_999, '£999.99'],
    [100_000, '£1,000'],
    [120_000, '£1,200'],
    [6_000_012, '£60,000.12'],
    [12_345_678_900, '£123,456,789'],
    [-1_250, '-£12.50'],
  ])('writes %i pence as %s', (pence, written) => {
    expect(pounds(pence)).toBe(written);
  });

  it('groups every whole amount the way Intl does', () => {
    const intl = new Intl.NumberFormat('en-GB');
    for (let whole = 0; whole < 2_000_000; whole += 997) {
      expect(pounds(whole * 100)).toBe(`£${intl.format(whole)}`);
    }
  });
});

describe('poundsAndPence', () => {
  it.each([
    [0, '£0.00'],
    [7, '£0.07'],
    [100_000, '£1,000.00'],
    [123_456, '£1,234.56'],
    [-99, '-£0.99'],
  ])('writes %i pence as %s', (pence, written) => {
    expect(poundsAndPence(pence)).toBe(written);
  });
});
