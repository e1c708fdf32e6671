import type { DocumentRecord } from '../../../shared/domain/application';
import { type MalwareScanner, ScanNotFinishedError, type ScanVerdict } from '../../../shared/ports';
import { documentKey, receiveUpload } from '../../../shared/services/documents';
import { aCompleteApplication } from '../../fixtures/applications';
import { type MemoryDeps, memoryDeps } from '../../support/memory';

const applicationId = 'app_0123456789abcdef0123456789abcdef';
const documentId = 'doc_0123456789abcdef0123456789abcdef';
const key = documentKey(applicationId, documentId);
const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

/** A scanner that answers what the test says and records what it was asked. */
function scannerAnswering(answer: () => Promise<ScanVerdict>): MalwareScanner & { asked: unknown[] } {
  const scanner = {
    asked: [] as unknown[],
    scan: async (input: { key: string; declaredType: string }) => {
      scanner.asked.push({ key: input.key, declaredType: input.declaredType });
      return answer();
    },
  };
  return scanner;
}

async function given(answer: () => Promise<ScanVerdict>, bytes: Uint8Array = PDF) {
  const deps: MemoryDeps = memoryDeps();
  const scanner = scannerAnswering(answer);
  deps.scanner = scanner;
  const document: DocumentRecord = {
    documentId,
    // A passport sent as a PDF is stored for an officer and not read: these tests are about what comes before.
    kind: 'passport',
    contentType: 'application/pdf',
    sizeBytes: 4_000,
    status: 'declared',
    declaredAt: '2026-11-02T09:00:00.000Z',
  };
  await deps.applications.create(aCompleteApplication({ documents: [document] }));
  deps.documents.quarantine.set(key, bytes);
  return { deps, scanner };
}

const stored = async (deps: MemoryDeps) => (await deps.applications.get(applicationId))?.documents[0];

describe('receiveUpload scans before it promotes', () => {
  it('promotes an upload the scanner calls clean, having asked about its key and declared type', async () => {
    const { deps, scanner } = await given(async () => ({ verdict: 'clean' }));

    const { outcome } = await receiveUpload(deps, { key });

    expect(outcome).toBe('uploaded');
    expect(scanner.asked).toEqual([{ key, declaredType: 'application/pdf' }]);
    expect(deps.documents.promoted.has(key)).toBe(true);
  });

  it.each([
    ['infected', 'Our virus check found something harmful in the file.'],
    ['refused', 'This PDF cannot be accepted. It contains JavaScript.'],
  ] as const)(
    'rejects an upload the scanner calls %s, with its reason, and keeps nothing',
    async (verdict, reason) => {
      const { deps } = await given(async () => ({ verdict, reason }));

      const { outcome } = await receiveUpload(deps, { key });

      expect(outcome).toBe('rejected');
      expect(await stored(deps)).toMatchObject({ status: 'rejected', problem: reason });
      expect(deps.documents.quarantine.has(key)).toBe(false);
      expect(deps.documents.promoted.has(key)).toBe(false);
      // The audit keeps the verdict, never the reason text or the file's content.
      expect(deps.audit.events).toEqual([
        expect.objectContaining({
          type: 'document-rejected',
          facts: { documentId, sniffed: 'application/pdf', scan: verdict },
        }),
      ]);
    },
  );

  it('does not scan bytes that are not the declared type: they are rejected as such', async () => {
    const { deps, scanner } = await given(async () => ({ verdict: 'clean' }), new Uint8Array([1, 2, 3, 4]));

    expect((await receiveUpload(deps, { key })).outcome).toBe('rejected');
    expect(scanner.asked).toEqual([]);
    expect((await stored(deps))?.problem).toMatch(/^The file is not the PDF it was said to be/);
  });

  it('keeps the upload in quarantine while the scan is still running, so a retry finds it', async () => {
    let verdict: ScanVerdict | undefined;
    const { deps } = await given(async () => {
      if (!verdict) throw new ScanNotFinishedError('still being checked');
      return verdict;
    });

    await expect(receiveUpload(deps, { key })).rejects.toThrow(ScanNotFinishedError);
    expect(deps.documents.quarantine.has(key)).toBe(true);
    expect((await stored(deps))?.status).toBe('declared');

    verdict = { verdict: 'clean' };
    expect((await receiveUpload(deps, { key })).outcome).toBe('uploaded');
  });
});
