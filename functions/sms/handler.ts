import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { documentClient } from '../../shared/adapters/aws/dynamodb.js';
import { forgetQueuedText, readQueuedText } from '../../shared/adapters/aws/queued-texts.js';
import { EndUserMessagingSms, inboundTextOf } from '../../shared/adapters/aws/sms-messaging.js';
import { LambdaEnvironment } from '../../shared/config.js';
import type { Messaging } from '../../shared/ports.js';
import type { Deps } from '../../shared/services/deps.js';
import { receiveText } from '../../shared/services/sms.js';
import { stepHandler } from '../lib/step-handler.js';
import { lambdaDepsWith } from '../wiring.js';

/** SNS's Lambda event: each record's message is End User Messaging's JSON for one inbound text. */
const InboundTexts = z.object({
  Records: z
    .array(
      z.object({
        EventSource: z.literal('aws:sns'),
        Sns: z.object({ Message: z.string().max(10_000), Timestamp: z.string() }),
      }),
    )
    .min(1)
    .max(10),
});

/** The table's stream (keys only), filtered to new queued texts (infra/constructs/text-messages.ts). */
const QueuedTexts = z.object({
  Records: z
    .array(
      z.object({
        eventSource: z.literal('aws:dynamodb'),
        dynamodb: z.object({ Keys: z.object({ pk: z.object({ S: z.string().startsWith('TEXT#') }) }) }),
      }),
    )
    .min(1)
    .max(100),
});

const TextEvents = z.union([InboundTexts, QueuedTexts]);

/**
 * The text message channel in AWS (issue 9). Two kinds of event reach it: inbound texts that End User Messaging
 * publishes to the two-way SNS topic, each answered through the SMS conversation (services/sms.ts); and texts
 * other functions queued on the table (their bundles cannot carry the SMS client), each sent and then forgotten.
 * Only this function holds the origination identity and may send texts.
 */
export const createHandler = (
  deps: () => Deps,
  send: () => { db: DynamoDBDocumentClient; table: string; web: string },
) =>
  stepHandler(
    TextEvents,
    async (context, event) => {
      const { db, table, web } = send();
      if ('EventSource' in (event.Records[0] ?? {})) {
        for (const record of (event as z.output<typeof InboundTexts>).Records) {
          await receiveText(context, inboundTextOf(record.Sns.Message, record.Sns.Timestamp), { web });
        }
        return { outcome: `received ${event.Records.length}` };
      }
      let sent = 0;
      for (const record of (event as z.output<typeof QueuedTexts>).Records) {
        const pk = record.dynamodb.Keys.pk.S;
        const text = await readQueuedText(db, table, pk, context.clock.now());
        if (text) {
          await context.messaging.sendText({
            to: text.to,
            body: text.body,
            ...(text.discardAfter ? { discardAfter: text.discardAfter } : {}),
          });
          sent += 1;
        }
        await forgetQueuedText(db, table, pk);
      }
      return { outcome: `sent ${sent}` };
    },
    deps,
  );

let clients: { db: DynamoDBDocumentClient; table: string; web: string } | undefined;
const sendingClients = () => {
  if (!clients) {
    const env = LambdaEnvironment.parse(process.env);
    if (!env.WEB_URL) throw new Error('The sms function needs WEB_URL');
    clients = {
      db: documentClient(new DynamoDBClient({ region: env.AWS_REGION })),
      table: env.TABLE_NAME,
      web: env.WEB_URL.replace(/\/$/, ''),
    };
  }
  return clients;
};

/** The one function that sends texts: End User Messaging, from the configured origination identity. */
function endUserMessaging(env: LambdaEnvironment): { messaging: Messaging } {
  // Never the queue the other functions use: this function reads that queue, and would feed itself.
  if (!env.SMS_ORIGINATION_IDENTITY) {
    return {
      messaging: {
        sendText: () => Promise.reject(new Error('The sms function needs SMS_ORIGINATION_IDENTITY')),
      },
    };
  }
  return {
    messaging: new EndUserMessagingSms(
      new PinpointSMSVoiceV2Client({ region: env.AWS_REGION }),
      env.SMS_ORIGINATION_IDENTITY,
      { now: () => new Date() },
    ),
  };
}

export const handler = createHandler(lambdaDepsWith(endUserMessaging), sendingClients);
