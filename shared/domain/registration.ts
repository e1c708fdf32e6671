import {
  Circumstances,
  type CurrentHome,
  type Decision,
  type LocalConnection,
  type Reason,
  type Registration,
} from './application.js';
import { type Band, type Jurisdiction, type Policy, statute } from './policy.js';
import { Stage } from './stage.js';

/**
 * Joining the register: a band and an effective date.
 *
 * Priority follows the reasonable-preference groups (Housing Act 1996 s166A(3) in England, s167(2) in Wales):
 * (a) homeless; (b) owed a homelessness duty; (c) living in insanitary or overcrowded housing; (d) needing to
 * move on medical or welfare grounds, including disability; (e) needing to move to a particular area to avoid
 * hardship. Additional preference (the closing words of s166A(3) / s167(2)) goes to urgent medical need and,
 * in England as the Armed Forces regulations require, to the armed forces with an urgent need. Each group maps
 * to a band of the council's scheme (policy data); the highest band wins and every group that applies is
 * given as a reason. Overcrowded means fewer bedrooms than the household needs (the caller passes the need).
 *
 * The effective date is the day the household joins the register; when its band is worked out again, `reband`
 * decides the date (a higher band: the day of the change).
 */

/** The council's allocation scheme, which decides priorities (s166A(1) England, s167(1) Wales). */
const scheme: Record<Jurisdiction, string> = {
  england: 'Housing Act 1996 s166A(1)',
  wales: 'Housing Act 1996 s167(1)',
};

/** Additional preference for the armed forces with an urgent need: England's regulations; in Wales, the scheme's choice. */
const armedForcesClause: Record<Jurisdiction, string> = {
  england:
    'Housing Act 1996 s166A(3) (additional preference); Housing Act 1996 (Additional Preference for Armed Forces) (England) Regulations 2012',
  wales: 'Housing Act 1996 s167(2) (additional preference)',
};

/** The homelessness duties and the section each rests on, per jurisdiction, with the group they fall in. */
const duties: Record<
  Jurisdiction,
  Record<Exclude<Circumstances['homelessnessDuty'], 'none'>, { group: 'a' | 'b'; text: string }>
> = {
  england: {
    main: {
      group: 'b',
      text: 'The council must make sure you have a home (the main housing duty, Housing Act 1996 s193(2)).',
    },
    relief: {
      group: 'a',
      text: 'You are homeless, and the council must help you find a home (the relief duty, Housing Act 1996 s189B(2)).',
    },
    prevention: {
      group: 'b',
      text: 'The council must help stop you becoming homeless (the prevention duty, Housing Act 1996 s195(2)).',
    },
  },
  wales: {
    main: {
      group: 'b',
      text: 'The council must make sure you have a home (Housing (Wales) Act 2014 s75).',
    },
    relief: {
      group: 'b',
      text: 'The council must help you find a home (Housing (Wales) Act 2014 s73).',
    },
    prevention: {
      group: 'b',
      text: 'The council must help stop you becoming homeless (Housing (Wales) Act 2014 s66).',
    },
  },
};

/** Reasonable preference, said plainly: the sentence after each group's reason. */
const lawGivesPriority = (band: Band) => `The law says this gives you priority: band ${band}.`;

/** One reasonable-preference group (or additional preference) that applies, the band it gives and why. */
export interface Preference {
  group: Exclude<keyof Policy['bands'], 'none'>;
  band: Band;
  reason: Reason;
}

export interface PriorityInput {
  /** The household's bedroom need (the caller decides which rule) and the reasons for it. */
  need: { bedrooms: number; reasons: readonly Reason[] };
  currentHome: CurrentHome;
  /** Not yet answered: every answer takes its default (no duty, no disrepair, no medical or hardship need). */
  circumstances?: Circumstances | undefined;
  /** For the armed-forces additional preference; not answered counts as not in the armed forces. */
  localConnection?: Pick<LocalConnection, 'armedForces'> | undefined;
  policy: Policy;
}

/** Every reasonable-preference group, and every additional preference, that applies to the household. */
export function preferences(input: PriorityInput): Preference[] {
  const { need, currentHome, policy } = input;
  const circumstances = input.circumstances ?? Circumstances.parse({});
  const preference = statute.reasonablePreference[policy.jurisdiction];
  const bands = policy.bands;
  const found: Preference[] = [];
  const hasHome = currentHome.tenure !== 'no-home';

  // (a) homeless, (b) owed a homelessness duty.
  if (circumstances.homelessnessDuty !== 'none') {
    const duty = duties[policy.jurisdiction][circumstances.homelessnessDuty];
    found.push({
      group: 'homeless',
      band: bands.homeless,
      reason: {
        rule: `priority.homelessness-duty.${circumstances.homelessnessDuty}`,
        clause: `${preference}(${duty.group})`,
        text: `${duty.text} ${lawGivesPriority(bands.homeless)}`,
        answer: circumstances.homelessnessDuty,
      },
    });
  } else if (currentHome.tenure === 'no-home' || currentHome.tenure === 'temporary-accommodation') {
    const home =
      currentHome.tenure === 'no-home' ? 'You have no home' : 'You live in temporary accommodation';
    found.push({
      group: 'homeless',
      band: bands.homeless,
      reason: {
        rule: 'priority.homeless',
        clause: `${preference}(a)`,
        text: `${home}, so you are homeless. ${lawGivesPriority(bands.homeless)} An officer will ask the council's homelessness team if it owes you a duty.`,
        answer: currentHome.tenure,
      },
    });
  }

  // (c) insanitary or overcrowded housing.
  if (hasHome && currentHome.bedrooms < need.bedrooms) {
    found.push({
      group: 'insanitaryOrOvercrowded',
      band: bands.insanitaryOrOvercrowded,
      reason: {
        rule: 'priority.overcrowding',
        clause: `${preference}(c)`,
        text: `Your home has ${currentHome.bedrooms} bedroom${currentHome.bedrooms === 1 ? '' : 's'} but your household needs ${need.bedrooms}, so it is overcrowded. ${lawGivesPriority(bands.insanitaryOrOvercrowded)}`,
        answer: String(currentHome.bedrooms),
      },
    });
  }
  if (hasHome && circumstances.disrepair) {
    found.push({
      group: 'insanitaryOrOvercrowded',
      band: bands.insanitaryOrOvercrowded,
      reason: {
        rule: 'priority.insanitary',
        clause: `${preference}(c)`,
        text: `Your home is in very bad repair or is unhealthy to live in. ${lawGivesPriority(bands.insanitaryOrOvercrowded)} An officer may ask for a report on the state of your home.`,
        answer: 'yes',
      },
    });
  }

  // (d) medical or welfare grounds, including disability; urgent need earns additional preference.
  if (circumstances.medicalNeed !== 'none') {
    found.push({
      group: 'medicalOrWelfare',
      band: bands.medicalOrWelfare,
      reason: {
        rule: 'priority.medical-welfare',
        clause: `${preference}(d)`,
        text: `You need to move for medical or welfare reasons, such as a disability. ${lawGivesPriority(bands.medicalOrWelfare)}`,
        answer: circumstances.medicalNeed,
      },
    });
  }
  if (circumstances.medicalNeed === 'urgent') {
    found.push({
      group: 'urgentMedical',
      band: bands.urgentMedical,
      reason: {
        rule: 'priority.urgent-medical',
        clause: `${preference} (additional preference)`,
        text: `Your need to move for medical or welfare reasons is urgent. So ${policy.councilName} gives you extra priority: band ${bands.urgentMedical}. An officer will check how urgent it is with your doctor or support worker.`,
        answer: 'urgent',
      },
    });
  }

  // (e) hardship: a need to move to a particular area.
  if (circumstances.hardshipMove) {
    found.push({
      group: 'hardship',
      band: bands.hardship,
      reason: {
        rule: 'priority.hardship',
        clause: `${preference}(e)`,
        text: `You need to move to a certain area. Not moving would cause hardship to you or to others, for example if you give or get care. ${lawGivesPriority(bands.hardship)}`,
        answer: 'yes',
      },
    });
  }

  // Additional preference for the armed forces with an urgent need: urgent meaning homeless or owed a
  // homelessness duty, or an urgent medical or welfare need.
  const urgent = found.some((each) => each.group === 'homeless' || each.group === 'urgentMedical');
  if (input.localConnection?.armedForces === true && urgent) {
    found.push({
      group: 'armedForcesUrgent',
      band: bands.armedForcesUrgent,
      reason: {
        rule: 'priority.armed-forces-urgent',
        clause: armedForcesClause[policy.jurisdiction],
        text: `You serve or served in the armed forces, and your need to move is urgent. So you get extra priority: band ${bands.armedForcesUrgent}.`,
        answer: 'armed forces',
      },
    });
  }
  return found;
}

/** The higher of two bands (A is the highest). */
const higher = (one: Band, other: Band): Band => (one <= other ? one : other);

/** The household's band: the highest of the groups that apply, or the scheme's band for no preference. */
export function bandFor(found: readonly Preference[], policy: Policy): Band {
  return found.reduce<Band>((band, preference) => higher(band, preference.band), policy.bands.none);
}

/**
 * The effective date when a registered household's band is worked out again (a change of circumstances):
 * - a higher band: the day of the change, since the household joins that band's queue then;
 * - the same band: the effective date it already had;
 * - a lower band: the day it first joined the register, as its time on the register still counts.
 * Pure: the caller passes the previous registration and the day the household first registered.
 */
export function reband(input: {
  previous: Registration;
  registeredOn: string;
  band: Band;
  on: string;
  policy: Policy;
}): { effectiveDate: string; reason: Reason } {
  const { previous, registeredOn, band, on, policy } = input;
  const clause = scheme[policy.jurisdiction];
  const rule = 'priority.effective-date';
  if (band < previous.band) {
    return {
      effectiveDate: on,
      reason: {
        rule,
        clause,
        text: `Your band went up from ${previous.band} to ${band} on ${on}. So your effective date is now ${on}, the day of the change.`,
        answer: previous.band,
      },
    };
  }
  if (band === previous.band) {
    return {
      effectiveDate: previous.effectiveDate,
      reason: {
        rule,
        clause,
        text: `Your band is still ${band}, so you keep your effective date, ${previous.effectiveDate}.`,
        answer: previous.band,
      },
    };
  }
  return {
    effectiveDate: registeredOn,
    reason: {
      rule,
      clause,
      text: `Your band went down from ${previous.band} to ${band}. So your effective date goes back to ${registeredOn}, the day you joined the register.`,
      answer: previous.band,
    },
  };
}

/** Each group in plain words, as the band summary lists them, one short sentence each. */
const groupNames: Record<Preference['group'], string> = {
  homeless: 'Homeless, or owed a homelessness duty',
  insanitaryOrOvercrowded: 'An overcrowded or unhealthy home',
  medicalOrWelfare: 'Medical or welfare reasons',
  urgentMedical: 'An urgent medical or welfare need',
  hardship: 'Hardship if you cannot move to a certain area',
  armedForcesUrgent: 'The armed forces, with an urgent need',
};

/** The groups that apply, each once with its band: "Medical or welfare reasons: band B. Hardship …: band C." */
function applying(found: readonly Preference[]): string {
  const bands = new Map<Preference['group'], Band>();
  for (const each of found) bands.set(each.group, each.band);
  return [...bands].map(([group, band]) => `${groupNames[group]}: band ${band}.`).join(' ');
}

/** What would put a household with no group in a higher band, one short sentence each. */
const noneOfThem = [
  'You would be in a higher band if you became homeless, or if the council owed you a homelessness duty.',
  'The same is true if your home became overcrowded or in very bad repair.',
  'It is also true if you needed to move for medical or welfare reasons, such as a disability.',
  'Or if you needed to move to a certain area to avoid hardship.',
].join(' ');

export function register(
  input: PriorityInput & {
    decidedAt: string;
    /** The registration before this change and the day the household first joined the register, if registered. */
    previous?: { registration: Registration; registeredOn: string } | undefined;
  },
): { registration: Registration; decision: Decision } {
  const { need, currentHome, policy, decidedAt, previous } = input;
  const circumstances = input.circumstances ?? Circumstances.parse({});
  const preference = statute.reasonablePreference[policy.jurisdiction];
  const today = decidedAt.slice(0, 10);
  const found = preferences(input);
  const band = bandFor(found, policy);

  const dated = previous
    ? reband({
        previous: previous.registration,
        registeredOn: previous.registeredOn,
        band,
        on: today,
        policy,
      })
    : {
        effectiveDate: today,
        reason: {
          rule: 'priority.effective-date',
          clause: scheme[policy.jurisdiction],
          text: `Your effective date is ${today}, the day you joined the register. Homes go first to the highest band. Within a band, they go first to whoever has waited longest since their effective date.`,
        },
      };

  const priority: Reason[] =
    found.length === 0
      ? [
          {
            rule: 'priority.none',
            clause: preference,
            text: `The law gives priority to some groups of people. None of them applies to you, so you are in band ${band}. ${noneOfThem} If your situation changes, tell us and we will look again.`,
          },
        ]
      : [
          {
            rule: 'priority.band',
            clause: preference,
            text: `You are in band ${band}, the highest band of the reasons that apply to you. ${applying(found)}`,
            answer: [...new Set(found.map((each) => each.group))].join(', '),
          },
          ...found.map((each) => each.reason),
        ];

  const registration: Registration = { band, effectiveDate: dated.effectiveDate, bedroomNeed: need.bedrooms };
  return {
    registration,
    decision: {
      stage: Stage.Registered,
      outcome: 'registered',
      reasons: [...priority, dated.reason, ...need.reasons],
      inputs: {
        currentBedrooms: currentHome.bedrooms,
        tenure: currentHome.tenure,
        bedroomNeed: need.bedrooms,
        homelessnessDuty: circumstances.homelessnessDuty,
        disrepair: circumstances.disrepair,
        medicalNeed: circumstances.medicalNeed,
        hardshipMove: circumstances.hardshipMove,
        armedForces: input.localConnection?.armedForces === true,
      },
      policyVersion: `${policy.policyId}@${policy.version}`,
      decidedBy: 'system',
      decidedAt,
      next: `You are on the housing register in band ${registration.band} from ${registration.effectiveDate}. We will tell you when a home with ${need.bedrooms} bedroom${need.bedrooms === 1 ? '' : 's'} is offered to you.`,
    },
  };
}
