import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpWebhookSender } from '../shared/adapters/http-webhook-sender.js';
import type { FileDocumentStore } from '../shared/adapters/local/file-document-store.js';
import type { Clock } from '../shared/ports.js';
import { runQueuedExports } from '../shared/services/council-exports.js';
import type { Deps } from '../shared/services/deps.js';
import { deliverDue } from '../shared/services/webhook-delivery.js';

/**
 * The partner councils' worker under `npm start` (issue 10): the same delivery and export code the
 * council-events function runs every minute in AWS, run here every second and at once when an event or export
 * is written (`wake`), so a council's receiver on this machine hears within moments. Loopback receivers are
 * allowed (a council's test receiver on 127.0.0.1); private addresses elsewhere are still refused.
 */
export function startCouncilWorker(deps: () => Deps, log: (line: string) => void, intervalMs = 1_000) {
  const sender = new HttpWebhookSender({ allowLoopback: true });
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  const run = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      try {
        do {
          again = false;
          const exports = await runQueuedExports(deps());
          const attempts = await deliverDue({ ...deps(), sender });
          if (exports > 0) log(`council exports: ran ${exports}`);
          if (attempts > 0) again ||= attempts >= 50;
        } while (again && !stopped);
      } catch (error) {
        log(`council events worker: ${(error as Error).name}; it tries again shortly`);
      } finally {
        running = undefined;
      }
    })();
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    wake: run,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      sender.close();
    },
  };
}

/**
 * `/local/downloads`: serves a signed download link of the local document store, as S3 serves a presigned GET:
 * 403 for a changed or expired link, 404 when the file is gone, the file as an attachment otherwise.
 */
export function downloadEndpoint(options: { store: FileDocumentStore; clock: Clock }) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const refuse = (status: number, error: string) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ error }));
    };
    request.resume();
    if (request.method !== 'GET') {
      refuse(405, 'Use GET');
      return;
    }
    const query = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams;
    const checked = options.store.checkDownload(query, options.clock.now());
    if ('refused' in checked) {
      refuse(403, checked.refused);
      return;
    }
    void options.store.read(checked.key).then(
      (bytes) => {
        if (!bytes) {
          refuse(404, 'The file is no longer there');
          return;
        }
        response.writeHead(200, {
          'content-type': checked.filename.endsWith('.csv')
            ? 'text/csv; charset=utf-8'
            : 'application/octet-stream',
          'content-disposition': `attachment; filename="${checked.filename}"`,
          'cache-control': 'no-store',
        });
        response.end(bytes);
      },
      () => refuse(500, 'The file could not be read'),
    );
  };
}
