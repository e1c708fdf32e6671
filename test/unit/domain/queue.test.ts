import {
  isNearDeadline,
  pageOf,
  QUEUE_VIEWS,
  type QueuedWait,
  type QueueRow,
  reviewDue,
  sortQueue,
} from '../../../shared/domain/queue';
import { Stage } from '../../../shared/domain/stage';

const now = new Date('2026-11-29T09:30:00.000Z');

/** A wait of each kind officers see, due on different days; ids say which is which. */
const waits: Array<QueuedWait & { id: string }> = [
  { id: 'approval', kind: 'approval', stage: Stage.OfficerApproval, deadline: '2026-12-09T09:30:00.000Z' },
  { id: 'passport', kind: 'review', stage: Stage.Verification, deadline: '2026-12-01T09:30:00.000Z' },
  { id: 'payslip', kind: 'review', stage: Stage.Documents, deadline: '2026-12-03T09:30:00.000Z' },
  { id: 'band', kind: 'review', stage: Stage.Registered, deadline: '2026-12-05T09:30:00.000Z' },
  { id: 'failed', kind: 'attention', stage: Stage.Keys, deadline: '2026-11-28T09:30:00.000Z' },
  { id: 'countersign', kind: 'signature', stage: Stage.TenancySigning, deadline: '2026-12-20T09:30:00.000Z' },
];
const reviews = [{ id: 'review', dueBy: '2026-11-30' }];

const idsOf = (rows: Array<QueueRow<{ id: string }, { id: string }>>) =>
  rows.map((row) => ('wait' in row ? row.wait.id : row.review.id));

describe('sortQueue', () => {
  it('counts each view over the whole queue, near the deadline within two days or overdue', () => {
    // Act
    const { counts } = sortQueue({ waits, reviews }, 'all', now);

    // Assess
    expect(counts).toEqual({
      all: 7,
      approvals: 1,
      documents: 2,
      referrals: 2,
      reviews: 1,
      'near-deadline': 3,
    });
  });

  it.each([
    ['all', ['failed', 'review', 'passport', 'payslip', 'band', 'approval', 'countersign']],
    ['approvals', ['approval']],
    ['documents', ['passport', 'payslip']],
    ['referrals', ['failed', 'band']],
    ['reviews', ['review']],
    ['near-deadline', ['failed', 'review', 'passport']],
  ] as const)('shows %s soonest due first', (show, expected) => {
    // Act
    const { rows } = sortQueue({ waits, reviews }, show, now);

    // Assess
    expect(idsOf(rows)).toEqual(expected);
  });

  it('keeps a view with nothing in it empty, counted as 0', () => {
    // Act
    const { counts, rows } = sortQueue({ waits: waits.slice(1), reviews: [] }, 'approvals', now);

    // Assess
    expect(rows).toEqual([]);
    expect(counts.approvals).toBe(0);
    expect(counts.all).toBe(QUEUE_VIEWS.length - 1);
  });
});

describe('isNearDeadline', () => {
  // NEAR_DEADLINE_DAYS is 2: due at 2026-12-01T09:30Z or sooner, from now.
  it.each([
    ['2026-12-01T09:30:00.000Z', true],
    ['2026-12-01T09:30:00.001Z', false],
    ['2026-11-01T09:30:00.000Z', true],
  ])('takes a deadline of %s as near: %s', (due, near) => {
    expect(isNearDeadline(due, now)).toBe(near);
  });
});

describe('reviewDue', () => {
  it.each([
    ['2026-12-01', '2026-12-02T00:00:00.000Z'],
    ['2026-07-01', '2026-07-01T23:00:00.000Z'],
  ])('takes a review due by %s as due at the end of that UK day (%s)', (dueBy, instant) => {
    expect(reviewDue({ dueBy })).toBe(instant);
  });
});

describe('pageOf', () => {
  const rows = Array.from({ length: 120 }, (_, n) => n);

  it.each([
    [1, 0, 50],
    [3, 100, 20],
    [9, 100, 20],
    [0, 0, 50],
  ])('shows page %i from row %i, %i rows', (page, first, length) => {
    // Act
    const shown = pageOf(rows, page);

    // Assess
    expect(shown.rows[0]).toBe(first);
    expect(shown.rows).toHaveLength(length);
    expect(shown.page.pages).toBe(3);
  });

  it('shows one empty page of an empty queue', () => {
    expect(pageOf([], 4)).toEqual({ rows: [], page: { number: 1, pages: 1, size: 50 } });
  });
});
