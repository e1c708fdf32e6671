import type { Application, HouseholdMember } from '../../../shared/domain/application';
import { answersAreOpen, type FormAnswers, nextPrompt } from '../../../shared/domain/conversation';
import { Stage, WaitingFor } from '../../../shared/domain/stage';
import { JourneyStateError, NotFoundError } from '../../../shared/ports';
import { addMember, answerPrompt, removeMember, submitAnswers } from '../../../shared/services/conversation';
import { awaitPerson } from '../../../shared/services/waits';
import { aCompleteApplication, anApplication, household } from '../../fixtures/applications';
import { type MemoryDeps, memoryDeps } from '../../support/memory';

const gareth = { subject: 'sub_gareth' };
const stranger = { subject: 'sub_stranger' };
const applicationId = 'app_0123456789abcdef0123456789abcdef';
const taskToken = 'AQCEAAAAKgAAAAMAAAAAAAAAAWFuc3dlcnMtdG9rZW4tc2VjcmV0=answers-1c9e';

async function given(application: Application = anApplication()): Promise<MemoryDeps> {
  const deps = memoryDeps();
  await deps.applications.create(application);
  return deps;
}

const stored = (deps: MemoryDeps) => deps.applications.items.get(applicationId);

/** What a refused write must leave behind: the application as it was, and no audit event. */
function expectNothingWritten(deps: MemoryDeps, before: Application | undefined) {
  expect(stored(deps)).toEqual(before);
  expect(deps.audit.events).toEqual([]);
}

const answer = (deps: MemoryDeps, prompt: Parameters<typeof answerPrompt>[1]['prompt'], form: FormAnswers) =>
  answerPrompt(deps, { applicant: gareth, applicationId, prompt, form });

/** Every answer the journey asks before check-answers, sent, with the identity document confirmed. */
const readyToSend = () =>
  aCompleteApplication({ conversation: { answered: ['contact', 'household', 'identity-document'] } });

describe('answerPrompt: the applicant’s own details', () => {
  it('keeps name and date of birth as a draft until the sex is given, then makes them the applicant', async () => {
    // Prepare
    const deps = await given();

    // Act
    await answer(deps, 'name', { firstName: 'Gareth', lastName: 'Pritchard' });
    const afterName = stored(deps);
    await answer(deps, 'date-of-birth', {
      'dateOfBirth-day': '2',
      'dateOfBirth-month': '7',
      'dateOfBirth-year': '1988',
    });
    const afterDateOfBirth = stored(deps);
    const result = await answer(deps, 'sex', { sex: 'male' });

    // Assess
    expect(afterName?.conversation).toEqual({
      answered: ['name'],
      aboutYou: { firstName: 'Gareth', lastName: 'Pritchard' },
    });
    expect(afterName?.profile.household).toEqual([]);
    expect(afterDateOfBirth?.conversation).toEqual({
      answered: ['name', 'date-of-birth'],
      aboutYou: { firstName: 'Gareth', lastName: 'Pritchard', dateOfBirth: '1988-07-02' },
    });
    expect(result.ok).toBe(true);
    expect(stored(deps)?.profile.household).toEqual([
      {
        memberId: 'applicant',
        relationship: 'applicant',
        firstName: 'Gareth',
        lastName: 'Pritchard',
        dateOfBirth: '1988-07-02',
        sex: 'male',
        unborn: false,
        needsOwnRoomForDisability: false,
      },
    ]);
    // The draft is gone once the member exists: the details live in one place only.
    expect(stored(deps)?.conversation).toEqual({ answered: ['name', 'date-of-birth', 'sex'] });
    expect(stored(deps)?.version).toBe(3);
  });

  it('changes the name later and keeps the date of birth, the sex and the rest of the household', async () => {
    // Prepare
    const deps = await given(aCompleteApplication());
    const [, ...others] = household('coupleWithTwoGirls');

    // Act
    await answer(deps, 'name', { firstName: 'Garry', lastName: 'Pritchard-Jones' });

    // Assess
    const members = stored(deps)?.profile.household;
    expect(members?.[0]).toMatchObject({
      relationship: 'applicant',
      firstName: 'Garry',
      lastName: 'Pritchard-Jones',
      dateOfBirth: '1988-07-02',
      sex: 'male',
    });
    expect(members?.slice(1)).toEqual(others);
    expect(stored(deps)?.conversation?.aboutYou).toBeUndefined();
  });

  it('keeps what else is known of the applicant, such as their own room for a disability, and their id', async () => {
    // Prepare: the applicant's details came through the API, with a need the web journey does not ask about.
    const [applicant, ...others] = household('coupleWithTwoGirls');
    const needsOwnRoom = { ...applicant, needsOwnRoomForDisability: true } as HouseholdMember;
    const deps = await given(aCompleteApplication({ profile: { household: [needsOwnRoom, ...others] } }));

    // Act
    await answer(deps, 'name', { firstName: 'Garry', lastName: 'Pritchard' });

    // Assess
    expect(stored(deps)?.profile.household).toEqual([{ ...needsOwnRoom, firstName: 'Garry' }, ...others]);
  });
});

describe('answerPrompt: sections', () => {
  it('saves a section answer into the profile and marks the prompt answered', async () => {
    // Prepare
    const deps = await given();

    // Act
    const result = await answer(deps, 'contact', { email: 'gareth@example.org', phone: '07700 900 982' });

    // Assess
    expect(result.ok).toBe(true);
    expect(stored(deps)?.profile.contact).toEqual({ email: 'gareth@example.org', phone: '07700 900 982' });
    expect(stored(deps)?.conversation?.answered).toEqual(['contact']);
    expect(stored(deps)?.updatedAt).toBe('2026-11-02T09:30:00.000Z');
  });

  it('replaces an earlier answer to the same prompt, and asks the next question', async () => {
    // Prepare
    const deps = await given(readyToSend());

    // Act
    await answer(deps, 'income', { monthlyEarnings: '£1,800', monthlyBenefits: '0', savings: '250.50' });

    // Assess
    expect(stored(deps)?.profile.income).toEqual({
      monthlyEarnings: 180_000,
      monthlyBenefits: 0,
      savings: 25_050,
    });
    expect(stored(deps)?.conversation?.answered).toEqual([
      'contact',
      'household',
      'identity-document',
      'income',
    ]);
    expect(nextPrompt(stored(deps) as Application)).toBe('check-answers');
  });

  it('answers field errors for an invalid answer and writes nothing', async () => {
    // Prepare
    const deps = await given();
    const before = stored(deps);

    // Act
    const result = await answer(deps, 'current-home', { postcode: 'nowhere' });

    // Assess
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'addressLine', message: 'Enter your address' },
        { field: 'postcode', message: 'Enter a full UK postcode, like RV1 4AB' },
        { field: 'bedrooms', message: 'Enter how many bedrooms your home has, as a number' },
        { field: 'tenure', message: 'Select how you live there' },
      ],
    });
    expectNothingWritten(deps, before);
  });

  it('records which prompt was answered, and nothing of what the answer said', async () => {
    // Prepare
    const deps = await given();
    const answers: Array<[Parameters<typeof answer>[1], FormAnswers]> = [
      ['name', { firstName: 'Gareth', lastName: 'Pritchard' }],
      ['date-of-birth', { 'dateOfBirth-day': '2', 'dateOfBirth-month': '7', 'dateOfBirth-year': '1988' }],
      ['sex', { sex: 'male' }],
      ['contact', { email: 'gareth.pritchard@example.org', phone: '07700 900 982' }],
      ['immigration-status', { immigrationStatus: 'refugee-or-humanitarian-protection' }],
      ['local-connection', { yearsInArea: '6', exceptions: ['fleeingDomesticAbuse'] }],
      ['income', { monthlyEarnings: '8765.43', monthlyBenefits: '432.10', savings: '9876' }],
      [
        'current-home',
        { addressLine: '12 Mill Lane', postcode: 'RV1 4AB', bedrooms: '1', tenure: 'private-rent' },
      ],
    ];

    // Act
    for (const [prompt, form] of answers) await answer(deps, prompt, form);

    // Assess
    expect(deps.audit.events).toEqual(
      answers.map(([prompt]) => ({
        applicationId,
        at: '2026-11-02T09:30:00.000Z',
        type: 'answered',
        stage: Stage.Eligibility,
        actor: 'applicant',
        facts: { prompt },
      })),
    );
    const audit = JSON.stringify(deps.audit.events);
    const values = answers.flatMap(([, form]) => Object.values(form).flat());
    for (const value of [...values, '1988-07-02', '876543', 'refugee', 'fleeing', 'RV1']) {
      if (value && value.length > 2) expect(audit).not.toContain(value);
    }
  });
});

describe('answerPrompt: who may answer, and when', () => {
  it('answers another applicant’s application as if it did not exist, and writes nothing', async () => {
    // Prepare
    const deps = await given();
    const before = stored(deps);

    // Act
    const run = answerPrompt(deps, {
      applicant: stranger,
      applicationId,
      prompt: 'name',
      form: { firstName: 'Mallory', lastName: 'Intruder' },
    });

    // Assess
    await expect(run).rejects.toThrow(NotFoundError);
    expectNothingWritten(deps, before);
  });

  it('answers an application that does not exist with NotFoundError', async () => {
    // Prepare
    const deps = memoryDeps();

    // Act
    const run = answer(deps, 'sex', { sex: 'female' });

    // Assess
    await expect(run).rejects.toThrow(NotFoundError);
  });

  it.each([
    ['once the answers are sent', { conversation: { answered: ['check-answers'] } }],
    ['once the application has left the Eligibility stage', { stage: Stage.Qualification }],
  ])('refuses a change %s, and writes nothing', async (_when, change) => {
    // Prepare
    const deps = await given(aCompleteApplication(change));
    const before = stored(deps);

    // Act
    const run = answer(deps, 'income', { monthlyEarnings: '0', monthlyBenefits: '0', savings: '0' });

    // Assess
    await expect(run).rejects.toThrow(JourneyStateError);
    await expect(run).rejects.toThrow(/cannot change here/);
    expectNothingWritten(deps, before);
  });
});

describe('addMember', () => {
  const nia = {
    relationship: 'partner',
    firstName: 'Nia',
    lastName: 'Pritchard',
    'dateOfBirth-day': '21',
    'dateOfBirth-month': '1',
    'dateOfBirth-year': '1990',
    sex: 'female',
  };

  it('adds someone to the household with a new member id', async () => {
    // Prepare
    const deps = await given(aCompleteApplication({ profile: { household: household('singleAdult') } }));

    // Act
    const result = await addMember(deps, { applicant: gareth, applicationId, form: nia });

    // Assess
    expect(result).toEqual({ ok: true });
    expect(stored(deps)?.profile.household.map((member) => [member.memberId, member.firstName])).toEqual([
      ['m1', 'Aisha'],
      ['m2', 'Nia'],
    ]);
    expect(deps.audit.events.map((event) => event.facts)).toEqual([{ prompt: 'household' }]);
    expect(JSON.stringify(deps.audit.events)).not.toContain('Nia');
  });

  it('gives the new member an id nobody in the household has, after a removal', async () => {
    // Prepare: m2 was removed, so the household holds m1, m3 and m4.
    const members = household('coupleWithTwoGirls').filter((member) => member.memberId !== 'm2');
    const deps = await given(aCompleteApplication({ profile: { household: members } }));

    // Act
    await addMember(deps, { applicant: gareth, applicationId, form: nia });

    // Assess
    expect(stored(deps)?.profile.household.map((member) => member.memberId)).toEqual([
      'm1',
      'm3',
      'm4',
      'm5',
    ]);
  });

  it('refuses a second partner, beside the relationship, and writes nothing', async () => {
    // Prepare
    const deps = await given(aCompleteApplication());
    const before = stored(deps);

    // Act
    const result = await addMember(deps, { applicant: gareth, applicationId, form: nia });

    // Assess
    expect(result).toEqual({
      ok: false,
      errors: [{ field: 'relationship', message: 'You have already added a partner' }],
    });
    expectNothingWritten(deps, before);
  });

  it('answers field errors for a form with missing details, and writes nothing', async () => {
    // Prepare
    const deps = await given();
    const before = stored(deps);

    // Act
    const result = await addMember(deps, {
      applicant: gareth,
      applicationId,
      form: { ...nia, firstName: '' },
    });

    // Assess
    expect(result).toEqual({
      ok: false,
      errors: [{ field: 'firstName', message: 'Enter their first name' }],
    });
    expectNothingWritten(deps, before);
  });

  it('refuses a household of more than 20 people', async () => {
    // Prepare
    const [applicant, , child] = household('coupleWithTwoGirls');
    const children = Array.from({ length: 19 }, (_, n) => ({ ...child, memberId: `m${n + 2}` }));
    const deps = await given(
      aCompleteApplication({ profile: { household: [applicant, ...children] as HouseholdMember[] } }),
    );

    // Act
    const result = await addMember(deps, {
      applicant: gareth,
      applicationId,
      form: { ...nia, relationship: 'child' },
    });

    // Assess
    expect(result).toEqual({
      ok: false,
      errors: [{ field: 'relationship', message: 'A household can have at most 20 people' }],
    });
  });

  it('answers another applicant’s application with NotFoundError', async () => {
    // Prepare
    const deps = await given();
    const before = stored(deps);

    // Act
    const run = addMember(deps, { applicant: stranger, applicationId, form: nia });

    // Assess
    await expect(run).rejects.toThrow(NotFoundError);
    expectNothingWritten(deps, before);
  });
});

describe('removeMember', () => {
  it('removes someone from the household', async () => {
    // Prepare
    const deps = await given(aCompleteApplication());

    // Act
    await removeMember(deps, { applicant: gareth, applicationId, memberId: 'm3' });

    // Assess
    expect(stored(deps)?.profile.household.map((member) => member.memberId)).toEqual(['m1', 'm2', 'm4']);
    expect(deps.audit.events.map((event) => event.facts)).toEqual([{ prompt: 'household' }]);
  });

  it.each([
    ['the applicant themself', 'm1'],
    ['someone who is not in the household', 'm9'],
  ])('answers NotFoundError for %s, and writes nothing', async (_who, memberId) => {
    // Prepare
    const deps = await given(aCompleteApplication());
    const before = stored(deps);

    // Act
    const run = removeMember(deps, { applicant: gareth, applicationId, memberId });

    // Assess
    await expect(run).rejects.toThrow(NotFoundError);
    expectNothingWritten(deps, before);
  });

  it('answers another applicant’s application with NotFoundError', async () => {
    // Prepare
    const deps = await given(aCompleteApplication());
    const before = stored(deps);

    // Act
    const run = removeMember(deps, { applicant: stranger, applicationId, memberId: 'm3' });

    // Assess
    await expect(run).rejects.toThrow(NotFoundError);
    expectNothingWritten(deps, before);
  });
});

describe('submitAnswers', () => {
  /** The Eligibility stage's answers wait, parked by the workflow as it is in AWS. */
  async function parkAnswersWait(deps: MemoryDeps) {
    const { decisionId } = await awaitPerson(deps, {
      applicationId,
      stage: Stage.Eligibility,
      kind: 'answers',
      waitingFor: WaitingFor.Applicant,
      taskToken,
    });
    deps.audit.events.length = 0;
    return decisionId;
  }

  it('decides the open answers wait, resumes the workflow with submitted and records check-answers', async () => {
    // Prepare
    const deps = await given(readyToSend());
    const decisionId = await parkAnswersWait(deps);

    // Act
    await submitAnswers(deps, { applicant: gareth, applicationId });

    // Assess
    expect(deps.workflow.resumed).toEqual([
      { taskToken, output: { decision: 'submitted', decidedBy: 'applicant' } },
    ]);
    expect(deps.waits.items.get(decisionId)).toMatchObject({
      status: 'decided',
      decision: { decision: 'submitted' },
    });
    const application = stored(deps) as Application;
    expect(application.conversation?.answered).toContain('check-answers');
    expect(answersAreOpen(application)).toBe(false);
    expect(nextPrompt(application)).toBeUndefined();
    expect(deps.audit.events).toEqual([
      expect.objectContaining({
        type: 'decided',
        actor: 'applicant',
        facts: expect.objectContaining({ kind: 'answers' }),
      }),
    ]);
  });

  it('says to try again in a moment when the workflow has not parked its wait yet', async () => {
    // Prepare
    const deps = await given(readyToSend());
    const before = stored(deps);

    // Act
    const run = submitAnswers(deps, { applicant: gareth, applicationId });

    // Assess
    await expect(run).rejects.toThrow(JourneyStateError);
    await expect(run).rejects.toThrow(/Try again in a moment/);
    expect(deps.workflow.resumed).toEqual([]);
    expectNothingWritten(deps, before);
  });

  it('does not take a wait for an officer as the answers wait', async () => {
    // Prepare
    const deps = await given(readyToSend());
    const { decisionId } = await awaitPerson(deps, {
      applicationId,
      stage: Stage.Eligibility,
      kind: 'review',
      waitingFor: WaitingFor.Officer,
      taskToken,
    });

    // Act
    const run = submitAnswers(deps, { applicant: gareth, applicationId });

    // Assess
    await expect(run).rejects.toThrow(/Try again in a moment/);
    expect(deps.waits.items.get(decisionId)?.status).toBe('open');
    expect(deps.workflow.resumed).toEqual([]);
  });

  it('refuses answers with a question still unanswered, and leaves the wait open', async () => {
    // Prepare: sending now would close the answers, and the workflow could never get the missing one.
    const { income: _missing, ...profile } = readyToSend().profile;
    const deps = await given({ ...readyToSend(), profile });
    const decisionId = await parkAnswersWait(deps);
    const before = stored(deps);

    // Act
    const run = submitAnswers(deps, { applicant: gareth, applicationId });

    // Assess
    await expect(run).rejects.toThrow(JourneyStateError);
    await expect(run).rejects.toThrow(/not answered yet/);
    expect(deps.waits.items.get(decisionId)?.status).toBe('open');
    expect(deps.workflow.resumed).toEqual([]);
    expectNothingWritten(deps, before);
  });

  it('refuses to send answers twice', async () => {
    // Prepare
    const deps = await given(readyToSend());
    await parkAnswersWait(deps);
    await submitAnswers(deps, { applicant: gareth, applicationId });

    // Act
    const run = submitAnswers(deps, { applicant: gareth, applicationId });

    // Assess
    await expect(run).rejects.toThrow(JourneyStateError);
    expect(deps.workflow.resumed).toHaveLength(1);
  });

  it('answers another applicant’s application with NotFoundError, and leaves the wait open', async () => {
    // Prepare
    const deps = await given(readyToSend());
    const decisionId = await parkAnswersWait(deps);
    const before = stored(deps);

    // Act
    const run = submitAnswers(deps, { applicant: stranger, applicationId });

    // Assess
    await expect(run).rejects.toThrow(NotFoundError);
    expect(deps.waits.items.get(decisionId)?.status).toBe('open');
    expect(deps.workflow.resumed).toEqual([]);
    expectNothingWritten(deps, before);
  });
});
