import type { Application, Decision } from '../../../shared/domain/application';
import { composeLetter, letterNumbers, needsLetter } from '../../../shared/domain/letters';
import type { Policy } from '../../../shared/domain/policy';
import { assessQualification } from '../../../shared/domain/qualification';
import { register } from '../../../shared/domain/registration';
import { Stage } from '../../../shared/domain/stage';
import { policyFor } from '../../../shared/policies';
import { aCompleteApplication } from '../../fixtures/applications';

const england = policyFor('riverside-council');
const wales = policyFor('cwm-valley');
const decidedAt = '2026-11-02T09:30:00.000Z';

/** Gareth's household, registered under a policy: one registration decision. */
function registeredUnder(policy: Policy): Application {
  const application = aCompleteApplication({ policyId: policy.policyId, landlordId: policy.landlordId });
  const { registration, decision } = register({
    need: {
      bedrooms: 2,
      reasons: [
        {
          rule: 'bedrooms.couple',
          clause: 'Allocation scheme bedroom standard',
          text: 'One bedroom for you.',
        },
      ],
    },
    currentHome: { postcode: 'RV1 4AB', addressLine: '12 Mill Lane', bedrooms: 1, tenure: 'private-rent' },
    policy,
    decidedAt,
  });
  return { ...application, status: 'registered', registration, decisions: [decision] };
}

/** Gareth, earning over Riverside's income cap: the system refers, and (optionally) an officer closes. */
function overTheIncomeCap(closedByOfficer: boolean): Application {
  const application = aCompleteApplication({
    profile: {
      ...aCompleteApplication().profile,
      income: { monthlyEarnings: 700_000, monthlyBenefits: 0, savings: 0 },
    },
  });
  const localConnection = application.profile.localConnection;
  if (!localConnection) throw new Error('the fixture has a local connection');
  const referral = assessQualification({
    applicant: { dateOfBirth: '1988-07-02' },
    localConnection,
    income: application.profile.income,
    policy: england,
    decidedAt,
  });
  const close: Decision = {
    stage: Stage.Qualification,
    outcome: 'refer',
    reasons: [
      { rule: 'officer.close', clause: 'Officer decision', text: 'Payslips confirm £84,000 a year.' },
    ],
    inputs: {},
    policyVersion: 'riverside-council@2026-04',
    decidedBy: 'officer',
    decidedAt: '2026-11-09T14:00:00.000Z',
    next: 'Your application is closed. We have written to you with the reasons.',
  };
  return {
    ...application,
    status: closedByOfficer ? 'closed' : 'waiting',
    decisions: closedByOfficer ? [referral, close] : [referral],
  };
}

describe('which decisions are told in writing', () => {
  it('writes to a household that joins the register', () => {
    const application = registeredUnder(england);
    expect(letterNumbers(application)).toEqual([0]);
  });

  it('writes no letter for a bare referral: nothing has been decided against the applicant yet', () => {
    const application = overTheIncomeCap(false);
    expect(application.decisions[0]?.outcome).toBe('refer');
    expect(needsLetter(application.decisions[0] as Decision)).toBe(false);
    expect(letterNumbers(application)).toEqual([]);
    expect(composeLetter(application, 0, england)).toBeUndefined();
  });

  it('writes once an officer confirms the adverse decision by closing the case (UK GDPR Art. 22)', () => {
    const application = overTheIncomeCap(true);
    expect(letterNumbers(application)).toEqual([1]);
  });

  it('has no letter for a decision that does not exist', () => {
    expect(composeLetter(registeredUnder(england), 7, england)).toBeUndefined();
  });
});

describe('a registration letter', () => {
  it('gives the band, each ground with its clause, what happens next and the review route in England', () => {
    // Act
    const letter = composeLetter(registeredUnder(england), 0, england);

    // Assess
    expect(letter).toMatchObject({
      kind: 'registration',
      number: 0,
      date: '2026-11-02',
      landlordName: 'Riverside Homes',
      councilName: 'Riverside Council',
      to: { name: 'Gareth Pritchard', address: ['12 Mill Lane', 'RV1 4AB'] },
      review: { clause: 'Housing Act 1996 s166A(9)', withinDays: 21, byDate: '2026-11-23' },
    });
    expect(letter?.summary).toMatch(/band [A-D] from 2026-11-02/);
    expect(letter?.grounds).toEqual(
      expect.arrayContaining([
        { text: expect.stringContaining('overcrowded'), clause: 'Housing Act 1996 s166A(3)(c)' },
        { text: 'One bedroom for you.', clause: 'Allocation scheme bedroom standard' },
      ]),
    );
    for (const ground of letter?.grounds ?? []) expect(ground.clause).not.toBe('');
    expect(letter?.review.text).toContain('Riverside Council');
    expect(letter?.next).toMatch(/offer you a home/);
  });

  it('cites the Welsh review section, and the scheme’s own review period', () => {
    // Prepare: a Welsh scheme that gives 28 days to ask for a review.
    const policy = { ...wales, reviewWithinDays: 28 };

    // Act
    const letter = composeLetter(registeredUnder(policy), 0, policy);

    // Assess
    expect(letter?.review).toMatchObject({
      clause: 'Housing Act 1996 s167(4A)',
      withinDays: 28,
      byDate: '2026-11-30',
    });
    expect(letter?.review.text).toContain('within 28 days');
    expect(letter?.review.text).toContain('s167(4A)');
    expect(letter?.landlordName).toBe('Cwm Valley Homes');
    expect(JSON.stringify(letter)).not.toContain('s166A');
  });
});

describe('the letter after an officer closes the case', () => {
  it('says the household does not qualify, with the referral’s grounds and the officer’s reason', () => {
    // Act
    const letter = composeLetter(overTheIncomeCap(true), 1, england);

    // Assess
    expect(letter).toMatchObject({
      kind: 'closed',
      title: 'You do not qualify to join the housing register',
      date: '2026-11-09',
      review: { clause: 'Housing Act 1996 s166A(9)', withinDays: 21, byDate: '2026-11-30' },
      decidedBy: 'An officer of Riverside Homes made this decision.',
    });
    expect(letter?.summary).toContain('Housing Act 1996 s160ZA(7)');
    const income = letter?.grounds.find((ground) => /income/i.test(ground.text));
    expect(income?.clause).toMatch(/s160ZA\(7\)/);
    // The officer's own words, marked as theirs: the letter's text says whose they are, in its language.
    expect(letter?.grounds.at(-1)).toEqual({
      text: 'Payslips confirm £84,000 a year.',
      clause: 'UK GDPR Art. 22 (an officer made this decision)',
      byOfficer: true,
    });
    // "An officer will check" no longer holds: one has.
    expect(letter?.grounds.some((ground) => ground.clause === 'UK GDPR Art. 22')).toBe(false);
  });

  it('says the case is closed when the officer closed it for another reason (a technical failure)', () => {
    // Prepare: closed from the attention wait at Documents, with no referral before it.
    const application = overTheIncomeCap(true);
    const closing = application.decisions[1] as Decision;
    const closed = { ...application, decisions: [{ ...closing, stage: Stage.Documents }] };

    // Act
    const letter = composeLetter(closed, 0, england);

    // Assess
    expect(letter?.title).toBe('We have closed your application');
    expect(letter?.grounds).toHaveLength(1);
    expect(letter?.review.withinDays).toBe(21);
  });
});
