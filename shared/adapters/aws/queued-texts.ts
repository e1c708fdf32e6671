import { randomBytes } from 'node:crypto';
import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { Clock, Messaging, OutboundText } from '../../ports.js';
import { keys, TTL_ATTRIBUTE } from './keys.js';

/** A queued text the sms function has not sent yet is dropped after a day at most (or when it is useless). */
const QUEUED_TEXT_SECONDS = 24 * 60 * 60;

/** The item a queued text is, as the sms function reads it (the table's stream carries only its key). */
export const QueuedText = z.object({
  pk: z.string().startsWith('TEXT#'),
  to: z.string().regex(/^\+[1-9][0-9]{6,14}$/),
  body: z.string().min(1).max(1600),
  discardAfter: z.string().optional(),
});

/**
 * Texts from functions that cannot carry the End User Messaging client (the web and API functions: their
 * bundles stay under 1 MiB): each text is one item on the journey table, which the table's stream hands to the
 * sms function to send (functions/sms). The number is kept only until the text is sent (the sender deletes
 * the item) or a day at most (TTL).
 */
export class QueuedTexts implements Messaging {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly clock: Clock,
  ) {}

  async sendText(text: OutboundText): Promise<void> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const useless = text.discardAfter ? Math.floor(new Date(text.discardAfter).getTime() / 1000) : Infinity;
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          ...keys.queuedText(randomBytes(12).toString('base64url')),
          ...text,
          [TTL_ATTRIBUTE]: Math.min(useless, now + QUEUED_TEXT_SECONDS),
        },
      }),
    );
  }
}

/**
 * A queued text by its key, as the table's stream names it (the stream carries keys only, so no number or
 * answer ever sits in the stream); undefined when it was sent already or is past its use.
 */
export async function readQueuedText(
  db: DynamoDBDocumentClient,
  table: string,
  pk: string,
  now: Date,
): Promise<z.output<typeof QueuedText> | undefined> {
  const { Item } = await db.send(
    new GetCommand({ TableName: table, Key: { pk, sk: 'TEXT' }, ConsistentRead: true }),
  );
  if (!Item) return undefined;
  const text = QueuedText.parse(Item);
  return text.discardAfter && new Date(text.discardAfter) <= now ? undefined : text;
}

/** Forgets a queued text once it is sent: the number leaves the table at once, not at the TTL. */
export async function forgetQueuedText(db: DynamoDBDocumentClient, table: string, pk: string): Promise<void> {
  await db.send(new DeleteCommand({ TableName: table, Key: { pk, sk: 'TEXT' } }));
}
