import * as z from 'zod';
import {
  type Application,
  ApplicationId,
  IsoDate,
  LandlordId,
  type Reason,
  Registration,
} from './application.js';
import { allocationClause } from './bedrooms.js';
import { ageOn } from './dates.js';
import type { AccessibilityFeature, Property } from './letting.js';
import type { Jurisdiction, Policy } from './policy.js';

/**
 * Shortlisting one home (issue 8): the registered households it fits, in the order the allocation scheme ranks
 * them (band A first, then the earliest effective date; the application id keeps equal places in a stable order),
 * and every household it does not fit, each with the rules it fails in plain English. Pure: the caller reads the
 * landlord's register (the register index, never a scan of the table) and the home.
 */

/**
 * A household on the register, compact: its registration (band, effective date, bedroom need under the council's
 * allocation bedroom standard) and what the filters need, nothing else; one per application. Written when a
 * registration is recorded, removed when the case closes or is let.
 */
export const RegisteredHousehold = Registration.extend({
  applicationId: ApplicationId,
  landlordId: LandlordId,
  /** People who will live in the home (an unborn child not counted). */
  householdSize: z.number().int().min(1),
  /** The applicant's date of birth, so a minimum-age restriction is judged on the day of the shortlist. */
  applicantDateOfBirth: IsoDate.optional(),
  /** Whole years the applicant had lived in the council's area when last assessed. */
  localConnectionYears: z.number().int().nonnegative().optional(),
});
export type RegisteredHousehold = z.infer<typeof RegisteredHousehold>;

/**
 * A household as the filters see it: its register entry, and its accessibility needs and pets. The applicant's
 * profile does not ask about either yet, so the register entry does not store them (the web function's bundle is
 * a few bytes under 1 MiB: the schema gains them with the questions); a household without them is not filtered
 * by them.
 */
export interface ShortlistCandidate extends RegisteredHousehold {
  accessibilityNeeds?: AccessibilityFeature[];
  hasPets?: boolean;
}

export interface ShortlistEntry {
  /** 1 for the household the scheme ranks first. */
  position: number;
  applicationId: string;
  band: RegisteredHousehold['band'];
  effectiveDate: string;
  bedroomNeed: number;
}

export interface SkippedHousehold {
  applicationId: string;
  band: RegisteredHousehold['band'];
  effectiveDate: string;
  /** Every rule the household fails for this home, never empty. */
  reasons: Reason[];
}

export interface Shortlist {
  shortlist: ShortlistEntry[];
  skipped: SkippedHousehold[];
}

export type ShortlistPolicy = Pick<
  Policy,
  'councilName' | 'policyId' | 'version' | 'jurisdiction' | 'landlordName'
>;

/** A local lettings policy: the scheme may allocate particular homes to people of a particular description. */
const localLettingsStatute: Record<Jurisdiction, string> = {
  england: 'Housing Act 1996 s166A(6)(b)',
  wales: 'Housing Act 1996 s167(2E)',
};

/** Medical or welfare grounds, including disability: the preference group an accessibility need falls in. */
const disabilityStatute: Record<Jurisdiction, string> = {
  england: 'Housing Act 1996 s166A(3)(d)',
  wales: 'Housing Act 1996 s167(2)(d)',
};

const featureNames: Record<AccessibilityFeature, string> = {
  'step-free': 'step-free access',
  'wheelchair-standard': 'wheelchair-standard design',
  'level-access-shower': 'a level-access shower',
};

/** The scheme's order: band A first, then the earliest effective date, then the application id (stable). */
export function byRegisterOrder(
  a: Pick<RegisteredHousehold, 'band' | 'effectiveDate' | 'applicationId'>,
  b: Pick<RegisteredHousehold, 'band' | 'effectiveDate' | 'applicationId'>,
): number {
  // Plain comparisons, not localeCompare: bands, ISO dates and ids compare correctly byte by byte, and this runs
  // n log n times over the whole register (bench/shortlist.ts).
  if (a.band !== b.band) return a.band < b.band ? -1 : 1;
  if (a.effectiveDate !== b.effectiveDate) return a.effectiveDate < b.effectiveDate ? -1 : 1;
  if (a.applicationId !== b.applicationId) return a.applicationId < b.applicationId ? -1 : 1;
  return 0;
}

/** The rules a household fails for a home; empty when the home fits it. */
export function skipReasons(
  home: Property,
  household: ShortlistCandidate,
  context: { policy: ShortlistPolicy; on: string },
): Reason[] {
  const { policy, on } = context;
  const reasons: Reason[] = [];
  if (household.landlordId !== home.landlordId) {
    reasons.push({
      rule: 'shortlist.landlord',
      clause: allocationClause(policy, 'a landlord lets its homes from its own register'),
      text: 'This household is on another landlord’s register.',
    });
  }
  if (household.bedroomNeed > home.bedrooms) {
    reasons.push({
      rule: 'shortlist.bedrooms',
      clause: allocationClause(policy, 'the bedroom standard decides which homes fit a household'),
      text: `The household needs ${plural(household.bedroomNeed, 'bedroom')}; ${home.address} has ${home.bedrooms}.`,
      answer: String(household.bedroomNeed),
    });
  }
  if (home.bedSpaces !== undefined && household.householdSize > home.bedSpaces) {
    reasons.push({
      rule: 'shortlist.bed-spaces',
      clause: allocationClause(policy, 'a home is offered only to a household it has bed spaces for'),
      text: `${plural(household.householdSize, 'person', 'people')} would live there; ${home.address} has bed spaces for ${home.bedSpaces}.`,
      answer: String(household.householdSize),
    });
  }
  const features = home.accessibility ?? [];
  for (const need of household.accessibilityNeeds ?? []) {
    if (features.includes(need)) continue;
    reasons.push({
      rule: 'shortlist.accessibility',
      clause: `${allocationClause(policy, 'a household is offered a home that meets its accessibility needs')}; ${disabilityStatute[policy.jurisdiction]}`,
      text: `The household needs ${featureNames[need]}, which ${home.address} does not have${floorNote(home)}.`,
      answer: need,
    });
  }
  if (household.hasPets === true && home.petsAllowed === false) {
    reasons.push({
      rule: 'shortlist.pets',
      clause: `${policy.landlordName}’s letting conditions for ${home.address}: no pets`,
      text: `The household has pets, and ${policy.landlordName} does not let ${home.address} to a household with pets.`,
      answer: 'has pets',
    });
  }
  const restriction = home.localLettings;
  const lettingsClause = `${localLettingsStatute[policy.jurisdiction]}: local lettings policy for ${home.address}`;
  if (restriction?.minimumAge !== undefined) {
    const age = household.applicantDateOfBirth ? ageOn(household.applicantDateOfBirth, on) : undefined;
    if (age === undefined || age < restriction.minimumAge) {
      reasons.push({
        rule: 'shortlist.local-lettings.minimum-age',
        clause: lettingsClause,
        text:
          age === undefined
            ? `${home.address} is let to applicants aged ${restriction.minimumAge} or over, and we do not have the applicant’s date of birth.`
            : `${home.address} is let to applicants aged ${restriction.minimumAge} or over; the applicant is ${age}.`,
        ...(age === undefined ? {} : { answer: String(age) }),
      });
    }
  }
  if (restriction?.localConnectionYears !== undefined) {
    const years = household.localConnectionYears;
    if (years === undefined || years < restriction.localConnectionYears) {
      reasons.push({
        rule: 'shortlist.local-lettings.local-connection',
        clause: lettingsClause,
        text:
          years === undefined
            ? `${home.address} is let to applicants who have lived in the area for ${plural(restriction.localConnectionYears, 'year')}, and we do not know how long the applicant has.`
            : `${home.address} is let to applicants who have lived in the area for ${plural(restriction.localConnectionYears, 'year')}; the applicant has lived there for ${plural(years, 'year')}.`,
        ...(years === undefined ? {} : { answer: String(years) }),
      });
    }
  }
  return reasons;
}

/**
 * The shortlist for one home on the day `on` (ISO date): the households it fits in the scheme's order, and the
 * households it does not fit, in the same order, each with its reasons.
 */
export function shortlistHome(
  home: Property,
  households: readonly ShortlistCandidate[],
  context: { policy: ShortlistPolicy; on: string },
): Shortlist {
  const ranked = [...households].sort(byRegisterOrder);
  const shortlist: ShortlistEntry[] = [];
  const skipped: SkippedHousehold[] = [];
  for (const household of ranked) {
    const reasons = skipReasons(home, household, context);
    const { applicationId, band, effectiveDate } = household;
    if (reasons.length === 0) {
      shortlist.push({
        position: shortlist.length + 1,
        applicationId,
        band,
        effectiveDate,
        bedroomNeed: household.bedroomNeed,
      });
    } else {
      skipped.push({ applicationId, band, effectiveDate, reasons });
    }
  }
  return { shortlist, skipped };
}

/**
 * The register entry for a registered application, or undefined when it is not on the register (no registration,
 * or closed or let). Household size counts everyone who will live in the home except an unborn child.
 */
export function registeredHousehold(application: Application): RegisteredHousehold | undefined {
  const { registration, profile, status, applicationId, landlordId } = application;
  if (!registration || status === 'closed' || status === 'let') return undefined;
  const members = profile.household.filter((member) => !member.unborn);
  const born = members.find((member) => member.relationship === 'applicant')?.dateOfBirth;
  const years = profile.localConnection?.yearsInArea;
  // A plain copy of the registration: band, effective date and bedroom need, and nothing else.
  const { band, effectiveDate, bedroomNeed } = registration;
  return {
    applicationId,
    landlordId,
    band,
    effectiveDate,
    bedroomNeed,
    householdSize: members.length || 1,
    ...(born ? { applicantDateOfBirth: born } : {}),
    ...(years === undefined ? {} : { localConnectionYears: years }),
  };
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function floorNote(home: Property): string {
  if (home.floor === undefined) return '';
  return home.floor === 0 ? ' (it is on the ground floor)' : ` (it is on floor ${home.floor})`;
}
