import { createLocalJWKSet, type JWK, jwtVerify } from 'jose';
import jsQR from 'jsqr';
import QRCode from 'qrcode';
import sharp from 'sharp';
import { JourneyStateError, type KeyIssuer, NotFoundError } from '../../../shared/ports';
import { issueKeys, keyQrCode, publishedKeys, renderQrSvg } from '../../../shared/services/keys';
import { tryDoor } from '../../../shared/services/locks';
import { aLetting, weaverCourt } from '../../fixtures/lettings';
import { type MemoryDeps, memoryDeps } from '../../support/memory';

const gareth = { subject: 'sub_gareth' };
const neighbour = { subject: 'sub_sian_next_door' };

/** The claims a credential carries, once its signature is verified against the issuer's published keys. */
async function verified(deps: MemoryDeps, jws: string) {
  const keys = createLocalJWKSet({ keys: (await deps.keyIssuer.jwks()).keys as JWK[] });
  // Verified at the moment of issue: the claims are checked here, not the window (the lock tests do that).
  return jwtVerify(jws, keys, { currentDate: new Date('2026-11-20T12:00:00Z') });
}

function storedKey(deps: MemoryDeps) {
  const key = deps.lettings.keys.get(weaverCourt.credentialId);
  if (!key) throw new Error('no key was stored');
  return key;
}

/** Reads a QR code the way a door's camera does: the SVG rasterised, then decoded from its pixels. */
async function scan(svg: string): Promise<string | undefined> {
  const { data, info } = await sharp(Buffer.from(svg), { density: 300 })
    .resize(600)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)
    ?.data;
}

describe('issueKeys', () => {
  it('signs a key for the home’s door, held by the first tenant, for the tenancy', async () => {
    // Prepare
    const deps = memoryDeps();
    const { applicationId, offerId } = await aLetting(deps);

    // Act
    const result = await issueKeys(deps, { applicationId, offerId });

    // Assess
    expect(result).toEqual({ outcome: 'issued', credentialId: weaverCourt.credentialId });
    const { jws } = storedKey(deps);
    const { payload, protectedHeader } = await verified(deps, jws);
    expect(protectedHeader).toEqual({
      alg: 'ES256',
      typ: 'doorstep-key+jwt',
      kid: (await deps.keyIssuer.jwks()).keys[0]?.kid,
    });
    expect(payload).toEqual({
      iss: 'doorstep',
      sub: weaverCourt.credentialId,
      door: 'door-weaver-14-3',
      holder: 'Gareth Pritchard',
      tenancy: weaverCourt.tenancyId,
      nbf: Date.parse('2026-11-20T00:00:00Z') / 1000,
      exp: Date.parse('2028-11-19T00:00:00Z') / 1000,
      iat: Date.parse('2026-11-02T09:30:00Z') / 1000,
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it('works from 00:00 UK time on the tenancy start date, also in summer time', async () => {
    // Prepare
    const deps = memoryDeps();
    const { applicationId, offerId } = await aLetting(deps, { startDate: '2027-06-14' });

    // Act
    await issueKeys(deps, { applicationId, offerId });

    // Assess
    const key = storedKey(deps);
    expect(key).toMatchObject({ validFrom: '2027-06-14', validUntil: '2029-06-12' });
    const { payload } = decodeClaims(key.jws);
    expect(new Date(Number(payload.nbf) * 1000).toISOString()).toBe('2027-06-13T23:00:00.000Z');
    expect(new Date(Number(payload.exp) * 1000).toISOString()).toBe('2029-06-12T23:00:00.000Z');
  });

  it('stores the credential with its window, and audits the key without the credential', async () => {
    // Prepare
    const deps = memoryDeps();
    const { applicationId, offerId } = await aLetting(deps);

    // Act
    await issueKeys(deps, { applicationId, offerId });

    // Assess
    expect(storedKey(deps)).toEqual({
      credentialId: weaverCourt.credentialId,
      tenancyId: weaverCourt.tenancyId,
      doorId: 'door-weaver-14-3',
      holder: 'Gareth Pritchard',
      validFrom: '2026-11-20',
      validUntil: '2028-11-18',
      issuedAt: '2026-11-02T09:30:00.000Z',
      format: 'jws',
      jws: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]{86}$/),
    });
    expect(deps.audit.events).toEqual([
      {
        applicationId,
        at: '2026-11-02T09:30:00.000Z',
        type: 'key-issued',
        actor: 'system',
        facts: {
          credentialId: weaverCourt.credentialId,
          doorId: 'door-weaver-14-3',
          validFrom: '2026-11-20',
        },
      },
    ]);
    expect(JSON.stringify(deps.audit.events)).not.toContain(storedKey(deps).jws.split('.')[2]);
  });

  it('issues one key however many times the stage runs: a retry signs nothing new', async () => {
    // Prepare
    const deps = memoryDeps();
    const { applicationId, offerId } = await aLetting(deps);
    await issueKeys(deps, { applicationId, offerId });
    const first = storedKey(deps);
    const sign = jest.spyOn(deps.keyIssuer, 'sign');
    deps.clock.advanceDays(1);

    // Act
    const again = await issueKeys(deps, { applicationId, offerId });

    // Assess
    expect(again).toEqual({ outcome: 'issued', credentialId: first.credentialId });
    expect(storedKey(deps)).toEqual(first);
    expect(sign).not.toHaveBeenCalled();
    expect(deps.audit.events.filter((event) => event.type === 'key-issued')).toHaveLength(1);
  });

  it('refuses to issue keys for a tenancy nobody has signed, and signs nothing', async () => {
    // Prepare
    const deps = memoryDeps();
    const { applicationId, offerId } = await aLetting(deps, { status: 'awaiting-signature' });
    const sign = jest.spyOn(deps.keyIssuer, 'sign');

    // Act
    const run = issueKeys(deps, { applicationId, offerId });

    // Assess
    await expect(run).rejects.toThrow(JourneyStateError);
    expect(sign).not.toHaveBeenCalled();
    expect(deps.lettings.keys.size).toBe(0);
    expect(deps.audit.events).toEqual([]);
  });

  it('answers NotFoundError for another household’s offer', async () => {
    // Prepare
    const deps = memoryDeps();
    const { offerId } = await aLetting(deps);

    // Act
    const run = issueKeys(deps, { applicationId: 'app_fedcba9876543210fedcba9876543210', offerId });

    // Assess
    await expect(run).rejects.toThrow(NotFoundError);
    expect(deps.lettings.keys.size).toBe(0);
  });
});

function decodeClaims(jws: string) {
  const [, payload = ''] = jws.split('.');
  return {
    payload: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>,
  };
}

describe('renderQrSvg', () => {
  it('draws exactly what the qrcode package draws for SVG, without loading its other renderers', async () => {
    const text = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJkb29yLXdlYXZlci0xNC0zIn0.c2lnbmF0dXJl';

    expect(await renderQrSvg(text)).toBe(
      await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }),
    );
  });
});

describe('keyQrCode', () => {
  it('shows the holder a QR code that a door’s camera reads back as the credential, which opens the door', async () => {
    // Prepare
    const deps = memoryDeps();
    const { applicationId, offerId } = await aLetting(deps);
    await issueKeys(deps, { applicationId, offerId });

    // Act
    const svg = await keyQrCode(deps, { applicant: gareth, applicationId });

    // Assess
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const scanned = await scan(svg);
    expect(scanned).toBe(storedKey(deps).jws);
    const atTheDoor = await tryDoor({
      doorId: 'door-weaver-14-3',
      credential: scanned ?? '',
      now: new Date('2026-11-20T08:00:00Z'),
      jwks: await publishedKeys(deps),
    });
    expect(atTheDoor).toEqual({
      opened: true,
      holder: 'Gareth Pritchard',
      credentialId: weaverCourt.credentialId,
    });
  });

  it('answers NotFoundError to another applicant, exactly as for a missing application', async () => {
    // Prepare
    const deps = memoryDeps();
    const { applicationId, offerId } = await aLetting(deps);
    await issueKeys(deps, { applicationId, offerId });

    // Act
    const theirs = keyQrCode(deps, { applicant: neighbour, applicationId });
    const missing = keyQrCode(deps, {
      applicant: neighbour,
      applicationId: 'app_ffffffffffffffffffffffffffffffff',
    });

    // Assess
    await expect(theirs).rejects.toThrow(new NotFoundError('No such application'));
    await expect(missing).rejects.toThrow(new NotFoundError('No such application'));
  });

  it('answers NotFoundError while no key has been issued', async () => {
    // Prepare
    const deps = memoryDeps();
    const { applicationId } = await aLetting(deps);

    // Act
    const run = keyQrCode(deps, { applicant: gareth, applicationId });

    // Assess
    await expect(run).rejects.toThrow(NotFoundError);
  });
});

describe('publishedKeys', () => {
  it('publishes the public keys, and never a private member an issuer let slip', async () => {
    // Prepare
    const leaky: KeyIssuer = {
      sign: () => Promise.reject(new Error('not used')),
      jwks: async () => ({
        keys: [{ kty: 'EC', crv: 'P-256', x: 'x', y: 'y', d: 'the-private-key', kid: 'k1', alg: 'ES256' }],
      }),
    };

    // Act
    const published = await publishedKeys({ keyIssuer: leaky });

    // Assess
    expect(published).toEqual({
      keys: [{ kty: 'EC', crv: 'P-256', x: 'x', y: 'y', kid: 'k1', alg: 'ES256' }],
    });
  });
});
