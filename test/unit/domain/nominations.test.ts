import { Household } from '../../../shared/domain/application';
import { isAnswered } from '../../../shared/domain/conversation';
import {
  CreateNominationBody,
  decisionDueBy,
  decodeCursor,
  encodeCursor,
  type Nomination,
  nominationStatus,
  profileFromNomination,
} from '../../../shared/domain/nominations';
import { Stage } from '../../../shared/domain/stage';
import { ahmedFamily, darrenCole } from '../../fixtures/nominations';

/** Nominations' pure rules (issue 10): the profile a nomination becomes, its deadline, its status, its cursor. */

const household = (body: unknown) => CreateNominationBody.parse(body).household;

describe('the profile a nomination becomes', () => {
  it('is a valid household with the applicant first and each member numbered as the household pages number them', () => {
    const { profile } = profileFromNomination(household(ahmedFamily));
    expect(Household.safeParse(profile.household).success).toBe(true);
    expect(profile.household.map((member) => [member.memberId, member.relationship])).toEqual([
      ['applicant', 'applicant'],
      ['m2', 'partner'],
      ['m3', 'child'],
      ['m4', 'child'],
    ]);
  });

  it('counts a baby not yet born from its due date, as the household pages record one', () => {
    const { profile } = profileFromNomination(
      household({
        ...darrenCole,
        household: {
          ...darrenCole.household,
          members: [
            {
              relationship: 'child',
              firstName: 'Baby',
              lastName: 'Cole',
              dateOfBirth: '2027-02-01',
              sex: 'female',
              unborn: true,
            },
          ],
        },
      }),
    );
    expect(profile.household[1]).toMatchObject({
      unborn: true,
      dueDate: '2027-02-01',
      dateOfBirth: '2027-02-01',
    });
  });

  it('leaves what the council did not send to be asked: a mobile only is no contact answer', () => {
    const { profile, answered, prefilled } = profileFromNomination(household(darrenCole));
    expect(profile.contact).toBeUndefined();
    expect(answered).toEqual(['homelessness-duty']);
    expect(prefilled).toEqual(['about-you', 'household', 'homelessness-duty']);
    const application = {
      applicationId: 'app_0123456789abcdef0123456789abcdef',
      landlordId: 'riverside-homes',
      ownerId: 'sub_darren',
      policyId: 'riverside-council',
      stage: Stage.Eligibility,
      status: 'in-progress' as const,
      profile,
      documents: [],
      decisions: [],
      conversation: { answered },
      createdAt: '2026-11-02T09:30:00.000Z',
      updatedAt: '2026-11-02T09:30:00.000Z',
      version: 0,
    };
    expect(isAnswered(application, 'name')).toBe(true);
    expect(isAnswered(application, 'homelessness-duty')).toBe(true);
    for (const prompt of [
      'contact',
      'immigration-status',
      'income',
      'current-home',
      'owns-property',
    ] as const)
      expect([prompt, isAnswered(application, prompt)]).toEqual([prompt, false]);
  });
});

describe('the decision’s deadline', () => {
  it('is the nomination’s day plus the agreement’s days, across a month’s end', () => {
    expect(decisionDueBy('2026-11-20T16:45:00.000Z', 14)).toBe('2026-12-04');
  });
});

describe('the status', () => {
  const base = {
    invitedAt: '2026-11-02T09:30:01.000Z',
    applicationId: 'app_0123456789abcdef0123456789abcdef',
  } as Nomination;
  it('follows the household’s application: let is housed, its own withdrawal is withdrawn', () => {
    expect(nominationStatus(base, { status: 'in-progress' })).toBe('applying');
    expect(nominationStatus(base, { status: 'let' })).toBe('housed');
    expect(
      nominationStatus(base, {
        status: 'closed',
        withdrawal: { withdrawnAt: '2026-11-09T10:00:00.000Z', stage: Stage.Registered },
      }),
    ).toBe('withdrawn');
  });
});

describe('the cursor', () => {
  const position = {
    councilId: 'riverside-council',
    createdAt: '2026-11-02T09:30:00.000Z',
    nominationId: 'nom_0123456789abcdef0123456789abcdef',
  };
  it('round-trips for its own council only, and refuses anything else', () => {
    const cursor = encodeCursor(position);
    expect(decodeCursor(cursor, 'riverside-council')).toEqual(position);
    expect(decodeCursor(cursor, 'northbridge-council')).toBeUndefined();
    for (const bad of ['', 'e30', '!!!', Buffer.from('{"councilId":1}').toString('base64url')])
      expect(decodeCursor(bad, 'riverside-council')).toBeUndefined();
  });
});
