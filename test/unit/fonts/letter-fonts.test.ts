import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { FONT_CHARACTERS, type FontMetrics, LETTER_FONTS, standardFontsCanDraw } from '../../../shared/fonts';

const folder = join(__dirname, '..', '..', '..', 'shared', 'fonts');
const fileOf = (name: string, extension: 'ttf' | 'json') =>
  readFileSync(join(folder, `${name}.${extension}`));

describe('the letter fonts', () => {
  it.each(Object.values(LETTER_FONTS))('%s: its metrics are the font file’s own, glyph by glyph', (name) => {
    // Prepare: the committed font, opened by fontkit itself (a development dependency, never in a bundle).
    const font = fontkit.create(fileOf(name, 'ttf'));
    const metrics = JSON.parse(fileOf(name, 'json').toString('utf8')) as FontMetrics;

    // Act
    const disagreeing = Object.entries(metrics.glyphs).filter(
      ([, [id, width]]) => font.getGlyph(id).advanceWidth !== width,
    );

    // Assess: a font regenerated without its metrics (or the other way round) would print at the wrong widths.
    expect(Object.keys(metrics.glyphs).length).toBeGreaterThan(300);
    expect(disagreeing).toEqual([]);
    expect(font.unitsPerEm).toBe(metrics.unitsPerEm);
    expect(metrics.postscriptName).toMatch(/^[A-Z]{6}\+LiberationSans/);
  });

  it.each(Object.values(LETTER_FONTS))(
    '%s: has every character Welsh writes, and every one it was cut for',
    (name) => {
      // Prepare
      const metrics = JSON.parse(fileOf(name, 'json').toString('utf8')) as FontMetrics;
      const welsh = 'ÂâÊêÎîÔôÛûŴŵŶŷÄäËëÏïÖöÜüẄẅŸÿÁáÉéÍíÓóÚúẂẃÝýÀàÈèÌìÒòÙùẀẁỲỳ’‘“”–—£€';

      // Act
      const absent = FONT_CHARACTERS.filter((codePoint) => !(String(codePoint) in metrics.glyphs));
      const absentWelsh = Array.from(welsh).filter(
        (character) => !(String(character.codePointAt(0)) in metrics.glyphs),
      );

      // Assess
      expect(absent).toEqual([]);
      expect(absentWelsh).toEqual([]);
    },
  );
});

describe('choosing fonts for a document', () => {
  it('keeps the standard fonts for text WinAnsi encodes, accents, pound signs and curly quotes included', () => {
    expect(standardFontsCanDraw(['Siân’s café, £84,000 — “Ydy”', 'Gwenllïan, Môn'])).toBe(true);
  });

  it('needs the letter fonts for ŵ, ŷ and the letters of names beyond Latin-1, however they were typed', () => {
    expect(standardFontsCanDraw(['Tŷ Gwyn'])).toBe(false);
    expect(standardFontsCanDraw(['Heol y Dŵr'])).toBe(false);
    expect(standardFontsCanDraw(['Łukasz'])).toBe(false);
    // A w followed by a combining circumflex is still ŵ once composed.
    expect(standardFontsCanDraw(['w\u0302'])).toBe(false);
    expect(standardFontsCanDraw(['e\u0301'])).toBe(true);
  });
});
