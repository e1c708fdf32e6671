import { parseArgs } from 'node:util';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CognitoCouncilClientRegistrar } from '../shared/adapters/aws/cognito-council-clients.js';
import { documentClient } from '../shared/adapters/aws/dynamodb.js';
import { DynamoCouncilClientStore } from '../shared/adapters/aws/dynamodb-councils.js';
import { addCouncilClient } from '../shared/services/council-clients.js';

const USAGE = `Creates a partner council's API client and prints its id and secret once.

  npm run council:add -- --council <councilId> --name "<council name>" [--scopes nominations:write,nominations:read,events:read]
      [--per-second 10] [--per-day 10000]   (the client's rate limit and daily quota, if not the defaults)
      Against \`npm start\` (on http://127.0.0.1:3000, or --local <url>).
  npm run council:add -- --aws --user-pool-id <pool id> --table <table> --council ... --name ...
      Against the deployed stack (the CouncilUserPoolId and TableName outputs), with your AWS credentials.`;

type Created = { clientId: string; clientSecret: string; councilId: string; scopes: string[] };

/** The local runtime makes the client itself: its issuer's file and DynamoDB Local belong to that process. */
async function addLocally(origin: string, input: unknown): Promise<Created> {
  const response = await fetch(new URL('/local/council-clients', origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  }).catch(() => {
    throw new Error(`Nothing answers at ${origin}: start Doorstep with npm start first`);
  });
  const body = (await response.json()) as Created & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `The runtime answered ${response.status}`);
  return body;
}

export async function main(argv: string[], print: (line: string) => void): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      council: { type: 'string' },
      name: { type: 'string' },
      scopes: { type: 'string' },
      'per-second': { type: 'string' },
      'per-day': { type: 'string' },
      local: { type: 'string', default: 'http://127.0.0.1:3000' },
      aws: { type: 'boolean', default: false },
      'user-pool-id': { type: 'string' },
      table: { type: 'string' },
      region: { type: 'string', default: process.env.AWS_REGION ?? 'eu-west-2' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.council || !values.name) {
    print(USAGE);
    if (!values.help) throw new Error('Give --council and --name');
    return;
  }
  const input = {
    councilId: values.council,
    councilName: values.name,
    ...(values.scopes ? { scopes: values.scopes.split(',').map((scope) => scope.trim()) } : {}),
    ...(values['per-second'] || values['per-day']
      ? {
          limits: {
            ...(values['per-second'] ? { perSecond: Number(values['per-second']) } : {}),
            ...(values['per-day'] ? { perDay: Number(values['per-day']) } : {}),
          },
        }
      : {}),
  };
  let created: Created;
  if (values.aws) {
    if (!values['user-pool-id'] || !values.table)
      throw new Error('With --aws, give --user-pool-id and --table');
    created = await addCouncilClient(
      {
        registrar: new CognitoCouncilClientRegistrar(
          new CognitoIdentityProviderClient({ region: values.region }),
          values['user-pool-id'],
        ),
        councilClients: new DynamoCouncilClientStore(
          documentClient(new DynamoDBClient({ region: values.region })),
          values.table,
        ),
        clock: { now: () => new Date() },
      },
      input as never,
    );
  } else {
    created = await addLocally(values.local, input);
  }
  // The secret is shown here once: it is written to no log and no file.
  print(`Created an API client for ${created.councilId} with ${created.scopes.join(', ')}.

  client_id      ${created.clientId}
  client_secret  ${created.clientSecret}

Give both to the council by a secure channel; the secret is not shown again.`);
}

if (require.main === module) {
  main(process.argv.slice(2), (line) => console.log(line)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
