import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import {
  type CouncilExport,
  csvHeader,
  csvRow,
  ExportId,
  type ExportRow,
} from '../domain/council-exports.js';
import { type ListPosition, type Nomination, nominationStatus } from '../domain/nominations.js';
import type { ApplicationStore, Clock, DocumentStore, LettingStore, NominationStore } from '../ports.js';
import { CouncilRequestError } from './council-events.js';

/** Export jobs (DynamoDB in AWS and under `npm start`). */
export interface CouncilExportStore {
  put(job: CouncilExport): Promise<void>;
  get(councilId: string, exportId: string): Promise<CouncilExport | undefined>;
  /**
   * Jobs a worker may take at `now`, oldest first (eventually consistent): queued ones, and running ones whose
   * worker's lease has run out.
   */
  listRunnable(now: Date, limit: number): Promise<Array<{ councilId: string; exportId: string }>>;
  /**
   * Takes a queued job, or a running one whose lease has expired, to run it until `leaseUntil` (→ running,
   * attempts + 1): undefined when another worker holds it or it has finished.
   */
  claim(councilId: string, exportId: string, now: Date, leaseUntil: Date): Promise<CouncilExport | undefined>;
}

/** What the council reads of its export: a link to the file once it is done, never the file's place. */
export const ExportView = z
  .object({
    exportId: z.string(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    createdAt: z.string(),
    completedAt: z.string().optional(),
    rows: z.number().optional().describe('Nominations in the file'),
    download: z
      .object({
        url: z
          .string()
          .describe('A GET of this URL returns the CSV, until expiresAt; ask again for a fresh link'),
        expiresAt: z.string(),
      })
      .optional(),
    failure: z.string().optional(),
  })
  .meta({ description: 'An export of the council’s nominations and their outcomes (CSV)' });
export type ExportView = z.infer<typeof ExportView>;

/** `POST /v1/exports` takes no options yet: an empty object (or none), strict so a typo is a 400. */
export const StartExportBody = z
  .object({})
  .strict()
  .meta({ description: 'Starts an export of every nomination the council has made, with its outcome' });

export interface ExportDeps {
  councilExports: CouncilExportStore;
  clock: Clock;
  /** Tells the local runtime's worker there is a job to run (AWS: its next scheduled run finds it). */
  wake?: () => void;
}

/** How long a download link works. */
const LINK_SECONDS = 5 * 60;

/** Queues an export of the council's nominations: the worker runs it outside the request. */
export async function startExport(deps: ExportDeps, councilId: string): Promise<ExportView> {
  const job: CouncilExport = {
    exportId: `exp_${randomBytes(16).toString('hex')}`,
    councilId,
    status: 'queued',
    createdAt: deps.clock.now().toISOString(),
  };
  await deps.councilExports.put(job);
  deps.wake?.();
  return view(job);
}

/** The council's export, with a fresh short-lived link when done; another council's is a 404. */
export async function exportStatus(
  deps: ExportDeps & { documents: Pick<DocumentStore, 'downloadLink'> },
  councilId: string,
  exportId: string,
): Promise<ExportView> {
  const job = ExportId.safeParse(exportId).success
    ? await deps.councilExports.get(councilId, exportId)
    : undefined;
  if (!job) throw new CouncilRequestError(404, 'There is no export with that id for your council');
  if (job.status !== 'done' || !job.key) return view(job);
  const expiresAt = new Date(deps.clock.now().getTime() + LINK_SECONDS * 1000);
  const url = await deps.documents.downloadLink(job.key, expiresAt, `${job.exportId}.csv`);
  return { ...view(job), download: { url, expiresAt: expiresAt.toISOString() } };
}

function view(job: CouncilExport): ExportView {
  return {
    exportId: job.exportId,
    status: job.status,
    createdAt: job.createdAt,
    ...(job.completedAt ? { completedAt: job.completedAt } : {}),
    ...(job.rows !== undefined ? { rows: job.rows } : {}),
    ...(job.failure ? { failure: job.failure } : {}),
  };
}

export interface ExportRunDeps extends ExportDeps {
  nominations: Pick<NominationStore, 'listByCouncil'>;
  applications: Pick<ApplicationStore, 'get'>;
  lettings: Pick<LettingStore, 'getOffer' | 'getHome'>;
  documents: Pick<DocumentStore, 'put'>;
}

/** Nominations read per page: each page's households are looked up together. */
const PAGE = 100;

/**
 * How long a worker holds an export it took: longer than the council-events function may run (2 minutes,
 * infra/constructs/council-events.ts), so no live worker loses its job; a dead one's is taken again after it.
 */
export const EXPORT_LEASE_SECONDS = 5 * 60;

/** A job taken this many times without finishing is failed: something in it kills the worker. */
const MAX_EXPORT_ATTEMPTS = 3;

const FAILURE = 'The export could not be made; start another, and tell us if it fails again';

/**
 * Runs every export a worker may take (the worker's one run): queued ones, and running ones whose worker died
 * (its lease expired), so every export the council started completes. Answers how many it took.
 */
export async function runQueuedExports(deps: ExportRunDeps, limit = 5): Promise<number> {
  let ran = 0;
  for (const ref of await deps.councilExports.listRunnable(deps.clock.now(), limit)) {
    const now = deps.clock.now();
    const job = await deps.councilExports.claim(
      ref.councilId,
      ref.exportId,
      now,
      new Date(now.getTime() + EXPORT_LEASE_SECONDS * 1000),
    );
    if (!job) continue;
    ran += 1;
    const { leaseUntil: _held, ...taken } = job;
    if ((job.attempts ?? 1) > MAX_EXPORT_ATTEMPTS) {
      await deps.councilExports.put({
        ...taken,
        status: 'failed',
        failure: FAILURE,
        completedAt: now.toISOString(),
      });
      continue;
    }
    try {
      const { csv, rows } = await buildCsv(deps, job.councilId);
      const key = `exports/${job.councilId}/${job.exportId}.csv`;
      await deps.documents.put(key, new TextEncoder().encode(csv), 'text/csv');
      await deps.councilExports.put({
        ...taken,
        status: 'done',
        rows,
        key,
        completedAt: deps.clock.now().toISOString(),
      });
    } catch {
      await deps.councilExports.put({
        ...taken,
        status: 'failed',
        failure: FAILURE,
        completedAt: deps.clock.now().toISOString(),
      });
    }
  }
  return ran;
}

/** The CSV of every nomination of the council, a page at a time, newest first. */
async function buildCsv(deps: ExportRunDeps, councilId: string): Promise<{ csv: string; rows: number }> {
  const parts = [csvHeader()];
  let rows = 0;
  let after: ListPosition | undefined;
  do {
    const page = await deps.nominations.listByCouncil(councilId, {
      limit: PAGE,
      ...(after ? { after } : {}),
    });
    const lines = await Promise.all(
      page.nominations.map(async (nomination) => csvRow(await rowOf(deps, nomination))),
    );
    parts.push(...lines);
    rows += lines.length;
    after = page.next;
  } while (after);
  return { csv: parts.join(''), rows };
}

async function rowOf(deps: ExportRunDeps, nomination: Nomination): Promise<ExportRow> {
  const application = nomination.applicationId
    ? await deps.applications.get(nomination.applicationId)
    : undefined;
  const status = nominationStatus(nomination, application);
  let bedrooms = '';
  if (application?.status === 'let' && application.currentOfferId) {
    const offer = await deps.lettings.getOffer(application.currentOfferId);
    const home = offer ? await deps.lettings.getHome(offer.propertyId) : undefined;
    bedrooms = home ? String(home.bedrooms) : '';
  }
  return {
    councilReference: nomination.councilReference,
    nominationId: nomination.nominationId,
    landlordId: nomination.landlordId,
    nominatedOn: nomination.createdAt.slice(0, 10),
    decisionDueBy: nomination.decisionDueBy,
    status,
    decision: nomination.decision?.outcome ?? '',
    decidedOn: nomination.decision?.decidedAt.slice(0, 10) ?? '',
    decidedLate: nomination.decision ? (nomination.decision.late ? 'yes' : 'no') : '',
    outcome:
      status === 'housed'
        ? 'housed'
        : status === 'withdrawn'
          ? 'withdrawn'
          : application?.status === 'closed'
            ? 'closed'
            : 'open',
    bedrooms,
  };
}
