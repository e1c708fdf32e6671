import * as z from 'zod';
import { LandlordId } from '../domain/application.js';
import { lettingsLogCsv } from '../domain/lettings-log.js';
import type { Deps } from './deps.js';

/** The longest range one export covers: a year, counting both days (a leap year has 366). */
const MAX_DAYS = 366;

const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;

/** The dates of a lettings log export, both days included: `from` no later than `to`, at most a year apart. */
export const LettingsLogRange = z
  .object({
    from: z.iso.date('Give from as a date, like 2026-04-01'),
    to: z.iso.date('Give to as a date, like 2027-03-31'),
  })
  .superRefine(({ from, to }, context) => {
    const days = dayNumber(to) - dayNumber(from) + 1;
    if (days < 1) {
      context.addIssue({ code: 'custom', path: ['to'], message: 'to must be on or after from' });
    } else if (days > MAX_DAYS) {
      context.addIssue({
        code: 'custom',
        path: ['to'],
        message: `An export covers at most ${MAX_DAYS} days; this range covers ${days}`,
      });
    }
  });
export type LettingsLogRange = z.infer<typeof LettingsLogRange>;

/**
 * A landlord's lettings log for the dates, as CSV, with the file name it downloads as. Each letting in it is
 * about a household, so each household's audit trail records which officer downloaded it (the audit log is
 * kept per application; an export of no lettings discloses nothing and records nothing).
 */
export async function lettingsLogExport(
  deps: Pick<Deps, 'lettings' | 'audit' | 'clock'>,
  input: { landlordId: string; officerId: string; query: unknown },
): Promise<{ csv: string; filename: string }> {
  const landlordId = LandlordId.parse(input.landlordId);
  const { from, to } = LettingsLogRange.parse(input.query ?? {});
  const records = await deps.lettings.listLettingsLog(landlordId, from, to);
  // The store reads the landlord's own partition; this keeps another landlord's rows out whatever a store does.
  const own = records.filter((record) => record.landlordId === landlordId);
  const at = deps.clock.now().toISOString();
  await Promise.all(
    own.map((record) =>
      deps.audit.append({
        applicationId: record.applicationId,
        at,
        type: 'lettings-log-downloaded',
        actor: 'officer',
        facts: { officerId: input.officerId, tenancyId: record.tenancyId, from, to },
      }),
    ),
  );
  return { csv: lettingsLogCsv(own), filename: `lettings-log-${landlordId}-${from}-${to}.csv` };
}
