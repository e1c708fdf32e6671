import { ZodError } from 'zod';
import { LOCAL_SESSION_SECRETS } from '../../../shared/config';
import { isAnswered, nextPrompt, PromptId } from '../../../shared/domain/conversation';
import { Stage, WaitingFor } from '../../../shared/domain/stage';
import { WITHDRAWN_ERROR } from '../../../shared/domain/withdrawal';
import { messageText } from '../../../shared/i18n/messages';
import { ConflictError, JourneyStateError, NotFoundError } from '../../../shared/ports';
import { submitAnswers } from '../../../shared/services/conversation';
import { CouncilEventsAuditLog, nominationOfApplication } from '../../../shared/services/council-events';
import {
  applicationIdFor,
  claimNominations,
  createNomination,
  decideNomination,
  listNominations,
  nominationsAwaitingDecision,
  readNomination,
  withdrawNomination,
} from '../../../shared/services/nominations';
import { subjectFor } from '../../../shared/services/sessions';
import { withdrawApplication } from '../../../shared/services/withdrawal';
import { ahmedFamily, darrenCole } from '../../fixtures/nominations';
import { MemoryCouncilEventStore } from '../../support/council-events';
import { type MemoryDeps, memoryDeps } from '../../support/memory';

/**
 * Nominations (issue 10; Housing Act 1996 s170) through the service: a council creates, reads, lists and
 * withdraws only its own; the household is invited and, signing in with the invited address, gets an application
 * with the council's answers in it; the landlord decides by the agreement's deadline, citing the agreement.
 */

const riverside = { councilId: 'riverside-council' };
const northbridge = { councilId: 'northbridge-council' };
const officer = { officerId: 'off_riverside_1', landlordId: 'riverside-homes' };
const NOW = '2026-11-02T09:30:00.000Z';
const samira = subjectFor('samira.ahmed@example.org', LOCAL_SESSION_SECRETS.subjectSalt);

const fresh = () => memoryDeps(new Date(NOW));

const issuesOf = (error: unknown) => {
  if (!(error instanceof ZodError)) throw error;
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
};

async function refusal(action: Promise<unknown>) {
  try {
    await action;
  } catch (error) {
    return issuesOf(error);
  }
  throw new Error('expected a 400');
}

describe('creating a nomination', () => {
  it('stores it for the calling council with the agreement’s deadline, and invites the household by email and text', async () => {
    const deps = fresh();

    const created = await createNomination(deps, riverside, ahmedFamily);

    expect(created).toMatchObject({
      landlordId: 'riverside-homes',
      councilReference: 'HPR/2026/00417',
      status: 'invited',
      // Riverside Council's agreement with Riverside Homes: 14 days.
      decisionDueBy: '2026-11-16',
      decisionOverdue: false,
    });
    const stored = await deps.nominations.get(created.nominationId);
    expect(stored?.councilId).toBe('riverside-council');
    expect(stored?.household.contact.phone).toBe('+447700900417');
    expect(deps.notifier.sent).toEqual([
      expect.objectContaining({
        to: { email: 'samira.ahmed@example.org' },
        template: 'nomination-invitation',
        values: expect.objectContaining({
          councilName: 'Riverside Council',
          landlordName: 'Riverside Homes',
        }),
      }),
    ]);
    expect(deps.messaging.to('+447700900417')).toEqual([
      expect.stringContaining('Riverside Council has asked'),
    ]);
    expect(messageText(deps.notifier.sent[0] ?? { template: '', values: {} })).toBe(
      'Riverside Council has asked Riverside Homes to offer you a home. Sign in to Doorstep with this email address to check the answers they gave us and carry on.',
    );
  });

  it('finishes a create that failed after saving when the council tries again: the same nomination, invited once', async () => {
    const deps = fresh();
    const send = deps.notifier.send.bind(deps.notifier);
    deps.notifier.send = async () => {
      throw new Error('The outbox is down');
    };
    await expect(createNomination(deps, riverside, ahmedFamily)).rejects.toThrow('The outbox is down');
    deps.notifier.send = send;

    const retried = await createNomination(deps, riverside, ahmedFamily);

    expect(deps.nominations.items.size).toBe(1);
    expect(retried.status).toBe('invited');
    expect(deps.notifier.sent.map((message) => message.template)).toEqual(['nomination-invitation']);
    const trail = await deps.audit.list(retried.nominationId);
    expect(trail.filter((event) => event.type === 'nominated')).toHaveLength(1);
  });

  it('answers the same household under the same reference with the nomination it made, inviting nobody twice', async () => {
    const deps = fresh();
    const first = await createNomination(deps, riverside, ahmedFamily);

    const again = await createNomination(deps, riverside, ahmedFamily);

    expect(again.nominationId).toBe(first.nominationId);
    expect(deps.nominations.items.size).toBe(1);
    expect(deps.notifier.sent).toHaveLength(1);
  });

  it('refuses another household under a reference already used, with a 409 naming it, and changes nothing', async () => {
    const deps = fresh();
    const first = await createNomination(deps, riverside, ahmedFamily);

    const other = createNomination(deps, riverside, {
      ...darrenCole,
      councilReference: ahmedFamily.councilReference,
    });

    await expect(other).rejects.toThrow(ConflictError);
    await expect(other).rejects.toThrow(/already nominated a household under reference HPR\/2026\/00417/);
    expect((await deps.nominations.get(first.nominationId))?.household.contact.email).toBe(
      'samira.ahmed@example.org',
    );
    expect(deps.nominations.items.size).toBe(1);
  });

  it('lets two councils use the same reference, each for a nomination of its own', async () => {
    const deps = fresh();
    const a = await createNomination(deps, riverside, ahmedFamily);
    const b = await createNomination(deps, northbridge, ahmedFamily);
    expect(a.nominationId).not.toBe(b.nominationId);
  });

  it('gives each council its own deadline from the agreement', async () => {
    const deps = fresh();
    const created = await createNomination(deps, northbridge, ahmedFamily);
    expect(created.decisionDueBy).toBe('2026-11-23');
  });

  it('keeps the audit trail free of personal data', async () => {
    const deps = fresh();
    const created = await createNomination(deps, riverside, ahmedFamily);
    const trail = JSON.stringify(await deps.audit.list(created.nominationId));
    expect(trail).toContain('nominated');
    for (const personal of ['Samira', 'Ahmed', 'samira.ahmed', '900417', 'RV1', 'Quay']) {
      expect(trail).not.toContain(personal);
    }
  });

  it('refuses a landlord the council has no agreement with, naming the field', async () => {
    const deps = fresh();
    const issues = await refusal(createNomination(deps, { councilId: 'cwm-valley-council' }, ahmedFamily));
    expect(issues).toEqual([
      {
        path: 'landlordId',
        message: expect.stringContaining('has no nomination agreement with your council'),
      },
    ]);
    expect(deps.nominations.items.size).toBe(0);
  });

  it.each([
    ['an unknown field at the top', { ...ahmedFamily, priority: 'urgent' }, ''],
    [
      'an unknown field in the household',
      { ...ahmedFamily, household: { ...ahmedFamily.household, vulnerable: true } },
      'household',
    ],
    [
      'an unknown field on a member',
      {
        ...ahmedFamily,
        household: {
          ...ahmedFamily.household,
          members: [{ ...ahmedFamily.household.members[0], nationalInsurance: 'QQ123456C' }],
        },
      },
      'household.members.0',
    ],
    [
      'an unknown field in the current home',
      {
        ...ahmedFamily,
        household: {
          ...ahmedFamily.household,
          currentHome: { ...ahmedFamily.household.currentHome, floor: 2 },
        },
      },
      'household.currentHome',
    ],
  ])('refuses %s', async (_case, body, path) => {
    const issues = await refusal(createNomination(fresh(), riverside, body));
    expect(issues).toEqual([
      expect.objectContaining({ path, message: expect.stringMatching(/unrecognized key/i) }),
    ]);
  });

  it('refuses wrong types and missing sections with the field named', async () => {
    const issues = await refusal(
      createNomination(fresh(), riverside, {
        ...darrenCole,
        household: {
          ...darrenCole.household,
          applicant: { ...darrenCole.household.applicant, dateOfBirth: 19790830 },
        },
      }),
    );
    expect(issues.map((issue) => issue.path)).toEqual(['household.applicant.dateOfBirth']);
    const noContact = await refusal(
      createNomination(fresh(), riverside, {
        ...darrenCole,
        household: { ...darrenCole.household, contact: {} },
      }),
    );
    expect(noContact).toEqual([
      {
        path: 'household.contact',
        message: 'Give an email address or a mobile number to send the invitation to',
      },
    ]);
  });

  it('refuses a phone that is not a UK mobile, as the invitation goes by text', async () => {
    const issues = await refusal(
      createNomination(fresh(), riverside, {
        ...darrenCole,
        household: { ...darrenCole.household, contact: { phone: '020 7946 0000' } },
      }),
    );
    expect(issues).toEqual([
      { path: 'household.contact.phone', message: expect.stringContaining('UK mobile') },
    ]);
  });
});

describe('reading and listing', () => {
  it('answers another council’s nomination exactly like a missing one', async () => {
    const deps = fresh();
    const theirs = await createNomination(deps, riverside, ahmedFamily);

    await expect(readNomination(deps, northbridge, theirs.nominationId)).rejects.toThrow(NotFoundError);
    await expect(readNomination(deps, northbridge, 'nom_00000000000000000000000000000000')).rejects.toThrow(
      NotFoundError,
    );
    await expect(readNomination(deps, northbridge, '../../etc')).rejects.toThrow(NotFoundError);
    await expect(readNomination(deps, riverside, theirs.nominationId)).resolves.toMatchObject({
      nominationId: theirs.nominationId,
    });
  });

  it('lists only the council’s own, newest first, a page at a time with an opaque cursor', async () => {
    const deps = fresh();
    const ours: string[] = [];
    for (let n = 0; n < 5; n += 1) {
      ours.push(
        (await createNomination(deps, riverside, { ...darrenCole, councilReference: `R-${n}` })).nominationId,
      );
      await createNomination(deps, northbridge, { ...darrenCole, councilReference: `N-${n}` });
      deps.clock.advanceSeconds(60);
    }

    const first = await listNominations(deps, riverside, { limit: '2' });
    const second = await listNominations(deps, riverside, { limit: '2', cursor: first.next });
    const last = await listNominations(deps, riverside, { limit: '2', cursor: second.next });

    const seen = [...first.nominations, ...second.nominations, ...last.nominations];
    expect(seen.map((nomination) => nomination.nominationId)).toEqual([...ours].reverse());
    expect(seen.every((nomination) => nomination.councilReference.startsWith('R-'))).toBe(true);
    expect(first.next).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(last.next).toBeUndefined();
  });

  it('refuses a cursor another council was given, a made-up one, and limits outside 1 to 100', async () => {
    const deps = fresh();
    for (let n = 0; n < 3; n += 1) {
      await createNomination(deps, riverside, { ...darrenCole, councilReference: `R-${n}` });
      deps.clock.advanceSeconds(1);
    }
    const theirs = await listNominations(deps, riverside, { limit: '1' });

    expect(await refusal(listNominations(deps, northbridge, { cursor: theirs.next }))).toEqual([
      { path: 'cursor', message: expect.stringContaining('not one this API gave you') },
    ]);
    expect(await refusal(listNominations(deps, riverside, { cursor: 'not a cursor!' }))).toEqual([
      expect.objectContaining({ path: 'cursor' }),
    ]);
    expect(await refusal(listNominations(deps, riverside, { limit: '0' }))).toEqual([
      expect.objectContaining({ path: 'limit', message: 'limit is at least 1' }),
    ]);
    expect(await refusal(listNominations(deps, riverside, { limit: '101' }))).toEqual([
      expect.objectContaining({ path: 'limit', message: 'limit is at most 100' }),
    ]);
    expect(await refusal(listNominations(deps, riverside, { order: 'oldest' }))).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/unrecognized key/i) }),
    ]);
  });

  it('never gives the household’s data back to the council', async () => {
    const deps = fresh();
    const created = await createNomination(deps, riverside, ahmedFamily);
    const read = JSON.stringify(await readNomination(deps, riverside, created.nominationId));
    for (const personal of ['Samira', 'samira.ahmed', '900417', 'RV1']) expect(read).not.toContain(personal);
  });
});

describe('the household takes the invitation up', () => {
  it('gets an application with the council’s answers, and is asked only what the council did not send', async () => {
    const deps = fresh();
    const nomination = await createNomination(deps, riverside, ahmedFamily);

    const [applicationId] = await claimNominations(deps, { subject: samira });

    const application = await deps.applications.get(applicationId ?? '');
    expect(application).toMatchObject({
      applicationId: applicationIdFor(nomination.nominationId),
      ownerId: samira,
      landlordId: 'riverside-homes',
      nomination: { nominationId: nomination.nominationId, councilName: 'Riverside Council' },
    });
    if (!application) throw new Error('no application');
    for (const prompt of [
      'name',
      'date-of-birth',
      'sex',
      'contact',
      'immigration-status',
      'immigration-evidence',
      'local-connection',
      'income',
      'current-home',
      'homelessness-duty',
    ] as const) {
      expect([prompt, isAnswered(application, prompt)]).toEqual([prompt, true]);
    }
    // The household page shows the council's members to check, and asks the applicant's own needs.
    expect(nextPrompt(application)).toBe('household');
    expect(application.profile.household.map((member) => member.firstName)).toEqual([
      'Samira',
      'Yusuf',
      'Layla',
      'Omar',
    ]);
    expect(isAnswered(application, 'owns-property')).toBe(false);
    // No stage decides on the council's answers before the household has checked and sent them.
    expect(deps.workflow.started).toEqual([]);
    await expect(readNomination(deps, riverside, nomination.nominationId)).resolves.toMatchObject({
      status: 'applying',
      applicationStartedAt: NOW,
    });
  });

  it('starts the journey only when the household sends the answers it checked', async () => {
    // Prepare: every question answered, as the pages leave it once the household reaches Check your answers.
    const deps = fresh();
    await createNomination(deps, riverside, ahmedFamily);
    const [applicationId = ''] = await claimNominations(deps, { subject: samira });
    const claimed = await deps.applications.get(applicationId);
    if (!claimed) throw new Error('no application');
    await deps.applications.save({
      ...claimed,
      documents: [
        {
          documentId: 'doc_passport1',
          kind: 'passport',
          contentType: 'image/jpeg',
          sizeBytes: 2_400_000,
          status: 'read',
          declaredAt: NOW,
        },
      ],
      conversation: { answered: PromptId.options.filter((prompt) => prompt !== 'check-answers') },
    });

    // Act
    await submitAnswers(deps, { applicant: { subject: samira }, applicationId });
    await submitAnswers(deps, { applicant: { subject: samira }, applicationId }).catch(() => undefined);

    // Assess
    expect(deps.workflow.started).toEqual([applicationId]);
    expect((await deps.applications.get(applicationId))?.conversation?.answered).toContain('check-answers');
  });

  it('is the same application however often the household signs in', async () => {
    const deps = fresh();
    await createNomination(deps, riverside, ahmedFamily);
    const first = await claimNominations(deps, { subject: samira });
    const again = await claimNominations(deps, { subject: samira });
    expect(first).toHaveLength(1);
    expect(again).toEqual([]);
    expect(deps.applications.items.size).toBe(1);
  });

  it('is not taken up by someone signing in with another address, nor after the council withdrew it', async () => {
    const deps = fresh();
    const nomination = await createNomination(deps, riverside, ahmedFamily);
    expect(await claimNominations(deps, { subject: 'sub_someone_else' })).toEqual([]);
    await withdrawNomination(deps, riverside, nomination.nominationId, {});
    expect(await claimNominations(deps, { subject: samira })).toEqual([]);
  });
});

describe('withdrawing', () => {
  it('is idempotent, and withdraws the household’s application through the applicant’s own withdrawal', async () => {
    const deps = fresh();
    const nomination = await createNomination(deps, riverside, ahmedFamily);
    const [applicationId] = await claimNominations(deps, { subject: samira });

    const withdrawn = await withdrawNomination(deps, riverside, nomination.nominationId, {
      reason: 'Housed privately',
    });
    const again = await withdrawNomination(deps, riverside, nomination.nominationId, {});

    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawal: { withdrawnAt: NOW, by: 'council' } });
    expect(again).toEqual(withdrawn);
    const application = await deps.applications.get(applicationId ?? '');
    expect(application?.status).toBe('closed');
    expect(deps.notifier.sent.filter((sent) => sent.template === 'withdrawn')).toEqual([
      expect.objectContaining({ to: { applicationId } }),
    ]);
    const trail = await deps.audit.list(applicationId ?? '');
    expect(trail.find((event) => event.type === 'withdrawn')?.actor).toBe('council');
  });

  it('is another council’s to withdraw only as a 404', async () => {
    const deps = fresh();
    const nomination = await createNomination(deps, riverside, ahmedFamily);
    await expect(withdrawNomination(deps, northbridge, nomination.nominationId, {})).rejects.toThrow(
      NotFoundError,
    );
    expect((await deps.nominations.get(nomination.nominationId))?.withdrawal).toBeUndefined();
  });

  it('shows the household’s own withdrawal as withdrawn by the applicant', async () => {
    const deps = fresh();
    const nomination = await createNomination(deps, riverside, ahmedFamily);
    const [applicationId] = await claimNominations(deps, { subject: samira });
    await withdrawApplication(deps, { subject: samira, applicationId: applicationId ?? '', body: {} });

    await expect(readNomination(deps, riverside, nomination.nominationId)).resolves.toMatchObject({
      status: 'withdrawn',
      withdrawal: { by: 'applicant' },
    });
  });
});

describe('the landlord’s decision', () => {
  async function nominated(deps: MemoryDeps) {
    return createNomination(deps, riverside, ahmedFamily);
  }

  it('accepts under the agreement’s acceptance clause, and the council reads it', async () => {
    const deps = fresh();
    const nomination = await nominated(deps);

    await decideNomination(deps, officer, nomination.nominationId, { outcome: 'accepted' });

    const read = await readNomination(deps, riverside, nomination.nominationId);
    expect(read).toMatchObject({
      status: 'decided',
      decision: {
        outcome: 'accepted',
        late: false,
        reasons: [{ clause: expect.stringContaining('clause 5.1'), text: expect.any(String) }],
      },
    });
  });

  it('refuses only on the agreement’s grounds, each reason citing its clause', async () => {
    const deps = fresh();
    const nomination = await nominated(deps);

    const issues = await refusal(
      decideNomination(deps, officer, nomination.nominationId, {
        outcome: 'refused',
        grounds: ['too-many-children'],
      }),
    );
    expect(issues).toEqual([
      { path: 'grounds', message: expect.stringContaining('no refusal ground ‘too-many-children’') },
    ]);

    const refused = await decideNomination(deps, officer, nomination.nominationId, {
      outcome: 'refused',
      grounds: ['no-suitable-home'],
      note: 'No four-bedroom home is expected within the year.',
    });
    expect(refused.decision?.reasons).toEqual([
      {
        clause: expect.stringContaining('clause 6.2(a)'),
        text: expect.stringContaining('No home of the size'),
      },
      { clause: expect.any(String), text: 'No four-bedroom home is expected within the year.' },
    ]);
  });

  it('answers the same decision again the same, and a different one with a 409', async () => {
    const deps = fresh();
    const nomination = await nominated(deps);
    const first = await decideNomination(deps, officer, nomination.nominationId, { outcome: 'accepted' });
    await expect(
      decideNomination(deps, officer, nomination.nominationId, { outcome: 'accepted' }),
    ).resolves.toEqual(first);
    await expect(
      decideNomination(deps, officer, nomination.nominationId, {
        outcome: 'refused',
        grounds: ['serious-arrears'],
      }),
    ).rejects.toThrow(JourneyStateError);
  });

  it('is another landlord’s officer’s only as a 404', async () => {
    const deps = fresh();
    const nomination = await nominated(deps);
    await expect(
      decideNomination(
        deps,
        { officerId: 'off_cwm', landlordId: 'cwm-valley-homes' },
        nomination.nominationId,
        {
          outcome: 'accepted',
        },
      ),
    ).rejects.toThrow(NotFoundError);
  });

  it('flags an undecided nomination past its deadline, and marks a late decision', async () => {
    const deps = fresh();
    const nomination = await nominated(deps);
    deps.clock.advanceDays(15);

    expect(await nominationsAwaitingDecision(deps, 'riverside-homes')).toEqual([
      { nomination: expect.objectContaining({ nominationId: nomination.nominationId }), overdue: true },
    ]);
    await expect(readNomination(deps, riverside, nomination.nominationId)).resolves.toMatchObject({
      decisionOverdue: true,
    });
    const late = await decideNomination(deps, officer, nomination.nominationId, { outcome: 'accepted' });
    expect(late).toMatchObject({ decisionOverdue: false, decision: { late: true } });
    expect(await nominationsAwaitingDecision(deps, 'riverside-homes')).toEqual([]);
  });

  it('is refused on a withdrawn nomination', async () => {
    const deps = fresh();
    const nomination = await nominated(deps);
    await withdrawNomination(deps, riverside, nomination.nominationId, {});
    await expect(
      decideNomination(deps, officer, nomination.nominationId, { outcome: 'accepted' }),
    ).rejects.toThrow(JourneyStateError);
  });
});

describe('the landlord’s refusal', () => {
  const refusing = { outcome: 'refused', grounds: ['no-suitable-home'], note: 'Nothing with four bedrooms.' };

  /** A nominated household that has started its application, with the workflow waiting on its answers. */
  async function applying(deps: MemoryDeps) {
    const nomination = await createNomination(deps, riverside, ahmedFamily);
    const [applicationId = ''] = await claimNominations(deps, { subject: samira });
    await deps.waits.park({
      decisionId: 'dec_answers',
      taskToken: 'token-answers',
      applicationId,
      landlordId: 'riverside-homes',
      stage: Stage.Household,
      kind: 'answers',
      waitingFor: WaitingFor.Applicant,
      deadline: '2026-12-05T09:00:00.000Z',
      createdAt: NOW,
      status: 'open',
    });
    return { nomination, applicationId };
  }

  it('closes the application the nomination started, with the refusal as its reason, and ends its waits', async () => {
    const deps = fresh();
    const { nomination, applicationId } = await applying(deps);

    await decideNomination(deps, officer, nomination.nominationId, refusing);

    const application = await deps.applications.get(applicationId);
    expect(application?.status).toBe('closed');
    expect(application?.decisions.at(-1)?.reasons[0]?.text).toBe(
      "Riverside Homes refused Riverside Council’s nomination: No home of the size and type the household needs is likely to be free within the agreement's period (Riverside nomination agreement 2026 (Riverside Homes with Riverside Council and Northbridge Council), clause 6.2(a)). Nothing with four bedrooms (Riverside nomination agreement 2026 (Riverside Homes with Riverside Council and Northbridge Council)).",
    );
    expect(deps.workflow.failed).toEqual([{ taskToken: 'token-answers', error: WITHDRAWN_ERROR }]);
    expect((await deps.waits.get('dec_answers'))?.status).not.toBe('open');
    expect((await deps.audit.list(applicationId)).map((event) => event.type)).toEqual(
      expect.arrayContaining(['nomination-decided', 'closed']),
    );
  });

  it('tells the household once, with the grounds in plain words and their council to contact, not the officer’s note', async () => {
    const deps = fresh();
    const { nomination } = await applying(deps);

    await decideNomination(deps, officer, nomination.nominationId, refusing);
    await decideNomination(deps, officer, nomination.nominationId, refusing);

    const told = deps.notifier.sent.filter((sent) => sent.to && 'applicationId' in sent.to);
    expect(told.map((sent) => sent.template)).toEqual(['nomination-refused']);
    const words = messageText(told[0] ?? { template: '', values: {} });
    expect(words).toBe(
      "Riverside Homes cannot offer you a home through Riverside Council’s nomination. The reasons: No home of the size and type the household needs is likely to be free within the agreement's period. Your application with Riverside Homes has closed. If you still need a home, contact Riverside Council, who nominated you.",
    );
    expect(words).not.toContain('four bedrooms');
    expect(messageText({ ...(told[0] ?? { template: '', values: {} }), language: 'cy' })).toContain(
      'cysylltwch â Riverside Council',
    );
  });

  it('writes to the invited address when the household has not started an application', async () => {
    const deps = fresh();
    const nomination = await createNomination(deps, riverside, ahmedFamily);

    await decideNomination(deps, officer, nomination.nominationId, refusing);

    expect(deps.notifier.sent.at(-1)).toMatchObject({
      to: { email: 'samira.ahmed@example.org' },
      template: 'nomination-refused',
    });
    expect(deps.applications.items.size).toBe(0);
  });

  it('gives the council an event that says refused, and reads as decided and refused', async () => {
    const deps = fresh();
    const councilEvents = new MemoryCouncilEventStore();
    const audited = {
      ...deps,
      audit: new CouncilEventsAuditLog(deps.audit, {
        councilEvents,
        clock: deps.clock,
        nominationOf: nominationOfApplication(deps),
      }),
    };
    const { nomination } = await applying(deps);

    await decideNomination(audited, officer, nomination.nominationId, refusing);

    const events = await councilEvents.list('riverside-council', undefined, 50);
    expect(events.map((event) => event.data)).toEqual(
      expect.arrayContaining([
        { status: 'decided', outcome: 'refused' },
        expect.objectContaining({ status: 'closed' }),
      ]),
    );
    await expect(readNomination(deps, riverside, nomination.nominationId)).resolves.toMatchObject({
      status: 'decided',
      decision: { outcome: 'refused' },
    });
  });

  it('finishes closing when the officer refuses again after a failure half-way', async () => {
    const deps = fresh();
    const { nomination, applicationId } = await applying(deps);
    deps.workflow.failNextWith = 'ServiceUnavailable';

    await expect(decideNomination(deps, officer, nomination.nominationId, refusing)).rejects.toThrow();
    await decideNomination(deps, officer, nomination.nominationId, refusing);

    expect((await deps.applications.get(applicationId))?.status).toBe('closed');
    expect(deps.workflow.failed).toEqual([{ taskToken: 'token-answers', error: WITHDRAWN_ERROR }]);
  });

  it('is a 409 while the household has a live offer, and leaves an accepted nomination’s application running', async () => {
    const deps = fresh();
    const { nomination, applicationId } = await applying(deps);
    const application = await deps.applications.get(applicationId);
    if (!application) throw new Error('no application');
    await deps.applications.save({ ...application, status: 'offered' });

    await expect(decideNomination(deps, officer, nomination.nominationId, refusing)).rejects.toThrow(
      JourneyStateError,
    );
    expect((await deps.nominations.get(nomination.nominationId))?.decision).toBeUndefined();

    const other = fresh();
    const accepted = await applying(other);
    await decideNomination(other, officer, accepted.nomination.nominationId, { outcome: 'accepted' });
    expect((await other.applications.get(accepted.applicationId))?.status).not.toBe('closed');
  });
});
