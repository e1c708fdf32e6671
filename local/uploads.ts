import type { IncomingMessage, ServerResponse } from 'node:http';
import busboy from 'busboy';
import { QUARANTINE_PREFIX } from '../functions/document-received/handler.js';
import type { FileDocumentStore } from '../shared/adapters/local/file-document-store.js';
import type { Clock } from '../shared/ports.js';

export interface UploadEndpointOptions {
  store: FileDocumentStore;
  clock: Clock;
  /** What S3's ObjectCreated notification triggers in AWS: the document-received handler. */
  objectCreated: (event: unknown) => Promise<unknown>;
  log?: (line: string) => void;
}

/**
 * The local stand-in for S3's presigned POST (DESIGN.md §3): a multipart/form-data POST whose fields are the
 * slot's, then the file. It refuses what S3 would refuse — a changed or expired slot (403), another content
 * type (403), more bytes than the slot allows (413, counted on the stream, the rest is never buffered) — writes
 * the bytes into quarantine, and then runs the same handler an S3 notification runs in AWS. It answers 204, or,
 * for a slot signed with a `success_action_redirect`, 303 See Other back to that page, as S3 does, so a browser
 * without JavaScript lands on a page instead of an empty answer. Refusals keep their error answers.
 */
export function uploadEndpoint(options: UploadEndpointOptions) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const answer = (status: number, body?: unknown, location?: string) => {
      if (response.headersSent) return;
      response.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        connection: 'close',
        ...(location === undefined ? {} : { location }),
      });
      response.end(body === undefined ? '' : JSON.stringify(body));
    };
    if (request.method !== 'POST' || !/^multipart\/form-data/i.test(request.headers['content-type'] ?? '')) {
      request.resume();
      answer(400, {
        error: 'Send the upload as a multipart/form-data POST with the slot’s fields, then the file.',
      });
      return;
    }
    const fields: Record<string, string> = {};
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: request.headers, limits: { files: 1, fields: 20, fieldSize: 4096 } });
    } catch {
      request.resume();
      answer(400, { error: 'The upload form could not be read.' });
      return;
    }
    let done = false;
    let sawFile = false;
    const finish = (status: number, body?: unknown, location?: string) => {
      if (done) return;
      done = true;
      request.unpipe(parser);
      request.resume();
      answer(status, body, location);
    };

    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, file) => {
      sawFile = true;
      const slot = options.store.checkSlot(fields, options.clock.now());
      if (name !== 'file') {
        file.resume();
        return finish(400, {
          error: 'The file must be sent in the field called "file", after the slot’s fields.',
        });
      }
      if ('refused' in slot) {
        file.resume();
        return finish(403, { error: slot.refused });
      }
      const chunks: Buffer[] = [];
      let size = 0;
      file.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > slot.maxBytes) {
          file.resume();
          finish(413, { error: `The file is larger than the ${slot.maxBytes} bytes declared for it.` });
          return;
        }
        chunks.push(chunk);
      });
      file.on('end', () => {
        if (done) return;
        if (size === 0) return finish(400, { error: 'The file is empty.' });
        void (async () => {
          try {
            await options.store.receive(slot.key, Buffer.concat(chunks));
            await options.objectCreated({
              Records: [
                { s3: { object: { key: encodeURIComponent(`${QUARANTINE_PREFIX}${slot.key}`), size } } },
              ],
            });
            if (slot.redirectTo === undefined) return finish(204);
            finish(303, undefined, redirectAfterUpload(slot.redirectTo, `${QUARANTINE_PREFIX}${slot.key}`));
          } catch (error) {
            options.log?.(
              `upload of ${slot.key} failed: ${(error as Error).name}: ${(error as Error).message}`,
            );
            finish(500, { error: 'The upload could not be stored. Try again.' });
          }
        })();
      });
    });
    parser.on('error', () => finish(400, { error: 'The upload form could not be read.' }));
    parser.on('close', () => {
      if (!sawFile) finish(400, { error: 'The upload had no file.' });
    });
    request.pipe(parser);
  };
}

/**
 * Where S3 sends a browser after a successful POST with `success_action_redirect`: the page, with the object's
 * key added to its query (S3 adds `bucket` and `etag` too; nothing local has them to give).
 */
export function redirectAfterUpload(redirectTo: string, objectKey: string): string {
  const location = new URL(redirectTo);
  location.searchParams.append('key', objectKey);
  return location.href;
}
