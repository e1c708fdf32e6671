import * as fc from 'fast-check';
import { MRZ_NAME_LENGTH, matchName } from '../../../shared/domain/names';

/** A name word as people type it: a capital and lower-case letters. */
const word = fc
  .string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 2, maxLength: 9 })
  .map((text) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`);
const name = fc.record({
  given: fc.array(word, { minLength: 1, maxLength: 3 }),
  surname: fc.array(word, { minLength: 1, maxLength: 2 }),
});

/** The name as a passport's MRZ would carry it (ICAO 9303: upper case, `<` between words, 39 characters). */
function mrzOf(given: string[], surname: string[]) {
  const field = `${surname.join('<')}<<${given.join('<')}`.toUpperCase().slice(0, MRZ_NAME_LENGTH);
  const [last = '', first = ''] = field.split('<<');
  return { surname: last, givenNames: first, truncated: field.length === MRZ_NAME_LENGTH };
}

describe('matchName, for any plain name', () => {
  it('matches the MRZ made from it: exactly unless the MRZ had to cut it short', () => {
    fc.assert(
      fc.property(name, ({ given, surname }) => {
        const mrz = mrzOf(given, surname);
        const match = matchName(mrz, { firstName: given.join(' '), lastName: surname.join(' ') });
        if (mrz.truncated) expect(match.level).not.toBe('mismatch');
        else expect(match.level).toBe('exact');
      }),
    );
  });

  it('does not match once one letter of the surname is different', () => {
    fc.assert(
      fc.property(
        name,
        fc.nat(),
        fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
        ({ given, surname }, at, letter) => {
          const mrz = mrzOf(given, surname);
          fc.pre(!mrz.truncated);
          const index = at % mrz.surname.length;
          fc.pre(/[A-Z]/.test(mrz.surname.charAt(index)) && mrz.surname.charAt(index) !== letter);
          const changed = `${mrz.surname.slice(0, index)}${letter}${mrz.surname.slice(index + 1)}`;
          // Not the applicant's given names either (they may have typed the names the other way round).
          fc.pre(changed.replaceAll('<', '') !== given.join('').toUpperCase());
          const match = matchName(
            { surname: changed, givenNames: mrz.givenNames },
            { firstName: given.join(' '), lastName: surname.join(' ') },
          );
          expect(match.level).toBe('mismatch');
        },
      ),
    );
  });
});
