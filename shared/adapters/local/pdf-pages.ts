import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * A PDF's pages as images, for the local reader: poppler-utils' `pdfinfo` counts the pages and `pdftoppm`
 * renders them (CI installs poppler-utils; the local runtime already relies on them, local/poppler.ts).
 * Offline: they read only the file they are given. Rendered in grey at 200 dpi, where body text is about
 * 30 px high, which tesseract reads well.
 */
const run = promisify(execFile);

const DPI = 200;

export type PdfPages =
  | { ok: true; pages: number; images: Buffer[] }
  | { ok: false; problem: 'unreadable' | 'too-many-pages'; pages?: number };

/** Renders the first `limit` pages; more pages than that is an answer, not a render. */
export async function renderPdfPages(bytes: Uint8Array, limit: number): Promise<PdfPages> {
  const folder = await mkdtemp(join(tmpdir(), 'doorstep-read-'));
  try {
    const path = join(folder, 'document.pdf');
    await writeFile(path, bytes);
    let pages: number;
    try {
      const { stdout } = await run('pdfinfo', [path]);
      pages = Number(/^Pages:\s+(\d+)$/m.exec(stdout)?.[1] ?? Number.NaN);
    } catch {
      // pdfinfo refuses a damaged or password-protected PDF.
      return { ok: false, problem: 'unreadable' };
    }
    if (!Number.isInteger(pages) || pages < 1) return { ok: false, problem: 'unreadable' };
    if (pages > limit) return { ok: false, problem: 'too-many-pages', pages };
    try {
      await run('pdftoppm', ['-r', String(DPI), '-gray', '-png', path, join(folder, 'page')]);
    } catch {
      return { ok: false, problem: 'unreadable' };
    }
    // pdftoppm names pages page-1.png or page-01.png (padded to the page count's digits): sort by number.
    const files = (await readdir(folder))
      .filter((name) => /^page-\d+\.png$/.test(name))
      .sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]));
    const images = await Promise.all(files.map((name) => readFile(join(folder, name))));
    return images.length === pages ? { ok: true, pages, images } : { ok: false, problem: 'unreadable' };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
