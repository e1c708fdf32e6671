import {
  type ContactSafety,
  hasRestrictions,
  nextSafeTextTime,
  planDelivery,
  safeContactSummary,
} from '../../../shared/domain/contact-safety';

/** Safe contact (issue 9): which channels carry a message, and when a text may arrive, in UK time. */

const UPDATED = '2026-11-01T10:00:00.000Z';
const safety = (change: Partial<ContactSafety> = {}): ContactSafety => ({
  safe: ['email', 'text'],
  textTimes: [],
  letters: 'safe',
  voicemail: true,
  updatedAt: UPDATED,
  ...change,
});

describe('planDelivery', () => {
  const winterMorning = new Date('2026-11-24T10:30:00Z'); // 10:30 GMT

  it('uses every channel asked for when the applicant has said nothing about safety', () => {
    // Act
    const plan = planDelivery(undefined, ['email', 'text', 'post'], winterMorning);

    // Assess
    expect(plan).toEqual({ now: ['email', 'text', 'post'], withheld: [] });
  });

  it.each([
    ['email', safety({ safe: ['text'] }), 'email-not-safe'],
    ['text', safety({ safe: ['email'] }), 'text-not-safe'],
    ['post', safety({ letters: 'shared-address' }), 'post-not-safe'],
    ['post', safety({ letters: 'not-safe' }), 'post-not-safe'],
  ] as const)('withholds %s when the applicant said it is not safe (%#)', (channel, preferences, reason) => {
    // Act
    const plan = planDelivery(preferences, [channel], winterMorning);

    // Assess
    expect(plan).toEqual({ now: [], withheld: [{ channel, reason }] });
  });

  it.each([
    ['email', safety({ safe: ['email'], letters: 'not-safe', voicemail: false })],
    ['text', safety({ safe: ['text'], letters: 'not-safe' })],
    ['post', safety({ safe: [] })],
  ] as const)('sends on %s when it is safe, whatever else is not', (channel, preferences) => {
    // Act
    const plan = planDelivery(preferences, [channel], winterMorning);

    // Assess
    expect(plan).toEqual({ now: [channel], withheld: [] });
  });

  it('sends nothing at all when no channel is safe, saying why for each', () => {
    // Act
    const plan = planDelivery(
      safety({ safe: [], letters: 'not-safe' }),
      ['email', 'text', 'post'],
      winterMorning,
    );

    // Assess
    expect(plan.now).toEqual([]);
    expect(plan.withheld.map((each) => each.reason)).toEqual([
      'email-not-safe',
      'text-not-safe',
      'post-not-safe',
    ]);
  });

  it('sends a text at once inside a safe time', () => {
    // Act
    const plan = planDelivery(safety({ textTimes: ['morning'] }), ['text'], winterMorning);

    // Assess
    expect(plan).toEqual({ now: ['text'], withheld: [] });
  });

  it('holds a text outside the safe times until the next one, and sends the email now', () => {
    // Prepare: 12:30 GMT, and only evenings are safe
    const lunchtime = new Date('2026-11-24T12:30:00Z');

    // Act
    const plan = planDelivery(safety({ textTimes: ['evening'] }), ['email', 'text'], lunchtime);

    // Assess
    expect(plan).toEqual({ now: ['email'], heldText: '2026-11-24T17:00:00.000Z', withheld: [] });
  });

  it('withholds a held text that would be useless by the next safe time', () => {
    // Prepare: 22:00 GMT; the message is useless after 23:00, and the next safe time is 9am
    const night = new Date('2026-11-24T22:00:00Z');

    // Act
    const plan = planDelivery(
      safety({ textTimes: ['morning'] }),
      ['text'],
      night,
      '2026-11-24T23:00:00.000Z',
    );

    // Assess
    expect(plan).toEqual({ now: [], withheld: [{ channel: 'text', reason: 'no-safe-time-in-time' }] });
  });
});

describe('nextSafeTextTime', () => {
  it('reads the safe times in UK time: in summer 9am is 08:00 UTC', () => {
    // Prepare: 06:30 UTC is 07:30 BST
    const summerDawn = new Date('2026-07-01T06:30:00Z');

    // Act
    const next = nextSafeTextTime(['morning'], summerDawn);

    // Assess
    expect(next.toISOString()).toBe('2026-07-01T08:00:00.000Z');
  });

  it('finds the next day’s safe time after the last one has passed', () => {
    // Act
    const next = nextSafeTextTime(['afternoon'], new Date('2026-11-24T19:10:00Z'));

    // Assess
    expect(next.toISOString()).toBe('2026-11-25T12:00:00.000Z');
  });

  it('crosses the clocks going back: the evening after the change is 17:00 GMT', () => {
    // Prepare: Sunday 25 October 2026, 01:00 UTC is after the change (02:00 BST became 01:00 GMT)
    const next = nextSafeTextTime(['evening'], new Date('2026-10-25T01:00:00Z'));

    // Assess
    expect(next.toISOString()).toBe('2026-10-25T17:00:00.000Z');
  });

  it('is now when any time is safe', () => {
    // Prepare
    const now = new Date('2026-11-24T03:00:00Z');

    // Act + Assess
    expect(nextSafeTextTime([], now)).toBe(now);
  });
});

describe('safeContactSummary', () => {
  it('says for each channel what officers may and may not do', () => {
    // Act
    const summary = safeContactSummary(
      safety({
        safe: ['text'],
        textTimes: ['morning', 'evening'],
        letters: 'shared-address',
        voicemail: false,
      }),
    );

    // Assess
    expect(summary).toBe(
      'Do not email; text only mornings (9am to 12 noon) or evenings (5pm to 9pm), UK time; no letters by post (the address is shared); do not leave voicemail.',
    );
  });

  it('has nothing to warn about when everything is safe at any time', () => {
    // Act + Assess
    expect(hasRestrictions(safety())).toBe(false);
    expect(hasRestrictions(undefined)).toBe(false);
    expect(hasRestrictions(safety({ voicemail: false }))).toBe(true);
  });
});
