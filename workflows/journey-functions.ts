import type { IFunction } from 'aws-cdk-lib/aws-lambda';

/** The Lambda functions (published aliases) the journey workflows call, one per stage step. */
export interface JourneyFunctions {
  eligibility: IFunction;
  qualification: IFunction;
  household: IFunction;
  documents: IFunction;
  verification: IFunction;
  register: IFunction;
  offer: IFunction;
  closeOffer: IFunction;
  offerTimer: IFunction;
  nextOffer: IFunction;
  tenancy: IFunction;
  tenancySigning: IFunction;
  keys: IFunction;
  let: IFunction;
  awaitPerson: IFunction;
  escalate: IFunction;
  closeCase: IFunction;
  letters: IFunction;
}

/** Each function's folder under `functions/`, so infra and the local runtime agree on what runs where. */
export const journeyFunctionFolders: Record<keyof JourneyFunctions, string> = {
  eligibility: 'eligibility',
  qualification: 'qualification',
  household: 'household',
  documents: 'documents',
  verification: 'verification',
  register: 'register',
  offer: 'offer',
  closeOffer: 'close-offer',
  offerTimer: 'offer-timer',
  nextOffer: 'next-offer',
  tenancy: 'tenancy',
  tenancySigning: 'tenancy-signing',
  keys: 'keys',
  let: 'let',
  awaitPerson: 'await-person',
  escalate: 'escalate',
  closeCase: 'close-case',
  letters: 'letters',
};
