import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * poppler-utils, run on real files (CI installs them: `apt-get install poppler-utils`). Offline: they read
 * only the file they are given.
 */
const run = promisify(execFile);

async function withFile<T>(bytes: Uint8Array, use: (path: string) => Promise<T>): Promise<T> {
  const folder = await mkdtemp(join(tmpdir(), 'doorstep-pdf-'));
  try {
    const path = join(folder, 'document.pdf');
    await writeFile(path, bytes);
    return await use(path);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

export interface PdfSignature {
  fieldName?: string;
  commonName?: string;
  validation?: string;
  totalDocumentSigned: boolean;
}

/** `pdfsig` on the PDF: each signature's field, signer and validation line. */
export async function pdfsig(bytes: Uint8Array): Promise<{ signatures: PdfSignature[]; output: string }> {
  const { stdout } = await withFile(bytes, (path) => run('pdfsig', [path]));
  const signatures = stdout
    .split(/^Signature #\d+:$/m)
    .slice(1)
    .map((block) => ({
      ...field(block, 'fieldName', 'Signature Field Name'),
      ...field(block, 'commonName', 'Signer Certificate Common Name'),
      ...field(block, 'validation', 'Signature Validation'),
      totalDocumentSigned: /^\s+- Total document signed$/m.test(block),
    }));
  return { signatures, output: stdout };
}

function field<K extends keyof PdfSignature>(block: string, key: K, label: string) {
  const value = new RegExp(`^\\s+- ${label}: (.+)$`, 'm').exec(block)?.[1];
  return value === undefined ? {} : { [key]: value };
}

/** `pdftotext -layout`: the text a reader (or a screen reader) gets out of the PDF. */
export async function pdftotext(bytes: Uint8Array): Promise<string> {
  const { stdout } = await withFile(bytes, (path) =>
    run('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-']),
  );
  return stdout;
}

/** `pdffonts`: each font a PDF uses, its type, and whether the PDF carries the font itself. */
export async function pdffonts(
  bytes: Uint8Array,
): Promise<Array<{ name: string; type: string; embedded: boolean; unicode: boolean }>> {
  const { stdout } = await withFile(bytes, (path) => run('pdffonts', [path]));
  // After the header and its rule: name, type (one or two words), encoding, then emb, sub, uni (yes/no), object.
  return stdout
    .split('\n')
    .slice(2)
    .flatMap((line) => {
      const match = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(
        line.trim(),
      );
      return match
        ? [
            {
              name: match[1] ?? '',
              type: match[2] ?? '',
              embedded: match[4] === 'yes',
              unicode: match[6] === 'yes',
            },
          ]
        : [];
    });
}

/** The byte ranges each signature covers, from the PDF's /ByteRange arrays, in file order. */
export function byteRanges(pdf: Uint8Array): Array<[number, number, number, number]> {
  const text = Buffer.from(pdf).toString('latin1');
  return [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)].map(
    (match) =>
      [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4])] as [
        number,
        number,
        number,
        number,
      ],
  );
}
