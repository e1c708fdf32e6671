import { createHash } from 'node:crypto';
import type { CouncilGate } from '../../functions/councils/handler';
import type {
  IdempotentOutcome,
  IdempotentRequest,
  IdempotentRequests,
} from '../../shared/services/council-idempotency';
import type { CouncilUsageStore } from '../../shared/services/council-limits';

/**
 * In-memory stand-ins for the councils' gate's rate counts and idempotency records, for unit tests of council
 * routes (the DynamoDB and Powertools ones are tested against DynamoDB Local in test/integration/councils-gate).
 */
export class MemoryCouncilUsage implements CouncilUsageStore {
  private readonly counts = new Map<string, number>();
  async count(clientId: string, window: string, limit: number): Promise<boolean> {
    const key = `${clientId}|${window}`;
    const count = this.counts.get(key) ?? 0;
    if (count >= limit) return false;
    this.counts.set(key, count + 1);
    return true;
  }
}

export class MemoryIdempotentRequests implements IdempotentRequests {
  private readonly answers = new Map<string, { fingerprint: string; value: unknown }>();
  async run<T>(request: IdempotentRequest, execute: () => Promise<T>): Promise<IdempotentOutcome<T>> {
    const key = `${request.clientId}|${request.key}`;
    const fingerprint = createHash('sha256').update(JSON.stringify(request.fingerprint)).digest('hex');
    const kept = this.answers.get(key);
    if (kept)
      return kept.fingerprint === fingerprint
        ? { kind: 'answer', value: kept.value as T, replayed: true }
        : { kind: 'different-request' };
    const value = await execute();
    this.answers.set(key, { fingerprint, value });
    return { kind: 'answer', value, replayed: false };
  }
}

/** The gate's parts besides tokens and clients, in memory. */
export const memoryGateParts = (): Pick<CouncilGate, 'usage' | 'idempotency'> => ({
  usage: new MemoryCouncilUsage(),
  idempotency: new MemoryIdempotentRequests(),
});
