import type * as z from 'zod';
import type { Application } from '../domain/application.js';
import { type Channel, ContactSafety, planDelivery } from '../domain/contact-safety.js';
import type { ApplicationStore, AuditLog, Clock, Notification, Notifier } from '../ports.js';
import type { Deps } from './deps.js';
import { ownedApplication } from './ownership.js';

/** What a message to an applicant is sent on when it does not say: no message is posted unless it asks to be. */
const DEFAULT_CHANNELS: readonly Channel[] = ['email', 'text'];

/**
 * Every message to an applicant respects their safe-contact preferences (issue 9; domain/contact-safety.ts): a
 * decorator around any {@link Notifier}, so no service can forget. Unsafe channels are dropped, a text outside
 * the safe times is held until the next one (`notBefore`, which the sender honours), and a letter is not posted
 * to an address that is not safe (it is still there to read online). What was not sent, and why, goes in the
 * audit log with the message's template and channel only: no personal data. Messages to officers and sign-in
 * codes (to an address, before there is an application) pass through unchanged.
 */
export class SafeContactNotifier implements Notifier {
  constructor(
    private readonly inner: Notifier,
    private readonly deps: { applications: Pick<ApplicationStore, 'get'>; audit: AuditLog; clock: Clock },
  ) {}

  async send(notification: Notification): Promise<void> {
    const { to } = notification;
    if (!('applicationId' in to)) return this.inner.send(notification);
    const application = await this.deps.applications.get(to.applicationId);
    const now = this.deps.clock.now();
    const plan = planDelivery(
      application?.contactSafety,
      notification.channels ?? DEFAULT_CHANNELS,
      now,
      notification.discardAfter,
    );
    if (plan.now.length > 0) await this.inner.send({ ...notification, channels: plan.now });
    if (plan.heldText) {
      await this.inner.send({ ...notification, channels: ['text'], notBefore: plan.heldText });
      await this.record(to.applicationId, now, 'message-held', {
        template: notification.template,
        channel: 'text',
        notBefore: plan.heldText,
      });
    }
    for (const { channel, reason } of plan.withheld) {
      await this.record(to.applicationId, now, 'message-withheld', {
        template: notification.template,
        channel,
        reason,
      });
    }
  }

  private record(applicationId: string, at: Date, type: string, facts: Record<string, string>) {
    return this.deps.audit.append({ applicationId, at: at.toISOString(), type, actor: 'system', facts });
  }
}

/** The form's answer: everything but when it was given, which the service stamps. */
export const ContactSafetyAnswer = ContactSafety.omit({ updatedAt: true });

/**
 * The applicant says how it is safe to contact them. Not a question of the journey: it can be given, changed
 * or taken back at any time, even after the application has closed (a withdrawal's messages go out after it),
 * and asks nothing of the workflow. The audit event says that it changed, never what it says.
 */
export async function setContactSafety(
  deps: Pick<Deps, 'applications' | 'audit' | 'clock'>,
  input: { subject: string; applicationId: string; body: unknown },
): Promise<Application> {
  const application = await ownedApplication(deps, input.subject, input.applicationId);
  const answer = ContactSafetyAnswer.parse(input.body);
  const now = deps.clock.now().toISOString();
  const saved = await deps.applications.save({
    ...application,
    // Times for texts only mean something while texts are safe.
    contactSafety: {
      ...answer,
      textTimes: answer.safe.includes('text') ? answer.textTimes : [],
      updatedAt: now,
    },
    updatedAt: now,
  });
  await deps.audit.append({
    applicationId: application.applicationId,
    at: now,
    type: 'contact-safety-set',
    actor: 'applicant',
  });
  return saved;
}

export type ContactSafetyAnswer = z.infer<typeof ContactSafetyAnswer>;
