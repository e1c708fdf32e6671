import { randomBytes } from 'node:crypto';
import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { Advert, Bid } from '../../domain/adverts.js';
import { Application } from '../../domain/application.js';
import {
  HomeDetails,
  holdsHome,
  KeyCredential,
  Offer,
  type OfferStatus,
  Property,
  Tenancy,
} from '../../domain/letting.js';
import { LettingsLogRecord } from '../../domain/lettings-log.js';
import type { DeletionEntry } from '../../domain/retention.js';
import { RegisteredHousehold } from '../../domain/shortlist.js';
import { Stage, WaitingFor } from '../../domain/stage.js';
import {
  type ApplicationStore,
  type AuditEvent,
  type AuditLog,
  ConflictError,
  type LettingStore,
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
  type WaitKind,
  type WaitStore,
} from '../../ports.js';
import { DynamoCouncilEventStore, DynamoCouncilExportStore } from './dynamodb-council-events.js';
import { DynamoNominationStore } from './dynamodb-nominations.js';
import { DynamoPhoneLinkStore } from './dynamodb-phones.js';
import { GSI1, KEY_ATTRIBUTES, keys, TTL_ATTRIBUTE } from './keys.js';

/** A document client with the marshalling options every store uses. */
export function documentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

function strip(item: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...item };
  for (const attribute of KEY_ATTRIBUTES) delete copy[attribute];
  return copy;
}

/** Parses a stored item with the domain schema: what comes back from the table is checked like any input. */
function parse<S extends z.ZodType>(
  schema: S,
  item: Record<string, unknown> | undefined,
): z.output<S> | undefined {
  return item ? schema.parse(strip(item)) : undefined;
}

const suffix = () => randomBytes(4).toString('hex');

/**
 * Keeps audit events of the same instant in the order this process appended them (a bare random suffix
 * shuffled them); the random part keeps keys unique across processes.
 */
let sequence = 0;
const orderedSuffix = () => `${String(++sequence).padStart(12, '0')}-${suffix()}`;

/** An audit event as its item: a new key every time (append-only, never overwritten). */
const auditItem = (event: AuditEvent) => ({
  ...keys.audit(event.applicationId, event.at, orderedSuffix()),
  ...event,
});

function isConditionFailure(error: unknown): boolean {
  return error instanceof ConditionalCheckFailedException || error instanceof TransactionCanceledException;
}

/**
 * Whether a write failed because someone else wrote first: its condition failed, or (in a transaction) another
 * transaction touched the same item at once. A transaction cancelled for anything else (throttled, an item too
 * large, a validation error) is not a conflict, and reading again and retrying would not mend it.
 */
function changedSinceRead(error: unknown): boolean {
  if (error instanceof ConditionalCheckFailedException) return true;
  if (!(error instanceof TransactionCanceledException)) return false;
  const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
  return codes.includes('ConditionalCheckFailed') || codes.includes('TransactionConflict');
}

/** How many times an approval cancelled only by a simultaneous transaction is tried. */
const APPROVAL_ATTEMPTS = 5;

/** A transaction cancelled because another touched the same item at once, not because a condition failed. */
function onlyTransactionConflicts(error: unknown): boolean {
  if (!(error instanceof TransactionCanceledException)) return false;
  const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
  return codes.includes('TransactionConflict') && !codes.includes('ConditionalCheckFailed');
}

/** Every page of a query (a page stops at 1 MB). */
async function queryAll(
  db: DynamoDBDocumentClient,
  input: QueryCommandInput,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** A review queue entry as stored: the entry itself, checked on the way out. */
const StoredReviewQueueEntry = z.object({
  landlordId: z.string(),
  applicationId: z.string(),
  decision: z.number().int().min(0),
  stage: z.enum(Stage),
  requestedAt: z.string(),
  dueBy: z.string(),
}) satisfies z.ZodType<ReviewQueueEntry>;

/** A due-for-deletion entry as stored, checked on the way out. */
const StoredDeletionEntry = z.object({
  applicationId: z.string().min(1),
  documentId: z.string().min(1),
  deleteAfter: z.string().min(1),
}) satisfies z.ZodType<DeletionEntry>;

export class DynamoApplicationStore implements ApplicationStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** The stored item: the application, its key, and its place in its owner's list (gsi1). */
  private item(application: Application) {
    return {
      ...keys.application(application.applicationId),
      ...keys.ownerIndex(application.ownerId, application.createdAt, application.applicationId),
      ...application,
    };
  }

  async create(application: Application): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: this.item({ ...application, version: 0 }),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (isConditionFailure(error))
        throw new ConflictError(`Application ${application.applicationId} exists`);
      throw error;
    }
  }

  async get(applicationId: string): Promise<Application | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.application(applicationId), ConsistentRead: true }),
    );
    return parse(Application, Item);
  }

  async save(application: Application, options: { audit?: AuditEvent } = {}): Promise<Application> {
    const next = { ...application, version: application.version + 1 };
    const put = {
      TableName: this.table,
      Item: this.item(next),
      ConditionExpression: 'attribute_exists(pk) AND version = :read',
      ExpressionAttributeValues: { ':read': application.version },
    };
    try {
      if (options.audit) {
        await this.db.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: put },
              {
                Put: {
                  TableName: this.table,
                  Item: auditItem(options.audit),
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
            ],
          }),
        );
      } else {
        await this.db.send(new PutCommand(put));
      }
    } catch (error) {
      if (changedSinceRead(error)) {
        throw new ConflictError(`Application ${application.applicationId} changed since it was read`);
      }
      throw error;
    }
    return next;
  }

  async listByOwner(ownerId: string): Promise<Application[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: GSI1,
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :app)',
      ExpressionAttributeValues: { ':pk': keys.owner(ownerId), ':app': 'APP#' },
    });
    return items.map((item) => Application.parse(strip(item)));
  }

  async claimDocumentNumber(fingerprint: string, applicationId: string): Promise<string> {
    return this.claimOnce(keys.documentNumber(fingerprint), applicationId);
  }

  async claimImageHash(hash: string, applicationId: string): Promise<string> {
    return this.claimOnce(keys.imageHash(hash), applicationId);
  }

  /** Writes the claim if nobody holds it, and returns the application that does. */
  private async claimOnce(key: { pk: string; sk: string }, applicationId: string): Promise<string> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...key, applicationId },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return applicationId;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    // Written once and never changed, so whoever holds it now held it when the condition failed.
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: key, ConsistentRead: true }),
    );
    return z.object({ applicationId: z.string().min(1) }).parse(Item).applicationId;
  }
  async queueReview(entry: ReviewQueueEntry): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          ...keys.reviewQueue(entry.landlordId, entry.dueBy, entry.applicationId, entry.decision),
          ...entry,
        },
      }),
    );
  }

  async unqueueReview(entry: ReviewQueueEntry): Promise<void> {
    await this.db.send(
      new DeleteCommand({
        TableName: this.table,
        Key: keys.reviewQueue(entry.landlordId, entry.dueBy, entry.applicationId, entry.decision),
      }),
    );
  }

  async listReviewQueue(landlordId: string): Promise<ReviewQueueEntry[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.reviewQueuePartition(landlordId) },
      ConsistentRead: true,
    });
    return items.map((item) => StoredReviewQueueEntry.parse(strip(item)));
  }

  async scheduleDeletions(entries: readonly DeletionEntry[]): Promise<void> {
    // A plain put of the same key and values: writing an entry twice leaves one entry (idempotent).
    await Promise.all(
      entries.map((entry) =>
        this.db.send(
          new PutCommand({
            TableName: this.table,
            Item: { ...keys.deletion(entry.deleteAfter, entry.applicationId, entry.documentId), ...entry },
          }),
        ),
      ),
    );
  }

  async listDueForDeletion(now: string): Promise<DeletionEntry[]> {
    // Sort keys are `<instant>#<app>#<doc>`; '$' sorts just after '#', so `< <now>$` takes every entry due
    // at or before `now` and none after.
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND sk < :until',
      ExpressionAttributeValues: {
        ':pk': keys.deletionPartition,
        ':until': `${new Date(now).toISOString()}$`,
      },
      ConsistentRead: true,
    });
    return items.map((item) => StoredDeletionEntry.parse(strip(item)));
  }

  async unscheduleDeletion(entry: DeletionEntry): Promise<void> {
    await this.db.send(
      new DeleteCommand({
        TableName: this.table,
        Key: keys.deletion(entry.deleteAfter, entry.applicationId, entry.documentId),
      }),
    );
  }

  releaseDocumentNumber(fingerprint: string, applicationId: string): Promise<void> {
    return this.releaseOwn(keys.documentNumber(fingerprint), applicationId);
  }

  releaseImageHash(hash: string, applicationId: string): Promise<void> {
    return this.releaseOwn(keys.imageHash(hash), applicationId);
  }

  async putRegistered(entry: RegisteredHousehold): Promise<void> {
    // A plain put on the application's own key: writing it again, or after a re-band, leaves one entry.
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...keys.registered(entry.landlordId, entry.applicationId), ...entry },
      }),
    );
  }

  async removeRegistered(landlordId: string, applicationId: string): Promise<void> {
    await this.db.send(
      new DeleteCommand({ TableName: this.table, Key: keys.registered(landlordId, applicationId) }),
    );
  }

  async listRegister(landlordId: string): Promise<RegisteredHousehold[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      // Eventually consistent, at half the read cost of a whole register: a household registered a second ago
      // may be missing from a shortlist read in that second, which an officer's next look includes.
      ExpressionAttributeValues: { ':pk': keys.registerPartition(landlordId) },
    });
    return items.map((item) => RegisteredHousehold.parse(strip(item)));
  }

  /** Deletes a claim only when `applicationId` holds it. */
  private async releaseOwn(key: { pk: string; sk: string }, applicationId: string): Promise<void> {
    try {
      await this.db.send(
        new DeleteCommand({
          TableName: this.table,
          Key: key,
          // Only the holder's own claim: another application's stays, enforced by the table.
          ConditionExpression: 'applicationId = :mine',
          ExpressionAttributeValues: { ':mine': applicationId },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
}

export class DynamoLettingStore implements LettingStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  private homeItem(home: Property) {
    return {
      ...keys.home(home.propertyId),
      ...home,
      ...(home.status === 'available'
        ? { gsi1pk: keys.availableHomes(home.landlordId), gsi1sk: `${home.availableFrom}#${home.propertyId}` }
        : {}),
    };
  }

  /** Writes a home and its stock entry together; `guard` conditions the home's write. */
  private async writeHome(home: Property, guard: Record<string, unknown> = {}): Promise<void> {
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.table, Item: this.homeItem(Property.parse(home)), ...guard } },
          { Put: { TableName: this.table, Item: keys.stockEntry(home.landlordId, home.propertyId) } },
        ],
      }),
    );
  }

  async putHome(home: Property): Promise<void> {
    await this.writeHome(home);
  }

  async createHome(home: Property): Promise<void> {
    try {
      await this.writeHome(home, { ConditionExpression: 'attribute_not_exists(pk)' });
    } catch (error) {
      if (isConditionFailure(error)) throw new ConflictError(`Home ${home.propertyId} exists`);
      throw error;
    }
  }

  /**
   * Writes the home with the new details and the status just read, on condition that it is still the
   * landlord's and still has that status: a status the offer flow changed in between fails the condition, and
   * the home is read again and the write retried, a few times. So an edit never undoes an offer, and an
   * available home's place in the available list follows its new date. The stock entry is written too
   * (idempotent), so a home stored before the stock index existed joins it.
   */
  async updateHomeDetails(propertyId: string, landlordId: string, details: HomeDetails): Promise<Property> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const { Item } = await this.db.send(
        new GetCommand({ TableName: this.table, Key: keys.home(propertyId), ConsistentRead: true }),
      );
      const current = parse(Property, Item);
      if (current?.landlordId !== landlordId) throw new NotFoundError(`No home ${propertyId}`);
      const home = Property.parse({
        ...HomeDetails.parse(details),
        propertyId,
        landlordId,
        status: current.status,
      });
      try {
        await this.writeHome(home, {
          ConditionExpression: 'landlordId = :landlord AND #status = :status',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':landlord': landlordId, ':status': current.status },
        });
        return home;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
    throw new ConflictError(`Home ${propertyId} changed meanwhile; try again`);
  }

  /** One query of the landlord's stock entries, then each home by its key (no scan). */
  async listHomes(landlordId: string): Promise<Property[]> {
    const entries = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.stockPartition(landlordId) },
    });
    const homes = await Promise.all(
      entries.map((entry) => this.getHome(String(entry.sk).slice(keys.stockEntry('', '').sk.length))),
    );
    return homes.filter((home): home is Property => home?.landlordId === landlordId);
  }

  async getHome(propertyId: string): Promise<Property | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.home(propertyId) }),
    );
    return parse(Property, Item);
  }

  async listAvailableHomes(landlordId: string): Promise<Property[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: GSI1,
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.availableHomes(landlordId) },
    });
    return items.map((item) => Property.parse(strip(item)));
  }

  /** An offer as stored: keyed by its id, and indexed under its application by when it was made. */
  private offerItem(offer: Offer) {
    return {
      ...keys.offer(offer.offerId),
      ...keys.offerIndex(offer.applicationId, offer.createdAt),
      ...offer,
    };
  }

  async createOffer(offer: Offer): Promise<void> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: this.offerItem(Offer.parse(offer)),
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              // Each home is proposed to a household once; the next offer after a refusal skips who had it.
              Put: {
                TableName: this.table,
                Item: {
                  ...keys.homeOffered(offer.propertyId, offer.applicationId),
                  offerId: offer.offerId,
                  createdAt: offer.createdAt,
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              // Only an available home of the offer's landlord can be proposed; proposing does not hold it.
              ConditionCheck: {
                TableName: this.table,
                Key: keys.home(offer.propertyId),
                ConditionExpression: '#status = :available AND landlordId = :landlord',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':available': 'available', ':landlord': offer.landlordId },
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (isConditionFailure(error))
        throw new ConflictError(
          `Home ${offer.propertyId} is not available, or was offered to this household already`,
        );
      throw error;
    }
  }

  async getOffer(offerId: string): Promise<Offer | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.offer(offerId), ConsistentRead: true }),
    );
    return parse(Offer, Item);
  }

  async listOffersOfHome(propertyId: string): Promise<Array<{ applicationId: string; offerId: string }>> {
    const { pk } = keys.home(propertyId);
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :offered)',
      ExpressionAttributeValues: { ':pk': pk, ':offered': keys.homeOfferedPrefix },
      ConsistentRead: true,
    });
    return items
      .map((item) => ({
        applicationId: String(item.sk).slice(keys.homeOfferedPrefix.length),
        offerId: String(item.offerId),
        createdAt: String(item.createdAt),
      }))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map(({ applicationId, offerId }) => ({ applicationId, offerId }));
  }

  async approveOffer(offerId: string, approval: { approvedAt: string; respondBy: string }): Promise<Offer> {
    const offer = await this.getOffer(offerId);
    if (!offer) throw new NotFoundError(`Offer ${offerId} not found`);
    const approved: Offer = { ...offer, status: 'awaiting-applicant', ...approval };
    // Approvals of one home at the same moment can cancel each other (TransactionConflict) with no winner:
    // those are tried again, so exactly one wins and the rest find the home taken.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.sendApproval(offer, approved);
        return approved;
      } catch (error) {
        if (onlyTransactionConflicts(error) && attempt < APPROVAL_ATTEMPTS) {
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 50 * attempt));
          continue;
        }
        if (isConditionFailure(error))
          throw new ConflictError(
            `Home ${offer.propertyId} already has a live offer, or this offer is no longer awaiting approval`,
          );
        throw error;
      }
    }
  }

  private async sendApproval(offer: Offer, approved: Offer): Promise<void> {
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.table,
              Item: this.offerItem(approved),
              ConditionExpression: '#status = :awaiting',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':awaiting': 'awaiting-approval' },
            },
          },
          {
            // The one live offer per home: only an available home can be taken, and taking it is the approval.
            Update: {
              TableName: this.table,
              Key: keys.home(offer.propertyId),
              UpdateExpression: 'SET #status = :offered REMOVE gsi1pk, gsi1sk',
              ConditionExpression: '#status = :available AND landlordId = :landlord',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':offered': 'offered',
                ':available': 'available',
                ':landlord': offer.landlordId,
              },
            },
          },
        ],
      }),
    );
  }

  async updateOffer(offerId: string, status: OfferStatus, change: OfferChange = {}): Promise<Offer> {
    const offer = await this.getOffer(offerId);
    if (!offer) throw new NotFoundError(`Offer ${offerId} not found`);
    const updated: Offer = { ...offer, ...change, status };
    const offerPut = {
      Put: {
        TableName: this.table,
        Item: this.offerItem(updated),
        ConditionExpression: '#status = :was',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':was': offer.status },
      },
    };
    const releases = status === 'refused' || status === 'withdrawn';
    const lets = status === 'let';
    // Only a live offer holds its home: a proposal never took it, and once an offer has ended the home may
    // already belong to another offer.
    const home =
      holdsHome(offer.status) && (releases || lets) ? await this.getHome(offer.propertyId) : undefined;
    // Only the status and the available list's keys change, on condition the home is still offered and still
    // available from the same day: an officer's edit of the home's details meanwhile is kept (a changed day
    // fails the transaction, and the step reads again).
    const homeWrite = home
      ? [
          {
            Update: {
              TableName: this.table,
              Key: keys.home(home.propertyId),
              UpdateExpression: releases
                ? 'SET #status = :status, gsi1pk = :pk, gsi1sk = :sk'
                : 'SET #status = :status REMOVE gsi1pk, gsi1sk',
              ConditionExpression: '#status = :offered AND availableFrom = :from',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':status': releases ? 'available' : 'let',
                ':offered': 'offered',
                ':from': home.availableFrom,
                ...(releases
                  ? {
                      ':pk': keys.availableHomes(home.landlordId),
                      ':sk': `${home.availableFrom}#${home.propertyId}`,
                    }
                  : {}),
              },
            },
          },
        ]
      : [];
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: [offerPut, ...homeWrite] }));
    } catch (error) {
      if (isConditionFailure(error)) throw new ConflictError(`Offer ${offerId} changed since it was read`);
      throw error;
    }
    return updated;
  }

  async putAdvert(advert: Advert): Promise<void> {
    const parsed = Advert.parse(advert);
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          ...keys.advert(parsed.propertyId),
          ...keys.advertIndex(parsed.landlordId, parsed.closesOn, parsed.propertyId),
          ...parsed,
        },
      }),
    );
  }

  async getAdvert(propertyId: string): Promise<Advert | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.advert(propertyId), ConsistentRead: true }),
    );
    return parse(Advert, Item);
  }

  async listAdverts(landlordId: string, from: string): Promise<Advert[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: GSI1,
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk >= :from',
      ExpressionAttributeValues: { ':pk': keys.adverts(landlordId), ':from': from },
    });
    return items.map((item) => Advert.parse(strip(item)));
  }

  async putBid(bid: Bid): Promise<boolean> {
    const parsed = Bid.parse(bid);
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...keys.bid(parsed.propertyId, parsed.applicationId), ...parsed },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async listBids(propertyId: string): Promise<Bid[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :bid)',
      ExpressionAttributeValues: { ':pk': keys.advert(propertyId).pk, ':bid': keys.bidPrefix },
      ConsistentRead: true,
    });
    return items.map((item) => Bid.parse(strip(item))).sort((a, b) => a.at.localeCompare(b.at));
  }

  async putTenancy(tenancy: Tenancy): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...keys.tenancy(tenancy.tenancyId), ...Tenancy.parse(tenancy) },
      }),
    );
  }

  async getTenancy(tenancyId: string): Promise<Tenancy | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.tenancy(tenancyId), ConsistentRead: true }),
    );
    return parse(Tenancy, Item);
  }

  async putKey(credential: KeyCredential): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...keys.key(credential.credentialId), ...KeyCredential.parse(credential) },
      }),
    );
  }

  async getKey(credentialId: string): Promise<KeyCredential | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.key(credentialId) }),
    );
    return parse(KeyCredential, Item);
  }

  async putLettingsLog(record: LettingsLogRecord): Promise<boolean> {
    const parsed = LettingsLogRecord.parse(record);
    try {
      // Once per letting, keyed by the tenancy: a Let step retried on a later day finds its record already
      // written, though the log item's own key (by let date) would differ.
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: { ...keys.lettingsLogOnce(parsed.tenancyId), letDate: parsed.letDate },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: this.table,
                Item: { ...keys.lettingsLog(parsed.landlordId, parsed.letDate, parsed.tenancyId), ...parsed },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async listLettingsLog(landlordId: string, from: string, to: string): Promise<LettingsLogRecord[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      // `~` sorts after every character of a tenancy id, so the whole of the last day is included.
      ExpressionAttributeValues: {
        ':pk': keys.lettingsLogPartition(landlordId),
        ':from': `${from}#`,
        ':to': `${to}#~`,
      },
    });
    return items.map((item) => LettingsLogRecord.parse(strip(item)));
  }
}

const WAIT_KINDS = [
  'answers',
  'review',
  'attention',
  'approval',
  'response',
  'signature',
] as const satisfies readonly WaitKind[];

/**
 * An entry read back from the officers' queue. An allow-list of attributes (zod drops the rest), so a task
 * token could not leave the store through the queue even if one were ever written to it.
 */
const StoredQueueEntry = z.object({
  decisionId: z.string(),
  applicationId: z.string(),
  landlordId: z.string(),
  stage: z.enum(Stage),
  kind: z.enum(WAIT_KINDS),
  waitingFor: z.enum(WaitingFor),
  offerId: z.string().exactOptional(),
  deadline: z.string(),
  createdAt: z.string(),
  problem: z.string().exactOptional(),
  status: z.enum(['open', 'deciding']),
}) satisfies z.ZodType<QueueEntry>;

/** Officers and senior officers act on the queue; an applicant's wait never joins it. */
const forOfficers = (wait: PendingWait) =>
  wait.waitingFor === WaitingFor.Officer || wait.waitingFor === WaitingFor.SeniorOfficer;

/** Which items of a cancelled transaction failed their condition (DynamoDB gives one reason per item, in order). */
function failedConditions(error: unknown): boolean[] | undefined {
  if (!(error instanceof TransactionCanceledException)) return undefined;
  return (error.CancellationReasons ?? []).map((reason) => reason.Code === 'ConditionalCheckFailed');
}

/**
 * Waits and the officers' queue. A wait for an officer is written with its queue entry in one transaction, and
 * every later change of status (claim, release, decision) moves both in one transaction, so the queue never
 * shows a wait that has been decided nor misses one that is open. The queue entry is a copy of the wait
 * without its task token, keyed by landlord and deadline: listing the queue is one query, no new index.
 */
export class DynamoWaitStore implements WaitStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  private queueItem(wait: PendingWait, status: QueueEntry['status']) {
    const { taskToken: _secret, decision: _decided, ...entry } = wait;
    return { ...keys.queue(wait.landlordId, wait.deadline, wait.decisionId), ...entry, status };
  }

  async park(wait: PendingWait): Promise<boolean> {
    const waitPut = {
      Put: {
        TableName: this.table,
        Item: {
          ...keys.wait(wait.decisionId),
          ...keys.waitIndex(wait.applicationId, wait.createdAt),
          ...wait,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
    const queuePut = forOfficers(wait)
      ? [
          {
            Put: {
              TableName: this.table,
              Item: this.queueItem(wait, 'open'),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ]
      : [];
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: [waitPut, ...queuePut] }));
    } catch (error) {
      // The same token parked twice (a retried invocation): the first write stands, its queue entry with it.
      if (failedConditions(error)?.[0]) return false;
      throw error;
    }
    return true;
  }

  async get(decisionId: string): Promise<PendingWait | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.wait(decisionId), ConsistentRead: true }),
    );
    return Item ? (strip(Item) as unknown as PendingWait) : undefined;
  }

  /**
   * Moves a wait from one status to the next, with its queue entry, in one transaction. The wait's condition is
   * the guard (a lost race cancels both writes); the wait is read first only to find its queue entry's key
   * (landlord and deadline never change). A claimed or released wait's entry is written whole, so a wait
   * parked before the queue existed joins it then; a decided wait's entry is deleted.
   */
  private async move(
    decisionId: string,
    from: PendingWait['status'],
    to: PendingWait['status'],
    decision?: Record<string, unknown>,
  ): Promise<PendingWait | undefined> {
    const wait = await this.get(decisionId);
    if (wait?.status !== from) return undefined;
    const moved: PendingWait = { ...wait, status: to, ...(decision ? { decision } : {}) };
    const queueKey = keys.queue(wait.landlordId, wait.deadline, wait.decisionId);
    const queueWrite = !forOfficers(wait)
      ? []
      : to === 'decided'
        ? [{ Delete: { TableName: this.table, Key: queueKey } }]
        : [{ Put: { TableName: this.table, Item: this.queueItem(wait, to) } }];
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.table,
                Key: keys.wait(decisionId),
                UpdateExpression: decision ? 'SET #status = :to, #decision = :decision' : 'SET #status = :to',
                ConditionExpression: 'attribute_exists(pk) AND #status = :from',
                ExpressionAttributeNames: {
                  '#status': 'status',
                  ...(decision ? { '#decision': 'decision' } : {}),
                },
                ExpressionAttributeValues: {
                  ':to': to,
                  ':from': from,
                  ...(decision ? { ':decision': decision } : {}),
                },
              },
            },
            ...queueWrite,
          ],
        }),
      );
    } catch (error) {
      // Someone else moved it first (or is moving it now): the caller decides what that means.
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
    return moved;
  }

  async claim(decisionId: string): Promise<PendingWait | undefined> {
    return this.move(decisionId, 'open', 'deciding');
  }

  async complete(decisionId: string, decision: Record<string, unknown>): Promise<void> {
    if (!(await this.move(decisionId, 'deciding', 'decided', decision)))
      throw new ConflictError(`Wait ${decisionId} is not being decided`);
  }

  async release(decisionId: string): Promise<void> {
    // Nothing to give back (not claimed, or already decided): releasing is a no-op, like the in-memory store.
    await this.move(decisionId, 'deciding', 'open');
  }

  async listOpen(applicationId: string): Promise<PendingWait[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: GSI1,
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :wait)',
      FilterExpression: '#status = :open',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':pk': `APP#${applicationId}`, ':wait': 'WAIT#', ':open': 'open' },
    });
    return items.map((item) => strip(item) as unknown as PendingWait);
  }

  async listQueue(landlordId: string): Promise<QueueEntry[]> {
    // Consistent: an officer who has just decided a wait must not see it again on the next page.
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.queuePartition(landlordId) },
      ConsistentRead: true,
    });
    return items.map((item) => StoredQueueEntry.parse(strip(item)));
  }
}

export class DynamoAuditLog implements AuditLog {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async append(event: AuditEvent): Promise<void> {
    // Append-only: a new key every time, never overwritten.
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: auditItem(event),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async list(applicationId: string): Promise<AuditEvent[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
      ExpressionAttributeValues: { ':pk': keys.application(applicationId).pk, ':audit': keys.auditPrefix },
    });
    return items.map((item) => strip(item) as unknown as AuditEvent);
  }
}

/**
 * The notification outbox: messages are written to the table for a sender to deliver (email/SMS senders arrive
 * with the conversation issue; locally the outbox is printed). Writing to the outbox keeps notifications in
 * the same store as the change that caused them.
 */
export class DynamoOutboxNotifier implements Notifier {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly clock: { now(): Date },
  ) {}

  async send(notification: Notification): Promise<void> {
    const at = this.clock.now().toISOString();
    // A message that is useless after a time (a sign-in code) leaves the table then, with what it says.
    const ttl = notification.discardAfter
      ? { [TTL_ATTRIBUTE]: epochSeconds(new Date(notification.discardAfter)) }
      : {};
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...keys.outbox(at, suffix()), ...notification, ...ttl, at, status: 'queued' },
      }),
    );
  }
}

const StoredCode = z.object({
  subject: z.string(),
  codeId: z.string(),
  salt: z.string(),
  codeHash: z.string(),
  attempts: z.number().int().nonnegative(),
  createdAt: z.string(),
  expiresAt: z.number().int(),
}) satisfies z.ZodType<SignInCode>;

const StoredSession = z.object({
  tokenHash: z.string(),
  subject: z.string(),
  email: z.string().optional(),
  phone: z.string().optional(),
  createdAt: z.string(),
  expiresAt: z.number().int(),
}) satisfies z.ZodType<Session>;

const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * Sign-in codes and sessions. Every invariant is a condition the table checks, so racing requests cannot
 * break it: a request slot is taken only if it is free, an attempt is counted only while the code is live and
 * has attempts left, a code is spent by exactly one caller. Expiry is checked in those conditions; the TTL
 * attribute only tidies up later (DynamoDB deletes expired items within days, not at once).
 */
export class DynamoSessionStore implements SessionStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async admitCodeRequest(
    subject: string,
    rule: { limit: number; windowSeconds: number },
    now: Date,
  ): ReturnType<SessionStore['admitCodeRequest']> {
    const at = now.getTime();
    const cutoff = at - rule.windowSeconds * 1000;
    // One attribute per admitted request, `limit` of them: a slot is reused only once its request is older than
    // the window, so no window ever holds more than `limit` requests. A lost race means another request took a
    // slot, so after `limit` lost races every slot is taken: the loop always ends.
    for (let round = 0; round <= rule.limit; round++) {
      const { Item } = await this.db.send(
        new GetCommand({ TableName: this.table, Key: keys.codeRequests(subject), ConsistentRead: true }),
      );
      const slots = Array.from({ length: rule.limit }, (_, index) => {
        const value = Item?.[`slot${index}`];
        return typeof value === 'number' ? value : undefined;
      });
      const free = slots.findIndex((taken) => taken === undefined || taken <= cutoff);
      if (free < 0) {
        const oldest = Math.min(...slots.map((taken) => taken ?? at));
        return {
          admitted: false,
          retryAfterSeconds: Math.max(1, Math.ceil((oldest + rule.windowSeconds * 1000 - at) / 1000)),
        };
      }
      try {
        await this.db.send(
          new UpdateCommand({
            TableName: this.table,
            Key: keys.codeRequests(subject),
            UpdateExpression: 'SET #slot = :at, #ttl = :expires',
            ConditionExpression: 'attribute_not_exists(#slot) OR #slot <= :cutoff',
            ExpressionAttributeNames: { '#slot': `slot${free}`, '#ttl': TTL_ATTRIBUTE },
            ExpressionAttributeValues: {
              ':at': at,
              ':cutoff': cutoff,
              ':expires': epochSeconds(now) + rule.windowSeconds,
            },
          }),
        );
        return { admitted: true };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
    throw new ConflictError('Too many requests for a code at once');
  }

  async putCode(code: SignInCode): Promise<void> {
    await this.db.send(
      new PutCommand({ TableName: this.table, Item: { ...keys.signInCode(code.subject), ...code } }),
    );
  }

  async attemptCode(subject: string, maxAttempts: number, now: Date): Promise<SignInCode | undefined> {
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.signInCode(subject),
          UpdateExpression: 'ADD attempts :one',
          ConditionExpression: 'attribute_exists(pk) AND attempts < :max AND #ttl > :now',
          ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ':one': 1, ':max': maxAttempts, ':now': epochSeconds(now) },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return parse(StoredCode, Attributes);
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  async spendCode(subject: string, codeId: string): Promise<boolean> {
    try {
      await this.db.send(
        new DeleteCommand({
          TableName: this.table,
          Key: keys.signInCode(subject),
          ConditionExpression: 'codeId = :id',
          ExpressionAttributeValues: { ':id': codeId },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async putSession(session: Session): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...keys.session(session.tokenHash), ...session },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async getSession(tokenHash: string): Promise<Session | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.session(tokenHash), ConsistentRead: true }),
    );
    return parse(StoredSession, Item);
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.table, Key: keys.session(tokenHash) }));
  }
}

/** Every DynamoDB-backed store of the journey on one table: what both composition roots (Lambda, local) wire. */
export function dynamoStores(db: DynamoDBDocumentClient, table: string) {
  return {
    applications: new DynamoApplicationStore(db, table),
    lettings: new DynamoLettingStore(db, table),
    waits: new DynamoWaitStore(db, table),
    audit: new DynamoAuditLog(db, table),
    sessions: new DynamoSessionStore(db, table),
    phones: new DynamoPhoneLinkStore(db, table),
    nominations: new DynamoNominationStore(db, table),
    councilEvents: new DynamoCouncilEventStore(db, table),
    councilExports: new DynamoCouncilExportStore(db, table),
  };
}
