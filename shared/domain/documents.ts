import type { DocumentContentType, DocumentKind, DocumentRecord } from './application.js';
import { BRP_REFUSAL } from './immigration-evidence.js';

/**
 * The catalogue of evidence an applicant can give (issue 7): for each type, what it proves, the fields Doorstep
 * reads from it, the files it takes, whether it is read by OCR and how long it is kept. Pure data: the upload
 * slot, the reader and the retention sweep all read it, so a new type is one entry here.
 *
 * Retention: UK GDPR Art. 5(1)(e) (storage limitation) keeps personal data no longer than its purpose needs.
 * Each document's purpose ends with the decision it supports and the time to ask for a review of that decision
 * (Housing Act 1996 s166A(9) in England, s167(4A) in Wales; schemes commonly allow 21 days to ask and about 8
 * weeks to decide). The decision, its reasons and the audit trail are kept; the document itself is not. Days
 * count from the day the application closes or the home is let.
 */

/** What a piece of evidence can prove. */
export type Proves = 'identity' | 'income' | 'address' | 'immigration-status';

/** Everything in the catalogue: the documents that are uploaded, and a share code that is not. */
export type EvidenceKind = DocumentKind | 'evisa-share-code';

export interface EvidenceType {
  /** Its name as an applicant knows it. */
  name: string;
  proves: readonly Proves[];
  /** The fields it yields, by name (an uploaded document's `readFields`, or the answer's fields). */
  fields: readonly string[];
  /** The files it is accepted as; none for evidence that is not uploaded. */
  contentTypes: readonly DocumentContentType[];
  /** How it is read: the MRZ of a passport, forms and queries for other documents, or not at all. */
  reading: 'mrz' | 'forms' | 'none';
  /** Days kept after the application closes or is let, the reason beside each. */
  retentionDays: number;
  /** Why it is not accepted as proof at all, if it is not. */
  refusal?: string;
}

const PHOTOS_AND_SCANS = ['image/jpeg', 'image/png', 'application/pdf'] as const;

/**
 * Identity and status evidence only confirms who someone is for the decision: kept for the review window
 * (21 days) and a margin, then deleted.
 */
const IDENTITY_RETENTION_DAYS = 30;
/**
 * Income and address evidence supports qualification and affordability decisions, which can be reviewed: 21
 * days to ask and about 8 weeks to decide, rounded up to 90 days.
 */
const DECISION_EVIDENCE_RETENTION_DAYS = 90;

export const DOCUMENT_CATALOGUE: Readonly<Record<EvidenceKind, EvidenceType>> = {
  passport: {
    name: 'Passport',
    proves: ['identity'],
    fields: ['surname', 'givenNames', 'documentNumber', 'nationality', 'dateOfBirth', 'sex', 'expiryDate'],
    contentTypes: PHOTOS_AND_SCANS,
    // The machine-readable zone, check digits and all (Textract's AnalyzeID covers US documents only).
    reading: 'mrz',
    retentionDays: IDENTITY_RETENTION_DAYS,
  },
  'driving-licence': {
    name: 'UK photocard driving licence',
    proves: ['identity', 'address'],
    fields: ['surname', 'givenNames', 'dateOfBirth', 'documentNumber', 'expiryDate', 'address'],
    contentTypes: PHOTOS_AND_SCANS,
    reading: 'forms',
    retentionDays: IDENTITY_RETENTION_DAYS,
  },
  'evisa-share-code': {
    name: "Share code from the Home Office's 'view and prove your immigration status' service",
    proves: ['immigration-status'],
    fields: ['shareCode', 'dateOfBirth'],
    // Nothing to upload: an officer checks the code on the Home Office service; Doorstep never does.
    contentTypes: [],
    reading: 'none',
    // A share code lasts 90 days and proves nothing once the officer's check is recorded.
    retentionDays: IDENTITY_RETENTION_DAYS,
  },
  payslip: {
    name: 'Payslip',
    proves: ['income'],
    fields: ['employeeName', 'employerName', 'payDate', 'payPeriod', 'grossPay', 'netPay'],
    contentTypes: PHOTOS_AND_SCANS,
    reading: 'forms',
    retentionDays: DECISION_EVIDENCE_RETENTION_DAYS,
  },
  'bank-statement': {
    name: 'Bank statement',
    proves: ['income', 'address'],
    fields: ['accountHolder', 'address', 'periodStart', 'periodEnd', 'moneyIn', 'closingBalance'],
    contentTypes: PHOTOS_AND_SCANS,
    reading: 'forms',
    retentionDays: DECISION_EVIDENCE_RETENTION_DAYS,
  },
  'universal-credit-statement': {
    name: 'Universal Credit statement',
    proves: ['income'],
    fields: [
      'claimantName',
      'assessmentPeriodStart',
      'assessmentPeriodEnd',
      'housingElement',
      'totalPayment',
    ],
    contentTypes: PHOTOS_AND_SCANS,
    reading: 'forms',
    retentionDays: DECISION_EVIDENCE_RETENTION_DAYS,
  },
  'benefit-letter': {
    name: 'Benefit award letter',
    proves: ['income', 'address'],
    fields: ['claimantName', 'address', 'benefit', 'amount', 'frequency', 'letterDate'],
    contentTypes: PHOTOS_AND_SCANS,
    reading: 'forms',
    retentionDays: DECISION_EVIDENCE_RETENTION_DAYS,
  },
  'utility-bill': {
    name: 'Utility bill',
    proves: ['address'],
    fields: ['accountHolder', 'address', 'postcode', 'supplier', 'billDate'],
    contentTypes: PHOTOS_AND_SCANS,
    reading: 'forms',
    retentionDays: DECISION_EVIDENCE_RETENTION_DAYS,
  },
  'council-tax-bill': {
    name: 'Council Tax bill',
    proves: ['address'],
    fields: ['accountHolder', 'address', 'postcode', 'council', 'billDate'],
    contentTypes: PHOTOS_AND_SCANS,
    reading: 'forms',
    retentionDays: DECISION_EVIDENCE_RETENTION_DAYS,
  },
  brp: {
    name: 'Biometric residence permit',
    proves: [],
    fields: [],
    contentTypes: [],
    reading: 'none',
    // Refused before any upload slot exists, so there is nothing to keep.
    retentionDays: 0,
    refusal: BRP_REFUSAL,
  },
};

/**
 * The kinds read as forms (`reading: 'forms'`): printed labels and their values, by OCR locally and Textract's
 * FORMS and QUERIES in AWS. Listed by hand so the type is exact; a unit test holds it to the catalogue.
 */
export const FORMS_KINDS = [
  'driving-licence',
  'payslip',
  'bank-statement',
  'universal-credit-statement',
  'benefit-letter',
  'utility-bill',
  'council-tax-bill',
] as const satisfies readonly DocumentKind[];
export type FormsKind = (typeof FORMS_KINDS)[number];

export const isFormsKind = (kind: string): kind is FormsKind =>
  (FORMS_KINDS as readonly string[]).includes(kind);

/** Days a kind of evidence is kept after its application closes or is let (UK GDPR Art. 5(1)(e)). */
export const retentionDays = (kind: EvidenceKind): number => DOCUMENT_CATALOGUE[kind].retentionDays;

/** When a document of this kind is to be deleted, for an application that closed or was let at `closedAt`. */
export function deleteAfter(kind: EvidenceKind, closedAt: string): string {
  return new Date(Date.parse(closedAt) + retentionDays(kind) * DAY_MS).toISOString();
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * An application's documents as it closes or is let: each with the day it is to be deleted. A date set before
 * (a case reopened and closed again) is kept, so closing twice never keeps a document longer.
 */
export function withDeletionDates(documents: readonly DocumentRecord[], closedAt: string): DocumentRecord[] {
  return documents.map((document) => ({
    ...document,
    deleteAfter: document.deleteAfter ?? deleteAfter(document.kind, closedAt),
  }));
}
