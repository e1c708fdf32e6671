import * as z from 'zod';
import type { Application } from '../domain/application.js';
import {
  CONSENT_USES,
  type ConsentChannel,
  type ConsentRecord,
  ConsentUse,
  consentChanges,
  currentConsent,
  hasConsent,
  PRIVACY_NOTICE_VERSION,
} from '../domain/consents.js';
import type { Channel } from '../domain/contact-safety.js';
import {
  type ApplicationStore,
  type AuditLog,
  type Clock,
  ConflictError,
  NotFoundError,
  type Notification,
  type Notifier,
} from '../ports.js';
import type { Actor } from './decisions.js';
import type { Deps } from './deps.js';
import { ownedApplication } from './ownership.js';

/**
 * The applicant's consents (UK GDPR Art. 6(1)(a), 7): read them, and set them to what the applicant chose, each
 * change kept with its time, the privacy notice's version and how it was given, and an audit event per change.
 * The applicant sets their own; an officer of the landlord may record what the applicant told them (by phone,
 * in person), which says so on the record and names the officer in the audit event.
 */

/** What the consents page and the API show: each use, whether it is given, and since when and how. */
export interface ConsentView {
  use: ConsentUse;
  label: string;
  hint: string;
  without: string;
  given: boolean;
  /** The newest change, if the applicant was ever asked. */
  since?: Pick<ConsentRecord, 'at' | 'via' | 'noticeVersion'>;
}

export function consentViews(application: Pick<Application, 'consents'>): ConsentView[] {
  return ConsentUse.options.map((use) => {
    const record = currentConsent(application.consents, use);
    return {
      use,
      ...CONSENT_USES[use],
      given: record?.given === true,
      ...(record ? { since: { at: record.at, via: record.via, noticeVersion: record.noticeVersion } } : {}),
    };
  });
}

/**
 * The consents the applicant gives: every use they want, by name; a use not named is not given (or withdrawn).
 * A single name may come as a string (one ticked checkbox in a form).
 */
export const ConsentChoice = z.object({
  given: z
    .union([ConsentUse, z.array(ConsentUse).max(ConsentUse.options.length)], {
      error: `Choose from: ${ConsentUse.options.join(', ')}`,
    })
    .optional()
    .transform((value) => new Set(value === undefined ? [] : [value].flat())),
});

type ConsentActor = Actor | { kind: 'applicant'; subject: string; via: Extract<ConsentChannel, 'sms'> };

async function applicationFor(deps: Pick<Deps, 'applications'>, actor: ConsentActor, applicationId: string) {
  if (actor.kind === 'applicant') return ownedApplication(deps, actor.subject, applicationId);
  const application = await deps.applications.get(applicationId);
  // Another landlord's case answers exactly like a missing one.
  if (!application || application.landlordId !== actor.landlordId)
    throw new NotFoundError('No such application');
  return application;
}

export async function consentsFor(
  deps: Pick<Deps, 'applications'>,
  input: { actor: Actor; applicationId: string },
): Promise<{ noticeVersion: string; consents: ConsentView[] }> {
  const application = await applicationFor(deps, input.actor, input.applicationId);
  return { noticeVersion: PRIVACY_NOTICE_VERSION, consents: consentViews(application) };
}

/**
 * Sets the applicant's consents to their choice. The application is read and checked for ownership before the
 * choice is (someone else's answers 404 whatever they sent); an unknown use is a 400 naming the uses there are.
 * Answers the consents as they now stand and the changes this call made (none when nothing changed).
 */
export async function setConsents(
  deps: Pick<Deps, 'applications' | 'audit' | 'clock'>,
  input: { actor: ConsentActor; applicationId: string; body: unknown },
): Promise<{ consents: ConsentView[]; changed: ConsentRecord[] }> {
  const application = await applicationFor(deps, input.actor, input.applicationId);
  const { given } = ConsentChoice.parse(input.body ?? {});
  const at = deps.clock.now().toISOString();
  const { actor } = input;
  const changed = consentChanges(application.consents, given, {
    at,
    ...(actor.kind === 'officer'
      ? { via: 'officer' as const, officerId: actor.officerId }
      : { via: 'via' in actor ? actor.via : ('web' as const) }),
  });
  if (changed.length === 0) return { consents: consentViews(application), changed };
  const consents = [...(application.consents ?? []), ...changed];
  try {
    await deps.applications.save({ ...application, consents, updatedAt: at });
  } catch (error) {
    if (error instanceof ConflictError)
      throw new ConflictError('Your application changed while you were choosing. Try again.');
    throw error;
  }
  for (const record of changed) {
    // Which use, under which notice and how: no personal data, so erasure leaves the event intact.
    await deps.audit.append({
      applicationId: application.applicationId,
      at,
      type: record.given ? 'consent-given' : 'consent-withdrawn',
      actor: actor.kind,
      facts: {
        use: record.use,
        noticeVersion: record.noticeVersion,
        via: record.via,
        ...(actor.kind === 'officer' ? { officerId: actor.officerId } : {}),
      },
    });
  }
  return { consents: consentViews({ consents }), changed };
}

/**
 * Gives or withdraws one consent, leaving the others as they are: a STOP texted from the applicant's linked
 * mobile withdraws `text-messages`, recorded as given by text (`sms`).
 */
export async function changeConsent(
  deps: Pick<Deps, 'applications' | 'audit' | 'clock'>,
  input: { actor: ConsentActor; applicationId: string; use: ConsentUse; given: boolean },
): Promise<{ consents: ConsentView[]; changed: ConsentRecord[] }> {
  const application = await applicationFor(deps, input.actor, input.applicationId);
  const given = new Set(
    consentViews(application)
      .filter((view) => view.given)
      .map((view) => view.use),
  );
  if (input.given) given.add(input.use);
  else given.delete(input.use);
  return setConsents(deps, {
    actor: input.actor,
    applicationId: input.applicationId,
    body: { given: [...given] },
  });
}

/** What an applicant's message is sent on when it does not say (shared/ports.ts, `Notification.channels`). */
const DEFAULT_CHANNELS: readonly Channel[] = ['email', 'text'];

/** The audit event of each message to an applicant: which message and on which channels, never what it says. */
export const MESSAGE_EVENT = 'message-queued';

/**
 * No text message without the applicant's consent to texts (`text-messages`): a decorator around the notifier,
 * outside the safe-contact one, so no service can forget. A text asked for without consent is dropped, and the
 * audit log says so (the template and the reason only); the rest of the message goes on. Each message to an
 * applicant that goes on is recorded in their audit log ({@link MESSAGE_EVENT}: the template and channels, no
 * personal data), which is how their copy of their data lists the messages sent (the outbox is kept by day, not by
 * application); the safe-contact decorator inside records any channel it then holds or withholds. Messages to
 * officers and to an address (a sign-in code asked for by the person holding it) pass through unchanged.
 */
export class TextConsentNotifier implements Notifier {
  constructor(
    private readonly inner: Notifier,
    private readonly deps: { applications: Pick<ApplicationStore, 'get'>; audit: AuditLog; clock: Clock },
  ) {}

  async send(notification: Notification): Promise<void> {
    const { to } = notification;
    if (!('applicationId' in to)) return this.inner.send(notification);
    const requested = notification.channels ?? DEFAULT_CHANNELS;
    const at = this.deps.clock.now().toISOString();
    const application = requested.includes('text')
      ? await this.deps.applications.get(to.applicationId)
      : undefined;
    if (!requested.includes('text') || (application && hasConsent(application, 'text-messages'))) {
      await this.inner.send(notification);
      return this.record(to.applicationId, at, notification.template, requested);
    }
    await this.deps.audit.append({
      applicationId: to.applicationId,
      at,
      type: 'message-withheld',
      actor: 'system',
      facts: { template: notification.template, channel: 'text', reason: 'no-text-consent' },
    });
    const channels = requested.filter((channel) => channel !== 'text');
    if (channels.length === 0) return;
    await this.inner.send({ ...notification, channels });
    await this.record(to.applicationId, at, notification.template, channels);
  }

  private record(applicationId: string, at: string, template: string, channels: readonly Channel[]) {
    return this.deps.audit.append({
      applicationId,
      at,
      type: MESSAGE_EVENT,
      actor: 'system',
      facts: { template, channels: channels.join(' ') },
    });
  }
}
