/**
 * The stages of a Doorstep journey. One list shared by the workflows, the handlers, the API and the UI,
 * so that "where is this application?" has exactly one vocabulary.
 *
 * The Application workflow runs from Eligibility to Registered; each offer of a home then runs a Letting
 * workflow from Offer to Let (DESIGN.md §1: bounded executions linked by the application id).
 */
export enum Stage {
  Eligibility = 'Eligibility',
  Qualification = 'Qualification',
  Household = 'Household',
  Documents = 'Documents',
  Verification = 'Verification',
  Registered = 'Registered',
  Offer = 'Offer',
  OfficerApproval = 'OfficerApproval',
  ApplicantResponse = 'ApplicantResponse',
  TenancySigning = 'TenancySigning',
  Keys = 'Keys',
  Let = 'Let',
}

/** Stages of the Application workflow, in order. */
export const applicationStages = [
  Stage.Eligibility,
  Stage.Qualification,
  Stage.Household,
  Stage.Documents,
  Stage.Verification,
  Stage.Registered,
] as const;

/** Stages of the Letting workflow, in order. */
export const lettingStages = [
  Stage.Offer,
  Stage.OfficerApproval,
  Stage.ApplicantResponse,
  Stage.TenancySigning,
  Stage.Keys,
  Stage.Let,
] as const;

export type ApplicationStage = (typeof applicationStages)[number];
export type LettingStage = (typeof lettingStages)[number];

/** Who a human wait is waiting for. */
export enum WaitingFor {
  Applicant = 'applicant',
  Officer = 'officer',
  SeniorOfficer = 'senior-officer',
}

/** Plain-English names, for people (the UI, letters, the officer console). */
export const stageTitles: Record<Stage, string> = {
  [Stage.Eligibility]: 'Can you apply?',
  [Stage.Qualification]: 'Do you qualify for the register?',
  [Stage.Household]: 'Your household',
  [Stage.Documents]: 'Your documents',
  [Stage.Verification]: 'Checking your details',
  [Stage.Registered]: 'On the housing register',
  [Stage.Offer]: 'A home for you',
  [Stage.OfficerApproval]: 'An officer checks the offer',
  [Stage.ApplicantResponse]: 'Your answer to the offer',
  [Stage.TenancySigning]: 'Signing your tenancy',
  [Stage.Keys]: 'Your keys',
  [Stage.Let]: 'Moved in',
};
