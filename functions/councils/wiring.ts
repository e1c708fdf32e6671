import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createRemoteJWKSet } from 'jose';
import * as z from 'zod';
import { JwtAccessTokenVerifier } from '../../shared/adapters/aws/cognito-access-tokens.js';
import { documentClient } from '../../shared/adapters/aws/dynamodb.js';
import {
  DynamoCouncilClientStore,
  DynamoCouncilUsageStore,
} from '../../shared/adapters/aws/dynamodb-councils.js';
import { PowertoolsIdempotentRequests } from '../../shared/adapters/aws/powertools-idempotency.js';
import type { CouncilGate } from './handler.js';

/** The councils function's own settings (infra/constructs/councils.ts sets them). */
const CouncilEnvironment = z.object({
  TABLE_NAME: z.string().min(1),
  AWS_REGION: z.string().min(1).default('eu-west-2'),
  /** The councils' user pool as a token issuer: `https://cognito-idp.<region>.amazonaws.com/<pool id>`. */
  COUNCIL_TOKEN_ISSUER: z.url(),
  /** Cognito's token endpoint on the pool's domain, which the OpenAPI document names. */
  COUNCIL_TOKEN_URL: z.url().optional(),
});

/**
 * The councils function's gate in AWS, built once per container on first use: Cognito's JWKS for the
 * councils' pool (jose fetches and caches it, refetching on an unknown key id), and the table's client records.
 */
export function lambdaCouncilGate(): CouncilGate {
  gate ??= build();
  return gate;
}

let gate: CouncilGate | undefined;

function build(): CouncilGate {
  const env = CouncilEnvironment.parse(process.env);
  const client = new DynamoDBClient({ region: env.AWS_REGION });
  const db = documentClient(client);
  return {
    tokens: new JwtAccessTokenVerifier(
      env.COUNCIL_TOKEN_ISSUER,
      createRemoteJWKSet(new URL(`${env.COUNCIL_TOKEN_ISSUER}/.well-known/jwks.json`)),
    ),
    councilClients: new DynamoCouncilClientStore(db, env.TABLE_NAME),
    usage: new DynamoCouncilUsageStore(db, env.TABLE_NAME),
    idempotency: new PowertoolsIdempotentRequests(client, env.TABLE_NAME),
    clock: { now: () => new Date() },
    ...(env.COUNCIL_TOKEN_URL ? { tokenUrl: env.COUNCIL_TOKEN_URL } : {}),
  };
}
