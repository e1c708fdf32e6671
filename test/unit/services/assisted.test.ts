import { JourneyStateError, NotFoundError } from '../../../shared/ports';
import {
  answerForApplicant,
  assistedDays,
  assistedStep,
  recordAssistanceConsent,
} from '../../../shared/services/assisted';
import { anApplication } from '../../fixtures/applications';
import { type MemoryDeps, memoryDeps } from '../../support/memory';

const applicationId = 'app_0123456789abcdef0123456789abcdef';
const ellis = {
  kind: 'officer' as const,
  officerId: 'officer-ellis',
  landlordId: 'riverside-homes',
  roles: ['officer'] as const,
};
const otherLandlords = { ...ellis, officerId: 'officer-cwm', landlordId: 'cwm-valley-homes' };
/** Today in the tests is 2 November 2026 (memoryDeps' clock). */
const byPhoneToday = {
  how: 'phone',
  'givenOn-day': '2',
  'givenOn-month': '11',
  'givenOn-year': '2026',
  confirmed: 'yes',
};

async function given(): Promise<MemoryDeps> {
  const deps = memoryDeps();
  await deps.applications.create(anApplication());
  return deps;
}

describe('recording the applicant’s consent', () => {
  it('records how and when the applicant agreed, naming the officer, in the audit log', async () => {
    const deps = await given();

    const result = await recordAssistanceConsent(deps, { officer: ellis, applicationId, form: byPhoneToday });

    expect(result).toEqual({ ok: true });
    expect(deps.audit.events).toEqual([
      expect.objectContaining({
        type: 'assistance-consent',
        actor: 'officer',
        facts: { officerId: 'officer-ellis', how: 'phone', givenOn: '2026-11-02' },
      }),
    ]);
  });

  it('refuses a consent without how, a day, or the officer’s confirmation, field by field, writing nothing', async () => {
    const deps = await given();

    const result = await recordAssistanceConsent(deps, { officer: ellis, applicationId, form: {} });
    const future = await recordAssistanceConsent(deps, {
      officer: ellis,
      applicationId,
      form: { ...byPhoneToday, 'givenOn-day': '3' },
    });
    const old = await recordAssistanceConsent(deps, {
      officer: ellis,
      applicationId,
      form: { ...byPhoneToday, 'givenOn-month': '10', 'givenOn-day': '1' },
    });

    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'how', message: 'Select how the applicant agreed' },
        { field: 'givenOn', message: 'Enter the day they agreed' },
        { field: 'confirmed', message: 'Confirm the applicant agreed that you answer for them' },
      ],
    });
    expect(future).toEqual({
      ok: false,
      errors: [{ field: 'givenOn', message: 'The day they agreed must be in the past' }],
    });
    expect(old).toEqual({
      ok: false,
      errors: [
        {
          field: 'givenOn',
          message: 'The day they agreed must be in the last 7 days: ask the applicant again',
        },
      ],
    });
    expect(deps.audit.events).toEqual([]);
  });

  it('answers another landlord’s officer 404, as if the application did not exist', async () => {
    const deps = await given();

    await expect(
      recordAssistanceConsent(deps, { officer: otherLandlords, applicationId, form: byPhoneToday }),
    ).rejects.toThrow(NotFoundError);
    expect(deps.audit.events).toEqual([]);
  });
});

describe('answering for the applicant', () => {
  it('asks for consent first, and refuses an answer without it', async () => {
    const deps = await given();

    const step = await assistedStep(deps, { officer: ellis, applicationId });
    const answer = answerForApplicant(deps, {
      officer: ellis,
      applicationId,
      prompt: 'name',
      form: { firstName: 'Gareth', lastName: 'Pritchard' },
    });

    expect(step).toEqual({ kind: 'consent-needed' });
    await expect(answer).rejects.toThrow(JourneyStateError);
    expect(deps.applications.items.get(applicationId)?.conversation).toBeUndefined();
  });

  it('answers the applicant’s next question with the same checks, audited as entered by the officer for them', async () => {
    // Prepare
    const deps = await given();
    await recordAssistanceConsent(deps, { officer: ellis, applicationId, form: byPhoneToday });

    // Act
    const before = await assistedStep(deps, { officer: ellis, applicationId });
    const wrong = await answerForApplicant(deps, { officer: ellis, applicationId, prompt: 'name', form: {} });
    await answerForApplicant(deps, {
      officer: ellis,
      applicationId,
      prompt: 'name',
      form: { firstName: 'Gareth', lastName: 'Pritchard' },
    });
    const after = await assistedStep(deps, { officer: ellis, applicationId });

    // Assess
    expect(before).toMatchObject({ kind: 'ask', prompt: { id: 'name' } });
    expect(wrong).toEqual({
      ok: false,
      errors: [
        { field: 'firstName', message: 'Enter your first name' },
        { field: 'lastName', message: 'Enter your last name' },
      ],
    });
    expect(after).toMatchObject({ kind: 'ask', prompt: { id: 'date-of-birth' } });
    expect(deps.audit.events.at(-1)).toMatchObject({
      type: 'answered',
      actor: 'officer',
      facts: { prompt: 'name', onBehalfOfApplicant: true, officerId: 'officer-ellis' },
    });
    expect(assistedDays(deps.audit.events)).toEqual(['2026-11-02']);
  });

  it('leaves the photo, the household page and sending to the applicant', async () => {
    const deps = await given();
    await recordAssistanceConsent(deps, { officer: ellis, applicationId, form: byPhoneToday });

    await expect(
      answerForApplicant(deps, { officer: ellis, applicationId, prompt: 'check-answers', form: {} }),
    ).rejects.toThrow(/Only the applicant/);
  });

  it('needs consent again after 7 days', async () => {
    const deps = await given();
    await recordAssistanceConsent(deps, { officer: ellis, applicationId, form: byPhoneToday });
    deps.clock.advanceSeconds(8 * 24 * 60 * 60);

    expect(await assistedStep(deps, { officer: ellis, applicationId })).toEqual({ kind: 'consent-needed' });
  });

  it('answers another landlord’s officer 404', async () => {
    const deps = await given();
    await recordAssistanceConsent(deps, { officer: ellis, applicationId, form: byPhoneToday });

    await expect(assistedStep(deps, { officer: otherLandlords, applicationId })).rejects.toThrow(
      NotFoundError,
    );
    await expect(
      answerForApplicant(deps, { officer: otherLandlords, applicationId, prompt: 'name', form: {} }),
    ).rejects.toThrow(NotFoundError);
  });
});
