import { choiceReason } from '../../../shared/domain/adverts';
import { assessAffordability } from '../../../shared/domain/affordability';
import type { Income } from '../../../shared/domain/application';
import { pickHome } from '../../../shared/domain/letting';
import { MissingTranslation, translate, welshFor } from '../../../shared/i18n';
import { policyFor } from '../../../shared/policies';
import { makeOffer } from '../../../shared/services/letting-stages';
import { aCompleteApplication, aHome } from '../../fixtures/applications';
import { person } from '../../support/households';
import { memoryDeps } from '../../support/memory';

const policies = [policyFor('riverside-council'), policyFor('cwm-valley')];
const today = '2026-11-29';

/**
 * Every reason an offer's affordability gives (shared/domain/affordability.ts, with bedrooms.ts's under-occupancy
 * reduction): each kind of help with rent, answered or assumed; a household affordable, near the council's guide,
 * over it, with no income, or with the whole rent met; no spare bedroom, one, two, and at State Pension age; in
 * both councils.
 */
function affordabilityTexts(): string[] {
  const you = person('applicant', 'Siân', 'female', '1990-02-03');
  const young = person('applicant', 'Siân', 'female', '2004-02-03');
  const pensioner = person('applicant', 'Siân', 'female', '1950-02-03');
  const households = [
    [you],
    [young],
    [pensioner],
    [you, person('partner', 'Dafydd', 'male', '1989-05-01')],
    [you, person('child', 'Nel', 'female', '2019-01-10')],
  ];
  const supports: Array<Income['housingSupport']> = [
    'universal-credit',
    'housing-benefit',
    'none',
    undefined,
  ];
  const incomes = [
    { monthlyEarnings: 400_000, monthlyBenefits: 0, savings: 0 },
    { monthlyEarnings: 180_000, monthlyBenefits: 0, savings: 0 },
    { monthlyEarnings: 120_000, monthlyBenefits: 10_000, savings: 0 },
    { monthlyEarnings: 60_000, monthlyBenefits: 0, savings: 0 },
    { monthlyEarnings: 0, monthlyBenefits: 0, savings: 0 },
  ];
  const homes = [1, 2, 3, 4].flatMap((bedrooms) =>
    [6_000, 11_250, 25_000].map((weeklyRent) => ({ bedrooms, weeklyRent })),
  );
  const texts = policies.flatMap((policy) =>
    households.flatMap((household) =>
      supports.flatMap((housingSupport) =>
        incomes.flatMap((income) =>
          homes.flatMap(
            (home) =>
              assessAffordability({
                household,
                income: housingSupport === undefined ? income : { ...income, housingSupport },
                home,
                policy,
                on: today,
              }).reasons,
          ),
        ),
      ),
    ),
  );
  return [...new Set(texts.map((reason) => reason.text))];
}

/** The rules an outcome text comes from, so the test can show that every one of them was reached. */
function affordabilityRules(): Set<string> {
  const you = person('applicant', 'Siân', 'female', '1990-02-03');
  const rules = [400_000, 180_000, 0].flatMap((monthlyEarnings) =>
    assessAffordability({
      household: [you],
      income: { monthlyEarnings, monthlyBenefits: 0, savings: 0, housingSupport: 'none' },
      home: { bedrooms: 1, weeklyRent: 11_250 },
      policy: policyFor('riverside-council'),
      on: today,
    }).reasons.map((reason) => reason.rule),
  );
  return new Set(rules);
}

/**
 * Every other reason an offer gives (shared/domain/letting.ts, adverts.ts, services/letting-stages.ts): the
 * bedrooms of the home matched, a home the household said it wanted, its place on the register, and a household
 * whose income we do not know yet.
 */
async function matchingTexts(): Promise<string[]> {
  const homes = [aHome({ bedrooms: 1 }), aHome({ bedrooms: 2, propertyId: 'prop_riverside-15' })];
  const picked = [1, 2].flatMap(
    (bedroomNeed) =>
      pickHome(homes, { bedroomNeed, landlordId: 'riverside-homes', policy: policyFor('riverside-council') })
        ?.reasons ?? [],
  );
  const chosen = policies.map((policy) => choiceReason(policy));

  const offered = async (propertyId: string | undefined, income: boolean) => {
    const deps = memoryDeps();
    const application = aCompleteApplication({
      status: 'registered',
      registration: { band: 'B', effectiveDate: '2026-11-02', bedroomNeed: 2 },
    });
    const { income: _income, ...profile } = application.profile;
    await deps.applications.create({ ...application, profile: income ? application.profile : profile });
    await deps.lettings.putHome(aHome());
    const { offerId } = await makeOffer(deps, {
      applicationId: application.applicationId,
      ...(propertyId ? { propertyId } : {}),
    });
    return offerId ? ((await deps.lettings.getOffer(offerId))?.reasons ?? []) : [];
  };
  const made = [
    ...(await offered(undefined, true)),
    ...(await offered(undefined, false)),
    ...(await offered('prop_riverside-14', true)),
  ];
  return [...new Set([...picked, ...chosen, ...made].map((reason) => reason.text))];
}

/** English words a Welsh text should not have left in it: a pattern that swallowed an untranslated sentence. */
const englishLeftIn = (texts: string[]) =>
  texts
    .map((text) => translate('cy', text, { strict: true }))
    .filter((welsh) => /\b(you|your|the|and|is|are|a month|bedrooms?)\b/i.test(welsh));

describe('the Welsh catalogue, for why we offer a home', () => {
  it('has Welsh for every reason an offer’s affordability gives: the help, the spare bedrooms, the outcome', () => {
    // Prepare
    const texts = affordabilityTexts();

    // Act
    const missing = texts.filter((text) => welshFor(text) === undefined);

    // Assess
    expect(affordabilityRules()).toEqual(
      new Set([
        'under-occupancy.0',
        'affordability.help.none',
        'affordability.affordable',
        'affordability.over-threshold',
      ]),
    );
    expect(texts.length).toBeGreaterThan(40);
    expect(texts.some((text) => text.includes('close to'))).toBe(true);
    expect(texts.some((text) => text.includes('State Pension age'))).toBe(true);
    expect(texts.some((text) => text.includes('are 3 spare bedrooms'))).toBe(true);
    expect(missing).toEqual([]);
    expect(englishLeftIn(texts)).toEqual([]);
  });

  it('has Welsh for every other reason an offer gives: the bedrooms, the choice, the register, no income yet', async () => {
    // Prepare
    const texts = await matchingTexts();

    // Act
    const missing = texts.filter((text) => welshFor(text) === undefined);

    // Assess
    expect(texts.length).toBeGreaterThanOrEqual(8);
    expect(texts.some((text) => text.startsWith('You are in band B from 2026-11-02'))).toBe(true);
    expect(texts.some((text) => text.startsWith('We do not know your income yet'))).toBe(true);
    expect(missing).toEqual([]);
    expect(englishLeftIn(texts)).toEqual([]);
  });

  it('keeps the amounts, the share and the council in an affordability reason as they are, in Welsh', () => {
    // Prepare
    const [, , outcome] = assessAffordability({
      household: [person('applicant', 'Siân', 'female', '1990-02-03')],
      income: { monthlyEarnings: 150_000, monthlyBenefits: 0, savings: 0, housingSupport: 'none' },
      home: { bedrooms: 2, weeklyRent: 11_250 },
      policy: policyFor('cwm-valley'),
      on: today,
    }).reasons;

    // Act
    const welsh = translate('cy', outcome?.text ?? '', { strict: true });

    // Assess
    expect(outcome?.text).toContain('£487.50 a month, 32.5%');
    expect(welsh).toContain('£487.50');
    expect(welsh).toContain('32.5%');
    expect(welsh).toContain('£1,500.00');
    expect(welsh).toContain(policyFor('cwm-valley').councilName);
    expect(welsh).not.toBe(outcome?.text);
  });

  it('says so, when asked strictly, of an offer’s reason the catalogue does not have', () => {
    const text =
      'We estimate a benefit no rule names would pay £1.00 a month towards the rent of £2.00 a month.';
    expect(() => translate('cy', text, { strict: true })).toThrow(MissingTranslation);
  });
});
