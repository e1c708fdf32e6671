import { randomBytes, scryptSync, timingSafeEqual, type webcrypto } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname } from 'node:path';
import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import * as z from 'zod';
import type { Clock } from '../shared/ports.js';
import { type CouncilScope, RESOURCE_SERVER, tokenScope } from '../shared/services/council-auth.js';
import type { CouncilClientRegistrar } from '../shared/services/council-clients.js';

/** The local issuer's `iss`: Cognito's is `https://cognito-idp.<region>.amazonaws.com/<pool id>`. */
export const LOCAL_COUNCIL_ISSUER = 'doorstep-local-councils';

/** As long as a Cognito access token lasts by default for an app client: an hour. */
const TOKEN_LIFETIME_SECONDS = 3600;

const IssuedClient = z.object({
  clientId: z.string(),
  name: z.string(),
  scopes: z.array(z.string()),
  salt: z.string(),
  /** scrypt of the secret: the secret itself is shown once, by the admin command, and kept nowhere. */
  secretHash: z.string(),
});
type IssuedClient = z.infer<typeof IssuedClient>;

const IssuerFile = z.object({
  privateJwk: z.record(z.string(), z.unknown()),
  clients: z.array(IssuedClient),
});

const hashSecret = (secret: string, salt: string) => scryptSync(secret, salt, 32).toString('base64url');

/** RFC 6749 §5.2: an error answer from the token endpoint. */
type TokenError = {
  status: 400 | 401;
  error: 'invalid_request' | 'invalid_client' | 'invalid_scope' | 'unsupported_grant_type';
  description: string;
};

type TokenAnswer =
  | { ok: true; body: { access_token: string; token_type: 'Bearer'; expires_in: number } }
  | ({ ok: false } & TokenError);

/**
 * The local OAuth2 token issuer for partner councils: what the councils' Cognito user pool does in AWS, on
 * loopback. It issues access tokens of the same shape as Cognito's client credentials grant (`token_use:
 * access`, `client_id`, `scope` with the `doorstep/` prefix, no `aud`), signed RS256 with a key made on first
 * start and kept under `.doorstep/keys`, beside the officers' identity provider's. Clients and the scrypt
 * hashes of their secrets are kept in the same file; the file is read again for each token request, so a
 * client added by `npm run council:add` works at once.
 */
export class LocalCouncilIssuer implements CouncilClientRegistrar {
  private constructor(
    private readonly file: string,
    private readonly privateKey: webcrypto.CryptoKey,
    readonly publicJwk: JWK,
    private readonly clock: Clock,
  ) {}

  static async open(file: string, options: { clock?: Clock } = {}): Promise<LocalCouncilIssuer> {
    if (!existsSync(file)) {
      const { privateKey } = await generateKeyPair('RS256', { extractable: true });
      const data: z.infer<typeof IssuerFile> = {
        privateJwk: { ...(await exportJWK(privateKey)), kid: randomBytes(8).toString('hex'), alg: 'RS256' },
        clients: [],
      };
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(data, null, 2), { mode: 0o600 });
    }
    const privateJwk = IssuerFile.parse(JSON.parse(readFileSync(file, 'utf8'))).privateJwk as JWK;
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
    const privateKey = (await importJWK(privateJwk, 'RS256')) as webcrypto.CryptoKey;
    return new LocalCouncilIssuer(
      file,
      privateKey,
      { ...publicJwk, use: 'sig' },
      options.clock ?? { now: () => new Date() },
    );
  }

  /** The key set tokens are verified with (in process), and that `/oauth2/jwks.json` publishes. */
  get jwks() {
    return createLocalJWKSet({ keys: [this.publicJwk] });
  }

  /** Adds a client, as CreateUserPoolClient with a generated secret does: the secret is returned once. */
  async createClient(input: {
    name: string;
    scopes: CouncilScope[];
  }): Promise<{ clientId: string; clientSecret: string }> {
    const data = this.read();
    // Cognito's ids are 26 characters of [a-z0-9]; the secret is long and random.
    const clientId = randomBytes(16).toString('hex').slice(0, 26);
    const clientSecret = randomBytes(32).toString('base64url');
    const salt = randomBytes(16).toString('base64url');
    data.clients.push({
      clientId,
      name: input.name,
      scopes: input.scopes.map(tokenScope),
      salt,
      secretHash: hashSecret(clientSecret, salt),
    });
    writeFileSync(this.file, JSON.stringify(data, null, 2), { mode: 0o600 });
    return { clientId, clientSecret };
  }

  /**
   * The client credentials grant (RFC 6749 §4.4) from a form-encoded body and the Authorization header: the
   * client authenticates by HTTP Basic or by `client_id` and `client_secret` in the form (§2.3.1), `scope` is
   * optional (all the client's scopes when absent, as Cognito does).
   */
  async token(form: URLSearchParams, authorization: string | undefined): Promise<TokenAnswer> {
    const grant = form.get('grant_type');
    if (!grant)
      return { ok: false, status: 400, error: 'invalid_request', description: 'grant_type is missing' };
    if (grant !== 'client_credentials')
      return {
        ok: false,
        status: 400,
        error: 'unsupported_grant_type',
        description: 'Only grant_type=client_credentials is supported',
      };
    const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization ?? '')?.[1];
    let clientId: string | undefined;
    let secret: string | undefined;
    if (basic) {
      const decoded = Buffer.from(basic, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0) {
        clientId = decodeURIComponent(decoded.slice(0, colon));
        secret = decodeURIComponent(decoded.slice(colon + 1));
      }
    } else {
      clientId = form.get('client_id') ?? undefined;
      secret = form.get('client_secret') ?? undefined;
    }
    const client = this.read().clients.find((candidate) => candidate.clientId === clientId);
    if (!client || !secret || !this.secretMatches(client, secret))
      return {
        ok: false,
        status: 401,
        error: 'invalid_client',
        description: 'The client id or secret is wrong',
      };
    const asked = (form.get('scope') ?? '').split(' ').filter(Boolean);
    const unknown = asked.filter((scope) => !client.scopes.includes(scope));
    if (unknown.length > 0)
      return {
        ok: false,
        status: 400,
        error: 'invalid_scope',
        description: `The client may not have ${unknown.join(', ')}; it may have ${client.scopes.join(', ') || 'no scopes'}`,
      };
    const scopes = asked.length > 0 ? asked : client.scopes;
    const now = this.clock.now();
    const issuedAt = Math.floor(now.getTime() / 1000);
    const accessToken = await new SignJWT({
      token_use: 'access',
      client_id: client.clientId,
      scope: scopes.join(' '),
      auth_time: issuedAt,
      version: 2,
      jti: randomBytes(16).toString('hex'),
    })
      .setProtectedHeader({ alg: 'RS256', kid: String(this.publicJwk.kid) })
      .setSubject(client.clientId)
      .setIssuer(LOCAL_COUNCIL_ISSUER)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + TOKEN_LIFETIME_SECONDS)
      .sign(this.privateKey);
    return {
      ok: true,
      body: { access_token: accessToken, token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS },
    };
  }

  /** `POST /oauth2/token` on the local server, as Cognito's domain serves it in AWS. */
  tokenEndpoint() {
    return (request: IncomingMessage, response: ServerResponse): void => {
      const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        response.writeHead(status, {
          'content-type': 'application/json; charset=utf-8',
          // RFC 6749 §5.1: token answers are never cached.
          'cache-control': 'no-store',
          pragma: 'no-cache',
          ...headers,
        });
        response.end(JSON.stringify(body));
      };
      if (request.method !== 'POST') {
        answer(405, { error: 'invalid_request', error_description: 'Use POST' }, { allow: 'POST' });
        return;
      }
      if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(request.headers['content-type'] ?? '')) {
        answer(400, {
          error: 'invalid_request',
          error_description: 'Send the form as Content-Type: application/x-www-form-urlencoded',
        });
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      request.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= 8192) chunks.push(chunk);
      });
      request.on('end', () => {
        if (size > 8192) {
          answer(413, { error: 'invalid_request', error_description: 'The form is too large' });
          return;
        }
        this.token(new URLSearchParams(Buffer.concat(chunks).toString('utf8')), request.headers.authorization)
          .then((result) => {
            if (result.ok) answer(200, result.body);
            else
              answer(
                result.status,
                { error: result.error, error_description: result.description },
                // §5.2: a client that tried Basic is told to use it.
                result.status === 401 ? { 'www-authenticate': `Basic realm="${RESOURCE_SERVER}"` } : {},
              );
          })
          .catch(() => answer(500, { error: 'server_error' }));
      });
    };
  }

  private secretMatches(client: IssuedClient, secret: string): boolean {
    const given = Buffer.from(hashSecret(secret, client.salt));
    const expected = Buffer.from(client.secretHash);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private read(): z.infer<typeof IssuerFile> {
    return IssuerFile.parse(JSON.parse(readFileSync(this.file, 'utf8')));
  }
}
