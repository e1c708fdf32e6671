import type { Application } from '../../../shared/domain/application';
import { CIRCUMSTANCE_PROMPTS, PromptId } from '../../../shared/domain/conversation';
import { Stage } from '../../../shared/domain/stage';
import { ANSWER_TASKS, journeyTasks, type Task } from '../../../shared/domain/task-list';
import { aCompleteApplication, anApplication } from '../../fixtures/applications';

const byTitle = (application: Application) =>
  Object.fromEntries(
    journeyTasks(application).flatMap((section) => section.tasks.map((task) => [task.title, task])),
  );
const statuses = (application: Application) =>
  Object.fromEntries(
    Object.entries(byTitle(application)).map(([title, task]) => [title, (task as Task).status]),
  );

/** Every answer given through the conversation, ready to check and send. */
const everythingAnswered = (overrides: Partial<Application> = {}) =>
  aCompleteApplication({
    conversation: { answered: ['contact', 'household', ...CIRCUMSTANCE_PROMPTS, 'identity-document'] },
    ...overrides,
  });

describe('the journey’s task list', () => {
  it('groups every question of the conversation once, in the order the conversation asks them', () => {
    expect(ANSWER_TASKS.flatMap((task) => task.prompts)).toEqual(
      PromptId.options.filter((prompt) => prompt !== 'check-answers'),
    );
  });

  it('starts with every task to do, the first one linked to its first question, and sending not yet possible', () => {
    const tasks = byTitle(anApplication());

    expect(tasks['Your details']).toEqual({ title: 'Your details', status: 'not-started', prompt: 'name' });
    expect(tasks['Check and send your answers']).toMatchObject({ status: 'cannot-start' });
    expect(tasks['We check your answers and documents']).toEqual({
      title: 'We check your answers and documents',
      status: 'cannot-start',
    });
  });

  it('shows a task part done as in progress, linked to the first question still to answer', () => {
    const tasks = byTitle(
      anApplication({ conversation: { answered: [], aboutYou: { firstName: 'Gareth' } } }),
    );

    expect(tasks['Your details']).toEqual({
      title: 'Your details',
      status: 'in-progress',
      prompt: 'date-of-birth',
    });
  });

  it('counts only the questions that apply: a British citizen is not asked for a share code', () => {
    const tasks = byTitle(
      anApplication({ profile: { household: [], immigrationStatus: 'british-or-irish' } }),
    );

    expect(tasks['Your right to live in the UK']).toEqual({
      title: 'Your right to live in the UK',
      status: 'completed',
      prompt: 'immigration-status',
    });
  });

  it('asks for the share code after a status that needs one, so the task is still in progress', () => {
    const tasks = byTitle(
      anApplication({ profile: { household: [], immigrationStatus: 'eu-settled-status' } }),
    );

    expect(tasks['Your right to live in the UK']).toMatchObject({
      status: 'in-progress',
      prompt: 'immigration-evidence',
    });
  });

  it('lets the applicant check and send once every task is done', () => {
    const application = everythingAnswered();

    expect(Object.values(statuses(application)).slice(0, 8)).toEqual(Array(8).fill('completed'));
    expect(byTitle(application)['Check and send your answers']).toEqual({
      title: 'Check and send your answers',
      prompt: 'check-answers',
      status: 'not-started',
    });
  });

  it('once sent, links no answer (they can no longer change here) and shows the checks as with us', () => {
    const application = everythingAnswered({
      status: 'waiting',
      conversation: {
        answered: ['contact', 'household', ...CIRCUMSTANCE_PROMPTS, 'identity-document', 'check-answers'],
      },
    });
    const tasks = journeyTasks(application).flatMap((section) => section.tasks);

    expect(tasks.filter((task) => task.prompt !== undefined)).toEqual([]);
    expect(statuses(application)).toMatchObject({
      'Check and send your answers': 'completed',
      'We check your answers and documents': 'with-us',
      'You join the housing register': 'cannot-start',
    });
  });

  it('on the register, shows joining done and the wait for a home', () => {
    const application = everythingAnswered({ stage: Stage.Registered, status: 'registered' });

    expect(statuses(application)).toMatchObject({
      'We check your answers and documents': 'completed',
      'You join the housing register': 'completed',
      'We offer you a home': 'with-us',
      'You sign your tenancy': 'cannot-start',
    });
    expect(byTitle(application)['We offer you a home']?.hint).toMatch(/waiting for a home/);
  });

  it('makes an offer the applicant’s to do, on the offer page, while it waits for their answer', () => {
    const application = everythingAnswered({ stage: Stage.ApplicantResponse, status: 'offered' });

    expect(byTitle(application)['We offer you a home']).toEqual({
      title: 'We offer you a home',
      status: 'to-do',
      page: 'offer',
    });
  });

  it('keeps an offer with us while an officer approves it', () => {
    const application = everythingAnswered({ stage: Stage.OfficerApproval, status: 'offered' });

    expect(byTitle(application)['We offer you a home']?.status).toBe('with-us');
  });

  it('shows everything done once the household has moved in', () => {
    const application = everythingAnswered({ stage: Stage.Let, status: 'let' });

    expect(new Set(Object.values(statuses(application)))).toEqual(new Set(['completed']));
  });

  it('says a closed application’s later tasks cannot start, and why', () => {
    const application = everythingAnswered({ stage: Stage.Verification, status: 'closed' });

    expect(byTitle(application)['You join the housing register']).toEqual({
      title: 'You join the housing register',
      status: 'cannot-start',
      hint: 'Your application is closed.',
    });
  });
});
