import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createHandler } from '../../../functions/api/handler';
import { LETTINGS_LOG_COLUMNS, type LettingsLogRecord } from '../../../shared/domain/lettings-log';
import { anHttpEvent, type Claims, cwmOfficer, riversideOfficer } from '../../support/http-events';
import { memoryDeps } from '../../support/memory';
import { aLambdaContext } from './lambda-context';

function aLogGet(claims?: Claims, query: Record<string, string> = { from: '2026-11-01', to: '2026-11-30' }) {
  return {
    ...anHttpEvent({
      method: 'GET',
      path: '/v1/officer/lettings-log.csv',
      routeKey: 'GET /v1/officer/lettings-log.csv',
      ...(claims ? { claims } : {}),
    }),
    rawQueryString: new URLSearchParams(query).toString(),
    queryStringParameters: query,
  };
}

function aRecord(landlordId: string, tenancyId: string, letDate: string): LettingsLogRecord {
  return {
    landlordId,
    tenancyId,
    offerId: `off_${tenancyId.slice(4)}`,
    applicationId: `app_${tenancyId.slice(4)}`,
    propertyId: 'prop_riverside-14',
    letDate,
    householdSize: 2,
    under16: 0,
    aged16to24: 0,
    aged25to64: 2,
    aged65plus: 0,
    householdEarns: 'unknown',
    homelessnessDuty: 'main',
    previousTenure: 'temporary-accommodation',
    bedrooms: 1,
    postcode: 'RV2 7QT',
    tenancyKind: 'assured-tenancy',
    tenancyStartDate: letDate,
    term: 'periodic',
    weeklyRentPence: 9_800,
    sourceOfLet: 'housing-register',
  };
}

async function anApi() {
  const deps = memoryDeps(new Date('2026-11-29T09:00:00Z'));
  await deps.lettings.putLettingsLog(aRecord('riverside-homes', 'ten_riverside0000001', '2026-11-02'));
  await deps.lettings.putLettingsLog(aRecord('riverside-homes', 'ten_riverside0000002', '2026-11-20'));
  await deps.lettings.putLettingsLog(aRecord('riverside-homes', 'ten_riverside0000003', '2026-10-31'));
  await deps.lettings.putLettingsLog(aRecord('cwm-valley-homes', 'ten_cwmvalley0000001', '2026-11-10'));
  const api = createHandler(() => deps);
  return async (event: ReturnType<typeof aLogGet>) => {
    const response = (await api(event, aLambdaContext('doorstep-api'))) as APIGatewayProxyStructuredResultV2;
    return { status: response.statusCode, headers: response.headers ?? {}, text: response.body ?? '' };
  };
}

describe('GET /v1/officer/lettings-log.csv', () => {
  it('answers the officer’s own landlord’s lettings in the dates as a CSV download', async () => {
    // Prepare
    const call = await anApi();

    // Act
    const response = await call(aLogGet(riversideOfficer));

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers).toMatchObject({
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="lettings-log-riverside-homes-2026-11-01-2026-11-30.csv"',
      'cache-control': 'no-store',
    });
    const lines = response.text.split('\r\n');
    expect(lines[0]).toBe(LETTINGS_LOG_COLUMNS.join(','));
    expect(lines.slice(1, -1).map((line) => line.split(',')[0])).toEqual([
      'riverside-homes',
      'riverside-homes',
    ]);
    expect(response.text).toContain('ten_riverside0000001');
    expect(response.text).toContain('ten_riverside0000002');
    expect(response.text).not.toContain('ten_riverside0000003');
    expect(lines.at(-1)).toBe('');
  });

  it('never includes another landlord’s lettings', async () => {
    // Prepare
    const call = await anApi();

    // Act
    const riverside = await call(aLogGet(riversideOfficer));
    const cwm = await call(aLogGet(cwmOfficer));

    // Assess
    expect(riverside.text).not.toContain('cwm-valley-homes');
    expect(cwm.status).toBe(200);
    expect(cwm.text).toContain('ten_cwmvalley0000001');
    expect(cwm.text).not.toContain('ten_riverside');
    expect(cwm.text).not.toContain('riverside-homes');
  });

  it.each([
    ['a date that is not a date', { from: '2026-13-01', to: '2026-11-30' }, 'from'],
    ['a missing date', { from: '2026-11-01' }, 'to'],
    ['a reversed range', { from: '2026-11-30', to: '2026-11-01' }, 'on or after'],
    ['more than 366 days', { from: '2025-01-01', to: '2026-01-02' }, 'at most 366 days'],
  ])('answers 400 with the reason for %s', async (_case, query, reason) => {
    // Prepare
    const call = await anApi();

    // Act
    const response = await call(aLogGet(riversideOfficer, query as Record<string, string>));

    // Assess
    expect(response.status).toBe(400);
    expect(response.text).toContain(reason);
  });

  it('accepts a whole leap year of 366 days', async () => {
    // Prepare
    const call = await anApi();

    // Act
    const response = await call(aLogGet(riversideOfficer, { from: '2028-01-01', to: '2028-12-31' }));

    // Assess
    expect(response.status).toBe(200);
  });

  it('answers 401 without officer claims and 403 without an officer role', async () => {
    // Prepare
    const call = await anApi();

    // Act
    const anonymous = await call(aLogGet());
    const noRole = await call(aLogGet({ ...riversideOfficer, 'cognito:groups': '[tenant]' }));

    // Assess
    expect(anonymous.status).toBe(401);
    expect(noRole.status).toBe(403);
    expect(noRole.text).not.toContain('ten_');
  });
});
