import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPair, importJWK, SignJWT } from 'jose';
import { LOCAL_COUNCIL_ISSUER } from '../../local/council-issuer';
import { localCouncils } from '../../local/councils';
import { type RunningServer, startServer } from '../../local/server';
import { main as councilAdd } from '../../scripts/council-add';
import { journeyTableInDynamoDbLocal } from '../support/journey-table';
import { ManualClock, memoryDeps } from '../support/memory';

/**
 * The partner councils' API's front door under `npm start`: a client made as `npm run council:add` makes it,
 * a token from the local `/oauth2/token` (the same shape as Cognito's), and `GET /v1/councils/me` through the
 * local API Gateway into the councils function, against DynamoDB Local.
 */
const table = journeyTableInDynamoDbLocal('councils-api');
const clock = new ManualClock(new Date('2026-11-02T09:30:00Z'));
let dataDir: string;
let server: RunningServer;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'doorstep-councils-'));
  const councils = await localCouncils({
    dataDir,
    client: table.local.client,
    db: table.db,
    table: 'councils-api',
    clock,
    deps: () => memoryDeps(clock.now()),
  });
  server = await startServer({
    api: async () => ({ statusCode: 404 }),
    councils: councils.handler as never,
    identity: {} as never,
    local: councils.local,
    streams: councils.streams,
  });
});

afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function addClient(councilId: string, scopes?: string[]) {
  const response = await fetch(`${server.url}/local/council-clients`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ councilId, councilName: `${councilId} council`, ...(scopes ? { scopes } : {}) }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { clientId: string; clientSecret: string };
}

async function tokenRequest(form: Record<string, string>, basic?: { id: string; secret: string }) {
  return fetch(`${server.url}/oauth2/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(basic
        ? { authorization: `Basic ${Buffer.from(`${basic.id}:${basic.secret}`).toString('base64')}` }
        : {}),
    },
    body: new URLSearchParams(form).toString(),
  });
}

async function tokenFor(client: { clientId: string; clientSecret: string }, scope?: string) {
  const response = await tokenRequest(
    { grant_type: 'client_credentials', ...(scope ? { scope } : {}) },
    { id: client.clientId, secret: client.clientSecret },
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

const body = async (response: Response) => (await response.json()) as Record<string, unknown>;

const me = (token: string) =>
  fetch(`${server.url}/v1/councils/me`, { headers: { authorization: `Bearer ${token}` } });

describe('the councils API locally', () => {
  it('issues a client credentials token and says whose it is', async () => {
    const client = await addClient('leeds');
    const response = await me(await tokenFor(client));
    expect(response.status).toBe(200);
    expect(await body(response)).toEqual({
      councilId: 'leeds',
      councilName: 'leeds council',
      clientId: client.clientId,
      scopes: ['nominations:write', 'nominations:read', 'events:read'],
    });
  });

  it('issues tokens of the shape Cognito issues: token_use access, client_id and scope, no aud', async () => {
    const client = await addClient('york', ['events:read']);
    const token = await tokenFor(client);
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    expect(claims).toMatchObject({
      iss: LOCAL_COUNCIL_ISSUER,
      token_use: 'access',
      client_id: client.clientId,
      sub: client.clientId,
      scope: 'doorstep/events:read',
    });
    expect(claims.aud).toBeUndefined();
    expect(claims.exp - claims.iat).toBe(3600);
  });

  it('takes the client credentials from the form as well as by HTTP Basic', async () => {
    const client = await addClient('bradford');
    const response = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
      scope: 'doorstep/nominations:read',
    });
    expect(response.status).toBe(200);
    const { access_token, token_type } = (await response.json()) as Record<string, string>;
    expect(token_type).toBe('Bearer');
    expect((await body(await me(access_token ?? ''))).scopes).toEqual(['nominations:read']);
  });

  it('answers the token endpoint errors of RFC 6749 section 5.2', async () => {
    const client = await addClient('wakefield', ['nominations:read']);
    const basic = { id: client.clientId, secret: client.clientSecret };
    const wrongSecret = await tokenRequest(
      { grant_type: 'client_credentials' },
      { ...basic, secret: 'nope' },
    );
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect((await body(wrongSecret)).error).toBe('invalid_client');

    const unknown = await tokenRequest({ grant_type: 'client_credentials' }, { id: 'nobody', secret: 'x' });
    expect((await body(unknown)).error).toBe('invalid_client');

    const grant = await tokenRequest({ grant_type: 'password' }, basic);
    expect(grant.status).toBe(400);
    expect((await body(grant)).error).toBe('unsupported_grant_type');

    const scope = await tokenRequest(
      { grant_type: 'client_credentials', scope: 'doorstep/nominations:write' },
      basic,
    );
    expect(scope.status).toBe(400);
    expect(await body(scope)).toMatchObject({
      error: 'invalid_scope',
      error_description: expect.stringContaining('doorstep/nominations:write'),
    });

    const json = await fetch(`${server.url}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"grant_type":"client_credentials"}',
    });
    expect(json.status).toBe(400);
    expect((await body(json)).error).toBe('invalid_request');
  });

  it('refuses a request without a token or with a malformed one', async () => {
    const none = await fetch(`${server.url}/v1/councils/me`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await body(none)).error).toMatch(/Authorization: Bearer/);

    const garbage = await me('not.a.token');
    expect(garbage.status).toBe(401);
  });

  it('refuses an expired token, and one signed by another issuer or another key', async () => {
    const client = await addClient('kirklees');
    const token = await tokenFor(client);
    clock.advanceSeconds(3601);
    try {
      const expired = await me(token);
      expect(expired.status).toBe(401);
      expect((await body(expired)).error).toBe('The access token has expired');
    } finally {
      clock.advanceSeconds(-3601);
    }

    // The issuer's own key (read from its file) and right shape, but another issuer: refused.
    const file = JSON.parse(readFileSync(join(dataDir, 'keys', 'council-issuer.json'), 'utf8'));
    const issuerKey = await importJWK(file.privateJwk, 'RS256');
    const at = Math.floor(clock.now().getTime() / 1000);
    const shaped = (issuer: string) =>
      new SignJWT({ token_use: 'access', client_id: client.clientId, scope: 'doorstep/events:read' })
        .setProtectedHeader({ alg: 'RS256', kid: file.privateJwk.kid })
        .setIssuer(issuer)
        .setIssuedAt(at)
        .setExpirationTime(at + 600);
    expect((await me(await shaped(LOCAL_COUNCIL_ISSUER).sign(issuerKey))).status).toBe(200);
    const foreign = await me(
      await shaped('https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_other').sign(issuerKey),
    );
    expect(foreign.status).toBe(401);
    expect((await body(foreign)).error).toBe('The access token is from another issuer');

    // The issuer's key id, but signed by another key.
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await me(await shaped(LOCAL_COUNCIL_ISSUER).sign(privateKey));
    expect(forged.status).toBe(401);

    // An ID token is not an access token.
    const idToken = await new SignJWT({ token_use: 'id', client_id: client.clientId })
      .setProtectedHeader({ alg: 'RS256', kid: file.privateJwk.kid })
      .setIssuer(LOCAL_COUNCIL_ISSUER)
      .setIssuedAt(at)
      .setExpirationTime(at + 600)
      .sign(issuerKey);
    expect((await me(idToken)).status).toBe(401);
  });

  it('refuses a token for a client Doorstep has no record of', async () => {
    const file = JSON.parse(readFileSync(join(dataDir, 'keys', 'council-issuer.json'), 'utf8'));
    const at = Math.floor(clock.now().getTime() / 1000);
    const token = await new SignJWT({
      token_use: 'access',
      client_id: 'unrecorded',
      scope: 'doorstep/events:read',
    })
      .setProtectedHeader({ alg: 'RS256', kid: file.privateJwk.kid })
      .setIssuer(LOCAL_COUNCIL_ISSUER)
      .setIssuedAt(at)
      .setExpirationTime(at + 600)
      .sign(await importJWK(file.privateJwk, 'RS256'));
    const response = await me(token);
    expect(response.status).toBe(401);
    expect((await body(response)).error).toBe('The token is for a client Doorstep does not know');
  });

  it('answers 404 for a council path that is no route', async () => {
    const token = await tokenFor(await addClient('calderdale'));
    const unknownRoute = await fetch(`${server.url}/v1/councils/nobody`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(unknownRoute.status).toBe(404);
  });

  it('npm run council:add makes a working client, prints the secret once and keeps only its hash', async () => {
    const printed: string[] = [];
    await councilAdd(
      [
        '--council',
        'north-yorkshire',
        '--name',
        'North Yorkshire Council',
        '--scopes',
        'events:read',
        '--local',
        server.url,
      ],
      (line) => printed.push(line),
    );
    const output = printed.join('\n');
    const clientId = /client_id\s+(\S+)/.exec(output)?.[1] ?? '';
    const clientSecret = /client_secret\s+(\S+)/.exec(output)?.[1] ?? '';
    expect(output).toMatch(/north-yorkshire with events:read/);
    const whoAmI = await body(await me(await tokenFor({ clientId, clientSecret })));
    expect(whoAmI).toMatchObject({ councilId: 'north-yorkshire', councilName: 'North Yorkshire Council' });
    expect(readFileSync(join(dataDir, 'keys', 'council-issuer.json'), 'utf8')).not.toContain(clientSecret);
  });

  it('npm run council:add sets a client its own rate limit and quota when asked', async () => {
    const printed: string[] = [];
    await councilAdd(
      ['--council', 'hambleton', '--name', 'Hambleton', '--per-second', '1', '--local', server.url],
      (line) => printed.push(line),
    );
    const output = printed.join('\n');
    const token = await tokenFor({
      clientId: /client_id\s+(\S+)/.exec(output)?.[1] ?? '',
      clientSecret: /client_secret\s+(\S+)/.exec(output)?.[1] ?? '',
    });
    expect((await me(token)).status).toBe(200);
    const limited = await me(token);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
  });

  it('npm run council:add refuses a bad council id or scope, saying why', async () => {
    await expect(
      councilAdd(['--council', 'North Yorks', '--name', 'NY', '--local', server.url], () => undefined),
    ).rejects.toThrow(/councilId: A council id is/);
    await expect(
      councilAdd(
        ['--council', 'ny', '--name', 'NY', '--scopes', 'everything', '--local', server.url],
        () => undefined,
      ),
    ).rejects.toThrow(/scopes/);
  });
});
