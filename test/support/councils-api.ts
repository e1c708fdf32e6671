import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { createHandler } from '../../functions/councils/handler';
import { type CouncilRouteKey, splitCouncilRouteKey } from '../../functions/councils/routes';
import { LOCAL_COUNCIL_ISSUER, LocalCouncilIssuer } from '../../local/council-issuer';
import { JwtAccessTokenVerifier } from '../../shared/adapters/aws/cognito-access-tokens';
import { ConflictError } from '../../shared/ports';
import type {
  CouncilClientRecord,
  CouncilClientStore,
  CouncilScope,
} from '../../shared/services/council-auth';
import type { IdempotentRequests } from '../../shared/services/council-idempotency';
import { anHttpEvent } from './http-events';
import { type MemoryDeps, memoryDeps } from './memory';

/** Council clients in memory, with the store's condition: a client id once. */
export class MemoryCouncilClients implements CouncilClientStore {
  readonly records = new Map<string, CouncilClientRecord>();
  async add(record: CouncilClientRecord) {
    if (this.records.has(record.clientId)) throw new ConflictError('exists');
    this.records.set(record.clientId, record);
  }
  async get(clientId: string) {
    return this.records.get(clientId);
  }
}

/**
 * Idempotency as the handler relies on it, in memory: the first answer for a client's key is replayed for the
 * same request, a different request with the key is refused (Powertools' own is tested on DynamoDB Local).
 */
export class MemoryIdempotency implements IdempotentRequests {
  private readonly answers = new Map<string, { fingerprint: string; value: unknown }>();
  async run<T>(request: Parameters<IdempotentRequests['run']>[0], execute: () => Promise<T>) {
    const id = `${request.clientId}:${request.key}`;
    const fingerprint = JSON.stringify(request.fingerprint);
    const kept = this.answers.get(id);
    if (kept)
      return kept.fingerprint === fingerprint
        ? { kind: 'answer' as const, value: kept.value as T, replayed: true }
        : { kind: 'different-request' as const };
    const value = await execute();
    this.answers.set(id, { fingerprint, value });
    return { kind: 'answer' as const, value, replayed: false };
  }
}

export interface CouncilsApi {
  deps: MemoryDeps;
  /** A real RS256 access token from the local issuer for a new client of the council with these scopes. */
  tokenFor(councilId: string, scopes: CouncilScope[]): Promise<string>;
  call(
    token: string,
    key: CouncilRouteKey,
    input?: {
      params?: Record<string, string>;
      body?: unknown;
      /** The body exactly as sent (malformed JSON, oversized). */
      rawBody?: string;
      query?: Record<string, string>;
      headers?: Record<string, string>;
    },
  ): Promise<{ statusCode: number; body: string; headers: Record<string, unknown> }>;
  close(): void;
}

/**
 * The councils' handler in process, as the unit tests call it: the real handler, tokens from the local issuer
 * verified as in AWS, memory stores behind it. Every POST gets a fresh Idempotency-Key unless one is given.
 */
export async function aCouncilsApi(now = new Date('2026-11-02T09:30:00Z')): Promise<CouncilsApi> {
  const dir = mkdtempSync(join(tmpdir(), 'doorstep-councils-'));
  const deps = memoryDeps(now);
  const clock = { now: () => deps.clock.now() };
  const issuer = await LocalCouncilIssuer.open(join(dir, 'councils.json'), { clock });
  const clients = new MemoryCouncilClients();
  const idempotency = new MemoryIdempotency();
  const handler = createHandler(
    () => deps,
    () => ({
      tokens: new JwtAccessTokenVerifier(LOCAL_COUNCIL_ISSUER, issuer.jwks),
      councilClients: clients,
      clock,
      usage: { count: async () => true },
      idempotency,
    }),
  );
  let keys = 0;
  return {
    deps,
    async tokenFor(councilId, scopes) {
      const { clientId, clientSecret } = await issuer.createClient({ name: councilId, scopes });
      await clients.add({
        clientId,
        councilId,
        councilName: councilId,
        scopes,
        createdAt: now.toISOString(),
      });
      const answer = await issuer.token(
        new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: clientId,
          client_secret: clientSecret,
        }),
        undefined,
      );
      if (!answer.ok) throw new Error(answer.description);
      return answer.body.access_token;
    },
    async call(token, key, input = {}) {
      const { method, path } = splitCouncilRouteKey(key);
      const params = input.params ?? {};
      const event = anHttpEvent({
        method,
        path: path.replace(/\{(\w+)\}/g, (_match, name: string) => params[name] ?? 'missing'),
        routeKey: key,
        pathParameters: params,
        headers: {
          authorization: `Bearer ${token}`,
          ...(method === 'POST' ? { 'idempotency-key': `key-${++keys}` } : {}),
          ...input.headers,
        },
        ...(input.rawBody !== undefined
          ? { body: input.rawBody }
          : input.body !== undefined
            ? { body: JSON.stringify(input.body) }
            : {}),
      });
      const withQuery = input.query
        ? {
            ...event,
            rawQueryString: new URLSearchParams(input.query).toString(),
            queryStringParameters: input.query,
          }
        : event;
      const result = (await handler(withQuery, {} as never)) as Exclude<APIGatewayProxyResultV2, string>;
      return {
        statusCode: result.statusCode ?? 200,
        body: String(result.body ?? ''),
        headers: (result.headers ?? {}) as Record<string, unknown>,
      };
    },
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}
