import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { DocumentStore, UploadSlot } from '../../ports.js';

/**
 * The slot's fields the signature covers, in order; the endpoint trusts no other field. Values never hold a
 * newline (keys and types are Doorstep's, the redirect is a normalised URL), so the joined text has one reading.
 */
const SIGNED_FIELDS = [
  'key',
  'Content-Type',
  'x-doorstep-max-bytes',
  'x-doorstep-expires',
  'success_action_redirect',
] as const;

/**
 * Documents on disk for the local runtime (DESIGN.md §3): `<root>/quarantine/<key>` until promoted, then
 * `<root>/documents/<key>`. The upload slot points at the local gateway's upload endpoint, which enforces the
 * slot's size and type on the stream, as S3 enforces a presigned POST's policy.
 */
export class FileDocumentStore implements DocumentStore {
  constructor(
    private readonly root: string,
    /** The local gateway's upload endpoint, e.g. http://127.0.0.1:3000/local/uploads. */
    private readonly uploadUrl: () => string,
    /** Signs upload slots, as S3 signs a presigned POST's policy: a slot cannot be widened by its holder. */
    private readonly secret: string,
    /** The local gateway's download endpoint (`/local/downloads`), which serves signed links. */
    private readonly downloadUrl: () => string = () => '',
  ) {}

  private path(area: 'quarantine' | 'documents', key: string): string {
    const base = resolve(this.root, area);
    const path = resolve(base, key);
    // Keys are Doorstep's own, but a key must never climb out of its area.
    if (!path.startsWith(`${base}${sep}`))
      throw new Error(`Refusing a document key outside the store: ${key}`);
    return path;
  }

  async uploadSlot(input: {
    key: string;
    contentType: string;
    maxBytes: number;
    expiresAt: Date;
    redirectTo?: string;
  }): Promise<UploadSlot> {
    const fields: Record<string, string> = {
      key: input.key,
      'Content-Type': input.contentType,
      'x-doorstep-max-bytes': String(input.maxBytes),
      'x-doorstep-expires': input.expiresAt.toISOString(),
      // The field S3 reads, so the same form works against both stores.
      ...(input.redirectTo === undefined ? {} : { success_action_redirect: input.redirectTo }),
    };
    return {
      method: 'POST',
      url: this.uploadUrl(),
      fields: { ...fields, 'x-doorstep-signature': this.sign(fields) },
      fileField: 'file',
      maxBytes: input.maxBytes,
      expiresAt: input.expiresAt.toISOString(),
    };
  }

  private sign(fields: Record<string, string>): string {
    // A missing redirect signs as an empty one, and an empty one is no redirect: a slot made without one
    // cannot be given one by its holder.
    const signed = SIGNED_FIELDS.map((name) => fields[name] ?? '');
    return createHmac('sha256', this.secret).update(signed.join('\n')).digest('base64url');
  }

  /**
   * Checks the form fields an upload came with, as S3 checks a presigned POST: the slot's signature, its expiry.
   * The upload's key, type, size limit and the page to send the browser back to, or why it is refused.
   */
  checkSlot(
    fields: Record<string, string>,
    now: Date,
  ): { key: string; contentType: string; maxBytes: number; redirectTo?: string } | { refused: string } {
    const given = Buffer.from(fields['x-doorstep-signature'] ?? '');
    const expected = Buffer.from(this.sign(fields));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return {
        refused: 'The upload form was changed or is not one Doorstep gave out. Ask for a new upload.',
      };
    }
    if (new Date(fields['x-doorstep-expires'] ?? 0).getTime() < now.getTime()) {
      return { refused: 'The upload form has expired. Ask for a new upload.' };
    }
    const redirectTo = fields.success_action_redirect;
    return {
      key: fields.key ?? '',
      contentType: fields['Content-Type'] ?? '',
      maxBytes: Number(fields['x-doorstep-max-bytes']),
      ...(redirectTo ? { redirectTo } : {}),
    };
  }

  /** Used by the local upload endpoint: writes received bytes into quarantine. */
  async receive(key: string, bytes: Uint8Array): Promise<void> {
    const path = this.path('quarantine', key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
  }

  async readQuarantined(key: string): Promise<Uint8Array | undefined> {
    return readIfThere(this.path('quarantine', key));
  }

  async promote(key: string, checked: Uint8Array): Promise<void> {
    await this.put(key, checked);
    await this.discardUpload(key);
  }

  async discardUpload(key: string): Promise<void> {
    await rm(this.path('quarantine', key), { force: true });
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const path = this.path('documents', key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
  }

  async read(key: string): Promise<Uint8Array | undefined> {
    return readIfThere(this.path('documents', key));
  }

  async delete(key: string): Promise<void> {
    await rm(this.path('quarantine', key), { force: true });
    await rm(this.path('documents', key), { force: true });
  }

  /** A link to `/local/downloads`, signed like an upload slot, as S3 signs a presigned GET. */
  async downloadLink(key: string, expiresAt: Date, filename: string): Promise<string> {
    const fields = {
      key,
      expires: expiresAt.toISOString(),
      filename: filename.replace(/[^A-Za-z0-9._-]/g, '_'),
    };
    const query = new URLSearchParams({ ...fields, signature: this.signDownload(fields) });
    return `${this.downloadUrl()}?${query}`;
  }

  private signDownload(fields: { key: string; expires: string; filename: string }): string {
    return createHmac('sha256', this.secret)
      .update(['download', fields.key, fields.expires, fields.filename].join('\n'))
      .digest('base64url');
  }

  /** Checks a download link's signature and expiry: the key and file name to serve, or why not. */
  checkDownload(query: URLSearchParams, now: Date): { key: string; filename: string } | { refused: string } {
    const fields = {
      key: query.get('key') ?? '',
      expires: query.get('expires') ?? '',
      filename: query.get('filename') ?? '',
    };
    const given = Buffer.from(query.get('signature') ?? '');
    const expected = Buffer.from(this.signDownload(fields));
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return { refused: 'The link was changed or is not one Doorstep gave out.' };
    if (!(new Date(fields.expires).getTime() >= now.getTime()))
      return { refused: 'The link has expired: ask for a new one.' };
    return { key: fields.key, filename: fields.filename };
  }
}

async function readIfThere(path: string): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export const documentsRoot = (dataDir: string) => join(dataDir, 'documents');
