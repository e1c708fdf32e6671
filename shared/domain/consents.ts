import * as z from 'zod';

/**
 * Consent for the uses of an applicant's data that the housing register does not need (UK GDPR Art. 6(1)(a)).
 * Everything the register needs rests on the landlord's public task (Art. 6(1)(e)) and is explained in the
 * privacy notice, not asked for: consent that cannot be refused is not consent (Art. 7(4)). Each consent is
 * asked for on its own, unticked, and can be withdrawn as easily as it was given (Art. 7(3)). Pure: no I/O.
 */

/**
 * The privacy notice's version: kept on every consent, so it is known which notice the applicant had read.
 * Change it whenever the notice (web/views/privacy.njk) changes what it says about data.
 */
export const PRIVACY_NOTICE_VERSION = '2026-11';

/** The uses that need the applicant's consent. */
export const ConsentUse = z.enum([
  'text-messages',
  'share-with-council',
  'homes-by-email',
  'service-improvement',
]);
export type ConsentUse = z.infer<typeof ConsentUse>;

/** Each use as the applicant is asked about it, and what happens without it, in plain English. */
export const CONSENT_USES: Readonly<Record<ConsentUse, { label: string; hint: string; without: string }>> = {
  'text-messages': {
    label: 'Send me text messages about my application',
    hint: 'Reminders and updates to the phone number you gave us, as well as emails.',
    without: 'We write to you by email only.',
  },
  'share-with-council': {
    label: 'Tell the council’s housing options team how my application is going',
    hint: 'Useful if the council is helping you find a home: they see your stage and decisions, not your documents.',
    without:
      'The council sees your application only where the law requires it, for example for a nomination.',
  },
  'homes-by-email': {
    label: 'Email me about homes advertised that may suit my household',
    hint: 'Once you are on the register. You still see every advert when you sign in.',
    without: 'You see adverts when you sign in.',
  },
  'service-improvement': {
    label: 'Use my answers, without my name or contact details, to improve this service',
    hint: 'For example, to find questions people find hard. Nobody can tell the answers are yours.',
    without: 'Your answers are used only for your application.',
  },
};

/** How a consent was given or withdrawn: on the web, by replying to a text message, or by an officer for them. */
export const ConsentChannel = z.enum(['web', 'sms', 'officer']);
export type ConsentChannel = z.infer<typeof ConsentChannel>;

/**
 * One change of one consent: given or withdrawn, when, under which notice and how. Changes are only ever added
 * (the history is what shows consent was given freely, Art. 7(1)); the newest change of a use is its state.
 */
export const ConsentRecord = z.object({
  use: ConsentUse,
  given: z.boolean(),
  at: z.iso.datetime(),
  noticeVersion: z.string().min(1),
  via: ConsentChannel,
  /** The officer who recorded it for the applicant (they asked by phone or in person). */
  officerId: z.string().min(1).optional(),
});
export type ConsentRecord = z.infer<typeof ConsentRecord>;

/** The consents' history as an application holds it: bounded, since each change adds one. */
export const ConsentHistory = z.array(ConsentRecord).max(400);

/** The newest change of a use, if it was ever asked about. */
export function currentConsent(
  consents: readonly ConsentRecord[] | undefined,
  use: ConsentUse,
): ConsentRecord | undefined {
  return consents?.findLast((record) => record.use === use);
}

/**
 * Whether the applicant has consented to a use now. Never asked is no: silence is not consent (Recital 32).
 * Every use that needs consent checks this before it happens (a text message, a share, an email about homes).
 */
export function hasConsent(
  application: { consents?: readonly ConsentRecord[] | undefined },
  use: ConsentUse,
): boolean {
  return currentConsent(application.consents, use)?.given === true;
}

/**
 * The changes that make the applicant's consents exactly `given`: one record for each use whose state differs
 * (a use never asked about and not given is left unrecorded). Sending the same choices again changes nothing.
 */
export function consentChanges(
  consents: readonly ConsentRecord[] | undefined,
  given: ReadonlySet<ConsentUse>,
  how: { at: string; via: ConsentChannel; officerId?: string },
): ConsentRecord[] {
  return ConsentUse.options.flatMap((use) => {
    const wanted = given.has(use);
    const now = currentConsent(consents, use)?.given ?? false;
    if (wanted === now) return [];
    return [
      {
        use,
        given: wanted,
        at: how.at,
        noticeVersion: PRIVACY_NOTICE_VERSION,
        via: how.via,
        ...(how.officerId === undefined ? {} : { officerId: how.officerId }),
      },
    ];
  });
}
