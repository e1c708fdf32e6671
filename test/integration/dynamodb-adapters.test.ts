import { randomBytes } from 'node:crypto';
import { DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  DynamoApplicationStore,
  DynamoAuditLog,
  DynamoLettingStore,
  DynamoOutboxNotifier,
  DynamoSessionStore,
  DynamoWaitStore,
} from '../../shared/adapters/aws/dynamodb';
import { TABLE_KEYS } from '../../shared/adapters/aws/keys';
import { createJourneyTable } from '../../shared/adapters/aws/table';
import type { Offer, Tenancy } from '../../shared/domain/letting';
import { Stage, WaitingFor } from '../../shared/domain/stage';
import { sha256Hex } from '../../shared/ids';
import {
  type AuditEvent,
  ConflictError,
  NotFoundError,
  type Notification,
  type PendingWait,
  type ReviewQueueEntry,
  type SignInCode,
} from '../../shared/ports';
import { getSession, requestCode, SIGN_IN, verifyCode } from '../../shared/services/sessions';
import { aCompleteApplication, aHome, anApplication } from '../fixtures/applications';
import { journeyTableInDynamoDbLocal } from '../support/journey-table';

/**
 * The DynamoDB adapters against a real DynamoDB Local (AWS's jar, in memory): conditional writes,
 * transactions, the GSI and concurrency are the database's, not a fake's. Each test uses fresh ids, so tests
 * share one table and stay independent.
 */

const TABLE = 'doorstep-journey-test';
const dynamo = journeyTableInDynamoDbLocal(TABLE);

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const applicationId = () => `app_${hex(12)}`;
const landlordId = () => `landlord-${hex(6)}`;
const propertyId = () => `prop_${hex(6)}`;
const offerId = () => `off_${hex(12)}`;

function anOffer(overrides: Partial<Offer> & Pick<Offer, 'propertyId' | 'landlordId'>): Offer {
  return {
    offerId: offerId(),
    applicationId: applicationId(),
    status: 'awaiting-approval',
    reasons: [
      {
        rule: 'matching.bedrooms',
        clause: 'Housing Benefit Regulations 2006 reg B13',
        text: 'Fits.',
        answer: '2',
      },
    ],
    createdAt: '2026-11-21T09:00:00.000Z',
    ...overrides,
  };
}

function aWait(overrides: Partial<PendingWait> = {}): PendingWait {
  const token = `token-${hex(16)}`;
  return {
    decisionId: `dec_${hex(16)}`,
    taskToken: token,
    applicationId: applicationId(),
    landlordId: 'riverside-homes',
    stage: Stage.OfficerApproval,
    kind: 'approval',
    waitingFor: WaitingFor.Officer,
    deadline: '2026-11-30T09:00:00.000Z',
    createdAt: '2026-11-23T09:00:00.000Z',
    status: 'open',
    ...overrides,
  };
}

describe('the journey table', () => {
  it('has the keys and the GSI the CDK stack declares, and creating it again keeps it', async () => {
    await createJourneyTable(dynamo.local.client, TABLE);
    const { Table } = await dynamo.local.client.send(new DescribeTableCommand({ TableName: TABLE }));
    expect(Table?.KeySchema).toEqual([
      { AttributeName: TABLE_KEYS.partition, KeyType: 'HASH' },
      { AttributeName: TABLE_KEYS.sort, KeyType: 'RANGE' },
    ]);
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    const { TimeToLiveDescription } = await dynamo.local.client.send(
      new DescribeTimeToLiveCommand({ TableName: TABLE }),
    );
    expect(TimeToLiveDescription).toEqual({ AttributeName: 'expiresAt', TimeToLiveStatus: 'ENABLED' });
    expect(Table?.GlobalSecondaryIndexes).toEqual([
      expect.objectContaining({
        IndexName: TABLE_KEYS.gsi1.name,
        KeySchema: [
          { AttributeName: TABLE_KEYS.gsi1.partition, KeyType: 'HASH' },
          { AttributeName: TABLE_KEYS.gsi1.sort, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      }),
    ]);
  });
});

describe('DynamoApplicationStore', () => {
  const store = () => new DynamoApplicationStore(dynamo.db, TABLE);

  it('creates an application at version 0 and refuses a second create of the same id', async () => {
    const application = anApplication({ applicationId: applicationId(), version: 7 });
    await store().create(application);
    await expect(store().create({ ...application, status: 'closed' })).rejects.toBeInstanceOf(ConflictError);
    expect(await store().get(application.applicationId)).toEqual({ ...application, version: 0 });
  });

  it('gets the application back parsed by the domain schema, and nothing for an unknown id', async () => {
    const application = aCompleteApplication({ applicationId: applicationId() });
    await store().create(application);
    const stored = await store().get(application.applicationId);
    expect(stored).toEqual(application);
    expect(stored).not.toHaveProperty('pk');
    expect(stored).not.toHaveProperty('sk');
    expect(await store().get(applicationId())).toBeUndefined();
  });

  it('saves with the next version and refuses a save from a stale read', async () => {
    const application = anApplication({ applicationId: applicationId() });
    await store().create(application);
    const read = await store().get(application.applicationId);
    if (!read) throw new Error('created application not found');

    const saved = await store().save({ ...read, stage: Stage.Qualification });
    expect(saved.version).toBe(1);
    expect(await store().get(application.applicationId)).toEqual({
      ...read,
      stage: Stage.Qualification,
      version: 1,
    });

    await expect(store().save({ ...read, status: 'closed' })).rejects.toBeInstanceOf(ConflictError);
    expect((await store().get(application.applicationId))?.status).toBe('in-progress');

    const again = await store().save(saved);
    expect(again.version).toBe(2);
  });

  it('lets one of two saves from the same read win', async () => {
    const application = anApplication({ applicationId: applicationId() });
    await store().create(application);
    const results = await Promise.allSettled([
      store().save({ ...application, stage: Stage.Qualification }),
      store().save({ ...application, stage: Stage.Household }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((result) => result.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reason).toBeInstanceOf(ConflictError);
    expect((await store().get(application.applicationId))?.version).toBe(1);
  });

  it('writes an answer and its audit event together, and neither when the save is stale', async () => {
    const application = anApplication({ applicationId: applicationId() });
    await store().create(application);
    const audit = new DynamoAuditLog(dynamo.db, TABLE);
    const answered = (prompt: string) => ({
      applicationId: application.applicationId,
      at: '2026-11-29T10:00:00.000Z',
      type: 'answered',
      actor: 'applicant' as const,
      facts: { prompt },
    });

    const saved = await store().save(
      { ...application, stage: Stage.Qualification },
      { audit: answered('name') },
    );
    const stale = store().save({ ...application, status: 'closed' }, { audit: answered('sex') });

    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    expect(saved.version).toBe(1);
    expect((await store().get(application.applicationId))?.stage).toBe(Stage.Qualification);
    // The stale save's audit event was not written either: the transaction is both or neither.
    expect((await audit.list(application.applicationId)).map((event) => event.facts)).toEqual([
      { prompt: 'name' },
    ]);
  });

  it('lists the applications of one owner, oldest first, and keeps listing them after a save', async () => {
    const owner = `sub_${hex(12)}`;
    const later = anApplication({
      applicationId: applicationId(),
      ownerId: owner,
      createdAt: '2026-11-03T10:00:00.000Z',
    });
    const sooner = anApplication({
      applicationId: applicationId(),
      ownerId: owner,
      landlordId: 'cwm-valley-homes',
      createdAt: '2026-11-01T10:00:00.000Z',
    });
    const someoneElses = anApplication({ applicationId: applicationId(), ownerId: `sub_${hex(12)}` });
    for (const application of [later, sooner, someoneElses]) await store().create(application);
    await store().save({ ...later, stage: Stage.Qualification });

    const listed = await store().listByOwner(owner);

    expect(listed).toEqual([sooner, { ...later, stage: Stage.Qualification, version: 1 }]);
    expect(await store().listByOwner(`sub_${hex(12)}`)).toEqual([]);
  });

  it('refuses to save an application that was never created', async () => {
    await expect(store().save(anApplication({ applicationId: applicationId() }))).rejects.toBeInstanceOf(
      ConflictError,
    );
  });

  describe('claimDocumentNumber', () => {
    const fingerprint = () => sha256Hex(`passport|GBR|${hex(5)}`);

    it('gives a number to the first application and keeps it there; the first claiming again gets itself', async () => {
      const number = fingerprint();
      const first = applicationId();

      expect(await store().claimDocumentNumber(number, first)).toBe(first);
      expect(await store().claimDocumentNumber(number, applicationId())).toBe(first);
      expect(await store().claimDocumentNumber(number, first)).toBe(first);
      const { Item } = await dynamo.db.send(
        new GetCommand({ TableName: TABLE, Key: { pk: `DOCNUM#${number}`, sk: 'DOCNUM' } }),
      );
      expect(Item).toEqual({ pk: `DOCNUM#${number}`, sk: 'DOCNUM', applicationId: first });
    });

    it('lets exactly one of several simultaneous claims of one number win, and tells every claimant who', async () => {
      const number = fingerprint();
      const claimants = Array.from({ length: 6 }, applicationId);

      const holders = await Promise.all(claimants.map((id) => store().claimDocumentNumber(number, id)));

      expect(new Set(holders).size).toBe(1);
      expect(claimants).toContain(holders[0]);
    });

    it('keeps different numbers apart', async () => {
      const [one, two] = [applicationId(), applicationId()];
      expect(await store().claimDocumentNumber(fingerprint(), one)).toBe(one);
      expect(await store().claimDocumentNumber(fingerprint(), two)).toBe(two);
    });
  });

  describe('the review queue', () => {
    const entry = (landlordId: string, dueBy: string, decision = 1): ReviewQueueEntry => ({
      landlordId,
      applicationId: applicationId(),
      decision,
      stage: Stage.Qualification,
      requestedAt: '2026-11-02T09:30:00.000Z',
      dueBy,
    });

    it('lists a landlord’s reviews soonest due first, once each however often queued, and only its own', async () => {
      const landlord = `landlord-${hex(4)}`;
      const later = entry(landlord, '2027-01-10');
      const sooner = entry(landlord, '2026-12-28');
      const elsewhere = entry(`landlord-${hex(4)}`, '2026-12-01');

      for (const each of [later, sooner, later, elsewhere]) await store().queueReview(each);

      expect(await store().listReviewQueue(landlord)).toEqual([sooner, later]);
    });

    it('takes an entry off, and taking it off again is a no-op', async () => {
      const landlord = `landlord-${hex(4)}`;
      const queued = entry(landlord, '2026-12-28');
      const kept = entry(landlord, '2026-12-28', 2);
      await store().queueReview(queued);
      await store().queueReview(kept);

      await store().unqueueReview(queued);
      await store().unqueueReview(queued);

      expect(await store().listReviewQueue(landlord)).toEqual([kept]);
    });
  });
});

describe('DynamoLettingStore', () => {
  const store = () => new DynamoLettingStore(dynamo.db, TABLE);

  it('lists only the available homes of that landlord, earliest first, through the GSI', async () => {
    const landlord = landlordId();
    const later = aHome({ propertyId: propertyId(), landlordId: landlord, availableFrom: '2026-12-01' });
    const sooner = aHome({ propertyId: propertyId(), landlordId: landlord, availableFrom: '2026-11-20' });
    const offered = aHome({ propertyId: propertyId(), landlordId: landlord, status: 'offered' });
    const let_ = aHome({ propertyId: propertyId(), landlordId: landlord, status: 'let' });
    const elsewhere = aHome({ propertyId: propertyId(), landlordId: landlordId() });
    for (const home of [later, sooner, offered, let_, elsewhere]) await store().putHome(home);

    expect(await store().listAvailableHomes(landlord)).toEqual([sooner, later]);
    expect(await store().getHome(offered.propertyId)).toEqual(offered);
    expect(await store().getHome(propertyId())).toBeUndefined();
    expect(await store().listAvailableHomes(landlordId())).toEqual([]);
  });

  it('takes a home off the list when it is put again as let', async () => {
    const home = aHome({ propertyId: propertyId(), landlordId: landlordId() });
    await store().putHome(home);
    await store().putHome({ ...home, status: 'let' });
    expect(await store().listAvailableHomes(home.landlordId)).toEqual([]);
  });

  const APPROVAL = { approvedAt: '2026-11-22T09:00:00.000Z', respondBy: '2026-11-29T09:00:00.000Z' };

  /** A proposed offer of the home, approved: the home's live offer. */
  async function liveOfferOf(home: { propertyId: string; landlordId: string }): Promise<Offer> {
    const offer = anOffer({ propertyId: home.propertyId, landlordId: home.landlordId });
    await store().createOffer(offer);
    return store().approveOffer(offer.offerId, APPROVAL);
  }

  it('records a proposed offer without holding the home; approval takes the home off the available list', async () => {
    const landlord = landlordId();
    const home = aHome({ propertyId: propertyId(), landlordId: landlord });
    const other = aHome({ propertyId: propertyId(), landlordId: landlord, availableFrom: '2026-12-05' });
    await store().putHome(home);
    await store().putHome(other);
    const offer = anOffer({ propertyId: home.propertyId, landlordId: landlord });

    await store().createOffer(offer);

    expect(await store().getOffer(offer.offerId)).toEqual(offer);
    expect(await store().getHome(home.propertyId)).toEqual(home);
    expect(await store().listAvailableHomes(landlord)).toEqual([home, other]);
    expect(await store().listOffersOfHome(home.propertyId)).toEqual([
      { applicationId: offer.applicationId, offerId: offer.offerId },
    ]);

    const approved = await store().approveOffer(offer.offerId, APPROVAL);

    expect(approved).toEqual({ ...offer, status: 'awaiting-applicant', ...APPROVAL });
    expect(await store().getOffer(offer.offerId)).toEqual(approved);
    expect(await store().getHome(home.propertyId)).toEqual({ ...home, status: 'offered' });
    expect(await store().listAvailableHomes(landlord)).toEqual([other]);
    expect(await store().getOffer(offerId())).toBeUndefined();
  });

  it('proposes a home to each household once, and lists who it was proposed to, oldest first', async () => {
    const home = aHome({ propertyId: propertyId(), landlordId: landlordId() });
    await store().putHome(home);
    const first = anOffer({ propertyId: home.propertyId, landlordId: home.landlordId });
    const second = anOffer({
      propertyId: home.propertyId,
      landlordId: home.landlordId,
      createdAt: '2026-11-21T10:00:00.000Z',
    });
    await store().createOffer(second);
    await store().createOffer(first);
    const again = anOffer({
      propertyId: home.propertyId,
      landlordId: home.landlordId,
      applicationId: first.applicationId,
    });

    await expect(store().createOffer(again)).rejects.toBeInstanceOf(ConflictError);

    expect(await store().getOffer(again.offerId)).toBeUndefined();
    expect(await store().listOffersOfHome(home.propertyId)).toEqual([
      { applicationId: first.applicationId, offerId: first.offerId },
      { applicationId: second.applicationId, offerId: second.offerId },
    ]);
    expect(await store().listOffersOfHome(propertyId())).toEqual([]);
  });

  it('approves exactly one of 50 simultaneous approvals of offers of one home to 50 households', async () => {
    const home = aHome({ propertyId: propertyId(), landlordId: landlordId() });
    await store().putHome(home);
    const offers = Array.from({ length: 50 }, () =>
      anOffer({ propertyId: home.propertyId, landlordId: home.landlordId }),
    );
    for (const offer of offers) await store().createOffer(offer);

    const results = await Promise.allSettled(
      offers.map((offer) => store().approveOffer(offer.offerId, APPROVAL)),
    );

    const won = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    expect(won).toHaveLength(1);
    const lost = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
    expect(lost).toHaveLength(49);
    for (const reason of lost) expect(reason).toBeInstanceOf(ConflictError);
    const stored = await Promise.all(offers.map((offer) => store().getOffer(offer.offerId)));
    expect(stored.filter((offer) => offer?.status === 'awaiting-applicant')).toEqual(won);
    expect(stored.filter((offer) => offer?.status === 'awaiting-approval')).toHaveLength(49);
    expect((await store().getHome(home.propertyId))?.status).toBe('offered');
    expect(await store().listAvailableHomes(home.landlordId)).toEqual([]);
  }, 60_000);

  it('refuses to approve an offer twice, or one that is no longer awaiting approval', async () => {
    const home = aHome({ propertyId: propertyId(), landlordId: landlordId() });
    await store().putHome(home);
    const live = await liveOfferOf(home);
    await expect(store().approveOffer(live.offerId, APPROVAL)).rejects.toBeInstanceOf(ConflictError);
    await expect(store().approveOffer(offerId(), APPROVAL)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses a proposal of an offered home, and approval of a proposal once the home has a live offer', async () => {
    const home = aHome({ propertyId: propertyId(), landlordId: landlordId() });
    await store().putHome(home);
    const waiting = anOffer({ propertyId: home.propertyId, landlordId: home.landlordId });
    await store().createOffer(waiting);
    await liveOfferOf(home);

    const late = anOffer({ propertyId: home.propertyId, landlordId: home.landlordId });
    await expect(store().createOffer(late)).rejects.toBeInstanceOf(ConflictError);
    expect(await store().getOffer(late.offerId)).toBeUndefined();
    await expect(store().approveOffer(waiting.offerId, APPROVAL)).rejects.toBeInstanceOf(ConflictError);
    expect(await store().getOffer(waiting.offerId)).toEqual(waiting);
  });

  it("refuses an offer of another landlord's home, and of a home that does not exist", async () => {
    const home = aHome({ propertyId: propertyId(), landlordId: landlordId() });
    await store().putHome(home);
    const poached = anOffer({ propertyId: home.propertyId, landlordId: landlordId() });
    await expect(store().createOffer(poached)).rejects.toBeInstanceOf(ConflictError);
    expect(await store().getOffer(poached.offerId)).toBeUndefined();
    expect(await store().listOffersOfHome(home.propertyId)).toEqual([]);
    expect(await store().getHome(home.propertyId)).toEqual(home);
    expect(await store().listAvailableHomes(home.landlordId)).toEqual([home]);

    const nowhere = anOffer({ propertyId: propertyId(), landlordId: home.landlordId });
    await expect(store().createOffer(nowhere)).rejects.toBeInstanceOf(ConflictError);
    expect(await store().getHome(nowhere.propertyId)).toBeUndefined();
  });

  it.each(['refused', 'withdrawn'] as const)(
    'puts the home back on the available list when the live offer is %s',
    async (status) => {
      const home = aHome({ propertyId: propertyId(), landlordId: landlordId() });
      await store().putHome(home);
      const offer = await liveOfferOf(home);

      const closed = await store().updateOffer(offer.offerId, status, {
        closedReason: 'The household chose another home',
        lapsed: true,
      });

      expect(closed).toEqual({
        ...offer,
        status,
        closedReason: 'The household chose another home',
        lapsed: true,
      });
      expect(await store().getOffer(offer.offerId)).toEqual(closed);
      expect(await store().getHome(home.propertyId)).toEqual(home);
      expect(await store().listAvailableHomes(home.landlordId)).toEqual([home]);
      // The home is free: another household can be offered it.
      await liveOfferOf(home);
    },
  );

  it('keeps an officer’s change to a home made while its offer was live, when the offer closes or lets', async () => {
    for (const [status, after] of [
      ['refused', 'available'],
      ['let', 'let'],
    ] as const) {
      const home = aHome({ propertyId: propertyId(), landlordId: landlordId() });
      await store().putHome(home);
      const offer = await liveOfferOf(home);
      const { propertyId: _id, landlordId: _landlord, status: _status, ...details } = home;
      // The officer's edit lands between the offer's read of the home and its write (the race to lose).
      let edited = false;
      const racing = new DynamoLettingStore(
        {
          send: async (command: unknown) => {
            if (command instanceof TransactWriteCommand && !edited) {
              edited = true;
              await store().updateHomeDetails(home.propertyId, home.landlordId, {
                ...details,
                weeklyRent: 12_000,
              });
            }
            return dynamo.db.send(command as never);
          },
        } as unknown as DynamoDBDocumentClient,
        TABLE,
      );

      await racing.updateOffer(offer.offerId, status, { closedReason: 'Chose another home' });

      expect(await store().getHome(home.propertyId)).toEqual({ ...home, weeklyRent: 12_000, status: after });
      expect(await store().listAvailableHomes(home.landlordId)).toEqual(
        after === 'available' ? [{ ...home, weeklyRent: 12_000 }] : [],
      );
    }
  });

  it('leaves the home alone when a proposal that was never approved is closed', async () => {
    const home = aHome({ propertyId: propertyId(), landlordId: landlordId() });
    await store().putHome(home);
    const proposal = anOffer({ propertyId: home.propertyId, landlordId: home.landlordId });
    await store().createOffer(proposal);
    const live = await liveOfferOf(home);

    await store().updateOffer(proposal.offerId, 'withdrawn', { closedReason: 'Another offer was approved' });

    expect((await store().getHome(home.propertyId))?.status).toBe('offered');
    expect((await store().getOffer(live.offerId))?.status).toBe('awaiting-applicant');
  });

  it('records reminders on a live offer without touching its home', async () => {
    const home = aHome({ propertyId: propertyId(), landlordId: landlordId() });
    await store().putHome(home);
    const offer = await liveOfferOf(home);
    expect(await store().updateOffer(offer.offerId, 'awaiting-applicant', { remindersSent: 1 })).toEqual({
      ...offer,
      remindersSent: 1,
    });
    expect((await store().getHome(home.propertyId))?.status).toBe('offered');
  });

  it('marks the home let when the offer is let, and keeps it off the list', async () => {
    const home = aHome({ propertyId: propertyId(), landlordId: landlordId() });
    await store().putHome(home);
    const offer = await liveOfferOf(home);
    await store().updateOffer(offer.offerId, 'accepted');
    expect((await store().getHome(home.propertyId))?.status).toBe('offered');

    expect(await store().updateOffer(offer.offerId, 'let')).toEqual({ ...offer, status: 'let' });

    expect(await store().getHome(home.propertyId)).toEqual({ ...home, status: 'let' });
    expect(await store().listAvailableHomes(home.landlordId)).toEqual([]);
    await expect(
      store().createOffer(anOffer({ propertyId: home.propertyId, landlordId: home.landlordId })),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it('does not free a home again when an offer that already ended changes status', async () => {
    const home = aHome({ propertyId: propertyId(), landlordId: landlordId() });
    await store().putHome(home);
    const refused = await liveOfferOf(home);
    await store().updateOffer(refused.offerId, 'refused', { closedReason: 'Too far from school' });
    const live = await liveOfferOf(home);

    // The refused offer is withdrawn later (an officer closing the case): the home stays with the live offer.
    await store().updateOffer(refused.offerId, 'withdrawn', { closedReason: 'Case closed' });

    expect((await store().getHome(home.propertyId))?.status).toBe('offered');
    expect(await store().listAvailableHomes(home.landlordId)).toEqual([]);
    await expect(
      store().createOffer(anOffer({ propertyId: home.propertyId, landlordId: home.landlordId })),
    ).rejects.toBeInstanceOf(ConflictError);

    // A let home is not put back on the list by withdrawing its offer afterwards either.
    await store().updateOffer(live.offerId, 'let');
    await store().updateOffer(live.offerId, 'withdrawn', { closedReason: 'Recorded in error' });
    expect((await store().getHome(home.propertyId))?.status).toBe('let');
    expect(await store().listAvailableHomes(home.landlordId)).toEqual([]);
  });

  it('refuses to update an offer that does not exist', async () => {
    await expect(
      store().updateOffer(offerId(), 'refused', { closedReason: 'No such offer' }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('round-trips a tenancy and a key credential', async () => {
    const terms = ['The rent is £112.50 a week.', 'The tenancy starts on 1 December 2026.'];
    const tenancy: Tenancy = {
      tenancyId: `ten_${hex(16)}`,
      offerId: offerId(),
      applicationId: applicationId(),
      propertyId: propertyId(),
      tenants: ['Gareth Pritchard', 'Siân Pritchard'],
      address: 'Flat 3, 14 Weaver Court, Riverside',
      weeklyRent: 11_250,
      startDate: '2026-12-01',
      kind: 'assured-tenancy',
      terms,
      termsSha256: sha256Hex(terms.join('\n')),
      status: 'awaiting-signature',
    };
    await store().putTenancy(tenancy);
    expect(await store().getTenancy(tenancy.tenancyId)).toEqual(tenancy);
    const signed: Tenancy = { ...tenancy, status: 'signed', signedAt: '2026-11-28T14:00:00.000Z' };
    await store().putTenancy(signed);
    expect(await store().getTenancy(tenancy.tenancyId)).toEqual(signed);
    expect(await store().getTenancy(`ten_${hex(16)}`)).toBeUndefined();

    const credential = {
      credentialId: `key_${hex(16)}`,
      tenancyId: tenancy.tenancyId,
      doorId: 'door-weaver-14-3',
      holder: 'Gareth Pritchard',
      validFrom: '2026-12-01',
      validUntil: '2028-11-30',
      issuedAt: '2026-11-28T15:00:00.000Z',
      format: 'jws' as const,
      // The store keeps the credential as text; whether it verifies is the key tests' business.
      jws: 'eyJhbGciOiJFUzI1NiIsInR5cCI6ImRvb3JzdGVwLWtleStqd3QifQ.eyJzdWIiOiJrZXkifQ.c2lnbmF0dXJl',
    };
    await store().putKey(credential);
    const { Item } = await dynamo.db.send(
      new GetCommand({ TableName: TABLE, Key: { pk: `KEY#${credential.credentialId}`, sk: 'KEY' } }),
    );
    expect(Item).toEqual({ pk: `KEY#${credential.credentialId}`, sk: 'KEY', ...credential });
  });
});

describe('DynamoWaitStore', () => {
  const store = () => new DynamoWaitStore(dynamo.db, TABLE);

  it('parks a wait once: parking it again changes nothing', async () => {
    const wait = aWait();
    await store().park(wait);
    await store().park({ ...wait, deadline: '2027-01-01T00:00:00.000Z', status: 'decided' });
    expect(await store().get(wait.decisionId)).toEqual(wait);
    expect(await store().get(`dec_${hex(16)}`)).toBeUndefined();
  });

  it('lets one of two simultaneous claims win', async () => {
    const wait = aWait();
    await store().park(wait);

    const claims = await Promise.all([store().claim(wait.decisionId), store().claim(wait.decisionId)]);

    const won = claims.filter((claim) => claim !== undefined);
    expect(won).toEqual([{ ...wait, status: 'deciding' }]);
    expect(await store().claim(wait.decisionId)).toBeUndefined();
    expect((await store().get(wait.decisionId))?.status).toBe('deciding');
    expect(await store().claim(`dec_${hex(16)}`)).toBeUndefined();
  });

  it('reopens a released wait so it can be claimed again', async () => {
    const wait = aWait();
    await store().park(wait);
    await store().claim(wait.decisionId);

    await store().release(wait.decisionId);

    expect(await store().get(wait.decisionId)).toEqual(wait);
    expect(await store().claim(wait.decisionId)).toEqual({ ...wait, status: 'deciding' });
  });

  it('records the decision on completion, after which the wait cannot be claimed', async () => {
    const wait = aWait({ kind: 'review', waitingFor: WaitingFor.SeniorOfficer });
    await store().park(wait);
    await store().claim(wait.decisionId);
    const decision = { decision: 'proceed', reason: 'Documents checked in person' };

    await store().complete(wait.decisionId, decision);

    expect(await store().get(wait.decisionId)).toEqual({ ...wait, status: 'decided', decision });
    expect(await store().claim(wait.decisionId)).toBeUndefined();
  });

  it('refuses to complete a wait nobody claimed, and releasing it changes nothing', async () => {
    const wait = aWait();
    await store().park(wait);
    await expect(store().complete(wait.decisionId, { decision: 'approve' })).rejects.toBeInstanceOf(
      ConflictError,
    );
    await store().release(wait.decisionId);
    expect(await store().get(wait.decisionId)).toEqual(wait);
  });

  it('lists only the open waits of that application', async () => {
    const application = applicationId();
    const open = aWait({ applicationId: application, createdAt: '2026-11-23T09:00:00.000Z' });
    const alsoOpen = aWait({
      applicationId: application,
      kind: 'attention',
      createdAt: '2026-11-23T10:00:00.000Z',
    });
    const deciding = aWait({ applicationId: application });
    const decided = aWait({ applicationId: application });
    const elsewhere = aWait();
    for (const wait of [open, alsoOpen, deciding, decided, elsewhere]) await store().park(wait);
    await store().claim(deciding.decisionId);
    await store().claim(decided.decisionId);
    await store().complete(decided.decisionId, { decision: 'approve' });
    // An offer of the same application shares the index partition; it is not a wait.
    const lettings = new DynamoLettingStore(dynamo.db, TABLE);
    const home = aHome({ propertyId: propertyId(), landlordId: landlordId() });
    await lettings.putHome(home);
    await lettings.createOffer(
      anOffer({ applicationId: application, propertyId: home.propertyId, landlordId: home.landlordId }),
    );

    const listed = await store().listOpen(application);

    expect(listed.map((wait) => wait.decisionId).sort()).toEqual(
      [open.decisionId, alsoOpen.decisionId].sort(),
    );
    expect(listed.find((wait) => wait.decisionId === open.decisionId)).toEqual(open);
    expect(await store().listOpen(applicationId())).toEqual([]);
  });
});

describe('DynamoAuditLog', () => {
  const log = () => new DynamoAuditLog(dynamo.db, TABLE);

  it('lists the events of an application in time order, and in append order within the same instant', async () => {
    const application = applicationId();
    const event = (at: string, type: string): AuditEvent => ({
      applicationId: application,
      at,
      type,
      actor: 'system',
    });
    const appended = [
      {
        ...event('2026-11-02T09:30:00.000Z', 'waiting'),
        stage: Stage.Eligibility,
        facts: { kind: 'answers', n: 1, urgent: false },
      },
      event('2026-11-02T09:31:00.000Z', 'decided'),
      event('2026-11-02T09:31:00.000Z', 'eligible'),
      event('2026-11-02T09:31:00.000Z', 'qualified'),
      event('2026-11-02T09:31:00.000Z', 'registered'),
    ];
    const earlier = event('2026-11-01T18:00:00.000Z', 'created');
    for (const entry of appended) await log().append(entry);
    await log().append(earlier);
    await log().append({ ...event('2026-11-01T17:00:00.000Z', 'created'), applicationId: applicationId() });
    // The application record shares the partition; it is not an event.
    await new DynamoApplicationStore(dynamo.db, TABLE).create(anApplication({ applicationId: application }));

    expect(await log().list(application)).toEqual([earlier, ...appended]);
  });

  it('keeps two identical events as two entries', async () => {
    const application = applicationId();
    const event: AuditEvent = {
      applicationId: application,
      at: '2026-11-02T09:30:00.000Z',
      type: 'reminded',
      actor: 'system',
    };
    await Promise.all([log().append(event), log().append(event)]);
    expect(await log().list(application)).toEqual([event, event]);
  });
});

describe('DynamoOutboxNotifier', () => {
  it('gives a message that is useless after a time the TTL attribute, in epoch seconds', async () => {
    const now = new Date('2026-11-03T08:00:00.000Z');
    const notifier = new DynamoOutboxNotifier(dynamo.db, TABLE, { now: () => now });
    const marker = hex(8);
    await notifier.send({
      to: { email: 'gareth.pritchard@example.org' },
      template: 'sign-in-code',
      values: { code: '123456', marker },
      discardAfter: '2026-11-03T08:10:00.000Z',
    });

    const { Items } = await dynamo.db.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'OUTBOX#2026-11-03' },
      }),
    );

    const mine = (Items ?? []).find((item) => item.values?.marker === marker);
    expect(mine?.expiresAt).toBe(Date.parse('2026-11-03T08:10:00.000Z') / 1000);
  });

  it("writes the notification to the outbox under the day's partition", async () => {
    const now = new Date('2026-11-02T09:30:15.250Z');
    const notifier = new DynamoOutboxNotifier(dynamo.db, TABLE, { now: () => now });
    const applicant = applicationId();
    await notifier.send({
      to: { applicationId: applicant },
      template: 'wait-answers',
      values: { stage: 'Your household' },
    });
    await notifier.send({
      to: { role: WaitingFor.Officer, landlordId: 'riverside-homes' },
      template: 'wait-approval',
      values: { deadline: '2026-11-09' },
    });

    const { Items } = await dynamo.db.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'OUTBOX#2026-11-02' },
      }),
    );

    const mine = (Items ?? []).filter((item) => item.sk.startsWith(now.toISOString()));
    expect(mine).toHaveLength(2);
    expect(mine).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          to: { applicationId: applicant },
          template: 'wait-answers',
          values: { stage: 'Your household' },
          at: now.toISOString(),
          status: 'queued',
        }),
        expect.objectContaining({
          to: { role: 'officer', landlordId: 'riverside-homes' },
          template: 'wait-approval',
          status: 'queued',
        }),
      ]),
    );
  });
});

describe('DynamoSessionStore', () => {
  const store = () => new DynamoSessionStore(dynamo.db, TABLE);
  const subject = () => `sub_${hex(16)}`;
  const now = new Date('2026-11-02T09:30:00.000Z');
  const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);
  const epoch = (date: Date) => Math.floor(date.getTime() / 1000);
  const rule = { limit: 5, windowSeconds: 3600 };

  function aCode(overrides: Partial<SignInCode> = {}): SignInCode {
    return {
      subject: subject(),
      codeId: hex(12),
      salt: hex(16),
      codeHash: hex(32),
      attempts: 0,
      createdAt: now.toISOString(),
      expiresAt: epoch(now) + 600,
      ...overrides,
    };
  }

  it('admits five code requests in an hour, refuses the sixth until the oldest is an hour old', async () => {
    const who = subject();
    for (let n = 0; n < 5; n++) {
      expect(await store().admitCodeRequest(who, rule, at(n * 60))).toEqual({ admitted: true });
    }

    expect(await store().admitCodeRequest(who, rule, at(600))).toEqual({
      admitted: false,
      retryAfterSeconds: 3000,
    });
    expect(await store().admitCodeRequest(who, rule, at(3599))).toEqual({
      admitted: false,
      retryAfterSeconds: 1,
    });
    expect(await store().admitCodeRequest(who, rule, at(3600))).toEqual({ admitted: true });
    // The second request (at one minute) still holds its place until 1:01.
    expect(await store().admitCodeRequest(who, rule, at(3601))).toEqual({
      admitted: false,
      retryAfterSeconds: 59,
    });
    expect(await store().admitCodeRequest(subject(), rule, at(3601))).toEqual({ admitted: true });
  });

  it('admits exactly five of twelve simultaneous code requests', async () => {
    const who = subject();

    const results = await Promise.all(
      Array.from({ length: 12 }, () => store().admitCodeRequest(who, rule, now)),
    );

    expect(results.filter((result) => result.admitted)).toHaveLength(5);
    expect(results.filter((result) => !result.admitted)).toHaveLength(7);
  });

  it('stores the code under the subject, with a numeric TTL and no address', async () => {
    const code = aCode();
    await store().putCode(code);

    const { Item } = await dynamo.db.send(
      new GetCommand({ TableName: TABLE, Key: { pk: `SIGNIN#${code.subject}`, sk: 'CODE' } }),
    );

    expect(Item).toEqual({ pk: `SIGNIN#${code.subject}`, sk: 'CODE', ...code });
    expect(typeof Item?.expiresAt).toBe('number');
  });

  it('counts attempts atomically: exactly five of twelve simultaneous attempts get the code', async () => {
    const code = aCode();
    await store().putCode(code);

    const attempts = await Promise.all(
      Array.from({ length: 12 }, () => store().attemptCode(code.subject, 5, now)),
    );

    const counted = attempts.filter((attempt) => attempt !== undefined);
    expect(counted.map((attempt) => attempt?.attempts).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(counted[0]).toEqual({ ...code, attempts: counted[0]?.attempts });
    expect(await store().attemptCode(code.subject, 5, now)).toBeUndefined();
  });

  it('gives no attempt at a code from the second it expires', async () => {
    const code = aCode();
    await store().putCode(code);

    expect(await store().attemptCode(code.subject, 5, at(599))).toMatchObject({ attempts: 1 });
    expect(await store().attemptCode(code.subject, 5, at(600))).toBeUndefined();
    expect(await store().attemptCode(subject(), 5, now)).toBeUndefined();
  });

  it('lets exactly one of several simultaneous callers spend a code', async () => {
    const code = aCode();
    await store().putCode(code);

    const spent = await Promise.all(
      Array.from({ length: 6 }, () => store().spendCode(code.subject, code.codeId)),
    );

    expect(spent.filter(Boolean)).toHaveLength(1);
    expect(await store().attemptCode(code.subject, 5, now)).toBeUndefined();
  });

  it('replaces a code with a newer one, which an old code id cannot spend', async () => {
    const old = aCode();
    await store().putCode(old);
    const newer = aCode({ subject: old.subject });
    await store().putCode(newer);

    expect(await store().spendCode(old.subject, old.codeId)).toBe(false);
    expect(await store().attemptCode(old.subject, 5, now)).toEqual({ ...newer, attempts: 1 });
  });

  it('stores, finds and deletes a session by its token hash, never twice under one hash', async () => {
    const session = {
      tokenHash: hex(32),
      subject: subject(),
      email: 'gareth.pritchard@example.org',
      createdAt: now.toISOString(),
      expiresAt: epoch(now) + 43_200,
    };
    await store().putSession(session);
    await expect(store().putSession({ ...session, subject: subject() })).rejects.toThrow();

    expect(await store().getSession(session.tokenHash)).toEqual(session);
    await store().deleteSession(session.tokenHash);
    await store().deleteSession(session.tokenHash);
    expect(await store().getSession(session.tokenHash)).toBeUndefined();
  });

  describe('behind the sessions service', () => {
    function deps() {
      const sent: Notification[] = [];
      return {
        sent,
        sessions: store(),
        clock: { now: () => now },
        notifier: {
          send: async (notification: Notification) => {
            sent.push(notification);
          },
        },
      };
    }
    const lastCode = (sent: Notification[]) => sent.at(-1)?.values.code ?? 'none';

    it('signs in exactly one of five simultaneous requests with the right code', async () => {
      const context = deps();
      const email = `applicant-${hex(6)}@example.org`;
      await requestCode(context, { email });
      const code = lastCode(context.sent);

      const results = await Promise.allSettled(
        Array.from({ length: 5 }, () => verifyCode(context, { email, code })),
      );

      const signedIn = results.filter((result) => result.status === 'fulfilled');
      expect(signedIn).toHaveLength(1);
      const [winner] = signedIn;
      if (winner?.status !== 'fulfilled') throw new Error('nobody signed in');
      expect(await getSession(context, winner.value.token)).toEqual({
        subject: winner.value.subject,
        email,
      });
    });

    it('counts simultaneous wrong guesses: after five, even the right code fails', async () => {
      const context = deps();
      const email = `applicant-${hex(6)}@example.org`;
      await requestCode(context, { email });
      const code = lastCode(context.sent);
      const wrong = code === '000000' ? '000001' : '000000';

      await Promise.allSettled(
        Array.from({ length: SIGN_IN.attemptsPerCode + 3 }, () =>
          verifyCode(context, { email, code: wrong }),
        ),
      );

      await expect(verifyCode(context, { email, code })).rejects.toThrow(/Ask for a new code/);
    });
  });
});
