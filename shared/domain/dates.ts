/** Whole years between a date of birth and a day (both ISO dates, yyyy-mm-dd): a person's age that day. */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
  const hadBirthday = om > bm || (om === bm && od >= bd);
  return oy - by - (hadBirthday ? 0 : 1);
}

/** The ISO date (yyyy-mm-dd, UTC) of an instant. */
export function isoDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}
