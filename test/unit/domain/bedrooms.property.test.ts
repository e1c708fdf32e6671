import * as fc from 'fast-check';
import type { HouseholdMember } from '../../../shared/domain/application';
import {
  allocationBedroomNeed,
  fewestRoomPairing,
  type ShareRule,
  sizeCriteriaNeed,
  underOccupancy,
} from '../../../shared/domain/bedrooms';
import { policyFor } from '../../../shared/policies';
import { aHousehold, anOtherMember, household, TODAY } from '../../support/households';

/** A fixed seed, so every run checks the same households and a failure can be replayed. */
const runs = { seed: 20261102, numRuns: 300 } as const;

const riverside = policyFor('riverside-council');
const cwmValley = policyFor('cwm-valley');

/** Each rule's bedroom count for a household; foster care is a circumstance, so it is drawn separately. */
const rules: Array<[string, (members: HouseholdMember[], fosterCarer: boolean) => number]> = [
  [
    'HB size criteria',
    (members, fosterCarer) =>
      sizeCriteriaNeed({ household: members, on: TODAY, scheme: 'housing-benefit', fosterCarer }).bedrooms,
  ],
  [
    'UC size criteria',
    (members, fosterCarer) =>
      sizeCriteriaNeed({ household: members, on: TODAY, scheme: 'universal-credit', fosterCarer }).bedrooms,
  ],
  [
    'Riverside allocation standard',
    (members) => allocationBedroomNeed({ household: members, on: TODAY, policy: riverside }).bedrooms,
  ],
  [
    'Cwm Valley allocation standard',
    (members) => allocationBedroomNeed({ household: members, on: TODAY, policy: cwmValley }).bedrooms,
  ],
];

describe.each(rules)('%s (property-based)', (_name, need) => {
  it('never needs fewer bedrooms when someone joins the household', () => {
    fc.assert(
      fc.property(aHousehold, anOtherMember, fc.boolean(), (members, joining, fosterCarer) => {
        fc.pre(members.length < 20);
        const bigger = household(...members, joining);
        return need(bigger, fosterCarer) >= need(members, fosterCarer);
      }),
      runs,
    );
  });

  it('never needs more bedrooms when someone other than the applicant leaves', () => {
    fc.assert(
      fc.property(aHousehold, fc.nat(), fc.boolean(), (members, pick, fosterCarer) => {
        const others = members.filter((member) => member.relationship !== 'applicant');
        fc.pre(others.length > 0);
        const leaving = others[pick % others.length];
        const smaller = members.filter((member) => member !== leaving);
        return need(smaller, fosterCarer) <= need(members, fosterCarer);
      }),
      runs,
    );
  });

  it('gives every household at least one bedroom and never more than one per person plus two extra rooms', () => {
    fc.assert(
      fc.property(aHousehold, fc.boolean(), (members, fosterCarer) => {
        const bedrooms = need(members, fosterCarer);
        return bedrooms >= 1 && bedrooms <= members.length + 2;
      }),
      runs,
    );
  });
});

describe('fewestRoomPairing (property-based)', () => {
  /** Every way of putting people in rooms of one or two who may share: the slow, obviously right answer. */
  function bruteForce(people: readonly Sharer[], rule: ShareRule): number {
    const [first, ...rest] = people;
    if (!first) return 0;
    let best = 1 + bruteForce(rest, rule);
    rest.forEach((other, index) => {
      if (mayShare(first, other, rule)) {
        best = Math.min(best, 1 + bruteForce([...rest.slice(0, index), ...rest.slice(index + 1)], rule));
      }
    });
    return best;
  }
  type Sharer = { member: { sex: HouseholdMember['sex'] }; age: number; index: number };
  const mayShare = (a: Sharer, b: Sharer, rule: ShareRule) =>
    (a.age < rule.mixedSexShareUnder && b.age < rule.mixedSexShareUnder) ||
    (a.member.sex === b.member.sex &&
      a.age < Math.max(rule.sameSexShareUnder, rule.mixedSexShareUnder) &&
      b.age < Math.max(rule.sameSexShareUnder, rule.mixedSexShareUnder));

  const people = fc
    .array(
      fc.record({
        sex: fc.constantFrom<HouseholdMember['sex']>('female', 'male'),
        age: fc.integer({ min: 0, max: 25 }),
      }),
      {
        maxLength: 9,
      },
    )
    .map((drawn) => drawn.map(({ sex, age }, index) => ({ member: { sex }, age, index })));
  const shareRule = fc.record({
    sameSexShareUnder: fc.integer({ min: 10, max: 25 }),
    mixedSexShareUnder: fc.integer({ min: 0, max: 16 }),
  });

  it('needs exactly as few rooms as trying every pairing', () => {
    fc.assert(
      fc.property(
        people,
        shareRule,
        (drawn, rule) => fewestRoomPairing(drawn, rule).length === bruteForce(drawn, rule),
      ),
      runs,
    );
  });

  it('puts everyone in exactly one room, and only people who may share together', () => {
    fc.assert(
      fc.property(people, shareRule, (drawn, rule) => {
        const rooms = fewestRoomPairing(drawn, rule);
        const placed = rooms
          .flat()
          .map((one) => one.index)
          .sort((a, b) => a - b);
        const everyone = drawn.map((one) => one.index);
        const pairsMayShare = rooms.every(
          (room) =>
            room.length === 1 ||
            (room.length === 2 && room[0] && room[1] && mayShare(room[0], room[1], rule)),
        );
        return JSON.stringify(placed) === JSON.stringify(everyone) && pairsMayShare;
      }),
      runs,
    );
  });
});

describe('underOccupancy (property-based)', () => {
  it('never reduces eligible rent less for a home with more bedrooms', () => {
    fc.assert(
      fc.property(
        aHousehold,
        fc.constantFrom('housing-benefit', 'universal-credit'),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        (members, scheme, a, b) => {
          const need = sizeCriteriaNeed({ household: members, on: TODAY, scheme });
          const [smaller, larger] = a <= b ? [a, b] : [b, a];
          return (
            underOccupancy(need, smaller).reductionPercent <= underOccupancy(need, larger).reductionPercent
          );
        },
      ),
      runs,
    );
  });
});
