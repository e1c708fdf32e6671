import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { type ListPosition, Nomination } from '../../domain/nominations.js';
import { ConflictError, type NominationStore } from '../../ports.js';
import { GSI1, KEY_ATTRIBUTES, keys } from './keys.js';

const parseItem = (item: Record<string, unknown>): Nomination => {
  const copy = { ...item };
  for (const attribute of KEY_ATTRIBUTES) delete copy[attribute];
  return Nomination.parse(copy);
};

const conditionFailed = (error: unknown) =>
  error instanceof ConditionalCheckFailedException || error instanceof TransactionCanceledException;

/** How many nominations are read at once when an index lists several. */
const PARALLEL_GETS = 25;

/**
 * Nominations on the journey table (shared/adapters/aws/keys.ts): the nomination with its council's index on
 * gsi1, an invitation item per invited subject and, while undecided, an entry on its landlord's queue. A new
 * nomination and its entries are one transaction, and so is a save with the queue entry it removes, so no index
 * outlives or misses its nomination.
 */
export class DynamoNominationStore implements NominationStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  private item(nomination: Nomination) {
    return {
      ...keys.nomination(nomination.nominationId),
      ...keys.councilIndex(nomination.councilId, nomination.createdAt, nomination.nominationId),
      ...nomination,
    };
  }

  async create(nomination: Nomination): Promise<void> {
    const stored = { ...nomination, version: 0 };
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: this.item(stored),
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            ...nomination.invitedSubjects.map((subject) => ({
              Put: {
                TableName: this.table,
                Item: {
                  ...keys.invitation(subject, nomination.nominationId),
                  nominationId: nomination.nominationId,
                },
              },
            })),
            {
              Put: {
                TableName: this.table,
                Item: {
                  ...keys.nominationQueue(
                    nomination.landlordId,
                    nomination.decisionDueBy,
                    nomination.nominationId,
                  ),
                  nominationId: nomination.nominationId,
                },
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (conditionFailed(error)) throw new ConflictError('A nomination with that id exists');
      throw error;
    }
  }

  async get(nominationId: string): Promise<Nomination | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.nomination(nominationId), ConsistentRead: true }),
    );
    return Item ? parseItem(Item) : undefined;
  }

  async save(nomination: Nomination): Promise<Nomination> {
    const next = { ...nomination, version: nomination.version + 1 };
    const leavesQueue = Boolean(nomination.decision || nomination.withdrawal);
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: this.item(next),
                ConditionExpression: 'attribute_exists(pk) AND version = :read',
                ExpressionAttributeValues: { ':read': nomination.version },
              },
            },
            ...(leavesQueue
              ? [
                  {
                    Delete: {
                      TableName: this.table,
                      Key: keys.nominationQueue(
                        nomination.landlordId,
                        nomination.decisionDueBy,
                        nomination.nominationId,
                      ),
                    },
                  },
                ]
              : []),
          ],
        }),
      );
      return next;
    } catch (error) {
      if (conditionFailed(error)) throw new ConflictError('The nomination changed since it was read');
      throw error;
    }
  }

  async listByCouncil(
    councilId: string,
    page: { limit: number; after?: ListPosition },
  ): Promise<{ nominations: Nomination[]; next?: ListPosition }> {
    const { after } = page;
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: GSI1,
        KeyConditionExpression: 'gsi1pk = :council',
        ExpressionAttributeValues: { ':council': keys.councilPartition(councilId) },
        ScanIndexForward: false,
        // One more than asked, to know whether another page follows without answering an empty last page.
        Limit: page.limit + 1,
        ...(after
          ? {
              ExclusiveStartKey: {
                ...keys.nomination(after.nominationId),
                ...keys.councilIndex(councilId, after.createdAt, after.nominationId),
              },
            }
          : {}),
      }),
    );
    const items = (result.Items ?? []).map(parseItem);
    const nominations = items.slice(0, page.limit);
    const last = nominations.at(-1);
    // More follow when the extra one came back, or the query stopped early at its 1 MB page.
    const more = items.length > page.limit || (result.LastEvaluatedKey !== undefined && items.length > 0);
    return {
      nominations,
      ...(more && last
        ? { next: { councilId, createdAt: last.createdAt, nominationId: last.nominationId } }
        : {}),
    };
  }

  async listInvited(subject: string): Promise<Nomination[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :subject',
        ExpressionAttributeValues: { ':subject': keys.invitationPartition(subject) },
        ConsistentRead: true,
      }),
    );
    const found = await this.getMany((Items ?? []).map((item) => String(item.nominationId)));
    return found.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async listAwaitingDecision(landlordId: string): Promise<Nomination[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :queue',
        ExpressionAttributeValues: { ':queue': keys.nominationQueuePartition(landlordId) },
        ConsistentRead: true,
      }),
    );
    const found = await this.getMany((Items ?? []).map((item) => String(item.nominationId)));
    return found
      .filter((nomination) => !nomination.decision && !nomination.withdrawal)
      .sort(
        (a, b) => a.decisionDueBy.localeCompare(b.decisionDueBy) || a.createdAt.localeCompare(b.createdAt),
      );
  }

  /**
   * Each nomination by key, a few at a time. One GetItem each rather than BatchGetItem, which the functions'
   * grant (infra/constructs/grants.ts) does not include: an index entry names at most a landlord's queue.
   */
  private async getMany(ids: string[]): Promise<Nomination[]> {
    const found: Nomination[] = [];
    for (let start = 0; start < ids.length; start += PARALLEL_GETS) {
      const page = await Promise.all(ids.slice(start, start + PARALLEL_GETS).map((id) => this.get(id)));
      found.push(...page.filter((nomination): nomination is Nomination => nomination !== undefined));
    }
    return found;
  }
}
