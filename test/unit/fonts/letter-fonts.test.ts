import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { Encodings } from '@pdf-lib/standard-fonts';
import { FONT_CHARACTERS, FontMetrics, LETTER_FONTS, standardFontsCanDraw } from '../../../shared/fonts';

const folder = join(__dirname, '..', '..', '..', 'shared', 'fonts');
const fileOf = (name: string, extension: 'ttf' | 'json') =>
  readFileSync(join(folder, `${name}.${extension}`));

describe('the letter fonts', () => {
  const fonts = Object.values(LETTER_FONTS).map(({ file, name }) => [file, name] as const);
  const metricsOf = (file: string) => FontMetrics.parse(JSON.parse(fileOf(file, 'json').toString('utf8')));

  it.each(fonts)('%s: its metrics are the font file’s own, glyph by glyph', (file, name) => {
    // Prepare: the committed font, opened by fontkit itself (a development dependency, never in a bundle).
    const font = fontkit.create(fileOf(file, 'ttf'));
    const metrics = metricsOf(file);

    // Act
    const disagreeing = Object.entries(metrics.glyphs).filter(
      ([, [id, width]]) => font.getGlyph(id).advanceWidth !== width,
    );

    // Assess: a font regenerated without its metrics (or the other way round) would print at the wrong widths.
    expect(Object.keys(metrics.glyphs).length).toBeGreaterThan(300);
    expect(disagreeing).toEqual([]);
    expect(font.unitsPerEm).toBe(metrics.unitsPerEm);
    // A modified version does not carry Red Hat's trademark in its name (shared/fonts/LICENCE, clause 2).
    expect(metrics.postscriptName).toMatch(new RegExp(`^[A-Z]{6}\\+${name}$`));
    expect(metrics.postscriptName).not.toMatch(/liberation/i);
  });

  it.each(fonts)(
    '%s: has every character Welsh writes, every one Helvetica can print, and every one it was cut for',
    (file) => {
      // Prepare
      const metrics = metricsOf(file);
      const winAnsi = Array.from({ length: 0x10000 }, (_, codePoint) => codePoint).filter((codePoint) =>
        Encodings.WinAnsi.canEncodeUnicodeCodePoint(codePoint),
      );
      const welsh = 'ÂâÊêÎîÔôÛûŴŵŶŷÄäËëÏïÖöÜüẄẅŸÿÁáÉéÍíÓóÚúẂẃÝýÀàÈèÌìÒòÙùẀẁỲỳ’‘“”–—£€';

      // Act
      const absent = FONT_CHARACTERS.filter((codePoint) => !(String(codePoint) in metrics.glyphs));
      const absentWelsh = Array.from(welsh).filter(
        (character) => !(String(character.codePointAt(0)) in metrics.glyphs),
      );

      // A document that needs the letter fonts never loses a character Helvetica would have printed.
      const absentWinAnsi = winAnsi.filter((codePoint) => !(String(codePoint) in metrics.glyphs));

      // Assess
      expect(absent).toEqual([]);
      expect(absentWelsh).toEqual([]);
      expect(winAnsi.length).toBeGreaterThan(200);
      expect(absentWinAnsi).toEqual([]);
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
