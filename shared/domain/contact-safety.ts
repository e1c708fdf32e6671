import * as z from 'zod';

/**
 * Safe contact (issue 9), for people whose messages may be read by someone they are escaping, such as a person
 * fleeing domestic abuse. The applicant says which ways of contacting them are safe, when a text is safe to
 * arrive, whether letters may be posted to their address, and whether a voicemail may be left. Every message
 * to the applicant goes through {@link planDelivery} (the `SafeContactNotifier` around every Notifier), and the
 * officer console shows {@link safeContactSummary} on the case so officers do not phone or write unsafely.
 * Pure: no I/O here.
 */

/** The ways Doorstep sends a message: an email, a text message, or a printed letter by post. */
export const Channel = z.enum(['email', 'text', 'post']);
export type Channel = z.infer<typeof Channel>;

/**
 * Parts of the day a text may arrive, in UK time. Whole hours, so a held text is released on the hour; none
 * starts before 9am or ends after 9pm, the hours most people expect a service to text.
 */
export const TEXT_TIMES = {
  morning: { from: 9, to: 12, name: 'mornings', hours: '9am to 12 noon' },
  afternoon: { from: 12, to: 17, name: 'afternoons', hours: '12 noon to 5pm' },
  evening: { from: 17, to: 21, name: 'evenings', hours: '5pm to 9pm' },
} as const;
export const TextTime = z.enum(['morning', 'afternoon', 'evening']);
export type TextTime = z.infer<typeof TextTime>;

/** Whether letters may be posted to the applicant's address, and if not, why (the officer needs to know). */
export const LettersByPost = z.enum(['safe', 'shared-address', 'not-safe'], {
  error: 'Say whether we can post letters to your address',
});

export const ContactSafety = z.object({
  /** The channels that are safe, of email and text: none at all is an answer (the applicant checks online). */
  safe: z.array(z.enum(['email', 'text'], { error: 'Choose from email and text message' })).max(2),
  /** When a text is safe to arrive; empty: at any time. Only asked when texts are safe. */
  textTimes: z.array(TextTime).max(3).default([]),
  letters: LettersByPost,
  voicemail: z.boolean({ error: 'Say whether we can leave a voicemail' }),
  updatedAt: z.iso.datetime(),
});
export type ContactSafety = z.infer<typeof ContactSafety>;

/** Why a channel was not used for a message: recorded in the audit log (no personal data) and counted. */
export type WithheldReason = 'email-not-safe' | 'text-not-safe' | 'post-not-safe' | 'no-safe-time-in-time';

export interface DeliveryPlan {
  /** Channels to send on now. */
  now: Channel[];
  /** A text held until the next safe time (ISO 8601), when it is not a safe time now. */
  heldText?: string;
  /** Channels not used, each with why. */
  withheld: Array<{ channel: Channel; reason: WithheldReason }>;
}

const HOUR_MS = 3_600_000;
/** The hour of the day in the UK (0-23) at an instant: GMT in winter, BST in summer. */
const ukHour = (at: Date): number =>
  Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', hourCycle: 'h23' }).format(
      at,
    ),
  );

function isSafeHour(times: readonly TextTime[], hour: number): boolean {
  return times.some((time) => hour >= TEXT_TIMES[time].from && hour < TEXT_TIMES[time].to);
}

/**
 * The next instant a text may arrive: now when now is safe, else the start of the next safe hour (every UK
 * offset is whole hours, so looking hour by hour finds it, across a change of the clocks too).
 */
export function nextSafeTextTime(times: readonly TextTime[], now: Date): Date {
  if (times.length === 0 || isSafeHour(times, ukHour(now))) return now;
  const hour = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
  for (let ahead = 1; ahead <= 48; ahead += 1) {
    const candidate = new Date(hour.getTime() + ahead * HOUR_MS);
    if (isSafeHour(times, ukHour(candidate))) return candidate;
  }
  return now;
}

/**
 * Which of the channels asked for a message may carry it, given the applicant's safe-contact preferences.
 * Without preferences every channel asked for is used. A text outside the safe times is held until the next
 * safe time, or withheld when the message would be useless by then (`discardAfter`).
 */
export function planDelivery(
  safety: ContactSafety | undefined,
  requested: readonly Channel[],
  now: Date,
  discardAfter?: string,
): DeliveryPlan {
  if (!safety) return { now: [...requested], withheld: [] };
  const plan: DeliveryPlan = { now: [], withheld: [] };
  for (const channel of requested) {
    if (channel === 'email') {
      if (safety.safe.includes('email')) plan.now.push('email');
      else plan.withheld.push({ channel, reason: 'email-not-safe' });
    } else if (channel === 'post') {
      // A letter is still there to read online: only the printed copy is not posted.
      if (safety.letters === 'safe') plan.now.push('post');
      else plan.withheld.push({ channel, reason: 'post-not-safe' });
    } else if (!safety.safe.includes('text')) {
      plan.withheld.push({ channel, reason: 'text-not-safe' });
    } else {
      const at = nextSafeTextTime(safety.textTimes, now);
      if (at.getTime() === now.getTime()) plan.now.push('text');
      else if (discardAfter !== undefined && Date.parse(discardAfter) <= at.getTime())
        plan.withheld.push({ channel, reason: 'no-safe-time-in-time' });
      else plan.heldText = at.toISOString();
    }
  }
  return plan;
}

const LETTERS: Record<ContactSafety['letters'], string> = {
  safe: 'letters by post',
  'shared-address': 'no letters by post (the address is shared)',
  'not-safe': 'no letters by post (the address is not safe)',
};

/**
 * One line for the officer console, each channel with what may and may not be done, e.g. "Email is safe; text
 * only mornings (9am to 12 noon), UK time; no letters by post (the address is shared); do not leave voicemail."
 */
export function safeContactSummary(safety: ContactSafety): string {
  const parts: string[] = [];
  parts.push(safety.safe.includes('email') ? 'email is safe' : 'do not email');
  if (!safety.safe.includes('text')) parts.push('do not text');
  else if (safety.textTimes.length === 0) parts.push('texts are safe at any time');
  else
    parts.push(
      `text only ${safety.textTimes.map((time) => `${TEXT_TIMES[time].name} (${TEXT_TIMES[time].hours})`).join(' or ')}, UK time`,
    );
  parts.push(LETTERS[safety.letters]);
  parts.push(safety.voicemail ? 'voicemail may be left' : 'do not leave voicemail');
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** Whether the applicant has said anything is unsafe: the console then shows its warning. */
export const hasRestrictions = (safety: ContactSafety | undefined): safety is ContactSafety =>
  safety !== undefined &&
  (safety.safe.length < 2 || safety.textTimes.length > 0 || safety.letters !== 'safe' || !safety.voicemail);
