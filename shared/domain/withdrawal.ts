import * as z from 'zod';
import type { Application } from './application.js';
import { DOCUMENT_CATALOGUE, type EvidenceKind } from './documents.js';

/**
 * Withdrawing an application (issue 9): the applicant can leave at any stage, before registration, on the
 * register or during an offer (DESIGN.md §1b: only an applicant's withdrawal or a decision ends an
 * application). Pure rules here; services/withdrawal.ts does it.
 */

/**
 * The error a withdrawn application's open waits are failed with (WorkflowClient.fail): every human wait of
 * the workflows catches it and ends the execution (workflows/steps.ts), instead of parking the case for an
 * officer as any other failure would.
 */
export const WITHDRAWN_ERROR = 'ApplicationWithdrawn';

export const WithdrawalBody = z.object({
  /** Optional: the applicant need not say why. Their own words, kept on the application only. */
  reason: z
    .string()
    .trim()
    .max(500, 'Your reason must be 500 characters or fewer')
    .optional()
    .transform((reason) => (reason ? reason : undefined)),
});

/** Why this application cannot be withdrawn, or undefined when it can (or was withdrawn already: idempotent). */
export function withdrawalRefusal(
  application: Pick<Application, 'status' | 'withdrawal'>,
): string | undefined {
  if (application.withdrawal) return undefined;
  if (application.status === 'let')
    return 'The home is let to you, so there is no application to withdraw. To end your tenancy, give your landlord notice.';
  if (application.status === 'closed')
    return 'This application was closed by the lettings team, so there is nothing to withdraw. If you still need a home, you can apply again.';
  return undefined;
}

/** What is kept after a withdrawal and for how long, in plain English, from the evidence catalogue's rules. */
export interface RetentionAfterWithdrawal {
  /** Days identity documents and share codes are kept after the withdrawal. */
  identityDays: number;
  /** Days income and address evidence is kept after the withdrawal. */
  evidenceDays: number;
}

const IDENTITY: readonly EvidenceKind[] = ['passport', 'driving-licence', 'evisa-share-code'];

/**
 * The longest each group of evidence is kept after an application closes (documents.ts: UK GDPR Art. 5(1)(e)),
 * so the page says what the retention sweep will really do.
 */
export function retentionAfterWithdrawal(): RetentionAfterWithdrawal {
  const days = (kinds: EvidenceKind[]) =>
    Math.max(...kinds.map((kind) => DOCUMENT_CATALOGUE[kind].retentionDays));
  const kinds = Object.keys(DOCUMENT_CATALOGUE) as EvidenceKind[];
  return {
    identityDays: days(kinds.filter((kind) => IDENTITY.includes(kind))),
    evidenceDays: days(kinds.filter((kind) => !IDENTITY.includes(kind) && kind !== 'brp')),
  };
}
