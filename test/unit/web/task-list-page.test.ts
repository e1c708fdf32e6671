import { CIRCUMSTANCE_PROMPTS } from '../../../shared/domain/conversation';
import { Stage } from '../../../shared/domain/stage';
import { aCompleteApplication, anApplication } from '../../fixtures/applications';
import { aWebApp, signIn } from './browser';

const applicationId = 'app_0123456789abcdef0123456789abcdef';
const status = `/applications/${applicationId}/status`;

/** The task list items of a page: each task's name, where it links (if anywhere) and its status. */
function tasksOf(html: string) {
  return [...html.matchAll(/<li class="govuk-task-list__item[\s\S]*?<\/li>/g)].map(([item]) => ({
    name: (/<(?:a|div)[^>]*>\s*([^<]+?)\s*<\/(?:a|div)>/.exec(item)?.[1] ?? '').trim(),
    href: /href="([^"]+)"/.exec(item)?.[1],
    status: (/class="govuk-task-list__status[^"]*"[^>]*>([\s\S]*?)<\/div>/.exec(item)?.[1] ?? '')
      .replace(/<[^>]+>/g, '')
      .trim(),
  }));
}

async function statusPageFor(application: Parameters<typeof anApplication>[0]) {
  const app = aWebApp();
  const browser = app.browser();
  const subject = await signIn(app.deps, browser, 'gareth.pritchard@example.org');
  await app.deps.applications.create(anApplication({ ...application, ownerId: subject }));
  return browser.get(status);
}

describe('the task list on the status page', () => {
  it('shows a new applicant every task, the first linked to its first question, and sending not yet possible', async () => {
    const response = await statusPageFor({});

    const tasks = tasksOf(response.body);
    expect(tasks[0]).toEqual({
      name: 'Your details',
      href: `/applications/${applicationId}/questions/name`,
      status: 'Not yet started',
    });
    expect(tasks.find((task) => task.name === 'Check and send your answers')).toEqual({
      name: 'Check and send your answers',
      href: undefined,
      status: 'Cannot start yet',
    });
  });

  it('links the offer as the applicant’s turn while it waits for their answer, and drops the answers once sent', async () => {
    const { profile, documents } = aCompleteApplication();
    const response = await statusPageFor({
      profile,
      documents,
      stage: Stage.ApplicantResponse,
      status: 'offered',
      conversation: {
        answered: ['contact', 'household', ...CIRCUMSTANCE_PROMPTS, 'identity-document', 'check-answers'],
      },
    });

    const tasks = tasksOf(response.body);
    expect(tasks.map((task) => task.name)).not.toContain('Your details');
    expect(tasks.find((task) => task.name === 'We offer you a home')).toEqual({
      name: 'We offer you a home',
      href: `/applications/${applicationId}/offer`,
      status: 'Your turn',
    });
  });
});
