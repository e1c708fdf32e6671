import { bedroomNeed } from '../../../shared/domain/bedrooms';
import { household } from '../../fixtures/applications';

/** The fixed test clock: fixture ages are given relative to this day. */
const today = '2026-11-02';

describe('bedroomNeed (HB Regs 2006 reg B13)', () => {
  it('gives a single adult one bedroom', () => {
    // Prepare
    const members = household('singleAdult');

    // Act
    const need = bedroomNeed(members, today);

    // Assess
    expect(need.bedrooms).toBe(1);
    expect(need.reasons.map((reason) => reason.rule)).toEqual(['bedrooms.adult']);
  });

  it('gives a couple one bedroom to share', () => {
    // Prepare
    const members = household('childlessCouple');

    // Act
    const need = bedroomNeed(members, today);

    // Assess
    expect(need.bedrooms).toBe(1);
    expect(need.reasons.map((reason) => reason.rule)).toEqual(['bedrooms.couple']);
  });

  it('gives a couple with two girls under 16 two bedrooms, the girls sharing', () => {
    // Prepare
    const members = household('coupleWithTwoGirls');

    // Act
    const need = bedroomNeed(members, today);

    // Assess
    expect(need.bedrooms).toBe(2);
    expect(need.reasons).toContainEqual(
      expect.objectContaining({
        rule: 'bedrooms.children-share',
        text: 'Cerys and Elin can share a bedroom because they are the same sex and under 16.',
      }),
    );
  });

  it('lets a boy and a girl who are both under 10 share a bedroom', () => {
    // Prepare
    const members = household('loneParentBoyAndGirlUnderTen');

    // Act
    const need = bedroomNeed(members, today);

    // Assess
    expect(need.bedrooms).toBe(2);
    expect(need.reasons).toContainEqual(
      expect.objectContaining({
        rule: 'bedrooms.children-share',
        text: 'Tobi and Ada can share a bedroom because they are both under 10.',
      }),
    );
  });

  it('counts a boy of exactly 10 as no longer under 10, so he and his younger sister need a room each', () => {
    // Prepare
    const members = household('boyExactlyTenAndSister');

    // Act
    const need = bedroomNeed(members, today);

    // Assess
    expect(need.bedrooms).toBe(3);
    expect(need.reasons.filter((reason) => reason.rule === 'bedrooms.child')).toHaveLength(2);
  });

  it('lets the same brother and sister share on the day before his 10th birthday', () => {
    // Prepare
    const members = household('boyExactlyTenAndSister');

    // Act
    const need = bedroomNeed(members, '2026-11-01');

    // Assess
    expect(need.bedrooms).toBe(2);
  });

  it('counts a child of exactly 16 as an adult with a room of their own', () => {
    // Prepare
    const members = household('brothersOneTurningSixteen');

    // Act
    const need = bedroomNeed(members, today);

    // Assess
    expect(need.bedrooms).toBe(3);
    expect(need.reasons).toContainEqual(
      expect.objectContaining({ rule: 'bedrooms.adult', text: 'One bedroom for Rhys, who is 16 or over.' }),
    );
  });

  it('lets two brothers share on the day before the elder turns 16', () => {
    // Prepare
    const members = household('brothersOneTurningSixteen');

    // Act
    const need = bedroomNeed(members, '2026-11-01');

    // Assess
    expect(need.bedrooms).toBe(2);
  });

  it('does not count an unborn child', () => {
    // Prepare
    const members = household('singleParentExpecting');

    // Act
    const need = bedroomNeed(members, today);

    // Assess
    expect(need.bedrooms).toBe(1);
    expect(need.reasons.some((reason) => reason.text.includes('Baby'))).toBe(false);
  });

  it('gives a couple a bedroom each when the partner cannot share because of a disability', () => {
    // Prepare
    const members = household('coupleExpectingWithAdultSon').filter(
      (member) => member.relationship === 'applicant' || member.relationship === 'partner',
    );

    // Act
    const need = bedroomNeed(members, today);

    // Assess
    expect(need.bedrooms).toBe(2);
    expect(need.reasons).toEqual([expect.objectContaining({ rule: 'bedrooms.couple.disabled' })]);
  });

  it('gives a disabled partner, a son of exactly 16 and an unborn baby three rooms in all', () => {
    // Prepare
    const members = household('coupleExpectingWithAdultSon');

    // Act
    const need = bedroomNeed(members, today);

    // Assess
    expect(need.bedrooms).toBe(3);
    expect(need.reasons.map((reason) => reason.rule)).toEqual(['bedrooms.couple.disabled', 'bedrooms.adult']);
  });

  it('gives a disabled child who cannot share a room of their own, so her sister does not share either', () => {
    // Prepare
    const members = household('disabledChildAndSister');

    // Act
    const need = bedroomNeed(members, today);

    // Assess
    expect(need.bedrooms).toBe(3);
    expect(need.reasons).toContainEqual(
      expect.objectContaining({
        rule: 'bedrooms.disabled-child',
        clause: 'Housing Benefit Regulations 2006 reg B13(5)(ba)',
      }),
    );
  });

  it('pairs a boy of 13, a girl of 7 and a boy of 6 into two child rooms, three rooms in all', () => {
    // Prepare
    const members = household('threeChildrenPairingMatters');

    // Act
    const need = bedroomNeed(members, today);

    // Assess
    expect(need.bedrooms).toBe(3);
    expect(need.reasons.filter((reason) => reason.rule === 'bedrooms.children-share')).toHaveLength(1);
  });

  it('chooses the pairing with the fewest rooms where pairing in list order would need one more', () => {
    // Prepare: Amina (8) could share with Yusuf (7), but then Omar (12) and Maryam (13) could not share.
    const members = household('fourChildrenGreedyPairingFails');

    // Act
    const need = bedroomNeed(members, today);

    // Assess
    expect(need.bedrooms).toBe(3);
    const shares = need.reasons
      .filter((reason) => reason.rule === 'bedrooms.children-share')
      .map((reason) => reason.text)
      .sort();
    expect(shares).toEqual([
      'Amina and Maryam can share a bedroom because they are the same sex and under 16.',
      'Yusuf and Omar can share a bedroom because they are the same sex and under 16.',
    ]);
  });

  it('cites the size criteria regulation in every reason', () => {
    // Prepare
    const households = [
      household('coupleWithTwoGirls'),
      household('coupleExpectingWithAdultSon'),
      household('disabledChildAndSister'),
      household('threeChildrenPairingMatters'),
    ];

    // Act
    const reasons = households.flatMap((members) => bedroomNeed(members, today).reasons);

    // Assess
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) {
      expect(reason.clause).toMatch(/^Housing Benefit Regulations 2006 reg B13\(5\)/);
    }
  });

  it('cites reg B13(5)(za) and (zb) for a couple who cannot share, not the disabled-child head (ba)', () => {
    // Prepare
    const members = household('coupleExpectingWithAdultSon');

    // Act
    const need = bedroomNeed(members, today);

    // Assess
    const couple = need.reasons.find((reason) => reason.rule === 'bedrooms.couple.disabled');
    expect(couple?.clause).toBe('Housing Benefit Regulations 2006 reg B13(5)(za) and (zb)');
  });
});
