import type { ContactSafety } from '../../../shared/domain/contact-safety';
import { Stage, WaitingFor } from '../../../shared/domain/stage';
import { NotFoundError } from '../../../shared/ports';
import { SafeContactNotifier, setContactSafety } from '../../../shared/services/safe-contact';
import { closeCase } from '../../../shared/services/waits';
import { anApplication } from '../../fixtures/applications';
import { type MemoryDeps, MemoryNotifier, memoryDeps } from '../../support/memory';

/**
 * The safe-contact decorator (issue 9) around any Notifier: every message to an applicant goes only on the
 * channels they said are safe, a text waits for a safe time, and what was not sent is in the audit log.
 */

const applicationId = 'app_0123456789abcdef0123456789abcdef';

async function world(
  contactSafety?: Partial<ContactSafety>,
  now = new Date('2026-11-24T10:30:00Z'),
): Promise<{ deps: MemoryDeps; outbox: MemoryNotifier; notifier: SafeContactNotifier }> {
  const deps = memoryDeps(now);
  await deps.applications.create(
    anApplication({
      applicationId,
      ...(contactSafety
        ? {
            contactSafety: {
              safe: ['email', 'text'],
              textTimes: [],
              letters: 'safe',
              voicemail: true,
              updatedAt: '2026-11-01T10:00:00.000Z',
              ...contactSafety,
            },
          }
        : {}),
    }),
  );
  const outbox = new MemoryNotifier();
  return { deps, outbox, notifier: new SafeContactNotifier(outbox, deps) };
}

const message = { to: { applicationId }, template: 'wait-answers', values: { stage: 'Your documents' } };

describe('SafeContactNotifier', () => {
  it('sends on email and text when the applicant has said nothing about safety', async () => {
    // Prepare
    const { outbox, notifier } = await world();

    // Act
    await notifier.send(message);

    // Assess
    expect(outbox.sent).toEqual([{ ...message, channels: ['email', 'text'] }]);
  });

  it.each([
    [{ safe: ['text'] }, ['email', 'text'], ['text'], [['email', 'email-not-safe']]],
    [{ safe: ['email'] }, ['email', 'text'], ['email'], [['text', 'text-not-safe']]],
    [
      { letters: 'shared-address' },
      ['email', 'text', 'post'],
      ['email', 'text'],
      [['post', 'post-not-safe']],
    ],
    [{ letters: 'not-safe' }, ['post'], [], [['post', 'post-not-safe']]],
    [{ letters: 'safe' }, ['post'], ['post'], []],
    [
      { safe: [], letters: 'not-safe' },
      ['email', 'text', 'post'],
      [],
      [
        ['email', 'email-not-safe'],
        ['text', 'text-not-safe'],
        ['post', 'post-not-safe'],
      ],
    ],
  ] as Array<
    [Partial<ContactSafety>, ContactSafety['safe'] | Array<'email' | 'text' | 'post'>, string[], string[][]]
  >)(
    'with %j, a message asking for %j goes on %j and records what was withheld',
    async (preferences, channels, sentOn, withheld) => {
      // Prepare
      const { deps, outbox, notifier } = await world(preferences);

      // Act
      await notifier.send({ ...message, channels: [...channels] });

      // Assess
      expect(outbox.sent.map((sent) => sent.channels)).toEqual(sentOn.length > 0 ? [sentOn] : []);
      expect(
        deps.audit.events
          .filter((event) => event.type === 'message-withheld')
          .map((event) => [event.facts?.channel, event.facts?.reason]),
      ).toEqual(withheld);
      // Only the template, channel and reason: nothing the message says.
      for (const event of deps.audit.events)
        expect(Object.keys(event.facts ?? {}).sort()).toEqual(['channel', 'reason', 'template']);
    },
  );

  it('holds a text until the next safe time and sends the email now', async () => {
    // Prepare: 12:30 GMT, texts only in the evening
    const { deps, outbox, notifier } = await world(
      { textTimes: ['evening'] },
      new Date('2026-11-24T12:30:00Z'),
    );

    // Act
    await notifier.send(message);

    // Assess
    expect(outbox.sent).toEqual([
      { ...message, channels: ['email'] },
      { ...message, channels: ['text'], notBefore: '2026-11-24T17:00:00.000Z' },
    ]);
    expect(deps.audit.events).toEqual([
      expect.objectContaining({
        type: 'message-held',
        actor: 'system',
        facts: { template: 'wait-answers', channel: 'text', notBefore: '2026-11-24T17:00:00.000Z' },
      }),
    ]);
  });

  it('withholds a text that would be useless by the next safe time', async () => {
    // Prepare: 22:00 GMT, texts only in the morning, and the message is useless after an hour
    const { deps, outbox, notifier } = await world(
      { safe: ['text'], textTimes: ['morning'] },
      new Date('2026-11-24T22:00:00Z'),
    );

    // Act
    await notifier.send({ ...message, discardAfter: '2026-11-24T23:00:00.000Z' });

    // Assess
    expect(outbox.sent).toEqual([]);
    expect(deps.audit.events.map((event) => event.facts)).toEqual([
      { template: 'wait-answers', channel: 'email', reason: 'email-not-safe' },
      { template: 'wait-answers', channel: 'text', reason: 'no-safe-time-in-time' },
    ]);
  });

  it('passes messages to officers and sign-in codes through unchanged', async () => {
    // Prepare
    const { deps, outbox, notifier } = await world({ safe: [], letters: 'not-safe', voicemail: false });
    const toOfficers = {
      to: { role: WaitingFor.Officer, landlordId: 'riverside-homes' },
      template: 'wait-review',
      values: {},
    };
    const code = {
      to: { email: 'gareth@example.org' },
      template: 'sign-in-code',
      values: { code: '123456' },
    };

    // Act
    await notifier.send(toOfficers);
    await notifier.send(code);

    // Assess
    expect(outbox.sent).toEqual([toOfficers, code]);
    expect(deps.audit.events).toEqual([]);
  });
});

describe('a service’s message through the decorator', () => {
  it('does not post a closed case’s letter to an address that is not safe, and still emails', async () => {
    // Prepare
    const { deps, outbox, notifier } = await world({ letters: 'not-safe' });

    // Act
    await closeCase(
      { ...deps, notifier },
      { applicationId, stage: Stage.Eligibility, reason: 'Not eligible' },
    );

    // Assess
    expect(outbox.sent).toEqual([
      expect.objectContaining({ template: 'closed', channels: ['email', 'text'] }),
    ]);
    expect(deps.audit.events).toContainEqual(
      expect.objectContaining({
        type: 'message-withheld',
        facts: { template: 'closed', channel: 'post', reason: 'post-not-safe' },
      }),
    );
  });
});

describe('setContactSafety', () => {
  it('stores the applicant’s answer with when it was given, and audits that it changed but not what it says', async () => {
    // Prepare
    const { deps } = await world();

    // Act
    const saved = await setContactSafety(deps, {
      subject: 'sub_gareth',
      applicationId,
      body: { safe: ['text'], textTimes: ['morning'], letters: 'not-safe', voicemail: false },
    });

    // Assess
    expect(saved.contactSafety).toEqual({
      safe: ['text'],
      textTimes: ['morning'],
      letters: 'not-safe',
      voicemail: false,
      updatedAt: '2026-11-24T10:30:00.000Z',
    });
    expect(deps.audit.events).toEqual([
      { applicationId, at: '2026-11-24T10:30:00.000Z', type: 'contact-safety-set', actor: 'applicant' },
    ]);
  });

  it('forgets times for texts when texts are not safe', async () => {
    // Prepare
    const { deps } = await world();

    // Act
    const saved = await setContactSafety(deps, {
      subject: 'sub_gareth',
      applicationId,
      body: { safe: ['email'], textTimes: ['evening'], letters: 'safe', voicemail: true },
    });

    // Assess
    expect(saved.contactSafety?.textTimes).toEqual([]);
  });

  it('refuses an answer that leaves out whether letters may be posted, saying what to answer', async () => {
    // Prepare
    const { deps } = await world();

    // Act + Assess
    await expect(
      setContactSafety(deps, {
        subject: 'sub_gareth',
        applicationId,
        body: { safe: ['email'], voicemail: true },
      }),
    ).rejects.toThrow('Say whether we can post letters to your address');
    expect(deps.audit.events).toEqual([]);
  });

  it('answers someone else’s application as a missing one', async () => {
    // Prepare
    const { deps } = await world();

    // Act + Assess
    await expect(
      setContactSafety(deps, {
        subject: 'sub_someone-else',
        applicationId,
        body: { safe: [], letters: 'safe', voicemail: true },
      }),
    ).rejects.toThrow(NotFoundError);
  });
});
