import {
  normaliseAddress,
  normaliseBenefit,
  normaliseDate,
  normaliseDateRange,
  normaliseFrequency,
  normaliseMoney,
  normaliseName,
  normalisePostcode,
} from '../../../shared/domain/document-fields';

/** Each row: what it exercises, the text as OCR gave it, the normal form (undefined: not a value). */
type Row = [string, string, string | undefined];

describe('normaliseDate', () => {
  const rows: Row[] = [
    ['a UK numeric date', '31/10/2026', '2026-10-31'],
    ['a licence date with dots', '13.03.2033', '2033-03-13'],
    ['a day and month without leading zeros', '6/1/2026', '2026-01-06'],
    ['a three-letter month', '28 Oct 2026', '2026-10-28'],
    ['a month in full, after a label OCR kept', ': 3 November 2026', '2026-11-03'],
    ['an ordinal day', '1st April 2026', '2026-04-01'],
    ['an ISO date', '2026-10-31', '2026-10-31'],
    ['O read for 0 and l for 1 among digits', '3l/1O/2O26', '2026-10-31'],
    ['a zero read for the O of October', '1 0ctober 2026', '2026-10-01'],
    ['stray spaces around the separators', '31 / 10 / 2026', '2026-10-31'],
    ['a comma read for a dot', '13,03.2033', '2033-03-13'],
    ['the first of two dates', '3. 02.07.1988 UNITED KINGDOM', '1988-07-02'],
    ['a two-digit year of this century', '06/11/26', '2026-11-06'],
    ['a two-digit year of the last', '02.07.88', '1988-07-02'],
    ['a day that does not exist', '31/09/2026', undefined],
    ['a month that does not exist', '12/13/2026', undefined],
    ['no date at all', 'Monthly', undefined],
  ];
  it.each(rows)('%s: %j', (_what, text, expected) => {
    expect(normaliseDate(text)).toBe(expected);
  });
});

describe('normaliseDateRange', () => {
  it.each([
    ['words, "to" between', '1 October 2026 to 31 October 2026', { start: '2026-10-01', end: '2026-10-31' }],
    ['numbers, a dash between', '07/10/2026 - 06/11/2026', { start: '2026-10-07', end: '2026-11-06' }],
    ['an end before its start', '31 October 2026 to 1 October 2026', undefined],
    ['one date only', '1 October 2026', undefined],
  ] as const)('%s: %j', (_what, text, expected) => {
    expect(normaliseDateRange(text)).toEqual(expected);
  });
});

describe('normaliseMoney', () => {
  const rows: Row[] = [
    ['pounds and pence with a thousands comma', '£1,814.45', '181445'],
    ['no pound sign but two decimals', '412.50', '41250'],
    ['whole pounds with a pound sign', '£400', '40000'],
    ['a space after the pound sign', '£ 85.80', '8580'],
    ['thousands grouped by a space', '£1 814.45', '181445'],
    ['l read for 1 and O for 0', '£l,8l4.45', '181445'],
    ['S read for 5', '£64.3S', '6435'],
    ['a comma read for the decimal point', '£1,814,45', '181445'],
    ['overdrawn, minus sign', '-£12.50', '-1250'],
    ['overdrawn, DR after', '£12.50 DR', '-1250'],
    ['the first amount of two', '£14,850.00 Tax paid to date £1,262.80', '1485000'],
    ['a bare number is not money', '004417', undefined],
    ['words only', 'Every 4 weeks', undefined],
  ];
  it.each(rows)('%s: %j', (_what, text, expected) => {
    expect(normaliseMoney(text)).toBe(expected);
  });
});

describe('normalisePostcode', () => {
  const rows: Row[] = [
    ['a clean postcode', 'CF14 3AB', 'CF14 3AB'],
    ['lower case, no space', 'cf143ab', 'CF14 3AB'],
    ['two spaces', 'LS8  5AJ', 'LS8 5AJ'],
    ['after the town', 'Leeds LS8 5AJ', 'LS8 5AJ'],
    ['l read for 1 in the outward code', 'CFl4 3AB', 'CF14 3AB'],
    ['S read for 5 where the inward code needs a digit', 'LS8 SAJ', 'LS8 5AJ'],
    ['a bracket read for J', 'LS8 5A)', 'LS8 5AJ'],
    ['0 read for O where the inward code needs a letter', 'SW1A 2A0', 'SW1A 2AO'],
    ['a house number and street are not a postcode', 'Flat 4, 27 Roundhay Road', undefined],
    ['a sort code is not a postcode', '40-17-22', undefined],
  ];
  it.each(rows)('%s: %j', (_what, text, expected) => {
    expect(normalisePostcode(text)).toBe(expected);
  });
});

describe('normaliseAddress', () => {
  it.each([
    [
      'lines joined by commas',
      ['12 Heol y Felin', 'Cardiff', 'CF14 3AB'],
      '12 Heol y Felin, Cardiff, CF14 3AB',
    ],
    [
      'a line with its own comma',
      ['Flat 4, 27 Roundhay Road', 'Leeds', 'LS8 5AJ'],
      'Flat 4, 27 Roundhay Road, Leeds, LS8 5AJ',
    ],
    [
      'one line, trailing commas and spaces',
      ['12 HEOL Y FELIN,  CARDIFF,', 'cf14 3ab'],
      '12 HEOL Y FELIN, CARDIFF, CF14 3AB',
    ],
    [
      'the town and postcode on one line',
      ['12 Heol y Felin', 'Cardiff CF14 3AB'],
      '12 Heol y Felin, Cardiff, CF14 3AB',
    ],
    ['a misread postcode repaired', ['Leeds', 'LS8 5A)'], 'Leeds, LS8 5AJ'],
    ['nothing legible', [' , ', ''], undefined],
  ] as const)('%s', (_what, lines, expected) => {
    expect(normaliseAddress(lines)).toBe(expected);
  });
});

describe('normaliseName', () => {
  const rows: Row[] = [
    ['stray spaces and a separator', ' :  Gareth   Pritchard |', 'Gareth Pritchard'],
    ['a trading name with a digit', 'Unit 7 Traders Ltd', 'Unit 7 Traders Ltd'],
    ['a number is not a name', '004417', undefined],
    ['one letter is not a name', 'C', undefined],
  ];
  it.each(rows)('%s: %j', (_what, text, expected) => {
    expect(normaliseName(text)).toBe(expected);
  });
});

describe('normaliseFrequency', () => {
  const rows: Row[] = [
    ['monthly', 'Monthly', 'monthly'],
    ['weekly, with a week number', 'Weekly (week 32)', 'weekly'],
    ['every 4 weeks', 'Every 4 weeks', 'four-weekly'],
    ['four-weekly in words', 'Four-weekly', 'four-weekly'],
    ['fortnightly', 'every 2 weeks', 'fortnightly'],
    ['weeks misread as woeks', 'Every 4 woeks', 'four-weekly'],
    ['not a frequency', '31/10/2026', undefined],
  ];
  it.each(rows)('%s: %j', (_what, text, expected) => {
    expect(normaliseFrequency(text)).toBe(expected);
  });
});

describe('normaliseBenefit', () => {
  const rows: Row[] = [
    ['a benefit as DWP writes it', 'Personal Independence Payment', 'Personal Independence Payment'],
    ['other capitals', 'Personal independence Payment', 'Personal Independence Payment'],
    ['a letter misread', 'Persona1 Independence Paymemt', 'Personal Independence Payment'],
    ['an apostrophe lost', 'Carers Allowance', "Carer's Allowance"],
    ['a short name is not stretched to another benefit', 'Child Benefit', 'Child Benefit'],
    ['a benefit not on the list, kept as printed', 'Scottish Child Payment', 'Scottish Child Payment'],
    ['no letters', '£26.05', undefined],
  ];
  it.each(rows)('%s: %j', (_what, text, expected) => {
    expect(normaliseBenefit(text)).toBe(expected);
  });
});
