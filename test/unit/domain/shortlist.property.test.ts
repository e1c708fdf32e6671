import * as fc from 'fast-check';
import { AccessibilityFeature, type Property } from '../../../shared/domain/letting';
import { byRegisterOrder, type ShortlistCandidate, shortlistHome } from '../../../shared/domain/shortlist';
import { policyFor } from '../../../shared/policies';
import { aHome } from '../../fixtures/applications';

/** A fixed seed, so every run checks the same registers and a failure can be replayed. */
const runs = { seed: 20261129, numRuns: 200 } as const;
const context = { policy: policyFor('riverside-council'), on: '2026-11-29' };

const features = fc.uniqueArray(fc.constantFrom(...AccessibilityFeature.options), { maxLength: 3 });
const isoDate = fc
  .date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2026-11-29T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

const household = (id: number): fc.Arbitrary<ShortlistCandidate> =>
  fc.record(
    {
      applicationId: fc.constant(`app_${String(id).padStart(16, '0')}`),
      landlordId: fc.constantFrom('riverside-homes', 'cwm-valley-homes'),
      band: fc.constantFrom('A', 'B', 'C', 'D'),
      effectiveDate: isoDate,
      bedroomNeed: fc.integer({ min: 1, max: 5 }),
      householdSize: fc.integer({ min: 1, max: 9 }),
      accessibilityNeeds: features,
      hasPets: fc.boolean(),
      applicantDateOfBirth: isoDate,
      localConnectionYears: fc.integer({ min: 0, max: 30 }),
    },
    {
      requiredKeys: ['applicationId', 'landlordId', 'band', 'effectiveDate', 'bedroomNeed', 'householdSize'],
    },
  );

/** A register of distinct applications (ids are unique on the register: one entry per application). */
const register = fc
  .array(fc.nat({ max: 10_000 }), { maxLength: 40 })
  .map((ids) => [...new Set(ids)])
  .chain((ids) => fc.tuple(...ids.map(household)));

const home: fc.Arbitrary<Property> = fc
  .record(
    {
      bedrooms: fc.integer({ min: 0, max: 5 }),
      bedSpaces: fc.integer({ min: 1, max: 9 }),
      accessibility: features,
      floor: fc.integer({ min: 0, max: 10 }),
      petsAllowed: fc.boolean(),
      localLettings: fc.record(
        {
          minimumAge: fc.integer({ min: 16, max: 70 }),
          localConnectionYears: fc.integer({ min: 1, max: 10 }),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['bedrooms'] },
  )
  .map((overrides) => aHome(overrides));

describe('shortlistHome, for any home and register', () => {
  it('lists households in band order, then effective date, then application id', () => {
    fc.assert(
      fc.property(home, register, (property, households) => {
        const { shortlist } = shortlistHome(property, households, context);
        for (let index = 1; index < shortlist.length; index += 1) {
          const before = shortlist[index - 1];
          const after = shortlist[index];
          if (!before || !after) throw new Error('unreachable');
          expect(byRegisterOrder(before, after)).toBeLessThan(0);
          expect(after.position).toBe(index + 1);
        }
      }),
      runs,
    );
  });

  it('puts each household either on the list or among the skipped, never both, and gives each skip a reason', () => {
    fc.assert(
      fc.property(home, register, (property, households) => {
        const { shortlist, skipped } = shortlistHome(property, households, context);
        const listed = new Set(shortlist.map((entry) => entry.applicationId));
        expect(skipped.filter((skip) => listed.has(skip.applicationId))).toEqual([]);
        expect(listed.size + skipped.length).toBe(households.length);
        for (const skip of skipped) expect(skip.reasons.length).toBeGreaterThan(0);
      }),
      runs,
    );
  });

  it('never takes a household off the list when another joins the register', () => {
    fc.assert(
      fc.property(home, register, household(20_000), (property, households, newcomer) => {
        const before = shortlistHome(property, households, context).shortlist.map(
          (entry) => entry.applicationId,
        );
        const after = new Set(
          shortlistHome(property, [...households, newcomer], context).shortlist.map(
            (entry) => entry.applicationId,
          ),
        );
        for (const id of before) expect(after.has(id)).toBe(true);
      }),
      runs,
    );
  });

  it('gives the same answer whatever order the register is read in', () => {
    fc.assert(
      fc.property(home, register, fc.boolean(), (property, households, reverse) => {
        const shuffled = reverse
          ? [...households].reverse()
          : [...households.slice(1), ...households.slice(0, 1)];
        expect(shortlistHome(property, shuffled, context)).toEqual(
          shortlistHome(property, households, context),
        );
      }),
      runs,
    );
  });

  it('lists only households of the home’s landlord that have the bedrooms they need', () => {
    fc.assert(
      fc.property(home, register, (property, households) => {
        const byId = new Map(households.map((each) => [each.applicationId, each]));
        for (const entry of shortlistHome(property, households, context).shortlist) {
          const listed = byId.get(entry.applicationId);
          expect(listed?.landlordId).toBe(property.landlordId);
          expect(listed?.bedroomNeed).toBeLessThanOrEqual(property.bedrooms);
        }
      }),
      runs,
    );
  });
});
