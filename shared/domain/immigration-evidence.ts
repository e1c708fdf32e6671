import * as z from 'zod';

/**
 * Evidence of immigration status without an upload: a share code from the Home Office's "view and prove your
 * immigration status" service and the holder's date of birth, recorded for an officer to check on that service.
 * Doorstep never checks a share code itself (there is no Home Office API for it here): recording one proves
 * nothing until an officer has looked.
 */

/** Biometric residence permits were replaced by eVisas at the end of 2024 (DESIGN.md §6): never proof now. */
export const BRP_REFUSAL =
  "Biometric residence permits stopped being proof of status at the end of 2024. Give us a share code from the Home Office's 'view and prove your immigration status' service instead.";

/**
 * A share code as the service shows it: 9 letters and digits, written XXX XXX XXX. People copy it with spaces or
 * hyphens and in any case, so those are dropped and letters made capitals before it is checked.
 */
export const ShareCode = z
  .string()
  .transform((code) => code.replace(/[\s-]/g, '').toUpperCase())
  .pipe(
    z
      .string()
      .min(1, 'Enter your share code')
      .regex(/^[A-Z0-9]{9}$/, 'A share code is 9 letters and numbers, like W12 3AB C45'),
  );

/** A share code as the Home Office service shows it: three groups of three. */
export const formatShareCode = (code: string) => code.replace(/^(.{3})(.{3})(.{3})$/, '$1 $2 $3');

const ShareCodeEvidence = z.object({
  kind: z.literal('share-code'),
  shareCode: ShareCode,
  /** The holder's date of birth: the view-and-prove service asks it beside the code. */
  dateOfBirth: z.iso.date('Enter the date of birth of the person the share code is for'),
});

/** No share code yet (for example, status not sure, or an application pending): an officer follows it up. */
const NoShareCode = z.object({ kind: z.literal('none') });

/**
 * Someone who offers a BRP is told why it is not proof and what to give instead: a 400 whose field problem is
 * that reason, through the same schema as every other answer. Its output type is `never`, so no BRP is stored.
 */
const RefusedBrp = z.object({ kind: z.literal('brp') }).transform((_value, context): never => {
  context.addIssue({ code: 'custom', path: ['kind'], message: BRP_REFUSAL });
  return z.NEVER;
});

export const ImmigrationEvidence = z.discriminatedUnion('kind', [ShareCodeEvidence, NoShareCode, RefusedBrp]);
export type ImmigrationEvidence = z.infer<typeof ImmigrationEvidence>;

/**
 * The evidence as the application keeps it: a share code also carries the day it is to be deleted, set when the
 * application closes or is let (domain/documents.ts). Only Doorstep sets it: the answer's schema above has no
 * such field, so an applicant cannot keep their code longer (or shorter) than its retention.
 */
export const StoredImmigrationEvidence = z.discriminatedUnion('kind', [
  ShareCodeEvidence.extend({ deleteAfter: z.iso.datetime().optional() }),
  NoShareCode,
  RefusedBrp,
]);
export type StoredImmigrationEvidence = z.infer<typeof StoredImmigrationEvidence>;
