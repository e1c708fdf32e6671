import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { MemberKind } from '../../domain/conversation.js';
import { ConflictError, type PhoneLink, type PhoneLinkStore } from '../../ports.js';
import { keys, TTL_ATTRIBUTE } from './keys.js';

const StoredLink = z.object({
  phoneKey: z.string(),
  subject: z.string(),
  applicationId: z.string(),
  linkedAt: z.string(),
  stopped: z.boolean(),
  asking: z
    .object({
      prompt: z.string(),
      field: z.number().int().nonnegative(),
      form: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
      member: z
        .discriminatedUnion('step', [
          z.object({ step: z.literal('more') }),
          z.object({ step: z.literal('kind') }),
          z.object({ step: z.literal('details'), kind: MemberKind }),
          z.object({ step: z.literal('needs'), memberId: z.string() }),
        ])
        .optional(),
    })
    .optional(),
  version: z.number().int().nonnegative(),
}) satisfies z.ZodType<PhoneLink>;

/** SNS redelivers a message within minutes; a day's memory of an inbound text's id is plenty. */
const INBOUND_MEMORY_SECONDS = 24 * 60 * 60;

/**
 * Phone links (issue 9) on the journey table, found by a keyed hash of the number. A save is conditional on the
 * version read, like an application's, so two texts answered at once never lose an answer silently.
 */
export class DynamoPhoneLinkStore implements PhoneLinkStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async put(link: PhoneLink): Promise<void> {
    await this.db.send(
      new PutCommand({ TableName: this.table, Item: { ...keys.phoneLink(link.phoneKey), ...link } }),
    );
  }

  async get(phoneKey: string): Promise<PhoneLink | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.phoneLink(phoneKey), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, ...link } = Item;
    return StoredLink.parse(link);
  }

  async save(link: PhoneLink): Promise<PhoneLink> {
    const next = { ...link, version: link.version + 1 };
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...keys.phoneLink(link.phoneKey), ...next },
          ConditionExpression: 'attribute_exists(pk) AND version = :read',
          ExpressionAttributeValues: { ':read': link.version },
        }),
      );
      return next;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException)
        throw new ConflictError('The phone link changed since it was read');
      throw error;
    }
  }

  async claimInbound(messageId: string, now: Date): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...keys.inboundText(messageId),
            [TTL_ATTRIBUTE]: Math.floor(now.getTime() / 1000) + INBOUND_MEMORY_SECONDS,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
