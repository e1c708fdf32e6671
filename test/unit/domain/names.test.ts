import { MRZ_NAME_LENGTH, matchName, type NameMatchLevel } from '../../../shared/domain/names';

/** [rule, what the passport's MRZ says (SURNAME<<GIVEN<NAMES), what the applicant typed (first, last), level]. */
const cases: [string, string, [string, string], NameMatchLevel][] = [
  ['same letters, different case', 'PRITCHARD<<GARETH', ['Gareth', 'Pritchard'], 'exact'],
  ['same letters with extra spaces', 'PRITCHARD<<GARETH<HUW', ['  Gareth  Huw ', 'Pritchard'], 'exact'],
  ['two given names, fillers as spaces', 'JONES<<MARY<ANN', ['Mary Ann', 'Jones'], 'exact'],
  ['accent stripped: Zoë ↔ ZOE', 'BAKER<<ZOE', ['Zoë', 'Baker'], 'tolerant'],
  ['accent stripped: José ↔ JOSE', 'GARCIA<<JOSE', ['José', 'García'], 'tolerant'],
  ['accent stripped: Siân ↔ SIAN', 'HUGHES<<SIAN', ['Siân', 'Hughes'], 'tolerant'],
  ['accent stripped: Łukasz ↔ LUKASZ', 'NOWAK<<LUKASZ', ['Łukasz', 'Nowak'], 'tolerant'],
  ['accent stripped: Dvořák ↔ DVORAK', 'DVORAK<<ANTONIN', ['Antonín', 'Dvořák'], 'tolerant'],
  ['ICAO transliteration: Müller ↔ MUELLER', 'MUELLER<<JUERGEN', ['Jürgen', 'Müller'], 'tolerant'],
  ['umlaut as the bare letter: Müller ↔ MULLER', 'MULLER<<JURGEN', ['Jürgen', 'Müller'], 'tolerant'],
  ['ICAO transliteration: Björk ↔ BJOERK', 'GUDMUNDSDOTTIR<<BJOERK', ['Björk', 'Guðmundsdóttir'], 'tolerant'],
  ['ICAO transliteration: Ä ↔ AE', 'SCHAEFER<<ANNA', ['Anna', 'Schäfer'], 'tolerant'],
  ['ICAO 9303 XX form: Müller ↔ MUXXLLER', 'MUXXLLER<<JUXXRGEN', ['Jürgen', 'Müller'], 'tolerant'],
  ['ICAO 9303 XX form: Muñoz ↔ MUNXXOZ', 'MUNXXOZ<<INES', ['Inés', 'Muñoz'], 'tolerant'],
  ['Ñ as the bare letter: Muñoz ↔ MUNOZ', 'MUNOZ<<INES', ['Inés', 'Muñoz'], 'tolerant'],
  ['ß ↔ SS', 'STRASSER<<PETRA', ['Petra', 'Straßer'], 'tolerant'],
  ['Ø ↔ O', 'SORENSEN<<SOREN', ['Søren', 'Sørensen'], 'tolerant'],
  ['Ø ↔ OE (ICAO)', 'SOERENSEN<<SOEREN', ['Søren', 'Sørensen'], 'tolerant'],
  ['Å ↔ AA (ICAO)', 'AANGSTROEM<<ANDERS', ['Anders', 'Ångström'], 'tolerant'],
  ['Å ↔ A', 'ANGSTROM<<ANDERS', ['Anders', 'Ångström'], 'tolerant'],
  ['Æ ↔ AE', 'AERO<<MAERTHA', ['Mærtha', 'Ærø'], 'tolerant'],
  ['double-barrelled with hyphen ↔ filler', 'SMITH<JONES<<CLAIRE', ['Claire', 'Smith-Jones'], 'tolerant'],
  ['double-barrelled typed with a space', 'SMITH<JONES<<CLAIRE', ['Claire', 'Smith Jones'], 'exact'],
  [
    'double-barrelled run together on the passport',
    'SMITHJONES<<CLAIRE',
    ['Claire', 'Smith-Jones'],
    'tolerant',
  ],
  ["apostrophe left out: O'Brien ↔ OBRIEN", 'OBRIEN<<SEAN', ['Seán', "O'Brien"], 'tolerant'],
  ["apostrophe as a filler: D'Souza ↔ D<SOUZA", 'D<SOUZA<<PRIYA', ['Priya', 'D’Souza'], 'tolerant'],
  ['hyphenated given name ↔ filler', 'MARTIN<<JEAN<PAUL', ['Jean-Paul', 'Martin'], 'tolerant'],
  ['middle name only in answers', 'PRITCHARD<<GARETH', ['Gareth Huw', 'Pritchard'], 'tolerant'],
  ['middle name only on the passport', 'PRITCHARD<<GARETH<HUW', ['Gareth', 'Pritchard'], 'tolerant'],
  [
    'known by the middle name on the passport',
    'PRITCHARD<<DAVID<GARETH',
    ['Gareth', 'Pritchard'],
    'tolerant',
  ],
  ['given names swapped', 'PRITCHARD<<HUW<GARETH', ['Gareth Huw', 'Pritchard'], 'tolerant'],
  ['surname and given names the other way round', 'WANG<<XIAOMING', ['Wang', 'Xiaoming'], 'tolerant'],
  [
    `long name cut short at ${MRZ_NAME_LENGTH} characters: a given name matches a prefix`,
    'WOLFESCHLEGELSTEINHAUSENBERGERDORFF<<HU',
    ['Hubert', 'Wolfeschlegelsteinhausenbergerdorff'],
    'tolerant',
  ],
  [
    'long name cut short: the last given names left out',
    'WOLFESCHLEGELSTEINHAUSEN<<HUBERT<BLAINE',
    ['Hubert Blaine Charles', 'Wolfeschlegelsteinhausen'],
    'tolerant',
  ],
  [
    'long name cut short: the surname itself cut',
    'ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLM',
    ['Ann', 'Abcdefghijklmnopqrstuvwxyzabcdefghijklmnop'],
    'tolerant',
  ],
  ['different person: Smith ↔ Smyth → mismatch', 'SMYTH<<JOHN', ['John', 'Smith'], 'mismatch'],
  [
    'different first name: Gareth ↔ GERAINT → mismatch',
    'PRITCHARD<<GERAINT',
    ['Gareth', 'Pritchard'],
    'mismatch',
  ],
  [
    'one letter misread: Pritchard ↔ PRICHARD → mismatch',
    'PRICHARD<<GARETH',
    ['Gareth', 'Pritchard'],
    'mismatch',
  ],
  [
    'a prefix is not enough when the MRZ is not full → mismatch',
    'PRITCHARD<<GAR',
    ['Gareth', 'Pritchard'],
    'mismatch',
  ],
  ['no given name in common → mismatch', 'PRITCHARD<<HUW<DAVID', ['Gareth', 'Pritchard'], 'mismatch'],
  ['blank given names on the passport → mismatch', 'PRITCHARD<<', ['Gareth', 'Pritchard'], 'mismatch'],
  [
    "a transliteration that is not ICAO's: Müller ↔ MILLER → mismatch",
    'MILLER<<JUERGEN',
    ['Jürgen', 'Müller'],
    'mismatch',
  ],
];

/** The reader gives the MRZ name as surname and given names with spaces for fillers. */
function read(field: string) {
  const [surname = '', given = ''] = field.split('<<');
  return { surname: surname.replaceAll('<', ' '), givenNames: given.replaceAll('<', ' ') };
}

describe('matchName', () => {
  it('has at least 30 named cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('%s', (_rule, field, [firstName, lastName], level) => {
    const match = matchName(read(field), { firstName, lastName });
    expect(match.level).toBe(level);
    expect(match.reason).toMatch(/\.$/);
  });

  it('the truncation cases fill the whole MRZ name field', () => {
    for (const [rule, field] of cases) {
      if (rule.includes('cut short')) expect(field).toHaveLength(MRZ_NAME_LENGTH);
    }
  });

  it('says which letters were transliterated and how', () => {
    const match = matchName(read('MUELLER<<JUERGEN'), { firstName: 'Jürgen', lastName: 'Müller' });
    expect(match.reason).toBe(
      'The name on the passport (MUELLER, JUERGEN) matches the name you gave (Jürgen Müller): written in MRZ letters as ICAO 9303 allows (ü → UE).',
    );
  });

  it('names the middle name found on one side only', () => {
    expect(
      matchName(read('PRITCHARD<<GARETH'), { firstName: 'Gareth Huw', lastName: 'Pritchard' }).reason,
    ).toMatch(/middle name HUW only in your answers/);
  });

  it('says which part does not match, with what the MRZ says', () => {
    expect(matchName(read('SMYTH<<JOHN'), { firstName: 'John', lastName: 'Smith' })).toEqual({
      level: 'mismatch',
      part: 'surname',
      reason: 'The surname on the passport (MRZ: SMYTH) does not match what you gave (Smith).',
    });
    expect(matchName(read('SMITH<<JON'), { firstName: 'John', lastName: 'Smith' }).part).toBe('given names');
  });

  it('blames a misread first name, not a surname the MRZ transliterated (MUELLER for Müller)', () => {
    expect(matchName(read('MUELLER<<ZDE'), { firstName: 'Zoë', lastName: 'Müller' })).toMatchObject({
      level: 'mismatch',
      part: 'given names',
      reason: 'The given names on the passport (MRZ: ZDE) do not match what you gave (Zoë).',
    });
  });

  it('reads fillers in the read fields as word breaks too', () => {
    expect(
      matchName(
        { surname: 'SMITH<JONES', givenNames: 'CLAIRE' },
        { firstName: 'Claire', lastName: 'Smith Jones' },
      ).level,
    ).toBe('exact');
  });
});
