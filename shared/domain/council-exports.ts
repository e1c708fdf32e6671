import * as z from 'zod';

/**
 * A council's export of its nominations and their outcomes (issue 10), for its returns: run as a job outside
 * the request, so thousands of rows never time one out, and fetched by a short-lived link once done.
 */

export const ExportId = z
  .string()
  .regex(/^exp_[0-9a-f]{32}$/, 'An export id looks like exp_ followed by 32 hexadecimal digits');

export const ExportStatus = z.enum(['queued', 'running', 'done', 'failed']);

export const CouncilExport = z.object({
  exportId: ExportId,
  councilId: z.string().min(1),
  status: ExportStatus,
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().optional(),
  /**
   * While running: until when its worker holds it. A worker that dies (a function timed out, a process
   * restarted) leaves it running, so once this has passed another worker takes it again.
   */
  leaseUntil: z.iso.datetime().optional(),
  /** How many times a worker has taken it: one that keeps killing its worker fails instead of looping. */
  attempts: z.number().int().min(0).optional(),
  completedAt: z.iso.datetime().optional(),
  /** Nominations in the file. */
  rows: z.number().int().min(0).optional(),
  /** Where the file is in the document store; never shown to the council (it gets a link). */
  key: z.string().optional(),
  /** Why it failed, in plain English without personal data. */
  failure: z.string().optional(),
});
export type CouncilExport = z.infer<typeof CouncilExport>;

/**
 * One nomination's line: the council's reference and Doorstep's id, dates, where it is, the landlord's decision,
 * the outcome and the let home's size. No names, dates of birth or contact details: the council holds those
 * against its own reference.
 */
export interface ExportRow {
  councilReference: string;
  nominationId: string;
  landlordId: string;
  nominatedOn: string;
  decisionDueBy: string;
  status: string;
  decision: string;
  decidedOn: string;
  decidedLate: string;
  outcome: string;
  bedrooms: string;
}

export const EXPORT_COLUMNS: ReadonlyArray<[keyof ExportRow, string]> = [
  ['councilReference', 'council_reference'],
  ['nominationId', 'nomination_id'],
  ['landlordId', 'landlord'],
  ['nominatedOn', 'nominated_on'],
  ['decisionDueBy', 'decision_due_by'],
  ['status', 'status'],
  ['decision', 'decision'],
  ['decidedOn', 'decided_on'],
  ['decidedLate', 'decided_late'],
  ['outcome', 'outcome'],
  ['bedrooms', 'bedrooms'],
];

/**
 * One CSV cell (RFC 4180), safe to open in a spreadsheet: a value a spreadsheet would run as a formula (it starts
 * with =, +, -, @, a tab or a carriage return: OWASP's CSV injection list) is prefixed with an apostrophe, then
 * anything with a comma, quote or line break is quoted, quotes doubled.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(values: readonly string[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

export const csvHeader = (): string => csvLine(EXPORT_COLUMNS.map(([, title]) => title));

export const csvRow = (row: ExportRow): string => csvLine(EXPORT_COLUMNS.map(([field]) => row[field]));
