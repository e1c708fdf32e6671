/**
 * A council client as `npm run council:add` makes one under `npm start` (`POST /local/council-clients`), and an
 * access token for it from the local issuer's `/oauth2/token` (client credentials, HTTP Basic): what a council's
 * integration does first, for the tests that drive the local runtime over loopback.
 */
export async function localCouncilToken(runtimeUrl: string, councilId: string): Promise<string> {
  const added = await fetch(`${runtimeUrl}/local/council-clients`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ councilId, councilName: 'Riverside Council' }),
  });
  if (added.status !== 201) throw new Error(`Adding a council client answered ${added.status}`);
  const { clientId, clientSecret } = (await added.json()) as { clientId: string; clientSecret: string };
  const token = await fetch(`${runtimeUrl}/oauth2/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
  });
  if (token.status !== 200) throw new Error(`The token endpoint answered ${token.status}`);
  return ((await token.json()) as { access_token: string }).access_token;
}
