import { JoseKeyIssuer } from '../../shared/adapters/local/jose-key-issuer';
import { P12TenancySigner } from '../../shared/adapters/local/p12-signer';
import type { Advert, Bid } from '../../shared/domain/adverts';
import type { Application } from '../../shared/domain/application';
import {
  type HomeDetails,
  holdsHome,
  type KeyCredential,
  type Offer,
  type OfferStatus,
  type Property,
  type Tenancy,
} from '../../shared/domain/letting';
import type { LettingsLogRecord } from '../../shared/domain/lettings-log';
import type { ListPosition, Nomination } from '../../shared/domain/nominations';
import type { DeletionEntry } from '../../shared/domain/retention';
import type { RegisteredHousehold } from '../../shared/domain/shortlist';
import { WaitingFor } from '../../shared/domain/stage';
import type { Messaging, OutboundText, PhoneLink, PhoneLinkStore } from '../../shared/ports';
import {
  type ApplicationStore,
  type AuditEvent,
  type AuditLog,
  ConflictError,
  type DocumentReading,
  type DocumentStore,
  type LaterReader,
  type LettingStore,
  type NominationStore,
  NotFoundError,
  type Notification,
  type Notifier,
  type OfferChange,
  type PendingWait,
  type QueueEntry,
  type ReviewQueueEntry,
  type Session,
  type SessionStore,
  type SignInCode,
  type TenancySigner,
  type TextReader,
  type UploadSlot,
  type WaitStore,
  type WorkflowClient,
} from '../../shared/ports';
import type { Deps } from '../../shared/services/deps';
import { MemoryCouncilEventStore, MemoryCouncilExports } from './council-events';

/**
 * In-memory fakes of the ports, for unit tests only. They keep the invariants the real store enforces
 * (conditional create, versions, one live offer per home, single-use claims), so services are tested against
 * the same rules; the DynamoDB adapter is tested against DynamoDB Local in test/integration.
 */
// A JSON round trip, like a store's: it drops undefined values (removeUndefinedValues) and builds the copy in
// the caller's realm. Jest's structuredClone builds it in Node's outer realm, whose Object.prototype differs,
// so util.isDeepStrictEqual (used by the services' idempotency checks) would never find a copy equal.
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export class MemoryApplications implements ApplicationStore {
  readonly items = new Map<string, Application>();
  /** Where a save's audit event goes, as the DynamoDB store writes it in the same transaction. */
  constructor(private readonly audit?: AuditLog) {}
  async create(application: Application) {
    if (this.items.has(application.applicationId)) throw new ConflictError('exists');
    this.items.set(application.applicationId, clone({ ...application, version: 0 }));
  }
  async get(applicationId: string) {
    const found = this.items.get(applicationId);
    return found ? clone(found) : undefined;
  }
  async save(application: Application, options: { audit?: AuditEvent } = {}) {
    const stored = this.items.get(application.applicationId);
    if (!stored || stored.version !== application.version) throw new ConflictError('changed');
    if (options.audit && !this.audit) throw new Error('This store was made without an audit log to write to');
    const next = { ...application, version: application.version + 1 };
    this.items.set(application.applicationId, clone(next));
    if (options.audit) await this.audit?.append(options.audit);
    return clone(next);
  }
  async listByOwner(ownerId: string) {
    return [...this.items.values()]
      .filter((application) => application.ownerId === ownerId)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map(clone);
  }
  /** Document number fingerprint → the first application that claimed it. */
  readonly documentNumbers = new Map<string, string>();
  async claimDocumentNumber(fingerprint: string, applicationId: string) {
    const holder = this.documentNumbers.get(fingerprint);
    if (holder !== undefined) return holder;
    this.documentNumbers.set(fingerprint, applicationId);
    return applicationId;
  }
  /** Perceptual image hash → the first application that claimed it. */
  readonly imageHashes = new Map<string, string>();
  async claimImageHash(hash: string, applicationId: string) {
    const holder = this.imageHashes.get(hash);
    if (holder !== undefined) return holder;
    this.imageHashes.set(hash, applicationId);
    return applicationId;
  }
  /** The review queue, by landlord, application and decision. */
  readonly reviewQueue = new Map<string, ReviewQueueEntry>();
  private reviewKey(entry: Pick<ReviewQueueEntry, 'landlordId' | 'applicationId' | 'decision'>) {
    return `${entry.landlordId}|${entry.applicationId}|${entry.decision}`;
  }
  async queueReview(entry: ReviewQueueEntry) {
    this.reviewQueue.set(this.reviewKey(entry), clone(entry));
  }
  async unqueueReview(entry: ReviewQueueEntry) {
    this.reviewQueue.delete(this.reviewKey(entry));
  }
  async listReviewQueue(landlordId: string) {
    return [...this.reviewQueue.values()]
      .filter((entry) => entry.landlordId === landlordId)
      .sort((a, b) => `${a.dueBy}#${a.applicationId}`.localeCompare(`${b.dueBy}#${b.applicationId}`))
      .map(clone);
  }
  /** The due-for-deletion index, by `<deleteAfter>#<application>#<document>` as the table keys it. */
  readonly deletions = new Map<string, DeletionEntry>();
  private deletionKey(entry: DeletionEntry) {
    return `${new Date(entry.deleteAfter).toISOString()}#${entry.applicationId}#${entry.documentId}`;
  }
  async scheduleDeletions(entries: readonly DeletionEntry[]) {
    for (const entry of entries) this.deletions.set(this.deletionKey(entry), clone(entry));
  }
  async listDueForDeletion(now: string) {
    return [...this.deletions.entries()]
      .filter(([, entry]) => Date.parse(entry.deleteAfter) <= Date.parse(now))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, entry]) => clone(entry));
  }
  async unscheduleDeletion(entry: DeletionEntry) {
    this.deletions.delete(this.deletionKey(entry));
  }
  async releaseDocumentNumber(fingerprint: string, applicationId: string) {
    if (this.documentNumbers.get(fingerprint) === applicationId) this.documentNumbers.delete(fingerprint);
  }
  async releaseImageHash(hash: string, applicationId: string) {
    if (this.imageHashes.get(hash) === applicationId) this.imageHashes.delete(hash);
  }
  /** The register index, by `<landlord>|<application>` as the table keys it. */
  readonly register = new Map<string, RegisteredHousehold>();
  async putRegistered(entry: RegisteredHousehold) {
    this.register.set(`${entry.landlordId}|${entry.applicationId}`, clone(entry));
  }
  async removeRegistered(landlordId: string, applicationId: string) {
    this.register.delete(`${landlordId}|${applicationId}`);
  }
  async listRegister(landlordId: string) {
    return [...this.register.values()].filter((entry) => entry.landlordId === landlordId).map(clone);
  }
}

export class MemoryLettings implements LettingStore {
  readonly homes = new Map<string, Property>();
  readonly offers = new Map<string, Offer>();
  readonly tenancies = new Map<string, Tenancy>();
  readonly keys = new Map<string, KeyCredential>();
  async putHome(home: Property) {
    this.homes.set(home.propertyId, clone(home));
  }
  async getHome(propertyId: string) {
    const home = this.homes.get(propertyId);
    return home ? clone(home) : undefined;
  }
  async listAvailableHomes(landlordId: string) {
    return [...this.homes.values()]
      .filter((home) => home.landlordId === landlordId && home.status === 'available')
      .map(clone);
  }
  async createHome(home: Property) {
    if (this.homes.has(home.propertyId)) throw new ConflictError('exists');
    this.homes.set(home.propertyId, clone(home));
  }
  async updateHomeDetails(propertyId: string, landlordId: string, details: HomeDetails) {
    const home = this.homes.get(propertyId);
    if (home?.landlordId !== landlordId) throw new NotFoundError('no home');
    const updated: Property = { propertyId, landlordId, status: home.status, ...clone(details) };
    this.homes.set(propertyId, updated);
    return clone(updated);
  }
  async listHomes(landlordId: string) {
    return [...this.homes.values()].filter((home) => home.landlordId === landlordId).map(clone);
  }
  async createOffer(offer: Offer) {
    const home = this.homes.get(offer.propertyId);
    if (home?.status !== 'available' || home.landlordId !== offer.landlordId)
      throw new ConflictError('taken');
    const offeredBefore = [...this.offers.values()].some(
      (earlier) => earlier.propertyId === offer.propertyId && earlier.applicationId === offer.applicationId,
    );
    if (offeredBefore || this.offers.has(offer.offerId)) throw new ConflictError('offered already');
    this.offers.set(offer.offerId, clone(offer));
  }
  async getOffer(offerId: string) {
    const offer = this.offers.get(offerId);
    return offer ? clone(offer) : undefined;
  }
  async listOffersOfHome(propertyId: string) {
    return [...this.offers.values()]
      .filter((offer) => offer.propertyId === propertyId)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map(({ applicationId, offerId }) => ({ applicationId, offerId }));
  }
  async approveOffer(offerId: string, approval: { approvedAt: string; respondBy: string }) {
    const offer = this.offers.get(offerId);
    if (!offer) throw new NotFoundError('no offer');
    const home = this.homes.get(offer.propertyId);
    if (offer.status !== 'awaiting-approval' || home?.status !== 'available')
      throw new ConflictError('the home has a live offer');
    this.homes.set(home.propertyId, { ...home, status: 'offered' });
    const approved: Offer = { ...offer, status: 'awaiting-applicant', ...approval };
    this.offers.set(offerId, approved);
    return clone(approved);
  }
  async updateOffer(offerId: string, status: OfferStatus, change: OfferChange = {}) {
    const offer = this.offers.get(offerId);
    if (!offer) throw new NotFoundError('no offer');
    const updated: Offer = { ...offer, ...change, status };
    this.offers.set(offerId, updated);
    const home = this.homes.get(offer.propertyId);
    if (home && holdsHome(offer.status) && (status === 'refused' || status === 'withdrawn'))
      this.homes.set(home.propertyId, { ...home, status: 'available' });
    if (home && holdsHome(offer.status) && status === 'let')
      this.homes.set(home.propertyId, { ...home, status: 'let' });
    return clone(updated);
  }
  readonly adverts = new Map<string, Advert>();
  readonly bids: Bid[] = [];
  async putAdvert(advert: Advert) {
    this.adverts.set(advert.propertyId, clone(advert));
  }
  async getAdvert(propertyId: string) {
    const advert = this.adverts.get(propertyId);
    return advert ? clone(advert) : undefined;
  }
  async listAdverts(landlordId: string, from: string) {
    return [...this.adverts.values()]
      .filter((advert) => advert.landlordId === landlordId && advert.closesOn >= from)
      .sort((a, b) => `${a.closesOn}#${a.propertyId}`.localeCompare(`${b.closesOn}#${b.propertyId}`))
      .map(clone);
  }
  async putBid(bid: Bid) {
    if (
      this.bids.some(
        (earlier) => earlier.propertyId === bid.propertyId && earlier.applicationId === bid.applicationId,
      )
    )
      return false;
    this.bids.push(clone(bid));
    return true;
  }
  async listBids(propertyId: string) {
    return this.bids
      .filter((bid) => bid.propertyId === propertyId)
      .sort((a, b) => a.at.localeCompare(b.at))
      .map(clone);
  }
  async putTenancy(tenancy: Tenancy) {
    this.tenancies.set(tenancy.tenancyId, clone(tenancy));
  }
  async getTenancy(tenancyId: string) {
    const tenancy = this.tenancies.get(tenancyId);
    return tenancy ? clone(tenancy) : undefined;
  }
  async putKey(credential: KeyCredential) {
    this.keys.set(credential.credentialId, clone(credential));
  }
  async getKey(credentialId: string) {
    const credential = this.keys.get(credentialId);
    return credential ? clone(credential) : undefined;
  }
  readonly lettingsLog = new Map<string, LettingsLogRecord>();
  async putLettingsLog(record: LettingsLogRecord) {
    const key = `${record.landlordId}#${record.letDate}#${record.tenancyId}`;
    if ([...this.lettingsLog.values()].some((logged) => logged.tenancyId === record.tenancyId)) return false;
    this.lettingsLog.set(key, clone(record));
    return true;
  }
  async listLettingsLog(landlordId: string, from: string, to: string) {
    return [...this.lettingsLog.entries()]
      .filter(
        ([, record]) => record.landlordId === landlordId && record.letDate >= from && record.letDate <= to,
      )
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, record]) => clone(record));
  }
}

export class MemoryWaits implements WaitStore {
  readonly items = new Map<string, PendingWait>();
  async park(wait: PendingWait) {
    if (this.items.has(wait.decisionId)) return false;
    this.items.set(wait.decisionId, clone(wait));
    return true;
  }
  async get(decisionId: string) {
    const wait = this.items.get(decisionId);
    return wait ? clone(wait) : undefined;
  }
  async claim(decisionId: string) {
    const wait = this.items.get(decisionId);
    if (wait?.status !== 'open') return undefined;
    wait.status = 'deciding';
    return clone(wait);
  }
  async complete(decisionId: string, decision: Record<string, unknown>) {
    const wait = this.items.get(decisionId);
    if (wait?.status !== 'deciding') throw new ConflictError('not deciding');
    wait.status = 'decided';
    wait.decision = clone(decision);
  }
  async release(decisionId: string) {
    const wait = this.items.get(decisionId);
    if (wait?.status === 'deciding') wait.status = 'open';
  }
  async listOpen(applicationId: string) {
    return [...this.items.values()]
      .filter((wait) => wait.applicationId === applicationId && wait.status === 'open')
      .map(clone);
  }
  /** Like the table's queue partition: officers' waits not yet decided, by deadline then decision id. */
  async listQueue(landlordId: string): Promise<QueueEntry[]> {
    const entries: QueueEntry[] = [];
    for (const { taskToken: _secret, decision: _decided, status, ...wait } of this.items.values()) {
      if (wait.landlordId !== landlordId || status === 'decided') continue;
      if (wait.waitingFor !== WaitingFor.Officer && wait.waitingFor !== WaitingFor.SeniorOfficer) continue;
      entries.push(clone({ ...wait, status }));
    }
    return entries.sort(
      (a, b) => a.deadline.localeCompare(b.deadline) || a.decisionId.localeCompare(b.decisionId),
    );
  }
}

export class MemoryAudit implements AuditLog {
  readonly events: AuditEvent[] = [];
  async append(event: AuditEvent) {
    this.events.push(clone(event));
  }
  async list(applicationId: string) {
    return this.events.filter((event) => event.applicationId === applicationId).map(clone);
  }
}

export class MemoryNotifier implements Notifier {
  readonly sent: Notification[] = [];
  async send(notification: Notification) {
    this.sent.push(clone(notification));
  }
}

/** Sign-in codes and sessions, with the store's conditions: free request slots, live codes, single spending. */
export class MemorySessions implements SessionStore {
  readonly codes = new Map<string, SignInCode>();
  readonly requests = new Map<string, number[]>();
  readonly sessions = new Map<string, Session>();
  async admitCodeRequest(subject: string, rule: { limit: number; windowSeconds: number }, now: Date) {
    const at = now.getTime();
    const recent = (this.requests.get(subject) ?? []).filter(
      (taken) => taken > at - rule.windowSeconds * 1000,
    );
    if (recent.length >= rule.limit) {
      const oldest = Math.min(...recent);
      return {
        admitted: false as const,
        retryAfterSeconds: Math.max(1, Math.ceil((oldest + rule.windowSeconds * 1000 - at) / 1000)),
      };
    }
    this.requests.set(subject, [...recent, at]);
    return { admitted: true as const };
  }
  async putCode(code: SignInCode) {
    this.codes.set(code.subject, clone(code));
  }
  async attemptCode(subject: string, maxAttempts: number, now: Date) {
    const code = this.codes.get(subject);
    if (!code || code.attempts >= maxAttempts || code.expiresAt <= Math.floor(now.getTime() / 1000))
      return undefined;
    code.attempts += 1;
    return clone(code);
  }
  async spendCode(subject: string, codeId: string) {
    if (this.codes.get(subject)?.codeId !== codeId) return false;
    this.codes.delete(subject);
    return true;
  }
  async putSession(session: Session) {
    if (this.sessions.has(session.tokenHash)) throw new ConflictError('session exists');
    this.sessions.set(session.tokenHash, clone(session));
  }
  async getSession(tokenHash: string) {
    const session = this.sessions.get(tokenHash);
    return session ? clone(session) : undefined;
  }
  async deleteSession(tokenHash: string) {
    this.sessions.delete(tokenHash);
  }
}

/** Texts sent, in order: the phone's side of the thread. */
export class MemoryMessaging implements Messaging {
  readonly sent: OutboundText[] = [];
  async sendText(text: OutboundText) {
    this.sent.push(clone(text));
  }
  /** The texts sent to one phone, newest last. */
  to(phone: string): string[] {
    return this.sent.filter((text) => text.to === phone).map((text) => text.body);
  }
}

/** Phone links with the store's conditions: a save names the version it read; an inbound id counts once. */
export class MemoryPhoneLinks implements PhoneLinkStore {
  readonly links = new Map<string, PhoneLink>();
  readonly inbound = new Set<string>();
  async put(link: PhoneLink) {
    this.links.set(link.phoneKey, clone(link));
  }
  async get(phoneKey: string) {
    const link = this.links.get(phoneKey);
    return link ? clone(link) : undefined;
  }
  async save(link: PhoneLink) {
    const stored = this.links.get(link.phoneKey);
    if (!stored || stored.version !== link.version) throw new ConflictError('phone link changed');
    const next = { ...clone(link), version: link.version + 1 };
    this.links.set(link.phoneKey, next);
    return clone(next);
  }
  async claimInbound(messageId: string) {
    if (this.inbound.has(messageId)) return false;
    this.inbound.add(messageId);
    return true;
  }
}

/** Records what the services asked of the workflow; `failNext` makes the next call fail like a throttled API. */
export class RecordingWorkflow implements WorkflowClient {
  readonly resumed: Array<{ taskToken: string; output: Record<string, unknown> }> = [];
  readonly failed: Array<{ taskToken: string; error: string }> = [];
  readonly started: string[] = [];
  failNext = false;
  /** Makes the next call fail as Step Functions does for a token nobody waits on (e.g. 'TaskTimedOut'). */
  failNextWith: string | undefined;
  private check() {
    if (this.failNextWith) {
      const name = this.failNextWith;
      this.failNextWith = undefined;
      throw Object.assign(new Error('Task Timed Out'), { name });
    }
    if (this.failNext) {
      this.failNext = false;
      throw new Error('ThrottlingException');
    }
  }
  async resume(taskToken: string, output: Record<string, unknown>) {
    this.check();
    this.resumed.push({ taskToken, output: clone(output) });
  }
  async fail(taskToken: string, error: string) {
    this.check();
    this.failed.push({ taskToken, error });
  }
  async startApplication(applicationId: string) {
    this.check();
    this.started.push(applicationId);
  }
  /** Lettings started, by execution name; a name started twice is kept once, as Step Functions does. */
  readonly lettings: Array<{ applicationId: string; name: string; propertyId?: string }> = [];
  async startLetting(applicationId: string, name: string, propertyId?: string) {
    this.check();
    if (!this.lettings.some((letting) => letting.name === name))
      this.lettings.push({ applicationId, name, ...(propertyId ? { propertyId } : {}) });
  }
  /** Letters workflows started, by execution name, kept once each like lettings. */
  readonly letters: Array<{ applicationId: string; name: string }> = [];
  async startLetters(applicationId: string, name: string) {
    this.check();
    if (!this.letters.some((letters) => letters.name === name)) this.letters.push({ applicationId, name });
  }
}

/** A clock tests move by hand: never real time. */
export class ManualClock {
  constructor(private current: Date) {}
  now() {
    return new Date(this.current);
  }
  advanceDays(days: number) {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }
  advanceSeconds(seconds: number) {
    this.current = new Date(this.current.getTime() + seconds * 1000);
  }
}

/** Nominations in memory, with the store's conditions: a new id once, a save names the version it read. */
export class MemoryNominations implements NominationStore {
  readonly items = new Map<string, Nomination>();
  async create(nomination: Nomination) {
    if (this.items.has(nomination.nominationId)) throw new ConflictError('exists');
    this.items.set(nomination.nominationId, clone({ ...nomination, version: 0 }));
  }
  async get(nominationId: string) {
    const found = this.items.get(nominationId);
    return found ? clone(found) : undefined;
  }
  async save(nomination: Nomination) {
    const stored = this.items.get(nomination.nominationId);
    if (!stored || stored.version !== nomination.version) throw new ConflictError('changed');
    const next = clone({ ...nomination, version: nomination.version + 1 });
    this.items.set(nomination.nominationId, next);
    return clone(next);
  }
  async listByCouncil(councilId: string, page: { limit: number; after?: ListPosition }) {
    const key = (nomination: Pick<Nomination, 'createdAt' | 'nominationId'>) =>
      `${nomination.createdAt}#${nomination.nominationId}`;
    const after = page.after ? key(page.after) : undefined;
    const newestFirst = [...this.items.values()]
      .filter((nomination) => nomination.councilId === councilId)
      .sort((a, b) => key(b).localeCompare(key(a)))
      .filter((nomination) => after === undefined || key(nomination) < after);
    const nominations = newestFirst.slice(0, page.limit).map(clone);
    const last = nominations.at(-1);
    return {
      nominations,
      ...(newestFirst.length > page.limit && last
        ? { next: { councilId, createdAt: last.createdAt, nominationId: last.nominationId } }
        : {}),
    };
  }
  async listInvited(subject: string) {
    return [...this.items.values()]
      .filter((nomination) => nomination.invitedSubjects.includes(subject))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map(clone);
  }
  async listAwaitingDecision(landlordId: string) {
    return [...this.items.values()]
      .filter(
        (nomination) =>
          nomination.landlordId === landlordId && !nomination.decision && !nomination.withdrawal,
      )
      .sort(
        (a, b) => a.decisionDueBy.localeCompare(b.decisionDueBy) || a.createdAt.localeCompare(b.createdAt),
      )
      .map(clone);
  }
}

export type MemoryDeps = Deps & {
  applications: MemoryApplications;
  lettings: MemoryLettings;
  waits: MemoryWaits;
  audit: MemoryAudit;
  notifier: MemoryNotifier;
  workflow: RecordingWorkflow;
  clock: ManualClock;
  sessions: MemorySessions;
  documents: MemoryDocuments;
  messaging: MemoryMessaging;
  phones: MemoryPhoneLinks;
  nominations: MemoryNominations;
  councilEvents: MemoryCouncilEventStore;
  councilExports: MemoryCouncilExports;
};

/** Documents in memory: quarantine and promoted areas as two maps, as the real stores keep them apart. */
export class MemoryDocuments implements DocumentStore {
  readonly quarantine = new Map<string, Uint8Array>();
  readonly promoted = new Map<string, { bytes: Uint8Array; contentType?: string }>();
  readonly slots: Array<{ key: string; contentType: string; maxBytes: number }> = [];
  async uploadSlot(input: {
    key: string;
    contentType: string;
    maxBytes: number;
    expiresAt: Date;
  }): Promise<UploadSlot> {
    this.slots.push({ key: input.key, contentType: input.contentType, maxBytes: input.maxBytes });
    return {
      method: 'POST',
      url: `memory://uploads/${input.key}`,
      fields: { key: input.key },
      fileField: 'file',
      maxBytes: input.maxBytes,
      expiresAt: input.expiresAt.toISOString(),
    };
  }
  async readQuarantined(key: string) {
    return this.quarantine.get(key);
  }
  async promote(key: string, checked: Uint8Array, contentType: string) {
    this.promoted.set(key, { bytes: checked, contentType });
    this.quarantine.delete(key);
  }
  async discardUpload(key: string) {
    this.quarantine.delete(key);
  }
  async put(key: string, bytes: Uint8Array, contentType: string) {
    this.promoted.set(key, { bytes, contentType });
  }
  async read(key: string) {
    return this.promoted.get(key)?.bytes;
  }
  async delete(key: string) {
    this.quarantine.delete(key);
    this.promoted.delete(key);
  }
  /** A link naming the key and its expiry, so a test can see what was linked to and until when. */
  async downloadLink(key: string, expiresAt: Date, filename: string) {
    return `memory://documents/${key}?expires=${expiresAt.toISOString()}&filename=${filename}`;
  }
}

/**
 * Reads later as Textract's jobs do in AWS (a PDF not known to have one page), one job per document however
 * often it is started, and answers each job with the reading a test gives it. Not in {@link memoryDeps}: there,
 * as locally, every document is read at once.
 */
export class ScriptedLaterReader implements LaterReader {
  readonly started: Array<{ kind: string; key: string; documentId: string }> = [];
  readonly collected: string[] = [];
  constructor(private readonly reading: DocumentReading) {}
  readsLater(document: Parameters<LaterReader['readsLater']>[0]) {
    return document.contentType === 'application/pdf' && document.pages !== 1;
  }
  async startReading(input: Parameters<LaterReader['startReading']>[0]) {
    this.started.push(input);
    return { jobId: `job-${input.documentId}` };
  }
  async collectReading(input: Parameters<LaterReader['collectReading']>[0]) {
    this.collected.push(input.jobId);
    return this.reading;
  }
}

/** A port a unit test did not expect to be used: any call fails loudly, naming the port. */
export function unexpected<T extends object>(port: string): T {
  return new Proxy({} as T, {
    get: (_target, method) => () =>
      Promise.reject(new Error(`${port}.${String(method)} was not expected in this test`)),
  });
}

/** A real tenancy signer with its key in memory, one per test file: its RSA key takes a moment to make. */
const tenancySigner: TenancySigner = new P12TenancySigner({ commonName: 'Doorstep test landlord' });

export function memoryDeps(now = new Date('2026-11-02T09:30:00Z')): MemoryDeps {
  const audit = new MemoryAudit();
  return {
    applications: new MemoryApplications(audit),
    lettings: new MemoryLettings(),
    waits: new MemoryWaits(),
    audit,
    notifier: new MemoryNotifier(),
    workflow: new RecordingWorkflow(),
    clock: new ManualClock(now),
    sessions: new MemorySessions(),
    messaging: new MemoryMessaging(),
    phones: new MemoryPhoneLinks(),
    nominations: new MemoryNominations(),
    councilEvents: new MemoryCouncilEventStore(),
    councilExports: new MemoryCouncilExports(),
    // No DNS in unit tests: a council's *.example host is public, anything else does not resolve.
    resolveHost: async (hostname) => {
      if (hostname.endsWith('.example')) return ['93.184.215.14'];
      throw new Error(`${hostname} does not resolve in tests`);
    },
    documents: new MemoryDocuments(),
    reader: unexpected<TextReader>('reader'),
    // Clean unless a test says otherwise: the real scanners are tested on their own (test/unit/adapters).
    scanner: { scan: async () => ({ verdict: 'clean' }) },
    // Keeps every upload as it is, with no signals, unless a test says otherwise (the real ones: test/unit/adapters).
    inspector: { inspect: async ({ bytes }) => ({ ok: true, bytes, signals: [] }) },
    signer: tenancySigner,
    // A real signer with a key in memory: key credentials in unit tests verify like real ones.
    keyIssuer: new JoseKeyIssuer(),
  };
}
