import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { S3DocumentStore } from '../../../shared/adapters/aws/s3-document-store';
import { FileDocumentStore } from '../../../shared/adapters/local/file-document-store';

/**
 * Download links for councils' exports (issue 10): S3's presigned GET (signed locally by the SDK, no request is
 * made) and the local store's signed link, which refuses a changed or expired link as S3 would.
 */

const key = 'exports/riverside-council/exp_0123456789abcdef0123456789abcdef.csv';

describe('S3DocumentStore.downloadLink', () => {
  it('presigns a GET of the promoted object for the time asked, downloaded under the file name given', async () => {
    const s3 = new S3Client({
      region: 'eu-west-2',
      credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'not-a-real-secret' },
    });
    const store = new S3DocumentStore(s3, 'doorstep-documents');

    const link = new URL(await store.downloadLink(key, new Date(Date.now() + 300_000), 'exp_1.csv'));

    expect(link.hostname).toBe('doorstep-documents.s3.eu-west-2.amazonaws.com');
    expect(link.pathname).toBe(`/documents/${key}`);
    expect(link.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(link.searchParams.get('response-content-disposition')).toBe('attachment; filename="exp_1.csv"');
    expect(link.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('FileDocumentStore.downloadLink', () => {
  const root = mkdtempSync(join(tmpdir(), 'doorstep-links-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const store = new FileDocumentStore(
    root,
    () => 'http://127.0.0.1:3000/local/uploads',
    'test-only-secret',
    () => 'http://127.0.0.1:3000/local/downloads',
  );
  const now = new Date('2026-11-02T09:30:00Z');

  it('signs a link the local download endpoint accepts until it expires', async () => {
    const link = new URL(await store.downloadLink(key, new Date(now.getTime() + 300_000), 'exp_1.csv'));

    expect(`${link.origin}${link.pathname}`).toBe('http://127.0.0.1:3000/local/downloads');
    expect(store.checkDownload(link.searchParams, now)).toEqual({ key, filename: 'exp_1.csv' });
    expect(store.checkDownload(link.searchParams, new Date(now.getTime() + 301_000))).toEqual({
      refused: 'The link has expired: ask for a new one.',
    });
  });

  it('refuses a link whose key, expiry or file name was changed', async () => {
    const link = new URL(await store.downloadLink(key, new Date(now.getTime() + 300_000), 'exp_1.csv'));
    for (const [name, value] of [
      ['key', 'exports/northbridge-council/exp_0123456789abcdef0123456789abcdef.csv'],
      ['expires', '2099-01-01T00:00:00.000Z'],
      ['filename', 'invoice.exe'],
    ] as const) {
      const changed = new URLSearchParams(link.searchParams);
      changed.set(name, value);
      expect(store.checkDownload(changed, now)).toEqual({
        refused: 'The link was changed or is not one Doorstep gave out.',
      });
    }
  });
});
