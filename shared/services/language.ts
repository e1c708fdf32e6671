import type { Application } from '../domain/application.js';
import type { Language } from '../i18n/language.js';
import { ConflictError, type Notification, type Notifier } from '../ports.js';
import type { Deps } from './deps.js';
import { ownedApplication } from './ownership.js';

/**
 * The applicant's language (issue 9; Welsh Language Standards: correspondence in the language the person
 * chose). Chosen on the web, kept on the application, and put on every message to them.
 */

/**
 * Keeps the language the applicant chose on their application. Choosing the one already kept writes nothing;
 * another device writing at the same moment wins (the choice is asked again with the next `?lang=`). The audit
 * event says that it changed and to which language: a choice, not personal data.
 */
export async function chooseLanguage(
  deps: Pick<Deps, 'applications' | 'audit' | 'clock'>,
  input: { subject: string; applicationId: string; language: Language },
): Promise<Application> {
  const application = await ownedApplication(deps, input.subject, input.applicationId);
  if ((application.language ?? 'en') === input.language) return application;
  const now = deps.clock.now().toISOString();
  try {
    const saved = await deps.applications.save({ ...application, language: input.language, updatedAt: now });
    await deps.audit.append({
      applicationId: application.applicationId,
      at: now,
      type: 'language-chosen',
      actor: 'applicant',
      facts: { language: input.language },
    });
    return saved;
  } catch (error) {
    if (error instanceof ConflictError) return application;
    throw error;
  }
}

/**
 * Puts the applicant's language on each message to them, so it is written in it (shared/i18n/messages.ts). A
 * message to an officer, or a sign-in code before there is an application, is sent as it is.
 */
export class LanguageNotifier implements Notifier {
  constructor(
    private readonly inner: Notifier,
    private readonly applications: Pick<Deps['applications'], 'get'>,
  ) {}

  async send(notification: Notification): Promise<void> {
    const { to } = notification;
    if (!('applicationId' in to) || notification.language) return this.inner.send(notification);
    const application = await this.applications.get(to.applicationId);
    return this.inner.send({ ...notification, language: application?.language ?? 'en' });
  }
}
