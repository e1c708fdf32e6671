import {
  betterReading,
  looksLikeTd3Line,
  mrzCheckDigit,
  normaliseMrzLine,
  readTd3,
  voteLine2,
} from '../../../shared/domain/mrz';
import type { MrzReading } from '../../../shared/ports';
import { composeTd3, expectedFields, HOLDERS } from '../../fixtures/passports/specimens';

/** ICAO Doc 9303 Part 4, Appendix A: the specimen passport of Anna Maria Eriksson, Utopia. */
const SPECIMEN: [string, string] = [
  'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
  'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
];
const today = new Date('2026-11-02T09:30:00Z');
const options = { engine: 'test', today };

/** The reading, failing the test with its reason when it is not ok. */
function okReading(reading: MrzReading) {
  if (!reading.ok) throw new Error(`Expected a reading, got: ${reading.reason}`);
  return reading;
}

/** A line with characters replaced at the given positions. */
function misread(line: string, changes: Record<number, string>): string {
  return [...line].map((char, index) => changes[index] ?? char).join('');
}

describe('mrzCheckDigit', () => {
  it.each([
    ['L898902C3', 6],
    ['740812', 2],
    ['120415', 9],
    ['ZE184226B<<<<<', 1],
    ['L898902C3674081221204159ZE184226B<<<<<1', 0],
  ])('gives ICAO 9303 specimen field %s the check digit %d', (value, digit) => {
    // Act
    const computed = mrzCheckDigit(value);

    // Assess
    expect(computed).toBe(digit);
  });

  it('counts a filler as zero', () => {
    // Act
    const computed = mrzCheckDigit('<<<<<<<<<<<<<<');

    // Assess
    expect(computed).toBe(0);
  });
});

describe('readTd3: lines that read right', () => {
  it("reads ICAO's specimen passport", () => {
    // Act
    const reading = okReading(readTd3(SPECIMEN, options));

    // Assess
    expect(reading.fields).toEqual({
      documentNumber: 'L898902C3',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      nationality: 'UTO',
      issuingState: 'UTO',
      dateOfBirth: '1974-08-12',
      sex: 'female',
      expiryDate: '2012-04-15',
    });
    expect(reading).toMatchObject({ checkDigitsValid: true, repairs: 0, confidence: 1, engine: 'test' });
    expect(reading.lines).toEqual(SPECIMEN);
  });

  it("reads the demo applicant's UK passport", () => {
    // Prepare
    const lines = composeTd3(HOLDERS.gareth);

    // Act
    const reading = okReading(readTd3(lines, options));

    // Assess
    expect(lines).toEqual([
      'P<GBRPRITCHARD<<GARETH<<<<<<<<<<<<<<<<<<<<<<',
      '1255834972GBR8807021M3303148<<<<<<<<<<<<<<<0',
    ]);
    expect(reading.fields).toEqual(expectedFields(HOLDERS.gareth));
    expect(reading.checkDigitsValid).toBe(true);
  });

  it('turns hyphens and apostrophes (fillers in the MRZ) into spaces in names', () => {
    // Act
    const sian = okReading(readTd3(composeTd3(HOLDERS.sian), options));
    const margaret = okReading(readTd3(composeTd3(HOLDERS.margaret), options));

    // Assess
    expect(sian.fields).toMatchObject({ surname: 'LLOYD EVANS', givenNames: 'SIAN ELERI' });
    expect(margaret.fields).toMatchObject({ surname: 'O NEILL', givenNames: 'MARGARET ROSE' });
  });

  it('reads a personal number with its own check digit (Polish PESEL)', () => {
    // Act
    const reading = okReading(readTd3(composeTd3(HOLDERS.zofia), options));

    // Assess
    expect(reading.fields).toEqual(expectedFields(HOLDERS.zofia));
    expect(reading.checkDigitsValid).toBe(true);
  });

  it('places two-digit years: births in the past, expiry within fifty years either way', () => {
    // Act
    const margaret = okReading(readTd3(composeTd3(HOLDERS.margaret), options));
    const sian = okReading(readTd3(composeTd3(HOLDERS.sian), options));

    // Assess
    expect(margaret.fields.dateOfBirth).toBe('1951-09-17');
    expect(margaret.fields.expiryDate).toBe('2019-06-30');
    expect(sian.fields.dateOfBirth).toBe('2001-02-28');
    expect(sian.fields.expiryDate).toBe('2030-08-31');
  });

  it('puts a birth in the last century when this century would be in the future', () => {
    // Prepare: born 30 December 1926, read on 2 November 2026.
    const line2 = '1234567897GBR2612301M3001015<<<<<<<<<<<<<<<';
    const lines: [string, string] = [SPECIMEN[0], `${line2}${mrzCheckDigit(compositeOf(line2))}`];

    // Act
    const reading = okReading(readTd3(lines, { ...options, engine: 'test' }));

    // Assess
    expect(reading.fields.dateOfBirth).toBe('1926-12-30');
  });

  it('accepts X and < for an unspecified sex', () => {
    // Prepare
    const [line1, line2] = SPECIMEN;

    // Act
    const x = okReading(readTd3([line1, misread(line2, { 20: 'X' })], options));
    const filler = okReading(readTd3([line1, misread(line2, { 20: '<' })], options));

    // Assess: the sex is not in any check digit.
    expect(x.fields.sex).toBe('unspecified');
    expect(filler.fields.sex).toBe('unspecified');
    expect(x.checkDigitsValid).toBe(true);
  });
});

/** The composite check digit's input for a line 2 of 43 characters (ICAO 9303 Part 4 §4.2.2.2). */
function compositeOf(line2: string): string {
  return line2.slice(0, 10) + line2.slice(13, 20) + line2.slice(21, 43);
}

describe('readTd3: misreads that repair', () => {
  const [gareth1, gareth2] = composeTd3(HOLDERS.gareth);

  it('swaps letters read for digits back in dates and check digits, lowering confidence per repair', () => {
    // Prepare: 880702 read as 88O7O2, the composite 0 as O.
    const line2 = misread(gareth2, { 15: 'O', 17: 'O', 43: 'O' });

    // Act
    const reading = okReading(readTd3([gareth1, line2], options));

    // Assess
    expect(reading.lines[1]).toBe(gareth2);
    expect(reading.fields.dateOfBirth).toBe('1988-07-02');
    expect(reading.repairs).toBe(3);
    expect(reading.checkDigitsValid).toBe(true);
    expect(reading.confidence).toBeLessThan(1);
    expect(reading.confidence).toBeGreaterThan(0.8);
  });

  it('swaps digits read for letters back in names and state codes', () => {
    // Prepare: PRITCHARD read as PR1TCHARD, GBR as G8R on both lines.
    const line1 = misread(gareth1, { 3: '8', 7: '1' });
    const line2 = misread(gareth2, { 11: '8' });

    // Act
    const reading = okReading(readTd3([line1, line2], options));

    // Assess
    expect(reading.fields).toEqual(expectedFields(HOLDERS.gareth));
    expect(reading.repairs).toBe(3);
  });

  it('lets the check digit decide look-alikes in a passport number, which may hold letters and digits', () => {
    // Prepare: EK4821906 read as EK4B219O6 (B and O could be letters in a passport number).
    const [zofia1, zofia2] = composeTd3(HOLDERS.zofia);
    const line2 = misread(zofia2, { 3: 'B', 7: 'O' });

    // Act
    const reading = okReading(readTd3([zofia1, line2], options));

    // Assess
    expect(reading.fields.documentNumber).toBe('EK4821906');
    expect(reading.checkDigitsValid).toBe(true);
  });

  it('keeps letters a passport number really has when the check digit holds with them', () => {
    // Prepare: the specimen's L898902C3 has a real C and L; 8 and 0 around them read right.
    const line2 = misread(SPECIMEN[1], { 3: 'B' });

    // Act
    const reading = okReading(readTd3([SPECIMEN[0], line2], options));

    // Assess
    expect(reading.fields.documentNumber).toBe('L898902C3');
  });

  it('turns a filler read as K back into a filler, after the names and in an empty personal number', () => {
    // Prepare: tesseract's K, L and C for OCR-B's <.
    const line1 = misread(gareth1, { 30: 'K' });
    const line2 = misread(gareth2, { 33: 'L', 42: '<' });

    // Act
    const reading = okReading(readTd3([line1, line2], options));

    // Assess
    expect(reading.lines).toEqual([gareth1, gareth2]);
    expect(reading.fields.givenNames).toBe('GARETH');
    expect(reading.checkDigitsValid).toBe(true);
  });

  it('restores fillers dropped from the end of the names and from a run in line 2', () => {
    // Prepare: OCR miscounts long runs of <.
    const line1 = gareth1.slice(0, 40);
    const line2 = gareth2.replace('<<<<<<<<<<<<<<<', '<<<<<<<<<<<<<');

    // Act
    const reading = okReading(readTd3([line1, line2], options));

    // Assess
    expect(reading.lines).toEqual([gareth1, gareth2]);
    expect(reading.repairs).toBe(6);
    expect(reading.checkDigitsValid).toBe(true);
  });

  it('drops a character invented before or after line 2, where the check digits say so', () => {
    // Prepare: a ghost T before the line and a stray 2 after it.
    const line2 = `T${gareth2}2`;

    // Act
    const reading = okReading(readTd3([gareth1, line2], options));

    // Assess
    expect(reading.lines[1]).toBe(gareth2);
    expect(reading.checkDigitsValid).toBe(true);
  });

  it('accepts lower case, spaces and the « some engines print for two fillers', () => {
    // Prepare
    const line1 = `p<gbr pritchard«gareth${'«'.repeat(11)}`;

    // Act
    const reading = okReading(readTd3([line1, gareth2], options));

    // Assess
    expect(reading.lines[0]).toBe(gareth1);
  });

  it('takes a misread state code from the other line when one letter apart and the other is real', () => {
    // Prepare: GBR read as GBK on line 1 (not a code; K is no look-alike of R).
    const line1 = misread(gareth1, { 4: 'K' });

    // Act
    const reading = okReading(readTd3([line1, gareth2], options));

    // Assess
    expect(reading.fields.issuingState).toBe('GBR');
    expect(reading.repairs).toBe(1);
  });
});

describe('readTd3: misreads that cannot be repaired', () => {
  const [gareth1, gareth2] = composeTd3(HOLDERS.gareth);

  it('reports a digit misread as another digit: fields as read, check digits invalid, confidence halved', () => {
    // Prepare: 880702 read as 880712 (no look-alike to swap back).
    const line2 = misread(gareth2, { 17: '1' });

    // Act
    const reading = okReading(readTd3([gareth1, line2], options));

    // Assess
    expect(reading.checkDigitsValid).toBe(false);
    expect(reading.fields.dateOfBirth).toBe('1988-07-12');
    expect(reading.confidence).toBeLessThanOrEqual(0.5);
  });

  it('cannot see look-alikes whose weighted values happen to add up to the same check digit', () => {
    // Prepare: EK4821906 read as EK4B2I9O6: B, I and O add 21 + 17 + 72 = 110 to the weighted sum, 0 modulo 10,
    // so the document number's check digit and the composite both still hold.
    const [zofia1, zofia2] = composeTd3(HOLDERS.zofia);
    const line2 = misread(zofia2, { 3: 'B', 5: 'I', 7: 'O' });

    // Act
    const reading = okReading(readTd3([zofia1, line2], options));

    // Assess
    expect(reading.fields.documentNumber).toBe('EK4B2I9O6');
    expect(reading.checkDigitsValid).toBe(true);
  });

  it('does not let a filler inside a passport number pass its check digit', () => {
    // Prepare: 771045382 read as <710453B2 (seen on a smeared held-out photo): a filler counts 0, so the 7 lost
    // (7 × 7 = 49) and the 8 read as B (8 → 11, 3 more at weight 7 = 21, so 28 in all) leave the weighted sum
    // the same modulo 10, and the check digit holds. ICAO pads numbers at the end only.
    const amara = {
      ...HOLDERS.gareth,
      mrzSurname: 'OKONKWO',
      mrzGivenNames: 'AMARA<CHIDINMA',
      documentNumber: '771045382',
      dateOfBirth: '1996-12-05',
      sex: 'F' as const,
      expiryDate: '2034-06-03',
    };
    const [line1, line2] = composeTd3(amara);
    const misreadLine2 = misread(line2, { 0: '<', 7: 'B' });
    expect(mrzCheckDigit(misreadLine2.slice(0, 9))).toBe(Number(misreadLine2.charAt(9)));

    // Act
    const reading = readTd3([line1, misreadLine2], options);

    // Assess: read, but not as a number whose check digits all hold.
    expect(reading.ok && reading.checkDigitsValid).toBe(false);
  });

  it('cannot see a misread name: every check digit still holds (the applicant confirms what was read)', () => {
    // Prepare: GARETH read as GAPETH; names carry no check digit.
    const line1 = misread(gareth1, { 18: 'P' });

    // Act
    const reading = okReading(readTd3([line1, gareth2], options));

    // Assess
    expect(reading.fields.givenNames).toBe('GAPETH');
    expect(reading.checkDigitsValid).toBe(true);
  });

  it('refuses a zone that is not a passport', () => {
    // Prepare: a visa's MRZ starts with V.
    const line1 = misread(gareth1, { 0: 'V' });

    // Act
    const reading = readTd3([line1, gareth2], options);

    // Assess
    expect(reading).toEqual({
      ok: false,
      reason: 'This is not a passport: the machine-readable zone does not start with P.',
      engine: 'test',
    });
  });

  it('refuses lines too far from 44 characters to repair (an ID card has 30)', () => {
    // Act
    const reading = readTd3(['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6'], options);

    // Assess
    expect(reading).toMatchObject({ ok: false, reason: expect.stringContaining('too far from 44') });
  });

  it('refuses anything but two lines', () => {
    // Act
    const reading = readTd3([gareth1], options);

    // Assess
    expect(reading).toMatchObject({ ok: false, reason: expect.stringContaining('found 1') });
  });

  it('refuses a date that does not exist', () => {
    // Prepare: month 13.
    const line2 = misread(gareth2, { 15: '1', 16: '3' });

    // Act
    const reading = readTd3([gareth1, line2], options);

    // Assess
    expect(reading).toMatchObject({ ok: false, reason: expect.stringContaining('date of birth') });
  });

  it('refuses an unknown nationality when the issuing state cannot vouch for it', () => {
    // Prepare: both codes misread beyond repair.
    const line1 = misread(gareth1, { 2: 'Q', 3: 'Q', 4: 'Q' });
    const line2 = misread(gareth2, { 10: 'Q', 11: 'Q', 12: 'Q' });

    // Act
    const reading = readTd3([line1, line2], options);

    // Assess
    expect(reading).toMatchObject({ ok: false, reason: expect.stringContaining('"QQQ"') });
  });
});

describe('helpers', () => {
  it('normalises a line to the MRZ alphabet', () => {
    // Act
    const line = normaliseMrzLine(' p<gbr«pritchard ‹x? ');

    // Assess
    expect(line).toBe('P<GBR<<PRITCHARD<X<');
  });

  it('tells an MRZ line from a line of printed fields', () => {
    // Assess
    expect(looksLikeTd3Line(SPECIMEN[0])).toBe(true);
    expect(looksLikeTd3Line(`${SPECIMEN[1].slice(0, 20)} ${SPECIMEN[1].slice(20)}`)).toBe(true);
    expect(looksLikeTd3Line('UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND')).toBe(false);
    expect(looksLikeTd3Line('Date of birth/Date de naissance (4)')).toBe(false);
  });

  it('prefers a reading whose check digits hold, then the more confident', () => {
    // Prepare
    const good = okReading(readTd3(SPECIMEN, options));
    const bad = okReading(readTd3([SPECIMEN[0], misread(SPECIMEN[1], { 14: '5' })], options));
    const none: MrzReading = { ok: false, reason: 'nothing', engine: 'test' };

    // Act and assess
    expect(betterReading(bad, good)).toBe(good);
    expect(betterReading(good, bad)).toBe(good);
    expect(betterReading(none, bad)).toBe(bad);
    expect(betterReading(none, none)).toBe(none);
  });
});

describe('readTd3 without a sex', () => {
  it('stands without the sex when it cannot be made out (no check digit covers it), less sure', () => {
    // Prepare
    const sure = okReading(readTd3(SPECIMEN, options));

    // Act
    const reading = okReading(readTd3([SPECIMEN[0], misread(SPECIMEN[1], { 20: '4' })], options));

    // Assess
    const { sex: _sex, ...rest } = sure.fields;
    expect(reading.fields).toEqual(rest);
    expect(reading.checkDigitsValid).toBe(true);
    expect(reading.confidence).toBeCloseTo(sure.confidence * 0.75, 2);
  });
});

describe('voteLine2', () => {
  const [line1, line2] = SPECIMEN;
  // Gareth's line 2 from the fixtures: no personal number, so fillers and a filler check digit.
  const fillers = '1255834972GBR8807021M3303148<<<<<<<<<<<<<<<0';

  it('votes a line that holds every check from readings that each misread a different field', () => {
    // Prepare: the birth date, the expiry and the number each misread once, each in another reading. No
    // reading alone is right: two fail a check digit, and the third is "repaired" to another number whose
    // check digit holds (LB689O2C3), the misread a vote outweighs.
    const readings = [misread(line2, { 18: '5' }), misread(line2, { 26: '3' }), misread(line2, { 2: '6' })];
    expect(readings.map((line) => okReading(readTd3([line1, line], options)).lines[1])).not.toContain(line2);

    // Act
    const voted = voteLine2(readings);

    // Assess
    expect(voted).toBe(line2);
    expect(okReading(readTd3([line1, voted ?? ''], options)).checkDigitsValid).toBe(true);
  });

  it('takes each filler most readings agree on where the personal number is empty', () => {
    // Prepare: a smeared filler read as a digit, somewhere else in each reading.
    const readings = [
      misread(fillers, { 30: '4', 31: '2' }),
      misread(fillers, { 29: '8', 36: '5' }),
      misread(fillers, { 33: '3', 39: 'K' }),
    ];

    // Act
    const voted = voteLine2(readings);

    // Assess
    expect(voted).toBe(fillers);
  });

  it.each([
    ['two readings of M and one of <', ['M', 'M', '<'], 'M'],
    ['one reading of M against a 4 and an H, which are no sex', ['4', 'M', 'H'], 'M'],
  ])('takes the sex most readings give among M, F, X and <: %s', (_case, sexes, sex) => {
    // Prepare
    // Each reading also misreads another field, so that no single one is the line voted.
    const elsewhere: Array<Record<number, string>> = [{ 18: '5' }, { 26: '1' }, { 2: '6' }];
    const readings = sexes.map((read, i) => misread(fillers, { 20: read, ...elsewhere[i] }));

    // Act
    const voted = voteLine2(readings);

    // Assess
    expect(voted?.charAt(20)).toBe(sex);
  });

  it('keeps the composite digit most readings give, so a minority’s digit cannot vouch for a wrong field', () => {
    // Prepare: two readings agree on an expiry whose last digit is wrong but whose own check digit is read to
    // fit it (120413, check 7); the composite then fits it only as a third reading has it, misread.
    const wrongExpiry = { 26: '3', 27: '7' };
    const wrong = misread(line2, wrongExpiry);
    const fitting = String(mrzCheckDigit(wrong.slice(0, 10) + wrong.slice(13, 20) + wrong.slice(21, 43)));
    expect(fitting).not.toBe(line2.charAt(43));
    const readings = [
      misread(line2, { ...wrongExpiry, 18: '5' }),
      misread(line2, { ...wrongExpiry, 2: '6' }),
      misread(line2, { 43: fitting, 15: '3' }),
    ];

    // Act
    const voted = voteLine2(readings) ?? '';

    // Assess: the voted expiry is the wrong one, but the composite as most read does not fit it.
    expect(voted.slice(21, 28)).toBe('1204137');
    expect(voted.charAt(43)).toBe(line2.charAt(43));
    expect(okReading(readTd3([line1, voted], options)).checkDigitsValid).toBe(false);
  });

  it('gives nothing from fewer than three readings, or when the vote is one of the readings', () => {
    expect(voteLine2([misread(line2, { 18: '5' }), misread(line2, { 26: '3' })])).toBeUndefined();
    expect(voteLine2([line2, line2, misread(line2, { 26: '3' })])).toBeUndefined();
  });

  it('leaves a field no reading got right, and that no majority mends, failing its check', () => {
    // Prepare: the expiry's last digit misread three ways, never the same (none makes its check digit hold).
    const readings = [
      misread(line2, { 26: '3', 18: '5' }),
      misread(line2, { 26: '7' }),
      misread(line2, { 26: '1' }),
    ];

    // Act
    const voted = voteLine2(readings);

    // Assess: the birth date is mended, the expiry is not invented.
    expect(voted?.slice(13, 20)).toBe(line2.slice(13, 20));
    expect(okReading(readTd3([line1, voted ?? ''], options)).checkDigitsValid).toBe(false);
  });
});
