import * as fc from 'fast-check';
import { pageOf, QUEUE_VIEWS, sortQueue } from '../../../shared/domain/queue';
import { Stage } from '../../../shared/domain/stage';

/** A fixed seed, so every run checks the same queues and a failure can be replayed. */
const runs = { seed: 20261129, numRuns: 200 } as const;
const now = new Date('2026-11-29T09:30:00.000Z');

const instant = fc
  .date({ min: new Date('2026-10-01T00:00:00Z'), max: new Date('2027-02-01T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString());
const wait = fc.record({
  kind: fc.constantFrom('approval', 'review', 'attention', 'answers', 'response', 'signature'),
  stage: fc.constantFrom(...Object.values(Stage)),
  deadline: instant,
});
const review = fc.record({ dueBy: instant.map((at) => at.slice(0, 10)) });
const queue = fc.record({
  waits: fc.array(wait, { maxLength: 60 }),
  reviews: fc.array(review, { maxLength: 10 }),
});
const view = fc.constantFrom(...QUEUE_VIEWS);

describe('sortQueue, for any queue', () => {
  it('shows as many rows as the view counts, soonest due first', () => {
    fc.assert(
      fc.property(queue, view, (input, show) => {
        const { counts, rows } = sortQueue(input, show, now);
        expect(rows).toHaveLength(counts[show]);
        for (let n = 1; n < rows.length; n += 1)
          expect(Date.parse(rows[n - 1]?.due ?? '')).toBeLessThanOrEqual(Date.parse(rows[n]?.due ?? ''));
      }),
      runs,
    );
  });

  it('puts every row in all, and each wait or review in at most one of the work views', () => {
    fc.assert(
      fc.property(queue, (input) => {
        const { counts } = sortQueue(input, 'all', now);
        expect(counts.all).toBe(input.waits.length + input.reviews.length);
        expect(counts.approvals + counts.documents + counts.referrals + counts.reviews).toBeLessThanOrEqual(
          counts.all,
        );
        expect(counts['near-deadline']).toBeLessThanOrEqual(counts.all);
        expect(counts.reviews).toBe(input.reviews.length);
      }),
      runs,
    );
  });

  it('counts the same whichever view is shown', () => {
    fc.assert(
      fc.property(queue, view, (input, show) => {
        expect(sortQueue(input, show, now).counts).toEqual(sortQueue(input, 'all', now).counts);
      }),
      runs,
    );
  });
});

describe('pageOf, for any rows and page', () => {
  it('shows each row on exactly one page, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 300 }), fc.integer({ min: 1, max: 20 }), (rows, size) => {
        const { page } = pageOf(rows, 1, size);
        const all = Array.from({ length: page.pages }, (_, n) => pageOf(rows, n + 1, size).rows).flat();
        expect(all).toEqual(rows);
      }),
      runs,
    );
  });
});
