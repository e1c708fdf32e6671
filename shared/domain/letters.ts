import type { Application, Decision, Reason } from './application.js';
import { addDays } from './dates.js';
import { type Policy, reviewRoute, statute } from './policy.js';
import { Stage } from './stage.js';

/**
 * Decision letters: what the applicant is told in writing, and why (DESIGN.md §6).
 *
 * Two kinds of decision need a letter:
 * - joining the register, or a change to the registration (band, effective date, bedroom need);
 * - closing the case, which is the only way an adverse decision (not eligible, does not qualify) takes effect:
 *   the system only refers, and an officer confirms by closing (UK GDPR Art. 22). The letter gives the grounds of
 *   the referral the officer confirmed and the officer's own reason (Housing Act 1996 s160ZA(9)-(10) in
 *   England, s160A(9)-(10) in Wales: the decision and its grounds notified in writing).
 * A referral on its own is not a letter: nothing has been decided against the applicant yet.
 *
 * Every letter gives the grounds (each reason with the clause it rests on), what happens next and how to ask
 * for a review within the scheme's period (s166A(9) in England, s167(4A) in Wales). The HTML page and the
 * PDF are both drawn from the same `Letter`, so they cannot say different things.
 */

export interface Letter {
  /** The decision's place in the application's decisions: the letter's number. */
  number: number;
  kind: 'registration' | 'closed';
  title: string;
  /** The day of the decision, as an ISO date: the letter's date. */
  date: string;
  reference: string;
  landlordName: string;
  councilName: string;
  /** `generated` when the address lines are Doorstep's own words (no postal address is held), not the applicant's. */
  to: { name: string; address: string[]; generated?: true };
  /** The decision in one or two sentences. */
  summary: string;
  /** Each reason with the clause it rests on; an officer's own reason, in their words, is marked `byOfficer`. */
  grounds: Array<{ text: string; clause: string; byOfficer?: true }>;
  next: string;
  review: { text: string; clause: string; withinDays: number; byDate: string };
  /** Who decided, in plain words: the system's rules, or an officer. */
  decidedBy: string;
}

const OFFICER_CLOSE = 'officer.close';

/** Whether a decision is one the applicant must be told about in writing. */
export function needsLetter(decision: Decision): boolean {
  if (decision.outcome === 'registered') return true;
  return decision.decidedBy === 'officer' && decision.reasons.some((reason) => reason.rule === OFFICER_CLOSE);
}

/** The numbers of the decisions that have letters, in order. */
export function letterNumbers(application: Pick<Application, 'decisions'>): number[] {
  return application.decisions.flatMap((decision, number) => (needsLetter(decision) ? [number] : []));
}

/** What a closing confirms, per stage: the adverse decisions first, then a case closed for another reason. */
const closedTitles: Partial<Record<Stage, { title: string; summary: (policy: Policy) => string }>> = {
  [Stage.Eligibility]: {
    title: 'You are not eligible to join the housing register',
    summary: (policy) =>
      `We have decided that you are not eligible for an allocation of housing from ${policy.councilName} (${statute.eligibility[policy.jurisdiction]}). An officer checked what you told us before making this decision.`,
  },
  [Stage.Qualification]: {
    title: 'You do not qualify to join the housing register',
    summary: (policy) =>
      `We have decided that you do not qualify to join ${policy.councilName}'s housing register (${statute.qualification[policy.jurisdiction]}). An officer checked what you told us before making this decision.`,
  },
};

/** The applicant's name and postal address as the application holds them. */
function addressee(application: Application): Letter['to'] {
  const applicant = application.profile.household.find((member) => member.relationship === 'applicant');
  const aboutYou = application.conversation?.aboutYou;
  const name =
    [applicant?.firstName ?? aboutYou?.firstName, applicant?.lastName ?? aboutYou?.lastName]
      .filter(Boolean)
      .join(' ') || 'The applicant';
  const home = application.profile.currentHome;
  const email = application.profile.contact?.email;
  if (home?.addressLine && home.postcode) return { name, address: [home.addressLine, home.postcode] };
  return {
    name,
    address: [email ? `By email to ${email}` : 'Sent through your Doorstep account'],
    generated: true,
  };
}

/**
 * The referral an officer confirmed by closing: the stage's last system decision before the close, if it
 * referred. Its grounds go in the letter; its "an officer will check" reason does not, as one has.
 */
function confirmedReferral(application: Application, number: number, stage: Stage): Decision | undefined {
  const earlier = application.decisions.slice(0, number);
  const referral = earlier.findLast(
    (decision) => decision.stage === stage && decision.decidedBy === 'system',
  );
  return referral?.outcome === 'refer' ? referral : undefined;
}

const grounds = (reasons: readonly Reason[]) =>
  reasons
    .filter((reason) => reason.rule !== 'decision.officer-confirms')
    .map((reason) => ({ text: reason.text, clause: reason.clause }));

/**
 * The letter for the decision numbered `number`, or undefined when that decision needs none (or there is no
 * such decision). Pure: the same application and policy give the same letter.
 */
export function composeLetter(application: Application, number: number, policy: Policy): Letter | undefined {
  const decision = application.decisions[number];
  if (!decision || !needsLetter(decision)) return undefined;
  const date = decision.decidedAt.slice(0, 10);
  const route = reviewRoute(policy);
  const common = {
    number,
    date,
    reference: `${application.applicationId}/${number}`,
    landlordName: policy.landlordName,
    councilName: policy.councilName,
    to: addressee(application),
    review: {
      text: route.route,
      clause: statute.reviewOfDecision[policy.jurisdiction],
      withinDays: route.withinDays,
      byDate: addDays(date, route.withinDays),
    },
    decidedBy:
      decision.decidedBy === 'officer'
        ? `An officer of ${policy.landlordName} made this decision.`
        : `This decision was worked out from your answers by the rules of ${policy.councilName}'s allocation scheme (policy ${decision.policyVersion}). Tell us if any answer was wrong.`,
  };

  if (decision.outcome === 'registered') {
    return {
      ...common,
      kind: 'registration',
      title: 'Your place on the housing register',
      summary: decision.next,
      grounds: grounds(decision.reasons),
      next: `We will write to you when we can offer you a home. Tell us straight away if your household or circumstances change, as that can change your band or the size of home you need.`,
    };
  }

  const referral = confirmedReferral(application, number, decision.stage);
  const closed = referral ? closedTitles[decision.stage] : undefined;
  const officerReasons = decision.reasons.map((reason) => ({
    text: reason.text,
    clause: 'UK GDPR Art. 22 (an officer made this decision)',
    byOfficer: true as const,
  }));
  return {
    ...common,
    kind: 'closed',
    title: closed?.title ?? 'We have closed your application',
    summary:
      closed?.summary(policy) ??
      `An officer of ${policy.landlordName} has closed your application to join ${policy.councilName}'s housing register.`,
    grounds: [...grounds(referral?.reasons ?? []), ...officerReasons],
    next: `Your application is closed, so you are not on the housing register. If your circumstances change, you can apply again at any time.`,
  };
}
