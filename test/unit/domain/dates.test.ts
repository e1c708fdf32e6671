import { ageOn, isoDay } from '../../../shared/domain/dates';

describe('ageOn', () => {
  it('is one year short on the day before a birthday', () => {
    // Prepare
    const dateOfBirth = '2008-11-02';

    // Act
    const age = ageOn(dateOfBirth, '2026-11-01');

    // Assess
    expect(age).toBe(17);
  });

  it('counts the new year on the birthday itself', () => {
    // Prepare
    const dateOfBirth = '2008-11-02';

    // Act
    const age = ageOn(dateOfBirth, '2026-11-02');

    // Assess
    expect(age).toBe(18);
  });

  it('is one year short in an earlier month of the year, even on a later day of the month', () => {
    // Prepare
    const dateOfBirth = '2008-11-02';

    // Act
    const age = ageOn(dateOfBirth, '2026-10-30');

    // Assess
    expect(age).toBe(17);
  });

  it('counts across the turn of the year for a New Year baby', () => {
    // Prepare
    const dateOfBirth = '2010-01-01';

    // Act
    const ages = [ageOn(dateOfBirth, '2025-12-31'), ageOn(dateOfBirth, '2026-01-01')];

    // Assess
    expect(ages).toEqual([15, 16]);
  });

  it('is 0 on the day of birth', () => {
    // Prepare
    const dateOfBirth = '2026-11-02';

    // Act
    const age = ageOn(dateOfBirth, '2026-11-02');

    // Assess
    expect(age).toBe(0);
  });

  it('does not yet count a birthday for someone born on 29 February on 28 February of a common year', () => {
    // Prepare
    const dateOfBirth = '2008-02-29';

    // Act
    const age = ageOn(dateOfBirth, '2026-02-28');

    // Assess
    expect(age).toBe(17);
  });

  it('counts the birthday for someone born on 29 February on 1 March of a common year', () => {
    // Prepare
    const dateOfBirth = '2008-02-29';

    // Act
    const age = ageOn(dateOfBirth, '2026-03-01');

    // Assess
    expect(age).toBe(18);
  });

  it('counts the birthday for someone born on 29 February on 29 February of a leap year', () => {
    // Prepare
    const dateOfBirth = '2008-02-29';

    // Act
    const ages = [ageOn(dateOfBirth, '2028-02-28'), ageOn(dateOfBirth, '2028-02-29')];

    // Assess
    expect(ages).toEqual([19, 20]);
  });
});

describe('isoDay', () => {
  it('gives the UTC calendar day of an instant', () => {
    // Prepare
    const lateEvening = new Date('2026-11-02T23:59:59.999Z');

    // Act
    const day = isoDay(lateEvening);

    // Assess
    expect(day).toBe('2026-11-02');
  });
});
