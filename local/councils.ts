import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type CouncilGate, createHandler } from '../functions/councils/handler.js';
import { JwtAccessTokenVerifier } from '../shared/adapters/aws/cognito-access-tokens.js';
import {
  DynamoCouncilClientStore,
  DynamoCouncilUsageStore,
} from '../shared/adapters/aws/dynamodb-councils.js';
import { PowertoolsIdempotentRequests } from '../shared/adapters/aws/powertools-idempotency.js';
import type { Clock } from '../shared/ports.js';
import { addCouncilClient } from '../shared/services/council-clients.js';
import type { Deps } from '../shared/services/deps.js';
import { LOCAL_COUNCIL_ISSUER, LocalCouncilIssuer } from './council-issuer.js';
import { lambdaContext } from './functions.js';

/**
 * The partner councils' API under `npm start` (issue 10): the local token issuer (Cognito's part), the gate
 * that verifies its tokens exactly as the Lambda verifies Cognito's, the councils function's handler, and the
 * local-only endpoints: `POST /oauth2/token`, `GET /oauth2/jwks.json`, and `POST /local/council-clients`,
 * which `npm run council:add` calls (the issuer's file and DynamoDB Local belong to the running runtime).
 */
export async function localCouncils(options: {
  dataDir: string;
  client: DynamoDBClient;
  db: DynamoDBDocumentClient;
  table: string;
  clock: Clock;
  deps: () => Deps;
}) {
  const issuer = await LocalCouncilIssuer.open(join(options.dataDir, 'keys', 'council-issuer.json'), {
    clock: options.clock,
  });
  const councilClients = new DynamoCouncilClientStore(options.db, options.table);
  const gate: CouncilGate = {
    tokens: new JwtAccessTokenVerifier(LOCAL_COUNCIL_ISSUER, issuer.jwks),
    councilClients,
    clock: options.clock,
    usage: new DynamoCouncilUsageStore(options.db, options.table),
    idempotency: new PowertoolsIdempotentRequests(options.client, options.table),
  };
  const handler = createHandler(options.deps, () => gate);
  return {
    issuer,
    gate,
    handler: (event: unknown) => handler(event as never, lambdaContext('doorstep-councils') as never),
    streams: { '/oauth2/token': issuer.tokenEndpoint() },
    local: {
      '/oauth2/jwks.json': async () => ({ status: 200, body: { keys: [issuer.publicJwk] } }),
      '/local/council-clients': async ({ method, body }: { method: string; body: unknown }) => {
        if (method !== 'POST') return { status: 405, body: { error: 'Use POST' } };
        const created = await addCouncilClient(
          { registrar: issuer, councilClients, clock: options.clock },
          body as never,
        ).catch((error: unknown) => ({ error }));
        if ('error' in created) {
          const issues = (created.error as { issues?: Array<{ path: unknown[]; message: string }> }).issues;
          return {
            status: 400,
            body: {
              error: issues
                ? issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('; ')
                : 'The client could not be created',
            },
          };
        }
        return { status: 201, body: created };
      },
    },
  };
}
