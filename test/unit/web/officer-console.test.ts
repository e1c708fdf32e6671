import { Stage, WaitingFor } from '../../../shared/domain/stage';
import { registration } from '../../../shared/services/application-stages';
import { awaitPerson } from '../../../shared/services/waits';
import { aCompleteApplication, aHome, household } from '../../fixtures/applications';
import { type MemoryDeps, memoryDeps } from '../../support/memory';
import { aWebApp, errorSummaryOf, FakeOfficerIdentity, fieldErrorOf, inputValueOf, titleOf } from './browser';

const riversideCase = 'app_0123456789abcdef0123456789abcdef';
const cwmCase = 'app_fedcba9876543210fedcba9876543210';
const riversideToken = 'AQCEAAAAKgAAAAMAAAAAAAAAAWFwcHJvdmFsLXJpdmVyc2lkZQ==approval-ri';
const cwmToken = 'AQCEAAAAKgAAAAMAAAAAAAAAAWFwcHJvdmFsLWN3bS12YWxsZXk==approval-cw';

/** Ellis lets homes for Riverside Homes, as a senior officer (who may override); Jones for Cwm Valley Homes. */
const officers = new FakeOfficerIdentity([
  {
    email: 'ellis@riverside-homes.example',
    password: 'correct horse battery staple',
    token: 'id-token-ellis',
    claims: {
      sub: 'officer-ellis',
      email: 'ellis@riverside-homes.example',
      'custom:landlordId': 'riverside-homes',
      'cognito:groups': ['officer', 'senior-officer'],
    },
  },
  {
    email: 'jones@cwm-valley.example',
    password: 'another long passphrase',
    token: 'id-token-jones',
    claims: {
      sub: 'officer-jones',
      'custom:landlordId': 'cwm-valley-homes',
      'cognito:groups': ['officer'],
    },
  },
]);

/** A case of each landlord, each with an offer waiting for an officer's approval. */
async function twoLandlordsCases(): Promise<{ deps: MemoryDeps; riversideWait: string; cwmWait: string }> {
  const deps = memoryDeps();
  await deps.applications.create(aCompleteApplication({ stage: Stage.OfficerApproval, status: 'offered' }));
  await deps.applications.create(
    aCompleteApplication({
      applicationId: cwmCase,
      landlordId: 'cwm-valley-homes',
      policyId: 'cwm-valley',
      ownerId: 'sub_aisha',
      stage: Stage.OfficerApproval,
      status: 'offered',
      profile: { ...aCompleteApplication().profile, household: household('singleAdult') },
    }),
  );
  const park = (applicationId: string, taskToken: string) =>
    awaitPerson(deps, {
      applicationId,
      stage: Stage.OfficerApproval,
      kind: 'approval',
      waitingFor: WaitingFor.Officer,
      taskToken,
    });
  const riversideWait = (await park(riversideCase, riversideToken)).decisionId;
  const cwmWait = (await park(cwmCase, cwmToken)).decisionId;
  return { deps, riversideWait, cwmWait };
}

/** Ellis, signed in to the console, on their own case's page (so forms carry a token). */
async function ellisOnTheirCase() {
  const cases = await twoLandlordsCases();
  const app = aWebApp({ deps: cases.deps, officers });
  const browser = app.browser();
  browser.jar.set('doorstep_officer', 'id-token-ellis');
  const casePage = await browser.get(`/officer/applications/${riversideCase}`);
  return { ...app, ...cases, browser, casePage };
}

describe('signing in to the console', () => {
  it.each(['/officer', `/officer/applications/${riversideCase}`])(
    'sends an officer without a cookie from %s to sign in',
    async (path) => {
      // Prepare
      const browser = aWebApp({ officers }).browser();

      // Act
      const response = await browser.get(path);

      // Assess
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe('/officer/sign-in');
    },
  );

  it('sends an officer whose token no longer verifies to sign in', async () => {
    // Prepare
    const browser = aWebApp({ officers }).browser();
    browser.jar.set('doorstep_officer', 'id-token-expired');

    // Act
    const response = await browser.get('/officer');

    // Assess
    expect(response.headers.location).toBe('/officer/sign-in');
  });

  it('answers a wrong password with 400 and the error, keeping the email but not the password', async () => {
    // Prepare
    const browser = aWebApp({ officers }).browser();
    await browser.get('/officer/sign-in');

    // Act
    const response = await browser.post('/officer/sign-in', {
      email: 'ellis@riverside-homes.example',
      password: 'wrong horse',
    });

    // Assess
    expect(response.status).toBe(400);
    expect(titleOf(response.body)).toBe('Error: Sign in – Doorstep lettings console');
    expect(errorSummaryOf(response.body)).toEqual([
      { href: '#email', text: 'The email address or password is wrong' },
    ]);
    expect(inputValueOf(response.body, 'email')).toBe('ellis@riverside-homes.example');
    expect(response.body).not.toContain('wrong horse');
    expect(response.cookies.filter((cookie) => cookie.startsWith('doorstep_officer='))).toEqual([]);
  });

  it('asks for both fields when they are empty', async () => {
    // Prepare
    const browser = aWebApp({ officers }).browser();
    await browser.get('/officer/sign-in');

    // Act
    const response = await browser.post('/officer/sign-in', { email: '', password: '' });

    // Assess
    expect(response.status).toBe(400);
    expect(errorSummaryOf(response.body)).toEqual([
      { href: '#email', text: 'Enter your work email address' },
      { href: '#password', text: 'Enter your password' },
    ]);
  });

  it('keeps the token of a right password in an HttpOnly cookie for the console only, and opens the queue', async () => {
    // Prepare
    const { deps } = await twoLandlordsCases();
    const browser = aWebApp({ deps, officers }).browser();
    await browser.get('/officer/sign-in');

    // Act
    const response = await browser.post('/officer/sign-in', {
      email: 'ellis@riverside-homes.example',
      password: 'correct horse battery staple',
    });
    const queue = await browser.get('/officer');

    // Assess
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/officer');
    expect(response.cookies).toContain(
      'doorstep_officer=id-token-ellis; HttpOnly; Secure; SameSite=Strict; Path=/officer; Max-Age=1800',
    );
    expect(queue.status).toBe(200);
    expect(queue.body).toContain(`href="/officer/applications/${riversideCase}"`);
    expect(queue.body).not.toContain(cwmCase);
  });
});

describe('another landlord’s case', () => {
  it('does not exist for an officer of a different landlord', async () => {
    // Prepare
    const { browser } = await ellisOnTheirCase();

    // Act
    const response = await browser.get(`/officer/applications/${cwmCase}`);

    // Assess
    expect(response.status).toBe(404);
    expect(titleOf(response.body)).toBe('Page not found – Doorstep');
    expect(response.body).not.toContain('Aisha');
    expect(response.body).not.toContain('Khan');
  });

  it('cannot be decided by an officer of a different landlord: 404, and the wait stays open', async () => {
    // Prepare
    const { browser, deps, cwmWait } = await ellisOnTheirCase();

    // Act
    const response = await browser.post(`/officer/decisions/${cwmWait}`, {
      applicationId: cwmCase,
      decision: 'approve',
      reason: 'Looks fine to me',
    });

    // Assess
    expect(response.status).toBe(404);
    expect(deps.waits.items.get(cwmWait)?.status).toBe('open');
    expect(deps.workflow.resumed).toEqual([]);
    expect(deps.audit.events.filter((event) => event.type === 'decided')).toEqual([]);
  });
});

describe('another landlord’s wait', () => {
  it('answers even a decision it would refuse exactly like a wait that does not exist', async () => {
    // Prepare: the form names Ellis's own case, so only the wait is another landlord's.
    const { browser, deps, cwmWait } = await ellisOnTheirCase();
    const form = { applicationId: riversideCase, decision: 'approve', reason: '' };

    // Act
    const theirs = await browser.post(`/officer/decisions/${cwmWait}`, form);
    await browser.get(`/officer/applications/${riversideCase}`);
    const missing = await browser.post('/officer/decisions/dec_NoSuchDecisionAtAll0000000000000', form);

    // Assess
    expect(missing.status).toBe(404);
    expect(theirs.status).toBe(missing.status);
    expect(deps.waits.items.get(cwmWait)?.status).toBe('open');
  });
});

describe('deciding a wait', () => {
  it('shows the officer’s own case with a decision form for its wait', async () => {
    // Prepare, Act
    const { casePage, riversideWait } = await ellisOnTheirCase();

    // Assess
    expect(casePage.status).toBe(200);
    expect(casePage.body).toContain('Gareth Pritchard');
    expect(casePage.body).toContain(`action="/officer/decisions/${riversideWait}"`);
    expect(casePage.body).not.toContain(riversideToken);
  });

  it('answers an approval without a reason with 400 and the error beside the reason, and decides nothing', async () => {
    // Prepare
    const { browser, deps, riversideWait } = await ellisOnTheirCase();

    // Act
    const response = await browser.post(`/officer/decisions/${riversideWait}`, {
      applicationId: riversideCase,
      decision: 'approve',
      reason: ' ',
    });

    // Assess
    expect(response.status).toBe(400);
    expect(titleOf(response.body)).toMatch(/^Error: /);
    expect(errorSummaryOf(response.body)).toEqual([
      { href: `#reason-${riversideWait}`, text: 'Give a reason of at least 3 characters' },
    ]);
    expect(fieldErrorOf(response.body, `reason-${riversideWait}`)).toBe(
      'Give a reason of at least 3 characters',
    );
    expect(deps.waits.items.get(riversideWait)?.status).toBe('open');
    expect(deps.workflow.resumed).toEqual([]);
  });

  it('says a reason over 500 characters is too long, not too short', async () => {
    // Prepare
    const { browser, deps, riversideWait } = await ellisOnTheirCase();

    // Act
    const response = await browser.post(`/officer/decisions/${riversideWait}`, {
      decision: 'approve',
      reason: 'x'.repeat(501),
    });

    // Assess
    expect(response.status).toBe(400);
    expect(fieldErrorOf(response.body, `reason-${riversideWait}`)).toBe(
      'Your reason must be 500 characters or fewer',
    );
    expect(deps.waits.items.get(riversideWait)?.status).toBe('open');
  });

  it('asks for a decision when none is chosen', async () => {
    // Prepare
    const { browser, riversideWait } = await ellisOnTheirCase();

    // Act
    const response = await browser.post(`/officer/decisions/${riversideWait}`, {
      applicationId: riversideCase,
      reason: 'The home fits the household',
    });

    // Assess
    expect(response.status).toBe(400);
    expect(fieldErrorOf(response.body, `decision-${riversideWait}`)).toBe('Select your decision');
  });

  it('resumes the workflow with a good decision, and goes back to the case', async () => {
    // Prepare
    const { browser, deps, riversideWait } = await ellisOnTheirCase();

    // Act
    const response = await browser.post(`/officer/decisions/${riversideWait}`, {
      applicationId: riversideCase,
      decision: 'approve',
      reason: 'The home fits the household',
    });

    // Assess
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`/officer/applications/${riversideCase}`);
    expect(deps.workflow.resumed).toEqual([
      {
        taskToken: riversideToken,
        output: { decision: 'approve', reason: 'The home fits the household', decidedBy: 'officer' },
      },
    ]);
    expect(deps.waits.items.get(riversideWait)?.status).toBe('decided');
  });

  it('decides on the wait’s own case and goes back to it, whatever case the form names', async () => {
    // Prepare
    const { browser, deps, riversideWait } = await ellisOnTheirCase();
    const ownCase = deps.waits.items.get(riversideWait)?.applicationId;

    // Act
    const response = await browser.post(`/officer/decisions/${riversideWait}`, {
      applicationId: 'app_someOtherCase0000000000',
      decision: 'approve',
      reason: 'The home fits the household',
    });

    // Assess
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`/officer/applications/${ownCase}`);
    expect(deps.waits.items.get(riversideWait)?.status).toBe('decided');
  });
});

describe('approving an offer', () => {
  it('shows the officer the home, its rent and the reasons before they decide (found in review)', async () => {
    // Prepare
    const deps = memoryDeps();
    await deps.applications.create(aCompleteApplication({ stage: Stage.OfficerApproval, status: 'offered' }));
    await deps.lettings.putHome(aHome());
    await deps.lettings.createOffer({
      offerId: 'off_weaver1',
      applicationId: riversideCase,
      propertyId: 'prop_riverside-14',
      landlordId: 'riverside-homes',
      status: 'awaiting-approval',
      reasons: [
        {
          rule: 'affordability.over-threshold',
          clause: 'Riverside Council allocation scheme',
          text: 'The rent after help would be 41% of the household’s income, over the 35% the scheme looks at.',
        },
      ],
      createdAt: '2026-11-02T09:30:00.000Z',
    });
    await awaitPerson(deps, {
      applicationId: riversideCase,
      stage: Stage.OfficerApproval,
      kind: 'approval',
      waitingFor: WaitingFor.Officer,
      taskToken: riversideToken,
      offerId: 'off_weaver1',
    });
    const browser = aWebApp({ deps, officers }).browser();
    browser.jar.set('doorstep_officer', 'id-token-ellis');

    // Act
    const page = await browser.get(`/officer/applications/${riversideCase}`);

    // Assess
    expect(page.status).toBe(200);
    expect(page.body).toContain('Flat 3, 14 Weaver Court, Riverside, RV2 7QT');
    expect(page.body).toContain('£112.50 a week');
    expect(page.body).toContain('over the 35% the scheme looks at');
    expect(page.body).not.toContain('door-weaver-14-3');
  });
});

/** Gareth's household on Riverside's register (band B), and Aisha's on Cwm Valley's; Ellis on Gareth's case. */
async function ellisOnARegisteredCase() {
  const deps = memoryDeps();
  await deps.applications.create(aCompleteApplication());
  await deps.applications.create(
    aCompleteApplication({
      applicationId: cwmCase,
      landlordId: 'cwm-valley-homes',
      policyId: 'cwm-valley',
      ownerId: 'sub_aisha',
      profile: { ...aCompleteApplication().profile, household: household('singleAdult') },
    }),
  );
  await registration(deps, { applicationId: riversideCase });
  await registration(deps, { applicationId: cwmCase });
  deps.clock.advanceDays(30);
  const app = aWebApp({ deps, officers });
  const browser = app.browser();
  browser.jar.set('doorstep_officer', 'id-token-ellis');
  const casePage = await browser.get(`/officer/applications/${riversideCase}`);
  const stored = async (applicationId = riversideCase) => {
    const application = await deps.applications.get(applicationId);
    if (!application) throw new Error('the application was not stored');
    return application;
  };
  return { ...app, browser, casePage, stored };
}

const overrides = (deps: MemoryDeps) => deps.audit.events.filter((event) => event.type === 'overridden');

describe('changing a decision after registration', () => {
  it('offers a registered case’s band and closing, not letting a household stay that nobody referred', async () => {
    // Prepare, Act
    const { casePage } = await ellisOnARegisteredCase();

    // Assess
    expect(casePage.status).toBe(200);
    expect(casePage.body).toContain('Change a decision');
    expect(casePage.body).toContain(`action="/officer/applications/${riversideCase}/override"`);
    expect(casePage.body).toContain('value="band"');
    expect(casePage.body).toContain('value="close"');
    expect(casePage.body).not.toContain('value="proceed"');
    expect(casePage.body).toContain('<label class="govuk-label govuk-label--s" for="override-band">');
    expect(casePage.body).not.toContain('Referred after registration');
  });

  it('does not offer a change before the household is registered', async () => {
    // Prepare, Act
    const { casePage } = await ellisOnTheirCase();

    // Assess
    expect(casePage.body).not.toContain('Change a decision');
  });

  it('sets the band with the officer’s reason, records it as the officer’s, and goes back to the case', async () => {
    // Prepare
    const { browser, deps, stored } = await ellisOnARegisteredCase();
    const before = (await stored()).decisions.length;

    // Act
    const response = await browser.post(`/officer/applications/${riversideCase}/override`, {
      kind: 'band',
      band: 'A',
      reason: 'Urgent medical need: the GP’s letter of 20 November.',
    });

    // Assess
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`/officer/applications/${riversideCase}`);
    const application = await stored();
    expect(application.registration?.band).toBe('A');
    expect(application.decisions).toHaveLength(before + 1);
    expect(application.decisions.at(-1)).toMatchObject({
      stage: Stage.Registered,
      outcome: 'registered',
      decidedBy: 'officer',
    });
    expect(application.decisions.at(-1)?.reasons[0]?.text).toContain('the GP’s letter of 20 November');
    expect(overrides(deps)).toEqual([
      expect.objectContaining({
        applicationId: riversideCase,
        actor: 'officer',
        facts: {
          kind: 'band',
          from: 'B',
          to: 'A',
          officerId: 'officer-ellis',
          decisionRecord: expect.any(Number),
        },
      }),
    ]);
  });

  it('answers a change without a reason with 400 and the error beside the reason, and writes nothing', async () => {
    // Prepare
    const { browser, deps, stored } = await ellisOnARegisteredCase();
    const before = await stored();

    // Act
    const response = await browser.post(`/officer/applications/${riversideCase}/override`, {
      kind: 'band',
      band: 'A',
      reason: '  ',
    });

    // Assess
    expect(response.status).toBe(400);
    expect(titleOf(response.body)).toMatch(/^Error: /);
    expect(errorSummaryOf(response.body)).toEqual([
      { href: '#override-reason', text: 'Give a reason of at least 3 characters' },
    ]);
    expect(fieldErrorOf(response.body, 'override-reason')).toBe('Give a reason of at least 3 characters');
    // What the officer chose is kept.
    expect(response.body).toMatch(
      /<input class="govuk-radios__input" id="override-kind" name="kind" type="radio" value="band" checked/,
    );
    expect(response.body).toMatch(/<option value="A" selected>/);
    expect(await stored()).toEqual(before);
    expect(overrides(deps)).toEqual([]);
  });

  it('asks for the kind of change and for the band, each beside its field', async () => {
    // Prepare
    const { browser, stored } = await ellisOnARegisteredCase();
    const before = await stored();

    // Act
    const noKind = await browser.post(`/officer/applications/${riversideCase}/override`, {
      reason: 'A reason long enough',
    });
    const noBand = await browser.post(`/officer/applications/${riversideCase}/override`, {
      kind: 'band',
      reason: 'A reason long enough',
    });

    // Assess
    expect(noKind.status).toBe(400);
    expect(fieldErrorOf(noKind.body, 'override-kind')).toBe('Select the decision you want to change');
    expect(noBand.status).toBe(400);
    expect(fieldErrorOf(noBand.body, 'override-band')).toBe('Select the new band');
    expect(await stored()).toEqual(before);
  });

  it('refuses letting a household stay when nothing referred it, beside the choice', async () => {
    // Prepare
    const { browser, stored } = await ellisOnARegisteredCase();
    const before = await stored();

    // Act
    const response = await browser.post(`/officer/applications/${riversideCase}/override`, {
      kind: 'proceed',
      reason: 'They can stay',
    });

    // Assess
    expect(response.status).toBe(400);
    expect(fieldErrorOf(response.body, 'override-kind')).toBe('Select the decision you want to change');
    expect(await stored()).toEqual(before);
  });

  it('answers another landlord’s case with 404 and writes nothing', async () => {
    // Prepare
    const { browser, deps, stored } = await ellisOnARegisteredCase();
    const before = await stored(cwmCase);

    // Act
    const response = await browser.post(`/officer/applications/${cwmCase}/override`, {
      kind: 'band',
      band: 'A',
      reason: 'Urgent medical need.',
    });

    // Assess
    expect(response.status).toBe(404);
    expect(titleOf(response.body)).toBe('Page not found – Doorstep');
    expect(response.body).not.toContain('Aisha');
    expect(await stored(cwmCase)).toEqual(before);
    expect(overrides(deps)).toEqual([]);
  });

  it('refuses a change without the form’s CSRF token with 403, and writes nothing', async () => {
    // Prepare
    const { browser, deps, stored } = await ellisOnARegisteredCase();
    const before = await stored();

    // Act
    const response = await browser.send('POST', `/officer/applications/${riversideCase}/override`, {
      body: 'kind=band&band=A&reason=Urgent+medical+need.',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

    // Assess
    expect(response.status).toBe(403);
    expect(await stored()).toEqual(before);
    expect(overrides(deps)).toEqual([]);
  });

  it('lists a referral made after registration, and lets the officer keep the household on the register', async () => {
    // Prepare: a change of circumstances referred Gareth's household (qualification) after registration.
    const { browser, deps, stored } = await ellisOnARegisteredCase();
    const registered = await stored();
    const first = registered.decisions.at(-1);
    if (!first) throw new Error('no registration decision');
    await deps.applications.save({
      ...registered,
      decisions: [
        ...registered.decisions,
        {
          ...first,
          stage: Stage.Qualification,
          outcome: 'refer',
          reasons: [
            {
              rule: 'qualification.income',
              clause: 'Riverside allocation scheme 3.2',
              text: 'Your savings are now over the limit an officer must look at.',
            },
          ],
          decidedBy: 'system',
          decidedAt: '2026-12-01T09:30:00.000Z',
        },
      ],
    });

    // Act
    const page = await browser.get(`/officer/applications/${riversideCase}`);
    const response = await browser.post(`/officer/applications/${riversideCase}/override`, {
      kind: 'proceed',
      reason: 'The savings are a compensation award the scheme disregards.',
    });
    const after = await browser.get(`/officer/applications/${riversideCase}`);

    // Assess
    expect(page.body).toContain('Referred after registration');
    expect(page.body).toContain('Your savings are now over the limit an officer must look at.');
    expect(page.body).toContain('(needs your decision)');
    expect(page.body).toContain('value="proceed"');
    expect(response.status).toBe(303);
    expect((await stored()).decisions.findLast((d) => d.stage === Stage.Qualification)).toMatchObject({
      outcome: 'qualifies',
      decidedBy: 'officer',
    });
    expect(overrides(deps)).toEqual([
      expect.objectContaining({
        facts: {
          kind: 'proceed',
          stage: Stage.Qualification,
          officerId: 'officer-ellis',
          decisionRecord: expect.any(Number),
        },
      }),
    ]);
    expect(after.body).toContain('(settled since)');
    expect(after.body).not.toContain('value="proceed"');
  });
});

describe('a decision the case has moved past', () => {
  it('answers 409 with a way back to the officer’s queue, not the applicant’s start page', async () => {
    // Prepare
    const { browser, deps, riversideWait } = await ellisOnTheirCase();
    await browser.post(`/officer/decisions/${riversideWait}`, {
      decision: 'approve',
      reason: 'The home fits',
    });

    // Act
    const again = await browser.post(`/officer/decisions/${riversideWait}`, {
      decision: 'reject',
      reason: 'Changed my mind',
    });

    // Assess
    expect(again.status).toBe(409);
    expect(again.body).toContain('href="/officer"');
    expect(again.body).toContain('Back to your queue');
    expect(deps.workflow.resumed).toHaveLength(1);
  });
});
