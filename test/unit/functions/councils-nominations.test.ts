import { COUNCIL_SCOPES } from '../../../shared/services/council-auth';
import { ahmedFamily } from '../../fixtures/nominations';
import { aCouncilsApi, type CouncilsApi } from '../../support/councils-api';

/**
 * The nominations routes through the councils' handler (issue 10), with bad input of every kind: malformed JSON,
 * wrong types, unknown fields, an oversized body, a bad cursor or limit, a replayed Idempotency-Key with another
 * body, an expired token. Each is refused with a reason naming what is wrong, and writes nothing.
 */

let api: CouncilsApi;
let token: string;

beforeEach(async () => {
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  api = await aCouncilsApi();
  token = await api.tokenFor('riverside-council', [...COUNCIL_SCOPES]);
});

afterEach(() => {
  api.close();
  jest.restoreAllMocks();
});

const fieldsOf = (body: string) => (JSON.parse(body) as { fields?: Array<{ field: string }> }).fields;

describe('POST /v1/nominations', () => {
  it('creates a nomination and answers 201 with where it is', async () => {
    const created = await api.call(token, 'POST /v1/nominations', { body: ahmedFamily });
    expect(created.statusCode).toBe(201);
    expect(JSON.parse(created.body)).toMatchObject({ status: 'invited', decisionDueBy: '2026-11-16' });
  });

  it.each([
    ['malformed JSON', { rawBody: '{"landlordId": "riverside-homes",' }, 400],
    ['a body too large', { rawBody: JSON.stringify({ ...ahmedFamily, padding: 'x'.repeat(70_000) }) }, 413],
  ])('refuses %s, writing nothing', async (_case, input, status) => {
    const answer = await api.call(token, 'POST /v1/nominations', input);
    expect(answer.statusCode).toBe(status);
    expect(JSON.parse(answer.body).error).toMatch(/\w{5,}/);
    expect(api.deps.nominations.items.size).toBe(0);
  });

  it.each([
    ['a wrong type', { ...ahmedFamily, councilReference: 417 }, 'councilReference'],
    ['an unknown field', { ...ahmedFamily, urgent: true }, '(body)'],
    [
      'an unknown field deep in the household',
      {
        ...ahmedFamily,
        household: { ...ahmedFamily.household, applicant: { ...ahmedFamily.household.applicant, ni: 'QQ' } },
      },
      'household.applicant',
    ],
    ['a landlord without an agreement', { ...ahmedFamily, landlordId: 'cwm-valley-homes' }, 'landlordId'],
  ])('refuses %s with a 400 naming the field, writing nothing', async (_case, body, field) => {
    const answer = await api.call(token, 'POST /v1/nominations', { body });
    expect(answer.statusCode).toBe(400);
    expect(fieldsOf(answer.body)).toEqual([expect.objectContaining({ field })]);
    expect(api.deps.nominations.items.size).toBe(0);
  });

  it('answers a retry with the same Idempotency-Key the same, once, and a different body with that key 409', async () => {
    const headers = { 'idempotency-key': 'a4b6c9e0-nomination-1' };
    const first = await api.call(token, 'POST /v1/nominations', { body: ahmedFamily, headers });
    const retry = await api.call(token, 'POST /v1/nominations', { body: ahmedFamily, headers });
    const other = await api.call(token, 'POST /v1/nominations', {
      body: { ...ahmedFamily, councilReference: 'HPR/2026/00418' },
      headers,
    });
    expect(retry.body).toBe(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(other.statusCode).toBe(409);
    expect(api.deps.nominations.items.size).toBe(1);
    // One invitation, not two.
    expect(api.deps.notifier.sent.filter((sent) => sent.template === 'nomination-invitation')).toHaveLength(
      1,
    );
  });

  it('refuses an expired token with a 401, and a token signed with a key Doorstep does not hold', async () => {
    api.deps.clock.advanceSeconds(3601);
    const expired = await api.call(token, 'POST /v1/nominations', { body: ahmedFamily });
    expect(expired.statusCode).toBe(401);
    expect(JSON.parse(expired.body).error).toMatch(/expired/);
    const elsewhere = await aCouncilsApi();
    const foreign = await elsewhere.tokenFor('riverside-council', [...COUNCIL_SCOPES]);
    elsewhere.close();
    const refused = await api.call(foreign, 'POST /v1/nominations', { body: ahmedFamily });
    expect(refused.statusCode).toBe(401);
    expect(api.deps.nominations.items.size).toBe(0);
  });
});

describe('GET /v1/nominations', () => {
  it('pages with limit and cursor, and refuses a limit out of range or a made-up cursor with a 400 naming it', async () => {
    for (let n = 0; n < 3; n += 1) {
      await api.call(token, 'POST /v1/nominations', { body: { ...ahmedFamily, councilReference: `R-${n}` } });
      api.deps.clock.advanceSeconds(1);
    }
    const first = await api.call(token, 'GET /v1/nominations', { query: { limit: '2' } });
    const { nominations, next } = JSON.parse(first.body) as { nominations: unknown[]; next: string };
    const second = await api.call(token, 'GET /v1/nominations', { query: { limit: '2', cursor: next } });
    expect(nominations).toHaveLength(2);
    expect(JSON.parse(second.body)).toEqual({
      nominations: [expect.objectContaining({ councilReference: 'R-0' })],
    });

    for (const [query, field] of [
      [{ limit: '0' }, 'limit'],
      [{ limit: 'ten' }, 'limit'],
      [{ cursor: 'eyJub3QiOiJvdXJzIn0' }, 'cursor'],
    ] as const) {
      const answer = await api.call(token, 'GET /v1/nominations', { query });
      expect([query, answer.statusCode, fieldsOf(answer.body)]).toEqual([
        query,
        400,
        [expect.objectContaining({ field })],
      ]);
    }
  });
});
