import type { Application } from './application.js';
import type { Policy } from './policy.js';
import { Stage, WaitingFor } from './stage.js';

/**
 * "What happens next" for the applicant (issue 9): who the application is waiting for (them, an officer, a
 * senior officer, or nobody: Doorstep itself or a home coming free), and how long that should take, from the
 * deadline on the wait and the days the landlord's policy gives each kind of wait. Pure: the caller passes the
 * application's open waits (every one, not only the applicant's: "an officer is checking" is worth knowing).
 */

/** An open wait as this needs it (never its task token). */
export interface OpenWait {
  kind: 'answers' | 'review' | 'attention' | 'approval' | 'response' | 'signature';
  waitingFor: WaitingFor;
  stage: Stage;
  /** ISO instant. */
  deadline: string;
}

export interface NextStep {
  /** Who the application is waiting for; `nobody` when no person has to act (Doorstep works, or a home is awaited). */
  waitingFor: WaitingFor | 'nobody';
  /** Who that is, for the page: "You", "A lettings officer". */
  who: string;
  /** What is awaited, in a sentence. */
  what: string;
  /** How long it should take, from the policy, and by when; absent where nobody can honestly say. */
  when?: string;
  /** The wait's deadline (ISO instant), when there is one. */
  deadline?: string;
}

const WHO: Record<NextStep['waitingFor'], string> = {
  [WaitingFor.Applicant]: 'You',
  [WaitingFor.Officer]: 'A lettings officer',
  [WaitingFor.SeniorOfficer]: 'A senior lettings officer',
  nobody: 'Nobody',
};

const days = (count: number) => `${count} day${count === 1 ? '' : 's'}`;

/** The London day of an instant, as people write it: 28 December 2026. */
function day(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  });
}

/** Applicant waits before officer waits: something the applicant can do comes first on their page. */
const ORDER: Record<WaitingFor, number> = {
  [WaitingFor.Applicant]: 0,
  [WaitingFor.SeniorOfficer]: 1,
  [WaitingFor.Officer]: 2,
};

export function nextStep(input: {
  status: Application['status'];
  stage: Stage;
  waits: readonly OpenWait[];
  policy: Pick<Policy, 'waits' | 'reviewDecisionDays'>;
  /** Now, as an ISO instant: a deadline already past is said to be past, not promised. */
  now: string;
  /** A review the applicant asked for and nobody has decided yet: the day it is due by (ISO date), if set. */
  openReview?: { dueBy?: string };
}): NextStep {
  const { policy } = input;
  const due = input.openReview?.dueBy;
  // A review asked for is being decided even after the case closed (it may be the close that is reviewed).
  const review: NextStep | undefined = input.openReview
    ? {
        waitingFor: WaitingFor.Officer,
        who: 'A lettings officer who did not make the decision',
        what: 'An officer is reviewing the decision you asked us to look at again.',
        when: due
          ? due < input.now.slice(0, 10)
            ? `This should have been decided by ${day(`${due}T12:00:00Z`)}. It is taking longer than it should; we are sorry for the wait.`
            : `Reviews are decided within ${days(policy.reviewDecisionDays)} of asking: by ${day(`${due}T12:00:00Z`)}.`
          : `Reviews are decided within ${days(policy.reviewDecisionDays)} of asking.`,
        ...(due ? { deadline: `${due}T12:00:00.000Z` } : {}),
      }
    : undefined;
  if (input.status === 'closed')
    return review ?? { waitingFor: 'nobody', who: WHO.nobody, what: 'This application is closed.' };
  if (input.status === 'let')
    return { waitingFor: 'nobody', who: WHO.nobody, what: 'You have moved in: nothing else is needed.' };

  const wait = [...input.waits].sort(
    (a, b) => ORDER[a.waitingFor] - ORDER[b.waitingFor] || a.deadline.localeCompare(b.deadline),
  )[0];
  if (wait) {
    const late = wait.deadline < input.now;
    const by = day(wait.deadline);
    const step = (what: string, when: string): NextStep => ({
      waitingFor: wait.waitingFor,
      who: WHO[wait.waitingFor],
      what,
      when: late
        ? `This should have been done by ${by}. It is taking longer than it should; we are sorry for the wait.`
        : when,
      deadline: wait.deadline,
    });
    if (wait.waitingFor === WaitingFor.Applicant) {
      switch (wait.kind) {
        case 'response':
          return step(
            'We are waiting for you to say whether you want the home we offered you.',
            `You have ${days(policy.waits.offerResponseDays)} from the offer to answer: until ${by}. If we do not hear from you by then, the offer counts as refused and the home goes to the next household.`,
          );
        case 'signature':
          return step(
            'We are waiting for you to sign your tenancy agreement.',
            `You have ${days(policy.waits.signingDays)} to sign: until ${by}.`,
          );
        default:
          return step(
            wait.stage === Stage.Eligibility
              ? 'We are waiting for you to finish your answers and send them.'
              : 'We are waiting for you to send what we asked for.',
            `Please do this by ${by} (${days(policy.waits.applicantAnswersDays)} from when we asked). Your answers are saved until then.`,
          );
      }
    }
    if (wait.waitingFor === WaitingFor.SeniorOfficer) {
      return step(
        wait.kind === 'approval'
          ? 'A senior officer is checking the offer of a home to you, because it took longer than it should.'
          : 'A senior officer is looking at your application.',
        `They have ${days(policy.waits.seniorDecisionDays)} to decide: by ${by}.`,
      );
    }
    const what =
      wait.kind === 'approval'
        ? 'An officer is checking the offer of a home to you before we send it.'
        : wait.kind === 'attention'
          ? 'Something needs a person to look at it, so an officer is checking your application.'
          : 'An officer is checking something in your application that we could not decide automatically.';
    return step(
      what,
      `Officers have ${days(policy.waits.officerDecisionDays)} to do this: by ${by}. If it takes longer, a senior officer takes it over.`,
    );
  }

  if (review) return review;
  if (input.status === 'registered') {
    return {
      waitingFor: 'nobody',
      who: 'A home that fits your household',
      what: 'You are on the housing register. We are waiting for a home that fits your household to come free.',
      when: 'Nobody can say exactly when: it depends on how many homes of your size come free, and who else needs them. Below is an estimate from recent lets.',
    };
  }
  return {
    waitingFor: 'nobody',
    who: 'Doorstep, automatically',
    what: 'We are working on the next step.',
    when: 'This usually takes a few seconds. Refresh this page to see the latest.',
  };
}
