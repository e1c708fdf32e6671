import { randomUUID } from 'node:crypto';
import { create as createQr } from 'qrcode/lib/core/qrcode.js';
import { render as renderSvgTag } from 'qrcode/lib/renderer/svg-tag.js';
import * as z from 'zod';
import { KEY_CREDENTIAL_TYPE, keyClaims, keyWindow } from '../domain/keys.js';
import type { KeyCredential } from '../domain/letting.js';
import { JourneyStateError, NotFoundError } from '../ports.js';
import type { Deps } from './deps.js';
import { credentialIdFor, type OfferInput, tenancyIdFor } from './letting-stages.js';
import { currentOffer, ownedApplication } from './ownership.js';

/**
 * Digital keys (DESIGN.md §1, "Digital keys"): a signed credential for the home's door, issued once the
 * tenancy is signed and working from its start date; shown to the tenant as a QR code; checked by the door
 * against the keys Doorstep publishes.
 */

/**
 * The Keys stage: signs the key credential for a signed tenancy, naming the home's door, the holder (the
 * first tenant) and the days it works (from the tenancy start date, {@link keyWindow}). Idempotent: a retried
 * or resumed stage finds the credential it issued and signs nothing new, so one letting has one key.
 */
export async function issueKeys(
  deps: Pick<Deps, 'lettings' | 'audit' | 'clock' | 'keyIssuer' | 'notifier'>,
  input: z.infer<typeof OfferInput>,
): Promise<{ outcome: 'issued'; credentialId: string }> {
  const offer = await deps.lettings.getOffer(input.offerId);
  if (!offer || offer.applicationId !== input.applicationId)
    throw new NotFoundError(`Offer ${input.offerId} not found`);
  const credentialId = credentialIdFor(offer);
  const existing = await deps.lettings.getKey(credentialId);
  if (existing) return { outcome: 'issued', credentialId };

  const tenancy = await deps.lettings.getTenancy(tenancyIdFor(offer));
  if (tenancy?.status !== 'signed') throw new JourneyStateError('Keys are issued only for a signed tenancy');
  const home = await deps.lettings.getHome(offer.propertyId);
  if (!home) throw new NotFoundError('The home of this offer is missing');
  const holder = tenancy.tenants[0];
  if (!holder) throw new JourneyStateError('The tenancy names no tenant to hold the key');

  const issuedAt = deps.clock.now();
  const claims = keyClaims({
    credentialId,
    tenancy,
    doorId: home.doorId,
    holder,
    issuedAt,
    jti: randomUUID(),
  });
  const credential: KeyCredential = {
    credentialId,
    tenancyId: tenancy.tenancyId,
    doorId: home.doorId,
    holder,
    ...keyWindow(tenancy.startDate),
    issuedAt: issuedAt.toISOString(),
    format: 'jws',
    jws: await deps.keyIssuer.sign(claims, { typ: KEY_CREDENTIAL_TYPE }),
  };
  await deps.lettings.putKey(credential);
  // Which key and which door, never the credential: it opens the door.
  await deps.audit.append({
    applicationId: input.applicationId,
    at: credential.issuedAt,
    type: 'key-issued',
    actor: 'system',
    facts: { credentialId, doorId: credential.doorId, validFrom: credential.validFrom },
  });
  // The Keys stage: the household hears its key is ready and from when it works (never the key itself).
  await deps.notifier.send({
    to: { applicationId: input.applicationId },
    template: 'key-issued',
    values: { validFrom: credential.validFrom.slice(0, 10) },
  });
  return { outcome: 'issued', credentialId };
}

/**
 * The tenant's key as a QR code (SVG) a door's reader scans. Only the applicant who owns the application
 * sees it: anyone else's, or an application without a key yet, answers like a missing one.
 */
export async function keyQrCode(
  deps: Pick<Deps, 'applications' | 'lettings'>,
  input: { applicant: { subject: string }; applicationId: string },
): Promise<string> {
  const application = await ownedApplication(deps, input.applicant.subject, input.applicationId);
  const offer = await currentOffer(deps, application);
  const key = offer ? await deps.lettings.getKey(credentialIdFor(offer)) : undefined;
  if (!key) throw new NotFoundError('No key has been issued for this application');
  return renderQrSvg(key.jws);
}

/**
 * Renders a credential as an SVG QR code. Error correction level M (up to 15% of the code unreadable) suits
 * a phone screen held to a reader; a key of about 560 characters makes a version 19 code, 93 modules a side.
 */
export async function renderQrSvg(text: string): Promise<string> {
  // What `QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 })` draws, without the
  // package's other renderers (qrcode-modules.d.ts).
  return renderSvgTag(createQr(text, { errorCorrectionLevel: 'M' }), { margin: 4 });
}

/** The members of a JWK that are private (RFC 7518 §6): never published, whatever an issuer returns. */
const PRIVATE_MEMBERS = new Set(['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k']);

const PublishedKey = z.looseObject({ kty: z.string(), kid: z.string() });

/** The public keys that verify key credentials (a JWKS, RFC 7517 §5): what doors fetch and cache. */
export async function publishedKeys(
  deps: Pick<Deps, 'keyIssuer'>,
): Promise<{ keys: Array<Record<string, unknown>> }> {
  const { keys } = await deps.keyIssuer.jwks();
  return {
    keys: keys.map((key) =>
      Object.fromEntries(
        Object.entries(PublishedKey.parse(key)).filter(([member]) => !PRIVATE_MEMBERS.has(member)),
      ),
    ),
  };
}
