import { Application } from '../../../shared/domain/application';
import { ConsentUse } from '../../../shared/domain/consents';
import { Stage } from '../../../shared/domain/stage';
import {
  APPLICATION_FIELDS_IN_COPY,
  WITHHELD,
  yourData,
  yourDataSections,
} from '../../../shared/domain/your-data';
import { policyFor } from '../../../shared/policies';
import { NotFoundError } from '../../../shared/ports';
import { setConsents, TextConsentNotifier } from '../../../shared/services/consents';
import { credentialIdFor } from '../../../shared/services/letting-stages';
import { sweepRetention } from '../../../shared/services/retention';
import {
  dataCopyForApplicant,
  dataCopyKey,
  requestDataCopy,
  yourDataForApplicant,
  yourDataForOfficer,
} from '../../../shared/services/your-data';
import { writeDataCopy } from '../../../shared/services/your-data-pdf';
import { anApplication, referral } from '../../fixtures/applications';
import { weaverCourt } from '../../fixtures/lettings';
import { applicationId } from '../../support/authorisation';
import { pdfText } from '../../support/pdf-text';
import { aLetHousehold, aReadPayslip, consentsGiven } from '../../support/your-data';

/**
 * "What we hold about you" (UK GDPR Art. 15): a household taken all the way to its keys, with a decision, a
 * review decided by an officer, a document read (and flagged), consents given and withdrawn, and waits open.
 * The copy must hold every part of it, and nothing that is someone else's or keeps the service secure.
 */
async function aFullWorld() {
  const world = await aLetHousehold(() => ({
    decisions: [referral],
    reviewRequests: [
      {
        decision: 0,
        reason: 'I have lived here for two years',
        requestedAt: '2026-11-03T10:00:00.000Z',
        outcome: {
          result: 'upheld',
          reason: 'Council Tax records show one year.',
          decidedAt: '2026-11-10T10:00:00.000Z',
          decidedBy: 'officer-ellis',
        },
      },
    ],
    contactSafety: {
      safe: ['email'],
      textTimes: [],
      letters: 'not-safe',
      voicemail: false,
      updatedAt: '2026-11-04T10:00:00.000Z',
    },
    documents: [
      aReadPayslip('Riverside Bakery Ltd', {
        signals: ['The text layer was edited after the PDF was made'],
        imageHash: 'fedcba9876543210',
      }),
    ],
  }));
  // A message through the notifier as wired, which records it on the application's audit log.
  await new TextConsentNotifier(world.deps.notifier, world.deps).send({
    to: { applicationId },
    template: 'wait-answers',
    values: { stage: 'Your documents' },
  });
  await consentsGiven(world, ['text-messages', 'homes-by-email']);
  return world;
}

/** Every leaf value of an answer (a string, number or boolean), however deep. */
function leaves(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  if (typeof value !== 'object') return [value];
  return Object.values(value as Record<string, unknown>).flatMap(leaves);
}

describe('what we hold about you', () => {
  it('holds every part of the application, each in its own section of the page and the PDF', async () => {
    // Prepare
    const { deps, gareth } = await aFullWorld();

    // Act
    const data = await yourDataForApplicant(deps, { applicant: gareth, applicationId });
    const sections = yourDataSections(data);

    // Assess: every section has something to show (the messages' says why it cannot list them).
    const byId = Object.fromEntries(sections.map((section) => [section.id, section]));
    for (const id of [
      'about',
      'answers',
      'household',
      'documents',
      'decisions',
      'reviews',
      'register',
      'letting',
    ]) {
      expect(byId[id]?.groups.length).toBeGreaterThan(0);
    }
    for (const id of ['safe-contact', 'consents', 'messages', 'waits', 'audit', 'withheld'])
      expect(byId[id]?.groups.length).toBeGreaterThan(0);
    expect(data.messages).toEqual([
      { at: '2026-11-29T09:00:00.000Z', template: 'wait-answers', channels: 'email' },
    ]);
    // Every answer and every household member's detail is a row: nothing is dropped on the way to the page.
    const { household, ...answers } = (await deps.applications.get(applicationId))?.profile ?? {
      household: [],
    };
    const rows = (id: string) => byId[id]?.groups.flatMap((group) => group.rows) ?? [];
    expect(rows('answers')).toHaveLength(leaves(answers).length);
    expect(rows('household')).toHaveLength(
      leaves(household.map(({ memberId: _id, ...member }) => member)).length,
    );
    // The parts as data.
    expect(data.documents[0]).toMatchObject({
      name: 'Payslip',
      read: { employerName: 'Riverside Bakery Ltd', netPay: '210000' },
    });
    expect(data.decisions[0]?.reasons[0]).toEqual({
      text: 'One year, not two.',
      clause: 'Housing Act 1996 s160ZA(7)',
    });
    expect(data.reviewRequests[0]?.outcome).toEqual({
      result: 'upheld',
      reason: 'Council Tax records show one year.',
      decidedAt: '2026-11-10T10:00:00.000Z',
    });
    expect(data.offer?.address).toBe('Flat 3, 14 Weaver Court, Riverside');
    expect(data.tenancy?.tenants).toEqual(['Gareth Pritchard', 'Sian Pritchard']);
    expect(data.key?.validFrom).toBeDefined();
    expect(data.consents.map(({ use, given, via }) => ({ use, given, via }))).toEqual([
      { use: 'text-messages', given: true, via: 'web' },
      { use: 'homes-by-email', given: true, via: 'web' },
      { use: 'text-messages', given: false, via: 'officer' },
    ]);
    expect(data.waits.length).toBe(3);
    expect(data.auditEvents.map((event) => event.type)).toEqual(
      expect.arrayContaining(['consent-given', 'consent-withdrawn']),
    );
    expect(data.withheld).toEqual(WITHHELD);
  });

  it('leaves out other people’s data and what keeps the service secure, and says so', async () => {
    // Prepare
    const { deps, gareth } = await aFullWorld();
    const key = await deps.lettings.getKey(credentialIdFor({ offerId: weaverCourt.offerId }));

    // Act
    const json = JSON.stringify(await yourDataForApplicant(deps, { applicant: gareth, applicationId }));

    // Assess
    expect(json).not.toContain('officer-ellis');
    expect(json).not.toContain('The text layer was edited');
    expect(json).not.toContain('fedcba9876543210');
    expect(json).not.toContain('AQCEAAAA');
    expect(key?.jws).toBeDefined();
    expect(json).not.toContain(key?.jws);
    for (const withheld of WITHHELD) expect(json).toContain(withheld.what);
  });

  it('answers another applicant, and another landlord’s officer, as if the application did not exist', async () => {
    const { deps } = await aFullWorld();

    await expect(
      yourDataForApplicant(deps, { applicant: { subject: 'sub_someone_else' }, applicationId }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      yourDataForOfficer(deps, { landlordId: 'cwm-valley-homes', applicationId }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      yourDataForOfficer(deps, { landlordId: 'riverside-homes', applicationId }),
    ).resolves.toMatchObject({
      application: { applicationId },
    });
  });
});

describe('what the copy is made of', () => {
  it.each(Object.keys(Application.shape))(
    'says where the application’s %s goes in the copy, or why it is left out',
    (field) => {
      if (!APPLICATION_FIELDS_IN_COPY[field]) {
        throw new Error(
          `${field} is held on the application but the applicant's copy does not say where it goes: put it in the copy ` +
            '(shared/domain/your-data.ts) and give it an entry in APPLICATION_FIELDS_IN_COPY, or say there why it is left out',
        );
      }
    },
  );

  it('has no entry for a field the application does not have', () => {
    expect(Object.keys(APPLICATION_FIELDS_IN_COPY).filter((field) => !(field in Application.shape))).toEqual(
      [],
    );
  });

  it('says when and why the applicant withdrew, who nominated them, and their details given before the household', () => {
    const data = yourData({
      application: anApplication({
        status: 'closed',
        withdrawal: {
          withdrawnAt: '2026-11-20T10:00:00.000Z',
          stage: Stage.Documents,
          reason: 'We found a home',
        },
        conversation: { answered: ['contact'], aboutYou: { firstName: 'Gareth', lastName: 'Pritchard' } },
        nomination: {
          nominationId: 'nom_0001',
          councilName: 'Riverside Council',
          prefilled: ['household', 'contact'],
        },
      }),
      policy: policyFor('riverside-council'),
      waits: [],
      audit: [],
      madeAt: '2026-11-29T09:00:00.000Z',
    });

    const rows = yourDataSections(data).flatMap((section) => section.groups.flatMap((group) => group.rows));

    expect(rows).toContainEqual({
      label: 'You withdrew it',
      value: '20 November 2026 at 10:00, at “Your documents”. Your reason: We found a home',
    });
    expect(rows).toContainEqual({ label: 'First name', value: 'Gareth' });
    expect(rows).toContainEqual({
      label: 'Nominated by',
      value: 'Riverside Council, which gave us your answers to: household, contact',
    });
  });
});

describe('the PDF copy', () => {
  it('is asked for, written by the letters step and served as written, with the same sections as the page', async () => {
    // Prepare
    const { deps, gareth } = await aFullWorld();
    await expect(dataCopyForApplicant(deps, { applicant: gareth, applicationId })).rejects.toBeInstanceOf(
      NotFoundError,
    );

    // Act
    await requestDataCopy(deps, { applicant: gareth, applicationId });
    await requestDataCopy(deps, { applicant: gareth, applicationId });
    const notYet = dataCopyForApplicant(deps, { applicant: gareth, applicationId });
    const written = await writeDataCopy(deps, { applicationId });
    const again = await writeDataCopy(deps, { applicationId });
    const { pdf, filename } = await dataCopyForApplicant(deps, { applicant: gareth, applicationId });

    // Assess
    await expect(notYet).rejects.toBeInstanceOf(NotFoundError);
    expect(deps.workflow.letters.map((started) => started.applicationId)).toEqual([
      applicationId,
      applicationId,
    ]);
    expect({ written: written.written, again: again.written }).toEqual({ written: true, again: false });
    expect(filename).toBe(`your-data-${applicationId}.pdf`);
    expect((await deps.documents.read(dataCopyKey(applicationId)))?.length).toBe(pdf.length);
    const text = await pdfText(pdf);
    expect(text.title).toBe('What we hold about you');
    const data = await yourDataForApplicant(deps, { applicant: gareth, applicationId });
    for (const section of yourDataSections(data)) expect(text.text).toContain(section.title);
    expect(text.text).toContain('Riverside Bakery Ltd');
    expect(text.text).toContain('Council Tax records show one year.');
    expect(text.text).not.toContain('officer-ellis');
    expect(deps.audit.events.map((event) => event.type)).toEqual(
      expect.arrayContaining(['data-copy-requested', 'data-copy-written']),
    );
  });

  it('is served to nobody but its owner, and never when its bytes differ from the record', async () => {
    const { deps, gareth } = await aFullWorld();
    await requestDataCopy(deps, { applicant: gareth, applicationId });
    await writeDataCopy(deps, { applicationId });

    await expect(
      dataCopyForApplicant(deps, { applicant: { subject: 'sub_someone_else' }, applicationId }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      requestDataCopy(deps, { applicant: { subject: 'sub_someone_else' }, applicationId }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await deps.documents.put(dataCopyKey(applicationId), Buffer.from('%PDF-1.7 changed'), 'application/pdf');
    await expect(dataCopyForApplicant(deps, { applicant: gareth, applicationId })).rejects.toThrow(
      'does not match its record',
    );
  });
});

describe('the PDF copy’s retention', () => {
  it('is deleted 30 days after it is made, bytes and record, so the page offers a new one', async () => {
    // Prepare
    const { deps, gareth } = await aFullWorld();
    await requestDataCopy(deps, { applicant: gareth, applicationId });
    await writeDataCopy(deps, { applicationId });
    deps.clock.advanceDays(29);
    const early = await sweepRetention(deps);

    // Act
    deps.clock.advanceDays(2);
    const due = await sweepRetention(deps);

    // Assess
    expect(early.deleted).toBe(0);
    expect(due).toMatchObject({ deleted: 1, failed: [] });
    expect(await deps.documents.read(dataCopyKey(applicationId))).toBeUndefined();
    expect((await deps.applications.get(applicationId))?.dataCopy).toBeUndefined();
    expect(deps.audit.events.map((event) => event.type)).toContain('data-copy-deleted');
    await expect(dataCopyForApplicant(deps, { applicant: gareth, applicationId })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('keeps a request made since the copy, so the next copy is still made', async () => {
    const { deps, gareth } = await aFullWorld();
    await requestDataCopy(deps, { applicant: gareth, applicationId });
    await writeDataCopy(deps, { applicationId });
    deps.clock.advanceDays(31);
    await requestDataCopy(deps, { applicant: gareth, applicationId });

    await sweepRetention(deps);
    const written = await writeDataCopy(deps, { applicationId });

    expect(written.written).toBe(true);
    expect(
      (await dataCopyForApplicant(deps, { applicant: gareth, applicationId })).pdf.length,
    ).toBeGreaterThan(0);
  });
});

describe('consents', () => {
  it('keeps each change with an audit event naming the use, the notice and how, and the officer who recorded it', async () => {
    const { deps } = await aFullWorld();

    const events = deps.audit.events.filter((event) => event.type.startsWith('consent-'));

    expect(events.map(({ type, actor, facts }) => ({ type, actor, facts }))).toEqual([
      {
        type: 'consent-given',
        actor: 'applicant',
        facts: { use: 'text-messages', noticeVersion: '2026-11', via: 'web' },
      },
      {
        type: 'consent-given',
        actor: 'applicant',
        facts: { use: 'homes-by-email', noticeVersion: '2026-11', via: 'web' },
      },
      {
        type: 'consent-withdrawn',
        actor: 'officer',
        facts: { use: 'text-messages', noticeVersion: '2026-11', via: 'officer', officerId: 'officer-ellis' },
      },
    ]);
  });

  it('refuses a use it does not know, naming the uses there are, and changes nothing', async () => {
    const { deps, gareth } = await aFullWorld();
    const before = (await deps.applications.get(applicationId))?.consents;

    await expect(
      setConsents(deps, { actor: gareth, applicationId, body: { given: ['sell-my-data'] } }),
    ).rejects.toThrow(ConsentUse.options.join(', '));
    expect((await deps.applications.get(applicationId))?.consents).toEqual(before);
  });

  it('answers another applicant 404 before reading what they sent', async () => {
    const { deps } = await aFullWorld();

    await expect(
      setConsents(deps, {
        actor: { kind: 'applicant', subject: 'sub_someone_else' },
        applicationId,
        body: { given: 'not-a-use' },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
