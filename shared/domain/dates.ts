/** Whole years between a date of birth and a day (both ISO dates, yyyy-mm-dd): a person's age that day. */
export function ageOn(dateOfBirth: string, on: string): number {
  // Zero-padded month-day strings compare in calendar order, so no parsing is needed (assessment runs this for
  // every member of every household: bench/assessment.ts).
  const hadBirthday = on.slice(5) >= dateOfBirth.slice(5);
  return Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4)) - (hadBirthday ? 0 : 1);
}

/** The ISO date (yyyy-mm-dd, UTC) of an instant. */
export function isoDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The ISO date `days` days after (or before) an ISO date; calendar arithmetic, no time zone involved. */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const londonOffset = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  timeZoneName: 'longOffset',
});

/** How far ahead of UTC London's clocks are at an instant, in ms: 0 (GMT) or 3,600,000 (BST). */
function londonOffsetMs(at: number): number {
  const name = londonOffset.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value;
  if (name === 'GMT') return 0;
  const [, sign, hours, minutes] = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name ?? '') ?? [];
  // Never guess: a wrong offset would move every key's window by an hour.
  if (!sign) throw new Error(`Cannot read London's UTC offset from "${name}"`);
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * 60_000;
}

/**
 * The instant a day starts in the UK: 00:00 Europe/London on an ISO date (23:00 UTC the day before while
 * British Summer Time runs). UK clocks change at 01:00 UTC, never at midnight, so every London day has
 * exactly one midnight; the offset is read again at the answer's own instant, so the day the clocks change
 * cannot put it an hour out.
 */
export function startOfLondonDay(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  const guess = utcMidnight - londonOffsetMs(utcMidnight);
  return new Date(utcMidnight - londonOffsetMs(guess));
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** 2026-11-20 as "20 November 2026". */
export function longDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${day} ${MONTH_NAMES[(month ?? 1) - 1]} ${year}`;
}
