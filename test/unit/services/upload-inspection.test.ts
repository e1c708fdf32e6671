import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { LocalUploadInspector } from '../../../shared/adapters/local/upload-inspector';
import type { DocumentRecord } from '../../../shared/domain/application';
import type { MrzReading, TextReader } from '../../../shared/ports';
import { documentKey, receiveUpload } from '../../../shared/services/documents';
import { aCompleteApplication } from '../../fixtures/applications';
import { pngClaiming } from '../../fixtures/hostile/generate';
import { type MemoryDeps, memoryDeps, unexpected } from '../../support/memory';

/**
 * receiveUpload inspects a clean upload before it promotes and reads it (issue 7: image normalisation,
 * multi-page PDFs, tampering signals), with the real local inspector (sharp and pdf-lib) and the memory stores.
 */
const first = 'app_0123456789abcdef0123456789abcdef';
const second = 'app_fedcba9876543210fedcba9876543210';
const documentId = 'doc_0123456789abcdef0123456789abcdef';
const PASSPORT_PAGE = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400"><rect width="600" height="400" fill="#f4f1e8"/><rect x="30" y="60" width="160" height="200" fill="#555"/><rect x="220" y="70" width="320" height="24" fill="#222"/><rect x="220" y="120" width="260" height="24" fill="#222"/><rect x="30" y="320" width="540" height="20" fill="#000"/><rect x="30" y="350" width="540" height="20" fill="#000"/></svg>',
);

function aDocument(overrides: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    documentId,
    // A passport sent as a PDF is stored for an officer and not read: these tests are about what comes before.
    kind: 'passport',
    contentType: 'application/pdf',
    sizeBytes: 4_000_000,
    status: 'declared',
    declaredAt: '2026-11-02T09:00:00.000Z',
    ...overrides,
  };
}

/** Memory stores with the real local inspector, and a reader that records what it was given. */
function depsWithInspector(): MemoryDeps & { readImages: Uint8Array[] } {
  const readImages: Uint8Array[] = [];
  const deps = Object.assign(memoryDeps(), { readImages });
  deps.inspector = new LocalUploadInspector();
  const readPassportMrz = async (image: Uint8Array): Promise<MrzReading> => {
    readImages.push(image);
    return { ok: false, reason: 'The two lines at the bottom are not in the photo', engine: 'test' };
  };
  // Passports only: any other reading was not expected here.
  deps.reader = new Proxy(unexpected<TextReader>('reader'), {
    get: (target, method) => (method === 'readPassportMrz' ? readPassportMrz : Reflect.get(target, method)),
  });
  return deps;
}

async function upload(deps: MemoryDeps, applicationId: string, document: DocumentRecord, bytes: Uint8Array) {
  if (!(await deps.applications.get(applicationId))) {
    await deps.applications.create(aCompleteApplication({ applicationId, documents: [document] }));
  }
  const key = documentKey(applicationId, document.documentId);
  deps.documents.quarantine.set(key, bytes);
  const { outcome } = await receiveUpload(deps, { key });
  const stored = (await deps.applications.get(applicationId))?.documents.find(
    (candidate) => candidate.documentId === document.documentId,
  );
  return { outcome, stored, key };
}

async function aPdf(pages: number, producer = 'Payroll Bureau 4.2'): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  for (let page = 0; page < pages; page += 1) document.addPage([300, 200]);
  document.setProducer(producer);
  return document.save();
}

describe('receiveUpload inspects what it keeps', () => {
  it('keeps and reads the upright, scaled-down copy of a passport photo, not the original', async () => {
    const deps = depsWithInspector();
    const sideways = await sharp(PASSPORT_PAGE)
      .resize(4500, 3000)
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();

    const { stored, key } = await upload(
      deps,
      first,
      aDocument({ kind: 'passport', contentType: 'image/jpeg' }),
      sideways,
    );

    const kept = deps.documents.promoted.get(key)?.bytes;
    expect(kept).toBeDefined();
    expect(await sharp(kept).metadata()).toMatchObject({ width: 2000, height: 3000, format: 'jpeg' });
    expect(deps.readImages).toEqual([kept]);
    expect(stored).toMatchObject({ status: 'uploaded', imageHash: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(stored?.signals).toBeUndefined();
  });

  it('notes on the second application a photo already uploaded on another, and only there', async () => {
    const deps = depsWithInspector();
    const photo = await sharp(PASSPORT_PAGE).png().toBuffer();
    const sameAgain = await sharp(PASSPORT_PAGE).resize(900, 600).jpeg({ quality: 70 }).toBuffer();
    const payslipPhoto = aDocument({ contentType: 'image/png' });

    const onFirst = await upload(deps, first, payslipPhoto, photo);
    const onSecond = await upload(deps, second, aDocument({ contentType: 'image/jpeg' }), sameAgain);

    expect(onFirst.stored?.signals).toBeUndefined();
    expect(onSecond.outcome).toBe('uploaded');
    expect(onSecond.stored?.signals).toEqual(['This image was also uploaded on another application.']);
    expect(onSecond.stored?.imageHash).toBe(onFirst.stored?.imageHash);
  });

  it('does not note a photo uploaded again on the same application (a replacement)', async () => {
    const deps = depsWithInspector();
    const photo = await sharp(PASSPORT_PAGE).png().toBuffer();
    await upload(deps, first, aDocument({ contentType: 'image/png' }), photo);
    const replacement = aDocument({
      documentId: 'doc_ffffffffffffffffffffffffffffffff',
      contentType: 'image/png',
    });
    const application = await deps.applications.get(first);
    if (!application) throw new Error('no application');
    await deps.applications.save({ ...application, documents: [...application.documents, replacement] });

    const { stored } = await upload(deps, first, replacement, photo);

    expect(stored).toMatchObject({ status: 'uploaded' });
    expect(stored?.signals).toBeUndefined();
  });

  it('records a PDF’s pages and its signs of editing, and still takes it', async () => {
    const deps = depsWithInspector();

    const { outcome, stored, key } = await upload(deps, first, aDocument(), await aPdf(2, 'Sejda PDF 7.6'));

    expect(outcome).toBe('uploaded');
    expect(stored).toMatchObject({
      status: 'uploaded',
      pages: 2,
      signals: ['This PDF was last saved by Sejda, a program for editing PDFs.'],
    });
    expect(deps.documents.promoted.has(key)).toBe(true);
  });

  it.each([
    ['a PDF of 11 pages', () => aPdf(11), 'application/pdf', 'This PDF has 11 pages'],
    [
      'a PNG whose header claims 30000 × 30000 pixels',
      async () => pngClaiming(30_000, 30_000),
      'image/png',
      '30000 by 30000 pixels',
    ],
  ] as const)('rejects %s with its reason and keeps nothing', async (_name, make, contentType, reason) => {
    const deps = depsWithInspector();

    const { outcome, stored, key } = await upload(deps, first, aDocument({ contentType }), await make());

    expect(outcome).toBe('rejected');
    expect(stored?.problem).toContain(reason);
    expect(deps.documents.promoted.has(key)).toBe(false);
    expect(deps.documents.quarantine.has(key)).toBe(false);
    expect(await deps.audit.list(first)).toContainEqual(
      expect.objectContaining({ type: 'document-rejected' }),
    );
  });
});
