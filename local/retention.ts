import type { Deps } from '../shared/services/deps.js';
import { type SweepResult, sweepRetention } from '../shared/services/retention.js';

/** How often `npm start` sweeps: hourly, so a demo that moves past a retention date sees it go the same day. */
export const LOCAL_SWEEP_INTERVAL_MS = 60 * 60 * 1000;

export interface RetentionSweeps {
  /** Runs a sweep now (after any sweep still running), as the timer does. */
  runNow(): Promise<SweepResult | undefined>;
  /** Stops the timer and waits for a sweep in progress, so the database is not closed under it. */
  stop(): Promise<void>;
}

/**
 * The retention sweep for the local runtime (DESIGN.md §3): the same service the daily Lambda runs
 * (functions/retention-sweep), once at start and then hourly. A sweep never overlaps another; a failed one is
 * logged and the next retries it.
 */
export function startRetentionSweeps(
  deps: () => Deps,
  log: (line: string) => void,
  intervalMs = LOCAL_SWEEP_INTERVAL_MS,
): RetentionSweeps {
  let running: Promise<SweepResult | undefined> = Promise.resolve(undefined);
  let stopped = false;
  const runNow = () => {
    running = running.then(async () => {
      if (stopped) return undefined;
      try {
        const result = await sweepRetention(deps());
        if (result.deleted > 0 || result.failed.length > 0) {
          log(
            `retention: deleted ${result.deleted} document${result.deleted === 1 ? '' : 's'} or share code${result.deleted === 1 ? '' : 's'}${result.failed.length > 0 ? `, ${result.failed.length} to retry` : ''}`,
          );
        }
        return result;
      } catch (error) {
        log(
          `retention: the sweep failed (${error instanceof Error ? error.name : 'error'}); it runs again within the hour`,
        );
        return undefined;
      }
    });
    return running;
  };
  void runNow();
  const timer = setInterval(() => void runNow(), intervalMs);
  timer.unref();
  return {
    runNow,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
