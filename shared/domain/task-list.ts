import type { Application } from './application.js';
import {
  answersAreOpen,
  CIRCUMSTANCE_PROMPTS,
  isAnswered,
  isApplicable,
  type PromptId,
} from './conversation.js';
import { Stage } from './stage.js';

/**
 * The journey as a GOV.UK task list (issue 9): what the applicant has done, what is left, and what cannot start
 * yet. Derived from the application alone, with the conversation's own rules for "answered" and "applies", so
 * the list and the questions never disagree. Pure: the web renders it; another channel could read it out.
 */

/** `with-us`: Doorstep or an officer is doing it; `to-do`: it is the applicant's turn, on `page`. */
export type TaskStatus = 'completed' | 'in-progress' | 'not-started' | 'cannot-start' | 'with-us' | 'to-do';

export interface Task {
  title: string;
  /** Where to go to do it; none when there is nothing the applicant can do there now. */
  prompt?: PromptId;
  page?: 'offer' | 'tenancy' | 'key';
  status: TaskStatus;
  hint?: string;
}

export interface TaskSection {
  title: string;
  tasks: Task[];
}

/** The questions each task of the first part asks, in the conversation's order. */
export const ANSWER_TASKS: ReadonlyArray<{ title: string; prompts: readonly PromptId[] }> = [
  { title: 'Your details', prompts: ['name', 'date-of-birth', 'sex', 'contact'] },
  { title: 'Your right to live in the UK', prompts: ['immigration-status', 'immigration-evidence'] },
  { title: 'Your household', prompts: ['household'] },
  { title: 'Your links to the area', prompts: ['local-connection'] },
  { title: 'Your money', prompts: ['income'] },
  { title: 'Where you live now', prompts: ['current-home'] },
  { title: 'Your circumstances', prompts: CIRCUMSTANCE_PROMPTS },
  { title: 'Proof of who you are', prompts: ['identity-document'] },
];

/**
 * The stages after the answers are sent, in order: each task is done once the journey is past its stages, and
 * is the applicant's to do (on its page) while the journey waits in the stage `yours`.
 */
const LATER_TASKS: ReadonlyArray<{
  title: string;
  stages: readonly Stage[];
  yours?: { stage: Stage; page: NonNullable<Task['page']> };
}> = [
  {
    title: 'We check your answers and documents',
    stages: [Stage.Eligibility, Stage.Qualification, Stage.Household, Stage.Documents, Stage.Verification],
  },
  { title: 'You join the housing register', stages: [Stage.Registered] },
  {
    title: 'We offer you a home',
    stages: [Stage.Offer, Stage.OfficerApproval, Stage.ApplicantResponse],
    yours: { stage: Stage.ApplicantResponse, page: 'offer' },
  },
  {
    title: 'You sign your tenancy',
    stages: [Stage.TenancySigning],
    yours: { stage: Stage.TenancySigning, page: 'tenancy' },
  },
  { title: 'You get your keys', stages: [Stage.Keys, Stage.Let], yours: { stage: Stage.Keys, page: 'key' } },
];
const STAGE_ORDER = LATER_TASKS.flatMap((task) => task.stages);

function answerTask(application: Application, title: string, prompts: readonly PromptId[]): Task {
  const asked = prompts.filter((prompt) => isApplicable(application, prompt));
  const done = asked.filter((prompt) => isAnswered(application, prompt));
  const open = answersAreOpen(application);
  const status: TaskStatus =
    done.length === asked.length ? 'completed' : done.length > 0 ? 'in-progress' : 'not-started';
  // While the answers are open, a finished task links to its first question (to check or change it).
  const prompt = open ? (asked.find((candidate) => !done.includes(candidate)) ?? asked[0]) : undefined;
  return { title, status, ...(prompt ? { prompt } : {}) };
}

/** The applicant's task list: the answers to give and send, then what happens once they are sent. */
export function journeyTasks(application: Application): TaskSection[] {
  const answers = ANSWER_TASKS.map(({ title, prompts }) => answerTask(application, title, prompts));
  const sent = !answersAreOpen(application);
  const ready = answers.every((task) => task.status === 'completed');
  const send: Task = sent
    ? { title: 'Check and send your answers', status: 'completed' }
    : ready
      ? { title: 'Check and send your answers', prompt: 'check-answers', status: 'not-started' }
      : {
          title: 'Check and send your answers',
          status: 'cannot-start',
          hint: 'You can do this when everything above is done.',
        };

  const current = STAGE_ORDER.indexOf(application.stage);
  const registered = application.status === 'registered';
  const later = LATER_TASKS.map(({ title, stages, yours }): Task => {
    const first = STAGE_ORDER.indexOf(stages[0] as Stage);
    const last = STAGE_ORDER.indexOf(stages[stages.length - 1] as Stage);
    if (!sent) return { title, status: 'cannot-start' };
    if (application.status === 'let' || current > last) return { title, status: 'completed' };
    if (application.status === 'closed')
      return { title, status: 'cannot-start', hint: 'Your application is closed.' };
    // On the register, the wait is for a home: joining is done, and the offer is the next thing to come.
    if (registered && stages.includes(Stage.Registered)) return { title, status: 'completed' };
    if (registered && stages.includes(Stage.Offer))
      return { title, status: 'with-us', hint: 'You are waiting for a home that fits your household.' };
    if (current < first) return { title, status: 'cannot-start' };
    if (yours && application.stage === yours.stage) return { title, status: 'to-do', page: yours.page };
    return { title, status: 'with-us' };
  });

  return [
    { title: 'Apply', tasks: [...answers, send] },
    { title: 'After you apply', tasks: later },
  ];
}
