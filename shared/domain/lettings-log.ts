import * as z from 'zod';
import { type Application, IsoDate, LandlordId, Pence } from './application.js';
import { ageOn } from './dates.js';
import type { Offer, Property, Tenancy } from './letting.js';

/**
 * A CORE-style lettings log record (the social-housing lettings data collection): one per completed letting,
 * statistical, so it carries pseudonymous ids only, never a name, an email address or a document number. Each
 * field is one Doorstep holds; what CORE asks that Doorstep does not (property type, economic status of each
 * tenant, service charges) is left out rather than guessed.
 */
export const LettingsLogRecord = z.object({
  landlordId: LandlordId,
  tenancyId: z.string().min(1),
  offerId: z.string().min(1),
  applicationId: z.string().min(1),
  propertyId: z.string().min(1),
  /** The day the letting completed (the Let step). */
  letDate: IsoDate,
  // Household, counted at the tenancy start date; an unborn child is not yet a member.
  householdSize: z.number().int().min(1),
  /** Ages at the tenancy start, banded as CORE reports them. */
  under16: z.number().int().min(0),
  aged16to24: z.number().int().min(0),
  aged25to64: z.number().int().min(0),
  aged65plus: z.number().int().min(0),
  /** Whether anyone in the household earns: `unknown` when the household has not told us its income. */
  householdEarns: z.enum(['yes', 'no', 'unknown']),
  /** The homelessness duty the council owed before the letting (Housing Act 1996 Part 7); `main` implies priority need. */
  homelessnessDuty: z.enum(['none', 'prevention', 'relief', 'main', 'unknown']),
  previousTenure: z.string().min(1),
  band: z.enum(['A', 'B', 'C', 'D']).optional(),
  bedroomNeed: z.number().int().min(1).optional(),
  // Property.
  bedrooms: z.number().int().min(0),
  bedSpaces: z.number().int().optional(),
  postcode: z.string().min(1),
  // Tenancy: Doorstep lets assured tenancies (England) and secure occupation contracts (Wales), both periodic.
  tenancyKind: z.enum(['assured-tenancy', 'secure-occupation-contract']),
  tenancyStartDate: IsoDate,
  term: z.literal('periodic'),
  weeklyRentPence: Pence,
  /** How the home was let: today every Doorstep letting is an allocation from the landlord's housing register. */
  sourceOfLet: z.literal('housing-register'),
});
export type LettingsLogRecord = z.infer<typeof LettingsLogRecord>;

/** Builds a letting's log record from what Doorstep holds about it; pure. */
export function lettingsLogRecord(input: {
  application: Application;
  offer: Offer;
  property: Property;
  tenancy: Tenancy;
  letDate: string;
}): LettingsLogRecord {
  const { application, offer, property, tenancy, letDate } = input;
  const members = application.profile.household.filter((member) => !member.unborn);
  const ages = members.map((member) => ageOn(member.dateOfBirth, tenancy.startDate));
  const income = application.profile.income;
  const registration = application.registration;
  return LettingsLogRecord.parse({
    landlordId: offer.landlordId,
    tenancyId: tenancy.tenancyId,
    offerId: offer.offerId,
    applicationId: application.applicationId,
    propertyId: property.propertyId,
    letDate,
    householdSize: Math.max(1, members.length),
    under16: ages.filter((age) => age < 16).length,
    aged16to24: ages.filter((age) => age >= 16 && age < 25).length,
    aged25to64: ages.filter((age) => age >= 25 && age < 65).length,
    aged65plus: ages.filter((age) => age >= 65).length,
    householdEarns: income ? (income.monthlyEarnings > 0 ? 'yes' : 'no') : 'unknown',
    homelessnessDuty: application.profile.circumstances?.homelessnessDuty ?? 'unknown',
    previousTenure: application.profile.currentHome?.tenure ?? 'unknown',
    ...(registration ? { band: registration.band, bedroomNeed: registration.bedroomNeed } : {}),
    bedrooms: property.bedrooms,
    ...(property.bedSpaces !== undefined ? { bedSpaces: property.bedSpaces } : {}),
    postcode: property.postcode,
    tenancyKind: tenancy.kind,
    tenancyStartDate: tenancy.startDate,
    term: 'periodic',
    weeklyRentPence: tenancy.weeklyRent,
    sourceOfLet: 'housing-register',
  });
}

/** The CSV's columns, in order: every field of the record. */
export const LETTINGS_LOG_COLUMNS = Object.keys(LettingsLogRecord.shape) as Array<keyof LettingsLogRecord>;

/**
 * One CSV field: a value a spreadsheet would run as a formula (starting =, +, -, @, or a tab or carriage return)
 * gets a leading single quote (OWASP CSV injection); a field with a comma, a quote or a line break is quoted,
 * its quotes doubled (RFC 4180).
 */
export function csvField(value: string | number | undefined): string {
  if (typeof value === 'number') return String(value);
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as RFC 4180 CSV: a header row, CRLF after every row. */
export function toCsv(columns: readonly string[], rows: ReadonlyArray<Record<string, unknown>>): string {
  const field = (value: unknown) =>
    csvField(typeof value === 'number' || value === undefined ? value : String(value));
  const line = (values: ReadonlyArray<unknown>) => `${values.map(field).join(',')}\r\n`;
  return line(columns) + rows.map((row) => line(columns.map((column) => row[column]))).join('');
}

/** The lettings log as CSV. */
export function lettingsLogCsv(records: readonly LettingsLogRecord[]): string {
  return toCsv(LETTINGS_LOG_COLUMNS, records);
}
