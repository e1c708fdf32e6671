import type { HouseholdMember } from '../../../shared/domain/application';
import {
  allocationBedroomNeed,
  bedroomNeed,
  reachedStatePensionAge,
  type SizeCriteriaNeed,
  sizeCriteriaNeed,
  underOccupancy,
} from '../../../shared/domain/bedrooms';
import { addDays } from '../../../shared/domain/dates';
import { policyFor } from '../../../shared/policies';
import { household as fixture } from '../../fixtures/applications';
import {
  aged,
  birthdayToday,
  boy,
  expected,
  girl,
  household,
  partner,
  person,
  TODAY,
  you,
} from '../../support/households';

const riverside = policyFor('riverside-council');
const cwmValley = policyFor('cwm-valley');

/** The four needs of one household on the test day: both size criteria, both councils' allocation standards. */
function needs(members: readonly HouseholdMember[], fosterCarer = false) {
  return {
    hb: sizeCriteriaNeed({ household: members, on: TODAY, scheme: 'housing-benefit', fosterCarer }),
    uc: sizeCriteriaNeed({ household: members, on: TODAY, scheme: 'universal-credit', fosterCarer }),
    riverside: allocationBedroomNeed({ household: members, on: TODAY, policy: riverside }),
    cwm: allocationBedroomNeed({ household: members, on: TODAY, policy: cwmValley }),
  };
}

interface Row {
  rule: string;
  members: HouseholdMember[];
  fosterCarer?: boolean;
  /** Bedrooms under HB and UC size criteria, Riverside's standard (same sex under 16) and Cwm Valley's (under 21). */
  hb: number;
  uc: number;
  riverside: number;
  cwm: number;
}

const lodger = (extra: Partial<HouseholdMember> = {}) => person('lodger', 'Pat', 'male', aged(30), extra);

const table: Row[] = [
  {
    rule: 'B13(5)(b), para 10(1)(a): a single adult has one bedroom',
    members: [you()],
    hb: 1,
    uc: 1,
    riverside: 1,
    cwm: 1,
  },
  {
    rule: 'B13(5)(a), para 10(1)(a): a couple share one bedroom',
    members: [you(), partner()],
    hb: 1,
    uc: 1,
    riverside: 1,
    cwm: 1,
  },
  {
    rule: 'B13(5)(c), para 10(1)(d): two girls 12 and 15 share',
    members: [you(), girl('Cerys', 12), girl('Elin', 15)],
    hb: 2,
    uc: 2,
    riverside: 2,
    cwm: 2,
  },
  {
    rule: 'B13(5)(c): two boys of 3 and 14 share',
    members: [you(), boy('Rhys', 3), boy('Owen', 14)],
    hb: 2,
    uc: 2,
    riverside: 2,
    cwm: 2,
  },
  {
    rule: 'B13(5)(d), para 10(1)(e): a boy of 7 and a girl of 9 share while both are under 10',
    members: [you(), boy('Tobi', 7), girl('Ada', 9)],
    hb: 2,
    uc: 2,
    riverside: 2,
    cwm: 2,
  },
  {
    rule: 'B13(5)(e): a girl of exactly 10 is no longer under 10, so she and her brother of 6 have a room each',
    members: [you(), person('child', 'Zofia', 'female', birthdayToday(10)), boy('Kuba', 6)],
    hb: 3,
    uc: 3,
    riverside: 3,
    cwm: 3,
  },
  {
    rule: 'B13(5)(d): the day before her 10th birthday she still shares with her brother of 6',
    members: [you(), person('child', 'Zofia', 'female', addDays(birthdayToday(10), 1)), boy('Kuba', 6)],
    hb: 2,
    uc: 2,
    riverside: 2,
    cwm: 2,
  },
  {
    rule: 'B13(5)(b), para 10(1)(b): a boy of exactly 16 is no longer a child; his brother of 12 has a room too (Cwm Valley: brothers under 21 share)',
    members: [you(), person('child', 'Rhys', 'male', birthdayToday(16)), boy('Owen', 12)],
    hb: 3,
    uc: 3,
    riverside: 3,
    cwm: 2,
  },
  {
    rule: 'B13(5)(c): the day before his 16th birthday the brothers share',
    members: [you(), person('child', 'Rhys', 'male', addDays(birthdayToday(16), 1)), boy('Owen', 12)],
    hb: 2,
    uc: 2,
    riverside: 2,
    cwm: 2,
  },
  {
    rule: 'B13(5)(d): twins, a boy and a girl of 4, share',
    members: [you(), boy('Tom', 4), girl('Tia', 4)],
    hb: 2,
    uc: 2,
    riverside: 2,
    cwm: 2,
  },
  {
    rule: 'B13(5)(c) and (e): girl twins of 11 share; their brother of 11 has a room',
    members: [you(), girl('Ela', 11), girl('Ola', 11), boy('Jan', 11)],
    hb: 3,
    uc: 3,
    riverside: 3,
    cwm: 3,
  },
  {
    rule: 'fewest rooms: girls of 8 and 13 and boys of 7 and 12 pair by sex (pairing in list order would need one more)',
    members: [you(), girl('Amina', 8), boy('Yusuf', 7), boy('Omar', 12), girl('Maryam', 13)],
    hb: 3,
    uc: 3,
    riverside: 3,
    cwm: 3,
  },
  {
    rule: 'fewest rooms: a boy of 13, a girl of 7 and a boy of 6 need two child rooms',
    members: [you(), boy('Daniel', 13), girl('Grace', 7), boy('Sam', 6)],
    hb: 3,
    uc: 3,
    riverside: 3,
    cwm: 3,
  },
  {
    rule: 'fewest rooms: girls of 3, 5 and 14 and a boy of 4: the boy shares with a young girl, the girl of 14 with the other',
    members: [you(), girl('Ana', 3), girl('Bea', 5), girl('Cai', 14), boy('Dai', 4)],
    hb: 3,
    uc: 3,
    riverside: 3,
    cwm: 3,
  },
  {
    rule: 'fewest rooms: three brothers of 5, 7 and 9 and a sister of 8 need two rooms',
    members: [you(), boy('Ed', 5), boy('Fin', 7), boy('Gus', 9), girl('Hal', 8)],
    hb: 3,
    uc: 3,
    riverside: 3,
    cwm: 3,
  },
  {
    rule: 'B13(5)(e): a girl of 12 and a boy of 11 each have a room',
    members: [you(), girl('Iris', 12), boy('Jac', 11)],
    hb: 3,
    uc: 3,
    riverside: 3,
    cwm: 3,
  },
  {
    rule: 'unborn: a baby due in 8 weeks is not counted by the size criteria nor by Riverside (once born); Cwm Valley counts it (12 weeks before)',
    members: [you(), expected('Baby', 'female', 56)],
    hb: 1,
    uc: 1,
    riverside: 1,
    cwm: 2,
  },
  {
    rule: 'unborn: a baby due in 20 weeks is not yet counted by Cwm Valley',
    members: [you(), expected('Baby', 'female', 140)],
    hb: 1,
    uc: 1,
    riverside: 1,
    cwm: 1,
  },
  {
    rule: 'unborn: Cwm Valley counts a baby from exactly 12 weeks before the due date',
    members: [you(), expected('Baby', 'female', 84)],
    hb: 1,
    uc: 1,
    riverside: 1,
    cwm: 2,
  },
  {
    rule: 'unborn: under Cwm Valley a baby due in 8 weeks shares with a sister of 3',
    members: [you(), girl('Lili', 3), expected('Baby', 'male', 56)],
    hb: 2,
    uc: 2,
    riverside: 2,
    cwm: 2,
  },
  {
    rule: 'unborn: under Cwm Valley a girl due in 8 weeks cannot share with a brother of 12',
    members: [you(), boy('Aled', 12), expected('Baby', 'female', 56)],
    hb: 2,
    uc: 2,
    riverside: 2,
    cwm: 3,
  },
  {
    rule: 'lodger: HB counts a lodger (B13(5)(b)); UC does not (para 9(2)(d)); nor do the allocation schemes',
    members: [you(), lodger()],
    hb: 2,
    uc: 1,
    riverside: 1,
    cwm: 1,
  },
  {
    rule: 'lodger: a couple with a boy of 5 and a lodger',
    members: [you(), partner(), boy('Ben', 5), lodger()],
    hb: 3,
    uc: 2,
    riverside: 2,
    cwm: 2,
  },
  {
    rule: 'foster carer: one more bedroom under the size criteria (B13(6)(b), para 12(1)(b)); not in the allocation standard',
    members: [you()],
    fosterCarer: true,
    hb: 2,
    uc: 2,
    riverside: 1,
    cwm: 1,
  },
  {
    rule: 'overnight carer for the applicant (B13(6)(a), para 12(A1))',
    members: [you({ needsOvernightCarer: true })],
    hb: 2,
    uc: 2,
    riverside: 2,
    cwm: 2,
  },
  {
    rule: 'overnight carer for a disabled boy of 8 (B13(6)(a) as amended by SI 2017/213, para 12(A1))',
    members: [you(), boy('Cai', 8, { needsOvernightCarer: true })],
    hb: 3,
    uc: 3,
    riverside: 3,
    cwm: 3,
  },
  {
    rule: 'overnight carer: one room however many in the household need one (B13(7))',
    members: [
      you({ needsOvernightCarer: true }),
      partner({ needsOvernightCarer: true }),
      boy('Cai', 8, { needsOvernightCarer: true }),
    ],
    hb: 3,
    uc: 3,
    riverside: 3,
    cwm: 3,
  },
  {
    rule: 'overnight carer: a lodger is neither a relevant person (B13(9)) nor in the UC benefit unit, so no carer room',
    members: [you(), lodger({ needsOvernightCarer: true })],
    hb: 2,
    uc: 1,
    riverside: 1,
    cwm: 1,
  },
  {
    rule: 'foster carer who needs an overnight carer: two extra rooms under the size criteria',
    members: [you({ needsOvernightCarer: true })],
    fosterCarer: true,
    hb: 3,
    uc: 3,
    riverside: 2,
    cwm: 2,
  },
  {
    rule: 'disabled partner who cannot share (B13(5)(za) and (zb), para 12(1)(d))',
    members: [you(), partner({ needsOwnRoomForDisability: true })],
    hb: 2,
    uc: 2,
    riverside: 2,
    cwm: 2,
  },
  {
    rule: 'disabled child (B13(5)(ba), para 12(1)(c)): a girl of 8 cannot share with her sister of 5',
    members: [you(), partner(), girl('Lily', 8, { needsOwnRoomForDisability: true }), girl('Rosie', 5)],
    hb: 3,
    uc: 3,
    riverside: 3,
    cwm: 3,
  },
  {
    rule: 'disabled children: two sisters of 6 and 4 who cannot share have a room each',
    members: [
      you(),
      girl('Mali', 6, { needsOwnRoomForDisability: true }),
      girl('Nel', 4, { needsOwnRoomForDisability: true }),
    ],
    hb: 3,
    uc: 3,
    riverside: 3,
    cwm: 3,
  },
  {
    rule: 'a disabled partner and a baby due tomorrow: only Cwm Valley counts the baby',
    members: [you(), partner({ needsOwnRoomForDisability: true }), expected('Baby', 'male', 1)],
    hb: 2,
    uc: 2,
    riverside: 2,
    cwm: 3,
  },
  {
    rule: 'away student: a son of 19 away studying keeps his room',
    members: [you(), partner(), boy('Osian', 19, { awayStudent: true })],
    hb: 2,
    uc: 2,
    riverside: 2,
    cwm: 2,
  },
  {
    rule: 'away student: brothers of 19 (away) and 17 each have a room; Cwm Valley lets same-sex children under 21 share',
    members: [you(), boy('Osian', 19, { awayStudent: true }), boy('Pryderi', 17)],
    hb: 3,
    uc: 3,
    riverside: 3,
    cwm: 2,
  },
  {
    rule: 'away student: a daughter of 18 away studying and her sister of 15 each have a room; Cwm Valley lets them share',
    members: [you(), girl('Seren', 18, { awayStudent: true }), girl('Tegan', 15)],
    hb: 3,
    uc: 3,
    riverside: 3,
    cwm: 2,
  },
  {
    rule: 'armed forces: a son of 20 away on operations keeps his room (B13(8), para 11)',
    members: [you(), boy('Huw', 20, { awayArmedForces: true })],
    hb: 2,
    uc: 2,
    riverside: 2,
    cwm: 2,
  },
  {
    rule: 'armed forces: a nephew away on operations is not a son or stepchild, so the size criteria do not count him; the schemes do',
    members: [you(), person('other-adult', 'Lee', 'male', aged(25), { awayArmedForces: true })],
    hb: 1,
    uc: 1,
    riverside: 2,
    cwm: 2,
  },
  {
    rule: 'B13(5)(b), para 10(1)(c): each other adult has a room (a couple and a grandmother of 70)',
    members: [you(), partner(), person('other-adult', 'Mair', 'female', aged(70))],
    hb: 2,
    uc: 2,
    riverside: 2,
    cwm: 2,
  },
  {
    rule: 'daughters of 17 and 19: a room each under the size criteria and Riverside; Cwm Valley (same sex under 21) lets them share',
    members: [you(), girl('Nia', 17), girl('Non', 19)],
    hb: 3,
    uc: 3,
    riverside: 3,
    cwm: 2,
  },
  {
    rule: 'Cwm Valley: daughters of 20 and exactly 21 do not share (21 is not under 21)',
    members: [you(), girl('Nia', 20), person('child', 'Non', 'female', birthdayToday(21))],
    hb: 3,
    uc: 3,
    riverside: 3,
    cwm: 3,
  },
  {
    rule: 'Cwm Valley: a brother of 18 and a sister of 12 do not share (mixed sexes only under 10)',
    members: [you(), boy('Iwan', 18), girl('Gwen', 12)],
    hb: 3,
    uc: 3,
    riverside: 3,
    cwm: 3,
  },
  {
    rule: 'exactly 16 and exactly 10 on the same day: sisters of 16 and 10 and a brother of 9',
    members: [
      you(),
      person('child', 'Cari', 'female', birthdayToday(16)),
      person('child', 'Dwynwen', 'female', birthdayToday(10)),
      boy('Emyr', 9),
    ],
    hb: 4,
    uc: 4,
    riverside: 4,
    cwm: 3,
  },
  {
    rule: 'B13(5)(c): a niece of 14 (another adult by relationship, a child by age) shares with a daughter of 12',
    members: [you(), person('other-adult', 'Ffion', 'female', aged(14)), girl('Gwen', 12)],
    hb: 2,
    uc: 2,
    riverside: 2,
    cwm: 2,
  },
  {
    rule: 'State Pension age does not change the size criteria count: a couple of 70 and 72 need one room',
    members: [you({}, aged(70)), partner({}, aged(72))],
    hb: 1,
    uc: 1,
    riverside: 1,
    cwm: 1,
  },
  {
    rule: '20-person household: a couple, a lodger, a grandmother and 16 children, one of them disabled',
    members: [
      you(),
      partner(),
      lodger(),
      person('other-adult', 'Mair', 'female', aged(72)),
      ...[15, 14, 12, 9, 7, 3, 1].map((years, n) => girl(`Girl${n}`, years)),
      ...[15, 13, 11, 8, 6, 4, 2, 0].map((years, n) => boy(`Boy${n}`, years)),
      boy('Cai', 9, { needsOwnRoomForDisability: true }),
    ],
    hb: 12,
    uc: 11,
    riverside: 11,
    cwm: 11,
  },
];

describe('bedroom need: the size criteria and both councils’ allocation standards', () => {
  it('has at least 40 households in the table', () => {
    expect(table.length).toBeGreaterThanOrEqual(40);
  });

  it.each(table)('$rule', ({ members, fosterCarer, hb, uc, riverside: r, cwm }) => {
    // Prepare
    const numbered = household(...members);

    // Act
    const need = needs(numbered, fosterCarer);

    // Assess
    expect({
      hb: need.hb.bedrooms,
      uc: need.uc.bedrooms,
      riverside: need.riverside.bedrooms,
      cwm: need.cwm.bedrooms,
    }).toEqual({ hb, uc, riverside: r, cwm });
  });

  it.each(table)('cites the right source in every reason: $rule', ({ members, fosterCarer }) => {
    // Prepare
    const numbered = household(...members);

    // Act
    const need = needs(numbered, fosterCarer);

    // Assess
    for (const reason of need.hb.reasons)
      expect(reason.clause).toMatch(/^Housing Benefit Regulations 2006 reg B13\(/);
    for (const reason of need.uc.reasons)
      expect(reason.clause).toMatch(/^Universal Credit Regulations 2013 Sch 4 para/);
    for (const reason of need.riverside.reasons) {
      expect(reason.clause).toMatch(
        /^Riverside Council allocation scheme \(policy riverside-council@2026-04\): /,
      );
    }
    for (const reason of need.cwm.reasons) {
      expect(reason.clause).toMatch(
        /^Cwm Valley County Borough Council allocation scheme \(policy cwm-valley@2026-01\): /,
      );
    }
    for (const reason of Object.values(need).flatMap((one) => one.reasons)) {
      expect(reason.rule).toMatch(/^bedrooms\./);
      expect(reason.text.length).toBeGreaterThan(10);
    }
  });
});

describe('sizeCriteriaNeed: the reasons name each room and the clause it rests on', () => {
  it('explains two girls sharing under HB reg B13(5)(c) and UC Sch 4 para 10(1)(d)', () => {
    // Prepare
    const members = fixture('coupleWithTwoGirls');

    // Act
    const need = needs(members);

    // Assess
    const share = {
      rule: 'bedrooms.children-share',
      text: 'Cerys and Elin can share a bedroom because they are the same sex and under 16.',
    };
    expect(need.hb.reasons).toEqual([
      {
        rule: 'bedrooms.couple',
        clause: 'Housing Benefit Regulations 2006 reg B13(5)(a)',
        text: 'One bedroom for you and your partner.',
      },
      { ...share, clause: 'Housing Benefit Regulations 2006 reg B13(5)(c)' },
    ]);
    expect(need.uc.reasons).toEqual([
      {
        rule: 'bedrooms.couple',
        clause: 'Universal Credit Regulations 2013 Sch 4 para 10(1)(a)',
        text: 'One bedroom for you and your partner.',
      },
      { ...share, clause: 'Universal Credit Regulations 2013 Sch 4 para 10(1)(d)' },
    ]);
    expect(need.riverside.reasons[1]).toEqual({
      ...share,
      clause:
        'Riverside Council allocation scheme (policy riverside-council@2026-04): children of the same sex share while both are under 16',
    });
  });

  it('cites the under-10 category for a brother and sister, HB reg B13(5)(d) and UC para 10(1)(e)', () => {
    // Prepare
    const members = fixture('loneParentBoyAndGirlUnderTen');

    // Act
    const need = needs(members);

    // Assess
    const text = 'Tobi and Ada can share a bedroom because they are both under 10.';
    expect(need.hb.reasons).toContainEqual({
      rule: 'bedrooms.children-share',
      clause: 'Housing Benefit Regulations 2006 reg B13(5)(d)',
      text,
    });
    expect(need.uc.reasons).toContainEqual({
      rule: 'bedrooms.children-share',
      clause: 'Universal Credit Regulations 2013 Sch 4 para 10(1)(e)',
      text,
    });
  });

  it('pairs the four children by sex and names who shares with whom', () => {
    // Prepare: Amina (8) could share with Yusuf (7), but then Omar (12) and Maryam (13) could not share.
    const members = fixture('fourChildrenGreedyPairingFails');

    // Act
    const need = needs(members).hb;

    // Assess
    expect(need.bedrooms).toBe(3);
    expect(
      need.reasons.filter((reason) => reason.rule === 'bedrooms.children-share').map((reason) => reason.text),
    ).toEqual([
      'Amina and Maryam can share a bedroom because they are the same sex and under 16.',
      'Yusuf and Omar can share a bedroom because they are the same sex and under 16.',
    ]);
  });

  it('counts a lodger for Housing Benefit and says why Universal Credit does not', () => {
    // Prepare
    const members = household(you(), lodger());

    // Act
    const need = needs(members);

    // Assess
    expect(need.hb.reasons[1]).toEqual({
      rule: 'bedrooms.lodger',
      clause: 'Housing Benefit Regulations 2006 reg B13(5)(b)',
      text: 'One bedroom for Pat, your lodger: Housing Benefit counts everyone who lives in the home.',
    });
    expect(need.uc.reasons[1]).toEqual({
      rule: 'bedrooms.lodger',
      clause: 'Universal Credit Regulations 2013 Sch 4 para 9(2)(d)',
      text: 'We do not count Pat, your lodger: Universal Credit does not give a bedroom for someone who pays you to live in the home.',
    });
  });

  it('gives a couple who cannot share two rooms in one HB category, and a room plus an additional room in UC', () => {
    // Prepare
    const members = household(you(), partner({ needsOwnRoomForDisability: true }));

    // Act
    const need = needs(members);

    // Assess
    expect(need.hb.reasons).toEqual([
      expect.objectContaining({
        rule: 'bedrooms.couple.disabled',
        clause: 'Housing Benefit Regulations 2006 reg B13(5)(za) and (zb)',
      }),
    ]);
    expect(need.uc.reasons.map((reason) => reason.clause)).toEqual([
      'Universal Credit Regulations 2013 Sch 4 para 10(1)(a)',
      'Universal Credit Regulations 2013 Sch 4 para 12(1)(d) and (6A)',
    ]);
  });

  it('cites the disabled-child category in HB (B13(5)(ba)) and the disabled child condition in UC (para 12(1)(c))', () => {
    // Prepare
    const members = fixture('disabledChildAndSister');

    // Act
    const need = needs(members);

    // Assess
    expect(need.hb.reasons).toContainEqual({
      rule: 'bedrooms.disabled-child',
      clause: 'Housing Benefit Regulations 2006 reg B13(5)(ba)',
      text: 'One bedroom for Lily, who cannot share because of a disability.',
    });
    expect(need.uc.reasons).toContainEqual(
      expect.objectContaining({
        rule: 'bedrooms.disabled-child',
        clause: 'Universal Credit Regulations 2013 Sch 4 para 12(1)(c) and (6)',
      }),
    );
  });

  it('gives a foster carer one more room, citing HB reg B13(6)(b) and UC Sch 4 para 12(1)(b)', () => {
    // Prepare
    const members = household(you());

    // Act
    const need = needs(members, true);

    // Assess
    expect(need.hb.reasons.at(-1)).toMatchObject({
      rule: 'bedrooms.foster-carer',
      clause: 'Housing Benefit Regulations 2006 reg B13(6)(b)',
    });
    expect(need.uc.reasons.at(-1)).toMatchObject({
      rule: 'bedrooms.foster-carer',
      clause: 'Universal Credit Regulations 2013 Sch 4 para 12(1)(b), (4) and (5)',
    });
  });

  it('names who the overnight carer looks after and cites the 2017 amendment for a child', () => {
    // Prepare
    const members = household(you(), boy('Cai', 8, { needsOvernightCarer: true }));

    // Act
    const need = needs(members);

    // Assess
    expect(need.hb.reasons.at(-1)).toEqual({
      rule: 'bedrooms.overnight-carer',
      clause: 'Housing Benefit Regulations 2006 reg B13(6)(a) and (7) (as amended by SI 2017/213)',
      text: 'One more bedroom for a carer who stays overnight to look after Cai. The carer does not live with you.',
    });
    expect(need.uc.reasons.at(-1)?.clause).toBe('Universal Credit Regulations 2013 Sch 4 para 12(A1)');
  });

  it('keeps a room for a son away on operations (HB reg B13(8)) and says why a nephew does not keep one', () => {
    // Prepare
    const son = household(you(), boy('Huw', 20, { awayArmedForces: true }));
    const nephew = household(
      you(),
      person('other-adult', 'Lee', 'male', aged(25), { awayArmedForces: true }),
    );

    // Act
    const forSon = needs(son).hb;
    const forNephew = needs(nephew).hb;

    // Assess
    expect(forSon.reasons[1]).toEqual({
      rule: 'bedrooms.armed-forces',
      clause: 'Housing Benefit Regulations 2006 reg B13(5)(b) and (8)',
      text: 'One bedroom for Huw, who is away on armed forces operations and means to come back.',
    });
    expect(forNephew.reasons[1]).toMatchObject({
      rule: 'bedrooms.away',
      clause: 'Housing Benefit Regulations 2006 reg B13(8)',
    });
  });

  it('says an unborn child is not counted, by name', () => {
    // Prepare
    const members = fixture('singleParentExpecting');

    // Act
    const need = needs(members).hb;

    // Assess
    expect(need.bedrooms).toBe(1);
    expect(need.reasons).toEqual([
      expect.objectContaining({ rule: 'bedrooms.adult', text: 'One bedroom for you.' }),
      expect.objectContaining({
        rule: 'bedrooms.unborn',
        clause: 'Housing Benefit Regulations 2006 reg B13(5)',
      }),
    ]);
  });

  it('marks a Housing Benefit couple at State Pension age, and never a Universal Credit household', () => {
    // Prepare
    const members = household(you({}, aged(70)), partner({}, aged(60)));

    // Act
    const need = needs(members);

    // Assess
    expect(need.hb.pensionAge).toBe(true);
    expect(need.uc.pensionAge).toBe(false);
    expect(needs(household(you(), partner())).hb.pensionAge).toBe(false);
  });

  it('keeps bedroomNeed as the Housing Benefit size criteria for older callers', () => {
    // Prepare
    const members = fixture('coupleExpectingWithAdultSon');

    // Act
    const need = bedroomNeed(members, TODAY);

    // Assess
    expect(need).toEqual(sizeCriteriaNeed({ household: members, on: TODAY, scheme: 'housing-benefit' }));
    expect(need.bedrooms).toBe(3);
  });
});

describe('allocationBedroomNeed: reasons cite the council’s scheme', () => {
  it('says when Riverside (only once born) and Cwm Valley (12 weeks before) count a baby due in 8 weeks', () => {
    // Prepare
    const members = household(you(), expected('Baby', 'female', 56));

    // Act
    const need = needs(members);

    // Assess
    expect(need.riverside.reasons[1]).toEqual({
      rule: 'bedrooms.unborn',
      clause:
        'Riverside Council allocation scheme (policy riverside-council@2026-04): a baby counts once born',
      text: 'We will count Baby once they are born: tell us then and we will look at your bedroom need again.',
    });
    expect(need.cwm.reasons.at(-1)).toEqual({
      rule: 'bedrooms.unborn-counted',
      clause:
        'Cwm Valley County Borough Council allocation scheme (policy cwm-valley@2026-01): an expected baby counts from 12 weeks before the due date',
      text: `We count Baby, who is due on ${addDays(TODAY, 56)}.`,
    });
  });

  it('says from which day Cwm Valley will count a baby due in 20 weeks', () => {
    // Prepare
    const members = household(you(), expected('Baby', 'female', 140));

    // Act
    const need = needs(members).cwm;

    // Assess
    expect(need.reasons[1]?.text).toBe(
      `We will count Baby from ${addDays(TODAY, 56)}, 12 weeks before the due date of ${addDays(TODAY, 140)}.`,
    );
  });

  it('cites Cwm Valley’s same-sex age of 21 when brothers of 17 and 19 share', () => {
    // Prepare
    const members = household(you(), boy('Osian', 19), boy('Pryderi', 17));

    // Act
    const need = needs(members).cwm;

    // Assess
    expect(need.reasons[1]).toEqual({
      rule: 'bedrooms.children-share',
      clause:
        'Cwm Valley County Borough Council allocation scheme (policy cwm-valley@2026-01): children of the same sex share while both are under 21',
      text: 'Osian and Pryderi can share a bedroom because they are the same sex and under 21.',
    });
  });
});

describe('reachedStatePensionAge (Pensions Act 1995 Sch 4, as amended)', () => {
  it.each([
    {
      rule: 'born before 6 April 1960: 66, on the birthday',
      born: '1960-04-05',
      on: '2026-04-05',
      reached: true,
    },
    {
      rule: 'born before 6 April 1960: not the day before',
      born: '1960-04-05',
      on: '2026-04-04',
      reached: false,
    },
    { rule: 'born 6 April 1960: 66 and 1 month', born: '1960-04-06', on: '2026-05-06', reached: true },
    { rule: 'born 6 April 1960: not at 66 exactly', born: '1960-04-06', on: '2026-04-06', reached: false },
    { rule: 'born 5 March 1961: 66 and 11 months', born: '1961-03-05', on: '2028-02-05', reached: true },
    { rule: 'born 6 March 1961: 67', born: '1961-03-06', on: '2028-03-06', reached: true },
    {
      rule: 'born 6 March 1961: not the day before 67',
      born: '1961-03-06',
      on: '2028-03-05',
      reached: false,
    },
    {
      rule: 'born 31 December 1960: 66 and 9 months ends on the last day of a shorter month',
      born: '1960-12-31',
      on: '2027-09-30',
      reached: true,
    },
  ])('$rule', ({ born, on, reached }) => {
    expect(reachedStatePensionAge(born, on)).toBe(reached);
  });
});

describe('underOccupancy (HB Regs 2006 reg B13(2)(b) and (3); UC Regs 2013 Sch 4 para 36)', () => {
  const need = (
    scheme: SizeCriteriaNeed['scheme'],
    bedrooms: number,
    pensionAge = false,
  ): SizeCriteriaNeed => ({
    bedrooms,
    reasons: [],
    scheme,
    pensionAge,
  });

  it.each([
    {
      rule: 'HB: a home smaller than the need has no spare room',
      scheme: 'housing-benefit',
      needs: 2,
      home: 1,
      spare: 0,
      percent: 0,
      clause: 'Housing Benefit Regulations 2006 reg B13(2)(b)',
    },
    {
      rule: 'HB: exactly the rooms needed, no reduction',
      scheme: 'housing-benefit',
      needs: 2,
      home: 2,
      spare: 0,
      percent: 0,
      clause: 'Housing Benefit Regulations 2006 reg B13(2)(b)',
    },
    {
      rule: 'HB: one spare bedroom, 14%',
      scheme: 'housing-benefit',
      needs: 2,
      home: 3,
      spare: 1,
      percent: 14,
      clause: 'Housing Benefit Regulations 2006 reg B13(2)(b) and (3)(a)',
    },
    {
      rule: 'HB: two spare bedrooms, 25%',
      scheme: 'housing-benefit',
      needs: 2,
      home: 4,
      spare: 2,
      percent: 25,
      clause: 'Housing Benefit Regulations 2006 reg B13(2)(b) and (3)(b)',
    },
    {
      rule: 'HB: five spare bedrooms, still 25%',
      scheme: 'housing-benefit',
      needs: 1,
      home: 6,
      spare: 5,
      percent: 25,
      clause: 'Housing Benefit Regulations 2006 reg B13(2)(b) and (3)(b)',
    },
    {
      rule: 'UC: exactly the rooms needed, no reduction',
      scheme: 'universal-credit',
      needs: 3,
      home: 3,
      spare: 0,
      percent: 0,
      clause: 'Universal Credit Regulations 2013 Sch 4 para 36',
    },
    {
      rule: 'UC: one spare bedroom, 14%',
      scheme: 'universal-credit',
      needs: 1,
      home: 2,
      spare: 1,
      percent: 14,
      clause: 'Universal Credit Regulations 2013 Sch 4 para 36',
    },
    {
      rule: 'UC: two spare bedrooms, 25%',
      scheme: 'universal-credit',
      needs: 3,
      home: 5,
      spare: 2,
      percent: 25,
      clause: 'Universal Credit Regulations 2013 Sch 4 para 36',
    },
  ] as const)('$rule', ({ scheme, needs: bedrooms, home, spare, percent, clause }) => {
    // Act
    const result = underOccupancy(need(scheme, bedrooms), home);

    // Assess
    expect(result.spareBedrooms).toBe(spare);
    expect(result.reductionPercent).toBe(percent);
    expect(result.reasons).toEqual([
      expect.objectContaining({ rule: `under-occupancy.${percent}`, clause, answer: String(spare) }),
    ]);
  });

  it('explains a 14% reduction in plain English and mentions a Discretionary Housing Payment', () => {
    // Act
    const result = underOccupancy(need('universal-credit', 1), 2);

    // Assess
    expect(result.reasons[0]?.text).toBe(
      'The home has 2 bedrooms and the Universal Credit size criteria allow your household 1, so there is one spare bedroom: Universal Credit would meet 14% less of the rent (the spare-bedroom reduction). The council may be able to help with a Discretionary Housing Payment.',
    );
  });

  it('makes no Housing Benefit reduction at State Pension age (reg A13(2)(d))', () => {
    // Act
    const result = underOccupancy(need('housing-benefit', 1, true), 3);

    // Assess
    expect(result).toMatchObject({ spareBedrooms: 2, reductionPercent: 0 });
    expect(result.reasons[0]).toMatchObject({
      rule: 'under-occupancy.pension-age',
      clause: 'Housing Benefit Regulations 2006 reg A13(2)(d)',
    });
  });
});
