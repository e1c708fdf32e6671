import { randomBytes } from 'node:crypto';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoLettingStore } from '../../shared/adapters/aws/dynamodb';
import { keys } from '../../shared/adapters/aws/keys';
import type { HomeDetails, Property } from '../../shared/domain/letting';
import { ConflictError, NotFoundError } from '../../shared/ports';
import { journeyTableInDynamoDbLocal } from '../support/journey-table';

/**
 * The landlord's stock in the journey table, against a real DynamoDB Local: every home of a landlord is one query
 * away (then each home by key), whatever its status, and an officer's edit never writes the status the offer flow owns.
 */

const TABLE = 'doorstep-stock-test';
const dynamo = journeyTableInDynamoDbLocal(TABLE);

const store = () => new DynamoLettingStore(dynamo.db, TABLE);
const landlord = () => `landlord-${randomBytes(4).toString('hex')}`;
const aHome = (landlordId: string, overrides: Partial<Property> = {}): Property => ({
  propertyId: `prop_${randomBytes(8).toString('hex')}`,
  landlordId,
  address: '22 Mill Lane, Riverside',
  postcode: 'RV1 4AB',
  bedrooms: 2,
  weeklyRent: 11_250,
  doorId: 'door-mill-22',
  availableFrom: '2026-12-08',
  status: 'available',
  bedSpaces: 4,
  weeklyServiceCharge: 850,
  tenure: 'general-needs',
  petsAllowed: false,
  ...overrides,
});
const detailsOf = ({ propertyId: _id, landlordId: _landlord, status: _status, ...details }: Property) =>
  details;

describe('DynamoLettingStore stock', () => {
  it('lists a landlord’s homes in every status, added or put, and no other landlord’s', async () => {
    // Prepare
    const riverside = landlord();
    const added = aHome(riverside);
    const let_ = aHome(riverside, { status: 'let' });
    const offered = aHome(riverside, { status: 'offered' });
    const elsewhere = aHome(landlord());

    // Act
    await store().createHome(added);
    for (const home of [let_, offered, elsewhere]) await store().putHome(home);
    const homes = await store().listHomes(riverside);

    // Assess
    const byId = (a: Property, b: Property) => a.propertyId.localeCompare(b.propertyId);
    expect(homes.sort(byId)).toEqual([added, let_, offered].sort(byId));
    expect(await store().listAvailableHomes(riverside)).toEqual([added]);
    await expect(store().createHome({ ...added, address: 'Somewhere else' })).rejects.toThrow(ConflictError);
    expect(await store().getHome(added.propertyId)).toEqual(added);
  });

  it('replaces the details, removing what was left out, and keeps the status and the available list in date order', async () => {
    // Prepare
    const riverside = landlord();
    const sooner = aHome(riverside, { availableFrom: '2026-12-01' });
    const later = aHome(riverside, { availableFrom: '2026-12-20' });
    const let_ = aHome(riverside, { status: 'let' });
    for (const home of [sooner, later, let_]) await store().createHome(home);
    const { petsAllowed: _pets, weeklyServiceCharge: _charge, ...fewer } = detailsOf(later);
    const moved: HomeDetails = { ...fewer, availableFrom: '2026-11-25', accessibility: ['step-free'] };

    // Act
    const written = await store().updateHomeDetails(later.propertyId, riverside, moved);
    const relet = await store().updateHomeDetails(let_.propertyId, riverside, {
      ...detailsOf(let_),
      weeklyRent: 12_000,
    });

    // Assess
    const expected = { ...moved, propertyId: later.propertyId, landlordId: riverside, status: 'available' };
    expect(written).toEqual(expected);
    expect(await store().getHome(later.propertyId)).toEqual(expected);
    expect(await store().listAvailableHomes(riverside)).toEqual([expected, sooner]);
    expect(relet).toEqual({ ...let_, weeklyRent: 12_000 });
    expect(await store().getHome(let_.propertyId)).toEqual({ ...let_, weeklyRent: 12_000 });
  });

  it('answers another landlord’s home, or none, as not found, and leaves it as it was', async () => {
    // Prepare
    const home = aHome(landlord());
    await store().createHome(home);

    // Act
    const another = store().updateHomeDetails(home.propertyId, landlord(), detailsOf(home));
    const missing = store().updateHomeDetails('prop_nowhere', home.landlordId, detailsOf(home));

    // Assess
    await expect(another).rejects.toThrow(NotFoundError);
    await expect(missing).rejects.toThrow(NotFoundError);
    expect(await store().getHome(home.propertyId)).toEqual(home);
  });

  it('keeps an offer taken between reading the home and writing the edit, and leaves it off the available list', async () => {
    // Prepare
    const home = aHome(landlord());
    await store().createHome(home);
    const db = dynamo.db;
    const send = db.send.bind(db) as (command: unknown) => Promise<unknown>;
    const spy = jest.spyOn(db, 'send').mockImplementationOnce((async (command: unknown) => {
      const answer = await send(command);
      // The offer flow takes the home just after the edit read it.
      await send(
        new UpdateCommand({
          TableName: TABLE,
          Key: keys.home(home.propertyId),
          UpdateExpression: 'SET #status = :offered REMOVE gsi1pk, gsi1sk',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':offered': 'offered' },
        }),
      );
      return answer;
    }) as never);

    // Act
    const written = await store().updateHomeDetails(home.propertyId, home.landlordId, {
      ...detailsOf(home),
      bedSpaces: 3,
    });
    spy.mockRestore();

    // Assess
    expect(written).toEqual({ ...home, bedSpaces: 3, status: 'offered' });
    expect(await store().getHome(home.propertyId)).toEqual({ ...home, bedSpaces: 3, status: 'offered' });
    expect(await store().listAvailableHomes(home.landlordId)).toEqual([]);
  });

  it('adds a home stored before the stock index to its landlord’s list when it is next edited', async () => {
    // Prepare
    const home = aHome(landlord(), { status: 'let' });
    await dynamo.db.send(
      new PutCommand({ TableName: TABLE, Item: { ...keys.home(home.propertyId), ...home } }),
    );
    const before = await store().listHomes(home.landlordId);

    // Act
    await store().updateHomeDetails(home.propertyId, home.landlordId, detailsOf(home));

    // Assess
    expect(before).toEqual([]);
    expect(await store().listHomes(home.landlordId)).toEqual([home]);
  });
});
