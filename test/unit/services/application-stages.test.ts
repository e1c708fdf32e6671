import {
  type Application,
  Circumstances,
  type Decision,
  type DocumentRecord,
} from '../../../shared/domain/application';
import { Stage } from '../../../shared/domain/stage';
import { JourneyStateError, NotFoundError } from '../../../shared/ports';
import {
  documentNumberFingerprint,
  documents,
  eligibility,
  household,
  qualification,
  registration,
  type StageResult,
  verification,
} from '../../../shared/services/application-stages';
import {
  aCompleteApplication,
  aHome,
  anApplication,
  household as householdOf,
} from '../../fixtures/applications';
import { boy, household as members, you } from '../../support/households';
import { type MemoryDeps, memoryDeps } from '../../support/memory';
import { aReadPassport } from '../../support/uploads';

const applicationId = 'app_0123456789abcdef0123456789abcdef';

async function given(application: Application): Promise<MemoryDeps> {
  const deps = memoryDeps();
  await deps.applications.create(application);
  return deps;
}

async function stored(deps: MemoryDeps): Promise<Application> {
  const application = await deps.applications.get(applicationId);
  if (!application) throw new Error('the application was not stored');
  return application;
}

type StageRun = (deps: MemoryDeps, input: { applicationId: string }) => Promise<StageResult>;

const stages: Array<[Stage, StageRun]> = [
  [Stage.Eligibility, eligibility],
  [Stage.Qualification, qualification],
  [Stage.Household, household],
  [Stage.Documents, documents],
  [Stage.Verification, verification],
  [Stage.Registered, registration],
];

describe('every Application stage', () => {
  it.each(stages)('%s records one explained decision and one audit event', async (stage, run) => {
    // Prepare
    const deps = await given(aCompleteApplication());
    await deps.lettings.putHome(aHome());

    // Act
    const result = await run(deps, { applicationId });

    // Assess
    const application = await stored(deps);
    expect(application.decisions).toHaveLength(1);
    const decision = application.decisions[0];
    expect(decision).toMatchObject({ stage, outcome: result.outcome, decidedBy: 'system' });
    expect(decision?.reasons.length).toBeGreaterThan(0);
    for (const reason of decision?.reasons ?? []) {
      expect(reason.rule).not.toBe('');
      expect(reason.clause).not.toBe('');
      expect(reason.text).not.toBe('');
    }
    expect(decision?.policyVersion).toBe('riverside-council@2026-04');
    expect(decision?.decidedAt).toBe('2026-11-02T09:30:00.000Z');
    expect(deps.audit.events).toEqual([
      expect.objectContaining({
        applicationId,
        type: 'decision',
        stage,
        actor: 'system',
        facts: expect.objectContaining({ outcome: result.outcome }),
      }),
    ]);
  });

  it.each(stages)('%s run twice on the same answers writes one decision', async (_stage, run) => {
    // Prepare
    const deps = await given(aCompleteApplication());
    await deps.lettings.putHome(aHome());
    const first = await run(deps, { applicationId });

    // Act
    const second = await run(deps, { applicationId });

    // Assess
    expect(second).toEqual(first);
    expect((await stored(deps)).decisions).toHaveLength(1);
    expect(deps.audit.events).toHaveLength(1);
  });

  it('answers an unknown application with NotFoundError', async () => {
    // Prepare
    const deps = memoryDeps();

    // Act
    const run = eligibility(deps, { applicationId });

    // Assess
    await expect(run).rejects.toThrow(NotFoundError);
  });
});

describe('eligibility', () => {
  it('finds a British citizen eligible under s160ZA with the answer it used', async () => {
    // Prepare
    const deps = await given(aCompleteApplication());

    // Act
    const result = await eligibility(deps, { applicationId });

    // Assess
    expect(result).toEqual({ applicationId, stage: Stage.Eligibility, outcome: 'eligible' });
    expect((await stored(deps)).decisions[0]?.reasons[0]).toMatchObject({
      rule: 'eligibility.immigration-status',
      clause: expect.stringMatching(/^Housing Act 1996 s160ZA\(4\)/),
      answer: 'british-or-irish',
    });
  });

  it('writes a new decision when the applicant changes their answer', async () => {
    // Prepare
    const deps = await given(aCompleteApplication());
    await eligibility(deps, { applicationId });
    const application = await stored(deps);
    await deps.applications.save({
      ...application,
      profile: { ...application.profile, immigrationStatus: 'limited-leave' },
    });

    // Act
    const result = await eligibility(deps, { applicationId });

    // Assess
    expect(result.outcome).toBe('refer');
    const decisions = (await stored(deps)).decisions;
    expect(decisions.map((decision) => decision.outcome)).toEqual(['eligible', 'refer']);
    expect(decisions[1]?.review?.withinDays).toBe(21);
    expect(deps.audit.events).toHaveLength(2);
  });
});

describe('a stage that asks the applicant, with answers missing', () => {
  const unanswered: Array<[string, StageRun, Stage, Application]> = [
    ['eligibility without an immigration status', eligibility, Stage.Eligibility, anApplication()],
    [
      'qualification without a local connection',
      qualification,
      Stage.Qualification,
      anApplication({
        profile: { household: householdOf('singleAdult'), immigrationStatus: 'british-or-irish' },
      }),
    ],
    ['qualification without an applicant', qualification, Stage.Qualification, anApplication()],
    [
      'qualification in England, under an income cap, without the income answer',
      qualification,
      Stage.Qualification,
      anApplication({
        profile: {
          household: householdOf('singleAdult'),
          immigrationStatus: 'british-or-irish',
          localConnection: {
            yearsInArea: 6,
            armedForces: false,
            fleeingDomesticAbuse: false,
            careLeaver: false,
            rightToMove: false,
          },
        },
      }),
    ],
    ['household without an applicant', household, Stage.Household, anApplication()],
  ];

  it.each(unanswered)('%s asks for answers and writes nothing', async (_case, run, stage, application) => {
    // Prepare
    const deps = await given(application);

    // Act
    const result = await run(deps, { applicationId });

    // Assess
    expect(result).toEqual({ applicationId, stage, outcome: 'needs-answers' });
    const after = await stored(deps);
    expect(after.decisions).toEqual([]);
    expect(after.version).toBe(0);
    expect(deps.audit.events).toEqual([]);
  });

  it('decides once the applicant has given the missing answer', async () => {
    // Prepare
    const deps = await given(anApplication());
    await eligibility(deps, { applicationId });
    const application = await stored(deps);
    await deps.applications.save({
      ...application,
      profile: { ...application.profile, immigrationStatus: 'eu-settled-status' },
    });

    // Act
    const result = await eligibility(deps, { applicationId });

    // Assess
    expect(result.outcome).toBe('eligible');
    expect((await stored(deps)).decisions).toHaveLength(1);
  });
});

describe('a stage with no applicant answers wait, with answers missing', () => {
  it('verification without an applicant throws JourneyStateError and writes nothing', async () => {
    // Prepare
    const deps = await given(aCompleteApplication({ profile: { household: [] } }));

    // Act
    const run = verification(deps, { applicationId });

    // Assess
    await expect(run).rejects.toThrow(JourneyStateError);
    expect((await stored(deps)).decisions).toEqual([]);
    expect(deps.audit.events).toEqual([]);
  });

  it('registration without the current home throws JourneyStateError and writes nothing', async () => {
    // Prepare
    const complete = aCompleteApplication();
    const { currentHome: _unanswered, ...profile } = complete.profile;
    const deps = await given({ ...complete, profile });

    // Act
    const run = registration(deps, { applicationId });

    // Assess
    await expect(run).rejects.toThrow(JourneyStateError);
    const after = await stored(deps);
    expect(after.decisions).toEqual([]);
    expect(after.registration).toBeUndefined();
    expect(deps.audit.events).toEqual([]);
  });
});

describe('qualification', () => {
  it('refers a household short of the two-year residence rule, with the review route', async () => {
    // Prepare
    const complete = aCompleteApplication();
    const deps = await given({
      ...complete,
      profile: {
        ...complete.profile,
        localConnection: {
          yearsInArea: 1,
          armedForces: false,
          fleeingDomesticAbuse: false,
          careLeaver: false,
          rightToMove: false,
        },
      },
    });

    // Act
    const result = await qualification(deps, { applicationId });

    // Assess
    expect(result.outcome).toBe('refer');
    const decision = (await stored(deps)).decisions[0];
    expect(decision?.reasons.map((reason) => reason.rule)).toContain('qualification.residence');
    expect(decision?.review?.withinDays).toBe(21);
  });

  it('reads the circumstances answers: serious arrears without a kept plan refer', async () => {
    // Prepare
    const complete = aCompleteApplication();
    const deps = await given({
      ...complete,
      profile: {
        ...complete.profile,
        circumstances: Circumstances.parse({ formerTenancyArrears: 120_000 }),
      },
    });

    // Act
    const result = await qualification(deps, { applicationId });

    // Assess
    expect(result.outcome).toBe('refer');
    const decision = (await stored(deps)).decisions[0];
    expect(decision?.reasons).toContainEqual(
      expect.objectContaining({
        rule: 'qualification.serious-arrears',
        answer: '£1,200, repayment plan kept: no',
      }),
    );
    expect(decision?.inputs).toMatchObject({
      formerTenancyArrears: 120_000,
      arrearsRepaymentPlanKept: false,
    });
  });

  it('qualifies with no circumstances answered, taking every default', async () => {
    // Prepare
    const deps = await given(aCompleteApplication());

    // Act
    const result = await qualification(deps, { applicationId });

    // Assess
    expect(result.outcome).toBe('qualifies');
    expect((await stored(deps)).decisions[0]?.inputs).toMatchObject({
      ownsProperty: false,
      formerTenancyArrears: 0,
      unacceptableBehaviour: false,
      monthlyEarnings: 210_000,
    });
  });

  it('does not need the income answer in Wales', async () => {
    // Prepare
    const complete = aCompleteApplication({ landlordId: 'cwm-valley-homes', policyId: 'cwm-valley' });
    const { income: _unanswered, ...profile } = complete.profile;
    const deps = await given({ ...complete, profile });

    // Act
    const result = await qualification(deps, { applicationId });

    // Assess
    expect(result.outcome).toBe('qualifies');
  });
});

describe('an application under a policy Doorstep does not have', () => {
  it.each(stages)(
    '%s throws a JourneyStateError naming the policy, and writes nothing',
    async (_stage, run) => {
      // Prepare
      const deps = await given(aCompleteApplication({ policyId: 'atlantis-council' }));

      // Act
      const running = run(deps, { applicationId });

      // Assess
      await expect(running).rejects.toThrow(JourneyStateError);
      await expect(run(deps, { applicationId })).rejects.toThrow(
        'names the allocation policy "atlantis-council", which Doorstep does not have',
      );
      const after = await stored(deps);
      expect(after.decisions).toEqual([]);
      expect(after.version).toBe(0);
      expect(deps.audit.events).toEqual([]);
    },
  );
});

describe('household', () => {
  it('records the bedroom need of a couple with two girls', async () => {
    // Prepare
    const deps = await given(aCompleteApplication());

    // Act
    const result = await household(deps, { applicationId });

    // Assess
    expect(result.outcome).toBe('recorded');
    expect((await stored(deps)).decisions[0]?.inputs).toEqual({
      members: 4,
      bedroomNeed: 2,
      currentBedrooms: 1,
    });
  });

  it("records the need under the council's allocation standard: in Cwm Valley brothers of 17 and 19 share", async () => {
    // Prepare: the size criteria would give the brothers a room each (3); Cwm Valley's scheme lets same-sex
    // children share while both are under 21.
    const complete = aCompleteApplication({ policyId: 'cwm-valley', landlordId: 'cwm-valley-homes' });
    const brothers = members(you(), boy('Pryderi', 17), boy('Osian', 19));
    const deps = await given({ ...complete, profile: { ...complete.profile, household: brothers } });

    // Act
    await household(deps, { applicationId });

    // Assess
    const decision = (await stored(deps)).decisions[0];
    expect(decision?.inputs).toMatchObject({ bedroomNeed: 2 });
    expect(decision?.reasons).toContainEqual(
      expect.objectContaining({
        rule: 'bedrooms.children-share',
        clause:
          'Cwm Valley County Borough Council allocation scheme (policy cwm-valley@2026-01): children of the same sex share while both are under 21',
      }),
    );
  });

  it('asks for the current home with the household, writing nothing until it is answered', async () => {
    // Prepare
    const complete = aCompleteApplication();
    const { currentHome: _missing, ...profile } = complete.profile;
    const deps = await given({ ...complete, profile });

    // Act
    const result = await household(deps, { applicationId });

    // Assess
    expect(result.outcome).toBe('needs-answers');
    expect((await stored(deps)).decisions).toHaveLength(0);
  });
});

/** Gareth Pritchard's passport as the reader would give it, with fields to change per test. */
const passportValues = {
  surname: 'PRITCHARD',
  givenNames: 'GARETH',
  dateOfBirth: '1988-07-02',
  expiryDate: '2031-05-01',
  checkDigitsValid: 'true',
};

const garethsPassport = (changes: Record<string, string> = {}) =>
  aReadPassport({ ...passportValues, ...changes });

const passport = (status: DocumentRecord['status'], extra: Partial<DocumentRecord> = {}): DocumentRecord => ({
  documentId: `doc_passport${status}`,
  kind: 'passport',
  contentType: 'image/jpeg',
  sizeBytes: 2_400_000,
  status,
  declaredAt: '2026-11-01T10:05:00.000Z',
  ...extra,
});

describe('documents', () => {
  it('asks for an identity document when none was sent, writing nothing', async () => {
    // Prepare
    const deps = await given(
      aCompleteApplication({
        documents: [
          {
            documentId: 'doc_payslip1',
            kind: 'payslip',
            contentType: 'application/pdf',
            sizeBytes: 300_000,
            status: 'uploaded',
            declaredAt: '2026-11-01T10:06:00.000Z',
          },
        ],
      }),
    );

    // Act
    const result = await documents(deps, { applicationId });

    // Assess
    expect(result.outcome).toBe('needs-answers');
    expect((await stored(deps)).decisions).toHaveLength(0);
  });

  it('waits while the declared passport has not arrived', async () => {
    const deps = await given(aCompleteApplication({ documents: [passport('declared')] }));

    expect((await documents(deps, { applicationId })).outcome).toBe('needs-answers');
  });

  it('asks again after a rejected upload, and hands over to an officer after three', async () => {
    const rejected = (n: number) =>
      passport('rejected', {
        documentId: `doc_rejected${n}`,
        problem: 'The file is not the JPEG photo it was said to be.',
      });
    const twice = await given(aCompleteApplication({ documents: [rejected(1), rejected(2)] }));
    const thrice = await given(aCompleteApplication({ documents: [rejected(1), rejected(2), rejected(3)] }));

    expect((await documents(twice, { applicationId })).outcome).toBe('needs-answers');
    expect((await documents(thrice, { applicationId })).outcome).toBe('recorded');
    expect((await stored(thrice)).decisions[0]?.reasons[0]?.text).toContain('not the JPEG photo');
  });

  it('asks again when the passport read does not match the answers', async () => {
    const deps = await given(
      aCompleteApplication({
        documents: [
          {
            ...garethsPassport({ surname: 'PRICHARD' }),
            problem: 'Your passport says your surname is PRICHARD.',
          },
        ],
      }),
    );

    expect((await documents(deps, { applicationId })).outcome).toBe('needs-answers');
  });

  it('records a passport that arrived but could not be read, for an officer to check', async () => {
    const deps = await given(
      aCompleteApplication({
        documents: [passport('uploaded', { problem: 'We could not read your passport automatically.' })],
      }),
    );

    const result = await documents(deps, { applicationId });

    expect(result.outcome).toBe('recorded');
    expect((await stored(deps)).decisions[0]?.reasons).toEqual([
      expect.objectContaining({
        rule: 'documents.uploaded',
        text: expect.stringContaining('could not read'),
      }),
    ]);
  });

  it('hands over to an officer a licence that arrived after a passport that did not match', async () => {
    const deps = await given(
      aCompleteApplication({
        documents: [
          {
            ...garethsPassport({ surname: 'PRICHARD' }),
            problem: 'Your passport says your surname is PRICHARD.',
          },
          passport('uploaded', { documentId: 'doc_licence1', kind: 'driving-licence' }),
        ],
      }),
    );

    expect((await documents(deps, { applicationId })).outcome).toBe('recorded');
  });

  it('records a passport that was read and matches', async () => {
    const deps = await given(aCompleteApplication({ documents: [garethsPassport()] }));

    expect((await documents(deps, { applicationId })).outcome).toBe('recorded');
    expect((await stored(deps)).decisions[0]?.reasons[0]).toMatchObject({
      rule: 'documents.read',
      text: 'We read your passport and it matches your answers.',
    });
  });
});

describe('verification', () => {
  it('refers when no document has been read', async () => {
    const deps = await given(aCompleteApplication());

    const result = await verification(deps, { applicationId });

    expect(result.outcome).toBe('refer');
    expect((await stored(deps)).decisions[0]?.reasons[0]?.rule).toBe('verification.not-read');
  });

  it('verifies a passport whose names, date of birth, expiry and check digits agree with the answers', async () => {
    const deps = await given(
      aCompleteApplication({ documents: [garethsPassport({ surname: 'pritchard' })] }),
    );

    const result = await verification(deps, { applicationId });

    expect(result.outcome).toBe('verified');
    expect((await stored(deps)).decisions[0]?.reasons[0]).toMatchObject({
      rule: 'verification.match',
      answer: 'Gareth Pritchard',
    });
  });

  it('refers a passport whose names read less surely than the policy allows and match only tolerantly', async () => {
    const deps = await given(
      aCompleteApplication({
        documents: [aReadPassport({ ...passportValues, givenNames: 'GARETH<HUW' }, 0.56)],
      }),
    );

    const result = await verification(deps, { applicationId });

    expect(result.outcome).toBe('refer');
    const decision = (await stored(deps)).decisions[0];
    expect(decision?.reasons.map((reason) => reason.rule)).toEqual(['verification.name-clarity']);
    expect(decision?.next).toBe(
      'An officer will compare the photo of your passport with your answers within 10 days. You do not need to do anything yet.',
    );
  });

  it('verifies a passport read less surely when its names are the answers letter for letter', async () => {
    const deps = await given(aCompleteApplication({ documents: [aReadPassport(passportValues, 0.56)] }));

    const result = await verification(deps, { applicationId });

    expect(result.outcome).toBe('verified');
  });

  /** A payslip as the reader gives it: Gareth's, dated last week, £2,050 net a month unless changed. */
  const payslip = (
    status: DocumentRecord['status'],
    changes: Record<string, string> = {},
  ): DocumentRecord => ({
    documentId: 'doc_payslip1',
    kind: 'payslip',
    contentType: 'image/jpeg',
    sizeBytes: 900_000,
    status,
    declaredAt: '2026-11-01T10:06:00.000Z',
    ...(status === 'read'
      ? {
          readFields: Object.fromEntries(
            Object.entries({
              employeeName: 'Gareth Pritchard',
              payDate: '2026-10-28',
              payPeriod: 'monthly',
              netPay: '205000',
              ...changes,
            }).map(([name, value]) => [name, { value, confidence: 0.93 }]),
          ),
        }
      : {}),
  });

  it('verifies with the payslip’s checks among the reasons when it agrees with the answers', async () => {
    const deps = await given(aCompleteApplication({ documents: [garethsPassport(), payslip('read')] }));

    const result = await verification(deps, { applicationId });

    expect(result.outcome).toBe('verified');
    const reasons = (await stored(deps)).decisions[0]?.reasons ?? [];
    expect(reasons.find((reason) => reason.rule === 'verification.evidence')?.text).toMatch(
      /^Your payslip: Your payslip is in the name of Gareth Pritchard\. .*fits the £2,100 a month you told us/,
    );
  });

  it.each([
    [
      'shows more income than declared',
      payslip('read', { netPay: '400000' }),
      'verification.evidence.income',
    ],
    ['could not be read', payslip('uploaded'), 'verification.evidence.not-read'],
  ])('refers to an officer when a payslip %s, though the passport matches', async (_what, document, rule) => {
    const deps = await given(aCompleteApplication({ documents: [garethsPassport(), document] }));

    const result = await verification(deps, { applicationId });

    expect(result.outcome).toBe('refer');
    expect((await stored(deps)).decisions[0]?.reasons.map((reason) => reason.rule)).toEqual([rule]);
  });

  it('tells the applicant a long PDF was still being read, not that it could not be, when it refers', async () => {
    const being: DocumentRecord = {
      ...payslip('uploaded'),
      contentType: 'application/pdf',
      readingJob: { jobId: 'job-1', startedAt: '2026-11-01T10:06:30.000Z' },
    };
    const deps = await given(aCompleteApplication({ documents: [garethsPassport(), being] }));

    await verification(deps, { applicationId });

    expect((await stored(deps)).decisions[0]?.reasons).toEqual([
      expect.objectContaining({
        rule: 'verification.evidence.not-read',
        text: 'Your payslip was still being read when we checked your answers, so an officer will check it.',
      }),
    ]);
  });

  it('verifies a driving licence read as forms, which has no check digits', async () => {
    const licence: DocumentRecord = {
      ...garethsPassport(),
      documentId: 'doc_licence1',
      kind: 'driving-licence',
      readFields: Object.fromEntries(
        Object.entries({
          surname: 'PRITCHARD',
          givenNames: 'GARETH',
          dateOfBirth: '1988-07-02',
          expiryDate: '2031-05-01',
          documentNumber: 'PRITC807028G99AB',
        }).map(([name, value]) => [name, { value, confidence: 0.92 }]),
      ),
    };
    const deps = await given(aCompleteApplication({ documents: [licence] }));

    const result = await verification(deps, { applicationId });

    expect(result.outcome).toBe('verified');
  });

  it.each([
    ['surname', { surname: 'PRICHARD' }, 'verification.surname'],
    ['given name', { givenNames: 'GERAINT' }, 'verification.given-names'],
    ['date of birth', { dateOfBirth: '1988-07-20' }, 'verification.date-of-birth'],
    ['expiry', { expiryDate: '2025-01-31' }, 'verification.expiry-date'],
    ['check digits', { checkDigitsValid: 'false' }, 'verification.check-digits'],
  ])('refers when the %s does not check out, citing the rule', async (_what, changes, rule) => {
    const deps = await given(aCompleteApplication({ documents: [garethsPassport(changes)] }));

    const result = await verification(deps, { applicationId });

    expect(result.outcome).toBe('refer');
    expect((await stored(deps)).decisions[0]?.reasons.map((reason) => reason.rule)).toEqual([rule]);
  });

  it('keeps an officer’s proceed when the stage runs again on the same answers', async () => {
    const deps = await given(aCompleteApplication());
    await verification(deps, { applicationId });
    const referred = await stored(deps);
    await deps.applications.save({
      ...referred,
      decisions: [
        ...referred.decisions,
        {
          ...(referred.decisions[0] as Decision),
          outcome: 'verified',
          decidedBy: 'officer',
          reasons: [
            { rule: 'officer.review', clause: 'UK GDPR Art. 22', text: 'Checked the passport in person' },
          ],
        },
      ],
    });

    const rerun = await verification(deps, { applicationId });

    expect(rerun.outcome).toBe('verified');
    expect((await stored(deps)).decisions).toHaveLength(2);
  });

  it('decides afresh when the answers changed after an officer’s proceed', async () => {
    const deps = await given(aCompleteApplication());
    await verification(deps, { applicationId });
    const referred = await stored(deps);
    await deps.applications.save({
      ...referred,
      documents: [garethsPassport({ surname: 'PRICHARD' })],
      decisions: [
        ...referred.decisions,
        { ...(referred.decisions[0] as Decision), outcome: 'verified', decidedBy: 'officer' },
      ],
    });

    expect((await verification(deps, { applicationId })).outcome).toBe('refer');
  });

  it('records a name that matched only tolerantly, with the reason', async () => {
    const deps = await given(
      aCompleteApplication({ documents: [garethsPassport({ givenNames: 'GARETH HUW' })] }),
    );

    const result = await verification(deps, { applicationId });

    expect(result.outcome).toBe('verified');
    expect((await stored(deps)).decisions[0]?.reasons[1]).toMatchObject({
      rule: 'verification.name-tolerant',
      text: expect.stringMatching(/middle name HUW only on the passport/),
    });
  });

  it('tells the applicant what the MRZ says and what to do when the surname does not match', async () => {
    const deps = await given(aCompleteApplication({ documents: [garethsPassport({ surname: 'PRICHARD' })] }));

    await verification(deps, { applicationId });

    expect((await stored(deps)).decisions[0]?.reasons[0]?.text).toBe(
      'The surname on your passport (MRZ: PRICHARD) does not match the surname you gave (Pritchard): check your answers, or take another photo, flat and in good light, if the passport was misread.',
    );
    expect((await stored(deps)).decisions[0]?.next).toMatch(
      /^An officer will compare your passport with your answers within 10 days\./,
    );
  });

  describe('the same passport number on another application', () => {
    const numbered = (changes: Record<string, string> = {}) =>
      garethsPassport({ documentNumber: '125583497', issuingState: 'GBR', ...changes });

    it('refers to an officer, showing only the last three characters of the number', async () => {
      const deps = await given(aCompleteApplication({ documents: [numbered()] }));
      await deps.applications.claimDocumentNumber(
        documentNumberFingerprint('passport', 'GBR', '125583497'),
        'app_someoneelse',
      );

      const result = await verification(deps, { applicationId });

      expect(result.outcome).toBe('refer');
      const [reason] = (await stored(deps)).decisions[0]?.reasons ?? [];
      expect(reason).toMatchObject({
        rule: 'verification.document-number',
        text: 'This passport number (******497) is already on another application: an officer will contact you to check it. You do not need to upload it again.',
      });
      expect(JSON.stringify((await stored(deps)).decisions)).not.toContain('125583497');
      expect((await stored(deps)).decisions[0]?.next).toBe(
        'An officer will contact you within 10 days to check the passport number. You do not need to do anything yet.',
      );
    });

    it('verifies the application that claimed it first, however often the stage runs', async () => {
      const deps = await given(aCompleteApplication({ documents: [numbered()] }));

      const first = await verification(deps, { applicationId });
      const again = await verification(deps, { applicationId });

      expect([first.outcome, again.outcome]).toEqual(['verified', 'verified']);
      expect([...deps.applications.documentNumbers.values()]).toEqual([applicationId]);
      expect((await stored(deps)).decisions).toHaveLength(1);
    });

    it('keeps the claim of the first application when a second one brings the same passport', async () => {
      const deps = await given(aCompleteApplication({ documents: [numbered()] }));
      const second = 'app_fedcba9876543210fedcba9876543210';
      await deps.applications.create({
        ...aCompleteApplication({ documents: [numbered({ documentNumber: '125 583 497' })] }),
        applicationId: second,
      });

      await verification(deps, { applicationId });
      const result = await verification(deps, { applicationId: second });

      expect(result.outcome).toBe('refer');
      expect([...deps.applications.documentNumbers.values()]).toEqual([applicationId]);
    });

    it('does not claim a number read with failing check digits (a misread must not take another’s)', async () => {
      const deps = await given(
        aCompleteApplication({ documents: [numbered({ checkDigitsValid: 'false' })] }),
      );

      await verification(deps, { applicationId });

      expect(deps.applications.documentNumbers.size).toBe(0);
    });

    it('does not claim the number of a passport that does not match the answers (found in review)', async () => {
      const deps = await given(aCompleteApplication({ documents: [numbered({ surname: 'SOMEONE' })] }));

      const result = await verification(deps, { applicationId });

      expect(result.outcome).toBe('refer');
      expect(deps.applications.documentNumbers.size).toBe(0);
    });

    it('tells a licence from a passport, and one state’s passport from another’s, with the same number', () => {
      const passport = documentNumberFingerprint('passport', 'GBR', '125583497');
      expect(documentNumberFingerprint('passport', 'gbr', '125583497<')).toBe(passport);
      expect(documentNumberFingerprint('driving-licence', 'GBR', '125583497')).not.toBe(passport);
      expect(documentNumberFingerprint('passport', 'IRL', '125583497')).not.toBe(passport);
      expect(passport).toMatch(/^[0-9a-f]{64}$/);
    });
  });

  it('verifies once the applicant corrects an answer the passport disagreed with', async () => {
    const complete = aCompleteApplication({ documents: [garethsPassport({ dateOfBirth: '1988-07-20' })] });
    const deps = await given(complete);
    await verification(deps, { applicationId });
    const stale = await stored(deps);
    await deps.applications.save({
      ...stale,
      profile: {
        ...stale.profile,
        household: stale.profile.household.map((member) =>
          member.relationship === 'applicant' ? { ...member, dateOfBirth: '1988-07-20' } : member,
        ),
      },
    });

    const result = await verification(deps, { applicationId });

    expect(result.outcome).toBe('verified');
  });
});

describe('registration', () => {
  it('puts an overcrowded household in band B from today and reports a fitting home', async () => {
    // Prepare
    const deps = await given(aCompleteApplication());
    await deps.lettings.putHome(aHome({ bedrooms: 2 }));

    // Act
    const result = await registration(deps, { applicationId });

    // Assess
    expect(result).toEqual({
      applicationId,
      stage: Stage.Registered,
      outcome: 'registered',
      homeAvailable: true,
    });
    const application = await stored(deps);
    expect(application.status).toBe('registered');
    expect(application.registration).toEqual({ band: 'B', effectiveDate: '2026-11-02', bedroomNeed: 2 });
  });

  // Riverside's band for no reasonable preference is D (policy data since issue 6; it was a fixed C before).
  it('recomputes band and bedroom need when the household changes, keeping the first effective date', async () => {
    // Prepare
    const deps = await given(aCompleteApplication());
    await registration(deps, { applicationId });
    deps.clock.advanceDays(30);
    const registered = await stored(deps);
    await deps.applications.save({
      ...registered,
      profile: { ...registered.profile, household: householdOf('singleAdult') },
    });

    // Act
    await registration(deps, { applicationId });

    // Assess
    expect((await stored(deps)).registration).toEqual({
      band: 'D',
      effectiveDate: '2026-11-02',
      bedroomNeed: 1,
    });
  });

  it('puts a household with no reasonable preference in Riverside’s band D', async () => {
    // Prepare
    const complete = aCompleteApplication();
    const deps = await given({
      ...complete,
      profile: {
        ...complete.profile,
        currentHome: { postcode: 'RV1 4AB', addressLine: '12 Mill Lane', bedrooms: 2, tenure: 'social-rent' },
      },
    });

    // Act
    await registration(deps, { applicationId });

    // Assess
    expect((await stored(deps)).registration?.band).toBe('D');
  });

  it('moves a household up a band from the day its circumstances change', async () => {
    // Prepare
    const deps = await given(aCompleteApplication());
    await registration(deps, { applicationId });
    deps.clock.advanceDays(30);
    const registered = await stored(deps);
    await deps.applications.save({
      ...registered,
      profile: { ...registered.profile, circumstances: Circumstances.parse({ medicalNeed: 'urgent' }) },
    });

    // Act
    await registration(deps, { applicationId });

    // Assess
    const application = await stored(deps);
    expect(application.registration).toEqual({ band: 'A', effectiveDate: '2026-12-02', bedroomNeed: 2 });
    expect(application.decisions.at(-1)?.reasons).toContainEqual(
      expect.objectContaining({
        rule: 'priority.urgent-medical',
        clause: 'Housing Act 1996 s166A(3) (additional preference)',
      }),
    );
  });

  it('writes nothing new when registration runs again on the same answers', async () => {
    // Prepare
    const deps = await given(aCompleteApplication());
    await registration(deps, { applicationId });
    deps.clock.advanceDays(3);

    // Act
    await registration(deps, { applicationId });

    // Assess
    const application = await stored(deps);
    expect(application.decisions).toHaveLength(1);
    expect(application.registration?.effectiveDate).toBe('2026-11-02');
  });

  it('reports no home available when the only home is too small', async () => {
    // Prepare
    const deps = await given(aCompleteApplication());
    await deps.lettings.putHome(aHome({ bedrooms: 1 }));

    // Act
    const result = await registration(deps, { applicationId });

    // Assess
    expect(result.homeAvailable).toBe(false);
  });

  it('reports no home available when the fitting home belongs to another landlord', async () => {
    // Prepare
    const deps = await given(aCompleteApplication());
    await deps.lettings.putHome(aHome({ landlordId: 'cwm-valley-homes' }));

    // Act
    const result = await registration(deps, { applicationId });

    // Assess
    expect(result.homeAvailable).toBe(false);
  });
});
