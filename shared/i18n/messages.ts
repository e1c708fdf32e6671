import type { Notification } from '../ports.js';
import { translate, welshMonths } from './index.js';

/**
 * The words of each message to an applicant (issue 9), written in the language on the message (services/
 * language.ts puts the applicant's there). The English is the catalogue's key, as on the pages; its
 * `{placeholders}` are the message's values. Dates go in as ISO days and come out as people write them, with
 * Welsh month names in Welsh; a stage's name is translated too.
 */
const MESSAGES: Record<string, string> = {
  'sign-in-code':
    'Your Doorstep sign-in code is {code}. It works for 10 minutes. If you did not ask for it, you can ignore this message.',
  decision:
    'We have made a decision at the step ‘{stage}’. Sign in to Doorstep to see what we decided and why.',
  'wait-answers':
    'We need something from you for the step ‘{stage}’ by {deadline}. Sign in to Doorstep to see what.',
  'wait-response':
    'We have offered you a home. Answer the offer by {deadline}: sign in to Doorstep to see it.',
  'wait-signature':
    'Your tenancy agreement is ready. Sign it by {deadline}: sign in to Doorstep to read and sign it.',
  'offer-reminder':
    'Remember to answer the offer of {address} by {deadline}. Sign in to Doorstep to answer it.',
  'offer-proposed':
    'We have found a home that fits your household. An officer checks the offer within {officerDecisionDays} days, and we will tell you when it is ready.',
  'offer-closed': 'The offer of a home has closed. Sign in to Doorstep to see what happens next.',
  'key-issued': 'Your digital key is ready. It works from {validFrom}. Sign in to Doorstep to show it.',
  let: 'You have moved in. Welcome home.',
  closed: 'Your application has closed at the step ‘{stage}’. Sign in to Doorstep to see why.',
  withdrawn: 'You withdrew your application on {withdrawnOn}. If you still need a home, you can apply again.',
  // Issue 10: a council's nomination invites the household (by email; the text says the same), and the
  // landlord's decision on it is news, never its reasons.
  'nomination-invitation':
    '{councilName} has asked {landlordName} to offer you a home. Sign in to Doorstep with this email address to check the answers they gave us and carry on.',
  'nomination-decided':
    'We have decided on {councilName}’s request to offer you a home. Sign in to Doorstep to see what happens next.',
  // The refusal says why (the agreement's grounds, plain English) and who to ask now: the council that nominated
  // them, since this landlord will not house them through the nomination and their application here is closed.
  'nomination-refused':
    '{landlordName} cannot offer you a home through {councilName}’s nomination. The reasons: {grounds} Your application with {landlordName} has closed. If you still need a home, contact {councilName}, who nominated you.',
};

/** Any other message to an applicant says only that there is news: the page says what. */
export const NEWS = 'There is news about your application. Sign in to Doorstep to see it.';

/** Every message's English, for the test that each has Welsh. */
export const MESSAGE_TEXTS: readonly string[] = [...Object.values(MESSAGES), NEWS];

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function longDay(iso: string): string {
  const date = new Date(`${iso}T12:00:00Z`);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The message's words in its language (English when it names none). */
export function messageText(notification: Pick<Notification, 'template' | 'values' | 'language'>): string {
  const language = notification.language ?? 'en';
  const english = MESSAGES[notification.template] ?? NEWS;
  return translate(language, english).replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => {
    const value = notification.values[name];
    if (value === undefined) return whole;
    if (ISO_DAY.test(value)) return language === 'cy' ? welshMonths(longDay(value)) : longDay(value);
    return name === 'stage' || name === 'grounds' ? translate(language, value) : value;
  });
}
