import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  type CreateUserPoolClientCommandInput,
  type CreateUserPoolClientCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoCouncilClientRegistrar } from '../../../shared/adapters/aws/cognito-council-clients';
import type { CouncilClientRecord, CouncilClientStore } from '../../../shared/services/council-auth';
import { addCouncilClient } from '../../../shared/services/council-clients';
import {
  aClientWithoutSecret,
  aCreateUserPoolClientOutput,
  COUNCIL_POOL_ID,
} from '../../fixtures/cognito-council-clients';
import { ManualClock } from '../../support/memory';

/** A Cognito client that records what it is asked and answers with a fixture. */
function aCognito(answer: (input: CreateUserPoolClientCommandInput) => CreateUserPoolClientCommandOutput) {
  const sent: CreateUserPoolClientCommandInput[] = [];
  const cognito = new CognitoIdentityProviderClient({ region: 'eu-west-2' });
  cognito.send = (async (command: unknown) => {
    if (!(command instanceof CreateUserPoolClientCommand)) throw new Error('unexpected command');
    sent.push(command.input);
    return answer(command.input);
  }) as never;
  return { cognito, sent };
}

class RecordedClients implements CouncilClientStore {
  readonly records: CouncilClientRecord[] = [];
  async add(record: CouncilClientRecord) {
    this.records.push(record);
  }
  async get(clientId: string) {
    return this.records.find((record) => record.clientId === clientId);
  }
}

describe('a council client in the councils user pool', () => {
  it('creates an app client with a secret, the client credentials flow only and the doorstep scopes', async () => {
    const { cognito, sent } = aCognito((input) =>
      aCreateUserPoolClientOutput(input.AllowedOAuthScopes ?? []),
    );
    const registrar = new CognitoCouncilClientRegistrar(cognito, COUNCIL_POOL_ID);
    const created = await registrar.createClient({
      name: 'doorstep-council-leeds',
      scopes: ['nominations:write', 'events:read'],
    });
    expect(created).toEqual({
      clientId: '3n8q1v5x7z2b4d6f8h0j2l4n6p',
      clientSecret: '1q3e5t7u9o1a3d5g7j9l1z3c5b7m9q2w4r6y8i0p2s4f6h8k0x',
    });
    expect(sent).toEqual([
      expect.objectContaining({
        UserPoolId: COUNCIL_POOL_ID,
        ClientName: 'doorstep-council-leeds',
        GenerateSecret: true,
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['client_credentials'],
        AllowedOAuthScopes: ['doorstep/nominations:write', 'doorstep/events:read'],
        ExplicitAuthFlows: [],
      }),
    ]);
  });

  it('refuses an answer without a secret rather than make a client nobody can use', async () => {
    const { cognito } = aCognito(() => aClientWithoutSecret());
    await expect(
      new CognitoCouncilClientRegistrar(cognito, COUNCIL_POOL_ID).createClient({
        name: 'doorstep-council-york',
        scopes: ['events:read'],
      }),
    ).rejects.toThrow('no client id or secret');
  });

  it('records which council the new client acts for, and returns the secret without storing it', async () => {
    const { cognito } = aCognito((input) => aCreateUserPoolClientOutput(input.AllowedOAuthScopes ?? []));
    const councilClients = new RecordedClients();
    const created = await addCouncilClient(
      {
        registrar: new CognitoCouncilClientRegistrar(cognito, COUNCIL_POOL_ID),
        councilClients,
        clock: new ManualClock(new Date('2026-11-02T09:30:00Z')),
      },
      { councilId: 'leeds', councilName: 'Leeds City Council' },
    );
    expect(created.scopes).toEqual(['nominations:write', 'nominations:read', 'events:read']);
    expect(councilClients.records).toEqual([
      {
        clientId: '3n8q1v5x7z2b4d6f8h0j2l4n6p',
        councilId: 'leeds',
        councilName: 'Leeds City Council',
        scopes: ['nominations:write', 'nominations:read', 'events:read'],
        createdAt: '2026-11-02T09:30:00.000Z',
      },
    ]);
    expect(JSON.stringify(councilClients.records)).not.toContain(created.clientSecret);
  });

  it('refuses a council id that is not a short lower-case slug, or an unknown scope, before creating anything', async () => {
    const { cognito, sent } = aCognito((input) =>
      aCreateUserPoolClientOutput(input.AllowedOAuthScopes ?? []),
    );
    const deps = {
      registrar: new CognitoCouncilClientRegistrar(cognito, COUNCIL_POOL_ID),
      councilClients: new RecordedClients(),
      clock: new ManualClock(new Date('2026-11-02T09:30:00Z')),
    };
    await expect(addCouncilClient(deps, { councilId: 'Leeds City', councilName: 'Leeds' })).rejects.toThrow();
    await expect(
      addCouncilClient(deps, { councilId: 'leeds', councilName: 'Leeds', scopes: ['admin' as never] }),
    ).rejects.toThrow();
    expect(sent).toEqual([]);
  });
});
