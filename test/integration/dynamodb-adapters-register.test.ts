import { randomBytes } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoApplicationStore } from '../../shared/adapters/aws/dynamodb';
import { keys } from '../../shared/adapters/aws/keys';
import type { RegisteredHousehold } from '../../shared/domain/shortlist';
import { journeyTableInDynamoDbLocal } from '../support/journey-table';

/**
 * The register index in the journey table, against a real DynamoDB Local: one item per application under its
 * landlord's partition, read with a query (never a scan), rewritten in place by a re-band.
 */

const TABLE = 'doorstep-register-test';
const dynamo = journeyTableInDynamoDbLocal(TABLE);

const store = () => new DynamoApplicationStore(dynamo.db, TABLE);
const landlord = () => `landlord-${randomBytes(4).toString('hex')}`;
const anEntry = (landlordId: string, overrides: Partial<RegisteredHousehold> = {}): RegisteredHousehold => ({
  applicationId: `app_${randomBytes(8).toString('hex')}`,
  landlordId,
  band: 'B',
  effectiveDate: '2025-06-01',
  bedroomNeed: 2,
  householdSize: 3,
  applicantDateOfBirth: '1980-02-29',
  localConnectionYears: 4,
  ...overrides,
});

describe('DynamoApplicationStore register index', () => {
  it('lists the households put on a landlord’s register, and only that landlord’s', async () => {
    // Prepare
    const riverside = landlord();
    const other = landlord();
    const entries = [
      anEntry(riverside),
      anEntry(riverside, { band: 'A' }),
      anEntry(riverside, { householdSize: 1 }),
    ];
    for (const entry of [...entries, anEntry(other)]) await store().putRegistered(entry);

    // Act
    const listed = await store().listRegister(riverside);

    // Assess
    const byId = (a: RegisteredHousehold, b: RegisteredHousehold) =>
      a.applicationId.localeCompare(b.applicationId);
    expect(listed.sort(byId)).toEqual([...entries].sort(byId));
  });

  it('keeps one entry per application when it is put again, or re-banded', async () => {
    // Prepare
    const riverside = landlord();
    const entry = anEntry(riverside);
    await store().putRegistered(entry);
    await store().putRegistered(entry);

    // Act
    await store().putRegistered({ ...entry, band: 'A', effectiveDate: '2026-11-29' });

    // Assess
    expect(await store().listRegister(riverside)).toEqual([
      { ...entry, band: 'A', effectiveDate: '2026-11-29' },
    ]);
  });

  it('takes an application off the register, and taking it off twice is a no-op', async () => {
    // Prepare
    const riverside = landlord();
    const staying = anEntry(riverside);
    const leaving = anEntry(riverside);
    await store().putRegistered(staying);
    await store().putRegistered(leaving);

    // Act
    await store().removeRegistered(riverside, leaving.applicationId);
    await store().removeRegistered(riverside, leaving.applicationId);

    // Assess
    expect(await store().listRegister(riverside)).toEqual([staying]);
  });

  it('stores the entry under the landlord’s register partition, keyed by application', async () => {
    // Prepare
    const riverside = landlord();
    const entry = anEntry(riverside);
    await store().putRegistered(entry);

    // Act
    const { Items } = await dynamo.db.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.registerPartition(riverside) },
      }),
    );

    // Assess
    expect(Items?.map((item) => item.sk)).toEqual([`APP#${entry.applicationId}`]);
  });

  it('reads a register larger than one page of a query', async () => {
    // Prepare: enough entries that one query page (at most 1 MB) cannot hold them all.
    const riverside = landlord();
    const entries = Array.from({ length: 6_000 }, () => anEntry(riverside));
    for (let start = 0; start < entries.length; start += 100) {
      await Promise.all(entries.slice(start, start + 100).map((entry) => store().putRegistered(entry)));
    }

    const firstPage = await dynamo.db.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.registerPartition(riverside) },
      }),
    );

    // Act
    const listed = await store().listRegister(riverside);

    // Assess
    expect(firstPage.LastEvaluatedKey).toBeDefined();
    expect(listed).toHaveLength(6_000);
  }, 120_000);
});
