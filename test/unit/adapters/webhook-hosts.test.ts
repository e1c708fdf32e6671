import {
  type HostResolver,
  refusedWebhookHost,
  refusesAddress,
} from '../../../shared/adapters/http-webhook-sender';
import { CouncilRequestError, registerWebhook } from '../../../shared/services/council-events';
import { MemoryCouncilEventStore } from '../../support/council-events';

/** A DNS answer per name, as a council's (or an attacker's) zone might give; no real lookups. */
function zone(answers: Record<string, string[]>): HostResolver {
  return async (hostname) => {
    const found = answers[hostname];
    if (!found) throw Object.assign(new Error(`queryA ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return found;
  };
}

const resolve = zone({
  'hooks.leeds.example': ['93.184.215.14'],
  'internal.leeds.example': ['10.1.2.3'],
  'split.leeds.example': ['93.184.215.14', '169.254.169.254'],
  'v6.leeds.example': ['fd00:ec2::254'],
  localhost: ['127.0.0.1', '::1'],
});

describe('which webhook hosts the sender may reach', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'IPv6 loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'the instance metadata service'],
    ['fd00:ec2::254', 'the IPv6 metadata service'],
    ['0.0.0.0', 'unspecified'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['::ffff:127.0.0.1', 'loopback mapped into IPv6'],
  ])('refuses %s (%s) in AWS', (address) => {
    expect(refusesAddress(address, false)).toBe(true);
  });

  it('allows a public address, and loopback but nothing else private under the local runtime', () => {
    expect(refusesAddress('93.184.215.14', false)).toBe(false);
    expect(refusesAddress('127.0.0.1', true)).toBe(false);
    expect(refusesAddress('::1', true)).toBe(false);
    expect(refusesAddress('10.0.0.1', true)).toBe(true);
    expect(refusesAddress('169.254.169.254', true)).toBe(true);
  });

  it('judges a literal address without looking anything up, and a name by every address it resolves to', async () => {
    const aws = { allowLoopback: false, resolve };
    const noLookups = {
      allowLoopback: false,
      resolve: async () => {
        throw new Error('a literal address must not be looked up');
      },
    };

    expect(await refusedWebhookHost('169.254.169.254', noLookups)).toBe(
      'url must not point at a private, loopback, link-local or metadata address (169.254.169.254 is 169.254.169.254)',
    );
    expect(await refusedWebhookHost('[::1]', noLookups)).toMatch(/\(\[::1\] is ::1\)$/);
    expect(await refusedWebhookHost('93.184.215.14', noLookups)).toBeUndefined();
    expect(await refusedWebhookHost('hooks.leeds.example', aws)).toBeUndefined();
    expect(await refusedWebhookHost('internal.leeds.example', aws)).toMatch(
      /\(internal\.leeds\.example is 10\.1\.2\.3\)$/,
    );
    expect(await refusedWebhookHost('split.leeds.example', aws)).toMatch(/is 169\.254\.169\.254\)$/);
    expect(await refusedWebhookHost('v6.leeds.example', aws)).toMatch(/is fd00:ec2::254\)$/);
    expect(await refusedWebhookHost('localhost', aws)).toMatch(/\(localhost is 127\.0\.0\.1\)$/);
    expect(await refusedWebhookHost('localhost', { allowLoopback: true, resolve })).toBeUndefined();
    expect(await refusedWebhookHost('nowhere.leeds.example', aws)).toBe(
      "url's host nowhere.leeds.example does not resolve to an address",
    );
  });

  it('refuses to register a URL whose host resolves to a private address, with a 400 naming the field', async () => {
    const councilEvents = new MemoryCouncilEventStore();
    const deps = {
      councilEvents,
      clock: { now: () => new Date('2026-11-02T09:30:00Z') },
      allowLoopback: false,
      refusedHost: (hostname: string) => refusedWebhookHost(hostname, { allowLoopback: false, resolve }),
    };

    await expect(
      registerWebhook(deps, 'leeds', { url: 'https://internal.leeds.example/hooks' }),
    ).rejects.toEqual(
      new CouncilRequestError(
        400,
        'url must not point at a private, loopback, link-local or metadata address (internal.leeds.example is 10.1.2.3)',
      ),
    );
    await expect(
      registerWebhook(deps, 'leeds', { url: 'https://[fd00:ec2::254]/latest' }),
    ).rejects.toMatchObject({ status: 400 });
    expect(councilEvents.endpoints.size).toBe(0);

    await registerWebhook(deps, 'leeds', { url: 'https://hooks.leeds.example/doorstep' });
    expect(councilEvents.endpoints.get('leeds')?.url).toBe('https://hooks.leeds.example/doorstep');
  });
});
