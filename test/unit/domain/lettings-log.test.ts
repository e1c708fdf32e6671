import type { Offer, Tenancy } from '../../../shared/domain/letting';
import {
  csvField,
  LETTINGS_LOG_COLUMNS,
  lettingsLogCsv,
  lettingsLogRecord,
  toCsv,
} from '../../../shared/domain/lettings-log';
import { aCompleteApplication, aHome } from '../../fixtures/applications';

const application = aCompleteApplication({
  status: 'let',
  registration: { band: 'B', effectiveDate: '2026-01-10', bedroomNeed: 2 },
});
const offer: Offer = {
  offerId: 'off_0123456789abcdef',
  applicationId: application.applicationId,
  propertyId: 'prop_riverside-14',
  landlordId: 'riverside-homes',
  status: 'let',
  reasons: [],
  createdAt: '2026-11-20T09:00:00.000Z',
};
const tenancy: Tenancy = {
  tenancyId: 'ten_0123456789abcdef',
  offerId: offer.offerId,
  applicationId: application.applicationId,
  propertyId: offer.propertyId,
  tenants: ['Gareth Pritchard'],
  address: 'Flat 3, 14 Weaver Court, Riverside',
  weeklyRent: 11_250,
  startDate: '2026-12-07',
  kind: 'assured-tenancy',
  terms: ['Pay the rent weekly.'],
  termsSha256: 'a'.repeat(64),
  status: 'signed',
};

describe('lettingsLogRecord', () => {
  it('records the household, home, tenancy, rent and source of the let', () => {
    // Act
    const record = lettingsLogRecord({
      application,
      offer,
      property: aHome({ bedSpaces: 4 }),
      tenancy,
      letDate: '2026-11-29',
    });

    // Assess
    expect(record).toMatchObject({
      landlordId: 'riverside-homes',
      tenancyId: 'ten_0123456789abcdef',
      letDate: '2026-11-29',
      householdEarns: 'yes',
      previousTenure: 'private-rent',
      band: 'B',
      bedroomNeed: 2,
      bedrooms: 2,
      bedSpaces: 4,
      postcode: 'RV2 7QT',
      tenancyKind: 'assured-tenancy',
      tenancyStartDate: '2026-12-07',
      term: 'periodic',
      weeklyRentPence: 11_250,
      sourceOfLet: 'housing-register',
    });
    expect(record.under16 + record.aged16to24 + record.aged25to64 + record.aged65plus).toBe(
      record.householdSize,
    );
  });

  it('holds no name, email address or document number', () => {
    // Act
    const csv = lettingsLogCsv([
      lettingsLogRecord({ application, offer, property: aHome(), tenancy, letDate: '2026-11-29' }),
    ]);

    // Assess
    for (const member of application.profile.household) {
      expect(csv).not.toContain(member.firstName);
      expect(csv).not.toContain(member.lastName);
    }
    expect(csv).not.toContain('@');
    expect(csv).not.toContain('Gareth');
    expect(csv).not.toContain('Mill Lane');
  });

  it('says unknown for what the household has not told us', () => {
    // Act
    const record = lettingsLogRecord({
      application: { ...application, profile: { household: application.profile.household } },
      offer,
      property: aHome(),
      tenancy,
      letDate: '2026-11-29',
    });

    // Assess
    expect(record).toMatchObject({
      householdEarns: 'unknown',
      homelessnessDuty: 'unknown',
      previousTenure: 'unknown',
    });
  });
});

describe('csvField', () => {
  it.each([
    ['a plain value', 'RV2 7QT', 'RV2 7QT'],
    ['an empty value', '', ''],
    ['absent', undefined, ''],
    ['a number', 11250, '11250'],
    ['a negative number, which is not a formula', -5, '-5'],
    ['a comma', 'a,b', '"a,b"'],
    ['a quote', 'say "hi"', '"say ""hi"""'],
    ['a line feed', 'a\nb', '"a\nb"'],
    ['a carriage return and line feed', 'a\r\nb', '"a\r\nb"'],
    ['a formula with =', '=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['a formula with +', '+44', "'+44"],
    ['a formula with -', '-1+2', "'-1+2"],
    ['a formula with @', '@cmd', "'@cmd"],
    ['a formula with a comma, quoted after the prefix', '=HYPERLINK("x",1)', `"'=HYPERLINK(""x"",1)"`],
    ['a tab before a formula', '\t=1', "'\t=1"],
    ['= later in the value', 'a=b', 'a=b'],
  ])('writes %s', (_case, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe('toCsv', () => {
  it('writes a header row and CRLF after every row', () => {
    expect(toCsv(['a', 'b'], [{ a: 1, b: 'x,y' }, { a: 2 }])).toBe('a,b\r\n1,"x,y"\r\n2,\r\n');
  });

  it('writes only the header when there are no rows', () => {
    expect(lettingsLogCsv([])).toBe(`${LETTINGS_LOG_COLUMNS.join(',')}\r\n`);
  });
});
