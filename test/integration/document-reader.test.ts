/**
 * @jest-environment ./test/support/onnx-environment.js
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { LocalDocumentReader, MAX_PAGES } from '../../shared/adapters/local/document-reader';
import { LocalMrzReader } from '../../shared/adapters/local/mrz-reader';
import type { DocumentReading } from '../../shared/ports';
import { DOCUMENT_IMAGES, type DocumentImage, SPECIMENS } from '../fixtures/documents/specimens';

/**
 * The local forms reader on the rendered documents of test/fixtures/documents: tesseract.js offline, poppler
 * for the PDF. Clean scans and the bank's PDF must read every field exactly. A degraded phone photo must read
 * right or go to a person: refused with a reason, or with a field missing or below the confidence an officer
 * is asked under ({@link PERSON_BELOW}). A degraded photo read wrong with every field confident would be a
 * silent misread. How often each happens, and how fast, is measured by `npm run bench:ocr`, not asserted.
 */
jest.setTimeout(120_000);

const folder = join(__dirname, '../fixtures/documents');
const bytesOf = (file: string) => readFile(join(folder, file));

/** Below this confidence a field is shown to an officer (the bench's "needs a person" share uses it too). */
const PERSON_BELOW = 0.8;

let reader: LocalDocumentReader;

beforeAll(() => {
  reader = new LocalDocumentReader();
});

afterAll(async () => {
  // DESIGN.md §5: an open tesseract worker keeps Jest from exiting.
  await reader.close();
});

async function read(image: DocumentImage): Promise<DocumentReading> {
  return reader.readDocument({
    kind: SPECIMENS[image.specimen].kind,
    bytes: await bytesOf(image.file),
    contentType: image.contentType,
  });
}

const clean = DOCUMENT_IMAGES.filter((image) => image.capture === 'clean');
const degraded = DOCUMENT_IMAGES.filter((image) => image.capture === 'degraded');

describe('LocalDocumentReader', () => {
  it.each(clean.map((image) => [image.file, image] as const))(
    'reads every field of %s exactly',
    async (_file, image) => {
      // Act
      const reading = await read(image);

      // Assess
      if (!reading.ok) throw new Error(`Expected a reading, got: ${reading.reason}`);
      const values = Object.fromEntries(
        Object.keys(SPECIMENS[image.specimen].expected).map((field) => [field, reading.fields[field]?.value]),
      );
      expect(values).toEqual(SPECIMENS[image.specimen].expected);
    },
  );

  it('reads both pages of the PDF statement, and says there were two', async () => {
    const pdf = DOCUMENT_IMAGES.find((image) => image.contentType === 'application/pdf');
    if (!pdf) throw new Error('The fixtures have a PDF');

    const reading = await read(pdf);

    expect(reading).toMatchObject({ ok: true, pages: 2 });
  });

  it.each(degraded.map((image) => [image.file, image] as const))(
    'reads %s right, or sends it to a person',
    async (_file, image) => {
      // Act
      const reading = await read(image);

      // Assess
      if (!reading.ok) {
        expect(reading.reason).toMatch(/\w+: \w+|upload|Retake/);
        return;
      }
      const expected = SPECIMENS[image.specimen].expected;
      const fields = Object.keys(expected);
      const goesToAPerson = fields.some((field) => (reading.fields[field]?.confidence ?? 0) < PERSON_BELOW);
      if (goesToAPerson) return;
      expect(Object.fromEntries(fields.map((field) => [field, reading.fields[field]?.value]))).toEqual(
        expected,
      );
    },
  );

  it.each([90, 180, 270])(
    'reads a clean payslip photographed turned %i° with no EXIF orientation to say so',
    async (degrees) => {
      // Prepare: the pixels turned, as a phone that did not record its orientation leaves them.
      const turned = await sharp(await bytesOf('gareth-payslip-clean.png'))
        .rotate(degrees)
        .png()
        .toBuffer();

      // Act
      const reading = await reader.readDocument({ kind: 'payslip', bytes: turned, contentType: 'image/png' });

      // Assess
      if (!reading.ok) throw new Error(`Expected a reading, got: ${reading.reason}`);
      expect(reading.fields.netPay?.value).toBe(SPECIMENS['gareth-payslip'].expected.netPay);
      expect(reading.fields.employeeName?.value).toBe(SPECIMENS['gareth-payslip'].expected.employeeName);
    },
  );

  it('refuses a PDF of more pages than it reads, saying which pages to upload', async () => {
    // Prepare
    const pdf = await PDFDocument.create();
    for (let page = 0; page <= MAX_PAGES; page += 1) pdf.addPage([595, 842]).drawText(`Page ${page + 1}`);
    const bytes = await pdf.save();

    // Act
    const reading = await reader.readDocument({
      kind: 'bank-statement',
      bytes,
      contentType: 'application/pdf',
    });

    // Assess
    expect(reading).toEqual({
      ok: false,
      reason: expect.stringContaining(
        `The PDF has ${MAX_PAGES + 1} pages and Doorstep reads up to ${MAX_PAGES}`,
      ),
    });
  });

  it.each([
    [
      'not an image at all',
      new TextEncoder().encode('not a payslip, just some text'),
      'image/jpeg',
      /could not be opened/,
    ],
    [
      'a damaged PDF',
      new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n'),
      'application/pdf',
      /PDF could not be opened/,
    ],
  ] as const)('answers %s with what to do', async (_what, bytes, contentType, reason) => {
    const reading = await reader.readDocument({ kind: 'payslip', bytes, contentType });

    expect(reading).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });

  it('asks for a retake when a photo has no legible print', async () => {
    // Prepare: a grey photo of nothing, as a phone gives it when the lens is covered.
    const blank = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#777' } })
      .jpeg()
      .toBuffer();

    // Act
    const reading = await reader.readDocument({
      kind: 'utility-bill',
      bytes: blank,
      contentType: 'image/jpeg',
    });

    // Assess
    expect(reading).toEqual({ ok: false, reason: expect.stringContaining('Retake it in daylight') });
  });

  it('is what the wired local reader uses for documents other than passports', async () => {
    const wired = new LocalMrzReader();
    try {
      const reading = await wired.readDocument({
        kind: 'council-tax-bill',
        bytes: await bytesOf('gareth-council-tax-bill-clean.png'),
        contentType: 'image/png',
      });

      expect(reading).toMatchObject({ ok: true, fields: { council: { value: 'Cardiff Council' } } });
    } finally {
      await wired.close();
    }
  });
});
