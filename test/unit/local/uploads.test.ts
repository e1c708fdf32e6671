import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uploadEndpoint } from '../../../local/uploads';
import { FileDocumentStore } from '../../../shared/adapters/local/file-document-store';
import type { Clock, UploadSlot } from '../../../shared/ports';

/**
 * The local stand-in for S3's presigned POST, served on 127.0.0.1 with a real store in a temporary folder: what a
 * browser without JavaScript gets back after posting the upload form.
 */
const key = 'applications/app_0123456789abcdef0123456789abcdef/doc_0123456789abcdef0123456789abcdef';
const page = 'http://127.0.0.1:3000/applications/app_0123456789abcdef0123456789abcdef/documents/uploaded';
const PDF = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');

const root = mkdtempSync(join(tmpdir(), 'doorstep-uploads-'));
const clock: Clock = { now: () => new Date('2026-11-02T09:30:00Z') };
const notified: unknown[] = [];
let server: Server;
let store: FileDocumentStore;

beforeAll(async () => {
  server = createServer((request, response) => endpoint(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  store = new FileDocumentStore(root, () => `http://127.0.0.1:${port}/local/uploads`, 'test-only-secret');
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

beforeEach(async () => {
  notified.length = 0;
  await store.delete(key);
});

const endpoint = (...args: Parameters<ReturnType<typeof uploadEndpoint>>) =>
  uploadEndpoint({
    store,
    clock,
    objectCreated: async (event) => {
      notified.push(event);
    },
  })(...args);

const slotFor = (redirectTo?: string, maxBytes = 1_000) =>
  store.uploadSlot({
    key,
    contentType: 'application/pdf',
    maxBytes,
    expiresAt: new Date('2026-11-02T09:45:00Z'),
    ...(redirectTo === undefined ? {} : { redirectTo }),
  });

/** Posts the form as a browser does (the slot's fields, then the file) and does not follow a redirect. */
async function post(slot: UploadSlot, bytes: Uint8Array) {
  const form = new FormData();
  for (const [name, value] of Object.entries(slot.fields)) form.append(name, value);
  form.append(slot.fileField, new Blob([bytes], { type: 'application/pdf' }), 'payslip.pdf');
  const response = await fetch(slot.url, { method: 'POST', body: form, redirect: 'manual' });
  return { status: response.status, location: response.headers.get('location'), body: await response.text() };
}

describe('the local upload endpoint', () => {
  it('answers 303 See Other to the signed page, with the object key added as S3 adds it', async () => {
    // Prepare
    const slot = await slotFor(page);

    // Act
    const answer = await post(slot, PDF);

    // Assess
    expect(slot.fields.success_action_redirect).toBe(page);
    expect(answer.status).toBe(303);
    expect(answer.location).toBe(`${page}?key=${encodeURIComponent(`quarantine/${key}`)}`);
    expect(await store.readQuarantined(key)).toEqual(PDF);
    expect(notified).toHaveLength(1);
  });

  it('answers 204 with nowhere to go when the slot has no redirect', async () => {
    // Prepare
    const slot = await slotFor();

    // Act
    const answer = await post(slot, PDF);

    // Assess
    expect(slot.fields).not.toHaveProperty('success_action_redirect');
    expect(answer).toEqual({ status: 204, location: null, body: '' });
    expect(await store.readQuarantined(key)).toEqual(PDF);
  });

  it('refuses a slot whose redirect was changed, with 403, and keeps nothing', async () => {
    // Prepare
    const slot = await slotFor(page);
    const tampered = {
      ...slot,
      fields: { ...slot.fields, success_action_redirect: 'https://evil.example/applications/x' },
    };

    // Act
    const answer = await post(tampered, PDF);

    // Assess
    expect(answer.status).toBe(403);
    expect(answer.location).toBeNull();
    expect(JSON.parse(answer.body)).toEqual({ error: expect.stringMatching(/changed/) });
    expect(await store.readQuarantined(key)).toBeUndefined();
    expect(notified).toEqual([]);
  });

  it('refuses a redirect added to a slot signed without one', async () => {
    // Prepare
    const slot = await slotFor();
    const added = { ...slot, fields: { ...slot.fields, success_action_redirect: page } };

    // Act
    const answer = await post(added, PDF);

    // Assess
    expect(answer.status).toBe(403);
    expect(await store.readQuarantined(key)).toBeUndefined();
  });

  it('keeps its error answer for a file larger than the slot allows, and does not redirect', async () => {
    // Prepare
    const slot = await slotFor(page, 10);

    // Act
    const answer = await post(slot, PDF);

    // Assess
    expect(answer.status).toBe(413);
    expect(answer.location).toBeNull();
    expect(await store.readQuarantined(key)).toBeUndefined();
    expect(notified).toEqual([]);
  });
});
