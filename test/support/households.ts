import * as fc from 'fast-check';
import { HouseholdMember } from '../../shared/domain/application';
import { addDays } from '../../shared/domain/dates';

/** The fixed test clock for household builders: ages are given relative to this day. */
export const TODAY = '2026-11-02';

type Extra = Partial<Omit<HouseholdMember, 'relationship' | 'firstName' | 'sex' | 'dateOfBirth'>>;

/** A date of birth that makes someone exactly `years` old today: today is their birthday. */
export function birthdayToday(years: number): string {
  return `${Number(TODAY.slice(0, 4)) - years}${TODAY.slice(4)}`;
}

/** A date of birth that makes someone `years` old today, well away from a birthday (about 100 days after one). */
export function aged(years: number): string {
  return addDays(birthdayToday(years), -100);
}

/** One household member, parsed like any input (defaults filled in); ids are given by `household`. */
export function person(
  relationship: HouseholdMember['relationship'],
  firstName: string,
  sex: HouseholdMember['sex'],
  dateOfBirth: string,
  extra: Extra = {},
): HouseholdMember {
  return HouseholdMember.parse({
    memberId: 'x',
    relationship,
    firstName,
    lastName: 'Test',
    dateOfBirth,
    sex,
    ...extra,
  });
}

export const you = (extra: Extra = {}, dateOfBirth = aged(35)) =>
  person('applicant', 'Alex', 'female', dateOfBirth, extra);
export const partner = (extra: Extra = {}, dateOfBirth = aged(37)) =>
  person('partner', 'Sam', 'male', dateOfBirth, extra);
export const girl = (name: string, years: number, extra: Extra = {}) =>
  person('child', name, 'female', aged(years), extra);
export const boy = (name: string, years: number, extra: Extra = {}) =>
  person('child', name, 'male', aged(years), extra);
/** A baby due `days` days from today (their date of birth is the due date). */
export const expected = (name: string, sex: HouseholdMember['sex'], days: number) =>
  person('child', name, sex, addDays(TODAY, days), { unborn: true, dueDate: addDays(TODAY, days) });

/** Numbers the members' ids in order, as the profile stores them. */
export function household(...members: HouseholdMember[]): HouseholdMember[] {
  return members.map((member, index) => ({ ...member, memberId: `m${index + 1}` }));
}

const sex = fc.constantFrom<HouseholdMember['sex']>('female', 'male');
/** Rare flags: each true about one time in eight, so households look like real ones. */
const rare = fc.integer({ min: 0, max: 7 }).map((n) => n === 0);

/** Any member other than the applicant (a partner is added separately, so a household has at most one). */
export const anOtherMember: fc.Arbitrary<HouseholdMember> = fc
  .record({
    relationship: fc.constantFrom<HouseholdMember['relationship']>(
      'child',
      'child',
      'child',
      'other-adult',
      'lodger',
    ),
    sex,
    years: fc.integer({ min: 0, max: 90 }),
    // Some exactly on a birthday, to exercise the age boundaries.
    onBirthday: fc.boolean(),
    unborn: rare,
    dueInDays: fc.integer({ min: 1, max: 280 }),
    needsOwnRoomForDisability: rare,
    needsOvernightCarer: rare,
    awayStudent: rare,
    awayArmedForces: rare,
  })
  .map((drawn) => {
    const years = drawn.relationship === 'child' ? drawn.years % 26 : drawn.years;
    const dateOfBirth = drawn.onBirthday ? birthdayToday(years) : aged(years);
    return drawn.unborn
      ? person('child', 'Baby', drawn.sex, addDays(TODAY, drawn.dueInDays), {
          unborn: true,
          dueDate: addDays(TODAY, drawn.dueInDays),
        })
      : person(drawn.relationship, 'Kim', drawn.sex, dateOfBirth, {
          needsOwnRoomForDisability: drawn.needsOwnRoomForDisability,
          needsOvernightCarer: drawn.needsOvernightCarer,
          awayStudent: drawn.awayStudent,
          awayArmedForces: drawn.awayArmedForces,
        });
  });

/** A household of 1 to 20: the applicant, perhaps a partner, and others. */
export const aHousehold: fc.Arbitrary<HouseholdMember[]> = fc
  .record({
    applicantYears: fc.integer({ min: 16, max: 90 }),
    applicantSex: sex,
    applicantDisabled: rare,
    applicantCarer: rare,
    partner: fc.option(
      fc.record({ years: fc.integer({ min: 16, max: 90 }), sex, disabled: rare, carer: rare }),
      { freq: 2 },
    ),
    others: fc.array(anOtherMember, { maxLength: 18 }),
  })
  .map((drawn) =>
    household(
      person('applicant', 'Alex', drawn.applicantSex, aged(drawn.applicantYears), {
        needsOwnRoomForDisability: drawn.applicantDisabled,
        needsOvernightCarer: drawn.applicantCarer,
      }),
      ...(drawn.partner
        ? [
            person('partner', 'Sam', drawn.partner.sex, aged(drawn.partner.years), {
              needsOwnRoomForDisability: drawn.partner.disabled,
              needsOvernightCarer: drawn.partner.carer,
            }),
          ]
        : []),
      ...drawn.others,
    ),
  );
