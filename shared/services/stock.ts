import * as z from 'zod';
import { AccessibilityFeature, HomeDetails, HomeTenure, type Property } from '../domain/letting.js';
import { newId } from '../ids.js';
import { NotFoundError } from '../ports.js';
import type { Actor } from './decisions.js';
import type { Deps } from './deps.js';

/**
 * The landlord's stock (issue 8): officers add their landlord's homes and change what describes them. A home's
 * status (available, offered, let) belongs to the offer flow and its landlord never changes, so neither can be
 * given here; another landlord's home is missing for the officer (404, DESIGN.md §1b).
 */

type Officer = Extract<Actor, { kind: 'officer' }>;
type StockDeps = Pick<Deps, 'lettings' | 'audit' | 'clock'>;

/** An amount in pence a week: whole, never negative, below a ceiling past which it is surely a typing slip. */
const weekly = (what: string) =>
  z
    .number({ error: `Give the ${what} in pence, as a whole number` })
    .int(`Give the ${what} in whole pence`)
    .min(0, `The ${what} cannot be negative`)
    .max(500_000, `The ${what} must be £5,000 a week or less`);

const whole = (what: string, min: number, max: number) =>
  z
    .number({ error: `Give the ${what} as a whole number` })
    .int(`Give the ${what} as a whole number`)
    .min(min, `The ${what} must be ${min} or more`)
    .max(max, `The ${what} must be ${max} or fewer`);

/** What an officer gives for a home; a change gives it all again (a PUT), and an omitted door id is kept. */
export const HomeInput = z.strictObject(
  {
    address: z
      .string()
      .trim()
      .min(1, 'Enter the address')
      .max(200, 'The address must be 200 characters or fewer'),
    postcode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/, 'Enter a real postcode, like RV2 7QT')
      .transform((postcode) => postcode.replace(/^(.+?) ?([0-9][A-Z]{2})$/, '$1 $2')),
    bedrooms: whole('number of bedrooms', 0, 10),
    bedSpaces: whole('number of bed spaces', 1, 20).optional(),
    weeklyRent: weekly('weekly rent'),
    weeklyServiceCharge: weekly('weekly service charge').optional(),
    tenure: HomeTenure.optional(),
    accessibility: z
      .array(AccessibilityFeature)
      .transform((features) => [...new Set(features)])
      .optional(),
    floor: whole('floor', -2, 60).optional(),
    petsAllowed: z.boolean({ error: 'Say whether pets are allowed (true or false)' }).optional(),
    localLettings: z
      .strictObject({
        minimumAge: whole('minimum age', 16, 100).optional(),
        localConnectionYears: whole('years of local connection', 1, 20).optional(),
      })
      .optional(),
    availableFrom: z.iso.date({ error: 'Give the date it is available from, like 2026-12-01' }),
    doorId: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,60}$/, 'A door id is letters, digits and dashes (60 at most)')
      .optional(),
    viewing: z.string().trim().max(500, 'How to view the home must be 500 characters or fewer').optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Unknown field ${issue.keys.join(', ')}: a home's id, landlord and status are not set here`
        : undefined,
  },
);
export type HomeInput = z.input<typeof HomeInput>;

/** The descriptive fields whose values differ: what an audit event names (never the values themselves). */
function changedFields(before: Partial<HomeDetails>, after: HomeDetails): string[] {
  return Object.keys(HomeDetails.shape).filter(
    (field) =>
      JSON.stringify(before[field as keyof HomeDetails]) !==
      JSON.stringify(after[field as keyof HomeDetails]),
  );
}

/**
 * A home's audit trail is kept under its property id (the audit log's trail key; no application is involved),
 * with the officer's pseudonymous id and the names of the fields, so it holds no personal data.
 */
async function audit(deps: StockDeps, actor: Officer, home: Property, type: string, fields: string[]) {
  await deps.audit.append({
    applicationId: home.propertyId,
    at: deps.clock.now().toISOString(),
    type,
    actor: 'officer',
    facts: { officerId: actor.officerId, propertyId: home.propertyId, fields: fields.join(',') },
  });
}

/** Adds a home to the officer's own landlord's stock, available from the date given. */
export async function addHome(deps: StockDeps, input: { actor: Officer; input: unknown }): Promise<Property> {
  const given = HomeInput.parse(input.input);
  const propertyId = newId('prop');
  const home: Property = {
    ...HomeDetails.parse({ ...given, doorId: given.doorId ?? `door-${propertyId.slice('prop_'.length)}` }),
    propertyId,
    landlordId: input.actor.landlordId,
    status: 'available',
  };
  await deps.lettings.createHome(home);
  await audit(deps, input.actor, home, 'home-added', changedFields({}, home));
  return home;
}

/** Changes what describes one of the officer's own landlord's homes; its status stays the offer flow's. */
export async function editHome(
  deps: StockDeps,
  input: { actor: Officer; propertyId: string; input: unknown },
): Promise<Property> {
  const given = HomeInput.parse(input.input);
  const before = await deps.lettings.getHome(input.propertyId);
  if (!before || before.landlordId !== input.actor.landlordId) throw new NotFoundError('No such property');
  const details = HomeDetails.parse({ ...given, doorId: given.doorId ?? before.doorId });
  const changed = changedFields(before, details);
  if (changed.length === 0) return before;
  const home = await deps.lettings.updateHomeDetails(before.propertyId, before.landlordId, details);
  await audit(deps, input.actor, home, 'home-changed', changed);
  return home;
}

/** One of the officer's own landlord's homes, for its change form; another landlord's is missing. */
export async function homeForOfficer(
  deps: Pick<Deps, 'lettings'>,
  input: { landlordId: string; propertyId: string },
): Promise<Property> {
  const home = await deps.lettings.getHome(input.propertyId);
  if (!home || home.landlordId !== input.landlordId) throw new NotFoundError('No such property');
  return home;
}

/** Every home of the landlord, in every status, soonest available first (then by address). */
export async function listHomes(deps: Pick<Deps, 'lettings'>, landlordId: string): Promise<Property[]> {
  const homes = await deps.lettings.listHomes(landlordId);
  return homes.sort(
    (a, b) => a.availableFrom.localeCompare(b.availableFrom) || a.address.localeCompare(b.address),
  );
}
