import type { RegisteredHousehold } from '../../../shared/domain/shortlist';
import {
  ESTIMATE_WINDOW_DAYS,
  estimateRangeText,
  MIN_LETS_TO_ESTIMATE,
  monthsText,
  registerPlace,
  waitEstimate,
} from '../../../shared/domain/wait-estimate';

const TODAY = '2026-11-29';

function aHousehold(overrides: Partial<RegisteredHousehold> = {}): RegisteredHousehold {
  return {
    applicationId: 'app_0000000000000001',
    landlordId: 'riverside-homes',
    band: 'B',
    effectiveDate: '2025-03-01',
    bedroomNeed: 2,
    householdSize: 3,
    ...overrides,
  };
}

/** `count` lets of homes with `bedrooms` bedrooms, spread over the days before today. */
function lets(count: number, bedrooms = 2, everyDays = 30) {
  return Array.from({ length: count }, (_, index) => ({
    letDate: new Date(Date.parse(`${TODAY}T00:00:00Z`) - index * everyDays * 86_400_000)
      .toISOString()
      .slice(0, 10),
    bedrooms,
  }));
}

describe('registerPlace', () => {
  it('counts the place in the band and the households ahead needing the same size, in any band', () => {
    // Prepare
    const me = aHousehold({
      applicationId: 'app_me',
      band: 'B',
      effectiveDate: '2025-03-01',
      bedroomNeed: 2,
    });
    const register = [
      aHousehold({ applicationId: 'app_a1', band: 'A', effectiveDate: '2026-10-01', bedroomNeed: 2 }),
      aHousehold({ applicationId: 'app_a2', band: 'A', effectiveDate: '2026-10-01', bedroomNeed: 3 }),
      aHousehold({ applicationId: 'app_b1', band: 'B', effectiveDate: '2024-01-01', bedroomNeed: 1 }),
      aHousehold({ applicationId: 'app_b2', band: 'B', effectiveDate: '2025-01-01', bedroomNeed: 2 }),
      aHousehold({ applicationId: 'app_b3', band: 'B', effectiveDate: '2026-01-01', bedroomNeed: 2 }),
      aHousehold({ applicationId: 'app_c1', band: 'C', effectiveDate: '2020-01-01', bedroomNeed: 2 }),
    ];

    // Act
    const place = registerPlace(register, me);

    // Assess
    expect(place).toEqual({
      band: 'B',
      bedroomNeed: 2,
      position: 3,
      inBand: 4,
      sameDay: 0,
      aheadForSize: 2,
    });
  });

  it('orders households that joined the band on the same day by application id, as the shortlist does, and says how many share the day', () => {
    // Prepare
    const first = aHousehold({ applicationId: 'app_0000000000000001' });
    const second = aHousehold({ applicationId: 'app_0000000000000002' });

    // Act
    const places = [registerPlace([first, second], first), registerPlace([first, second], second)];

    // Assess
    expect(places.map((place) => [place.position, place.sameDay, place.aheadForSize])).toEqual([
      [1, 1, 0],
      [2, 1, 1],
    ]);
  });

  it('uses the household’s own entry when the register index does not have it yet, or has an older one', () => {
    // Prepare: the index still holds band C from before a change; the application says band A.
    const stale = aHousehold({ applicationId: 'app_me', band: 'C' });
    const other = aHousehold({ applicationId: 'app_other', band: 'B' });

    // Act
    const fromStale = registerPlace([stale, other], aHousehold({ applicationId: 'app_me', band: 'A' }));
    const missing = registerPlace([other], aHousehold({ applicationId: 'app_me', band: 'A' }));

    // Assess
    expect(fromStale).toEqual(missing);
    expect(missing).toMatchObject({ band: 'A', position: 1, inBand: 1, aheadForSize: 0 });
  });

  it('ignores another landlord’s households', () => {
    // Prepare
    const elsewhere = aHousehold({ applicationId: 'app_x', landlordId: 'cwm-valley', band: 'A' });

    // Act
    const place = registerPlace([elsewhere], aHousehold({ applicationId: 'app_me' }));

    // Assess
    expect(place).toMatchObject({ position: 1, inBand: 1, aheadForSize: 0 });
  });
});

describe('waitEstimate', () => {
  it('divides the households ahead, and this one, by the lets a month of homes this size, as a range', () => {
    // Prepare: 12 two-bedroom lets in the year (one a month), 5 households ahead: about 6 months (4.4 to 9.5).
    const log = [...lets(12, 2), ...lets(30, 3, 10)];

    // Act
    const estimate = waitEstimate({ lets: log, place: { bedroomNeed: 2, aheadForSize: 5 }, today: TODAY });

    // Assess
    expect(estimate).toEqual({
      kind: 'estimate',
      lets: 12,
      windowDays: ESTIMATE_WINDOW_DAYS,
      fromMonths: 4,
      toMonths: 10,
    });
    expect(estimate.kind === 'estimate' && estimate.fromMonths <= 6 && 6 <= estimate.toMonths).toBe(true);
  });

  it('says there are too few lets to estimate when fewer homes this size were let in the year than the minimum', () => {
    // Prepare: four two-bedroom lets in the year, one more just outside it, and plenty of other sizes.
    const log = [
      ...lets(MIN_LETS_TO_ESTIMATE - 1, 2),
      { letDate: '2025-11-29', bedrooms: 2 },
      ...lets(40, 1, 5),
    ];

    // Act
    const estimate = waitEstimate({ lets: log, place: { bedroomNeed: 2, aheadForSize: 0 }, today: TODAY });

    // Assess
    expect(estimate).toEqual({
      kind: 'too-few-lets',
      lets: MIN_LETS_TO_ESTIMATE - 1,
      windowDays: ESTIMATE_WINDOW_DAYS,
      needed: MIN_LETS_TO_ESTIMATE,
    });
  });

  it('says there are too few lets when none were let at all', () => {
    // Act
    const estimate = waitEstimate({ lets: [], place: { bedroomNeed: 4, aheadForSize: 3 }, today: TODAY });

    // Assess
    expect(estimate).toEqual({
      kind: 'too-few-lets',
      lets: 0,
      windowDays: ESTIMATE_WINDOW_DAYS,
      needed: MIN_LETS_TO_ESTIMATE,
    });
  });

  it('counts the first day of the window and today, and not a let dated after today', () => {
    // Prepare: the window's first day is 365 days back, counting today.
    const edge = [
      { letDate: '2025-11-30', bedrooms: 1 },
      { letDate: TODAY, bedrooms: 1 },
      { letDate: '2026-11-30', bedrooms: 1 },
      ...lets(3, 1, 50),
    ];

    // Act
    const estimate = waitEstimate({ lets: edge, place: { bedroomNeed: 1, aheadForSize: 0 }, today: TODAY });

    // Assess: 2 at the edges + 3 spread (one of them today) = 5.
    expect(estimate.lets).toBe(5);
  });

  it('gives a household at the front of a busy size a range starting at nought: within a month or two', () => {
    // Act
    const estimate = waitEstimate({
      lets: lets(120, 1, 3),
      place: { bedroomNeed: 1, aheadForSize: 0 },
      today: TODAY,
    });

    // Assess
    expect(estimate).toMatchObject({ kind: 'estimate', fromMonths: 0, toMonths: 1 });
  });

  it('grows with the households ahead and never narrows to a single point', () => {
    // Prepare
    const log = lets(20, 3, 15);

    // Act
    const ranges = [0, 5, 20, 80].map((ahead) =>
      waitEstimate({ lets: log, place: { bedroomNeed: 3, aheadForSize: ahead }, today: TODAY }),
    );

    // Assess
    const months = ranges.map((range) =>
      range.kind === 'estimate' ? [range.fromMonths, range.toMonths] : [],
    );
    for (const [index, [from, to]] of months.entries()) {
      expect(from).toBeLessThan(to ?? 0);
      if (index > 0) expect(from).toBeGreaterThanOrEqual(months[index - 1]?.[0] ?? 0);
    }
  });
});

describe('the estimate in words', () => {
  it.each([
    [0, 1, 'within 1 month'],
    [0, 3, 'within 3 months'],
    [1, 3, 'between 1 and 3 months'],
    [4, 9, 'between 4 and 9 months'],
    [12, 30, 'between 12 months and 3 years'],
    [30, 50, 'between 3 and 4 years'],
    [24, 25, 'about 2 years'],
  ])('says %i to %i months as "%s"', (fromMonths, toMonths, text) => {
    expect(
      estimateRangeText({
        kind: 'estimate',
        lets: 10,
        windowDays: ESTIMATE_WINDOW_DAYS,
        fromMonths,
        toMonths,
      }),
    ).toBe(text);
  });

  it('says one month in the singular', () => {
    expect(monthsText(1)).toBe('1 month');
  });
});
