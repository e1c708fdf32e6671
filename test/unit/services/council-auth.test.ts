import {
  type AccessTokenVerifier,
  authoriseCouncil,
  type CouncilClientRecord,
  type CouncilClientStore,
} from '../../../shared/services/council-auth';
import { ManualClock } from '../../support/memory';

/** Who a council route's caller is: the rules after the token's signature is checked (verifier faked). */
const record: CouncilClientRecord = {
  clientId: 'client-leeds',
  councilId: 'leeds',
  councilName: 'Leeds City Council',
  scopes: ['nominations:read', 'events:read'],
  createdAt: '2026-11-01T09:00:00Z',
};

const clients: CouncilClientStore = {
  add: async () => undefined,
  get: async (clientId) => (clientId === record.clientId ? record : undefined),
};

/** A verifier that accepts the token "good-<client>" with the given scopes, and refuses anything else. */
const tokens = (scopes: string[]): AccessTokenVerifier => ({
  verify: async (token) => {
    const clientId = /^good-(.+)$/.exec(token)?.[1];
    return clientId
      ? { ok: true, claims: { clientId, scopes } }
      : { ok: false, reason: 'The access token is not one Doorstep issued or accepts' };
  },
});

const deps = (scopes: string[]) => ({
  tokens: tokens(scopes),
  councilClients: clients,
  clock: new ManualClock(new Date('2026-11-02T09:30:00Z')),
});

describe('authorising a council route', () => {
  it('resolves the caller to its council, with the scopes the token carries without the prefix', async () => {
    const result = await authoriseCouncil(
      deps(['doorstep/nominations:read', 'doorstep/events:read']),
      'Bearer good-client-leeds',
      'nominations:read',
    );
    expect(result).toMatchObject({
      ok: true,
      client: { clientId: 'client-leeds', councilId: 'leeds', scopes: ['nominations:read', 'events:read'] },
    });
  });

  it('is a 401 without a bearer token, saying how to send one', async () => {
    for (const header of [undefined, '', 'Basic abc', 'Bearer', 'Bearer two words'])
      expect(await authoriseCouncil(deps([]), header, null)).toMatchObject({
        ok: false,
        status: 401,
        reason: expect.stringContaining('Authorization: Bearer'),
      });
  });

  it("is a 401 for a token the verifier refuses, with the verifier's reason", async () => {
    expect(await authoriseCouncil(deps([]), 'Bearer forged', null)).toEqual({
      ok: false,
      status: 401,
      reason: 'The access token is not one Doorstep issued or accepts',
    });
  });

  it('is a 401 for a valid token of a client Doorstep has no council record for', async () => {
    expect(
      await authoriseCouncil(deps(['doorstep/events:read']), 'Bearer good-stranger', null),
    ).toMatchObject({
      ok: false,
      status: 401,
    });
  });

  it('is a 403 naming the scope the route needs when the token lacks it', async () => {
    expect(
      await authoriseCouncil(deps(['doorstep/nominations:read']), 'Bearer good-client-leeds', 'events:read'),
    ).toEqual({
      ok: false,
      status: 403,
      reason: 'This route needs the scope doorstep/events:read, which the token does not carry',
    });
  });

  it("honours no scope the client's record no longer allows, nor one of another resource server", async () => {
    const result = await authoriseCouncil(
      deps(['doorstep/nominations:write', 'other/nominations:read', 'doorstep/events:read']),
      'Bearer good-client-leeds',
      'nominations:write',
    );
    expect(result).toMatchObject({ ok: false, status: 403 });
    const any = await authoriseCouncil(
      deps(['doorstep/nominations:write', 'other/nominations:read']),
      'Bearer good-client-leeds',
      null,
    );
    expect(any).toMatchObject({ ok: true, client: { scopes: [] } });
  });
});
