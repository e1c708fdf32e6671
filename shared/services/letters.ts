import type { Application, Decision } from '../domain/application.js';
import { composeLetter, type Letter, letterNumbers, needsLetter } from '../domain/letters.js';
import { policyFor } from '../policies.js';
import { NotFoundError } from '../ports.js';
import type { Deps } from './deps.js';
import { ownedApplication } from './ownership.js';
import { sha256OfBytes } from './tenancy-documents.js';

/**
 * The applicant's decision letters: the HTML letter is drawn from the decision whenever it is asked for; the
 * PDF is the one a workflow step wrote (services/letter-pdf.ts), served as stored. Apart from the code that
 * makes PDFs, so the API and web bundles carry no pdf-lib. Someone else's application answers exactly like a
 * missing one (DESIGN.md §1b).
 */

/** Where a decision letter's PDF lives in the document store. */
export const letterKey = (applicationId: string, number: number) =>
  `letters/${applicationId}/decision-${number}.pdf`;

/** A decision as the applicant's view shows it: with its letter's number when it has one. */
export type LetteredDecision = Decision & { letterNumber?: number };

export function withLetterNumbers(decisions: readonly Decision[]): LetteredDecision[] {
  return decisions.map((decision, number) =>
    needsLetter(decision) ? { ...decision, letterNumber: number } : decision,
  );
}

/** A letter number from a path: digits only, small. Anything else is a 404, like a letter that does not exist. */
export function parseLetterNumber(text: string): number {
  if (!/^\d{1,3}$/.test(text)) throw new NotFoundError('No such letter');
  return Number(text);
}

function letterOf(application: Application, number: number): Letter {
  const letter = composeLetter(application, number, policyFor(application.policyId));
  if (!letter) throw new NotFoundError('No such letter');
  return letter;
}

export async function letterForApplicant(
  deps: Pick<Deps, 'applications'>,
  input: { applicant: { subject: string }; applicationId: string; number: number },
): Promise<{ letter: Letter; pdf: boolean }> {
  const application = await ownedApplication(deps, input.applicant.subject, input.applicationId);
  const letter = letterOf(application, input.number);
  return { letter, pdf: application.decisions[input.number]?.letter !== undefined };
}

export async function letterPdfForApplicant(
  deps: Pick<Deps, 'applications' | 'documents'>,
  input: { applicant: { subject: string }; applicationId: string; number: number },
): Promise<{ pdf: Uint8Array; filename: string }> {
  const application = await ownedApplication(deps, input.applicant.subject, input.applicationId);
  letterOf(application, input.number);
  const recorded = application.decisions[input.number]?.letter;
  if (!recorded) throw new NotFoundError('The PDF of this letter is not ready yet');
  const pdf = await deps.documents.read(recorded.key);
  if (!pdf) throw new NotFoundError('The PDF of this letter is not ready yet');
  // Only the bytes the record names go out: a stored file that changed is a fault, not a letter.
  if (sha256OfBytes(pdf) !== recorded.sha256) {
    throw new Error(`The stored letter ${recorded.key} does not match its record`);
  }
  return { pdf, filename: `decision-letter-${input.applicationId}-${input.number}.pdf` };
}

/**
 * Has the Letters workflow write the PDFs of the decision letters this application lacks: decisions made outside
 * a workflow (a change reassessed, an officer's override) by functions that cannot carry pdf-lib. Named after
 * the application and its number of decisions, so a retried request starts it once. True when one was started.
 */
export async function requestLetterPdfs(
  deps: Pick<Deps, 'applications' | 'workflow'>,
  applicationId: string,
): Promise<boolean> {
  const application = await deps.applications.get(applicationId);
  if (!application) return false;
  const missing = letterNumbers(application).some((number) => !application.decisions[number]?.letter);
  if (!missing) return false;
  await deps.workflow.startLetters(applicationId, `letters-${applicationId}-${application.decisions.length}`);
  return true;
}
