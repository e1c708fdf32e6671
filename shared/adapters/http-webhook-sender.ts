import { lookup } from 'node:dns/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import ipaddr from 'ipaddr.js';
import {
  type RequestFilteringAgentOptions,
  RequestFilteringHttpAgent,
  RequestFilteringHttpsAgent,
} from 'request-filtering-agent';
import type { WebhookRequest, WebhookResult, WebhookSender } from '../services/webhook-delivery.js';

/** How long one delivery may take, connecting included: Standard Webhooks receivers answer quickly. */
const TIMEOUT_MS = 5_000;

/** Which addresses a webhook may reach: public unicast only, and loopback too under the local runtime. */
function addressFilter(allowLoopback: boolean): Required<RequestFilteringAgentOptions> {
  return {
    allowPrivateIPAddress: false,
    allowMetaIPAddress: false,
    allowIPAddressList: allowLoopback ? ['127.0.0.1', '::1'] : [],
    denyIPAddressList: [],
  };
}

/**
 * Whether the sender's agents would refuse to connect to this address, decided by the same filter options and
 * the same classification (ipaddr.js's `range()`, which request-filtering-agent uses: anything but `unicast` is
 * private, loopback, link-local, metadata or reserved).
 */
export function refusesAddress(address: string, allowLoopback: boolean): boolean {
  const filter = addressFilter(allowLoopback);
  if (filter.allowIPAddressList.includes(address)) return false;
  if (!ipaddr.isValid(address)) return true;
  return ipaddr.parse(address).range() !== 'unicast';
}

/** A host name's addresses, as the sender's connection would look them up (tests inject their own). */
export type HostResolver = (hostname: string) => Promise<string[]>;

export const systemResolver: HostResolver = async (hostname) =>
  (await lookup(hostname, { all: true })).map((found) => found.address);

/**
 * Why a webhook URL's host would be refused, checked when a council registers it (issue 10), or undefined when
 * the sender may reach it: a literal address is judged as it is, a name by every address it resolves to now.
 * The sender checks again at connect time, so a name that resolves elsewhere later (DNS rebinding) is refused
 * then too.
 */
export async function refusedWebhookHost(
  hostname: string,
  options: { allowLoopback: boolean; resolve: HostResolver },
): Promise<string | undefined> {
  const literal = hostname.replace(/^\[(.*)\]$/, '$1');
  const addresses = ipaddr.isValid(literal)
    ? [literal]
    : await options.resolve(hostname).catch(() => undefined);
  if (!addresses || addresses.length === 0) return `url's host ${hostname} does not resolve to an address`;
  const refused = addresses.find((address) => refusesAddress(address, options.allowLoopback));
  return refused === undefined
    ? undefined
    : `url must not point at a private, loopback, link-local or metadata address (${hostname} is ${refused})`;
}

/**
 * Delivers webhooks over HTTP(S), the same in AWS and locally (issue 10). A council's URL is the council's to
 * choose, so the sender guards the network it runs in (SSRF): the agents refuse private, loopback, link-local and
 * metadata addresses at connect time, after DNS resolution, so a name that resolves to one later (DNS rebinding)
 * is refused too. Only the local runtime, whose receivers are on this machine, is allowed loopback. Redirects
 * are not followed (a 3xx is a failed attempt), and an attempt gives up after five seconds. Nothing of the
 * endpoint's answer is kept but its status.
 */
export class HttpWebhookSender implements WebhookSender {
  private readonly httpAgent: RequestFilteringHttpAgent;
  private readonly httpsAgent: RequestFilteringHttpsAgent;

  constructor(options: { allowLoopback: boolean; timeoutMs?: number }) {
    const filter = addressFilter(options.allowLoopback);
    this.httpAgent = new RequestFilteringHttpAgent({ ...filter, keepAlive: true });
    this.httpsAgent = new RequestFilteringHttpsAgent({ ...filter, keepAlive: true });
    this.timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  }

  private readonly timeoutMs: number;

  send(webhook: WebhookRequest): Promise<WebhookResult> {
    const url = new URL(webhook.url);
    const secure = url.protocol === 'https:';
    const request = secure ? httpsRequest : httpRequest;
    return new Promise((resolve) => {
      const req = request(
        url,
        {
          method: 'POST',
          agent: secure ? this.httpsAgent : this.httpAgent,
          headers: { ...webhook.headers, 'content-length': Buffer.byteLength(webhook.body) },
          signal: AbortSignal.timeout(this.timeoutMs),
        },
        (res) => {
          // The body is drained and dropped: it is the council's, and may echo anything.
          res.resume();
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            const redirect = status >= 300 && status < 400 ? ' (redirects are not followed)' : '';
            resolve({ delivered: status >= 200 && status < 300, result: `HTTP ${status}${redirect}` });
          });
          res.on('error', () => resolve({ delivered: false, result: 'the answer broke off' }));
        },
      );
      req.on('error', (error: Error) => resolve({ delivered: false, result: describe(error) }));
      req.end(webhook.body);
    });
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

function describe(error: Error): string {
  if (error.name === 'AbortError' || error.name === 'TimeoutError') return 'timed out';
  // request-filtering-agent's refusal names the address, which is the council's own configuration.
  if (/is not allowed|private|meta/i.test(error.message)) return 'refused: the address is private';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `could not connect (${code})` : 'could not connect';
}
