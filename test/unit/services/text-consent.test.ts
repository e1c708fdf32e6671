import type { ConsentUse } from '../../../shared/domain/consents';
import { WaitingFor } from '../../../shared/domain/stage';
import { setConsents, TextConsentNotifier } from '../../../shared/services/consents';
import { SafeContactNotifier } from '../../../shared/services/safe-contact';
import { anApplication } from '../../fixtures/applications';
import { type MemoryDeps, MemoryNotifier, memoryDeps } from '../../support/memory';

/**
 * No text message without the applicant's consent to texts (issue 9), whatever the service sending it: the
 * decorator around the notifier drops the text, says so in the audit log and sends the rest.
 */

const applicationId = 'app_0123456789abcdef0123456789abcdef';
const message = { to: { applicationId }, template: 'wait-answers', values: { stage: 'Your documents' } };

async function world(
  given: ConsentUse[] = [],
): Promise<{ deps: MemoryDeps; outbox: MemoryNotifier; notifier: TextConsentNotifier }> {
  const deps = memoryDeps(new Date('2026-11-24T10:30:00Z'));
  await deps.applications.create(anApplication({ applicationId }));
  if (given.length > 0)
    await setConsents(deps, {
      actor: { kind: 'applicant', subject: 'sub_gareth' },
      applicationId,
      body: { given },
    });
  const outbox = new MemoryNotifier();
  return { deps, outbox, notifier: new TextConsentNotifier(outbox, deps) };
}

const withheld = (deps: MemoryDeps) => deps.audit.events.filter((event) => event.type === 'message-withheld');

describe('TextConsentNotifier', () => {
  it('sends email only, and records the text it withheld, when the applicant has not agreed to texts', async () => {
    const { deps, outbox, notifier } = await world();

    await notifier.send(message);

    expect(outbox.sent).toEqual([{ ...message, channels: ['email'] }]);
    expect(withheld(deps).map((event) => event.facts)).toEqual([
      { template: 'wait-answers', channel: 'text', reason: 'no-text-consent' },
    ]);
  });

  it('sends the text once the applicant has agreed, and stops again once they withdraw', async () => {
    const { deps, outbox, notifier } = await world(['text-messages']);

    await notifier.send(message);
    await setConsents(deps, { actor: { kind: 'applicant', subject: 'sub_gareth' }, applicationId, body: {} });
    await notifier.send(message);

    expect(outbox.sent).toEqual([message, { ...message, channels: ['email'] }]);
    // Each message that went on is on the applicant's audit log: which one and how, never what it says.
    expect(
      deps.audit.events.filter((event) => event.type === 'message-queued').map((event) => event.facts),
    ).toEqual([
      { template: 'wait-answers', channels: 'email text' },
      { template: 'wait-answers', channels: 'email' },
    ]);
  });

  it('sends nothing for a message asked for by text only, without consent', async () => {
    const { deps, outbox, notifier } = await world(['homes-by-email']);

    await notifier.send({ ...message, channels: ['text'] });

    expect(outbox.sent).toEqual([]);
    expect(withheld(deps)).toHaveLength(1);
    expect(deps.audit.events.filter((event) => event.type === 'message-queued')).toEqual([]);
  });

  it('passes on messages with no text, to officers and to an address, unchanged', async () => {
    const { deps, outbox, notifier } = await world();
    const toOfficers = {
      to: { role: WaitingFor.Officer, landlordId: 'riverside-homes' },
      template: 'escalation',
      values: {},
    };
    const code = {
      to: { email: 'gareth.pritchard@example.org' },
      template: 'sign-in-code',
      values: { code: '123456' },
    };

    await notifier.send({ ...message, channels: ['email', 'post'] });
    await notifier.send(toOfficers);
    await notifier.send(code);

    expect(outbox.sent).toEqual([{ ...message, channels: ['email', 'post'] }, toOfficers, code]);
    expect(withheld(deps)).toEqual([]);
  });

  it('sits outside the safe-contact decorator as wired: a consented text still waits for a safe time', async () => {
    const { deps, outbox } = await world(['text-messages']);
    const application = await deps.applications.get(applicationId);
    if (!application) throw new Error('no application');
    await deps.applications.save({
      ...application,
      contactSafety: {
        safe: ['text'],
        textTimes: ['evening'],
        letters: 'safe',
        voicemail: true,
        updatedAt: '2026-11-01T10:00:00.000Z',
      },
    });
    const notifier = new TextConsentNotifier(new SafeContactNotifier(outbox, deps), deps);

    await notifier.send(message);

    expect(outbox.sent).toEqual([{ ...message, channels: ['text'], notBefore: '2026-11-24T17:00:00.000Z' }]);
  });
});
