import type { EventDelivery, StoredCouncilEvent, WebhookEndpoint } from '../../shared/domain/council-events';
import type { CouncilExport } from '../../shared/domain/council-exports';
import type { CouncilEventStore } from '../../shared/services/council-events';
import type { CouncilExportStore } from '../../shared/services/council-exports';

/**
 * Council events in memory, for unit tests of the services: the same contract as the DynamoDB store (which
 * test/integration/council-events.test.ts runs against DynamoDB Local): a council's events in id order, the due
 * index, leases.
 */
export class MemoryCouncilEventStore implements CouncilEventStore {
  readonly events = new Map<string, StoredCouncilEvent & { leaseUntil?: string }>();
  readonly endpoints = new Map<string, WebhookEndpoint>();

  private key = (councilId: string, eventId: string) => `${councilId}/${eventId}`;

  async append(event: StoredCouncilEvent): Promise<void> {
    const key = this.key(event.councilId, event.id);
    if (!this.events.has(key)) this.events.set(key, structuredClone(event));
  }

  async list(councilId: string, after: string | undefined, limit: number): Promise<StoredCouncilEvent[]> {
    return [...this.events.values()]
      .filter((event) => event.councilId === councilId && (!after || event.id > after))
      .sort((a, b) => a.id.localeCompare(b.id))
      .slice(0, limit)
      .map((event) => structuredClone(event));
  }

  async get(councilId: string, eventId: string): Promise<StoredCouncilEvent | undefined> {
    const event = this.events.get(this.key(councilId, eventId));
    return event ? structuredClone(event) : undefined;
  }

  async putEndpoint(endpoint: WebhookEndpoint): Promise<void> {
    this.endpoints.set(endpoint.councilId, { ...endpoint });
  }

  async getEndpoint(councilId: string): Promise<WebhookEndpoint | undefined> {
    return this.endpoints.get(councilId);
  }

  async listDue(now: Date, limit: number): Promise<Array<{ councilId: string; eventId: string }>> {
    return [...this.events.values()]
      .filter(
        (event) =>
          event.delivery?.status === 'pending' && (event.delivery.nextAttemptAt ?? '') <= now.toISOString(),
      )
      .sort((a, b) => (a.delivery?.nextAttemptAt ?? '').localeCompare(b.delivery?.nextAttemptAt ?? ''))
      .slice(0, limit)
      .map((event) => ({ councilId: event.councilId, eventId: event.id }));
  }

  async claim(
    councilId: string,
    eventId: string,
    now: Date,
    leaseUntil: Date,
  ): Promise<StoredCouncilEvent | undefined> {
    const event = this.events.get(this.key(councilId, eventId));
    const due =
      event?.delivery?.status === 'pending' && (event.delivery.nextAttemptAt ?? '') <= now.toISOString();
    if (!event || !due || (event.leaseUntil && event.leaseUntil >= now.toISOString())) return undefined;
    event.leaseUntil = leaseUntil.toISOString();
    const { leaseUntil: _lease, ...claimed } = event;
    return structuredClone(claimed);
  }

  async recordDelivery(councilId: string, eventId: string, delivery: EventDelivery): Promise<void> {
    const event = this.events.get(this.key(councilId, eventId));
    if (!event) throw new Error(`No event ${eventId}`);
    event.delivery = { ...delivery };
    delete event.leaseUntil;
  }
}

/** Export jobs in memory, with the store's claim: a queued job is taken by one worker only. */
export class MemoryCouncilExports implements CouncilExportStore {
  readonly jobs = new Map<string, CouncilExport>();
  async put(job: CouncilExport) {
    this.jobs.set(`${job.councilId}/${job.exportId}`, { ...job });
  }
  async get(councilId: string, exportId: string) {
    const job = this.jobs.get(`${councilId}/${exportId}`);
    return job ? { ...job } : undefined;
  }
  /** When a worker may take the job: a queued one now, a running one once its lease has run out. */
  private static takeableAt(job: CouncilExport): string | undefined {
    if (job.status === 'queued') return job.createdAt;
    return job.status === 'running' ? job.leaseUntil : undefined;
  }
  async listRunnable(now: Date, limit: number) {
    return [...this.jobs.values()]
      .map((job) => ({ job, at: MemoryCouncilExports.takeableAt(job) }))
      .filter(({ at }) => at !== undefined && at <= now.toISOString())
      .sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''))
      .slice(0, limit)
      .map(({ job: { councilId, exportId } }) => ({ councilId, exportId }));
  }
  async claim(councilId: string, exportId: string, now: Date, leaseUntil: Date) {
    const job = this.jobs.get(`${councilId}/${exportId}`);
    const at = job ? MemoryCouncilExports.takeableAt(job) : undefined;
    if (!job || at === undefined || (job.status === 'running' && at >= now.toISOString())) return undefined;
    const running: CouncilExport = {
      ...job,
      status: 'running',
      startedAt: now.toISOString(),
      leaseUntil: leaseUntil.toISOString(),
      attempts: (job.attempts ?? 0) + 1,
    };
    this.jobs.set(`${councilId}/${exportId}`, running);
    return { ...running };
  }
}
