import type { HouseholdMember, Reason } from './application.js';
import { addDays, ageOn } from './dates.js';
import type { Policy } from './policy.js';

/**
 * Bedroom need, in the two rules councils really use (DESIGN.md §6):
 *
 * - the **allocation bedroom standard** of the council's scheme (policy data: Housing Act 1996 s166A in England,
 *   s167 in Wales) decides which homes a household may be offered: `allocationBedroomNeed`;
 * - the **social-sector size criteria** decide how much of the rent Housing Benefit or the Universal Credit
 *   housing costs element meets: `sizeCriteriaNeed`, then `underOccupancy` for a given home.
 *
 * The size criteria (Housing Benefit Regulations 2006 reg B13(5) to (9); Universal Credit Regulations 2013 Sch 4
 * paras 9 to 12): one bedroom for a couple; one for each other person aged 16 or over; one for two children under
 * 16 of the same sex; one for two children under 10 whatever their sex; one for any other child. Each person comes
 * in the first category that applies, and children are paired to need the fewest rooms. A child of exactly 10 is
 * no longer under 10 and one of exactly 16 is no longer a child. An unborn child does not count. Extra rooms: a
 * carer who does not live in the home but stays overnight; an approved foster carer; a disabled child, or a
 * disabled member of a couple, who cannot share; a son, daughter or stepchild away on armed forces operations
 * still counts.
 *
 * Where Housing Benefit and Universal Credit differ, both are modelled and each reason cites its own clause:
 * - a lodger (paying on a commercial basis) occupies the home and counts for HB (reg B13(5)(b)) but is not in
 *   UC's extended benefit unit (Sch 4 para 9(2)(d));
 * - a couple who cannot share because of a disability: HB gives each a room within the categories
 *   (reg B13(5)(za) and (zb)); UC gives the couple a room and an additional room (Sch 4 para 12(1)(d), (6A));
 * - a disabled child who cannot share: HB puts the child in a category of their own (reg B13(5)(ba)); UC gives
 *   an additional room (Sch 4 para 12(1)(c), (6)). The count is the same: pairing a child who cannot share only
 *   ever adds a room back;
 * - an overnight carer: one additional room however many in the household need one (HB reg B13(6)(a) and (7),
 *   for a child or other occupier since SI 2017/213; UC Sch 4 para 12(A1));
 * - the under-occupancy reduction does not apply to Housing Benefit once the claimant or partner has reached
 *   State Pension age (reg A13(2)(d)); Universal Credit is a working-age benefit, so there is no such case.
 * Not modelled: joint tenants who are not a couple (HB reg B13(9)); the evidence each extra room needs (the
 * disability benefit in payment, the carer's arrangements), which an officer checks; children whose main home is
 * elsewhere (the household lists only people who live in the home).
 */

export interface BedroomNeed {
  bedrooms: number;
  reasons: Reason[];
}

export type SizeCriteriaScheme = 'housing-benefit' | 'universal-credit';

export interface SizeCriteriaNeed extends BedroomNeed {
  scheme: SizeCriteriaScheme;
  /** Housing Benefit only: the claimant or partner has reached State Pension age, so no reduction (reg A13(2)(d)). */
  pensionAge: boolean;
}

/** The ages below which children may share: the size criteria's, or an allocation scheme's. */
export interface ShareRule {
  sameSexShareUnder: number;
  mixedSexShareUnder: number;
}

const SIZE_CRITERIA_SHARING: ShareRule = { sameSexShareUnder: 16, mixedSexShareUnder: 10 };

const HB = 'Housing Benefit Regulations 2006';
const UC = 'Universal Credit Regulations 2013';

/** The clause of each size-criteria rule, for each scheme. */
const clauses = {
  couple: [`${HB} reg B13(5)(a)`, `${UC} Sch 4 para 10(1)(a)`],
  coupleCannotShare: [`${HB} reg B13(5)(za) and (zb)`, `${UC} Sch 4 para 12(1)(d) and (6A)`],
  applicant: [`${HB} reg B13(5)(b)`, `${UC} Sch 4 para 10(1)(a)`],
  adult: [`${HB} reg B13(5)(b)`, `${UC} Sch 4 para 10(1)(c)`],
  youngPerson: [`${HB} reg B13(5)(b)`, `${UC} Sch 4 para 10(1)(b) and (c)`],
  lodger: [`${HB} reg B13(5)(b)`, `${UC} Sch 4 para 9(2)(d)`],
  awayStudent: [`${HB} reg B13(5)(b)`, `${UC} Sch 4 paras 9(2) and 11`],
  armedForces: [`${HB} reg B13(5)(b) and (8)`, `${UC} Sch 4 paras 10(1)(c) and 11`],
  awayNotCounted: [`${HB} reg B13(8)`, `${UC} Sch 4 para 11`],
  childCannotShare: [`${HB} reg B13(5)(ba)`, `${UC} Sch 4 para 12(1)(c) and (6)`],
  sameSex: [`${HB} reg B13(5)(c)`, `${UC} Sch 4 para 10(1)(d)`],
  underTen: [`${HB} reg B13(5)(d)`, `${UC} Sch 4 para 10(1)(e)`],
  child: [`${HB} reg B13(5)(e)`, `${UC} Sch 4 para 10(1)(f)`],
  unborn: [`${HB} reg B13(5)`, `${UC} Sch 4 para 10(1)`],
  overnightCarer: [`${HB} reg B13(6)(a) and (7)`, `${UC} Sch 4 para 12(A1)`],
  overnightCarerOther: [`${HB} reg B13(6)(a) and (7) (as amended by SI 2017/213)`, `${UC} Sch 4 para 12(A1)`],
  fosterCarer: [`${HB} reg B13(6)(b)`, `${UC} Sch 4 para 12(1)(b), (4) and (5)`],
} as const satisfies Record<string, readonly [string, string]>;

interface Person {
  member: HouseholdMember;
  age: number;
  /** Place in the household as given, so reasons name people in the order the applicant listed them. */
  index: number;
}

/** Builds a need: each room with its reason, then notes (no room of their own) about who is or is not counted. */
class Rooms {
  bedrooms = 0;
  private readonly rooms: Reason[] = [];
  private readonly notes: Reason[] = [];

  room(rule: string, clause: string, text: string, count = 1): void {
    this.bedrooms += count;
    this.rooms.push({ rule, clause, text });
  }

  note(rule: string, clause: string, text: string): void {
    this.notes.push({ rule, clause, text });
  }

  get reasons(): Reason[] {
    return [...this.rooms, ...this.notes];
  }
}

/**
 * Bedroom need under the social-sector size criteria of Housing Benefit or Universal Credit: the rule that decides
 * the under-occupancy reduction (see the module comment for what is modelled).
 */
export function sizeCriteriaNeed(input: {
  household: readonly HouseholdMember[];
  on: string;
  scheme: SizeCriteriaScheme;
  /** An approved foster carer, or approved and between placements (HB reg B13(6)(b); UC Sch 4 para 12(1)(b)). */
  fosterCarer?: boolean;
}): SizeCriteriaNeed {
  const { household, on, scheme } = input;
  const uc = scheme === 'universal-credit';
  const at = uc ? 1 : 0;
  const rooms = new Rooms();

  const people: Person[] = [];
  household.forEach((member, index) => {
    if (member.unborn) {
      rooms.note(
        'bedrooms.unborn',
        clauses.unborn[at],
        `We do not count ${member.firstName} yet: the size criteria count only people who live in the home, so a baby counts once born.`,
      );
      return;
    }
    if (member.relationship === 'lodger' && uc) {
      rooms.note(
        'bedrooms.lodger',
        clauses.lodger[at],
        `We do not count ${member.firstName}, your lodger: Universal Credit does not give a bedroom for someone who pays you to live in the home.`,
      );
      return;
    }
    if (member.awayArmedForces && member.relationship !== 'child') {
      rooms.note(
        'bedrooms.away',
        clauses.awayNotCounted[at],
        `We do not count ${member.firstName} while away on armed forces operations: only a son, daughter or stepchild away on operations keeps a bedroom.`,
      );
      return;
    }
    people.push({ member, age: ageOn(member.dateOfBirth, on), index });
  });

  const { applicant, partner, others } = coupleOf(people);
  if (applicant && partner) {
    const cannotShare =
      applicant.member.needsOwnRoomForDisability || partner.member.needsOwnRoomForDisability;
    if (cannotShare && !uc) {
      rooms.room(
        'bedrooms.couple.disabled',
        clauses.coupleCannotShare[at],
        'You and your partner need a bedroom each. One of you cannot share a room because of a disability.',
        2,
      );
    } else {
      rooms.room('bedrooms.couple', clauses.couple[at], 'One bedroom for you and your partner.');
      if (cannotShare) {
        rooms.room(
          'bedrooms.couple.disabled',
          clauses.coupleCannotShare[at],
          'One more bedroom because you or your partner cannot share a bedroom because of a disability.',
        );
      }
    }
  } else if (applicant) {
    rooms.room('bedrooms.adult', clauses.applicant[at], 'One bedroom for you.');
  }

  const children: Person[] = [];
  for (const person of others) {
    const { member } = person;
    if (person.age >= 16) {
      if (member.relationship === 'lodger') {
        rooms.room(
          'bedrooms.lodger',
          clauses.lodger[at],
          `One bedroom for ${member.firstName}, your lodger: Housing Benefit counts everyone who lives in the home.`,
        );
      } else if (member.awayArmedForces) {
        rooms.room(
          'bedrooms.armed-forces',
          clauses.armedForces[at],
          `One bedroom for ${member.firstName}, who is away on armed forces operations and means to come back.`,
        );
      } else if (member.awayStudent) {
        rooms.room(
          'bedrooms.away-student',
          clauses.awayStudent[at],
          `One bedroom for ${member.firstName}, who is away studying and means to come back.`,
        );
      } else {
        rooms.room(
          'bedrooms.adult',
          clauses[member.relationship === 'child' ? 'youngPerson' : 'adult'][at],
          `One bedroom for ${member.firstName}, who is 16 or over.`,
        );
      }
    } else if (member.needsOwnRoomForDisability) {
      rooms.room(
        'bedrooms.disabled-child',
        clauses.childCannotShare[at],
        `One bedroom for ${member.firstName}, who cannot share because of a disability.`,
      );
    } else {
      children.push(person);
    }
  }

  for (const room of fewestRoomPairing(children, SIZE_CRITERIA_SHARING)) {
    const [a, b] = room;
    if (a && b) {
      const sameSex = a.member.sex === b.member.sex;
      rooms.room(
        'bedrooms.children-share',
        clauses[sameSex ? 'sameSex' : 'underTen'][at],
        `${a.member.firstName} and ${b.member.firstName} can share a bedroom because they ${sameSex ? 'are the same sex and under 16' : 'are both under 10'}.`,
      );
    } else if (a) {
      rooms.room('bedrooms.child', clauses.child[at], `One bedroom for ${a.member.firstName}.`);
    }
  }

  // Lodgers are neither a "relevant person" (HB reg B13(9)) nor in UC's extended benefit unit, so their care
  // needs no room here.
  const cared = people.filter(
    (person) => person.member.needsOvernightCarer && person.member.relationship !== 'lodger',
  );
  if (cared.length > 0) {
    const forCouple = cared.some((person) => person === applicant || person === partner);
    rooms.room(
      'bedrooms.overnight-carer',
      clauses[forCouple ? 'overnightCarer' : 'overnightCarerOther'][at],
      `One more bedroom for a carer who stays overnight to look after ${namesOf(cared)}. The carer does not live with you.`,
    );
  }
  if (input.fosterCarer) {
    rooms.room(
      'bedrooms.foster-carer',
      clauses.fosterCarer[at],
      'One more bedroom because you are an approved foster carer (with a child placed, or between placements).',
    );
  }

  const pensionAge =
    !uc &&
    [applicant, partner].some(
      (person) => person !== undefined && reachedStatePensionAge(person.member.dateOfBirth, on),
    );
  return { bedrooms: Math.max(rooms.bedrooms, 1), reasons: rooms.reasons, scheme, pensionAge };
}

/** Where a council's allocation bedroom standard is cited: its scheme and the policy version that carries it. */
export function allocationClause(
  policy: Pick<Policy, 'councilName' | 'policyId' | 'version'>,
  part: string,
): string {
  return `${policy.councilName} allocation scheme (policy ${policy.policyId}@${policy.version}): ${part}`;
}

/**
 * Bedroom need under the council's allocation bedroom standard (policy `bedroomStandard`): the rule that decides
 * which homes a household may be offered. A couple shares; each other adult has a room; children of the same sex
 * share while both are under `sameSexShareUnder`, any two children while both are under `mixedSexShareUnder`,
 * paired to need the fewest rooms; an expected baby counts from `countUnbornWeeksBeforeDue` weeks before the due
 * date (never before birth when null); a disabled child or partner who cannot share has a room; a carer who stays
 * overnight has a room. A lodger is not part of the household the scheme houses. Away students and members of
 * the armed forces are part of the household, so they count.
 */
export function allocationBedroomNeed(input: {
  household: readonly HouseholdMember[];
  on: string;
  policy: Pick<Policy, 'councilName' | 'policyId' | 'version' | 'bedroomStandard'>;
}): BedroomNeed {
  const { household, on, policy } = input;
  const standard = policy.bedroomStandard;
  const sameSexUnder = Math.max(standard.sameSexShareUnder, standard.mixedSexShareUnder);
  const rooms = new Rooms();

  const people: Person[] = [];
  household.forEach((member, index) => {
    if (member.relationship === 'lodger') {
      rooms.note(
        'bedrooms.lodger',
        allocationClause(policy, 'a lodger is not part of the household'),
        `We do not count ${member.firstName}, your lodger. A home is given to your household, and a lodger is not part of it.`,
      );
      return;
    }
    if (member.unborn) {
      const counted = countsUnborn(member, on, standard.countUnbornWeeksBeforeDue);
      rooms.note(counted.rule, allocationClause(policy, counted.part), counted.text);
      if (counted.rule === 'bedrooms.unborn-counted') people.push({ member, age: 0, index });
      return;
    }
    people.push({ member, age: ageOn(member.dateOfBirth, on), index });
  });

  const { applicant, partner, others } = coupleOf(people);
  if (applicant && partner) {
    if (applicant.member.needsOwnRoomForDisability || partner.member.needsOwnRoomForDisability) {
      rooms.room(
        'bedrooms.couple.disabled',
        allocationClause(policy, 'a couple who cannot share because of a disability have a bedroom each'),
        'You and your partner need a bedroom each. One of you cannot share a room because of a disability.',
        2,
      );
    } else {
      rooms.room(
        'bedrooms.couple',
        allocationClause(policy, 'a couple share a bedroom'),
        'One bedroom for you and your partner.',
      );
    }
  } else if (applicant) {
    rooms.room(
      'bedrooms.adult',
      allocationClause(policy, 'each adult has a bedroom'),
      'One bedroom for you.',
    );
  }

  const sharers: Person[] = [];
  for (const person of others) {
    const { member } = person;
    if (member.needsOwnRoomForDisability) {
      rooms.room(
        'bedrooms.disabled-child',
        allocationClause(policy, 'someone who cannot share because of a disability has a bedroom'),
        `One bedroom for ${member.firstName}, who cannot share because of a disability.`,
      );
    } else if (member.relationship === 'child' || person.age < 16) {
      sharers.push(person);
    } else {
      rooms.room(
        'bedrooms.adult',
        allocationClause(policy, 'each adult has a bedroom'),
        `One bedroom for ${member.firstName}, who is 16 or over.`,
      );
    }
  }

  for (const room of fewestRoomPairing(sharers, standard)) {
    const [a, b] = room;
    if (a && b) {
      const sameSex = a.member.sex === b.member.sex && a.age < sameSexUnder && b.age < sameSexUnder;
      rooms.room(
        'bedrooms.children-share',
        allocationClause(
          policy,
          sameSex
            ? `children of the same sex share while both are under ${sameSexUnder}`
            : `children share whatever their sex while both are under ${standard.mixedSexShareUnder}`,
        ),
        `${a.member.firstName} and ${b.member.firstName} can share a bedroom because they ${sameSex ? `are the same sex and under ${sameSexUnder}` : `are both under ${standard.mixedSexShareUnder}`}.`,
      );
    } else if (a) {
      rooms.room(
        'bedrooms.child',
        allocationClause(policy, 'any other child or young person has a bedroom'),
        `One bedroom for ${a.member.firstName}.`,
      );
    }
  }

  const cared = people.filter((person) => person.member.needsOvernightCarer);
  if (cared.length > 0) {
    rooms.room(
      'bedrooms.overnight-carer',
      allocationClause(policy, 'a carer who stays overnight has a bedroom'),
      `One more bedroom for a carer who stays overnight to look after ${namesOf(cared)}. The carer does not live with you.`,
    );
  }

  return { bedrooms: Math.max(rooms.bedrooms, 1), reasons: rooms.reasons };
}

/** Whether an allocation scheme counts an expected baby yet, and how to say so. */
function countsUnborn(
  member: HouseholdMember,
  on: string,
  weeksBeforeDue: number | null,
): { rule: 'bedrooms.unborn-counted' | 'bedrooms.unborn'; part: string; text: string } {
  if (weeksBeforeDue === null) {
    return {
      rule: 'bedrooms.unborn',
      part: 'a baby counts once born',
      text: `We will count ${member.firstName} once they are born: tell us then and we will look at your bedroom need again.`,
    };
  }
  const part = `an expected baby counts from ${weeksBeforeDue} weeks before the due date`;
  // The date of birth of someone not yet born is the date they are expected.
  const due = member.dueDate ?? member.dateOfBirth;
  const from = addDays(due, -7 * weeksBeforeDue);
  return on >= from
    ? { rule: 'bedrooms.unborn-counted', part, text: `We count ${member.firstName}, who is due on ${due}.` }
    : {
        rule: 'bedrooms.unborn',
        part,
        text: `We will count ${member.firstName} from ${from}, ${weeksBeforeDue} weeks before the due date of ${due}.`,
      };
}

function coupleOf(people: readonly Person[]): {
  applicant: Person | undefined;
  partner: Person | undefined;
  others: Person[];
} {
  const applicant = people.find((person) => person.member.relationship === 'applicant');
  const partner = applicant && people.find((person) => person.member.relationship === 'partner');
  const others = people.filter((person) => person !== applicant && person !== partner);
  return { applicant, partner, others };
}

function namesOf(people: readonly Person[]): string {
  const names = people.map((person) => {
    if (person.member.relationship === 'applicant') return 'you';
    if (person.member.relationship === 'partner') return 'your partner';
    return person.member.firstName;
  });
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * The rooms for people who may share, paired to need the fewest rooms: an exact search. Whether two people may
 * share depends only on their sex and on which side of the two ages they are, so people fall into at most six
 * kinds; the search runs over how many of each kind are left (memoised), which stays exact and small even for a
 * household of twenty. Within a kind, people are taken in the order given; each room lists its people in that
 * order.
 */
export function fewestRoomPairing<
  T extends { member: Pick<HouseholdMember, 'sex'>; age: number; index: number },
>(people: readonly T[], rule: ShareRule): T[][] {
  const sameSexUnder = Math.max(rule.sameSexShareUnder, rule.mixedSexShareUnder);
  // kind = sex * 3 + band; band 0: under both ages, 1: under the same-sex age only, 2: shares with nobody.
  const kindOf = (person: T) =>
    (person.member.sex === 'female' ? 0 : 3) +
    (person.age < rule.mixedSexShareUnder ? 0 : person.age < sameSexUnder ? 1 : 2);
  const canShare = (a: number, b: number) => {
    const bandA = a % 3;
    const bandB = b % 3;
    return (bandA === 0 && bandB === 0) || (a < 3 === b < 3 && bandA < 2 && bandB < 2);
  };

  // Most households have two children or fewer: nothing to search.
  const [one, two] = people;
  if (!one) return [];
  if (people.length === 1) return [[one]];
  if (people.length === 2 && two) {
    const [a, b] = one.index <= two.index ? [one, two] : [two, one];
    return canShare(kindOf(a), kindOf(b)) ? [[a, b]] : [[a], [b]];
  }

  const queues: T[][] = [[], [], [], [], [], []];
  for (const person of people) queues[kindOf(person)]?.push(person);
  const counts = queues.map((queue) => queue.length);

  const memo = new Map<number, number>();
  const key = (left: readonly number[]) => left.reduce((acc, n) => acc * 21 + n, 0);
  const fewest = (left: number[]): number => {
    const first = left.findIndex((n) => n > 0);
    if (first < 0) return 0;
    const k = key(left);
    const known = memo.get(k);
    if (known !== undefined) return known;
    let best = Number.POSITIVE_INFINITY;
    for (const choice of choices(left, first)) best = Math.min(best, 1 + fewest(choice.left));
    memo.set(k, best);
    return best;
  };
  const choices = (left: readonly number[], first: number) => {
    const options: Array<{ partner: number | undefined; left: number[] }> = [];
    for (let other = first; other < left.length; other += 1) {
      const available = (left[other] ?? 0) - (other === first ? 1 : 0);
      if (available > 0 && canShare(first, other)) {
        const next = [...left];
        next[first] = (next[first] ?? 0) - 1;
        next[other] = (next[other] ?? 0) - 1;
        options.push({ partner: other, left: next });
      }
    }
    const alone = [...left];
    alone[first] = (alone[first] ?? 0) - 1;
    options.push({ partner: undefined, left: alone });
    return options;
  };

  const rooms: T[][] = [];
  let left = counts;
  for (let first = left.findIndex((n) => n > 0); first >= 0; first = left.findIndex((n) => n > 0)) {
    const target = fewest(left) - 1;
    const chosen = choices(left, first).find((choice) => fewest(choice.left) === target);
    if (!chosen) throw new Error('The pairing search found no optimal choice');
    const a = queues[first]?.shift();
    const b = chosen.partner === undefined ? undefined : queues[chosen.partner]?.shift();
    if (!a) throw new Error('The pairing search ran out of people');
    rooms.push(b ? [a, b].sort((x, y) => x.index - y.index) : [a]);
    left = chosen.left;
  }
  return rooms;
}

/**
 * Whether someone has reached State Pension age on a day (Pensions Act 1995 s126 and Sch 4, as amended by the
 * Pensions Acts 2011 and 2014): 66 for anyone born before 6 April 1960, 66 and 1 to 11 months for those born from
 * then to 5 March 1961, 67 for anyone born later (until the rise to 68, which starts in 2044). Valid for days from
 * 2020: anyone born before 6 October 1954 reached an earlier State Pension age long before then.
 */
export function reachedStatePensionAge(dateOfBirth: string, on: string): boolean {
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  let months: number;
  if (dateOfBirth < '1960-04-06') months = 66 * 12;
  else if (dateOfBirth >= '1961-03-06') months = 67 * 12;
  else months = 66 * 12 + (y - 1960) * 12 + (m - 4) - (d < 6 ? 1 : 0) + 1;
  const total = m - 1 + months;
  const year = y + Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const reached = `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
  return on >= reached;
}

/** What the under-occupancy rule takes off eligible rent for a home, with its reasons. */
export interface UnderOccupancy {
  spareBedrooms: number;
  reductionPercent: 0 | 14 | 25;
  reasons: Reason[];
}

/**
 * The under-occupancy reduction ("bedroom tax") for a home: none when the home has no bedroom beyond the size
 * criteria, 14% of eligible rent for one spare bedroom, 25% for two or more (HB Regs 2006 reg B13(2)(b) and (3);
 * UC Regs 2013 Sch 4 para 36). None for Housing Benefit at State Pension age (HB Regs 2006 reg A13(2)(d)).
 */
export function underOccupancy(need: SizeCriteriaNeed, homeBedrooms: number): UnderOccupancy {
  const uc = need.scheme === 'universal-credit';
  const benefit = uc ? 'Universal Credit' : 'Housing Benefit';
  const spareBedrooms = Math.max(0, homeBedrooms - need.bedrooms);
  const home = `The home has ${homeBedrooms} bedroom${homeBedrooms === 1 ? '' : 's'} and the ${benefit} size criteria allow your household ${need.bedrooms}`;
  if (need.pensionAge) {
    return {
      spareBedrooms,
      reductionPercent: 0,
      reasons: [
        {
          rule: 'under-occupancy.pension-age',
          clause: `${HB} reg A13(2)(d)`,
          text: `${home}, but the spare-bedroom reduction does not apply once you or your partner have reached State Pension age.`,
          answer: String(spareBedrooms),
        },
      ],
    };
  }
  const reductionPercent = spareBedrooms === 0 ? 0 : spareBedrooms === 1 ? 14 : 25;
  const clause = uc
    ? `${UC} Sch 4 para 36`
    : `${HB} reg B13(2)(b)${reductionPercent === 0 ? '' : ` and (3)(${reductionPercent === 14 ? 'a' : 'b'})`}`;
  const text =
    reductionPercent === 0
      ? `${home}, so there is no spare bedroom and no reduction in the rent ${benefit} would meet.`
      : `${home}, so there ${spareBedrooms === 1 ? 'is one spare bedroom' : `are ${spareBedrooms} spare bedrooms`}: ${benefit} would meet ${reductionPercent}% less of the rent (the spare-bedroom reduction). The council may be able to help with a Discretionary Housing Payment.`;
  return {
    spareBedrooms,
    reductionPercent,
    reasons: [{ rule: `under-occupancy.${reductionPercent}`, clause, text, answer: String(spareBedrooms) }],
  };
}

/**
 * @deprecated The size criteria under Housing Benefit; callers choose a rule: `allocationBedroomNeed` for which homes
 * fit, `sizeCriteriaNeed` for the under-occupancy reduction.
 */
export function bedroomNeed(household: readonly HouseholdMember[], on: string): BedroomNeed {
  return sizeCriteriaNeed({ household, on, scheme: 'housing-benefit' });
}
