import { inflateSync } from 'node:zlib';
import sharp from 'sharp';
import type { MalwareScanner, ScanVerdict } from '../../ports.js';

/**
 * The local stand-in for GuardDuty Malware Protection (DESIGN.md §3). It is NOT an antivirus: it knows no
 * virus signatures except the EICAR test file. It refuses what a housing document never needs to be, and what
 * hides a second file inside the first: anything but JPEG, PNG or PDF (SVG above all: it can carry scripts);
 * images that are also a PDF, a ZIP or a web page, or carry bytes after their end; images cut short, of no size,
 * or too large to open safely (a decompression bomb claims huge dimensions); PDFs that run code, launch
 * programs, embed files or are encrypted (an officer could not read them), or are cut short.
 */
export class StructuralScanner implements MalwareScanner {
  constructor(private readonly options: { maxPixels?: number } = {}) {}

  async scan(input: Parameters<MalwareScanner['scan']>[0]): Promise<ScanVerdict> {
    const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
    // latin1 maps each byte to one character, so offsets in the text are offsets in the file.
    const text = bytes.toString('latin1');
    if (text.includes(EICAR)) {
      return infected('The file contains the EICAR test signature, which virus scanners treat as a virus.');
    }
    if (/<svg[\s>]/i.test(text.slice(0, 4096))) {
      return refused(
        'SVG drawings are never accepted because they can carry scripts. Doorstep takes photos (JPEG or PNG) and PDFs only.',
      );
    }
    switch (input.declaredType) {
      case 'image/jpeg':
      case 'image/png':
        return this.image(bytes, text, input.declaredType);
      case 'application/pdf':
        return pdf(bytes, text);
      default:
        return refused('Doorstep takes photos (JPEG or PNG) and PDFs only.');
    }
  }

  private async image(bytes: Buffer, text: string, type: 'image/jpeg' | 'image/png'): Promise<ScanVerdict> {
    const structure = type === 'image/png' ? pngStructure(bytes) : jpegStructure(bytes);
    const hidden = hiddenContent(text, 0);
    if (hidden) return refused(`${AGAIN('image')} It also contains ${hidden}, hidden inside the picture.`);
    if (!structure) return refused(`${AGAIN('image')} It is cut short or damaged.`);
    if (bytes.byteLength - structure.end > TRAILER_SLACK_BYTES) {
      return refused(`${AGAIN('image')} Something else is stored after the end of the picture.`);
    }
    const maxPixels = this.options.maxPixels ?? MAX_IMAGE_PIXELS;
    if (structure.width === 0 || structure.height === 0) {
      return refused(`${AGAIN('image')} It says it is ${structure.width} by ${structure.height} pixels.`);
    }
    if (structure.width * structure.height > maxPixels) {
      return refused(
        `${AGAIN('image')} At ${structure.width} by ${structure.height} pixels it is larger than the ${maxPixels / 1_000_000} megapixels Doorstep opens.`,
      );
    }
    // A second opinion from the decoder: it reads only the header and refuses a pixel bomb before decoding.
    try {
      const metadata = await sharp(bytes, { limitInputPixels: maxPixels }).metadata();
      if (!metadata.width || !metadata.height) return refused(`${AGAIN('image')} It has no size.`);
    } catch {
      return refused(
        `${AGAIN('image')} It could not be opened as a ${type === 'image/png' ? 'PNG' : 'JPEG'}.`,
      );
    }
    return { verdict: 'clean' };
  }
}

/** The EICAR anti-virus test file's signature (eicar.org): scanners treat it as a virus, so it tests the path. */
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';
/** Larger than any passport or payslip photo a phone takes (about 12–50 MP), small enough to decode safely. */
export const MAX_IMAGE_PIXELS = 50_000_000;
/** Bytes tolerated after an image's end (some encoders pad); more is a second file riding along. */
const TRAILER_SLACK_BYTES = 64;
/** Bytes tolerated after a PDF's last `%%EOF` (line ends, padding). */
const PDF_TRAILER_SLACK_BYTES = 1024;
/** Caps inflating a PDF's streams to look inside them, so a compressed bomb costs no more than this. */
const MAX_INFLATED_BYTES = 20 * 1024 * 1024;

const AGAIN = (what: string) => `This ${what} cannot be accepted.`;
const infected = (reason: string): ScanVerdict => ({
  verdict: 'infected',
  reason: `${reason} Delete it and upload a new photo or scan of the document.`,
});
const refused = (reason: string): ScanVerdict => ({
  verdict: 'refused',
  reason: `${reason} Take a new photo or scan of the document and upload that (JPEG, PNG or PDF).`,
});

/** The start of another kind of file inside this one (a polyglot), and what to call it. */
const HIDDEN: ReadonlyArray<[RegExp, string]> = [
  [/%PDF-/, 'a PDF'],
  // A ZIP's local file header with its "version needed" (1.0 to 6.3): the four signature bytes alone turn up by
  // chance in about one 10 MB photo in 400, the six bytes practically never.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a ZIP's local file header is exactly these bytes.
  [/PK\x03\x04[\x0a-\x3f]\x00/, 'a ZIP archive'],
  [/<script[\s>]|<html[\s>]|<!doctype html|<iframe[\s>]|<\?php/i, 'a web page or script'],
  [/<svg[\s>]/i, 'an SVG drawing'],
];

function hiddenContent(text: string, from: number): string | undefined {
  const rest = text.slice(from);
  return HIDDEN.find(([pattern]) => pattern.test(rest))?.[1];
}

interface ImageStructure {
  width: number;
  height: number;
  /** The offset just past the image's last byte (PNG's IEND chunk, JPEG's EOI marker). */
  end: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Walks a PNG's chunks to IEND; undefined when the signature, IHDR or a chunk length is wrong (cut short). */
function pngStructure(bytes: Buffer): ImageStructure | undefined {
  if (bytes.byteLength < 33 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return undefined;
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  let offset = 8;
  while (offset + 12 <= bytes.byteLength) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const next = offset + 12 + length;
    if (next > bytes.byteLength) return undefined;
    if (type === 'IEND') return { width, height, end: next };
    offset = next;
  }
  return undefined;
}

/**
 * Walks a JPEG's segments by their lengths (so an EXIF thumbnail's own end marker is skipped), through the
 * entropy-coded data after each start of scan, to the end-of-image marker; undefined when it is cut short.
 */
function jpegStructure(bytes: Buffer): ImageStructure | undefined {
  if (bytes.byteLength < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let width: number | undefined;
  let height: number | undefined;
  let offset = 2;
  while (offset + 1 < bytes.byteLength) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) {
      return width === undefined || height === undefined ? undefined : { width, height, end: offset + 2 };
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    if (offset + 4 > bytes.byteLength) return undefined;
    const length = bytes.readUInt16BE(offset + 2);
    if (length < 2 || offset + 2 + length > bytes.byteLength) return undefined;
    // SOF0–SOF15 carry the frame's size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (length < 7) return undefined;
      height = bytes.readUInt16BE(offset + 5);
      width = bytes.readUInt16BE(offset + 7);
    }
    offset += 2 + length;
    if (marker === 0xda) {
      // Entropy-coded data: runs until a marker other than a stuffed zero or a restart marker.
      let at = bytes.indexOf(0xff, offset);
      while (at >= 0 && at + 1 < bytes.byteLength) {
        const next = bytes[at + 1] ?? 0;
        if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7)) break;
        at = bytes.indexOf(0xff, at + 2);
      }
      if (at < 0 || at + 1 >= bytes.byteLength) return undefined;
      offset = at;
    }
  }
  return undefined;
}

/** PDF names that run code, launch programs or carry other files. */
const ACTIVE_PDF: ReadonlyArray<[RegExp, string]> = [
  [/\/JavaScript\b|\/JS\b/, 'It contains JavaScript, which could run when the PDF is opened.'],
  [/\/Launch\b/, 'It asks to launch another program when opened.'],
  [/\/EmbeddedFiles?\b/, 'It has other files embedded inside it.'],
  [/\/RichMedia\b/, 'It contains embedded media that could run code.'],
  // XFA forms carry their own scripts; the others fetch or send data, or open other files, when acted on.
  [/\/XFA\b/, 'It is an XFA form, which can carry scripts.'],
  [/\/SubmitForm\b|\/ImportData\b/, 'It sends or fetches data when its form is used.'],
  [/\/GoTo[RE]\b/, 'It opens another file when a link is followed.'],
  [/\/OpenAction\s*<<[^>]*\/S\s*\/URI\b/, 'It opens a web address as soon as it is opened.'],
];

function pdf(bytes: Buffer, text: string): ScanVerdict {
  if (!text.startsWith('%PDF-')) return refused(`${AGAIN('PDF')} It does not start as a PDF does.`);
  const end = text.lastIndexOf('%%EOF');
  if (end < 0) return refused(`${AGAIN('PDF')} It is cut short or damaged.`);
  if (bytes.byteLength - (end + 5) > PDF_TRAILER_SLACK_BYTES) {
    return refused(`${AGAIN('PDF')} Something else is stored after the end of the document.`);
  }
  const hidden = hiddenContent(text, 5);
  if (hidden) return refused(`${AGAIN('PDF')} It also contains ${hidden}, hidden inside the document.`);
  const streams = inflatedStreams(bytes, text);
  if (streams === undefined) {
    return refused(`${AGAIN('PDF')} It is too complex to check. Print it to a new PDF, or photograph it.`);
  }
  const inspected = `${decodeNames(text)}\n${decodeNames(streams)}`;
  if (/\/Encrypt\b/.test(inspected)) {
    return refused(`${AGAIN('PDF')} It is password-protected or encrypted, so it cannot be checked or read.`);
  }
  const active = ACTIVE_PDF.find(([pattern]) => pattern.test(inspected));
  if (active) return refused(`${AGAIN('PDF')} ${active[1]} Print it to a new PDF, or photograph it.`);
  return { verdict: 'clean' };
}

/** PDF names may spell characters as `#xx` (`/J#61vaScript`): spell them out before matching. */
function decodeNames(text: string): string {
  return text.replace(/#([0-9A-Fa-f]{2})/g, (_match, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

/** More streams than any real scan or statement has: a file with more is refused rather than walked. */
const MAX_PDF_STREAMS = 10_000;

/**
 * The text of the PDF's Flate-compressed streams (where object streams hide `/JavaScript`), inflated up to a
 * cap; a stream that does not inflate is skipped (it may be an image in another filter). One pass: each search
 * starts after the previous stream's end, so a file of many tiny streams costs linear time (found in review: a
 * 560 KB PDF of empty streams took 85 s). Undefined when the file cannot be checked in full (too many streams,
 * or more compressed data than the budget): the caller refuses it rather than call unchecked content clean.
 */
function inflatedStreams(bytes: Buffer, text: string): string | undefined {
  const parts: string[] = [];
  let budget = MAX_INFLATED_BYTES;
  let streams = 0;
  const opening = /stream\r?\n/g;
  for (let match = opening.exec(text); match; match = opening.exec(text)) {
    streams += 1;
    if (streams > MAX_PDF_STREAMS) return undefined;
    const start = match.index + match[0].length;
    const stop = text.indexOf('endstream', start);
    if (stop < 0) break;
    opening.lastIndex = stop + 'endstream'.length;
    // An image's pixels cannot run anything, and a scanned page's would use up the budget: not inflated.
    const dictionary = decodeNames(text.slice(Math.max(0, match.index - 1024), match.index));
    if (/\/Subtype\s*\/Image\b/.test(dictionary.slice(dictionary.lastIndexOf('obj')))) continue;
    try {
      const inflated = inflateSync(bytes.subarray(start, stop), { maxOutputLength: budget });
      budget -= inflated.byteLength;
      parts.push(inflated.toString('latin1'));
    } catch (error) {
      // More than what is left of the budget: the rest cannot be checked, so the file is not called clean.
      if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
        return undefined;
      // Not Flate (an image in another filter): not inspected further.
    }
    if (budget <= 0) return undefined;
  }
  return parts.join('\n');
}
