import { createRemoteJWKSet, jwtVerify } from 'jose';
import jsQR from 'jsqr';
import sharp from 'sharp';
import type { JourneyClient } from './journey-client.js';
import { pdfsig } from './poppler.js';

export interface LetChecks {
  /** The key credential read back from its QR code verifies against the published JWKS (at its start date). */
  keyVerifies: boolean;
  /** What the local lock says today (a key is not valid before the tenancy starts). */
  doorToday: { opened: boolean; reason?: string };
  /** What the local lock says on the tenancy's start date. */
  doorOnStartDate: { opened: boolean; reason?: string };
  /** pdfsig's verdict on each signature of the signed agreement. */
  pdfSignatures: string[];
}

/**
 * The end of `npm run journey`: checks the let from the outside, as a tenant's phone, a door and anyone holding
 * the PDF would: scans the key's QR code, verifies the credential against the JWKS, tries the lock, and runs
 * poppler's pdfsig on the signed agreement.
 */
export async function checkLet(client: JourneyClient, applicationId: string): Promise<LetChecks> {
  const svg = await fetch(`${client.baseUrl}/v1/applications/${applicationId}/key.svg`, {
    headers: { authorization: `Session ${client.sessionToken}` },
  });
  if (!svg.ok) throw new Error(`The key's QR code answered ${svg.status}`);
  const { data, info } = await sharp(Buffer.from(await svg.text()), { density: 300 })
    .flatten({ background: '#ffffff' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const credential = jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data;
  if (!credential) throw new Error('The key’s QR code could not be scanned');

  const view = await client.view(applicationId);
  if (!view.key) throw new Error('The let has no key');
  const startDate = new Date(`${view.key.validFrom}T12:00:00Z`);
  const jwks = createRemoteJWKSet(new URL(`${client.baseUrl}/v1/keys/jwks.json`));
  const { payload } = await jwtVerify(credential, jwks, { issuer: 'doorstep', currentDate: startDate });
  const tryDoor = async (at?: Date) => {
    const response = await client.request<{ opened: boolean; reason?: string }>(
      'POST',
      `/local/locks/open${at ? `?at=${at.toISOString()}` : ''}`,
      { doorId: view.key?.doorId, credential },
      'none',
    );
    return {
      opened: response.body.opened,
      ...(response.body.reason ? { reason: response.body.reason } : {}),
    };
  };

  const pdf = await fetch(`${client.baseUrl}/v1/applications/${applicationId}/tenancy.pdf`, {
    headers: { authorization: `Session ${client.sessionToken}` },
  });
  if (!pdf.ok) throw new Error(`The signed agreement answered ${pdf.status}`);
  const { signatures } = await pdfsig(new Uint8Array(await pdf.arrayBuffer()));
  return {
    keyVerifies: payload.sub === view.key.credentialId,
    doorToday: await tryDoor(),
    doorOnStartDate: await tryDoor(startDate),
    pdfSignatures: signatures.map((signature) => signature.validation ?? 'no verdict'),
  };
}
