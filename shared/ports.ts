import type { Advert, Bid } from './domain/adverts.js';
import type { Application, DocumentContentType } from './domain/application.js';
import type { Channel } from './domain/contact-safety.js';
import type { FieldReading } from './domain/document-fields.js';
import type { FormsKind } from './domain/documents.js';
import type { HomeDetails, KeyCredential, Offer, OfferStatus, Property, Tenancy } from './domain/letting.js';
import type { LettingsLogRecord } from './domain/lettings-log.js';
import type { ListPosition, Nomination } from './domain/nominations.js';
import type { DeletionEntry } from './domain/retention.js';
import type { RegisteredHousehold } from './domain/shortlist.js';
import type { MemberStep } from './domain/sms.js';
import type { Stage, WaitingFor } from './domain/stage.js';
import type { Language } from './i18n/language.js';

/**
 * Ports: what the services need from the world, named for the domain (STYLE.md). AWS and local adapters
 * implement them; handlers receive them from one composition root per runtime.
 */

export interface ApplicationStore {
  /** Creates a new application; fails with {@link ConflictError} when the id exists. */
  create(application: Application): Promise<void>;
  get(applicationId: string): Promise<Application | undefined>;
  /**
   * Writes the application if nobody else wrote it since it was read (its `version`), and returns it with the
   * next version. Fails with {@link ConflictError} otherwise. With `audit`, the audit event that records the
   * change is written with it, in one transaction: both or neither (an answer is never saved unaudited), and one
   * round trip rather than two. It is written to the store as it is: the decorators around the {@link AuditLog}
   * (a council's events, services/council-events.ts) do not see it, so only events that merely record go this
   * way (an answer given), never a stage change a council hears of.
   */
  save(application: Application, options?: { audit?: AuditEvent }): Promise<Application>;
  /** The applications a subject owns, oldest first (eventually consistent: a new one may show a moment later). */
  listByOwner(ownerId: string): Promise<Application[]>;
  /**
   * Claims an identity document's number for an application, by its fingerprint (a hash: see
   * services/application-stages.ts), and returns the application that holds it: the first to claim it keeps
   * it, enforced by the store; the same application claiming again gets itself back (idempotent).
   */
  claimDocumentNumber(fingerprint: string, applicationId: string): Promise<string>;
  /**
   * Claims an image's perceptual hash (see {@link UploadInspector}) for an application, and returns the
   * application that holds it, exactly as {@link claimDocumentNumber} does: the first claimant keeps it.
   */
  claimImageHash(hash: string, applicationId: string): Promise<string>;
  /** Puts a review request on its landlord's queue of reviews; putting the same entry again is a no-op. */
  queueReview(entry: ReviewQueueEntry): Promise<void>;
  /** Takes a review request off the queue; a no-op when it is not there. */
  unqueueReview(entry: ReviewQueueEntry): Promise<void>;
  /** The landlord's queued review requests, soonest due first (read consistently, like the waits' queue). */
  listReviewQueue(landlordId: string): Promise<ReviewQueueEntry[]>;
  /**
   * Lists documents (and share codes) in the due-for-deletion index by the instant each may be deleted
   * (domain/retention.ts); listing the same entry again is a no-op.
   */
  scheduleDeletions(entries: readonly DeletionEntry[]): Promise<void>;
  /** The index's entries due at or before `now` (ISO 8601), earliest first, read consistently: no scan. */
  listDueForDeletion(now: string): Promise<DeletionEntry[]>;
  /** Takes an entry out of the index; a no-op when it is not there. */
  unscheduleDeletion(entry: DeletionEntry): Promise<void>;
  /**
   * Gives up an identity document's number claimed by {@link claimDocumentNumber}, when its document is
   * deleted: only if `applicationId` holds it (another application's claim is never touched); a no-op otherwise.
   */
  releaseDocumentNumber(fingerprint: string, applicationId: string): Promise<void>;
  /** Gives up a photo's perceptual hash claimed by {@link claimImageHash}, as {@link releaseDocumentNumber} does. */
  releaseImageHash(hash: string, applicationId: string): Promise<void>;
  /** Puts a registered household on its landlord's register, replacing its earlier entry (idempotent). */
  putRegistered(entry: RegisteredHousehold): Promise<void>;
  /** Takes an application off its landlord's register; a no-op when it is not there. */
  removeRegistered(landlordId: string, applicationId: string): Promise<void>;
  /** The landlord's register, from its own index (no scan; eventually consistent), in no particular order. */
  listRegister(landlordId: string): Promise<RegisteredHousehold[]>;
}

/**
 * A review request (s166A(9) / s167(4A)) on the officers' queue: where it is and when it is due, never the
 * applicant's words (those stay on the application).
 */
export interface ReviewQueueEntry {
  landlordId: string;
  applicationId: string;
  /** The decision's place in the application's decisions. */
  decision: number;
  stage: Stage;
  requestedAt: string;
  /** ISO date the review is due to be decided by. */
  dueBy: string;
}

export interface LettingStore {
  putHome(home: Property): Promise<void>;
  getHome(propertyId: string): Promise<Property | undefined>;
  listAvailableHomes(landlordId: string): Promise<Property[]>;
  /** Adds a new home; fails with {@link ConflictError} when its id exists. */
  createHome(home: Property): Promise<void>;
  /**
   * Replaces what describes one of the landlord's homes, keeping its status (owned by the offer flow) as it is at
   * the moment of the write, so an edit never undoes an offer's change. Another landlord's home, or none, fails
   * with {@link NotFoundError}. Answers the home as written.
   */
  updateHomeDetails(propertyId: string, landlordId: string, details: HomeDetails): Promise<Property>;
  /** Every home of the landlord, whatever its status, from the landlord's own index (no scan), in no order. */
  listHomes(landlordId: string): Promise<Property[]>;
  /**
   * Records a proposed offer of an available home, awaiting an officer's approval. A proposal does not hold the
   * home (approval does), and a home is proposed to a household once: a second proposal, or a home that is no
   * longer available or is another landlord's, fails with {@link ConflictError}.
   */
  createOffer(offer: Offer): Promise<void>;
  getOffer(offerId: string): Promise<Offer | undefined>;
  /** Every offer of a home ever proposed, oldest first: who it has been offered to already. */
  listOffersOfHome(propertyId: string): Promise<Array<{ applicationId: string; offerId: string }>>;
  /**
   * An officer approves a proposed offer: it becomes the home's one live offer and the home leaves the available
   * list, atomically, so of many approvals of one home at once exactly one wins (issue 8). Fails with
   * {@link ConflictError} when the home already has a live offer or is let, or the offer is no longer awaiting
   * approval.
   */
  approveOffer(offerId: string, approval: { approvedAt: string; respondBy: string }): Promise<Offer>;
  /**
   * Moves an offer on, only from the status it had when read; a closed offer (refused or withdrawn) that held
   * its home releases it, a let one lets it.
   */
  updateOffer(offerId: string, status: OfferStatus, change?: OfferChange): Promise<Offer>;
  putTenancy(tenancy: Tenancy): Promise<void>;
  getTenancy(tenancyId: string): Promise<Tenancy | undefined>;
  putKey(credential: KeyCredential): Promise<void>;
  getKey(credentialId: string): Promise<KeyCredential | undefined>;
  /** Advertises a home for choice-based lettings, or changes its advert: one advert per home. */
  putAdvert(advert: Advert): Promise<void>;
  getAdvert(propertyId: string): Promise<Advert | undefined>;
  /** The landlord's adverts closing on or after `from` (an ISO date), soonest closing first. */
  listAdverts(landlordId: string, from: string): Promise<Advert[]>;
  /** Records a household's interest in an advertised home once; true when this call recorded it. */
  putBid(bid: Bid): Promise<boolean>;
  /** Every household interested in a home, in the order they said so. */
  listBids(propertyId: string): Promise<Bid[]>;
  /** Records a letting's lettings log record once: a second put for the same tenancy is a no-op. True when this call wrote it. */
  putLettingsLog(record: LettingsLogRecord): Promise<boolean>;
  /** A landlord's lettings log records let from `from` to `to` (ISO dates, both inclusive), in let date order. */
  listLettingsLog(landlordId: string, from: string, to: string): Promise<LettingsLogRecord[]>;
}

/**
 * Nominations from partner councils (issue 10; domain/nominations.ts). Each is found by its id, listed by its
 * council (newest first, a page at a time), by the pseudonymous subjects it invites, and, while undecided, on its
 * landlord's queue by the day its decision is due.
 */
export interface NominationStore {
  /** Stores a new nomination with its index entries; fails with {@link ConflictError} when the id exists. */
  create(nomination: Nomination): Promise<void>;
  get(nominationId: string): Promise<Nomination | undefined>;
  /**
   * Writes the nomination if nobody else wrote it since it was read (its `version`) and returns it with the next
   * version; fails with {@link ConflictError} otherwise. A decided or withdrawn one leaves its landlord's queue.
   */
  save(nomination: Nomination): Promise<Nomination>;
  /**
   * One page of a council's nominations, newest first, after `after` (the last of the previous page); `next` is
   * the last of this page when more may follow.
   */
  listByCouncil(
    councilId: string,
    page: { limit: number; after?: ListPosition },
  ): Promise<{ nominations: Nomination[]; next?: ListPosition }>;
  /** The nominations that invite a subject (by email or mobile), oldest first. */
  listInvited(subject: string): Promise<Nomination[]>;
  /** The landlord's nominations awaiting its decision, soonest due first (read consistently). */
  listAwaitingDecision(landlordId: string): Promise<Nomination[]>;
}

/** What else changes with an offer's status: why it closed, reminders sent, whether it lapsed. */
export type OfferChange = Partial<Pick<Offer, 'closedReason' | 'remindersSent' | 'lapsed'>>;

/** What a person is being asked to decide, and so which answers a decision may carry. */
export type WaitKind = 'answers' | 'review' | 'attention' | 'approval' | 'response' | 'signature';

/**
 * A human step parked on a task token. The token is a bearer secret: it lives only here and in the workflow
 * client, never in a log, a URL or a page. People refer to the wait by its opaque `decisionId`.
 */
export interface PendingWait {
  decisionId: string;
  taskToken: string;
  applicationId: string;
  landlordId: string;
  stage: Stage;
  kind: WaitKind;
  waitingFor: WaitingFor;
  offerId?: string;
  /** The deadline people see; the workflow's TimeoutSeconds is only a backstop. */
  deadline: string;
  createdAt: string;
  /** For an attention wait: what failed, without personal data. */
  problem?: string;
  status: 'open' | 'deciding' | 'decided';
  /** The answer given, kept so a repeated POST of the same decision answers the same. */
  decision?: Record<string, unknown>;
}

/**
 * A wait on the officers' queue: the wait without its task token (a bearer secret that never leaves the store
 * in a listing) and without a decision (a decided wait has left the queue). A claimed wait stays on the queue,
 * `deciding`, until it is decided.
 */
export type QueueEntry = Omit<PendingWait, 'taskToken' | 'decision' | 'status'> & {
  status: Exclude<PendingWait['status'], 'decided'>;
};

export interface WaitStore {
  /**
   * Parks a wait; parking the same decision twice is a no-op (idempotent). True when this call parked it. A wait
   * for an officer or a senior officer joins its landlord's queue in the same write.
   */
  park(wait: PendingWait): Promise<boolean>;
  get(decisionId: string): Promise<PendingWait | undefined>;
  /** Claims an open wait for deciding; undefined when someone else claimed or decided it first. */
  claim(decisionId: string): Promise<PendingWait | undefined>;
  /** Records the decision after the workflow accepted it; the wait leaves the officers' queue in the same write. */
  complete(decisionId: string, decision: Record<string, unknown>): Promise<void>;
  /** Gives a claimed wait back when the workflow could not be resumed. */
  release(decisionId: string): Promise<void>;
  listOpen(applicationId: string): Promise<PendingWait[]>;
  /** The landlord's open and claimed waits for officers and senior officers, soonest deadline first. */
  listQueue(landlordId: string): Promise<QueueEntry[]>;
}

/** An append-only audit event: pseudonymous ids and non-personal facts only, so erasure leaves it intact. */
export interface AuditEvent {
  applicationId: string;
  at: string;
  type: string;
  stage?: Stage;
  actor: 'system' | 'applicant' | 'officer' | 'council';
  facts?: Record<string, string | number | boolean>;
}

export interface AuditLog {
  append(event: AuditEvent): Promise<void>;
  list(applicationId: string): Promise<AuditEvent[]>;
}

export interface Notification {
  /** An email address only where there is no application yet to write to (a sign-in code). */
  to: { applicationId: string } | { role: WaitingFor; landlordId: string } | { email: string };
  template: string;
  /** Values for the template; never a task token. */
  values: Record<string, string>;
  /** After this instant (ISO 8601) the message is useless and must not be delivered; the outbox may drop it. */
  discardAfter?: string;
  /**
   * The channels to send an applicant's message on; absent: email and text. A message that goes with a printed
   * letter asks for `post` too. The safe-contact decorator (services/safe-contact.ts) narrows them.
   */
  channels?: Channel[];
  /** Not to be delivered before this instant (ISO 8601): a text held until a time the applicant said is safe. */
  notBefore?: string;
  /** The language to write it in: the applicant's (services/language.ts puts it on); absent, English. */
  language?: Language;
}

export interface Notifier {
  send(notification: Notification): Promise<void>;
}

export interface WorkflowClient {
  /** Resumes a human wait with the person's answer (SendTaskSuccess). */
  resume(taskToken: string, output: Record<string, unknown>): Promise<void>;
  /** Fails a human wait (SendTaskFailure), for example when the application is withdrawn. */
  fail(taskToken: string, error: string, cause: string): Promise<void>;
  /** Starts an application's workflow; starting one that has started already is a no-op (idempotent). */
  startApplication(applicationId: string): Promise<void>;
  /**
   * Starts a Letting workflow (one per offer of a home) for a registered household, by execution name: starting
   * a name that has started already is a no-op, so a retried request never offers twice. With a home, the offer
   * is of that home; without, of the household's best fitting home.
   */
  startLetting(applicationId: string, name: string, propertyId?: string): Promise<void>;
  /**
   * Starts the Letters workflow, which writes the PDFs of the application's decision letters not yet written
   * (decisions made outside a workflow); starting a name that has started already is a no-op.
   */
  startLetters(applicationId: string, name: string): Promise<void>;
}

export interface Clock {
  now(): Date;
}

/**
 * A one-time sign-in code (DESIGN.md §1b). Only a keyed hash of the code is kept: six digits have little
 * entropy, so an unkeyed hash would give the code away to anyone who could read the table.
 */
export interface SignInCode {
  /** Whose code: the pseudonymous subject of the address it was sent to, never the address itself. */
  subject: string;
  /** Tells this code from the one that replaced it, so spending an old code can never spend a new one. */
  codeId: string;
  salt: string;
  codeHash: string;
  /** Attempts made at this code so far, counted by the store. */
  attempts: number;
  createdAt: string;
  /** Epoch seconds: the code is dead from this second (and the table's TTL removes it later). */
  expiresAt: number;
}

/** A text message sent to a phone. Numbers are E.164 (`+447700900982`). */
export interface OutboundText {
  to: string;
  body: string;
  /** After this instant (ISO 8601) the text is useless (a one-time code) and must not be delivered late. */
  discardAfter?: string;
}

/** A text a phone sent to Doorstep, as the channel delivered it. */
export interface InboundText {
  from: string;
  body: string;
  /** The channel's id for the message: a message delivered twice carries the same id. */
  messageId: string;
  receivedAt: string;
}

/**
 * The text message channel (issue 9): AWS End User Messaging SMS in AWS, whose inbound texts arrive through an
 * SNS topic (functions/sms-inbound); a thread in the table locally, shown and answered at `/local/sms`.
 */
export interface Messaging {
  sendText(text: OutboundText): Promise<void>;
}

/**
 * A phone linked to one application by a one-time code the applicant typed on the web, so texts from it answer
 * that application's questions and nothing else. Found by a keyed hash of the number, never the number itself.
 */
export interface PhoneLink {
  phoneKey: string;
  /** The owner of the application, who proved they hold the phone. */
  subject: string;
  applicationId: string;
  linkedAt: string;
  /** The phone replied STOP: nothing more is sent until it replies START. */
  stopped: boolean;
  /**
   * The question being asked by text: the prompt, the field asked, and the fields answered so far; in the
   * household prompt, the step of adding someone (domain/sms.ts `MemberStep`).
   */
  asking?:
    | {
        prompt: string;
        field: number;
        form: Record<string, string | string[]>;
        member?: MemberStep | undefined;
      }
    | undefined;
  /** Counts writes: a save names the version it read (two texts at once never lose an answer silently). */
  version: number;
}

export interface PhoneLinkStore {
  /** Links a phone, replacing any earlier link of the same phone (a phone acts for one application). */
  put(link: PhoneLink): Promise<void>;
  get(phoneKey: string): Promise<PhoneLink | undefined>;
  /** Writes a link if nobody wrote it since it was read; fails with {@link ConflictError} otherwise. */
  save(link: PhoneLink): Promise<PhoneLink>;
  /** Records an inbound text's id once: true only the first time (SNS delivers at least once). */
  claimInbound(messageId: string, now: Date): Promise<boolean>;
}

/** A signed-in applicant. The token is never stored: the session is found by the token's SHA-256 hash. */
export interface Session {
  tokenHash: string;
  subject: string;
  /** The verified address, kept to prefill the applicant's contact details (data entered once). */
  email?: string | undefined;
  /** The verified mobile number (E.164), when the applicant signed in with a code by text instead. */
  phone?: string | undefined;
  createdAt: string;
  /** Epoch seconds: the session ends at this second (and the table's TTL removes it later). */
  expiresAt: number;
}

export type CodeRequestAdmission = { admitted: true } | { admitted: false; retryAfterSeconds: number };

export interface SessionStore {
  /**
   * Counts a request for a code against the subject's limit: at most `limit` admitted in any `windowSeconds`,
   * enforced by the store even when requests race. A refusal says when the next request will be admitted.
   */
  admitCodeRequest(
    subject: string,
    rule: { limit: number; windowSeconds: number },
    now: Date,
  ): Promise<CodeRequestAdmission>;
  /** Stores a new code for its subject, replacing any earlier one: only the newest code works. */
  putCode(code: SignInCode): Promise<void>;
  /**
   * Counts one attempt at the subject's live code, atomically, and returns the code with that attempt counted;
   * undefined when there is no live code (none, expired, or its `maxAttempts` already made).
   */
  attemptCode(subject: string, maxAttempts: number, now: Date): Promise<SignInCode | undefined>;
  /** Spends a code so it works no more: true only for the one caller that spent it. */
  spendCode(subject: string, codeId: string): Promise<boolean>;
  putSession(session: Session): Promise<void>;
  getSession(tokenHash: string): Promise<Session | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
}

/**
 * What a password alone gets an officer: an ID token, a refusal (a wrong email or password, never which), or a
 * second step. The officers' user pool requires an authenticator app (infra/constructs/officers.ts), so a right
 * password is usually answered `mfa`: a code from the app, sent back with the provider's `session` (a bearer
 * secret for the next few minutes: never in a URL, a log or a page). An officer with no app yet is answered
 * `mfa-setup`, with the new app key (`secret`, base32) to add to their app before sending its first code.
 */
export type OfficerSignIn =
  | { kind: 'signed-in'; idToken: string }
  | { kind: 'refused' }
  | { kind: 'mfa'; session: string }
  | { kind: 'mfa-setup'; session: string; secret: string };

/**
 * What a code from the authenticator app gets: an ID token, a refusal (a wrong or already used code: the
 * session still stands, so the officer may try again), or `expired` (the session has timed out or been used
 * up, and the officer must sign in with their password again).
 */
export type OfficerCodeAnswer =
  | { kind: 'signed-in'; idToken: string }
  | { kind: 'refused' }
  | { kind: 'expired' };

/**
 * Officers' sign-in for the server-rendered console (DESIGN.md §1b): Cognito in AWS, the local identity
 * provider locally. The console keeps the ID token in an HttpOnly cookie and verifies it on every request, so
 * a token is only ever as good as `verify` says.
 */
export interface OfficerIdentity {
  /**
   * Checks an officer's email and password. Rejects when the provider needs a step the console does not offer
   * (a first sign-in's new password), or when the provider cannot be reached.
   */
  signIn(email: string, password: string): Promise<OfficerSignIn>;
  /** Answers an `mfa` sign-in with the 6-digit code the officer's authenticator app shows. */
  respondToMfa(email: string, session: string, code: string): Promise<OfficerCodeAnswer>;
  /** Answers an `mfa-setup` sign-in with the first code of the newly added app, which enrols it and signs in. */
  completeMfaSetup(email: string, session: string, code: string): Promise<OfficerCodeAnswer>;
  /**
   * The verified claims of an ID token (`sub`, `email`, `custom:landlordId`, `cognito:groups`), or undefined
   * when it is invalid, expired, issued for another client or not an ID token.
   */
  verify(idToken: string): Promise<Record<string, unknown> | undefined>;
}

/**
 * Where the applicant's device sends a document's bytes: straight to storage, never through the API. A plain
 * `<form method="post" enctype="multipart/form-data" action="{url}">` works without JavaScript: the fields as
 * hidden inputs, then the file input named `fileField`. A successful POST is answered `204 No Content`, or,
 * when the slot was made with a `redirectTo`, `303 See Other` back to that page (see
 * {@link DocumentStore.uploadSlot}). A refused POST gets the store's own error answer (S3's XML, the local
 * endpoint's JSON), never the redirect.
 */
export interface UploadSlot {
  method: 'POST';
  url: string;
  /**
   * Form fields to send before the file (a presigned POST's policy and signature in AWS), including
   * `success_action_redirect` when the slot redirects. Every field is signed: changing one refuses the upload.
   */
  fields: Record<string, string>;
  /** The form field name the file goes in. */
  fileField: string;
  maxBytes: number;
  expiresAt: string;
}

/**
 * Documents' bytes (S3 in AWS, files under `.doorstep/documents` locally). Uploads land in quarantine; only
 * after they are sniffed (and, in AWS, malware-scanned) are they promoted. Keys are opaque paths without the
 * quarantine prefix; the store adds it.
 */
export interface DocumentStore {
  /**
   * A slot for one upload of at most `maxBytes` of `contentType` to `key`, open until `expiresAt`.
   *
   * `redirectTo` is S3's `success_action_redirect`, so a browser without JavaScript lands back on a Doorstep
   * page after posting the form. It is an absolute URL, because S3 answers from its own origin and a relative
   * Location would point into the bucket. Doorstep's services and Lambdas do not know the origin the applicant
   * is using (CloudFront, a custom domain, 127.0.0.1:port locally), so the caller that serves the page (the web
   * layer) builds the URL from its request, e.g. `https://host/applications/app_x/documents/uploaded`. The
   * service checks its shape before it gets here (https, or http on 127.0.0.1/localhost; no credentials,
   * query or fragment; a path under `/applications/`); the store signs it into the slot unchanged, so the
   * holder cannot change it. After a successful upload the browser gets `303 See Other` with
   * `Location: <redirectTo>?bucket=<bucket>&key=<object key>&etag=<etag>` from S3, or
   * `Location: <redirectTo>?key=<object key>` locally; the object key is the quarantined one
   * (`quarantine/applications/<applicationId>/<documentId>`). Those parameters are only hints anyone can
   * type: the page reads the document's state from the application (it may still be `declared` for a
   * moment in AWS, where the upload is checked after S3 answers). Without `redirectTo`: `204 No Content`.
   */
  uploadSlot(input: {
    key: string;
    contentType: string;
    maxBytes: number;
    expiresAt: Date;
    redirectTo?: string;
  }): Promise<UploadSlot>;
  /** The bytes of a quarantined upload, or undefined when nothing arrived (or it was deleted). */
  readQuarantined(key: string): Promise<Uint8Array | undefined>;
  /**
   * Promotes an upload: writes exactly the bytes that were checked to the promoted area, then deletes the
   * quarantined object. (Copying whatever is in quarantine would promote bytes a second POST to the same slot
   * put there after the check.)
   */
  promote(key: string, checked: Uint8Array, contentType: string): Promise<void>;
  /** Deletes a quarantined upload only (a rejected, unknown or duplicate one). */
  discardUpload(key: string): Promise<void>;
  /** Writes bytes Doorstep made itself (a tenancy agreement), straight to the promoted area. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The bytes of a promoted document or one Doorstep wrote. */
  read(key: string): Promise<Uint8Array | undefined>;
  /** Deletes the key wherever it is (quarantine or promoted). */
  delete(key: string): Promise<void>;
  /**
   * A link anyone holding it can GET the bytes Doorstep wrote at `key` with, until `expiresAt`, downloaded as
   * `filename` (a council's export, issue 10): S3's presigned GET in AWS, a signed link to the local gateway locally.
   */
  downloadLink(key: string, expiresAt: Date, filename: string): Promise<string>;
}

/** The fields of a passport's machine-readable zone (ICAO 9303 TD3), dates as ISO dates. */
export interface PassportFields {
  documentNumber: string;
  surname: string;
  givenNames: string;
  nationality: string;
  issuingState: string;
  dateOfBirth: string;
  /** Absent when the MRZ's sex could not be made out: it has no check digit, and no check uses it. */
  sex?: 'female' | 'male' | 'unspecified';
  expiryDate: string;
}

export type MrzReading =
  | {
      ok: true;
      /** The two 44-character lines as finally read (after repairs). */
      lines: [string, string];
      fields: PassportFields;
      /** Every check digit, including the composite, holds. */
      checkDigitsValid: boolean;
      /** From 0 to 1: the reader's confidence, lowered by each repair it had to make. */
      confidence: number;
      /** How many characters were repaired guided by check digits (O/0, I/1, B/8, S/5, Z/2, G/6, fillers). */
      repairs: number;
      engine: string;
      /** The photo looks smeared, as by a moving phone (the local reader's band gradients; Textract does not say). */
      smeared?: boolean;
    }
  | { ok: false; reason: string; engine: string };

export type { FieldReading } from './domain/document-fields.js';

/**
 * What was read from a document read as forms (domain/documents.ts, `reading: 'forms'`): the catalogue's fields
 * that were found, by name, normalised (domain/document-fields.ts: ISO dates, pence, postcodes), each with a
 * confidence from 0 to 1; or why nothing could be read, in plain English the applicant can act on.
 */
export type DocumentReading =
  | { ok: true; fields: Record<string, FieldReading>; pages: number }
  | { ok: false; reason: string };

/** Reads documents (OCR): Amazon Textract in AWS, a local reader chosen by measurement locally. */
export interface TextReader {
  readPassportMrz(image: Uint8Array): Promise<MrzReading>;
  /** Reads a payslip, statement, letter, bill or photocard licence: every page of a PDF, up to a limit. */
  readDocument(input: {
    kind: FormsKind;
    bytes: Uint8Array;
    contentType: DocumentContentType;
  }): Promise<DocumentReading>;
}

/**
 * Reads a document later, where {@link TextReader} cannot read it at once: in AWS, a PDF of more than one page
 * (Textract's synchronous `AnalyzeDocument` takes one page), read by `StartDocumentAnalysis` from the promoted
 * object, whose completion arrives as a message (functions/document-read). A runtime without one (locally,
 * where every page is read at once) reads everything through {@link TextReader}.
 */
export interface LaterReader {
  /** Whether this document is read later rather than at once. */
  readsLater(document: { contentType: DocumentContentType; pages?: number }): boolean;
  /**
   * Starts reading the promoted document at `key` (the document store's key). Starting the same document again
   * starts nothing new and answers the same job (idempotent by `documentId`).
   */
  startReading(input: { kind: FormsKind; key: string; documentId: string }): Promise<{ jobId: string }>;
  /** What a finished job read: the same fields and reasons as {@link TextReader.readDocument}. */
  collectReading(input: { kind: FormsKind; jobId: string }): Promise<DocumentReading>;
}

/**
 * What inspecting a clean upload found. `bytes` are the bytes to keep and read: for a photo, the picture turned
 * upright and scaled down (the original is not kept); otherwise the upload unchanged. `signals` are plain-English
 * notes for an officer (possible tampering), never a reason to refuse. `imageHash` is a 64-bit perceptual hash
 * (dHash, 16 hex digits) of a photo, the same for the same picture re-encoded or rescaled.
 */
export type Inspection =
  | { ok: true; bytes: Uint8Array; signals: string[]; pages?: number; imageHash?: string }
  | { ok: false; reason: string };

/**
 * Checks and prepares an upload the scanner found clean, before it is promoted and read: a photo's size and
 * orientation, a PDF's pages, encryption and signs of editing. Locally sharp and pdf-lib; in AWS neither fits
 * the receiving function (sharp is native, pdf-lib would take its bundle past 1 MiB), so the AWS adapter keeps
 * uploads as they are and checks only what plain byte reading can (README, "Uploads").
 */
export interface UploadInspector {
  inspect(input: { bytes: Uint8Array; contentType: string }): Promise<Inspection>;
}

/** What a malware scan concluded; `reason` is plain English the applicant sees, without personal data. */
export type ScanVerdict = { verdict: 'clean' } | { verdict: 'infected' | 'refused'; reason: string };

/**
 * Checks an upload before it is promoted: GuardDuty Malware Protection for S3 in AWS (its verdict is read from
 * the object's tag), structural checks and the EICAR test signature locally (not an antivirus). `key` is the
 * document store's key of the quarantined upload; `declaredType` the content type the applicant declared.
 * A scan that has not finished yet fails with {@link ScanNotFinishedError} (the caller retries later); it is
 * never answered as clean.
 */
export interface MalwareScanner {
  scan(input: { key: string; bytes: Uint8Array; declaredType: string }): Promise<ScanVerdict>;
}

/**
 * Makes CMS (PKCS#7) signatures for PDFs, with the landlord's certificate: the shape @signpdf's `Signer` has,
 * so the same PDF code signs with a local PKCS#12 or with KMS.
 */
export interface TenancySigner {
  /** A detached CMS signature over `content` (the PDF's signed byte ranges). */
  sign(content: Buffer, signingTime?: Date): Promise<Buffer>;
  /** The signing certificate, PEM. */
  certificatePem(): Promise<string>;
}

/** Signs digital key credentials (JWS, ES256) and publishes the keys that verify them. */
export interface KeyIssuer {
  sign(payload: Record<string, unknown>, header: { typ: string }): Promise<string>;
  jwks(): Promise<{ keys: Array<Record<string, unknown>> }>;
}

/** The application asked for doesn't exist, or belongs to someone else: callers answer 404 either way. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** A write lost a race or broke an invariant the store enforces (one live offer per home, versions). */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
}

/** A malware scan has not answered yet: retry later, keeping the upload in quarantine. */
export class ScanNotFinishedError extends Error {
  override readonly name = 'ScanNotFinishedError';
}

/** The journey is not in a state where this step can run (for example, answers missing). */
export class JourneyStateError extends Error {
  override readonly name = 'JourneyStateError';
}

/** Asked too often: try again after `retryAfterSeconds` (HTTP 429 with Retry-After). */
export class RateLimitedError extends Error {
  override readonly name = 'RateLimitedError';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** A sign-in code was not accepted; the message says what to do next (HTTP 401). */
export class SignInRefusedError extends Error {
  override readonly name = 'SignInRefusedError';
}

/** A document is larger than Doorstep accepts (HTTP 413). */
export class DocumentTooLargeError extends Error {
  override readonly name = 'DocumentTooLargeError';
}

/** A document's type is one Doorstep does not accept (HTTP 415). */
export class UnsupportedDocumentTypeError extends Error {
  override readonly name = 'UnsupportedDocumentTypeError';
}
