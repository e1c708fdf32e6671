import * as z from 'zod';
import type { Clock } from '../ports.js';
import { COUNCIL_SCOPES, type CouncilClientStore, CouncilId, CouncilScope } from './council-auth.js';

/**
 * Where a council's OAuth2 client is made: Cognito's CreateUserPoolClient (a generated secret, the client
 * credentials flow, the scopes) in AWS, the local token issuer under `npm start`. The secret comes back once.
 */
export interface CouncilClientRegistrar {
  createClient(input: {
    name: string;
    scopes: CouncilScope[];
  }): Promise<{ clientId: string; clientSecret: string }>;
}

export interface CouncilClientDeps {
  registrar: CouncilClientRegistrar;
  councilClients: CouncilClientStore;
  clock: Clock;
}

/** What `npm run council:add` asks for. */
export const NewCouncilClient = z.strictObject({
  councilId: CouncilId,
  councilName: z.string().trim().min(1, 'Give the council a name').max(200),
  scopes: z
    .array(CouncilScope)
    .min(1, 'Give the client at least one scope')
    .default([...COUNCIL_SCOPES]),
  /** Limits other than the defaults (services/council-limits.ts), agreed with the council or for a load test. */
  limits: z
    .strictObject({
      perSecond: z.number().int().positive().optional(),
      perDay: z.number().int().positive().optional(),
    })
    .optional(),
});
export type NewCouncilClient = z.input<typeof NewCouncilClient>;

/**
 * Creates a council's API client: the OAuth2 client at the token issuer, then Doorstep's record of which
 * council it acts for (without the record, its tokens are refused). The secret is returned to be shown once;
 * it is stored nowhere (the issuer keeps only a hash, or in AWS Cognito keeps it).
 */
export async function addCouncilClient(
  deps: CouncilClientDeps,
  input: NewCouncilClient,
): Promise<{ clientId: string; clientSecret: string; councilId: string; scopes: CouncilScope[] }> {
  const wanted = NewCouncilClient.parse(input);
  const scopes = [...new Set(wanted.scopes)];
  const { clientId, clientSecret } = await deps.registrar.createClient({
    name: `doorstep-council-${wanted.councilId}`,
    scopes,
  });
  await deps.councilClients.add({
    clientId,
    councilId: wanted.councilId,
    councilName: wanted.councilName,
    scopes,
    createdAt: deps.clock.now().toISOString(),
    ...(wanted.limits ? { limits: wanted.limits } : {}),
  });
  return { clientId, clientSecret, councilId: wanted.councilId, scopes };
}
