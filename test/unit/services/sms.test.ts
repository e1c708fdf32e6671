import { Circumstances } from '../../../shared/domain/application';
import { hasConsent } from '../../../shared/domain/consents';
import { nextPrompt } from '../../../shared/domain/conversation';
import { NotFoundError, RateLimitedError, SignInRefusedError } from '../../../shared/ports';
import { setConsents } from '../../../shared/services/consents';
import { addMember, removeMember } from '../../../shared/services/conversation';
import { getSession, requestCode, SIGN_IN, verifyCode } from '../../../shared/services/sessions';
import {
  confirmPhoneLink,
  notLinked,
  receiveText,
  requestPhoneLink,
  TEXTS_NOT_SAFE,
} from '../../../shared/services/sms';
import { aCompleteApplication, anApplication } from '../../fixtures/applications';
import { type MemoryDeps, memoryDeps } from '../../support/memory';
import { parkAnswersWait } from '../../support/waits';

const gareth = { subject: 'sub_gareth' };
const stranger = { subject: 'sub_stranger' };
const applicationId = 'app_0123456789abcdef0123456789abcdef';
const phone = '+447700900982';
const links = { web: 'https://doorstep.example' };

async function given(): Promise<MemoryDeps> {
  const deps = memoryDeps();
  await deps.applications.create(anApplication());
  return deps;
}

/** The 6-digit code in the newest text to the phone. */
function codeTexted(deps: MemoryDeps, to = phone): string {
  const code = /\b(\d{6})\b/.exec(deps.messaging.to(to).at(-1) ?? '')?.[1];
  if (!code) throw new Error('no code was texted');
  return code;
}

async function linked(deps: MemoryDeps) {
  await requestPhoneLink(deps, { applicant: gareth, applicationId, phone: '07700 900982' });
  await confirmPhoneLink(deps, {
    applicant: gareth,
    applicationId,
    phone: '07700 900982',
    code: codeTexted(deps),
    links,
  });
}

let n = 0;
const text = (deps: MemoryDeps, body: string, from = phone) =>
  receiveText(deps, { from, body, messageId: `msg-${++n}`, receivedAt: '2026-11-02T09:30:00Z' }, links);
const lastText = (deps: MemoryDeps, to = phone) => deps.messaging.to(to).at(-1) ?? '';
const stored = (deps: MemoryDeps) => deps.applications.items.get(applicationId);

/** Every question answered (the passport photo on the web): only sending the answers is left. */
const readyToSend = () =>
  aCompleteApplication({
    profile: { ...aCompleteApplication().profile, circumstances: Circumstances.parse({}) },
    conversation: { answered: ['contact', 'household', 'identity-document'] },
  });

describe('linking a phone to an application', () => {
  it('texts a code to the mobile, links it once the code is typed, and texts the first question', async () => {
    // Prepare
    const deps = await given();

    // Act
    const asked = await requestPhoneLink(deps, { applicant: gareth, applicationId, phone: '07700 900982' });
    await confirmPhoneLink(deps, {
      applicant: gareth,
      applicationId,
      phone: '07700900982',
      code: codeTexted(deps),
      links,
    });

    // Assess
    expect(asked).toEqual({ ok: true, masked: '07700 ••• 982' });
    expect([...deps.phones.links.values()]).toEqual([
      expect.objectContaining({ subject: 'sub_gareth', applicationId, stopped: false }),
    ]);
    // The link is found by a keyed hash: the number itself is not stored.
    expect(JSON.stringify([...deps.phones.links.values()])).not.toContain('7700900982');
    expect(lastText(deps)).toMatch(/^What is your name\? \(1 of 2\)\nFirst name/);
    expect(deps.audit.events.map((event) => event.type)).toEqual(['phone-linked']);
  });

  it('refuses a number that is not a UK mobile, saying why, and texts nothing', async () => {
    const deps = await given();

    const landline = await requestPhoneLink(deps, {
      applicant: gareth,
      applicationId,
      phone: '020 7946 0000',
    });
    const empty = await requestPhoneLink(deps, { applicant: gareth, applicationId, phone: ' ' });

    expect(landline).toEqual({ ok: false, message: 'Enter a UK mobile number, like 07700 900982' });
    expect(empty).toEqual({ ok: false, message: 'Enter your mobile number' });
    expect(deps.messaging.sent).toEqual([]);
  });

  it('answers another applicant’s application as missing, and texts nothing', async () => {
    const deps = await given();

    await expect(
      requestPhoneLink(deps, { applicant: stranger, applicationId, phone: '07700 900982' }),
    ).rejects.toThrow(NotFoundError);
    expect(deps.messaging.sent).toEqual([]);
  });

  it('refuses a code asked by one applicant when typed by another, and links nothing', async () => {
    // Prepare: the stranger has an application of their own, and asks for a code to the same phone.
    const deps = await given();
    const theirs = 'app_ffffffffffffffffffffffffffffffff';
    await deps.applications.create(anApplication({ applicationId: theirs, ownerId: stranger.subject }));
    await requestPhoneLink(deps, { applicant: gareth, applicationId, phone });

    // Act
    const attempt = confirmPhoneLink(deps, {
      applicant: stranger,
      applicationId: theirs,
      phone,
      code: codeTexted(deps),
      links,
    });

    // Assess
    await expect(attempt).rejects.toThrow(SignInRefusedError);
    expect(deps.phones.links.size).toBe(0);
  });

  it('refuses a wrong code, and spends the code after 5 tries so even the right one no longer works', async () => {
    const deps = await given();
    await requestPhoneLink(deps, { applicant: gareth, applicationId, phone });
    const right = codeTexted(deps);
    const wrong = right === '000000' ? '111111' : '000000';

    for (let attempt = 0; attempt < SIGN_IN.attemptsPerCode; attempt++) {
      await expect(
        confirmPhoneLink(deps, { applicant: gareth, applicationId, phone, code: wrong, links }),
      ).rejects.toThrow(SignInRefusedError);
    }

    await expect(
      confirmPhoneLink(deps, { applicant: gareth, applicationId, phone, code: right, links }),
    ).rejects.toThrow(/tried too many times/);
    expect(deps.phones.links.size).toBe(0);
  });

  it('sends at most 5 codes to one mobile an hour, whoever asks', async () => {
    const deps = await given();
    for (let sent = 0; sent < SIGN_IN.codeRequestsPerHour; sent++) {
      await requestPhoneLink(deps, { applicant: gareth, applicationId, phone });
    }

    await expect(requestPhoneLink(deps, { applicant: gareth, applicationId, phone })).rejects.toThrow(
      RateLimitedError,
    );
    expect(deps.messaging.sent).toHaveLength(SIGN_IN.codeRequestsPerHour);
  });
});

describe('the eligibility questions by text', () => {
  it('answers the applicant’s details and circumstances by text, through the same prompts as the web', async () => {
    // Prepare
    const deps = await given();
    await linked(deps);

    // Act: every reply as a person would type it, with a few mistakes on the way.
    for (const reply of [
      'Gareth',
      'Pritchard',
      '2 7 1988',
      '2',
      'gareth@',
      'gareth@example.org',
      'SKIP',
      '1',
      // Will anyone live with you? No, just me; then the applicant's own needs: none of these.
      '2',
      '2',
      '1',
      '0',
      '0',
      '1,850',
      '0',
      '300',
      '3',
      '1',
      '4 Mill Lane',
      'RV1 4AB',
      '2',
    ]) {
      await text(deps, reply);
    }

    // Assess
    const application = stored(deps);
    expect(application?.profile.household[0]).toMatchObject({
      firstName: 'Gareth',
      lastName: 'Pritchard',
      dateOfBirth: '1988-07-02',
      sex: 'male',
    });
    expect(application?.profile.contact).toEqual({ email: 'gareth@example.org' });
    expect(application?.profile.immigrationStatus).toBe('british-or-irish');
    expect(application?.profile.income).toEqual({
      monthlyEarnings: 185_000,
      monthlyBenefits: 0,
      savings: 30_000,
      housingSupport: 'none',
    });
    expect(application?.profile.currentHome).toEqual({
      tenure: 'private-rent',
      addressLine: '4 Mill Lane',
      postcode: 'RV1 4AB',
      bedrooms: 2,
    });
    expect(deps.messaging.to(phone)).toContainEqual(
      expect.stringMatching(/^Enter an email address in the right format, like name@example.com\./),
    );
    // Each answer is audited as the web's are: which prompt, never what it said.
    expect(
      deps.audit.events.filter((event) => event.type === 'answered').map((event) => event.facts),
    ).toEqual([
      { prompt: 'name' },
      { prompt: 'date-of-birth' },
      { prompt: 'sex' },
      { prompt: 'contact' },
      { prompt: 'immigration-status' },
      { prompt: 'household' },
      { prompt: 'local-connection' },
      { prompt: 'income' },
      { prompt: 'current-home' },
    ]);
    expect(application && nextPrompt(application)).toBe('owns-property');
    expect(lastText(deps)).toMatch(/^Thank you\.\nDo you, or anyone who will live with you, own a home\?/);
  });

  it('adds the people who will live with the applicant by text, through the same prompts as the household pages', async () => {
    // Prepare: the questions before the household answered by text.
    const deps = await given();
    await linked(deps);
    for (const reply of ['Gareth', 'Pritchard', '2 7 1988', '2', 'gareth@example.org', 'SKIP', '1'])
      await text(deps, reply);
    const firstAsked = lastText(deps);
    /** The number of "None of these" in the options just texted. */
    const none = () => /^(\d+) None of these$/m.exec(lastText(deps))?.[1] ?? 'none not offered';

    // Act: a partner, then a child (with a date that is not real on the way), then no one else.
    await text(deps, '1');
    await text(deps, '1');
    for (const reply of ['Nia', 'Pritchard', '3 4 1990', '1']) await text(deps, reply);
    const askedNeeds = lastText(deps);
    await text(deps, none());
    const askedAgain = lastText(deps);
    await text(deps, '1');
    await text(deps, '2');
    for (const reply of ['Osian', 'Pritchard', '31 2 2014']) await text(deps, reply);
    const wrongDate = lastText(deps);
    for (const reply of ['9 5 2014', '2']) await text(deps, reply);
    // A child of 12 may need a room of their own for a disability, or a carer overnight: asked, as on the web.
    expect(lastText(deps)).toMatch(/^Thank you\.\nDo any of these apply to Osian\?/);
    await text(deps, none());
    await text(deps, '2');
    const ownNeeds = lastText(deps);
    await text(deps, none());

    // Assess
    expect(firstAsked).toBe(
      'Thank you.\nWill anyone live with you?\nReply with the number of your answer:\n1 Yes, add someone\n2 No, just me',
    );
    expect(askedNeeds).toMatch(/^Thank you\.\nDo any of these apply to Nia\?/);
    expect(askedAgain).toBe(
      'Thank you.\nWill anyone else live with you?\nYou have added Nia.\nReply with the number of your answer:\n1 Yes, add someone\n2 No, that is everyone',
    );
    expect(wrongDate).toMatch(
      /^Their date of birth must be a real date\.\nTell us about your child \(3 of 4\)\n/,
    );
    // With a partner, the applicant is asked whether they can share a bedroom with them.
    expect(ownNeeds).toContain('I cannot share a bedroom with my partner because of a disability');
    const application = stored(deps);
    expect(
      application?.profile.household.map((member) => [
        member.relationship,
        member.firstName,
        member.dateOfBirth,
      ]),
    ).toEqual([
      ['applicant', 'Gareth', '1988-07-02'],
      ['partner', 'Nia', '1990-04-03'],
      ['child', 'Osian', '2014-05-09'],
    ]);
    expect(application && nextPrompt(application)).toBe('local-connection');
  });

  describe('when the household changes on the web half way through adding someone by text', () => {
    /** Gareth, every question before the household answered by text. */
    async function atTheHousehold(): Promise<MemoryDeps> {
      const deps = await given();
      await linked(deps);
      for (const reply of ['Gareth', 'Pritchard', '2 7 1988', '2', 'gareth@example.org', 'SKIP', '1'])
        await text(deps, reply);
      return deps;
    }

    it('asks whether anyone else will live there when the person whose needs are asked was removed', async () => {
      // Prepare: Nia added by text, her needs being asked; then removed on the web.
      const deps = await atTheHousehold();
      for (const reply of ['1', '1', 'Nia', 'Pritchard', '3 4 1990', '1']) await text(deps, reply);
      expect(lastText(deps)).toMatch(/Do any of these apply to Nia\?/);
      await removeMember(deps, { applicant: gareth, applicationId, memberId: 'm2' });

      // Act
      await text(deps, '1');

      // Assess
      expect(lastText(deps)).toMatch(/^Will anyone live with you\?/);
      expect(stored(deps)?.profile.household.map((member) => member.firstName)).toEqual(['Gareth']);
    });

    it('asks who the person is again when a partner was added on the web after "my partner" was chosen', async () => {
      // Prepare: "my partner" chosen by text; then a partner added on the web.
      const deps = await atTheHousehold();
      await text(deps, '1');
      await text(deps, '1');
      await addMember(deps, {
        applicant: gareth,
        applicationId,
        kind: 'partner',
        form: {
          firstName: 'Nia',
          lastName: 'Pritchard',
          'dateOfBirth-day': '3',
          'dateOfBirth-month': '4',
          'dateOfBirth-year': '1990',
          sex: 'female',
        },
      });

      // Act
      for (const reply of ['Rhys', 'Pritchard', '1 1 1989', '2']) await text(deps, reply);

      // Assess
      expect(lastText(deps)).toMatch(
        /^You have already added a partner\.\nWho are you adding to your household\?/,
      );
      expect(stored(deps)?.profile.household.map((member) => member.firstName)).toEqual(['Gareth', 'Nia']);
    });

    it('says a full household can add no one, and asks again', async () => {
      // Prepare: 20 people in the household already.
      const deps = await atTheHousehold();
      const application = stored(deps);
      if (!application) throw new Error('no application');
      const applicant = application.profile.household[0];
      if (!applicant) throw new Error('no applicant');
      await deps.applications.save({
        ...application,
        profile: {
          ...application.profile,
          household: [
            applicant,
            ...Array.from({ length: 19 }, (_, index) => ({
              ...applicant,
              memberId: `m${index + 2}`,
              relationship: 'other-adult' as const,
              firstName: `Adult${index + 2}`,
            })),
          ],
        },
      });

      // Act
      await text(deps, '1');

      // Assess
      expect(lastText(deps)).toMatch(
        /^A household can have at most 20 people\.\nWill anyone else live with you\?/,
      );
    });
  });

  it('keeps the other answers when one is wrong, and asks only that one again', async () => {
    const deps = await given();
    await linked(deps);
    await text(deps, 'Gareth');
    await text(deps, 'Pritchard');

    await text(deps, '30 2 1988');

    expect(lastText(deps)).toMatch(/^Your date of birth must be a real date\.\nWhat is your date of birth\?/);
    expect(stored(deps)?.conversation?.aboutYou).toEqual({ firstName: 'Gareth', lastName: 'Pritchard' });
  });

  it('sends the passport photo to the web page: it cannot be done by text', async () => {
    // Prepare: every question before the photo answered (on the web, say).
    const deps = memoryDeps();
    await deps.applications.create(
      aCompleteApplication({
        profile: { ...aCompleteApplication().profile, circumstances: Circumstances.parse({}) },
        conversation: { answered: ['contact', 'household'] },
      }),
    );

    // Act
    await linked(deps);

    // Assess
    expect(lastText(deps)).toContain(
      `You cannot do this by text. Go to ${links.web}/applications/${applicationId}/documents/new`,
    );
  });

  it('sends the answers by text with SEND, as the web page’s button does, then says what happens next', async () => {
    // Prepare: every question answered, the passport photo on the web; the workflow waits for the answers.
    const deps = memoryDeps();
    await deps.applications.create(readyToSend());
    const taskToken = 'AQCEAAAAKgAAAAMAAAAAAAAAAWFuc3dlcnMtdG9rZW4tc2VjcmV0=answers-1c9e';
    const decisionId = await parkAnswersWait(deps, { applicationId, taskToken });
    await linked(deps);
    const asked = lastText(deps);

    // Act: anything but SEND asks again; SEND sends.
    await text(deps, 'ok');
    const askedAgain = lastText(deps);
    await text(deps, 'send');

    // Assess
    expect(asked).toBe(
      [
        'You have answered every question.',
        `Check your answers at ${links.web}/applications/${applicationId}/check-answers`,
        'By sending them you confirm they are true, as far as you know. We decide straight away whether you can join the housing register, and tell you why.',
        'Reply SEND to send your answers.',
      ].join('\n'),
    );
    expect(askedAgain).toBe(asked);
    expect(deps.workflow.resumed).toEqual([
      { taskToken, output: { decision: 'submitted', decidedBy: 'applicant' } },
    ]);
    expect(deps.waits.items.get(decisionId)).toMatchObject({ status: 'decided' });
    expect(stored(deps)?.conversation?.answered).toContain('check-answers');
    expect(lastText(deps)).toBe(
      `Thank you.\nYour answers have been sent. See what happens next at ${links.web}/applications/${applicationId}/status`,
    );
    expect(deps.audit.events.filter((event) => event.type === 'decided').map((event) => event.actor)).toEqual(
      ['applicant'],
    );
  });

  it('says to try again in a moment when the workflow is not yet waiting for the answers, and sends nothing', async () => {
    // Prepare
    const deps = memoryDeps();
    await deps.applications.create(readyToSend());
    await linked(deps);

    // Act
    await text(deps, 'SEND');

    // Assess
    expect(lastText(deps)).toBe(
      'Your application is still getting ready for your answers. Try again in a moment.',
    );
    expect(deps.workflow.resumed).toEqual([]);
    expect(stored(deps)?.conversation?.answered).not.toContain('check-answers');
  });

  it('sends a Welsh speaker’s answers with ANFON, asked in Welsh', async () => {
    // Prepare
    const deps = memoryDeps();
    await deps.applications.create({ ...readyToSend(), language: 'cy' });
    await parkAnswersWait(deps, {
      applicationId,
      taskToken: 'AQCEAAAAKgAAAAMAAAAAAAAAAWFuc3dlcnMtdG9rZW4tc2VjcmV0=answers-cy01',
    });
    await linked(deps);
    const asked = lastText(deps);

    // Act
    await text(deps, 'Anfon');

    // Assess
    expect(asked).not.toContain('Reply SEND');
    expect(asked).toContain('ANFON');
    expect(deps.workflow.resumed).toHaveLength(1);
  });

  it('takes a text delivered twice once', async () => {
    const deps = await given();
    await linked(deps);
    const inbound = { from: phone, body: 'Gareth', messageId: 'same-id', receivedAt: '2026-11-02T09:30:00Z' };

    await receiveText(deps, inbound, links);
    await receiveText(deps, inbound, links);

    expect(deps.messaging.to(phone)).toHaveLength(3);
  });
});

describe('in the applicant’s language', () => {
  it('texts a Welsh speaker the questions, options and messages in Welsh, from the pages’ catalogue', async () => {
    // Prepare: Gareth chose Welsh on the web, and has given his name and date of birth.
    const deps = memoryDeps();
    await deps.applications.create(
      anApplication({
        language: 'cy',
        conversation: {
          answered: [],
          aboutYou: { firstName: 'Gareth', lastName: 'Pritchard', dateOfBirth: '1988-07-02' },
        },
      }),
    );
    await linked(deps);
    const asked = lastText(deps);

    // Act
    await text(deps, '3');

    // Assess
    expect(asked).toContain('Beth yw eich rhyw?');
    expect(asked).toContain('1 Benyw');
    expect(lastText(deps)).toMatch(/^Dewiswch eich rhyw\.\nBeth yw eich rhyw\?/);
  });
});

describe('STOP, START and HELP', () => {
  it('stops every text after STOP, reads nothing until START, then asks the question again', async () => {
    const deps = await given();
    await linked(deps);
    const before = deps.messaging.sent.length;

    await text(deps, 'Stop');
    await text(deps, 'Gareth');
    const whileStopped = deps.messaging.sent.length;
    await text(deps, 'START');

    expect(whileStopped).toBe(before);
    expect(stored(deps)?.conversation).toBeUndefined();
    expect(lastText(deps)).toMatch(/^What is your name\? \(1 of 2\)/);
    expect(deps.audit.events.map((event) => event.type)).toEqual(
      expect.arrayContaining(['texts-stopped', 'texts-started', 'consent-given']),
    );
    // START gives consent to texts about the application, by text (STOP withdraws it: never given here).
    expect(stored(deps)?.consents?.map((record) => [record.use, record.given, record.via])).toEqual([
      ['text-messages', true, 'sms'],
    ]);
  });

  it('withdraws consent to texts about the application at STOP, recorded as given by text', async () => {
    const deps = await given();
    await linked(deps);
    await setConsents(deps, {
      actor: { kind: 'applicant', ...gareth },
      applicationId,
      body: { given: ['text-messages', 'homes-by-email'] },
    });

    await text(deps, 'STOP');

    const application = stored(deps);
    expect(application && hasConsent(application, 'text-messages')).toBe(false);
    expect(application && hasConsent(application, 'homes-by-email')).toBe(true);
    expect(application?.consents?.at(-1)).toMatchObject({ use: 'text-messages', given: false, via: 'sms' });
  });

  it('asks the question again for HELP', async () => {
    const deps = await given();
    await linked(deps);
    await text(deps, 'Gareth');

    await text(deps, 'help');

    expect(lastText(deps)).toMatch(/^What is your name\? \(1 of 2\)/);
  });
});

describe('safe contact', () => {
  const notSafeForTexts = {
    safe: ['email' as const],
    textTimes: [],
    letters: 'safe' as const,
    voicemail: false,
    updatedAt: '2026-11-02T09:00:00.000Z',
  };

  it('does not link a phone for someone who said texts are not safe, and texts nothing', async () => {
    const deps = memoryDeps();
    await deps.applications.create(anApplication({ contactSafety: notSafeForTexts }));

    const asked = await requestPhoneLink(deps, { applicant: gareth, applicationId, phone });

    expect(asked).toEqual({ ok: false, message: TEXTS_NOT_SAFE });
    expect(deps.messaging.sent).toEqual([]);
  });

  it('reads and texts nothing once the applicant says texts are not safe, saying so in the audit log', async () => {
    const deps = await given();
    await linked(deps);
    await text(deps, 'Gareth');
    const application = stored(deps);
    if (!application) throw new Error('no application');
    await deps.applications.save({ ...application, contactSafety: notSafeForTexts });
    const sent = deps.messaging.sent.length;

    await text(deps, 'Pritchard');

    expect(deps.messaging.sent).toHaveLength(sent);
    expect(stored(deps)?.conversation?.aboutYou).toBeUndefined();
    expect(deps.audit.events.at(-1)).toMatchObject({
      type: 'text-withheld',
      facts: { reason: 'text-not-safe' },
    });
  });
});

describe('authorisation: a phone acts on its own application only', () => {
  it('answers a phone not linked with how to link one, and reads or changes nothing', async () => {
    const deps = await given();
    await linked(deps);
    const before = structuredClone(stored(deps));

    await text(deps, 'Gareth', '+447700900123');

    expect(lastText(deps, '+447700900123')).toBe(notLinked(links));
    expect(stored(deps)).toEqual(before);
  });

  it('answers a number not linked once a day at most, and a number that is not a UK mobile never', async () => {
    const deps = await given();

    for (const body of ['Hello', 'Hello?', 'HELLO']) await text(deps, body, '+447700900123');
    await text(deps, 'Bonjour', '+33612345678');

    expect(deps.messaging.to('+447700900123')).toEqual([notLinked(links)]);
    expect(deps.messaging.to('+33612345678')).toEqual([]);
  });

  it('acts on nothing once the linked application belongs to someone else (a link left behind)', async () => {
    const deps = await given();
    await linked(deps);
    const link = [...deps.phones.links.values()][0];
    if (!link) throw new Error('not linked');
    deps.phones.links.set(link.phoneKey, { ...link, subject: 'sub_stranger' });
    const before = structuredClone(stored(deps));

    await text(deps, 'Gareth');

    expect(lastText(deps)).toBe(notLinked(links));
    expect(stored(deps)).toEqual(before);
  });
});

describe('signing in by a code sent by text', () => {
  it('signs a linked mobile in as the owner of its application', async () => {
    const deps = await given();
    await linked(deps);

    await requestCode(deps, { phone: '07700 900982' });
    const { token } = await verifyCode(deps, { phone: '+44 7700 900982', code: codeTexted(deps) });

    expect(await getSession(deps, token)).toEqual({ subject: 'sub_gareth', phone });
    expect(deps.notifier.sent).toEqual([]);
  });

  it('signs a mobile not linked in as a pseudonymous subject of its own', async () => {
    const deps = await given();

    await requestCode(deps, { phone: '07700 900555' });
    const { subject } = await verifyCode(deps, {
      phone: '07700900555',
      code: codeTexted(deps, '+447700900555'),
    });

    expect(subject).toMatch(/^sub_[A-Za-z0-9_-]{32}$/);
    expect(subject).not.toContain('7700900555');
  });

  it('refuses a wrong code, and the right one after 5 wrong tries', async () => {
    const deps = await given();
    await requestCode(deps, { phone });
    const right = codeTexted(deps);
    const wrong = right === '000000' ? '111111' : '000000';

    for (let attempt = 0; attempt < SIGN_IN.attemptsPerCode; attempt++) {
      await expect(verifyCode(deps, { phone, code: wrong })).rejects.toThrow(SignInRefusedError);
    }

    await expect(verifyCode(deps, { phone, code: right })).rejects.toThrow(/tried too many times/);
    expect(deps.sessions.sessions.size).toBe(0);
  });

  it('sends at most 5 codes an hour to a mobile, and refuses a number that is not a UK mobile', async () => {
    const deps = await given();
    for (let sent = 0; sent < SIGN_IN.codeRequestsPerHour; sent++) await requestCode(deps, { phone });

    await expect(requestCode(deps, { phone })).rejects.toThrow(RateLimitedError);
    await expect(requestCode(deps, { phone: '020 7946 0000' })).rejects.toThrow(/UK mobile number/);
    expect(deps.messaging.sent).toHaveLength(SIGN_IN.codeRequestsPerHour);
  });
});
