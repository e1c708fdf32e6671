import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoApplicationStore } from '../../../shared/adapters/aws/dynamodb';
import { ConflictError } from '../../../shared/ports';
import { anApplication } from '../../fixtures/applications';

/**
 * How the application store reads a cancelled transaction (an answer saved with its audit row). The failures are
 * the SDK's own exception class with the cancellation reasons DynamoDB gives, written by hand: nothing here can
 * reach AWS to record them. DynamoDB Local's own behaviour is tested in test/integration/dynamodb-adapters.
 */

/** A document client whose every call fails with `error`, and which remembers what it was sent. */
function failingWith(error: Error) {
  const sent: unknown[] = [];
  const db = {
    send: async (command: unknown) => {
      sent.push(command);
      throw error;
    },
  } as unknown as DynamoDBDocumentClient;
  return { db, sent };
}

const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes.join(', ')}]`,
    $metadata: { httpStatusCode: 400 },
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

const answered = {
  applicationId: anApplication().applicationId,
  at: '2026-11-29T10:00:00.000Z',
  type: 'answered',
  actor: 'applicant' as const,
  facts: { prompt: 'name' },
};

describe('DynamoApplicationStore.save with an audit event', () => {
  it.each([
    ['its condition failed (someone saved first)', ['ConditionalCheckFailed', 'None']],
    ['another transaction touched the application at once', ['TransactionConflict', 'None']],
  ])('is a conflict when %s', async (_why, codes) => {
    // Prepare
    const { db, sent } = failingWith(cancelled(...codes));

    // Act
    const saving = new DynamoApplicationStore(db, 'doorstep').save(anApplication(), { audit: answered });

    // Assess
    await expect(saving).rejects.toBeInstanceOf(ConflictError);
    expect(sent).toHaveLength(1);
  });

  it.each([
    ['throttled', ['ThrottlingError', 'None']],
    ['an item too large or otherwise invalid', ['ValidationError', 'None']],
  ])('passes the failure on, not as a conflict, when it was %s', async (_why, codes) => {
    // Prepare
    const failure = cancelled(...codes);
    const { db } = failingWith(failure);

    // Act
    const saving = new DynamoApplicationStore(db, 'doorstep').save(anApplication(), { audit: answered });

    // Assess: a retry after reading again would not mend it, so the caller must not be told to retry.
    await expect(saving).rejects.toBe(failure);
  });
});
