import type { Application, DocumentRecord } from '../domain/application.js';
import { unsureNameProblems } from '../domain/identity-check.js';
import { policyFor } from '../policies.js';
import { NotFoundError } from '../ports.js';

/**
 * What the applicant is told beside a passport read cleanly but less surely than the policy allows, whose name
 * matches their answers only tolerantly: the Verification stage will send it to an officer
 * ({@link unsureNameProblems}). Nothing for another document, or under a policy Doorstep no longer has (the
 * stages say so to an officer).
 */
export function unsureNameNote(application: Application, document: DocumentRecord): string | undefined {
  const applicant = application.profile.household.find((member) => member.relationship === 'applicant');
  if (document.kind !== 'passport' || document.status !== 'read' || document.problem || !applicant)
    return undefined;
  let threshold: number;
  try {
    threshold = policyFor(application.policyId).evidence.confidenceThreshold;
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
  return unsureNameProblems(document.readFields ?? {}, applicant, threshold)[0]?.text;
}
