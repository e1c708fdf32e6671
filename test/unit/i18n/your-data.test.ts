import {
  Circumstances,
  DocumentRecord,
  ImmigrationStatus,
  Income,
  Outcome,
  Tenure,
} from '../../../shared/domain/application';
import { CONSENT_USES } from '../../../shared/domain/consents';
import { ContactSafety, LettersByPost, TextTime } from '../../../shared/domain/contact-safety';
import { DOCUMENT_CATALOGUE } from '../../../shared/domain/documents';
import { assessEligibility } from '../../../shared/domain/eligibility';
import { OfferStatus, Tenancy } from '../../../shared/domain/letting';
import { Stage, stageTitles } from '../../../shared/domain/stage';
import {
  type CopyWording,
  type YourData,
  type YourDataInput,
  type YourDataSection,
  yourData,
  yourDataSections,
} from '../../../shared/domain/your-data';
import { translate, welshMonths } from '../../../shared/i18n';
import { policyFor } from '../../../shared/policies';
import { yourDataForApplicant } from '../../../shared/services/your-data';
import { aCompleteApplication } from '../../fixtures/applications';
import { applicationId } from '../../support/authorisation';
import { aged, expected, household, person, you } from '../../support/households';
import { aLetHousehold, aReadPayslip, consentsGiven } from '../../support/your-data';

/**
 * "What we hold about you" in Welsh (issue 9): every text the copy's page can show, built from realistic
 * applications down each of its branches (a household just started, one nominated and withdrawn, one taken all
 * the way to its keys), looked up strictly: a text without Welsh fails, naming it.
 */

/** The copy's own words in Welsh, strictly, collecting what the catalogue does not have rather than stopping. */
function strictWelsh(missing: string[]): CopyWording {
  return {
    t: (english) => {
      try {
        return translate('cy', english, { strict: true });
      } catch {
        missing.push(english);
        return english;
      }
    },
    date: welshMonths,
  };
}

function welshSections(data: YourData) {
  const missing: string[] = [];
  const sections = yourDataSections(data, strictWelsh(missing));
  return { sections, missing: [...new Set(missing)] };
}

/** Every text a section shows: its title, why, what it says when empty, and each heading, label and value. */
const textsOf = (sections: YourDataSection[]) =>
  sections.flatMap((section) => [
    section.title,
    section.why,
    section.empty,
    ...section.groups.flatMap((group) => [
      group.heading ?? '',
      ...group.rows.flatMap((row) => [row.label, row.value]),
    ]),
  ]);

const riverside = policyFor('riverside-council');
const madeAt = '2026-11-29T10:00:00.000Z';

/** A household taken to its keys: a referral reviewed, a document read, consents given and withdrawn, safe contact. */
async function aLetHouseholdsCopy() {
  const world = await aLetHousehold((application) => ({
    language: 'cy',
    // A referral an officer made: its reasons, what happens next and how to ask for a review.
    decisions: [
      ...application.decisions,
      {
        ...assessEligibility({
          immigrationStatus: 'not-sure',
          policy: riverside,
          decidedAt: '2026-11-02T09:30:00.000Z',
        }),
        decidedBy: 'officer',
      },
    ],
    reviewRequests: [
      {
        decision: application.decisions.length,
        reason: 'Rydw i wedi byw yma ers dwy flynedd',
        requestedAt: '2026-11-03T10:00:00.000Z',
        dueBy: '2026-12-01',
        outcome: {
          result: 'changed',
          reason: 'Mae cofnodion y Dreth Gyngor yn dangos dwy flynedd.',
          decidedAt: '2026-11-10T10:00:00.000Z',
          decidedBy: 'officer-ellis',
        },
      },
    ],
    contactSafety: {
      safe: ['email', 'text'],
      textTimes: ['morning', 'evening'],
      letters: 'not-safe',
      voicemail: false,
      updatedAt: '2026-11-04T10:00:00.000Z',
    },
    documents: [
      ...application.documents,
      aReadPayslip('Becws Glan yr Afon Cyf', { deleteAfter: '2027-02-01' }),
      {
        documentId: 'doc_bill1',
        kind: 'utility-bill',
        contentType: 'image/jpeg',
        sizeBytes: 80_000,
        status: 'deleted',
        declaredAt: '2026-11-01T10:05:00.000Z',
        deletedAt: '2026-11-20T10:06:00.000Z',
      },
    ],
  }));
  await consentsGiven(world, Object.keys(CONSENT_USES));
  return yourDataForApplicant(world.deps, { applicant: world.gareth, applicationId });
}

/**
 * A household the council nominated, part way through its answers and then withdrawn: nothing decided, given or
 * offered yet (each section says so), every answer the journey asks, and a wait on the applicant.
 */
function aNominatedWithdrawnCopy(messages: YourDataInput['messages']) {
  const application = aCompleteApplication({
    language: 'cy',
    stage: Stage.Household,
    status: 'closed',
    documents: [],
    profile: {
      ...aCompleteApplication().profile,
      household: household(
        you({ needsOvernightCarer: true }),
        person('partner', 'Sam', 'male', aged(37), { needsOwnRoomForDisability: true }),
        person('child', 'Ifan', 'male', aged(19), { awayStudent: true, awayArmedForces: false }),
        person('other-adult', 'Mari', 'female', aged(60)),
        person('lodger', 'Dewi', 'male', aged(40)),
        expected('Eira', 'female', 60),
      ),
      contact: { email: 'gareth.pritchard@example.org', phone: '07700 900982' },
      immigrationStatus: 'eu-pre-settled-status',
      immigrationEvidence: { kind: 'share-code', shareCode: 'W12345678', dateOfBirth: '1991-03-14' },
      income: {
        monthlyEarnings: 150_000,
        monthlyBenefits: 20_000,
        savings: 0,
        housingSupport: 'universal-credit',
      },
      localConnection: {
        yearsInArea: 1,
        worksInArea: true,
        closeFamilyInArea: false,
        armedForces: true,
        fleeingDomesticAbuse: false,
        careLeaver: false,
        rightToMove: false,
      },
      currentHome: { bedrooms: 0, tenure: 'no-home' },
      circumstances: {
        ownsProperty: false,
        formerTenancyArrears: 45_000,
        arrearsRepaymentPlanKept: true,
        unacceptableBehaviour: false,
        homelessnessDuty: 'relief',
        disrepair: true,
        medicalNeed: 'urgent',
        hardshipMove: true,
        fosterCarer: false,
      },
    },
    conversation: {
      answered: [],
      aboutYou: { firstName: 'Gareth', lastName: 'Pritchard', dateOfBirth: '1991-03-14' },
    },
    nomination: {
      nominationId: 'nom_1',
      councilName: 'Riverside Council',
      prefilled: [
        'about-you',
        'contact',
        'household',
        'immigration-status',
        'current-home',
        'income',
        'local-connection',
        'homelessness-duty',
      ],
    },
    withdrawal: {
      withdrawnAt: '2026-11-20T10:00:00.000Z',
      stage: Stage.Household,
      reason: 'Rydyn ni wedi cael cartref',
    },
  });
  return yourData({
    application,
    policy: riverside,
    waits: [{ stage: Stage.Household, waitingFor: 'applicant', deadline: '2026-12-20T10:00:00.000Z' }],
    audit: [],
    ...(messages ? { messages } : {}),
    madeAt,
  });
}

describe('what we hold about you, in Welsh', () => {
  it('has Welsh for every text of a household taken all the way to its keys', async () => {
    // Prepare
    const data = await aLetHouseholdsCopy();

    // Act
    const { sections, missing } = welshSections(data);

    // Assess: what was typed or read stays as it was; dates are in Welsh.
    const texts = textsOf(sections);
    expect(missing).toEqual([]);
    expect(sections.map((section) => section.title)).toContain('Eich caniatâd');
    expect(texts).toEqual(
      expect.arrayContaining([
        'Becws Glan yr Afon Cyf',
        'Rydw i wedi byw yma ers dwy flynedd',
        'rhentu gan landlord preifat',
      ]),
    );
    expect(
      texts.filter((text) =>
        /January|February|March|April|May|June|July|August|September|October|November|December/.test(text),
      ),
    ).toEqual([]);
  });

  it('has Welsh for every answer the journey asks, a nomination, a withdrawal and every empty section', () => {
    for (const messages of [undefined, []]) {
      // Prepare
      const data = aNominatedWithdrawnCopy(messages);

      // Act
      const { missing } = welshSections(data);

      // Assess
      expect(missing).toEqual([]);
    }
  });

  it('names in Welsh every code an answer, a document, a decision, an offer or a tenancy can hold', () => {
    // Prepare: the nominated household's copy with each code in turn, and every way safe contact can be told.
    const base = aNominatedWithdrawnCopy([]);
    const answers = base.answers;
    const variants: YourData[] = [
      ...ImmigrationStatus.options.map((immigrationStatus) => ({
        ...base,
        answers: { ...answers, immigrationStatus },
      })),
      ...Tenure.options.map((tenure) => ({
        ...base,
        answers: {
          ...answers,
          currentHome: { addressLine: '12 Mill Lane', postcode: 'RV1 4AB', bedrooms: 1, tenure },
        },
      })),
      ...Income.shape.housingSupport.unwrap().options.map((housingSupport) => ({
        ...base,
        answers: {
          ...answers,
          income: { monthlyEarnings: 0, monthlyBenefits: 0, savings: 0, housingSupport },
        },
      })),
      ...Circumstances.shape.homelessnessDuty.unwrap().options.flatMap((homelessnessDuty) =>
        Circumstances.shape.medicalNeed.unwrap().options.map((medicalNeed) => ({
          ...base,
          answers: { ...answers, circumstances: Circumstances.parse({ homelessnessDuty, medicalNeed }) },
        })),
      ),
      { ...base, answers: { ...answers, immigrationEvidence: { kind: 'none' } } },
      {
        ...base,
        documents: DocumentRecord.shape.status.options.map((status, index) => ({
          documentId: `doc_${index}`,
          kind: 'passport',
          name: 'Passport',
          status,
          declaredAt: '2026-11-01T10:05:00.000Z',
        })),
        decisions: Outcome.options.map((outcome, number) => ({
          number,
          stage: Stage.Eligibility,
          stageTitle: stageTitles[Stage.Eligibility],
          outcome,
          decidedAt: '2026-11-02T09:30:00.000Z',
          decidedBy: 'system' as const,
          reasons: [],
          next: '',
        })),
      },
      ...OfferStatus.options.flatMap((status) =>
        Tenancy.shape.status.options.map((tenancyStatus) => ({
          ...base,
          offer: {
            status,
            address: 'Flat 3, 14 Weaver Court, Riverside',
            postcode: 'RV2 7QT',
            bedrooms: 2,
            weeklyRent: 11_250,
            madeAt: '2026-11-20T10:00:00.000Z',
            reasons: [],
          },
          tenancy: {
            kind: 'assured-tenancy' as const,
            address: 'Flat 3, 14 Weaver Court, Riverside',
            weeklyRent: 11_250,
            startDate: '2026-12-01',
            status: tenancyStatus,
            tenants: ['Gareth Pritchard'],
          },
        })),
      ),
      ...LettersByPost.options.flatMap((letters) =>
        [[], ['email'], ['text'], ['email', 'text']].flatMap((safe) =>
          [[], ['afternoon'], TextTime.options].flatMap((textTimes) =>
            [true, false].map((voicemail) => ({
              ...base,
              contactSafety: ContactSafety.parse({ safe, textTimes, letters, voicemail, updatedAt: madeAt }),
            })),
          ),
        ),
      ),
      {
        ...base,
        documents: Object.entries(DOCUMENT_CATALOGUE).map(([kind, evidence], index) => ({
          documentId: `doc_${index}`,
          kind,
          name: evidence.name,
          status: 'read',
          declaredAt: '2026-11-01T10:05:00.000Z',
          read: Object.fromEntries(evidence.fields.map((field) => [field, 'Gareth Pritchard'])),
        })),
        withdrawal: { withdrawnAt: madeAt, stage: Stage.Documents, stageTitle: stageTitles[Stage.Documents] },
        reviewRequests: [
          {
            decision: 0,
            reason: 'Rydw i wedi byw yma ers dwy flynedd',
            requestedAt: '2026-11-03T10:00:00.000Z',
            outcome: { result: 'upheld', reason: 'Un flwyddyn.', decidedAt: '2026-11-10T10:00:00.000Z' },
          },
        ],
        offer: {
          status: 'withdrawn',
          address: 'Flat 3, 14 Weaver Court, Riverside',
          postcode: 'RV2 7QT',
          bedrooms: 2,
          weeklyRent: 11_250,
          madeAt: '2026-11-20T10:00:00.000Z',
          respondBy: '2026-11-27T10:00:00.000Z',
          closedReason: 'The household withdrew its application',
          reasons: [],
        },
        messages: [{ at: madeAt, template: 'wait-answers', channels: 'email text post' }],
        auditEvents: (['system', 'applicant', 'officer', 'council'] as const).map((actor) => ({
          at: madeAt,
          type: 'stage-entered',
          actor,
          stage: Stage.Documents,
        })),
      },
    ];

    // Act
    const missing = [...new Set(variants.flatMap((data) => welshSections(data).missing))];

    // Assess
    expect(variants.length).toBeGreaterThan(60);
    expect(missing).toEqual([]);
  });
});
