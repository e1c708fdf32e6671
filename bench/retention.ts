import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDynamoDbLocal } from '../local/dynamodb-local.js';
import { DynamoApplicationStore, DynamoAuditLog, documentClient } from '../shared/adapters/aws/dynamodb.js';
import { createJourneyTable } from '../shared/adapters/aws/table.js';
import { FileDocumentStore } from '../shared/adapters/local/file-document-store.js';
import type { Application, DocumentRecord } from '../shared/domain/application.js';
import { deletionEntries } from '../shared/domain/retention.js';
import { documentKey } from '../shared/services/documents.js';
import { sweepRetention } from '../shared/services/retention.js';

/**
 * `npx tsx bench/retention.ts`: the retention sweep against DynamoDB Local (in memory) and the local file store.
 * N closed applications (BENCH_APPLICATIONS, 500 by default), each with a passport (30 days) and a payslip
 * (90 days) and a share code; the sweep runs 31 days after closing, so the passports and share codes are due
 * and the payslips are not. Prints the time to sweep them and the time of a second, idle run. Figures, not
 * assertions: DynamoDB Local on this machine, one sweep at a time, entries handled one after another.
 */
const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 500);
const TABLE = 'doorstep-retention-bench';
const DAY_MS = 86_400_000;

async function main(): Promise<void> {
  const local = await startDynamoDbLocal();
  const root = mkdtempSync(join(tmpdir(), 'doorstep-retention-'));
  try {
    await createJourneyTable(local.client, TABLE);
    const db = documentClient(local.client);
    const applications = new DynamoApplicationStore(db, TABLE);
    const documents = new FileDocumentStore(root, () => 'http://127.0.0.1/local/uploads', 'bench');
    const closedAt = Date.parse('2027-01-10T12:00:00.000Z');
    const deleteAfter = (days: number) => new Date(closedAt + days * DAY_MS).toISOString();
    const document = (documentId: string, kind: DocumentRecord['kind'], days: number): DocumentRecord => ({
      documentId,
      kind,
      contentType: 'image/jpeg',
      sizeBytes: 200_000,
      status: 'read',
      declaredAt: '2027-01-02T10:00:00.000Z',
      readFields: { documentNumber: { value: documentId, confidence: 1 } },
      deleteAfter: deleteAfter(days),
    });
    const seeded = performance.now();
    for (let n = 0; n < APPLICATIONS; n += 1) {
      const applicationId = `app_${n.toString(16).padStart(32, '0')}`;
      const application: Application = {
        applicationId,
        landlordId: 'riverside-homes',
        ownerId: `sub_${n}`,
        policyId: 'riverside-council',
        stage: 'Verification' as Application['stage'],
        status: 'closed',
        profile: {
          household: [],
          immigrationEvidence: {
            kind: 'share-code',
            shareCode: 'W123ABC45',
            dateOfBirth: '1990-01-01',
            deleteAfter: deleteAfter(30),
          },
        },
        documents: [document('doc_passport1', 'passport', 30), document('doc_payslip1', 'payslip', 90)],
        decisions: [],
        createdAt: '2027-01-02T10:00:00.000Z',
        updatedAt: '2027-01-10T12:00:00.000Z',
        version: 0,
      };
      await applications.create(application);
      for (const { documentId } of application.documents) {
        await documents.put(documentKey(applicationId, documentId), new Uint8Array(2048));
      }
      await applications.scheduleDeletions(deletionEntries(application));
    }
    const seedSeconds = (performance.now() - seeded) / 1000;
    const deps = {
      applications,
      documents,
      audit: new DynamoAuditLog(db, TABLE),
      clock: { now: () => new Date(closedAt + 31 * DAY_MS) },
    };
    const started = performance.now();
    const first = await sweepRetention(deps);
    const sweepMs = performance.now() - started;
    const idleStarted = performance.now();
    const second = await sweepRetention(deps);
    const idleMs = performance.now() - idleStarted;
    console.log(`seeded ${APPLICATIONS} closed applications in ${seedSeconds.toFixed(1)} s`);
    console.log('| run | deleted | failed | time | per deletion |');
    console.log('|---|---:|---:|---:|---:|');
    console.log(
      `| first (due) | ${first.deleted} | ${first.failed.length} | ${(sweepMs / 1000).toFixed(2)} s | ${(sweepMs / Math.max(1, first.deleted)).toFixed(1)} ms |`,
    );
    console.log(
      `| second (nothing due) | ${second.deleted} | ${second.failed.length} | ${idleMs.toFixed(0)} ms | |`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
    await local.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
