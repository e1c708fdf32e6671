import { Stage, WaitingFor } from '../../../shared/domain/stage';
import { translate } from '../../../shared/i18n';
import { MESSAGE_TEXTS, messageText } from '../../../shared/i18n/messages';
import { NotFoundError } from '../../../shared/ports';
import { chooseLanguage, LanguageNotifier } from '../../../shared/services/language';
import { closeCase } from '../../../shared/services/waits';
import { anApplication } from '../../fixtures/applications';
import { MemoryNotifier, memoryDeps } from '../../support/memory';

/**
 * The applicant's language (issue 9): kept on their application when they choose it, and put on every message
 * to them, whose words are then written in it.
 */

const applicationId = 'app_0123456789abcdef0123456789abcdef';

async function world(language?: 'en' | 'cy') {
  const deps = memoryDeps();
  await deps.applications.create(
    anApplication({ applicationId, ownerId: 'sub_gareth', ...(language ? { language } : {}) }),
  );
  return deps;
}

describe('choosing a language', () => {
  it('keeps Welsh on the application, with an audit event that names the language and nothing else', async () => {
    // Prepare
    const deps = await world();

    // Act
    await chooseLanguage(deps, { subject: 'sub_gareth', applicationId, language: 'cy' });

    // Assess
    expect(deps.applications.items.get(applicationId)?.language).toBe('cy');
    expect(deps.audit.events).toEqual([
      expect.objectContaining({ type: 'language-chosen', actor: 'applicant', facts: { language: 'cy' } }),
    ]);
  });

  it('writes nothing when the language chosen is the one kept (English until another is chosen)', async () => {
    // Prepare
    const deps = await world();

    // Act
    await chooseLanguage(deps, { subject: 'sub_gareth', applicationId, language: 'en' });

    // Assess
    expect(deps.applications.items.get(applicationId)?.version).toBe(0);
    expect(deps.audit.events).toEqual([]);
  });

  it('cannot choose for someone else’s application: 404, nothing written', async () => {
    // Prepare
    const deps = await world();

    // Act
    const choosing = chooseLanguage(deps, { subject: 'sub_someone_else', applicationId, language: 'cy' });

    // Assess
    await expect(choosing).rejects.toThrow(NotFoundError);
    expect(deps.applications.items.get(applicationId)?.language).toBeUndefined();
  });
});

describe('messages in the applicant’s language', () => {
  it('puts the application’s language on a message to the applicant, and its words are Welsh', async () => {
    // Prepare
    const deps = await world('cy');
    const outbox = new MemoryNotifier();
    const notifier = new LanguageNotifier(outbox, deps.applications);

    // Act: the case closes, and the service tells the applicant as it always does.
    await closeCase(
      { ...deps, notifier },
      { applicationId, stage: Stage.Qualification, reason: 'No answers in 28 days' },
    );

    // Assess
    const message = outbox.sent.find((sent) => 'applicationId' in sent.to);
    expect(message?.language).toBe('cy');
    expect(message && messageText(message)).toBe(
      'Mae eich cais wedi cau ar y cam ‘Ydych chi’n gymwys i fod ar y gofrestr?’. Mewngofnodwch i Doorstep i weld pam.',
    );
  });

  it('writes in English for an applicant who has not chosen, and leaves officers’ messages alone', async () => {
    // Prepare
    const deps = await world();
    const outbox = new MemoryNotifier();
    const notifier = new LanguageNotifier(outbox, deps.applications);

    // Act
    await notifier.send({ to: { applicationId }, template: 'let', values: {} });
    await notifier.send({
      to: { role: WaitingFor.Officer, landlordId: 'riverside-homes' },
      template: 'escalation',
      values: {},
    });

    // Assess
    expect(outbox.sent.map((sent) => sent.language)).toEqual(['en', undefined]);
    expect(outbox.sent[0] && messageText(outbox.sent[0])).toBe('You have moved in. Welcome home.');
  });

  it('writes dates as people do, with Welsh month names in Welsh', () => {
    const reminder = {
      template: 'offer-reminder',
      values: { deadline: '2026-12-03', hoursLeft: '20', address: '4 Heol y Bont, Riverton' },
    };

    expect(messageText({ ...reminder, language: 'en' })).toBe(
      'Remember to answer the offer of 4 Heol y Bont, Riverton by 3 December 2026. Sign in to Doorstep to answer it.',
    );
    expect(messageText({ ...reminder, language: 'cy' })).toBe(
      'Cofiwch ateb y cynnig o 4 Heol y Bont, Riverton erbyn 3 Rhagfyr 2026. Mewngofnodwch i Doorstep i’w ateb.',
    );
  });

  it('has Welsh for every message, and says only that there is news for a message it has no words for', () => {
    for (const english of MESSAGE_TEXTS)
      expect(() => translate('cy', english, { strict: true })).not.toThrow();
    expect(messageText({ template: 'a-new-kind', values: {}, language: 'cy' })).toBe(
      'Mae newyddion am eich cais. Mewngofnodwch i Doorstep i’w weld.',
    );
  });
});
