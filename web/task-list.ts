import type { Application } from '../shared/domain/application.js';
import { answersAreOpen } from '../shared/domain/conversation.js';
import { journeyTasks, type Task, type TaskStatus } from '../shared/domain/task-list.js';
import { promptPath } from './prompt-paths.js';

/**
 * How each status shows (the GOV.UK task list's statuses: a tag for what is still to do, text for the rest). The
 * page translates the texts (shared/i18n), so they stay English here.
 */
const STATUS: Record<TaskStatus, { text: string; tag?: string; classes?: string }> = {
  completed: { text: 'Completed' },
  'in-progress': { text: 'In progress', tag: 'govuk-tag--light-blue' },
  'not-started': { text: 'Not yet started', tag: 'govuk-tag--blue' },
  'to-do': { text: 'Your turn', tag: 'govuk-tag--blue' },
  'with-us': { text: 'With us', tag: 'govuk-tag--grey' },
  'cannot-start': { text: 'Cannot start yet', classes: 'govuk-task-list__status--cannot-start-yet' },
};

function hrefOf(applicationId: string, task: Task): string | undefined {
  if (task.prompt) return promptPath(applicationId, task.prompt);
  if (task.page) return `/applications/${applicationId}/${task.page}`;
  return undefined;
}

/**
 * The journey's task list for the status page, one list per section. Once the answers are sent, the first
 * section (all done, nothing to open) gives way to what happens after.
 */
export function taskListView(application: Application) {
  const sections = journeyTasks(application);
  return (answersAreOpen(application) ? sections : sections.slice(1)).map((section) => ({
    title: section.title,
    items: section.tasks.map((task) => {
      const status = STATUS[task.status];
      const href = hrefOf(application.applicationId, task);
      return {
        title: task.title,
        ...(href ? { href } : {}),
        ...(task.hint ? { hint: task.hint } : {}),
        status,
      };
    }),
  }));
}
