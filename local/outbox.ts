import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoOutboxNotifier } from '../shared/adapters/aws/dynamodb.js';
import { messageText } from '../shared/i18n/messages.js';
import type { Clock, Notification, Notifier } from '../shared/ports.js';

export type OutboxMessage = Notification & { at: string };

/**
 * Notifications locally (DESIGN.md §3): the same outbox table as in AWS, printed to the terminal as each message
 * is queued, and readable at `/local/outbox` so a script can pick up a one-time code. There is no email or SMS
 * sender locally.
 */
export class LocalOutbox implements Notifier {
  private readonly outbox: DynamoOutboxNotifier;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly clock: Clock,
    private readonly print: (line: string) => void,
  ) {
    this.outbox = new DynamoOutboxNotifier(db, table, clock);
  }

  async send(notification: Notification): Promise<void> {
    await this.outbox.send(notification);
    const { to: recipient } = notification;
    const to =
      'role' in recipient
        ? `${recipient.role}s of ${recipient.landlordId}`
        : 'email' in recipient
          ? recipient.email
          : recipient.applicationId;
    const values = Object.entries(notification.values)
      .map(([name, value]) => `${name}=${value}`)
      .join(' ');
    const channels = notification.channels ? ` [${notification.channels.join(', ')}]` : '';
    const held = notification.notBefore ? ` (held until ${notification.notBefore})` : '';
    this.print(`outbox → ${to}${channels}${held}: ${notification.template} ${values}`);
    // What the applicant reads, in their language (issue 9); an officer's message has no words written yet.
    if ('applicationId' in recipient || 'email' in recipient) this.print(`  “${messageText(notification)}”`);
  }

  /** Today's messages, newest first. */
  async recent(limit = 50): Promise<OutboxMessage[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :day',
        ExpressionAttributeValues: { ':day': `OUTBOX#${this.clock.now().toISOString().slice(0, 10)}` },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (Items ?? []).map(({ pk: _pk, sk: _sk, ...message }) => message as OutboxMessage);
  }
}
