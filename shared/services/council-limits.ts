import type { Clock } from '../ports.js';
import type { CouncilClientRecord } from './council-auth.js';

/**
 * Per-client rate limits and quotas of the partner councils' API (issue 10): a burst limit per clock second
 * and a daily quota (UTC days), each counted in the table by one conditional ADD, so concurrent requests on
 * any number of Lambda containers cannot exceed them. A client's record may raise or lower its limits (the
 * benchmark's client does); these are the defaults.
 */
export const DEFAULT_COUNCIL_LIMITS = { perSecond: 10, perDay: 10_000 } as const;

/** Counts requests in windows; admits one only while its window's count is under the limit. */
export interface CouncilUsageStore {
  /**
   * Adds one to `window`'s count for the client if it is below `limit` (true), else leaves it (false).
   * `expiresAt` (epoch seconds) is when the count may be deleted.
   */
  count(clientId: string, window: string, limit: number, expiresAt: number): Promise<boolean>;
}

export interface CouncilLimitDeps {
  usage: CouncilUsageStore;
  clock: Clock;
}

export type Admission = { admitted: true } | { admitted: false; retryAfterSeconds: number; reason: string };

/** Whether a client's request may go ahead now: the burst limit first, then the day's quota. */
export async function admitCouncilRequest(
  deps: CouncilLimitDeps,
  client: Pick<CouncilClientRecord, 'clientId' | 'limits'>,
): Promise<Admission> {
  const now = deps.clock.now();
  const epochSecond = Math.floor(now.getTime() / 1000);
  const limits = {
    perSecond: client.limits?.perSecond ?? DEFAULT_COUNCIL_LIMITS.perSecond,
    perDay: client.limits?.perDay ?? DEFAULT_COUNCIL_LIMITS.perDay,
  };
  if (!(await deps.usage.count(client.clientId, `S#${epochSecond}`, limits.perSecond, epochSecond + 60)))
    return {
      admitted: false,
      retryAfterSeconds: 1,
      reason: `This client may make ${limits.perSecond} requests a second. Wait a second and try again.`,
    };
  const day = now.toISOString().slice(0, 10);
  const midnight = Date.parse(`${day}T00:00:00Z`) / 1000 + 86_400;
  if (!(await deps.usage.count(client.clientId, `D#${day}`, limits.perDay, midnight + 86_400)))
    return {
      admitted: false,
      retryAfterSeconds: Math.max(1, midnight - epochSecond),
      reason: `This client has used its quota of ${limits.perDay} requests for today (UTC). It renews at midnight UTC.`,
    };
  return { admitted: true };
}
