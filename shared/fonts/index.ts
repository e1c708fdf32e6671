import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Encodings } from '@pdf-lib/standard-fonts';
import { type PDFDocument, type PDFFont, StandardFonts } from 'pdf-lib';
import type { Font } from 'pdf-lib/cjs/types/fontkit';
import * as z from 'zod';

/**
 * The fonts a letter in Welsh needs (issue 9). The standard PDF fonts encode WinAnsi only, which has no ŵ or ŷ:
 * "tŷ" would print as "ty". So letters embed Liberation Sans (Helvetica's widths), cut down to the characters
 * below and measured by fontkit at development time (scripts/subset-fonts.ts, `npm run fonts`). fontkit does not
 * ship in the functions: at 714 KB it would take the letter-writing functions past their 1 MiB bundle budget
 * (issue 4). The fonts and their metrics are data, read from disk like the Welsh catalogue: beside this module
 * in the repository, in `fonts/` beside a function's bundle (infra/constructs/journey.ts copies them).
 *
 * pdf-lib still writes the font into the PDF (a Type 0 font with its widths and a ToUnicode map, so the text can
 * be searched, copied and read aloud); it asks its "fontkit" only for each character's glyph and width, which
 * {@link PreparedFont} answers from the metrics. No shaping: letters need no ligatures or kerning.
 */

/** The characters the letter fonts hold: Welsh, the rest of Latin-1 and Latin Extended-A for names, and typography. */
export const FONT_CHARACTERS: readonly number[] = [
  ...range(0x20, 0x7e),
  ...range(0xa0, 0xff),
  // Latin Extended-A: Ŵ ŵ Ŷ ŷ (U+0174-0177), and the letters of Polish, Czech, Hungarian, Turkish, Latvian names.
  ...range(0x100, 0x17f),
  // Romanian's Ș ș Ț ț.
  ...range(0x218, 0x21b),
  // Welsh's Ẁ ẁ Ẃ ẃ Ẅ ẅ and Ỳ ỳ.
  ...range(0x1e80, 0x1e85),
  0x1ef2,
  0x1ef3,
  // The rest of WinAnsi, so a document never loses a character Helvetica would have printed: ƒ ˆ ˜ † ‡ ‰ ‹ › ™.
  ...[0x0192, 0x02c6, 0x02dc, 0x2020, 0x2021, 0x2030, 0x2039, 0x203a, 0x2122],
  // Dashes, quotes, bullet, ellipsis, the euro, the minus.
  ...[0x2010, 0x2011, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2022, 0x2026, 0x20ac],
  0x2212,
];

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

/**
 * The letter fonts, by style: their files' names (`<file>.ttf` and `<file>.json`) and the name a PDF gives them.
 * Cut-down copies are modified versions, which Liberation's licence says must not carry Red Hat's trademark in
 * their names (shared/fonts/LICENCE, clause 2): they are "Doorstep Sans".
 */
export const LETTER_FONTS = {
  regular: { file: 'doorstep-sans-regular', name: 'DoorstepSans' },
  bold: { file: 'doorstep-sans-bold', name: 'DoorstepSans-Bold' },
} as const;

/** What fontkit measured of a cut-down font (scripts/subset-fonts.ts): in font units, as pdf-lib reads them. */
export const FontMetrics = z.object({
  /** With a subset tag ("ABCDEF+"), as a PDF names a font that holds only some of its glyphs (ISO 32000 9.6.4). */
  postscriptName: z.string().regex(/^[A-Z]{6}\+[A-Za-z-]+$/),
  unitsPerEm: z.number().positive(),
  ascent: z.number(),
  descent: z.number(),
  capHeight: z.number(),
  xHeight: z.number(),
  italicAngle: z.number(),
  bbox: z.object({ minX: z.number(), minY: z.number(), maxX: z.number(), maxY: z.number() }),
  familyClass: z.number().int(),
  fixedPitch: z.boolean(),
  italic: z.boolean(),
  /** Each character's glyph in the cut-down font and its advance width: code point → [glyph id, width]. */
  glyphs: z.record(
    z.string().regex(/^\d+$/),
    z.tuple([z.number().int().nonnegative(), z.number().nonnegative()]),
  ),
});
export type FontMetrics = z.infer<typeof FontMetrics>;

interface PreparedGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

/**
 * A font as pdf-lib's custom-font embedder reads it (the part of fontkit's `Font` it uses), answered from the
 * metrics fontkit measured: a character the font lacks is glyph 0, .notdef, as fontkit would give it.
 */
class PreparedFont {
  readonly cff = false;
  readonly characterSet: number[];
  readonly 'OS/2': { sFamilyClass: number };
  readonly post: { isFixedPitch: boolean };
  readonly head: { macStyle: { italic: boolean } };
  readonly postscriptName: string;
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number;
  readonly xHeight: number;
  readonly italicAngle: number;
  readonly bbox: FontMetrics['bbox'];
  private readonly byCodePoint = new Map<number, PreparedGlyph>();

  constructor(metrics: FontMetrics) {
    this.postscriptName = metrics.postscriptName;
    this.unitsPerEm = metrics.unitsPerEm;
    this.ascent = metrics.ascent;
    this.descent = metrics.descent;
    this.capHeight = metrics.capHeight;
    this.xHeight = metrics.xHeight;
    this.italicAngle = metrics.italicAngle;
    this.bbox = metrics.bbox;
    this['OS/2'] = { sFamilyClass: metrics.familyClass };
    this.post = { isFixedPitch: metrics.fixedPitch };
    this.head = { macStyle: { italic: metrics.italic } };
    for (const [codePoint, [id, advanceWidth]] of Object.entries(metrics.glyphs))
      this.byCodePoint.set(Number(codePoint), { id, advanceWidth, codePoints: [Number(codePoint)] });
    this.characterSet = [...this.byCodePoint.keys()];
  }

  glyphForCodePoint(codePoint: number): PreparedGlyph {
    return this.byCodePoint.get(codePoint) ?? { id: 0, advanceWidth: 0, codePoints: [codePoint] };
  }

  layout(text: string): { glyphs: PreparedGlyph[] } {
    return { glyphs: Array.from(text, (character) => this.glyphForCodePoint(character.codePointAt(0) ?? 0)) };
  }
}

/** Where the fonts are: beside this module in the repository, in `fonts/` beside a function's bundle. */
const FONT_DIRECTORIES = [__dirname, join(__dirname, 'fonts')];

interface LoadedFont {
  bytes: Uint8Array;
  font: PreparedFont;
}
const loaded = new Map<string, LoadedFont>();

function load(name: string): LoadedFont {
  const cached = loaded.get(name);
  if (cached) return cached;
  const directory = FONT_DIRECTORIES.find((candidate) => existsSync(join(candidate, `${name}.ttf`)));
  // A bundle without its fonts is a broken deployment: say so, rather than write a letter that cannot be read.
  if (!directory)
    throw new Error(`The letter font ${name} is missing: looked in ${FONT_DIRECTORIES.join(' and ')}`);
  // Checked like any input: a metrics file that does not fit would lay letters out at the wrong widths.
  const metrics = FontMetrics.parse(JSON.parse(readFileSync(join(directory, `${name}.json`), 'utf8')));
  const font = {
    bytes: new Uint8Array(readFileSync(join(directory, `${name}.ttf`))),
    font: new PreparedFont(metrics),
  };
  loaded.set(name, font);
  return font;
}

/**
 * Embeds the letter fonts in a PDF: the regular and the bold, whole (they are already cut down). Deterministic:
 * the fonts keep their own names, so the same letter gives the same bytes.
 */
export async function embedLetterFonts(doc: PDFDocument): Promise<{ regular: PDFFont; bold: PDFFont }> {
  const regular = load(LETTER_FONTS.regular.file);
  const bold = load(LETTER_FONTS.bold.file);
  const fonts = new Map<Uint8Array, PreparedFont>([
    [regular.bytes, regular.font],
    [bold.bytes, bold.font],
  ]);
  // pdf-lib hands its fontkit the bytes it was given: each is one of the two above.
  doc.registerFontkit({
    create: (bytes: Uint8Array) => {
      const font = fonts.get(bytes);
      if (!font) throw new Error('Only the letter fonts can be embedded');
      // The part of fontkit's Font that the custom-font embedder reads (see PreparedFont), not all of it.
      return font as unknown as Font;
    },
  });
  return {
    regular: await doc.embedFont(regular.bytes, { customName: regular.font.postscriptName }),
    bold: await doc.embedFont(bold.bytes, { customName: bold.font.postscriptName }),
  };
}

/** Whether the standard fonts can draw every character of these texts: WinAnsi is all they encode. */
export function standardFontsCanDraw(texts: readonly string[]): boolean {
  return texts.every((text) =>
    Array.from(text.normalize('NFC')).every((character) =>
      Encodings.WinAnsi.canEncodeUnicodeCodePoint(character.codePointAt(0) ?? 0),
    ),
  );
}

/**
 * The fonts for a document of these texts: Helvetica, as before, when it can draw them all (a small file, nothing
 * embedded); otherwise the letter fonts, so "tŷ", "Ŵyn" and "Łukasz" are printed as written. Either way the
 * same texts give the same fonts, so the same bytes.
 */
export async function fontsFor(
  doc: PDFDocument,
  texts: readonly string[],
): Promise<{ regular: PDFFont; bold: PDFFont; mono: PDFFont }> {
  const { regular, bold } = standardFontsCanDraw(texts)
    ? {
        regular: await doc.embedFont(StandardFonts.Helvetica),
        bold: await doc.embedFont(StandardFonts.HelveticaBold),
      }
    : await embedLetterFonts(doc);
  return { regular, bold, mono: await doc.embedFont(StandardFonts.Courier) };
}
