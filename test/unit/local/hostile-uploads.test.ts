import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uploadEndpoint } from '../../../local/uploads';
import { FileDocumentStore } from '../../../shared/adapters/local/file-document-store';
import { StructuralScanner } from '../../../shared/adapters/local/structural-scanner';
import { LocalUploadInspector } from '../../../shared/adapters/local/upload-inspector';
import type { DocumentRecord } from '../../../shared/domain/application';
import type { TextReader } from '../../../shared/ports';
import type { Deps } from '../../../shared/services/deps';
import { receiveUpload, uploadSlotFor } from '../../../shared/services/documents';
import { aCompleteApplication } from '../../fixtures/applications';
import { type HostileUpload, hostileUploads } from '../../fixtures/hostile/generate';
import { memoryDeps, unexpected } from '../../support/memory';

/**
 * Issue 7, "Bad uploads": every generated malformed or hostile file is posted to the real local upload endpoint
 * on 127.0.0.1 (a real file store in a temporary folder, the real structural scanner and upload inspector,
 * the same receiveUpload an S3 notification runs), and each one ends rejected with a reason or refused with a
 * 4xx, the server keeps answering, and nothing is left in quarantine or promoted.
 */
const applicationId = 'app_0123456789abcdef0123456789abcdef';
const root = mkdtempSync(join(tmpdir(), 'doorstep-hostile-'));
let server: Server;
let port = 0;
const store = new FileDocumentStore(root, () => `http://127.0.0.1:${port}/local/uploads`, 'test-only-secret');
const deps: Deps = {
  ...memoryDeps(),
  documents: store,
  scanner: new StructuralScanner(),
  inspector: new LocalUploadInspector(),
  // A passport that slipped through would reach the reader: none may.
  reader: unexpected<TextReader>('reader'),
};
let uploads: HostileUpload[];

beforeAll(async () => {
  uploads = await hostileUploads();
  server = createServer(
    uploadEndpoint({
      store,
      clock: deps.clock,
      // What the S3 notification runs in AWS, minus the handler's envelope.
      objectCreated: async (event) => {
        const record = (event as { Records: Array<{ s3: { object: { key: string } } }> }).Records[0];
        const key = decodeURIComponent(record?.s3.object.key ?? '').replace(/^quarantine\//, '');
        await receiveUpload(deps, { key });
      },
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  await deps.applications.create(aCompleteApplication({ applicationId, documents: [] }));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

/** Declares one document for the upload: a passport, so a photo that slipped through would reach the reader. */
async function declare(index: number, upload: HostileUpload): Promise<DocumentRecord> {
  const document: DocumentRecord = {
    documentId: `doc_${String(index).padStart(32, '0')}`,
    kind: 'passport',
    contentType: upload.declaredType,
    sizeBytes: Math.max(1, upload.bytes.byteLength),
    status: 'declared',
    declaredAt: '2026-11-02T09:00:00.000Z',
  };
  const application = await deps.applications.get(applicationId);
  if (!application) throw new Error('no application');
  await deps.applications.save({ ...application, documents: [...application.documents, document] });
  return document;
}

async function post(document: DocumentRecord, bytes: Uint8Array) {
  const slot = await uploadSlotFor(deps, applicationId, document);
  const form = new FormData();
  for (const [name, value] of Object.entries(slot.fields)) form.append(name, value);
  form.append(slot.fileField, new Blob([bytes], { type: document.contentType }), 'document');
  const response = await fetch(slot.url, { method: 'POST', body: form, redirect: 'manual' });
  return { status: response.status, body: await response.text() };
}

/** Every file under a folder of the store, however deep. */
function filesUnder(folder: string): string[] {
  try {
    return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}

/** What the reason must say for some of the files, by name (each name is one the generator makes). */
const EXPECTED_REASONS: Record<string, RegExp> = {
  'empty, declared image/png': /The file is empty/,
  'application/pdf declared as image/jpeg': /not the JPEG photo it was said to be \(it looks like PDF\)/,
  'HEIC photo declared as image/jpeg': /not the JPEG photo it was said to be/,
  'JPEG with a PDF appended': /contains a PDF, hidden inside the picture/,
  'SVG with script, declared image/png': /not the PNG image it was said to be/,
  'PDF with /JavaScript open action': /JavaScript/,
  'PDF with /Launch': /launch another program/,
  'PDF that submits its form': /sends or fetches data/,
  'PDF that opens another file': /opens another file/,
  'PDF that opens a web address when opened': /opens a web address/,
  'PDF with an XFA form': /XFA form/,
  'encrypted PDF': /password-protected or encrypted/,
  'PDF encrypted through an indirect dictionary': /password-protected or encrypted/,
  'PDF with an empty page tree': /has no pages/,
  'PDF whose catalogue is missing': /could not be opened/,
  'PDF of 11 pages': /has 11 pages; Doorstep takes at most 10/,
  'PDF of 250 pages in object streams': /has 250 pages; Doorstep takes at most 10/,
  'PNG claiming 0 × 0': /0 by 0 pixels/,
  'JPEG claiming 0 × 0': /0 by 0 pixels/,
  'PNG claiming 30000 × 30000': /30000 by 30000 pixels it is larger than the 50 megapixels/,
  'JPEG claiming 30000 × 30000': /30000 by 30000 pixels it is larger than the 50 megapixels/,
  'PNG deflate bomb (16000 × 16000)': /16000 by 16000 pixels it is larger/,
  'PNG deflate bomb (8000 × 8000)': /8000 by 8000 pixels it is larger/,
  'EICAR in a PDF string': /EICAR test signature/,
};

describe('hostile uploads through the local upload endpoint', () => {
  it('rejects each of at least 200 malformed or hostile files with a reason, stays up, and keeps nothing', async () => {
    // Prepare
    expect(uploads.length).toBeGreaterThanOrEqual(200);
    const outcomes: Array<{ name: string; status: number; documentStatus?: string; problem?: string }> = [];

    // Act
    for (const [index, upload] of uploads.entries()) {
      const document = await declare(index, upload);
      const answer = await post(document, upload.bytes);
      const after = (await deps.applications.get(applicationId))?.documents.find(
        (candidate) => candidate.documentId === document.documentId,
      );
      outcomes.push({
        name: upload.name,
        status: answer.status,
        ...(after?.status ? { documentStatus: after.status } : {}),
        ...(answer.status >= 400
          ? { problem: answer.body }
          : after?.problem
            ? { problem: after.problem }
            : {}),
      });
    }

    // Assess: a 4xx at the endpoint, or accepted by the endpoint and then rejected with a reason.
    const kept = outcomes.filter(
      (outcome) =>
        !(
          (outcome.status >= 400 && outcome.status < 500) ||
          (outcome.status === 204 && outcome.documentStatus === 'rejected')
        ) || !outcome.problem,
    );
    expect(kept).toEqual([]);
    expect(outcomes.filter((outcome) => outcome.documentStatus === 'rejected').length).toBeGreaterThan(190);
    // The reason says what is wrong, for the kinds the issue names.
    const reasonOf = (name: string) => outcomes.find((outcome) => outcome.name === name)?.problem;
    expect(Object.fromEntries(Object.keys(EXPECTED_REASONS).map((name) => [name, reasonOf(name)]))).toEqual(
      Object.fromEntries(
        Object.entries(EXPECTED_REASONS).map(([name, reason]) => [name, expect.stringMatching(reason)]),
      ),
    );
    expect(filesUnder('quarantine')).toEqual([]);
    expect(filesUnder('documents')).toEqual([]);
    // Still answering after all of them.
    const { status } = await post(
      await declare(uploads.length, uploads[0] as HostileUpload),
      new Uint8Array([1]),
    );
    expect(status).toBe(204);
  });
});
