/**
 * @jest-environment ./test/support/onnx-environment.js
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LocalDocumentReader } from '../../shared/adapters/local/document-reader';
import { DOCUMENT_IMAGES, SPECIMENS } from '../fixtures/documents/specimens';

/**
 * The local forms reader with PaddleOCR's PP-OCRv4 detector and recogniser alone (paddle-page-reader.ts,
 * offline, onnxruntime-node), on the clean payslips and bills of test/fixtures/documents: every field those
 * specimens yield, read exactly. Only the files it was seen to read fully are asserted; how Paddle compares with
 * tesseract.js on every file, clean and degraded, and how fast, is `npm run bench:ocr`'s to measure.
 */
jest.setTimeout(120_000);

const folder = join(__dirname, '../fixtures/documents');

const READ_FULLY = [
  'gareth-payslip-clean.png',
  'zofia-payslip-clean.png',
  'gareth-utility-bill-clean.png',
  'gareth-council-tax-bill-clean.png',
  'zofia-council-tax-bill-clean.png',
];

let reader: LocalDocumentReader;

beforeAll(() => {
  reader = new LocalDocumentReader({ engines: ['paddle'] });
});

afterAll(async () => {
  await reader.close();
});

describe('LocalDocumentReader with PaddleOCR', () => {
  it.each(READ_FULLY)('reads every field of %s exactly', async (file) => {
    // Prepare
    const image = DOCUMENT_IMAGES.find((candidate) => candidate.file === file);
    if (!image) throw new Error(`No fixture ${file}`);
    const { kind, expected } = SPECIMENS[image.specimen];

    // Act
    const reading = await reader.readDocument({
      kind,
      bytes: await readFile(join(folder, file)),
      contentType: image.contentType,
    });

    // Assess
    if (!reading.ok) throw new Error(`Expected a reading, got: ${reading.reason}`);
    const values = Object.fromEntries(
      Object.keys(expected).map((field) => [field, reading.fields[field]?.value]),
    );
    expect(values).toEqual(expected);
  });
});
