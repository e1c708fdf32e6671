import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_OFFICERS, LocalIdentityProvider } from '../../../local/identity';
import { LocalOfficerIdentity } from '../../../local/officer-identity';

const [officer, senior] = DEMO_OFFICERS;
let dir: string;
let identity: LocalOfficerIdentity;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'doorstep-identity-'));
  identity = new LocalOfficerIdentity(
    await LocalIdentityProvider.open(join(dir, 'identity.json'), 'doorstep-local-idp'),
  );
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('LocalOfficerIdentity', () => {
  it('signs a demo officer in with an ID token whose claims verify', async () => {
    // Act
    const idToken = await identity.signIn(senior.email, senior.password);
    const claims = idToken ? await identity.verify(idToken) : undefined;

    // Assess
    expect(claims).toMatchObject({
      email: senior.email,
      'custom:landlordId': 'riverside-homes',
      'cognito:groups': ['officer', 'senior-officer'],
      token_use: 'id',
      iss: 'doorstep-local-idp',
    });
  });

  it('answers undefined for a wrong password or an unknown email', async () => {
    // Act
    const wrongPassword = await identity.signIn(officer.email, `${officer.password}x`);
    const unknown = await identity.signIn('nobody@riverside.example', officer.password);

    // Assess
    expect(wrongPassword).toBeUndefined();
    expect(unknown).toBeUndefined();
  });

  it('does not verify a tampered token, or one from another provider', async () => {
    // Prepare
    const idToken = (await identity.signIn(officer.email, officer.password)) ?? '';
    const [header, payload, signature] = idToken.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'));
    const promoted = Buffer.from(
      JSON.stringify({ ...claims, 'cognito:groups': ['officer', 'senior-officer'] }),
    ).toString('base64url');
    const elsewhere = new LocalOfficerIdentity(
      await LocalIdentityProvider.open(join(dir, 'another.json'), 'doorstep-local-idp'),
    );
    const foreign = (await elsewhere.signIn(officer.email, officer.password)) ?? '';

    // Act
    const tampered = await identity.verify(`${header}.${promoted}.${signature}`);
    const fromElsewhere = await identity.verify(foreign);

    // Assess
    expect(await identity.verify(idToken)).toBeDefined();
    expect(tampered).toBeUndefined();
    expect(foreign).not.toBe('');
    expect(fromElsewhere).toBeUndefined();
  });
});
