import { ZodError } from 'zod';
import { type Application, MAX_DOCUMENT_BYTES } from '../../../shared/domain/application';
import { Stage, WaitingFor } from '../../../shared/domain/stage';
import {
  ConflictError,
  DocumentTooLargeError,
  JourneyStateError,
  NotFoundError,
  UnsupportedDocumentTypeError,
} from '../../../shared/ports';
import {
  type Applicant,
  applicantView,
  declareDocument,
  listApplications,
  type ProfileSection,
  startApplication,
  updateProfile,
} from '../../../shared/services/applications';
import { awaitPerson } from '../../../shared/services/waits';
import { aCompleteApplication, anApplication, household } from '../../fixtures/applications';
import { type MemoryDeps, memoryDeps } from '../../support/memory';
import { parkAnswersWait } from '../../support/waits';

const gareth: Applicant = { subject: 'sub_gareth', email: 'gareth.pritchard@example.org' };
const stranger: Applicant = { subject: 'sub_stranger', email: 'someone.else@example.org' };
const applicationId = 'app_0123456789abcdef0123456789abcdef';

async function given(...applications: Application[]): Promise<MemoryDeps> {
  const deps = memoryDeps();
  for (const application of applications) await deps.applications.create(application);
  return deps;
}

/** What a refused request must leave behind: the application as it was, and no audit event. */
function expectUnchanged(deps: MemoryDeps, before: Application | undefined) {
  expect(deps.applications.items.get(applicationId)).toEqual(before);
  expect(deps.audit.events).toEqual([]);
}

describe('startApplication', () => {
  it('starts an application owned by the applicant, with their address as contact, and its workflow', async () => {
    // Prepare
    const deps = await given();

    // Act
    const { applicationId: id, created } = await startApplication(deps, {
      applicant: gareth,
      body: { landlordId: 'riverside-homes' },
    });

    // Assess
    expect(created).toBe(true);
    expect(id).toMatch(/^app_[0-9a-f]{32}$/);
    expect(deps.applications.items.get(id)).toEqual({
      applicationId: id,
      landlordId: 'riverside-homes',
      ownerId: 'sub_gareth',
      policyId: 'riverside-council',
      stage: Stage.Eligibility,
      status: 'in-progress',
      profile: { household: [], contact: { email: 'gareth.pritchard@example.org' } },
      documents: [],
      decisions: [],
      createdAt: '2026-11-02T09:30:00.000Z',
      updatedAt: '2026-11-02T09:30:00.000Z',
      version: 0,
    });
    expect(deps.workflow.started).toEqual([id]);
    expect(deps.audit.events).toEqual([
      {
        applicationId: id,
        at: '2026-11-02T09:30:00.000Z',
        type: 'started',
        stage: Stage.Eligibility,
        actor: 'applicant',
        facts: { landlordId: 'riverside-homes', policyId: 'riverside-council' },
      },
    ]);
    expect(JSON.stringify(deps.audit.events)).not.toContain('gareth');
  });

  it('takes the policy of the landlord asked for', async () => {
    // Prepare
    const deps = await given();

    // Act
    const { applicationId: id } = await startApplication(deps, {
      applicant: gareth,
      body: { landlordId: 'cwm-valley-homes' },
    });

    // Assess
    expect(deps.applications.items.get(id)?.policyId).toBe('cwm-valley');
  });

  it('answers the open application again rather than start a second with the same landlord', async () => {
    // Prepare
    const deps = await given();
    const first = await startApplication(deps, {
      applicant: gareth,
      body: { landlordId: 'riverside-homes' },
    });

    // Act
    const again = await startApplication(deps, {
      applicant: gareth,
      body: { landlordId: 'riverside-homes' },
    });

    // Assess
    expect(again).toEqual({ applicationId: first.applicationId, created: false });
    expect(deps.applications.items.size).toBe(1);
    // Starting again is idempotent, and heals an application whose first start failed.
    expect(deps.workflow.started).toEqual([first.applicationId, first.applicationId]);
  });

  it('starts a new application once the earlier one with that landlord is closed', async () => {
    // Prepare
    const deps = await given(anApplication({ status: 'closed' }));

    // Act
    const { created, applicationId: id } = await startApplication(deps, {
      applicant: gareth,
      body: { landlordId: 'riverside-homes' },
    });

    // Assess
    expect(created).toBe(true);
    expect(id).not.toBe(applicationId);
  });

  it('refuses a landlord that does not use Doorstep, and writes nothing', async () => {
    // Prepare
    const deps = await given();

    // Act
    const run = startApplication(deps, { applicant: gareth, body: { landlordId: 'nowhere-homes' } });

    // Assess
    await expect(run).rejects.toThrow(ZodError);
    await expect(run).rejects.toThrow(/No landlord with that id uses Doorstep/);
    expect(deps.applications.items.size).toBe(0);
    expect(deps.workflow.started).toEqual([]);
    expect(deps.audit.events).toEqual([]);
  });
});

describe('listApplications', () => {
  it('lists only the applicant’s own applications', async () => {
    // Prepare
    const deps = await given(
      anApplication(),
      anApplication({ applicationId: 'app_fedcba9876543210fedcba9876543210', ownerId: 'sub_stranger' }),
    );

    // Act
    const mine = await listApplications(deps, gareth);

    // Assess
    expect(mine).toEqual([
      {
        applicationId,
        landlordId: 'riverside-homes',
        stage: Stage.Eligibility,
        stageTitle: 'Can you apply?',
        status: 'in-progress',
        createdAt: '2026-11-01T10:00:00.000Z',
      },
    ]);
    expect(await listApplications(deps, { subject: 'sub_nobody' })).toEqual([]);
  });
});

describe('applicantView', () => {
  it('shows the applicant where the application is, its decisions and what waits on them, without tokens', async () => {
    // Prepare
    const deps = await given(
      aCompleteApplication({ registration: { band: 'B', effectiveDate: '2026-11-02', bedroomNeed: 2 } }),
    );
    const answersToken = 'AQCEAAAAKgAAAAMAAAAAAAAAAWFuc3dlcnMtdG9rZW4tc2VjcmV0=answers-91c2';
    const decisionId = await parkAnswersWait(deps, {
      applicationId,
      stage: Stage.Household,
      taskToken: answersToken,
    });
    await awaitPerson(deps, {
      applicationId,
      stage: Stage.Household,
      kind: 'review',
      waitingFor: WaitingFor.Officer,
      taskToken: `${answersToken}-officer`,
    });

    // Act
    const view = await applicantView(deps, { applicant: gareth, applicationId });

    // Assess
    expect(view).toMatchObject({
      applicationId,
      landlordId: 'riverside-homes',
      stage: Stage.Household,
      stageTitle: 'Your household',
      status: 'in-progress',
      registration: { band: 'B', effectiveDate: '2026-11-02', bedroomNeed: 2 },
      decisions: [],
    });
    expect(view.profile.contact).toEqual({ email: 'gareth.pritchard@example.org' });
    expect(view.documents).toHaveLength(1);
    expect(view.waits).toEqual([
      {
        decisionId,
        kind: 'answers',
        stage: Stage.Household,
        stageTitle: 'Your household',
        deadline: '2027-01-31T09:30:00.000Z',
      },
    ]);
    expect(JSON.stringify(view)).not.toContain(answersToken);
    expect(JSON.stringify(view)).not.toContain('taskToken');
  });

  it('answers another person’s application exactly like a missing one', async () => {
    // Prepare
    const deps = await given(aCompleteApplication());

    // Act
    const theirs = applicantView(deps, { applicant: stranger, applicationId });
    const missing = applicantView(deps, {
      applicant: gareth,
      applicationId: 'app_ffffffffffffffffffffffffffffffff',
    });

    // Assess
    await expect(theirs).rejects.toThrow(NotFoundError);
    await expect(missing).rejects.toThrow(NotFoundError);
    await expect(theirs).rejects.toThrow('No such application');
  });
});

describe('updateProfile', () => {
  const answers: Array<[ProfileSection, unknown]> = [
    ['household', household('coupleWithTwoGirls')],
    ['contact', { email: 'gareth@example.net', phone: '+44 7700 900123' }],
    ['immigrationStatus', 'eu-settled-status'],
    ['income', { monthlyEarnings: 180_000, monthlyBenefits: 0, savings: 50_000 }],
    [
      'localConnection',
      {
        yearsInArea: 3,
        armedForces: true,
        fleeingDomesticAbuse: false,
        careLeaver: false,
        rightToMove: false,
      },
    ],
    [
      'currentHome',
      { postcode: 'RV1 4AB', addressLine: '12 Mill Lane', bedrooms: 1, tenure: 'private-rent' },
    ],
  ];

  it.each(answers)('records the %s section and notes which section changed', async (section, value) => {
    // Prepare
    const deps = await given(anApplication());

    // Act
    const result = await updateProfile(deps, { applicant: gareth, applicationId, section, body: value });

    // Assess
    expect(result.profile[section]).toEqual(value);
    const stored = deps.applications.items.get(applicationId);
    expect(stored?.profile[section]).toEqual(value);
    expect(stored?.version).toBe(1);
    expect(deps.audit.events).toEqual([
      expect.objectContaining({ type: 'answered', actor: 'applicant', facts: { section } }),
    ]);
  });

  it('fills in the defaults the schema gives, and normalises a postcode', async () => {
    // Prepare
    const deps = await given(anApplication());

    // Act
    await updateProfile(deps, {
      applicant: gareth,
      applicationId,
      section: 'currentHome',
      body: { postcode: 'rv1 4ab', addressLine: ' 12 Mill Lane ', bedrooms: 1, tenure: 'private-rent' },
    });
    await updateProfile(deps, {
      applicant: gareth,
      applicationId,
      section: 'localConnection',
      body: { yearsInArea: 3 },
    });

    // Assess
    const profile = deps.applications.items.get(applicationId)?.profile;
    expect(profile?.currentHome).toMatchObject({ postcode: 'RV1 4AB', addressLine: '12 Mill Lane' });
    expect(profile?.localConnection).toEqual({
      yearsInArea: 3,
      armedForces: false,
      fleeingDomesticAbuse: false,
      careLeaver: false,
      rightToMove: false,
    });
  });

  it('keeps the other sections as they were', async () => {
    // Prepare
    const deps = await given(aCompleteApplication());

    // Act
    await updateProfile(deps, {
      applicant: gareth,
      applicationId,
      section: 'immigrationStatus',
      body: 'not-sure',
    });

    // Assess
    const profile = deps.applications.items.get(applicationId)?.profile;
    expect(profile?.immigrationStatus).toBe('not-sure');
    expect(profile?.household).toEqual(aCompleteApplication().profile.household);
    expect(profile?.income).toEqual(aCompleteApplication().profile.income);
  });

  it('refuses an answer that breaks the section’s schema, naming the fields, and writes nothing', async () => {
    // Prepare
    const deps = await given(anApplication());
    const before = deps.applications.items.get(applicationId);

    // Act
    const run = updateProfile(deps, {
      applicant: gareth,
      applicationId,
      section: 'income',
      body: { monthlyEarnings: -5, monthlyBenefits: 'lots' },
    });

    // Assess
    const error = await run.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'monthlyBenefits',
      'monthlyEarnings',
      'savings',
    ]);
    expectUnchanged(deps, before);
  });

  it('refuses a household without exactly one applicant, or with a member id twice', async () => {
    // Prepare
    const deps = await given(anApplication());
    const [applicant, partner] = household('coupleWithTwoGirls');
    if (!applicant || !partner) throw new Error('fixture changed');

    // Act
    const noApplicant = updateProfile(deps, {
      applicant: gareth,
      applicationId,
      section: 'household',
      body: [partner],
    });
    const twice = updateProfile(deps, {
      applicant: gareth,
      applicationId,
      section: 'household',
      body: [applicant, { ...partner, memberId: applicant.memberId }],
    });

    // Assess
    await expect(noApplicant).rejects.toThrow('Exactly one member is the applicant');
    await expect(twice).rejects.toThrow('Each member id only once');
  });

  it.each(['closed', 'let'] as const)('refuses answers once the application is %s', async (status) => {
    // Prepare
    const deps = await given(anApplication({ status }));
    const before = deps.applications.items.get(applicationId);

    // Act
    const run = updateProfile(deps, {
      applicant: gareth,
      applicationId,
      section: 'immigrationStatus',
      body: 'british-or-irish',
    });

    // Assess
    await expect(run).rejects.toThrow(JourneyStateError);
    expectUnchanged(deps, before);
  });

  it('answers another person’s application like a missing one, whatever the body', async () => {
    // Prepare
    const deps = await given(anApplication());
    const before = deps.applications.items.get(applicationId);

    // Act
    const run = updateProfile(deps, {
      applicant: stranger,
      applicationId,
      section: 'immigrationStatus',
      body: 'not a status',
    });

    // Assess
    await expect(run).rejects.toThrow(NotFoundError);
    expectUnchanged(deps, before);
  });

  it('lets one of two answers read at the same version win; the other is a conflict', async () => {
    // Prepare
    const deps = await given(anApplication());

    // Act
    const results = await Promise.allSettled([
      updateProfile(deps, {
        applicant: gareth,
        applicationId,
        section: 'immigrationStatus',
        body: 'not-sure',
      }),
      updateProfile(deps, {
        applicant: gareth,
        applicationId,
        section: 'income',
        body: { monthlyEarnings: 1, monthlyBenefits: 2, savings: 3 },
      }),
    ]);

    // Assess
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((result) => result.status === 'rejected');
    expect(rejected?.reason).toBeInstanceOf(ConflictError);
    expect(deps.applications.items.get(applicationId)?.version).toBe(1);
  });
});

describe('declareDocument', () => {
  it('records a declared document', async () => {
    // Prepare
    const deps = await given(anApplication());

    // Act
    const { document, upload } = await declareDocument(deps, {
      applicant: gareth,
      applicationId,
      body: { kind: 'passport', contentType: 'image/jpeg', sizeBytes: 2_400_000 },
    });

    // Assess
    expect(document).toEqual({
      documentId: expect.stringMatching(/^doc_[0-9a-f]{32}$/),
      kind: 'passport',
      contentType: 'image/jpeg',
      sizeBytes: 2_400_000,
      status: 'declared',
      declaredAt: '2026-11-02T09:30:00.000Z',
    });
    expect(deps.applications.items.get(applicationId)?.documents).toEqual([document]);
    expect(deps.audit.events).toEqual([
      expect.objectContaining({
        type: 'document-declared',
        facts: { documentId: document.documentId, kind: 'passport' },
      }),
    ]);
    // An upload slot for exactly that document, no larger than declared, open for 15 minutes.
    expect(upload).toMatchObject({
      method: 'POST',
      maxBytes: 2_400_000,
      expiresAt: '2026-11-02T09:45:00.000Z',
    });
    expect(deps.documents.slots).toEqual([
      {
        key: `applications/${applicationId}/${document.documentId}`,
        contentType: 'image/jpeg',
        maxBytes: 2_400_000,
      },
    ]);
  });

  it('takes a document of exactly 10 MB, and a content type in capitals', async () => {
    // Prepare
    const deps = await given(anApplication());

    // Act
    const { document } = await declareDocument(deps, {
      applicant: gareth,
      applicationId,
      body: { kind: 'payslip', contentType: 'Application/PDF', sizeBytes: MAX_DOCUMENT_BYTES },
    });

    // Assess
    expect(document).toMatchObject({ contentType: 'application/pdf', sizeBytes: MAX_DOCUMENT_BYTES });
  });

  it('refuses a document over 10 MB and writes nothing', async () => {
    // Prepare
    const deps = await given(anApplication());
    const before = deps.applications.items.get(applicationId);

    // Act
    const run = declareDocument(deps, {
      applicant: gareth,
      applicationId,
      body: { kind: 'bank-statement', contentType: 'application/pdf', sizeBytes: MAX_DOCUMENT_BYTES + 1 },
    });

    // Assess
    await expect(run).rejects.toThrow(DocumentTooLargeError);
    await expect(run).rejects.toThrow(/at most 10 MB/);
    expectUnchanged(deps, before);
  });

  it.each(['image/gif', 'application/msword', 'text/html'])(
    'refuses a %s document and writes nothing',
    async (contentType) => {
      // Prepare
      const deps = await given(anApplication());
      const before = deps.applications.items.get(applicationId);

      // Act
      const run = declareDocument(deps, {
        applicant: gareth,
        applicationId,
        body: { kind: 'utility-bill', contentType, sizeBytes: 40_000 },
      });

      // Assess
      await expect(run).rejects.toThrow(UnsupportedDocumentTypeError);
      expectUnchanged(deps, before);
    },
  );

  it('refuses a kind of document Doorstep does not know', async () => {
    // Prepare
    const deps = await given(anApplication());

    // Act
    const run = declareDocument(deps, {
      applicant: gareth,
      applicationId,
      body: { kind: 'library-card', contentType: 'image/png', sizeBytes: 40_000 },
    });

    // Assess
    await expect(run).rejects.toThrow(ZodError);
  });

  it.each([
    'https://doorstep.example/applications/app_x/documents/uploaded',
    'http://127.0.0.1:3000/applications/app_x/documents/uploaded',
    'http://localhost:8080/applications/app_x',
  ])('gives the store the page to send the browser back to after the upload: %s', async (redirectTo) => {
    // Prepare
    const deps = await given(anApplication());
    const uploadSlot = jest.spyOn(deps.documents, 'uploadSlot');

    // Act
    const { document } = await declareDocument(deps, {
      applicant: gareth,
      applicationId,
      body: { kind: 'payslip', contentType: 'application/pdf', sizeBytes: 40_000, redirectTo },
    });

    // Assess
    expect(uploadSlot).toHaveBeenCalledWith(
      expect.objectContaining({ key: `applications/${applicationId}/${document.documentId}`, redirectTo }),
    );
  });

  it('asks the store for no redirect when none is given', async () => {
    // Prepare
    const deps = await given(anApplication());
    const uploadSlot = jest.spyOn(deps.documents, 'uploadSlot');

    // Act
    await declareDocument(deps, {
      applicant: gareth,
      applicationId,
      body: { kind: 'payslip', contentType: 'application/pdf', sizeBytes: 40_000 },
    });

    // Assess
    expect(uploadSlot.mock.calls[0]?.[0]).not.toHaveProperty('redirectTo');
  });

  it.each([
    ['a bare path (storage answers from another origin)', '/applications/app_x', /absolute URL/],
    ['a protocol-relative address', '//evil.example/applications/app_x', /absolute URL/],
    ['plain http to a real host', 'http://doorstep.example/applications/app_x', /https URL/],
    ['another scheme', 'javascript:alert(1)//applications/', /https URL/],
    ['a page outside the applications', 'https://doorstep.example/officer/queue', /under \/applications\//],
    [
      'a climb out of the applications',
      'https://doorstep.example/applications/../officer',
      /under \/applications\//,
    ],
    ['credentials', 'https://user:secret@doorstep.example/applications/app_x', /user name or password/],
    [
      'a query (storage adds its own)',
      'https://doorstep.example/applications/app_x?next=/officer',
      /no query/,
    ],
    ['a fragment', 'https://doorstep.example/applications/app_x#top', /no query or fragment/],
    ['backslashes', 'https:\\\\evil.example\\applications\\app_x', /backslashes/],
    ['a space', 'https://doorstep.example/applications/app x', /spaces/],
    [
      'a second spelling',
      'https://DOORSTEP.example:443/applications/app_x',
      /normal form: https:\/\/doorstep\.example\//,
    ],
    ['more than 300 characters', `https://doorstep.example/applications/${'a'.repeat(300)}`, /at most 300/],
  ])('refuses a redirect with %s, saying why, and writes nothing', async (_case, redirectTo, message) => {
    // Prepare
    const deps = await given(anApplication());
    const before = deps.applications.items.get(applicationId);

    // Act
    const run = declareDocument(deps, {
      applicant: gareth,
      applicationId,
      body: { kind: 'payslip', contentType: 'application/pdf', sizeBytes: 40_000, redirectTo },
    });

    // Assess
    const error = await run.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ZodError);
    const issues = (error as ZodError).issues;
    expect(issues.map((issue) => issue.path.join('.'))).toEqual(expect.arrayContaining(['redirectTo']));
    expect(issues.map((issue) => issue.message).join('\n')).toMatch(message);
    expectUnchanged(deps, before);
    expect(deps.documents.slots).toEqual([]);
  });

  it('refuses documents for a closed application', async () => {
    // Prepare
    const deps = await given(anApplication({ status: 'closed' }));
    const before = deps.applications.items.get(applicationId);

    // Act
    const run = declareDocument(deps, {
      applicant: gareth,
      applicationId,
      body: { kind: 'passport', contentType: 'image/png', sizeBytes: 40_000 },
    });

    // Assess
    await expect(run).rejects.toThrow(JourneyStateError);
    expectUnchanged(deps, before);
  });

  it('answers another person’s application like a missing one', async () => {
    // Prepare
    const deps = await given(anApplication());
    const before = deps.applications.items.get(applicationId);

    // Act
    const run = declareDocument(deps, {
      applicant: stranger,
      applicationId,
      body: { kind: 'passport', contentType: 'image/png', sizeBytes: 40_000 },
    });

    // Assess
    await expect(run).rejects.toThrow(NotFoundError);
    expectUnchanged(deps, before);
  });
});
