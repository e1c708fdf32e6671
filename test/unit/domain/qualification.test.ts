import { LocalConnection } from '../../../shared/domain/application';
import { assessQualification } from '../../../shared/domain/qualification';
import { Stage } from '../../../shared/domain/stage';
import { policyFor } from '../../../shared/policies';

const riverside = policyFor('riverside-council');
const cwmValley = policyFor('cwm-valley');
const decidedAt = '2026-11-02T10:00:00.000Z';

/** An applicant aged 32 on the test clock (born 1994-03-14, like Aisha Khan in households.json). */
const adult = { dateOfBirth: '1994-03-14' };

/** A household's income well under Riverside's caps: £2,000 a month and £1,000 saved. */
const income = { monthlyEarnings: 200_000, monthlyBenefits: 0, savings: 100_000 };

/** Answers to the local-connection questions, with the defaults the schema fills in. */
function connection(answers: Partial<LocalConnection> = {}): LocalConnection {
  return LocalConnection.parse({ yearsInArea: 5, ...answers });
}

describe('assessQualification in England (Riverside Council)', () => {
  it('qualifies an adult who has lived in the area for longer than the residence rule asks', () => {
    // Prepare
    const input = {
      applicant: adult,
      localConnection: connection({ yearsInArea: 6 }),
      policy: riverside,
      decidedAt,
    };

    // Act
    const decision = assessQualification({ income, ...input });

    // Assess
    expect(decision.outcome).toBe('qualifies');
    expect(decision.stage).toBe(Stage.Qualification);
    expect(decision.review).toBeUndefined();
    expect(decision.reasons.map((reason) => reason.rule)).toEqual([
      'qualification.minimum-age',
      'qualification.residence',
      'qualification.income-cap',
      'qualification.savings-cap',
      'qualification.home-ownership',
      'qualification.serious-arrears',
      'qualification.unacceptable-behaviour',
    ]);
    expect(decision.reasons.every((reason) => reason.clause === 'Housing Act 1996 s160ZA(7)')).toBe(true);
  });

  it('qualifies someone who has lived in the area for exactly the required 2 years', () => {
    // Prepare
    const input = {
      applicant: adult,
      localConnection: connection({ yearsInArea: 2 }),
      policy: riverside,
      decidedAt,
    };

    // Act
    const decision = assessQualification({ income, ...input });

    // Assess
    expect(decision.outcome).toBe('qualifies');
  });

  it('refers someone with one year less than the residence rule asks, with a s166A(9) review route', () => {
    // Prepare
    const input = {
      applicant: adult,
      localConnection: connection({ yearsInArea: 1 }),
      policy: riverside,
      decidedAt,
    };

    // Act
    const decision = assessQualification({ income, ...input });

    // Assess
    expect(decision.outcome).toBe('refer');
    expect(decision.decidedBy).toBe('system');
    expect(decision.next).toMatch(/officer will check/i);
    expect(decision.review).toEqual({
      route: expect.stringContaining('Housing Act 1996 s166A(9)'),
      withinDays: 21,
    });
    const residence = decision.reasons.find((reason) => reason.rule === 'qualification.residence');
    expect(residence).toMatchObject({ clause: 'Housing Act 1996 s160ZA(7)', answer: '1' });
    expect(residence?.text).toContain('asks for 2 years');
  });

  it('qualifies an applicant whose 18th birthday is the decision date', () => {
    // Prepare
    const input = {
      applicant: { dateOfBirth: '2008-11-02' },
      localConnection: connection(),
      policy: riverside,
      decidedAt: '2026-11-02T00:00:00.000Z',
    };

    // Act
    const decision = assessQualification({ income, ...input });

    // Assess
    expect(decision.outcome).toBe('qualifies');
    expect(decision.reasons[0]?.text).toMatch(/^You are 18\./);
  });

  it('refers an applicant decided on the last moment of the day before their 18th birthday', () => {
    // Prepare
    const input = {
      applicant: { dateOfBirth: '2008-11-02' },
      localConnection: connection(),
      policy: riverside,
      decidedAt: '2026-11-01T23:59:59.999Z',
    };

    // Act
    const decision = assessQualification({ income, ...input });

    // Assess
    expect(decision.outcome).toBe('refer');
    expect(decision.reasons[0]).toMatchObject({ rule: 'qualification.minimum-age', answer: '2008-11-02' });
    expect(decision.reasons[0]?.text).toMatch(/^You are 17\./);
    expect(decision.review?.withinDays).toBe(21);
  });

  it.each([
    {
      flag: 'armedForces',
      clause: 'Allocation of Housing (Qualification Criteria for Armed Forces) (England) Regulations 2012',
    },
    {
      flag: 'rightToMove',
      clause: 'Allocation of Housing (Qualification Criteria for Right to Move) (England) Regulations 2015',
    },
    {
      flag: 'fleeingDomesticAbuse',
      clause:
        'Allocation of Housing (Qualification Criteria for Victims of Domestic Abuse and Care Leavers) (England) Regulations 2025',
    },
    {
      flag: 'careLeaver',
      clause:
        'Allocation of Housing (Qualification Criteria for Victims of Domestic Abuse and Care Leavers) (England) Regulations 2025',
      // The care-leaver exception is for care leavers under 25.
      applicant: { dateOfBirth: '2004-06-01' },
    },
  ] as const)('lifts the residence rule for $flag and cites the instrument it rests on', (exception) => {
    const { flag, clause } = exception;
    // Prepare
    const input = {
      applicant: 'applicant' in exception ? exception.applicant : adult,
      localConnection: connection({ yearsInArea: 0, [flag]: true }),
      policy: riverside,
      decidedAt,
    };

    // Act
    const decision = assessQualification({ income, ...input });

    // Assess
    expect(decision.outcome).toBe('qualifies');
    const residence = decision.reasons.find((reason) => reason.rule.startsWith('qualification.residence'));
    expect(residence?.rule).toBe(`qualification.residence.exception.${flag}`);
    expect(residence?.clause).toContain(clause);
    expect(residence?.text).toContain('2-year residence rule does not apply to you');
  });

  it('holds a care leaver aged 25 or over to the residence rule', () => {
    // Prepare
    const input = {
      applicant: { dateOfBirth: '2001-11-02' },
      localConnection: connection({ yearsInArea: 0, careLeaver: true }),
      policy: riverside,
      decidedAt,
    };

    // Act
    const decision = assessQualification({ income, ...input });

    // Assess
    expect(decision.outcome).toBe('refer');
    expect(decision.reasons.find((reason) => reason.rule.startsWith('qualification.residence'))?.rule).toBe(
      'qualification.residence',
    );
  });

  it('still holds a care leaver who is under age to the age rule', () => {
    // Prepare
    const input = {
      applicant: { dateOfBirth: '2009-05-01' },
      localConnection: connection({ yearsInArea: 0, careLeaver: true }),
      policy: riverside,
      decidedAt,
    };

    // Act
    const decision = assessQualification({ income, ...input });

    // Assess
    expect(decision.outcome).toBe('refer');
    expect(decision.reasons.map((reason) => reason.rule).slice(0, 2)).toEqual([
      'qualification.minimum-age',
      'qualification.residence.exception.careLeaver',
    ]);
  });

  it('records the answers it used and the policy version', () => {
    // Prepare
    const localConnection = connection({ yearsInArea: 3, armedForces: true });
    const input = { applicant: adult, localConnection, policy: riverside, decidedAt };

    // Act
    const decision = assessQualification({ income, ...input });

    // Assess
    expect(decision.policyVersion).toBe('riverside-council@2026-04');
    expect(decision.decidedAt).toBe(decidedAt);
    expect(decision.inputs).toEqual({
      dateOfBirth: '1994-03-14',
      ...localConnection,
      ...income,
      ownsProperty: false,
      formerTenancyArrears: 0,
      arrearsRepaymentPlanKept: false,
      unacceptableBehaviour: false,
    });
  });
});

describe('assessQualification in Wales (Cwm Valley)', () => {
  it('qualifies a 16-year-old new to the area, citing s160A(7) as the only test', () => {
    // Prepare
    const input = {
      applicant: { dateOfBirth: '2010-06-01' },
      localConnection: connection({ yearsInArea: 0 }),
      policy: cwmValley,
      decidedAt,
    };

    // Act
    const decision = assessQualification({ income, ...input });

    // Assess
    expect(decision.outcome).toBe('qualifies');
    expect(decision.review).toBeUndefined();
    expect(decision.reasons).toEqual([
      expect.objectContaining({ rule: 'qualification.local-criteria', clause: 'Housing Act 1996 s160A(7)' }),
      expect.objectContaining({
        rule: 'qualification.unacceptable-behaviour',
        clause: 'Housing Act 1996 s160A(7)',
      }),
    ]);
    expect(decision.policyVersion).toBe('cwm-valley@2026-01');
  });

  it('qualifies even when the policy data carries an age and residence rule, as Welsh schemes may not set them', () => {
    // Prepare
    const strictWelshPolicy = {
      ...cwmValley,
      qualification: { ...cwmValley.qualification, minimumAge: 25, residenceYears: 10 },
    };
    const input = {
      applicant: { dateOfBirth: '2008-01-01' },
      localConnection: connection({ yearsInArea: 1 }),
      policy: strictWelshPolicy,
      decidedAt,
    };

    // Act
    const decision = assessQualification({ income, ...input });

    // Assess
    expect(decision.outcome).toBe('qualifies');
    expect(decision.reasons.map((reason) => reason.clause)).toEqual([
      'Housing Act 1996 s160A(7)',
      'Housing Act 1996 s160A(7)',
    ]);
  });
});

describe('the two shipped policies', () => {
  it('decide differently for a 17-year-old who arrived in the area this year', () => {
    // Prepare
    const applicant = { dateOfBirth: '2009-02-14' };
    const localConnection = connection({ yearsInArea: 0 });

    // Act
    const inEngland = assessQualification({
      applicant,
      localConnection,
      income,
      policy: riverside,
      decidedAt,
    });
    const inWales = assessQualification({ applicant, localConnection, policy: cwmValley, decidedAt });

    // Assess
    expect(riverside).toMatchObject({
      jurisdiction: 'england',
      qualification: { minimumAge: 18, residenceYears: 2 },
    });
    expect(cwmValley).toMatchObject({ jurisdiction: 'wales' });
    expect(inEngland.outcome).toBe('refer');
    expect(inWales.outcome).toBe('qualifies');
  });
});
