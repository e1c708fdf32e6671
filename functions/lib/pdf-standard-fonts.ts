/**
 * `@pdf-lib/standard-fonts` as Lambda bundles see it (DoorstepFunction's esbuild `--alias`): the same API, with
 * the metrics of the three standard fonts Doorstep's PDFs use, rather than all fourteen. pdf-lib imports the
 * package whole, and its font table names every font, so esbuild cannot drop the eleven unused ones itself
 * (about 90 KiB of compressed metrics). Everything else is the package's own code and data: the encodings, the
 * decompression, and the metrics files, imported by path so the alias does not catch them.
 *
 * Tests check that pdf-lib makes the same agreement, byte for byte, with this module as with the package.
 * A PDF that needs another font fails loudly here, naming the list to add it to.
 */

import Courier from '../../node_modules/@pdf-lib/standard-fonts/lib/Courier.compressed.json';
import { Encodings } from '../../node_modules/@pdf-lib/standard-fonts/lib/Encoding.js';
import Helvetica from '../../node_modules/@pdf-lib/standard-fonts/lib/Helvetica.compressed.json';
import HelveticaBold from '../../node_modules/@pdf-lib/standard-fonts/lib/Helvetica-Bold.compressed.json';
import { decompressJson } from '../../node_modules/@pdf-lib/standard-fonts/lib/utils.js';

export { Encodings };

/** The fourteen standard PDF fonts: pdf-lib lists them to tell a standard font from an embedded one. */
export const FontNames = {
  Courier: 'Courier',
  CourierBold: 'Courier-Bold',
  CourierOblique: 'Courier-Oblique',
  CourierBoldOblique: 'Courier-BoldOblique',
  Helvetica: 'Helvetica',
  HelveticaBold: 'Helvetica-Bold',
  HelveticaOblique: 'Helvetica-Oblique',
  HelveticaBoldOblique: 'Helvetica-BoldOblique',
  TimesRoman: 'Times-Roman',
  TimesRomanBold: 'Times-Bold',
  TimesRomanItalic: 'Times-Italic',
  TimesRomanBoldItalic: 'Times-BoldItalic',
  Symbol: 'Symbol',
  ZapfDingbats: 'ZapfDingbats',
} as const;

/** The fonts whose metrics the bundles carry: those the tenancy agreement embeds (tenancy-agreement.ts). */
const compressedMetrics: Record<string, string> = {
  Helvetica,
  'Helvetica-Bold': HelveticaBold,
  Courier,
};

type KernPair = [string, string, number];

/** A font's AFM metrics, as pdf-lib reads them: the file's fields, plus width and kerning lookups. */
export class Font {
  [field: string]: unknown;
  declare CharMetrics: Array<{ N: string; WX: number }>;
  declare KernPairs: KernPair[];
  private static readonly loaded = new Map<string, Font>();
  private widths: Record<string, number> = {};
  private kerning: Record<string, Record<string, number>> = {};

  static load(fontName: string): Font {
    const cached = Font.loaded.get(fontName);
    if (cached) return cached;
    const compressed = compressedMetrics[fontName];
    if (!compressed) {
      throw new Error(
        `Lambda bundles carry the metrics of ${Object.keys(compressedMetrics).join(', ')} only; add ${fontName} to functions/lib/pdf-standard-fonts.ts`,
      );
    }
    const font = Object.assign(new Font(), JSON.parse(decompressJson(compressed)));
    for (const metric of font.CharMetrics) font.widths[metric.N] = metric.WX;
    for (const [left, right, amount] of font.KernPairs) {
      font.kerning[left] ??= {};
      font.kerning[left][right] = amount;
    }
    Font.loaded.set(fontName, font);
    return font;
  }

  getWidthOfGlyph = (glyphName: string): number | undefined => this.widths[glyphName];

  getXAxisKerningForPair = (leftGlyphName: string, rightGlyphName: string): number | undefined =>
    this.kerning[leftGlyphName]?.[rightGlyphName];
}
