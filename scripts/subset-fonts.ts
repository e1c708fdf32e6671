import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit, { type Font } from '@pdf-lib/fontkit';
import { FONT_CHARACTERS, FontMetrics, LETTER_FONTS } from '../shared/fonts/index.js';

/**
 * Makes the letter fonts (shared/fonts/), "Doorstep Sans": the Liberation Sans font files, regular and bold, cut
 * down to the characters Doorstep's letters can hold (FONT_CHARACTERS: Welsh's ŵ and ŷ and their capitals, all of
 * WinAnsi, Latin Extended-A for names), and measured here, once, by fontkit.
 *
 * Why: the standard PDF fonts have no ŵ or ŷ, and fontkit itself (714 KB) does not fit the functions that write
 * letters under their 1 MiB bundle budget (issue 4). So fontkit runs here, at development time, and the
 * functions read the small font files and their metrics as data (shared/fonts/index.ts).
 *
 * The source has Helvetica's (Arial's) widths, so a letter wraps the same in either. Its licence is the GPL v2
 * with the font exception (shared/fonts/LICENCE): a modified (cut-down) copy may be made and embedded in
 * documents, and Doorstep extends the font exception to it; a modified copy must not carry Red Hat's trademark in
 * its file or font names (clause 2), hence "Doorstep Sans". The cut-down files hold no name table (fontkit's
 * subset writes only the tables a PDF needs). The source comes from Debian's `fonts-liberation` package:
 * `apt-get install -y fonts-liberation`, then `npm run fonts`. The output is committed: run this again only to
 * change the characters or the font.
 */

const SOURCE = process.env.LIBERATION_DIR ?? '/usr/share/fonts/truetype/liberation';
const OUT = join(__dirname, '..', 'shared', 'fonts');

function encoded(subset: ReturnType<Font['createSubset']>): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const parts: Uint8Array[] = [];
    subset
      .encodeStream()
      .on('data', (bytes: Uint8Array) => parts.push(bytes))
      .on('end', () => resolve(Buffer.concat(parts)));
  });
}

/** Six capitals drawn from the font's own bytes: the same cut gives the same tag, another cut another tag. */
const subsetTag = (bytes: Uint8Array) =>
  Array.from(createHash('sha256').update(bytes).digest().subarray(0, 6), (byte) =>
    String.fromCharCode(65 + (byte % 26)),
  ).join('');

async function cut(source: string, file: string, name: string): Promise<void> {
  const font = fontkit.create(readFileSync(join(SOURCE, source)));
  const subset = font.createSubset();
  const glyphs: FontMetrics['glyphs'] = {};
  const absent: string[] = [];
  for (const codePoint of FONT_CHARACTERS) {
    if (!font.hasGlyphForCodePoint(codePoint)) {
      absent.push(`U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`);
      continue;
    }
    const glyph = font.glyphForCodePoint(codePoint);
    glyphs[codePoint] = [subset.includeGlyph(glyph), glyph.advanceWidth];
  }
  const bytes = await encoded(subset);
  const metrics: FontMetrics = {
    postscriptName: `${subsetTag(bytes)}+${name}`,
    unitsPerEm: font.unitsPerEm,
    ascent: font.ascent,
    descent: font.descent,
    capHeight: font.capHeight,
    xHeight: font.xHeight,
    italicAngle: font.italicAngle,
    bbox: { minX: font.bbox.minX, minY: font.bbox.minY, maxX: font.bbox.maxX, maxY: font.bbox.maxY },
    familyClass: font['OS/2'].sFamilyClass,
    fixedPitch: Boolean(font.post.isFixedPitch),
    italic: Boolean(font.head.macStyle.italic),
    glyphs,
  };
  writeFileSync(join(OUT, `${file}.ttf`), bytes);
  writeFileSync(join(OUT, `${file}.json`), `${JSON.stringify(FontMetrics.parse(metrics))}\n`);
  console.log(
    `${file}: ${Object.keys(glyphs).length} characters, ${bytes.length} bytes${absent.length ? `; not in the font: ${absent.join(' ')}` : ''}`,
  );
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  await cut('LiberationSans-Regular.ttf', LETTER_FONTS.regular.file, LETTER_FONTS.regular.name);
  await cut('LiberationSans-Bold.ttf', LETTER_FONTS.bold.file, LETTER_FONTS.bold.name);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
