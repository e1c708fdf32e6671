import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  PinpointSMSVoiceV2Client,
  type SendTextMessageCommandOutput,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { QueuedTexts } from '../../../shared/adapters/aws/queued-texts';
import { EndUserMessagingSms, inboundTextOf } from '../../../shared/adapters/aws/sms-messaging';

/**
 * The End User Messaging side of the Messaging port, against hand-written answers typed by the SDK's own
 * output types (SendTextMessageCommandOutput): nothing here can reach AWS to record real ones, so the client's
 * `send` is replaced. The inbound message is written from AWS's documented two-way SMS payload.
 */
const ORIGINATION = 'arn:aws:sms-voice:eu-west-2:111122223333:phone-number/phone-0123456789abcdef';
const now = new Date('2026-11-02T09:30:00Z');

function client(answer: () => unknown = () => ({ MessageId: 'msg-1', $metadata: {} })) {
  const sms = new PinpointSMSVoiceV2Client({
    region: 'eu-west-2',
    credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'x' },
  });
  const sent: Array<{ name: string; input: Record<string, unknown> }> = [];
  sms.send = (async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
    sent.push({ name: command.constructor.name, input: command.input });
    return answer();
  }) as never;
  return { messaging: new EndUserMessagingSms(sms, ORIGINATION, { now: () => now }), sent };
}

describe('EndUserMessagingSms', () => {
  it('sends a transactional text from the origination identity', async () => {
    const answer: SendTextMessageCommandOutput = {
      MessageId: 'f1c0ffee-0000-4000-8000-000000000001',
      $metadata: { httpStatusCode: 200 },
    };
    const { messaging, sent } = client(() => answer);

    await messaging.sendText({ to: '+447700900982', body: 'What is your name?' });

    expect(sent).toEqual([
      {
        name: 'SendTextMessageCommand',
        input: {
          DestinationPhoneNumber: '+447700900982',
          OriginationIdentity: ORIGINATION,
          MessageBody: 'What is your name?',
          MessageType: 'TRANSACTIONAL',
        },
      },
    ]);
  });

  it('lets a one-time code live no longer than the code, and sends none already useless', async () => {
    const { messaging, sent } = client();

    await messaging.sendText({
      to: '+447700900982',
      body: '123456 is your code',
      discardAfter: '2026-11-02T09:40:00Z',
    });
    await messaging.sendText({
      to: '+447700900982',
      body: '654321 is your code',
      discardAfter: '2026-11-02T09:30:02Z',
    });

    expect(sent).toHaveLength(1);
    expect(sent[0]?.input.TimeToLive).toBe(600);
  });

  it('passes on a failure to send, so the caller retries', async () => {
    const { messaging } = client(() => {
      throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    });

    await expect(messaging.sendText({ to: '+447700900982', body: 'Hello' })).rejects.toThrow('Rate exceeded');
  });
});

describe('inboundTextOf', () => {
  it('reads the text End User Messaging publishes for a reply', () => {
    const message = JSON.stringify({
      originationNumber: '+447700900982',
      destinationNumber: '+447700900000',
      messageKeyword: 'KEYWORD_111122223333',
      messageBody: 'Gareth',
      inboundMessageId: 'cae173d2-66b9-564c-8309-21f858e9fb84',
      previousPublishedMessageId: 'wJ0kLqy1N',
    });

    expect(inboundTextOf(message, '2026-11-02T09:30:00.000Z')).toEqual({
      from: '+447700900982',
      body: 'Gareth',
      messageId: 'cae173d2-66b9-564c-8309-21f858e9fb84',
      receivedAt: '2026-11-02T09:30:00.000Z',
    });
  });

  it('refuses a message that is not one, rather than answering a number it cannot trust', () => {
    expect(() => inboundTextOf('{"messageBody":"hi"}', '2026-11-02T09:30:00.000Z')).toThrow();
    expect(() => inboundTextOf('not json', '2026-11-02T09:30:00.000Z')).toThrow();
  });
});

describe('QueuedTexts', () => {
  it('queues a text on the table until it is useless, for the sms function to send', async () => {
    const db = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        region: 'eu-west-2',
        credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'x' },
      }),
    );
    const puts: Array<Record<string, unknown>> = [];
    db.send = (async (command: { input: Record<string, unknown> }) => {
      puts.push(command.input);
      return {};
    }) as never;

    await new QueuedTexts(db, 'doorstep', { now: () => now }).sendText({
      to: '+447700900982',
      body: '123456 is your code',
      discardAfter: '2026-11-02T09:40:00.000Z',
    });

    expect(puts).toEqual([
      {
        TableName: 'doorstep',
        Item: {
          pk: expect.stringMatching(/^TEXT#[A-Za-z0-9_-]{16}$/),
          sk: 'TEXT',
          to: '+447700900982',
          body: '123456 is your code',
          discardAfter: '2026-11-02T09:40:00.000Z',
          expiresAt: Math.floor(new Date('2026-11-02T09:40:00.000Z').getTime() / 1000),
        },
      },
    ]);
  });
});
