import { lockSimulator } from '../../../local/lock-simulator';
import { issueKeys } from '../../../shared/services/keys';
import { aLetting, weaverCourt } from '../../fixtures/lettings';
import { memoryDeps } from '../../support/memory';

/** Gareth's key, issued; the runtime's clock on the morning his tenancy starts. */
async function aKeyAndALock() {
  const deps = memoryDeps(new Date('2026-11-20T08:00:00Z'));
  const { applicationId, offerId } = await aLetting(deps);
  await issueKeys(deps, { applicationId, offerId });
  const credential = deps.lettings.keys.get(weaverCourt.credentialId)?.jws ?? '';
  return { deps, credential, open: lockSimulator(() => deps) };
}

describe('POST /local/locks/open', () => {
  it('answers 200 and opens for the tenant’s key at their door', async () => {
    // Prepare
    const { credential, open } = await aKeyAndALock();

    // Act
    const answer = await open({ method: 'POST', body: { doorId: weaverCourt.doorId, credential } });

    // Assess
    expect(answer).toEqual({
      status: 200,
      body: { opened: true, holder: 'Gareth Pritchard', credentialId: weaverCourt.credentialId },
    });
  });

  it('answers 403 with the reason at another door', async () => {
    // Prepare
    const { credential, open } = await aKeyAndALock();

    // Act
    const answer = await open({ method: 'POST', body: { doorId: 'door-weaver-14-4', credential } });

    // Assess
    expect(answer).toEqual({
      status: 403,
      body: { opened: false, reason: 'wrong-door', message: 'This key is for a different door.' },
    });
  });

  it('reads the runtime’s clock: the key stops working when the clock passes its window', async () => {
    // Prepare
    const { deps, credential, open } = await aKeyAndALock();
    deps.clock.advanceDays(800);

    // Act
    const answer = await open({ method: 'POST', body: { doorId: weaverCourt.doorId, credential } });

    // Assess
    expect(answer).toMatchObject({ status: 403, body: { opened: false, reason: 'expired' } });
  });

  it('answers 400 saying what to send for a body without a door or a key, and 405 to anything but POST', async () => {
    // Prepare
    const { open } = await aKeyAndALock();

    // Act
    const missing = await open({ method: 'POST', body: { credential: 'x' } });
    const get = await open({ method: 'GET', body: undefined });

    // Assess
    expect(missing).toEqual({
      status: 400,
      body: { error: 'Send {"doorId": "<the door>", "credential": "<the key from its QR code>"}' },
    });
    expect(get.status).toBe(405);
  });
});
