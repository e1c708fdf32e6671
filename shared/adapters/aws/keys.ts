/**
 * Single-table keys (one module knows every key shape). Only the DynamoDB adapter imports this file.
 *
 *   application  APP#<id>        / APP           gsi1: OWNER#<subject> / APP#<createdAt>#<id>
 *   audit event  APP#<id>        / AUDIT#<at>#<n>
 *   wait         WAIT#<dec id>   / WAIT          gsi1: APP#<id> / WAIT#<createdAt>
 *   queue entry  QUEUE#<landlord> / <deadline>#<dec id>   a wait for an officer or senior officer, without its
 *                task token; written with the wait, its status kept with the wait's, deleted when it is decided
 *   review queue REVIEWS#<landlord> / <due by>#<app id>#<decision>   a review request an officer must decide,
 *                without the applicant's words; written after the request is saved, deleted when it is decided
 *   home         HOME#<id>       / HOME          gsi1 (only while available): AVAILABLE#<landlord> / <availableFrom>#<id>
 *   stock entry  HOMES#<landlord> / HOME#<id>   no attributes: the landlord's homes in every status, so the console's
 *                list is one query (then each home by key); written with the home, never changed (a home keeps its landlord)
 *   offered to   HOME#<id>       / OFFERED#<app id>   offerId, createdAt: the home was proposed to that household
 *                (written with the offer, attribute_not_exists), so the next offer skips who had it already
 *   advert       HOME#<id>       / ADVERT        gsi1: ADVERTS#<landlord> / <closesOn>#<id>   choice-based lettings
 *   bid          HOME#<id>       / BID#<app id>  a household's interest in the advertised home (attribute_not_exists)
 *   offer        OFFER#<id>      / OFFER         gsi1: APP#<id> / OFFER#<createdAt>
 *   tenancy      TENANCY#<id>    / TENANCY
 *   key          KEY#<id>        / KEY
 *   outbox       OUTBOX#<day>    / <at>#<n>
 *   sign-in code SIGNIN#<subject> / CODE         TTL expiresAt (epoch seconds)
 *   code asks    SIGNIN#<subject> / REQUESTS     TTL expiresAt; one attribute per admitted request (slot0..)
 *   session      SESSION#<sha256 of token> / SESSION   TTL expiresAt
 *   phone link   PHONE#<keyed hash of the number> / LINK
 *   inbound text SMSIN#<message id> / SMSIN   TTL expiresAt (a day: SNS redelivers within minutes)
 *   queued text  TEXT#<id> / TEXT   TTL expiresAt; a text for the sms function to send (the table's stream), then deleted
 *   text thread  SMS#<number> / <at>#<n>   local runtime only: the simulator's phone (local/text-messages.ts)
 *   document no. DOCNUM#<sha256 of kind|issuing state|number> / DOCNUM   applicationId: the first application
 *                whose verified identity document carried that number (written once, attribute_not_exists;
 *                deleted by the retention sweep when that application's document is deleted)
 *   deletion due PURGE / <deleteAfter>#<app id>#<document id>   a document or share code due for deletion
 *                (domain/retention.ts); written when an application closes or is let, deleted by the sweep
 *   image hash   PHASH#<64-bit dHash, hex> / PHASH   applicationId: the first application a photo with that
 *                perceptual hash was uploaded on (written once, attribute_not_exists)
 *   register     REGISTER#<landlord> / APP#<app id>   a registered household, compact (domain/shortlist.ts);
 *                put when a registration is recorded, deleted when the case closes or is let
 *   lettings log LETLOG#<landlord> / <let date>#<tenancy id>   a completed letting's CORE-style record
 *                (domain/lettings-log.ts); a date range is one query. Written in one transaction with
 *                LETLOG#<tenancy id> / LETLOG (attribute_not_exists), so each letting is logged once
 *   council client COUNCILCLIENT#<client id> / CLIENT   which council a partner API client acts for (issue 10)
 *   client usage COUNCILRATE#<client id> / <window>   requests counted in a second or a day (ADD, conditional), TTL
 *   idempotency  IDEMPOTENCY / councils#<md5 of [client id, Idempotency-Key]>   a council POST's first answer and a
 *                hash of its request (Powertools' idempotency persistence layer writes it), TTL a day
 *   nomination   NOMINATION#<id> / NOMINATION   gsi1: COUNCIL#<council> / <createdAt>#<id>   a council's nomination
 *                (issue 10), its council's list newest first on gsi1
 *   invitation   INVITED#<subject> / NOMINATION#<id>   the pseudonymous subject of an address or mobile a
 *                nomination invites; written with the nomination, so signing in finds it with one query
 *   nom. queue   NOMQUEUE#<landlord> / <decision due by>#<id>   an undecided nomination on its landlord's queue;
 *                written with it, deleted in the same write that records its decision or withdrawal
 *   council event COUNCILEVENTS#<council> / EVT#<event id>   an event for a partner council (issue 10), ids in time
 *                order; gsi1 while its webhook delivery is pending: WEBHOOKDUE / <next attempt at>#<council>#<event id>
 *   webhook      COUNCILEVENTS#<council> / WEBHOOK   the council's endpoint and signing secret
 *   export job   COUNCILEXPORTS#<council> / EXPORT#<export id>   gsi1 while queued: EXPORTQUEUE / <created>#<council>#<id>
 *
 * No key holds an email address, a document number or a secret: sign-in records are keyed by the pseudonymous
 * subject, sessions by a hash of the token, document numbers by a hash of the number.
 */
export const keys = {
  application: (applicationId: string) => ({ pk: `APP#${applicationId}`, sk: 'APP' }),
  ownerIndex: (ownerId: string, createdAt: string, applicationId: string) => ({
    gsi1pk: `OWNER#${ownerId}`,
    gsi1sk: `APP#${createdAt}#${applicationId}`,
  }),
  owner: (ownerId: string) => `OWNER#${ownerId}`,
  auditPrefix: 'AUDIT#',
  audit: (applicationId: string, at: string, n: string) => ({
    pk: `APP#${applicationId}`,
    sk: `AUDIT#${at}#${n}`,
  }),
  wait: (decisionId: string) => ({ pk: `WAIT#${decisionId}`, sk: 'WAIT' }),
  waitIndex: (applicationId: string, createdAt: string) => ({
    gsi1pk: `APP#${applicationId}`,
    gsi1sk: `WAIT#${createdAt}`,
  }),
  /** The officers' queue: one partition per landlord, sorted by deadline (ISO 8601, so text order is time order). */
  queue: (landlordId: string, deadline: string, decisionId: string) => ({
    pk: `QUEUE#${landlordId}`,
    sk: `${deadline}#${decisionId}`,
  }),
  queuePartition: (landlordId: string) => `QUEUE#${landlordId}`,
  /** Review requests waiting for an officer: one partition per landlord, sorted by the day each is due. */
  reviewQueue: (landlordId: string, dueBy: string, applicationId: string, decision: number) => ({
    pk: `REVIEWS#${landlordId}`,
    sk: `${dueBy}#${applicationId}#${decision}`,
  }),
  reviewQueuePartition: (landlordId: string) => `REVIEWS#${landlordId}`,
  home: (propertyId: string) => ({ pk: `HOME#${propertyId}`, sk: 'HOME' }),
  availableHomes: (landlordId: string) => `AVAILABLE#${landlordId}`,
  stockEntry: (landlordId: string, propertyId: string) => ({
    pk: `HOMES#${landlordId}`,
    sk: `HOME#${propertyId}`,
  }),
  stockPartition: (landlordId: string) => `HOMES#${landlordId}`,
  /** A home proposed to a household: one per pair (attribute_not_exists), so a home is offered to each once. */
  homeOffered: (propertyId: string, applicationId: string) => ({
    pk: `HOME#${propertyId}`,
    sk: `OFFERED#${applicationId}`,
  }),
  homeOfferedPrefix: 'OFFERED#',
  /** A home's advert (choice-based lettings), listed by landlord in closing-date order on gsi1. */
  advert: (propertyId: string) => ({ pk: `HOME#${propertyId}`, sk: 'ADVERT' }),
  advertIndex: (landlordId: string, closesOn: string, propertyId: string) => ({
    gsi1pk: `ADVERTS#${landlordId}`,
    gsi1sk: `${closesOn}#${propertyId}`,
  }),
  adverts: (landlordId: string) => `ADVERTS#${landlordId}`,
  /** A household's interest in an advertised home: once per pair (attribute_not_exists). */
  bid: (propertyId: string, applicationId: string) => ({
    pk: `HOME#${propertyId}`,
    sk: `BID#${applicationId}`,
  }),
  bidPrefix: 'BID#',
  offer: (offerId: string) => ({ pk: `OFFER#${offerId}`, sk: 'OFFER' }),
  offerIndex: (applicationId: string, createdAt: string) => ({
    gsi1pk: `APP#${applicationId}`,
    gsi1sk: `OFFER#${createdAt}`,
  }),
  tenancy: (tenancyId: string) => ({ pk: `TENANCY#${tenancyId}`, sk: 'TENANCY' }),
  key: (credentialId: string) => ({ pk: `KEY#${credentialId}`, sk: 'KEY' }),
  outbox: (at: string, n: string) => ({ pk: `OUTBOX#${at.slice(0, 10)}`, sk: `${at}#${n}` }),
  signInCode: (subject: string) => ({ pk: `SIGNIN#${subject}`, sk: 'CODE' }),
  codeRequests: (subject: string) => ({ pk: `SIGNIN#${subject}`, sk: 'REQUESTS' }),
  session: (tokenHash: string) => ({ pk: `SESSION#${tokenHash}`, sk: 'SESSION' }),
  phoneLink: (phoneKey: string) => ({ pk: `PHONE#${phoneKey}`, sk: 'LINK' }),
  inboundText: (messageId: string) => ({ pk: `SMSIN#${messageId}`, sk: 'SMSIN' }),
  textThread: (phone: string) => `SMS#${phone}`,
  queuedText: (textId: string) => ({ pk: `TEXT#${textId}`, sk: 'TEXT' }),
  documentNumber: (fingerprint: string) => ({ pk: `DOCNUM#${fingerprint}`, sk: 'DOCNUM' }),
  /**
   * The due-for-deletion index: one partition, sorted by the instant each entry may be deleted (ISO 8601 in
   * UTC, so text order is time order), so "everything due by now" is one range query. One partition is
   * enough: a closing application writes a handful of entries and the sweep runs daily, far below a
   * partition's 1,000 writes a second.
   */
  deletion: (deleteAfter: string, applicationId: string, documentId: string) => ({
    pk: 'PURGE',
    sk: `${new Date(deleteAfter).toISOString()}#${applicationId}#${documentId}`,
  }),
  deletionPartition: 'PURGE',
  imageHash: (hash: string) => ({ pk: `PHASH#${hash}`, sk: 'PHASH' }),
  /**
   * The landlord's register, one partition per landlord, one item per application. Keyed by the application, not
   * by band and date: a re-band overwrites the same item, so no stale place can outlive a change, and every write
   * is idempotent. A shortlist reads the whole partition and ranks it in memory (domain/shortlist.ts).
   */
  registered: (landlordId: string, applicationId: string) => ({
    pk: `REGISTER#${landlordId}`,
    sk: `APP#${applicationId}`,
  }),
  registerPartition: (landlordId: string) => `REGISTER#${landlordId}`,
  /** The landlord's lettings log, sorted by let date (ISO dates, so text order is date order). */
  lettingsLog: (landlordId: string, letDate: string, tenancyId: string) => ({
    pk: `LETLOG#${landlordId}`,
    sk: `${letDate}#${tenancyId}`,
  }),
  lettingsLogPartition: (landlordId: string) => `LETLOG#${landlordId}`,
  lettingsLogOnce: (tenancyId: string) => ({ pk: `LETLOG#${tenancyId}`, sk: 'LETLOG' }),
  nomination: (nominationId: string) => ({ pk: `NOMINATION#${nominationId}`, sk: 'NOMINATION' }),
  /** A council's nominations, newest first by a descending query (ISO 8601 instants sort as text). */
  councilIndex: (councilId: string, createdAt: string, nominationId: string) => ({
    gsi1pk: `COUNCIL#${councilId}`,
    gsi1sk: `${createdAt}#${nominationId}`,
  }),
  councilPartition: (councilId: string) => `COUNCIL#${councilId}`,
  invitation: (subject: string, nominationId: string) => ({
    pk: `INVITED#${subject}`,
    sk: `NOMINATION#${nominationId}`,
  }),
  invitationPartition: (subject: string) => `INVITED#${subject}`,
  nominationQueue: (landlordId: string, dueBy: string, nominationId: string) => ({
    pk: `NOMQUEUE#${landlordId}`,
    sk: `${dueBy}#${nominationId}`,
  }),
  nominationQueuePartition: (landlordId: string) => `NOMQUEUE#${landlordId}`,
  councilClient: (clientId: string) => ({ pk: `COUNCILCLIENT#${clientId}`, sk: 'CLIENT' }),
  /** A client's requests in one window (`S#<epoch second>` or `D#<yyyy-mm-dd>`), counted atomically. */
  councilUsage: (clientId: string, window: string) => ({ pk: `COUNCILRATE#${clientId}`, sk: window }),
  /** Powertools' idempotency records: one partition, the key's hash as the sort key. */
  idempotencyPartition: 'IDEMPOTENCY',
  /** A partner council's events (issue 10): one partition per council, so a poll can only read its own. */
  councilEvent: (councilId: string, eventId: string) => ({
    pk: `COUNCILEVENTS#${councilId}`,
    sk: `EVT#${eventId}`,
  }),
  councilEventsPartition: (councilId: string) => `COUNCILEVENTS#${councilId}`,
  councilEventPrefix: 'EVT#',
  webhookEndpoint: (councilId: string) => ({ pk: `COUNCILEVENTS#${councilId}`, sk: 'WEBHOOK' }),
  /** Deliveries due, by when (ISO 8601, so text order is time order): one sparse partition the worker reads. */
  webhookDue: (nextAttemptAt: string, councilId: string, eventId: string) => ({
    gsi1pk: 'WEBHOOKDUE',
    gsi1sk: `${nextAttemptAt}#${councilId}#${eventId}`,
  }),
  webhookDuePartition: 'WEBHOOKDUE',
  councilExport: (councilId: string, exportId: string) => ({
    pk: `COUNCILEXPORTS#${councilId}`,
    sk: `EXPORT#${exportId}`,
  }),
  exportQueue: (createdAt: string, councilId: string, exportId: string) => ({
    gsi1pk: 'EXPORTQUEUE',
    gsi1sk: `${createdAt}#${councilId}#${exportId}`,
  }),
  exportQueuePartition: 'EXPORTQUEUE',
} as const;

/** The table's key schema: the CDK stack and the local runtime create the same table from this. */
export const TABLE_KEYS = {
  partition: 'pk',
  sort: 'sk',
  gsi1: { name: 'gsi1', partition: 'gsi1pk', sort: 'gsi1sk' },
} as const;

export const GSI1 = TABLE_KEYS.gsi1.name;

/** The table's TTL attribute (infra/constructs/data.ts): epoch seconds after which DynamoDB may delete the item. */
export const TTL_ATTRIBUTE = 'expiresAt';

/** Key attributes, stripped before a stored item is parsed back into a domain record. */
export const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk'] as const;
