import { nextStep, type OpenWait } from '../../../shared/domain/next-steps';
import { Stage, WaitingFor } from '../../../shared/domain/stage';
import { policyFor } from '../../../shared/policies';

const policy = policyFor('riverside-council');
const NOW = '2026-11-29T10:00:00.000Z';

function aWait(overrides: Partial<OpenWait> = {}): OpenWait {
  return {
    kind: 'answers',
    waitingFor: WaitingFor.Applicant,
    stage: Stage.Eligibility,
    deadline: '2027-02-27T10:00:00.000Z',
    ...overrides,
  };
}

const step = (
  waits: OpenWait[],
  status: Parameters<typeof nextStep>[0]['status'] = 'waiting',
  stage = Stage.Documents,
) => nextStep({ status, stage, waits, policy, now: NOW });

describe('nextStep says who the application waits for and how long that should take', () => {
  it('waits for the applicant’s answers, with the day they are due and the policy’s days', () => {
    // Act
    const next = step([aWait()], 'in-progress', Stage.Eligibility);

    // Assess
    expect(next).toMatchObject({
      waitingFor: WaitingFor.Applicant,
      who: 'You',
      what: 'We are waiting for you to finish your answers and send them.',
      deadline: '2027-02-27T10:00:00.000Z',
    });
    expect(next.when).toContain('27 February 2027');
    expect(next.when).toContain(`${policy.waits.applicantAnswersDays} days`);
  });

  it('tells the household how long it has to answer an offer, and what happens if it does not', () => {
    // Act
    const next = step(
      [aWait({ kind: 'response', stage: Stage.ApplicantResponse, deadline: '2026-12-06T10:00:00.000Z' })],
      'offered',
    );

    // Assess
    expect(next.waitingFor).toBe(WaitingFor.Applicant);
    expect(next.when).toBe(
      `You have ${policy.waits.offerResponseDays} days from the offer to answer: until 6 December 2026. If we do not hear from you by then, the offer counts as refused and the home goes to the next household.`,
    );
  });

  it('says an officer is checking the offer, with the officers’ days from the policy and what happens if they are late', () => {
    // Act
    const next = step(
      [
        aWait({
          kind: 'approval',
          waitingFor: WaitingFor.Officer,
          stage: Stage.OfficerApproval,
          deadline: '2026-12-09T10:00:00.000Z',
        }),
      ],
      'offered',
    );

    // Assess
    expect(next).toMatchObject({
      waitingFor: WaitingFor.Officer,
      who: 'A lettings officer',
      what: 'An officer is checking the offer of a home to you before we send it.',
      when: `Officers have ${policy.waits.officerDecisionDays} days to do this: by 9 December 2026. If it takes longer, a senior officer takes it over.`,
    });
  });

  it('names a senior officer, with their days, when the wait went to one', () => {
    // Act
    const next = step(
      [aWait({ kind: 'approval', waitingFor: WaitingFor.SeniorOfficer, stage: Stage.OfficerApproval })],
      'offered',
    );

    // Assess
    expect(next.who).toBe('A senior lettings officer');
    expect(next.when).toContain(`${policy.waits.seniorDecisionDays} days`);
  });

  it('puts what the applicant can do first when an officer also has something open', () => {
    // Act
    const next = step([
      aWait({ kind: 'review', waitingFor: WaitingFor.Officer, deadline: '2026-12-01T10:00:00.000Z' }),
      aWait({ kind: 'answers', stage: Stage.Documents }),
    ]);

    // Assess
    expect(next).toMatchObject({ who: 'You', what: 'We are waiting for you to send what we asked for.' });
  });

  it('does not promise a day that has passed: it says the wait is late', () => {
    // Act
    const next = step([
      aWait({ kind: 'review', waitingFor: WaitingFor.Officer, deadline: '2026-11-20T10:00:00.000Z' }),
    ]);

    // Assess
    expect(next.when).toBe(
      'This should have been done by 20 November 2026. It is taking longer than it should; we are sorry for the wait.',
    );
  });

  it('says a review the applicant asked for is with an officer, due by the day the policy’s days give', () => {
    // Act
    const next = nextStep({
      status: 'registered',
      stage: Stage.Registered,
      waits: [],
      policy,
      now: NOW,
      openReview: { dueBy: '2027-01-24' },
    });

    // Assess
    expect(next).toMatchObject({
      waitingFor: WaitingFor.Officer,
      who: 'A lettings officer who did not make the decision',
      when: `Reviews are decided within ${policy.reviewDecisionDays} days of asking: by 24 January 2027.`,
    });
  });

  it('says a review of a closed case is still being decided', () => {
    // Act
    const next = nextStep({
      status: 'closed',
      stage: Stage.Qualification,
      waits: [],
      policy,
      now: NOW,
      openReview: {},
    });

    // Assess
    expect(next).toMatchObject({
      what: 'An officer is reviewing the decision you asked us to look at again.',
      when: `Reviews are decided within ${policy.reviewDecisionDays} days of asking.`,
    });
  });

  it('says a review is late once its day has passed, without promising another', () => {
    // Act
    const next = nextStep({
      status: 'registered',
      stage: Stage.Registered,
      waits: [],
      policy,
      now: NOW,
      openReview: { dueBy: '2026-11-20' },
    });

    // Assess
    expect(next.when).toBe(
      'This should have been decided by 20 November 2026. It is taking longer than it should; we are sorry for the wait.',
    );
  });

  it('waits for a home, without a date, once registered with nothing open', () => {
    // Act
    const next = step([], 'registered', Stage.Registered);

    // Assess
    expect(next).toMatchObject({ waitingFor: 'nobody', who: 'A home that fits your household' });
    expect(next.when).toContain('Nobody can say exactly when');
    expect(next.deadline).toBeUndefined();
  });

  it('says Doorstep is working when no person is awaited between stages', () => {
    // Act
    const next = step([], 'waiting', Stage.Verification);

    // Assess
    expect(next).toMatchObject({ waitingFor: 'nobody', who: 'Doorstep, automatically' });
  });

  it.each([
    ['closed' as const, 'This application is closed.'],
    ['let' as const, 'You have moved in: nothing else is needed.'],
  ])('waits for nobody once %s', (status, what) => {
    // Act
    const next = step([aWait()], status);

    // Assess
    expect(next).toEqual({ waitingFor: 'nobody', who: 'Nobody', what });
  });
});
