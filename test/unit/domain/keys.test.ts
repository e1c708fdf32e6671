import { addDays, startOfLondonDay } from '../../../shared/domain/dates';
import { KEY_VALIDITY_DAYS, keyClaims, keyWindow } from '../../../shared/domain/keys';

describe('startOfLondonDay', () => {
  it.each([
    ['in winter (GMT), is midnight UTC', '2026-11-20', '2026-11-20T00:00:00.000Z'],
    ['in summer (BST), is 23:00 UTC the day before', '2027-07-01', '2027-06-30T23:00:00.000Z'],
    [
      'on the day the clocks go forward (01:00 UTC), is still midnight GMT',
      '2027-03-28',
      '2027-03-28T00:00:00.000Z',
    ],
    ['the day after the clocks go forward, is midnight BST', '2027-03-29', '2027-03-28T23:00:00.000Z'],
    [
      'on the day the clocks go back (01:00 UTC), is still midnight BST',
      '2026-10-25',
      '2026-10-24T23:00:00.000Z',
    ],
    ['the day after the clocks go back, is midnight GMT', '2026-10-26', '2026-10-26T00:00:00.000Z'],
    ['on 29 February', '2028-02-29', '2028-02-29T00:00:00.000Z'],
  ])('%s', (_when, day, instant) => {
    expect(startOfLondonDay(day).toISOString()).toBe(instant);
  });
});

describe('addDays', () => {
  it('counts calendar days across months, years and a leap day', () => {
    expect(addDays('2026-11-20', 729)).toBe('2028-11-18');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });
});

describe('keyClaims', () => {
  const claims = (startDate: string) =>
    keyClaims({
      credentialId: 'key_0123456789abcdef0123456789abcdef',
      tenancy: { tenancyId: 'ten_0123456789abcdef0123456789abcdef', startDate },
      doorId: 'door-weaver-14-3',
      holder: 'Gareth Pritchard',
      issuedAt: new Date('2026-11-02T09:30:00.400Z'),
      jti: '3b0d7c1e-1f2a-4c55-9a37-5c8e2f7d1a64',
    });

  it('names the door, the holder, the tenancy and the credential', () => {
    expect(claims('2026-11-20')).toEqual({
      iss: 'doorstep',
      sub: 'key_0123456789abcdef0123456789abcdef',
      door: 'door-weaver-14-3',
      holder: 'Gareth Pritchard',
      tenancy: 'ten_0123456789abcdef0123456789abcdef',
      nbf: Date.parse('2026-11-20T00:00:00Z') / 1000,
      exp: Date.parse('2028-11-19T00:00:00Z') / 1000,
      iat: Date.parse('2026-11-02T09:30:00Z') / 1000,
      jti: '3b0d7c1e-1f2a-4c55-9a37-5c8e2f7d1a64',
    });
  });

  it('works from 00:00 UK time on the start date, also in British Summer Time', () => {
    const { nbf, exp } = claims('2027-07-01');
    expect(new Date(nbf * 1000).toISOString()).toBe('2027-06-30T23:00:00.000Z');
    // Two years later is summer again: the key stops at 00:00 BST the day after its last day.
    expect(new Date(exp * 1000).toISOString()).toBe('2029-06-29T23:00:00.000Z');
  });

  it('stops at 00:00 UK time the day after the window’s last day', () => {
    const window = keyWindow('2026-11-20');
    expect(window).toEqual({ validFrom: '2026-11-20', validUntil: '2028-11-18' });
    expect(addDays(window.validFrom, KEY_VALIDITY_DAYS)).toBe(addDays(window.validUntil, 1));
    expect(claims('2026-11-20').exp).toBe(startOfLondonDay('2028-11-19').getTime() / 1000);
  });
});
