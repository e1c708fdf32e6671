import { addDays, startOfLondonDay } from './dates.js';
import { Stage } from './stage.js';

/**
 * The officers' queue sorted into what a lettings team works through (issue 8): offers to approve, documents
 * to review, referrals (other cases an officer must look at), the reviews households asked for, and anything
 * near its deadline. Pure: the caller reads the queue and passes the clock's now.
 */

/** The views of the queue an officer can pick; `all` is the whole queue. */
export const QUEUE_VIEWS = [
  'all',
  'approvals',
  'documents',
  'referrals',
  'reviews',
  'near-deadline',
] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

/**
 * How close a deadline must be to count as near, in days. Officers have 10 days to decide a wait and senior
 * officers 5 (policy `waits.officerDecisionDays`, `seniorDecisionDays`); with two days left a case can still be
 * picked up, checked and decided before it lapses or escalates, with a working day to spare.
 */
export const NEAR_DEADLINE_DAYS = 2;

/** A wait on the queue, as far as sorting it goes. */
export interface QueuedWait {
  kind: string;
  stage: Stage;
  /** ISO instant. */
  deadline: string;
}

/** A review request on the queue, as far as sorting it goes. */
export interface QueuedReview {
  /** ISO date: the review is due by the end of that day in the UK. */
  dueBy: string;
}

export type QueueRow<W, R> = { wait: W; due: string } | { review: R; due: string };

export interface SortedQueue<W, R> {
  /** How many rows each view holds, over the whole queue. */
  counts: Record<QueueView, number>;
  /** The rows of the view asked for, soonest due first. */
  rows: Array<QueueRow<W, R>>;
}

/** The instant a review is due: the end of its last day in the UK (the start of the next London day). */
export function reviewDue(review: QueuedReview): string {
  return startOfLondonDay(addDays(review.dueBy, 1)).toISOString();
}

/** The views (besides `all`) a wait belongs to; a wait of a kind officers do not decide here is in none. */
function waitViews(wait: QueuedWait): QueueView[] {
  if (wait.kind === 'approval') return ['approvals'];
  // Documents are checked at the Documents and Verification stages; a review at any other stage is a referral.
  if (wait.kind === 'review')
    return wait.stage === Stage.Documents || wait.stage === Stage.Verification
      ? ['documents']
      : ['referrals'];
  if (wait.kind === 'attention') return ['referrals'];
  return [];
}

/** Whether something due at `due` is near its deadline at `now` (an overdue one is nearest of all). */
export function isNearDeadline(due: string, now: Date): boolean {
  return Date.parse(due) - now.getTime() <= NEAR_DEADLINE_DAYS * 86_400_000;
}

/**
 * Sorts a landlord's queue into the views, counts each over the whole queue, and keeps the rows of the view
 * asked for, soonest due first (ties keep the order they came in).
 */
export function sortQueue<W extends QueuedWait, R extends QueuedReview>(
  input: { waits: readonly W[]; reviews: readonly R[] },
  show: QueueView,
  now: Date,
): SortedQueue<W, R> {
  const counts: Record<QueueView, number> = {
    all: 0,
    approvals: 0,
    documents: 0,
    referrals: 0,
    reviews: 0,
    'near-deadline': 0,
  };
  const rows: Array<QueueRow<W, R>> = [];
  const take = (row: QueueRow<W, R>, views: QueueView[]) => {
    if (isNearDeadline(row.due, now)) views.push('near-deadline');
    views.push('all');
    for (const view of views) counts[view] += 1;
    if (views.includes(show)) rows.push(row);
  };
  // Written in one form (UTC, milliseconds), so instants compare as strings in time order.
  for (const wait of input.waits) take({ wait, due: new Date(wait.deadline).toISOString() }, waitViews(wait));
  for (const review of input.reviews) take({ review, due: reviewDue(review) }, ['reviews']);
  rows.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  return { counts, rows };
}

/** How many rows a page of the queue shows: enough to work through, small enough to read (and to send). */
export const QUEUE_PAGE_SIZE = 50;

export interface QueuePage {
  /** 1-based; a page past the end shows the last page. */
  number: number;
  pages: number;
  size: number;
}

/** One page of rows; page numbers below 1 or past the end show the first or the last page. */
export function pageOf<T>(
  rows: readonly T[],
  page: number,
  size = QUEUE_PAGE_SIZE,
): { rows: T[]; page: QueuePage } {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const number = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
  return { rows: rows.slice((number - 1) * size, number * size), page: { number, pages, size } };
}
