import { type Application, Circumstances, type HouseholdMember } from '../../../shared/domain/application';
import { answersAreOpen, type FormAnswers, nextPrompt } from '../../../shared/domain/conversation';
import { Stage, WaitingFor } from '../../../shared/domain/stage';
import { JourneyStateError, NotFoundError } from '../../../shared/ports';
import {
  addMember,
  answerMemberNeeds,
  answerPrompt,
  changeMember,
  removeMember,
  submitAnswers,
} from '../../../shared/services/conversation';
import { awaitPerson } from '../../../shared/services/waits';
import { aCompleteApplication, anApplication, household } from '../../fixtures/applications';
import { type MemoryDeps, memoryDeps } from '../../support/memory';
import { parkAnswersWait } from '../../support/waits';

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
  aCompleteApplication({
    profile: { ...aCompleteApplication().profile, circumstances: Circumstances.parse({}) },
    conversation: { answered: ['contact', 'household', 'identity-document'] },
  });

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
  it('forgets a share code once the applicant says they are British or Irish', async () => {
    // Prepare
    const shareCode = { kind: 'share-code' as const, shareCode: 'W123ABC45', dateOfBirth: '1988-07-02' };
    const withCode = (immigrationStatus: 'limited-leave' | 'indefinite-leave') =>
      anApplication({ profile: { household: [], immigrationStatus, immigrationEvidence: shareCode } });
    const british = await given(withCode('limited-leave'));
    const settled = await given(withCode('limited-leave'));

    // Act
    await answer(british, 'immigration-status', { immigrationStatus: 'british-or-irish' });
    await answer(settled, 'immigration-status', { immigrationStatus: 'indefinite-leave' });

    // Assess
    expect(stored(british)?.profile.immigrationEvidence).toBeUndefined();
    expect(stored(british)?.profile.immigrationStatus).toBe('british-or-irish');
    expect(stored(settled)?.profile.immigrationEvidence).toEqual(shareCode);
  });

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
    await answer(deps, 'income', {
      monthlyEarnings: '£1,800',
      monthlyBenefits: '0',
      savings: '250.50',
      housingSupport: 'universal-credit',
    });

    // Assess
    expect(stored(deps)?.profile.income).toEqual({
      monthlyEarnings: 180_000,
      monthlyBenefits: 0,
      savings: 25_050,
      housingSupport: 'universal-credit',
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
        { field: 'tenure', message: 'Select how you live there' },
        { field: 'addressLine', message: 'Enter your address' },
        { field: 'postcode', message: 'Enter a full UK postcode, like RV1 4AB' },
        { field: 'bedrooms', message: 'Enter how many bedrooms your home has, as a number' },
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
      [
        'local-connection',
        { yearsInArea: '6', links: 'closeFamilyInArea', exceptions: ['fleeingDomesticAbuse'] },
      ],
      [
        'income',
        {
          monthlyEarnings: '8765.43',
          monthlyBenefits: '432.10',
          savings: '9876',
          housingSupport: 'housing-benefit',
        },
      ],
      [
        'current-home',
        { addressLine: '12 Mill Lane', postcode: 'RV1 4AB', bedrooms: '1', tenure: 'private-rent' },
      ],
      ['owns-property', { ownsProperty: 'no' }],
      ['former-arrears', { owesFormerLandlord: 'yes' }],
      ['arrears-details', { formerTenancyArrears: '4321.98', arrearsRepaymentPlanKept: 'yes' }],
      ['behaviour', { unacceptableBehaviour: 'no' }],
      ['homelessness-duty', { homelessnessDuty: 'prevention' }],
      ['disrepair', { disrepair: 'yes' }],
      ['medical-need', { medicalNeed: 'urgent' }],
      ['hardship-move', { hardshipMove: 'no' }],
      ['foster-carer', { fosterCarer: 'yes' }],
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
    for (const value of [
      ...values,
      '1988-07-02',
      '876543',
      '432198',
      'refugee',
      'fleeing',
      'RV1',
      'urgent',
    ]) {
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

  it('holds an application the page read beside the session to the same rule: another’s is refused', async () => {
    // Prepare: the page read Gareth's application while a stranger's session was checked.
    const deps = await given();
    const before = stored(deps) as Application;

    // Act
    const run = answerPrompt(deps, {
      applicant: stranger,
      applicationId,
      prompt: 'name',
      form: { firstName: 'Mallory', lastName: 'Intruder' },
      read: before,
    });

    // Assess
    await expect(run).rejects.toThrow(NotFoundError);
    expectNothingWritten(deps, before);
  });

  it('saves from the application the page read, as the store checks its version', async () => {
    // Prepare
    const deps = await given();
    const read = stored(deps) as Application;

    // Act
    const result = await answerPrompt(deps, {
      applicant: gareth,
      applicationId,
      prompt: 'name',
      form: { firstName: 'Gareth', lastName: 'Pritchard' },
      read,
    });

    // Assess
    expect(result.ok).toBe(true);
    expect(stored(deps)?.version).toBe(read.version + 1);
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

describe('answerPrompt: the circumstances, one question at a time', () => {
  const started = () => readyToSend().profile;

  it('starts the section from its defaults and keeps each answer beside the others', async () => {
    // Prepare
    const { circumstances: _none, ...profile } = started();
    const deps = await given(
      aCompleteApplication({ profile, conversation: { answered: ['contact', 'household'] } }),
    );

    // Act
    await answer(deps, 'owns-property', { ownsProperty: 'yes' });
    await answer(deps, 'homelessness-duty', { homelessnessDuty: 'main' });

    // Assess
    expect(stored(deps)?.profile.circumstances).toEqual({
      ...Circumstances.parse({}),
      ownsProperty: true,
      homelessnessDuty: 'main',
    });
    expect(stored(deps)?.conversation?.answered).toEqual([
      'contact',
      'household',
      'owns-property',
      'homelessness-duty',
    ]);
  });

  it('asks how much rent is owed after yes, then records it; no settles it at nothing', async () => {
    // Prepare
    const { circumstances: _none, ...profile } = started();
    const deps = await given(
      aCompleteApplication({
        profile,
        conversation: { answered: ['contact', 'household', 'owns-property'] },
      }),
    );

    // Act
    await answer(deps, 'former-arrears', { owesFormerLandlord: 'yes' });
    const afterYes = stored(deps) as Application;
    await answer(deps, 'arrears-details', { formerTenancyArrears: '900', arrearsRepaymentPlanKept: 'yes' });
    const afterAmount = stored(deps) as Application;
    await answer(deps, 'former-arrears', { owesFormerLandlord: 'no' });

    // Assess
    expect(nextPrompt(afterYes)).toBe('arrears-details');
    expect(afterAmount.profile.circumstances).toMatchObject({
      formerTenancyArrears: 90_000,
      arrearsRepaymentPlanKept: true,
    });
    expect(nextPrompt(afterAmount)).toBe('behaviour');
    expect(stored(deps)?.profile.circumstances).toMatchObject({
      formerTenancyArrears: 0,
      arrearsRepaymentPlanKept: false,
    });
    expect(stored(deps)?.conversation?.answered).toContain('arrears-details');
    expect(nextPrompt(stored(deps) as Application)).toBe('behaviour');
  });

  it('asks the amount again when a "no" changes to "yes"', async () => {
    // Prepare
    const deps = await given(readyToSend());

    // Act
    await answer(deps, 'former-arrears', { owesFormerLandlord: 'yes' });

    // Assess
    expect(nextPrompt(stored(deps) as Application)).toBe('arrears-details');
  });

  it('writes nothing for an absurd amount owed', async () => {
    // Prepare
    const deps = await given(readyToSend());
    const before = stored(deps);

    // Act
    const result = await answer(deps, 'arrears-details', {
      formerTenancyArrears: '99999999',
      arrearsRepaymentPlanKept: 'no',
    });

    // Assess
    expect(result).toEqual({
      ok: false,
      errors: [{ field: 'formerTenancyArrears', message: 'How much you owe must be £1,000,000 or less' }],
    });
    expectNothingWritten(deps, before);
  });
});

describe('answerPrompt: the household and the applicant’s own needs', () => {
  it('records the applicant’s needs and keeps everyone else as they were', async () => {
    // Prepare
    const [gareth, ...others] = household('coupleWithTwoGirls');
    const deps = await given(aCompleteApplication({ conversation: { answered: ['contact'] } }));

    // Act
    const result = await answer(deps, 'household', {
      needs: ['needsOvernightCarer', 'needsOwnRoomForDisability'],
    });

    // Assess
    expect(result.ok).toBe(true);
    expect(stored(deps)?.profile.household).toEqual([
      { ...gareth, needsOvernightCarer: true, needsOwnRoomForDisability: true },
      ...others,
    ]);
    expect(stored(deps)?.conversation?.answered).toEqual(['contact', 'household']);
  });

  it('asks again, and writes nothing, when nothing is ticked', async () => {
    // Prepare
    const deps = await given(aCompleteApplication());
    const before = stored(deps);

    // Act
    const result = await answer(deps, 'household', {});

    // Assess
    expect(result.ok).toBe(false);
    expectNothingWritten(deps, before);
  });
});

describe('addMember', () => {
  const nia = {
    firstName: 'Nia',
    lastName: 'Pritchard',
    'dateOfBirth-day': '21',
    'dateOfBirth-month': '1',
    'dateOfBirth-year': '1990',
    sex: 'female',
  };
  const add = (deps: MemoryDeps, kind: Parameters<typeof addMember>[1]['kind'], form: FormAnswers) =>
    addMember(deps, { applicant: gareth, applicationId, kind, form });

  it('adds someone to the household with a new member id', async () => {
    // Prepare
    const deps = await given(aCompleteApplication({ profile: { household: household('singleAdult') } }));

    // Act
    const result = await add(deps, 'partner', nia);

    // Assess
    expect(result).toEqual({ ok: true, memberId: 'm2' });
    expect(stored(deps)?.profile.household.map((member) => [member.memberId, member.firstName])).toEqual([
      ['m1', 'Aisha'],
      ['m2', 'Nia'],
    ]);
    expect(deps.audit.events.map((event) => event.facts)).toEqual([{ prompt: 'household' }]);
    expect(JSON.stringify(deps.audit.events)).not.toContain('Nia');
  });

  it('adds a baby we are expecting with the due date and the applicant’s last name', async () => {
    // Prepare
    const deps = await given(aCompleteApplication({ profile: { household: household('singleAdult') } }));

    // Act
    const result = await add(deps, 'expected-baby', {
      'dueDate-day': '14',
      'dueDate-month': '3',
      'dueDate-year': '2027',
      sex: 'female',
    });

    // Assess
    expect(result).toEqual({ ok: true, memberId: 'm2' });
    expect(stored(deps)?.profile.household[1]).toEqual({
      memberId: 'm2',
      relationship: 'child',
      firstName: 'Baby',
      lastName: 'Khan',
      dateOfBirth: '2027-03-14',
      dueDate: '2027-03-14',
      sex: 'female',
      unborn: true,
      needsOwnRoomForDisability: false,
    });
  });

  it('gives the new member an id nobody in the household has, after a removal', async () => {
    // Prepare: m2 was removed, so the household holds m1, m3 and m4.
    const members = household('coupleWithTwoGirls').filter((member) => member.memberId !== 'm2');
    const deps = await given(aCompleteApplication({ profile: { household: members } }));

    // Act
    await add(deps, 'partner', nia);

    // Assess
    expect(stored(deps)?.profile.household.map((member) => member.memberId)).toEqual([
      'm1',
      'm3',
      'm4',
      'm5',
    ]);
  });

  it('refuses a second partner and writes nothing', async () => {
    // Prepare
    const deps = await given(aCompleteApplication());
    const before = stored(deps);

    // Act
    const result = await add(deps, 'partner', nia);

    // Assess
    expect(result).toEqual({
      ok: false,
      errors: [{ field: 'firstName', message: 'You have already added a partner' }],
    });
    expectNothingWritten(deps, before);
  });

  it('answers field errors for a form with missing details, and writes nothing', async () => {
    // Prepare
    const deps = await given();
    const before = stored(deps);

    // Act
    const result = await add(deps, 'partner', { ...nia, firstName: '' });

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
    const result = await add(deps, 'child', nia);

    // Assess
    expect(result).toEqual({
      ok: false,
      errors: [{ field: 'firstName', message: 'A household can have at most 20 people' }],
    });
  });

  it('answers another applicant’s application with NotFoundError', async () => {
    // Prepare
    const deps = await given();
    const before = stored(deps);

    // Act
    const run = addMember(deps, { applicant: stranger, applicationId, kind: 'partner', form: nia });

    // Assess
    await expect(run).rejects.toThrow(NotFoundError);
    expectNothingWritten(deps, before);
  });
});

describe('changeMember', () => {
  const cerys = {
    firstName: 'Cerys',
    lastName: 'Pritchard-Evans',
    'dateOfBirth-day': '9',
    'dateOfBirth-month': '5',
    'dateOfBirth-year': '2014',
    sex: 'female',
  };
  const change = (
    deps: MemoryDeps,
    memberId: string,
    kind: Parameters<typeof changeMember>[1]['kind'],
    form: FormAnswers,
  ) => changeMember(deps, { applicant: gareth, applicationId, memberId, kind, form });

  it('changes someone’s details and keeps their id, place and needs', async () => {
    // Prepare
    const members = household('coupleWithTwoGirls').map((member) =>
      member.memberId === 'm3'
        ? { ...member, needsOwnRoomForDisability: true, needsOvernightCarer: false }
        : member,
    );
    const deps = await given(aCompleteApplication({ profile: { household: members } }));

    // Act
    const result = await change(deps, 'm3', 'child', cerys);

    // Assess
    expect(result).toEqual({ ok: true });
    expect(stored(deps)?.profile.household.map((member) => member.memberId)).toEqual([
      'm1',
      'm2',
      'm3',
      'm4',
    ]);
    expect(stored(deps)?.profile.household[2]).toEqual({
      ...members[2],
      lastName: 'Pritchard-Evans',
    });
  });

  it('turns a baby we were expecting into a child once born, without the due date', async () => {
    // Prepare
    const baby = {
      memberId: 'm2',
      relationship: 'child',
      firstName: 'Baby',
      lastName: 'Khan',
      dateOfBirth: '2026-12-01',
      dueDate: '2026-12-01',
      sex: 'male',
      unborn: true,
      needsOwnRoomForDisability: false,
    } as const;
    const deps = await given(
      aCompleteApplication({ profile: { household: [...household('singleAdult'), baby] } }),
    );

    // Act
    await change(deps, 'm2', 'child', {
      firstName: 'Idris',
      lastName: 'Khan',
      'dateOfBirth-day': '28',
      'dateOfBirth-month': '10',
      'dateOfBirth-year': '2026',
      sex: 'male',
    });

    // Assess
    expect(stored(deps)?.profile.household[1]).toEqual({
      memberId: 'm2',
      relationship: 'child',
      firstName: 'Idris',
      lastName: 'Khan',
      dateOfBirth: '2026-10-28',
      sex: 'male',
      unborn: false,
      needsOwnRoomForDisability: false,
    });
  });

  it('drops the needs that no longer apply when a child is really 17', async () => {
    // Prepare
    const members = household('coupleWithTwoGirls').map((member) =>
      member.memberId === 'm3'
        ? { ...member, needsOwnRoomForDisability: true, needsOvernightCarer: true }
        : member,
    );
    const deps = await given(aCompleteApplication({ profile: { household: members } }));

    // Act
    await change(deps, 'm3', 'child', { ...cerys, 'dateOfBirth-year': '2009' });

    // Assess
    expect(stored(deps)?.profile.household[2]).toMatchObject({
      dateOfBirth: '2009-05-09',
      needsOwnRoomForDisability: false,
      needsOvernightCarer: true,
    });
  });

  it('lets the partner stay the partner, but makes no one else a second partner', async () => {
    // Prepare
    const deps = await given(aCompleteApplication());

    // Act
    const partner = await change(deps, 'm2', 'partner', { ...cerys, 'dateOfBirth-year': '1990' });
    const second = await change(deps, 'm3', 'partner', { ...cerys, 'dateOfBirth-year': '1990' });

    // Assess
    expect(partner).toEqual({ ok: true });
    expect(second).toEqual({
      ok: false,
      errors: [{ field: 'firstName', message: 'You have already added a partner' }],
    });
  });

  it.each([
    ['the applicant', 'm1'],
    ['someone not in the household', 'm9'],
  ])('answers NotFoundError for %s, and writes nothing', async (_who, memberId) => {
    // Prepare
    const deps = await given(aCompleteApplication());
    const before = stored(deps);

    // Act
    const run = change(deps, memberId, 'child', cerys);

    // Assess
    await expect(run).rejects.toThrow(NotFoundError);
    expectNothingWritten(deps, before);
  });

  it('refuses a change once the answers are sent', async () => {
    // Prepare
    const deps = await given(aCompleteApplication({ conversation: { answered: ['check-answers'] } }));

    // Act
    const run = change(deps, 'm3', 'child', cerys);

    // Assess
    await expect(run).rejects.toThrow(JourneyStateError);
  });
});

describe('answerMemberNeeds', () => {
  it('records the needs that can apply to someone', async () => {
    // Prepare
    const deps = await given(aCompleteApplication());

    // Act
    const result = await answerMemberNeeds(deps, {
      applicant: gareth,
      applicationId,
      memberId: 'm4',
      form: { needs: ['needsOwnRoomForDisability'] },
    });

    // Assess
    expect(result).toEqual({ ok: true });
    expect(stored(deps)?.profile.household[3]).toMatchObject({
      firstName: 'Elin',
      needsOwnRoomForDisability: true,
      needsOvernightCarer: false,
    });
    expect(deps.audit.events.map((event) => event.facts)).toEqual([{ prompt: 'household' }]);
  });

  it('answers field errors, and writes nothing, when nothing is ticked', async () => {
    // Prepare
    const deps = await given(aCompleteApplication());
    const before = stored(deps);

    // Act
    const result = await answerMemberNeeds(deps, {
      applicant: gareth,
      applicationId,
      memberId: 'm4',
      form: {},
    });

    // Assess
    expect(result).toEqual({
      ok: false,
      errors: [{ field: 'needs', message: 'Select which of these apply to Elin, or ‘None of these’' }],
    });
    expectNothingWritten(deps, before);
  });

  it('answers another applicant’s application with NotFoundError', async () => {
    // Prepare
    const deps = await given(aCompleteApplication());

    // Act
    const run = answerMemberNeeds(deps, {
      applicant: stranger,
      applicationId,
      memberId: 'm4',
      form: { needs: 'none' },
    });

    // Assess
    await expect(run).rejects.toThrow(NotFoundError);
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
  async function answersWaitParked(deps: MemoryDeps) {
    const decisionId = await parkAnswersWait(deps, { applicationId, taskToken });
    deps.audit.events.length = 0;
    return decisionId;
  }

  it('decides the open answers wait, resumes the workflow with submitted and records check-answers', async () => {
    // Prepare
    const deps = await given(readyToSend());
    const decisionId = await answersWaitParked(deps);

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
    const decisionId = await answersWaitParked(deps);
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
    await answersWaitParked(deps);
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
    const decisionId = await answersWaitParked(deps);
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
