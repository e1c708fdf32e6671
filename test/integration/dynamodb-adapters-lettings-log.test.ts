import { randomBytes } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoLettingStore } from '../../shared/adapters/aws/dynamodb';
import { keys } from '../../shared/adapters/aws/keys';
import type { LettingsLogRecord } from '../../shared/domain/lettings-log';
import { journeyTableInDynamoDbLocal } from '../support/journey-table';

/**
 * The lettings log in the journey table, against a real DynamoDB Local: one item per letting under its landlord's
 * partition, sorted by let date, so a date range is one query; written once per tenancy.
 */

const TABLE = 'doorstep-lettings-log-test';
const dynamo = journeyTableInDynamoDbLocal(TABLE);

const store = () => new DynamoLettingStore(dynamo.db, TABLE);
const landlord = () => `landlord-${randomBytes(4).toString('hex')}`;
const aRecord = (landlordId: string, letDate: string): LettingsLogRecord => {
  const id = randomBytes(8).toString('hex');
  return {
    landlordId,
    tenancyId: `ten_${id}`,
    offerId: `off_${id}`,
    applicationId: `app_${id}`,
    propertyId: 'prop_riverside-14',
    letDate,
    householdSize: 3,
    under16: 1,
    aged16to24: 0,
    aged25to64: 2,
    aged65plus: 0,
    householdEarns: 'yes',
    homelessnessDuty: 'none',
    previousTenure: 'private-rent',
    band: 'B',
    bedroomNeed: 2,
    bedrooms: 2,
    postcode: 'RV2 7QT',
    tenancyKind: 'assured-tenancy',
    tenancyStartDate: letDate,
    term: 'periodic',
    weeklyRentPence: 11_250,
    sourceOfLet: 'housing-register',
  };
};

describe('DynamoLettingStore lettings log', () => {
  it('lists a landlord’s lettings within the dates, both days included, in let date order', async () => {
    // Prepare
    const riverside = landlord();
    const before = aRecord(riverside, '2026-10-31');
    const first = aRecord(riverside, '2026-11-01');
    const middle = aRecord(riverside, '2026-11-15');
    const last = aRecord(riverside, '2026-11-30');
    const after = aRecord(riverside, '2026-12-01');
    for (const record of [last, before, middle, after, first]) await store().putLettingsLog(record);
    await store().putLettingsLog(aRecord(landlord(), '2026-11-15'));

    // Act
    const listed = await store().listLettingsLog(riverside, '2026-11-01', '2026-11-30');

    // Assess
    expect(listed).toEqual([first, middle, last]);
  });

  it('writes a letting once, even when it is put again with another let date', async () => {
    // Prepare
    const riverside = landlord();
    const record = aRecord(riverside, '2026-11-15');

    // Act
    const firstPut = await store().putLettingsLog(record);
    const again = await store().putLettingsLog(record);
    const nextDay = await store().putLettingsLog({ ...record, letDate: '2026-11-16' });

    // Assess
    expect([firstPut, again, nextDay]).toEqual([true, false, false]);
    expect(await store().listLettingsLog(riverside, '2026-11-01', '2026-11-30')).toEqual([record]);
  });

  it('keeps the records in the landlord’s own partition, read by a query', async () => {
    // Prepare
    const riverside = landlord();
    const record = aRecord(riverside, '2026-11-15');
    await store().putLettingsLog(record);

    // Act
    const { Items } = await dynamo.db.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.lettingsLogPartition(riverside) },
      }),
    );

    // Assess
    expect(Items?.map((item) => item.sk)).toEqual([`2026-11-15#${record.tenancyId}`]);
  });
});
