import { randomBytes } from 'node:crypto';
import { LocalTextMessages } from '../../local/text-messages';
import { dynamoStores } from '../../shared/adapters/aws/dynamodb';
import { DynamoPhoneLinkStore } from '../../shared/adapters/aws/dynamodb-phones';
import { ConflictError, type PhoneLink } from '../../shared/ports';
import { getSession, requestCode, verifyCode } from '../../shared/services/sessions';
import { confirmPhoneLink, receiveText, requestPhoneLink } from '../../shared/services/sms';
import { anApplication } from '../fixtures/applications';
import { journeyTableInDynamoDbLocal } from '../support/journey-table';
import { RecordingWorkflow } from '../support/memory';

/**
 * Text messages on a real DynamoDB Local (issue 9): phone links with their version condition, inbound ids taken
 * once, the local phone's thread, and a few questions answered by text through the real stores.
 */

const TABLE = 'doorstep-text-messages-test';
const dynamo = journeyTableInDynamoDbLocal(TABLE);
const clock = { now: () => new Date('2026-11-02T09:30:00Z') };
const links = { web: 'http://127.0.0.1:3000' };

const aLink = (overrides: Partial<PhoneLink> = {}): PhoneLink => ({
  phoneKey: `tel_${randomBytes(8).toString('hex')}`,
  subject: 'sub_gareth',
  applicationId: 'app_0123456789abcdef0123456789abcdef',
  linkedAt: '2026-11-02T09:30:00.000Z',
  stopped: false,
  version: 0,
  ...overrides,
});

describe('DynamoPhoneLinkStore', () => {
  it('keeps a link, saves it only from the version read, and forgets nothing on a lost race', async () => {
    const store = new DynamoPhoneLinkStore(dynamo.db, TABLE);
    const link = aLink();
    await store.put(link);

    const saved = await store.save({
      ...link,
      asking: { prompt: 'name', field: 1, form: { firstName: 'Gareth' } },
    });
    const stale = store.save({ ...link, stopped: true });

    await expect(stale).rejects.toThrow(ConflictError);
    expect(saved.version).toBe(1);
    expect(await store.get(link.phoneKey)).toEqual(saved);
  });

  it('keeps where someone is in adding a member of their household by text', async () => {
    const store = new DynamoPhoneLinkStore(dynamo.db, TABLE);
    const link = aLink();
    await store.put(link);

    const details = await store.save({
      ...link,
      asking: {
        prompt: 'household',
        field: 2,
        form: { firstName: 'Nia' },
        member: { step: 'details', kind: 'partner' },
      },
    });
    const needs = await store.save({
      ...details,
      asking: { prompt: 'household', field: 0, form: {}, member: { step: 'needs', memberId: 'm2' } },
    });

    expect(await store.get(link.phoneKey)).toEqual(needs);
    expect(needs.asking?.member).toEqual({ step: 'needs', memberId: 'm2' });
  });

  it('takes an inbound text’s id once', async () => {
    const store = new DynamoPhoneLinkStore(dynamo.db, TABLE);
    const id = randomBytes(8).toString('hex');

    expect(await store.claimInbound(id, clock.now())).toBe(true);
    expect(await store.claimInbound(id, clock.now())).toBe(false);
  });
});

describe('LocalTextMessages', () => {
  it('keeps a phone’s thread in order, Doorstep’s texts and the phone’s replies', async () => {
    const texts = new LocalTextMessages(dynamo.db, TABLE, clock, () => undefined);
    const phone = `+447700900${String(randomBytes(1)[0]).padStart(3, '0')}`;

    await texts.sendText({ to: phone, body: 'What is your name?' });
    const inbound = await texts.received(phone, 'Gareth');
    await texts.sendText({ to: phone, body: 'Thank you.' });

    expect(inbound).toMatchObject({ from: phone, body: 'Gareth', messageId: expect.any(String) });
    expect((await texts.thread(phone)).map((text) => [text.direction, text.body])).toEqual([
      ['out', 'What is your name?'],
      ['in', 'Gareth'],
      ['out', 'Thank you.'],
    ]);
  });
});

describe('answering by text on the real stores', () => {
  it('links a phone, answers the name by text, and signs in by text as the owner of the application', async () => {
    // Prepare
    const texts = new LocalTextMessages(dynamo.db, TABLE, clock, () => undefined);
    const stores = dynamoStores(dynamo.db, TABLE);
    // No email is sent here: codes go by text. No answers are sent, so no workflow is resumed: it only records.
    const deps = {
      ...stores,
      clock,
      messaging: texts,
      notifier: { send: async () => undefined },
      workflow: new RecordingWorkflow(),
    };
    const applicationId = `app_${randomBytes(16).toString('hex')}`;
    const subject = `sub_${randomBytes(8).toString('hex')}`;
    await stores.applications.create(anApplication({ applicationId, ownerId: subject }));
    const phone = '+447700900321';
    const codeIn = async () => /\b(\d{6})\b/.exec((await texts.thread(phone)).at(-1)?.body ?? '')?.[1] ?? '';

    // Act
    await requestPhoneLink(deps, { applicant: { subject }, applicationId, phone: '07700 900321' });
    await confirmPhoneLink(deps, {
      applicant: { subject },
      applicationId,
      phone,
      code: await codeIn(),
      links,
    });
    for (const reply of ['Gareth', 'Pritchard'])
      await receiveText(deps, await texts.received(phone, reply), links);
    await requestCode(deps, { phone });
    const { token } = await verifyCode(deps, { phone, code: await codeIn() });

    // Assess
    expect((await stores.applications.get(applicationId))?.conversation?.aboutYou).toEqual({
      firstName: 'Gareth',
      lastName: 'Pritchard',
    });
    expect((await texts.thread(phone)).at(-2)?.body).toMatch(/^Thank you\.\nWhat is your date of birth\?/);
    expect(await getSession(deps, token)).toEqual({ subject, phone });
  });
});
