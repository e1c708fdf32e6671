import type { Application, DocumentRecord } from '../../shared/domain/application';
import { setConsents } from '../../shared/services/consents';
import { aCaseWorld, applicationId } from './authorisation';

/**
 * For "what we hold about you" (UK GDPR Art. 15), in English and in Welsh: a household taken all the way to its
 * keys, with more of its story added, so the copy has something to show in every section.
 */

/** The household of aCaseWorld('let'), its application changed by `change`; Gareth is the applicant. */
export async function aLetHousehold(change: (application: Application) => Partial<Application>) {
  const world = await aCaseWorld('let');
  const application = (await world.deps.applications.get(applicationId)) as Application;
  await world.deps.applications.save({ ...application, ...change(application) });
  return { ...world, gareth: { kind: 'applicant' as const, subject: application.ownerId } };
}

/** The consents Gareth gives, then homes by email, given by an officer on the household's behalf. */
export async function consentsGiven(
  { deps, gareth }: Awaited<ReturnType<typeof aLetHousehold>>,
  given: readonly string[],
): Promise<void> {
  await setConsents(deps, { actor: gareth, applicationId, body: { given } });
  await setConsents(deps, {
    actor: { kind: 'officer', officerId: 'officer-ellis', landlordId: 'riverside-homes', roles: ['officer'] },
    applicationId,
    body: { given: ['homes-by-email'] },
  });
}

/** Gareth's payslip, a PDF read as forms: his employer and net pay, as the reader gave them. */
export function aReadPayslip(employerName: string, changes: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    documentId: 'doc_payslip1',
    kind: 'payslip',
    contentType: 'application/pdf',
    sizeBytes: 80_000,
    status: 'read',
    declaredAt: '2026-11-01T10:05:00.000Z',
    receivedAt: '2026-11-01T10:06:00.000Z',
    readFields: {
      employerName: { value: employerName, confidence: 0.97 },
      netPay: { value: '210000', confidence: 0.91 },
    },
    ...changes,
  };
}
