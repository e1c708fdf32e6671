import type { HouseholdMember, Reason } from './application.js';
import { ageOn } from './dates.js';

/**
 * Bedroom need under the social-sector size criteria (Housing Benefit Regulations 2006 reg B13;
 * Universal Credit Regulations 2013 Sch 4 para 10). The council's own allocation bedroom standard arrives
 * with the assessment issue; until then Doorstep matches homes on this rule and says so.
 *
 * One bedroom for a couple; one for each other person aged 16 or over; two children under 16 of the same sex
 * may share; two children under 10 may share whatever their sex; one for any other child. A child of exactly
 * 10 is no longer under 10 and one of exactly 16 is an adult. An unborn child does not count. A disabled child
 * or partner who cannot share has a room of their own. Children are paired to need the fewest rooms.
 */
const CLAUSE = 'Housing Benefit Regulations 2006 reg B13(5)';

export interface BedroomNeed {
  bedrooms: number;
  reasons: Reason[];
}

export function bedroomNeed(household: readonly HouseholdMember[], on: string): BedroomNeed {
  const people = household.filter((member) => !member.unborn);
  const reasons: Reason[] = [];
  let bedrooms = 0;

  const applicant = people.find((member) => member.relationship === 'applicant');
  const partner = people.find((member) => member.relationship === 'partner');
  const coupleMembers = new Set([applicant, partner].filter((member) => member !== undefined));

  if (partner && applicant) {
    if (partner.needsOwnRoomForDisability || applicant.needsOwnRoomForDisability) {
      bedrooms += 2;
      reasons.push({
        rule: 'bedrooms.couple.disabled',
        clause: 'Housing Benefit Regulations 2006 reg B13(5)(za) and (zb)',
        text: 'You and your partner need a bedroom each because one of you cannot share because of a disability.',
      });
    } else {
      bedrooms += 1;
      reasons.push({
        rule: 'bedrooms.couple',
        clause: CLAUSE,
        text: 'One bedroom for you and your partner.',
      });
    }
  } else if (applicant) {
    bedrooms += 1;
    reasons.push({ rule: 'bedrooms.adult', clause: CLAUSE, text: 'One bedroom for you.' });
  }

  const others = people.filter((member) => !coupleMembers.has(member));
  const adults = others.filter((member) => ageOn(member.dateOfBirth, on) >= 16);
  for (const adult of adults) {
    bedrooms += 1;
    reasons.push({
      rule: 'bedrooms.adult',
      clause: CLAUSE,
      text: `One bedroom for ${adult.firstName}, who is 16 or over.`,
    });
  }

  const children = others.filter((member) => ageOn(member.dateOfBirth, on) < 16);
  const ownRoom = children.filter((child) => child.needsOwnRoomForDisability);
  for (const child of ownRoom) {
    bedrooms += 1;
    reasons.push({
      rule: 'bedrooms.disabled-child',
      clause: 'Housing Benefit Regulations 2006 reg B13(5)(ba)',
      text: `One bedroom for ${child.firstName}, who cannot share because of a disability.`,
    });
  }

  const sharers = children
    .filter((child) => !child.needsOwnRoomForDisability)
    .map((child) => ({ child, age: ageOn(child.dateOfBirth, on) }));
  const pairs = fewestRoomPairing(sharers);
  for (const room of pairs) {
    bedrooms += 1;
    if (room.length === 2) {
      const [a, b] = room as [(typeof sharers)[number], (typeof sharers)[number]];
      const why = a.child.sex === b.child.sex ? 'are the same sex and under 16' : 'are both under 10';
      reasons.push({
        rule: 'bedrooms.children-share',
        clause: CLAUSE,
        text: `${a.child.firstName} and ${b.child.firstName} can share a bedroom because they ${why}.`,
      });
    } else {
      const [only] = room as [(typeof sharers)[number]];
      reasons.push({
        rule: 'bedrooms.child',
        clause: CLAUSE,
        text: `One bedroom for ${only.child.firstName}.`,
      });
    }
  }

  return { bedrooms: Math.max(bedrooms, 1), reasons };
}

type Sharer = { child: HouseholdMember; age: number };

function canShare(a: Sharer, b: Sharer): boolean {
  return a.child.sex === b.child.sex || (a.age < 10 && b.age < 10);
}

/**
 * Rooms for children who may share: the pairing with the most shared rooms (so the fewest rooms).
 * Households are small, so an exhaustive search over pairings is exact and cheap.
 */
function fewestRoomPairing(children: readonly Sharer[]): Sharer[][] {
  const [first, ...rest] = children;
  if (!first) return [];
  let best: Sharer[][] = [[first], ...fewestRoomPairing(rest)];
  rest.forEach((partner, index) => {
    if (!canShare(first, partner)) return;
    const remaining = rest.filter((_, i) => i !== index);
    const candidate = [[first, partner], ...fewestRoomPairing(remaining)];
    if (candidate.length < best.length) best = candidate;
  });
  return best;
}
