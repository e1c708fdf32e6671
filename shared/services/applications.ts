import * as z from 'zod';
import {
  type Application,
  Circumstances,
  Contact,
  CurrentHome,
  DocumentContentType,
  DocumentKind,
  type DocumentRecord,
  Household,
  ImmigrationStatus,
  Income,
  LandlordId,
  LocalConnection,
  MAX_DOCUMENT_BYTES,
  type Profile,
} from '../domain/application.js';
import { DOCUMENT_CATALOGUE } from '../domain/documents.js';
import { ImmigrationEvidence } from '../domain/immigration-evidence.js';
import type { KeyCredential, Offer, Property, Tenancy } from '../domain/letting.js';
import { Stage, stageTitles, WaitingFor } from '../domain/stage.js';
import { newId } from '../ids.js';
import { landlordUsesDoorstep, policyForLandlord } from '../policies.js';
import {
  DocumentTooLargeError,
  JourneyStateError,
  UnsupportedDocumentTypeError,
  type UploadSlot,
} from '../ports.js';
import type { Deps } from './deps.js';
import { UploadRedirect, uploadSlotFor } from './documents.js';
import { type LetteredDecision, requestLetterPdfs, withLetterNumbers } from './letters.js';
import { credentialIdFor, tenancyIdFor } from './letting-stages.js';
import { ownedApplication } from './ownership.js';
import { isRegistered, type ReassessDeps, type Reassessment, reassess } from './reassessment.js';

/**
 * The applicant's side of an application: start one, read it, answer the profile's questions and declare
 * documents. Every call names the signed-in subject, and an application of anyone else answers exactly like a
 * missing one (DESIGN.md §1b: every read checks ownership).
 */

export interface Applicant {
  subject: string;
  /** The address or mobile the applicant signed in with (issue 9: a mobile, by a code sent by text). */
  email?: string;
  phone?: string;
}

export const StartApplicationBody = z.object({
  landlordId: LandlordId.refine(landlordUsesDoorstep, 'No landlord with that id uses Doorstep'),
});

/** A finished application takes no more answers or documents. */
const isFinished = (application: Application) =>
  application.status === 'closed' || application.status === 'let';

/**
 * Starts an application for the signed-in applicant and its Application workflow. One conversation per
 * landlord: while the applicant has an open application with the landlord, asking again answers that one
 * (a double click, or a retry after a failed start) and makes sure its workflow runs.
 */
export async function startApplication(
  deps: Pick<Deps, 'applications' | 'workflow' | 'audit' | 'clock'>,
  input: { applicant: Applicant; body: unknown },
): Promise<{ applicationId: string; created: boolean }> {
  const { landlordId } = StartApplicationBody.parse(input.body);
  const policy = policyForLandlord(landlordId);
  const open = (await deps.applications.listByOwner(input.applicant.subject)).find(
    (application) => application.landlordId === landlordId && !isFinished(application),
  );
  if (open) {
    await deps.workflow.startApplication(open.applicationId);
    return { applicationId: open.applicationId, created: false };
  }
  const now = deps.clock.now().toISOString();
  const application: Application = {
    applicationId: newId('app'),
    landlordId,
    ownerId: input.applicant.subject,
    policyId: policy.policyId,
    stage: Stage.Eligibility,
    status: 'in-progress',
    // Data entered once: the address the applicant signed in with is their contact address until they say otherwise.
    profile: {
      household: [],
      ...(input.applicant.email ? { contact: { email: input.applicant.email } } : {}),
    },
    documents: [],
    decisions: [],
    createdAt: now,
    updatedAt: now,
    version: 0,
  };
  await deps.applications.create(application);
  await deps.audit.append({
    applicationId: application.applicationId,
    at: now,
    type: 'started',
    stage: Stage.Eligibility,
    actor: 'applicant',
    facts: { landlordId, policyId: policy.policyId },
  });
  await deps.workflow.startApplication(application.applicationId);
  return { applicationId: application.applicationId, created: true };
}

export interface ApplicationSummary {
  applicationId: string;
  landlordId: string;
  stage: Stage;
  stageTitle: string;
  status: Application['status'];
  createdAt: string;
}

/** The applicant's own applications, oldest first. */
export async function listApplications(
  deps: Pick<Deps, 'applications'>,
  applicant: Pick<Applicant, 'subject'>,
): Promise<ApplicationSummary[]> {
  const owned = await deps.applications.listByOwner(applicant.subject);
  return owned
    .filter((application) => application.ownerId === applicant.subject)
    .map((application) => ({
      applicationId: application.applicationId,
      landlordId: application.landlordId,
      stage: application.stage,
      stageTitle: stageTitles[application.stage],
      status: application.status,
      createdAt: application.createdAt,
    }));
}

/** A wait as the applicant sees it: what to answer and by when, never the task token. */
export interface ApplicantWait {
  decisionId: string;
  kind: string;
  stage: Stage;
  stageTitle: string;
  deadline: string;
}

export interface ApplicantView {
  applicationId: string;
  landlordId: string;
  stage: Stage;
  stageTitle: string;
  status: Application['status'];
  profile: Profile;
  documents: DocumentRecord[];
  /** Each with its letter's number, when the applicant is told about it in writing. */
  decisions: LetteredDecision[];
  registration?: Application['registration'];
  /** When and at which stage the applicant withdrew, with their own reason (issue 9). */
  withdrawal?: Application['withdrawal'];
  /** How it is safe to contact the applicant (issue 9: domain/contact-safety.ts). */
  contactSafety?: Application['contactSafety'];
  waits: ApplicantWait[];
  /** The live or last offer: the home, why it was matched, its state. */
  offer?: {
    offerId: string;
    status: Offer['status'];
    reasons: Offer['reasons'];
    home: Omit<Property, 'doorId' | 'status'>;
  };
  /**
   * The agreement to read and sign: its terms, the hash a signature names, and where its PDF is (the agreement
   * before signing, the signed and countersigned one after, with that PDF's hash).
   */
  tenancy?: Pick<
    Tenancy,
    | 'tenancyId'
    | 'kind'
    | 'terms'
    | 'termsSha256'
    | 'startDate'
    | 'status'
    | 'tenants'
    | 'signedAt'
    | 'countersignedAt'
    | 'signedPdfSha256'
  > & { pdf: string };
  /** The key to the home: the days it works, and where its QR code is (the credential is shown only there). */
  key?: Pick<KeyCredential, 'credentialId' | 'doorId' | 'validFrom' | 'validUntil' | 'format'> & {
    qrCode: string;
  };
  createdAt: string;
  updatedAt: string;
}

/** The applicant's view of their own application: where it is, what was decided and why, what waits on them. */
export async function applicantView(
  deps: Pick<Deps, 'applications' | 'waits' | 'lettings'>,
  input: { applicant: Pick<Applicant, 'subject'>; applicationId: string },
): Promise<ApplicantView> {
  const application = await ownedApplication(deps, input.applicant.subject, input.applicationId);
  const waits = (await deps.waits.listOpen(application.applicationId))
    .filter((wait) => wait.waitingFor === WaitingFor.Applicant)
    .map((wait) => ({
      decisionId: wait.decisionId,
      kind: wait.kind,
      stage: wait.stage,
      stageTitle: stageTitles[wait.stage],
      deadline: wait.deadline,
    }));
  return {
    applicationId: application.applicationId,
    landlordId: application.landlordId,
    stage: application.stage,
    stageTitle: stageTitles[application.stage],
    status: application.status,
    profile: application.profile,
    documents: application.documents,
    decisions: withLetterNumbers(application.decisions),
    ...(application.registration ? { registration: application.registration } : {}),
    ...(application.withdrawal ? { withdrawal: application.withdrawal } : {}),
    ...(application.contactSafety ? { contactSafety: application.contactSafety } : {}),
    waits,
    ...(await letting(deps, application.currentOfferId)),
    createdAt: application.createdAt,
    updatedAt: application.updatedAt,
  };
}

/** What the applicant sees of their offer, tenancy and key, once there is an offer. */
async function letting(
  deps: Pick<Deps, 'lettings'>,
  offerId: string | undefined,
): Promise<Pick<ApplicantView, 'offer' | 'tenancy' | 'key'>> {
  const offer = offerId ? await deps.lettings.getOffer(offerId) : undefined;
  const home = offer ? await deps.lettings.getHome(offer.propertyId) : undefined;
  if (!offer || !home) return {};
  const { doorId: _door, status: _status, ...homeView } = home;
  const tenancy = await deps.lettings.getTenancy(tenancyIdFor(offer));
  const key = await deps.lettings.getKey(credentialIdFor(offer));
  return {
    offer: { offerId: offer.offerId, status: offer.status, reasons: offer.reasons, home: homeView },
    ...(tenancy
      ? {
          tenancy: {
            tenancyId: tenancy.tenancyId,
            kind: tenancy.kind,
            terms: tenancy.terms,
            termsSha256: tenancy.termsSha256,
            startDate: tenancy.startDate,
            status: tenancy.status,
            tenants: tenancy.tenants,
            ...(tenancy.signedAt ? { signedAt: tenancy.signedAt } : {}),
            ...(tenancy.countersignedAt ? { countersignedAt: tenancy.countersignedAt } : {}),
            ...(tenancy.signedPdfSha256 ? { signedPdfSha256: tenancy.signedPdfSha256 } : {}),
            pdf: `/v1/applications/${offer.applicationId}/tenancy.pdf`,
          },
        }
      : {}),
    ...(key
      ? {
          key: {
            credentialId: key.credentialId,
            doorId: key.doorId,
            validFrom: key.validFrom,
            validUntil: key.validUntil,
            format: key.format,
            qrCode: `/v1/applications/${offer.applicationId}/key.svg`,
          },
        }
      : {}),
  };
}

/** The profile's sections, each answered whole and checked by its schema (data entered once). */
export const ProfileSections = {
  household: Household,
  contact: Contact,
  immigrationStatus: ImmigrationStatus,
  immigrationEvidence: ImmigrationEvidence,
  income: Income,
  localConnection: LocalConnection,
  currentHome: CurrentHome,
  circumstances: Circumstances,
} as const satisfies { [Section in keyof Profile]-?: z.ZodType };
export type ProfileSection = keyof typeof ProfileSections;
export const ProfileSection = z.enum(Object.keys(ProfileSections) as [ProfileSection, ...ProfileSection[]]);

function refuseWhenFinished(application: Application, what: string) {
  if (application.withdrawal)
    throw new JourneyStateError(`You withdrew this application, so ${what} cannot change`);
  if (isFinished(application)) {
    throw new JourneyStateError(
      `This application is ${application.status === 'let' ? 'finished: the home is let' : 'closed'}, so ${what} cannot change`,
    );
  }
}

/**
 * Answers one section of the profile. The write names the version it read, so two answers racing never lose
 * one silently: the loser is a ConflictError to retry.
 */
export async function updateProfile(
  deps: ReassessDeps,
  input: {
    applicant: Pick<Applicant, 'subject'>;
    applicationId: string;
    section: ProfileSection;
    body: unknown;
  },
): Promise<{ applicationId: string; profile: Profile; reassessment?: Reassessment }> {
  const application = await ownedApplication(deps, input.applicant.subject, input.applicationId);
  const value = ProfileSections[input.section].parse(input.body);
  refuseWhenFinished(application, 'its answers');
  const now = deps.clock.now().toISOString();
  const saved = await deps.applications.save({
    ...application,
    profile: { ...application.profile, [input.section]: value },
    updatedAt: now,
  });
  // Which section changed, never what it says: the audit log keeps no personal data.
  await deps.audit.append({
    applicationId: application.applicationId,
    at: now,
    type: 'answered',
    stage: application.stage,
    actor: 'applicant',
    facts: { section: input.section },
  });
  // Registered: the Application workflow has ended, so the change is assessed here (services/reassessment.ts).
  if (isRegistered(saved) && input.section !== 'contact') {
    const reassessment = await reassess(deps, { applicationId: saved.applicationId, section: input.section });
    // A new band is a decision with a letter: the Letters workflow writes its PDF.
    await requestLetterPdfs(deps, saved.applicationId);
    return { applicationId: saved.applicationId, profile: saved.profile, reassessment };
  }
  return { applicationId: saved.applicationId, profile: saved.profile };
}

export const DocumentDeclaration = z.object({
  // A kind the catalogue refuses as proof (a BRP) is a 400 that says why and what to give instead.
  kind: DocumentKind.superRefine((kind, context) => {
    const refusal = DOCUMENT_CATALOGUE[kind].refusal;
    if (refusal) context.addIssue({ code: 'custom', message: refusal });
  }),
  contentType: z.string().trim().toLowerCase().min(1).max(100),
  sizeBytes: z.number().int().positive(),
  /**
   * Optional: the absolute URL of the page a browser without JavaScript returns to after posting the upload
   * form (the contract is on `DocumentStore.uploadSlot`).
   */
  redirectTo: UploadRedirect.optional(),
});

/** How many documents one application may hold. */
export const MAX_DOCUMENTS = 40;

/**
 * Declares a document the applicant is about to upload: its kind, type and size are checked before any upload
 * slot exists (DESIGN.md §3: 413 too large, 415 wrong type), then it is recorded as declared. With a
 * `redirectTo`, the slot sends the browser back to that page after the upload (303 instead of 204).
 */
export async function declareDocument(
  deps: Pick<Deps, 'applications' | 'audit' | 'clock' | 'documents'>,
  input: { applicant: Pick<Applicant, 'subject'>; applicationId: string; body: unknown },
): Promise<{ document: DocumentRecord; upload: UploadSlot }> {
  const application = await ownedApplication(deps, input.applicant.subject, input.applicationId);
  const declared = DocumentDeclaration.parse(input.body);
  if (declared.sizeBytes > MAX_DOCUMENT_BYTES) {
    throw new DocumentTooLargeError(
      `A document can be at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB. Scan it at a lower resolution or split it into pages.`,
    );
  }
  const contentType = DocumentContentType.safeParse(declared.contentType);
  if (!contentType.success) {
    throw new UnsupportedDocumentTypeError(
      `Doorstep takes photos (JPEG or PNG) and PDFs, not ${declared.contentType}`,
    );
  }
  refuseWhenFinished(application, 'its documents');
  if (application.documents.length >= MAX_DOCUMENTS) {
    throw new JourneyStateError(`An application can hold at most ${MAX_DOCUMENTS} documents`);
  }
  const now = deps.clock.now().toISOString();
  const document: DocumentRecord = {
    documentId: newId('doc'),
    kind: declared.kind,
    contentType: contentType.data,
    sizeBytes: declared.sizeBytes,
    status: 'declared',
    declaredAt: now,
  };
  await deps.applications.save({
    ...application,
    documents: [...application.documents, document],
    updatedAt: now,
  });
  await deps.audit.append({
    applicationId: application.applicationId,
    at: now,
    type: 'document-declared',
    stage: application.stage,
    actor: 'applicant',
    facts: { documentId: document.documentId, kind: document.kind },
  });
  // The bytes go straight to storage through the slot (DESIGN.md §3: never through the API).
  return {
    document,
    upload: await uploadSlotFor(deps, application.applicationId, document, declared.redirectTo),
  };
}
