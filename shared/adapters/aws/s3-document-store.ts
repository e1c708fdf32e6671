import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { createPresignedPost, type PresignedPostOptions } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { DocumentStore, UploadSlot } from '../../ports.js';

const QUARANTINE = 'quarantine/';

type PolicyCondition = NonNullable<PresignedPostOptions['Conditions']>[number];
const PROMOTED = 'documents/';

/**
 * Documents in S3 (DESIGN.md §3): the applicant's device POSTs straight to `quarantine/` with a presigned POST
 * whose policy pins the key, the content type, a `content-length-range` up to the declared size and any
 * `success_action_redirect`, so S3 itself refuses anything else; promoted objects move to `documents/`. The
 * bucket's encryption, TLS-only policy and lifecycle are set by the CDK stack.
 */
export class S3DocumentStore implements DocumentStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async uploadSlot(input: {
    key: string;
    contentType: string;
    maxBytes: number;
    expiresAt: Date;
    redirectTo?: string;
  }): Promise<UploadSlot> {
    const key = `${QUARANTINE}${input.key}`;
    const expires = Math.max(1, Math.round((input.expiresAt.getTime() - Date.now()) / 1000));
    // With success_action_redirect S3 answers a successful POST with 303 See Other to that URL, adding
    // `?bucket=..&key=..&etag=..`; the policy pins it, so the holder of the slot cannot point it elsewhere.
    const fields: Record<string, string> = { 'Content-Type': input.contentType };
    const conditions: PolicyCondition[] = [
      ['content-length-range', 1, input.maxBytes],
      ['eq', '$Content-Type', input.contentType],
      ['eq', '$key', key],
    ];
    if (input.redirectTo !== undefined) {
      fields.success_action_redirect = input.redirectTo;
      conditions.push(['eq', '$success_action_redirect', input.redirectTo]);
    }
    const presigned = await createPresignedPost(this.s3, {
      Bucket: this.bucket,
      Key: key,
      Fields: fields,
      Conditions: conditions,
      Expires: expires,
    });
    return {
      method: 'POST',
      url: presigned.url,
      fields: presigned.fields,
      fileField: 'file',
      maxBytes: input.maxBytes,
      expiresAt: input.expiresAt.toISOString(),
    };
  }

  readQuarantined(key: string): Promise<Uint8Array | undefined> {
    return this.get(`${QUARANTINE}${key}`);
  }

  async promote(key: string, checked: Uint8Array, contentType: string): Promise<void> {
    await this.put(key, checked, contentType);
    await this.discardUpload(key);
  }

  async discardUpload(key: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: `${QUARANTINE}${key}` }));
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: `${PROMOTED}${key}`,
        Body: bytes,
        ContentType: contentType,
      }),
    );
  }

  read(key: string): Promise<Uint8Array | undefined> {
    return this.get(`${PROMOTED}${key}`);
  }

  async delete(key: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: `${QUARANTINE}${key}` }));
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: `${PROMOTED}${key}` }));
  }

  private async get(key: string): Promise<Uint8Array | undefined> {
    try {
      const { Body } = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return Body ? await Body.transformToByteArray() : undefined;
    } catch (error) {
      if (error instanceof NoSuchKey || (error as Error).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }

  async downloadLink(key: string, expiresAt: Date, filename: string): Promise<string> {
    const expiresIn = Math.max(1, Math.round((expiresAt.getTime() - Date.now()) / 1000));
    return getSignedUrl(
      this.s3,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: `${PROMOTED}${key}`,
        ResponseContentDisposition: `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
      }),
      { expiresIn },
    );
  }
}
