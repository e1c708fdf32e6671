import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createHandler } from '../../../functions/sms/handler';
import { notLinked } from '../../../shared/services/sms';
import { anApplication } from '../../fixtures/applications';
import { memoryDeps } from '../../support/memory';
import { aLambdaContext } from './lambda-context';

const web = 'https://doorstep.example';

function aHandler() {
  const deps = memoryDeps();
  const db = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: 'eu-west-2',
      credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'x' },
    }),
  );
  const deleted: unknown[] = [];
  const queued = new Map<string, Record<string, unknown>>();
  db.send = (async (command: { constructor: { name: string }; input: { Key: { pk: string } } }) => {
    if (command.constructor.name === 'GetCommand') return { Item: queued.get(command.input.Key.pk) };
    deleted.push(command.input.Key);
    queued.delete(command.input.Key.pk);
    return {};
  }) as never;
  const handler = createHandler(
    () => deps,
    () => ({ db, table: 'doorstep', web }),
  );
  return { deps, deleted, queued, run: (event: unknown) => handler(event, aLambdaContext('doorstep-sms')) };
}

const snsEvent = (message: unknown) => ({
  Records: [
    {
      EventSource: 'aws:sns',
      EventVersion: '1.0',
      Sns: { Message: JSON.stringify(message), Timestamp: '2026-11-02T09:30:00.000Z', Type: 'Notification' },
    },
  ],
});

describe('the sms function', () => {
  it('answers an inbound text from a mobile not linked with how to link one', async () => {
    const { deps, run } = aHandler();
    await deps.applications.create(anApplication());

    const result = await run(
      snsEvent({
        originationNumber: '+447700900982',
        destinationNumber: '+447700900000',
        messageBody: 'Hello',
        inboundMessageId: 'in-1',
      }),
    );

    expect(result).toEqual({ outcome: 'received 1' });
    expect(deps.messaging.sent).toEqual([{ to: '+447700900982', body: notLinked({ web }) }]);
  });

  it('sends each text queued on the table, found by the key the stream gives, then forgets it', async () => {
    const { deps, deleted, queued, run } = aHandler();
    queued.set('TEXT#abc', {
      pk: 'TEXT#abc',
      sk: 'TEXT',
      to: '+447700900982',
      body: '123456 is your code',
      discardAfter: '2026-11-02T09:40:00.000Z',
      expiresAt: 1793612400,
    });
    const record = (pk: string) => ({
      eventSource: 'aws:dynamodb',
      eventName: 'INSERT',
      dynamodb: { Keys: { pk: { S: pk }, sk: { S: 'TEXT' } } },
    });

    // The second was sent already (a redelivered record): nothing is sent twice.
    const result = await run({ Records: [record('TEXT#abc'), record('TEXT#abc')] });

    expect(result).toEqual({ outcome: 'sent 1' });
    expect(deps.messaging.sent).toEqual([
      { to: '+447700900982', body: '123456 is your code', discardAfter: '2026-11-02T09:40:00.000Z' },
    ]);
    expect(deleted).toEqual([
      { pk: 'TEXT#abc', sk: 'TEXT' },
      { pk: 'TEXT#abc', sk: 'TEXT' },
    ]);
  });

  it('does not send a queued code that is already useless', async () => {
    const { deps, queued, run } = aHandler();
    queued.set('TEXT#old', {
      pk: 'TEXT#old',
      to: '+447700900982',
      body: '123456 is your code',
      discardAfter: '2026-11-02T09:00:00.000Z',
    });

    await run({ Records: [{ eventSource: 'aws:dynamodb', dynamodb: { Keys: { pk: { S: 'TEXT#old' } } } }] });

    expect(deps.messaging.sent).toEqual([]);
  });

  it('refuses an event that is neither, sending nothing', async () => {
    const { deps, run } = aHandler();

    await expect(run({ Records: [{ eventSource: 'aws:s3' }] })).rejects.toThrow(/not valid/);
    expect(deps.messaging.sent).toEqual([]);
  });
});
