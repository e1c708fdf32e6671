import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import type { DocumentStore, UploadSlot } from '../../ports.js';

const QUARANTINE = 'quarantine/';
const PROMOTED = 'documents/';

/**
 * Documents in S3 (DESIGN.md §3): the applicant's device POSTs straight to `quarantine/` with a presigned POST
 * whose policy pins the key, the content type and a `content-length-range` up to the declared size, so S3
 * itself refuses anything else; promoted objects move to `documents/`. The bucket's encryption, TLS-only
 * policy and lifecycle are set by the CDK stack.
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
  }): Promise<UploadSlot> {
    const key = `${QUARANTINE}${input.key}`;
    const expires = Math.max(1, Math.round((input.expiresAt.getTime() - Date.now()) / 1000));
    const { url, fields } = await createPresignedPost(this.s3, {
      Bucket: this.bucket,
      Key: key,
      Fields: { 'Content-Type': input.contentType },
      Conditions: [
        ['content-length-range', 1, input.maxBytes],
        ['eq', '$Content-Type', input.contentType],
        ['eq', '$key', key],
      ],
      Expires: expires,
    });
    return {
      method: 'POST',
      url,
      fields,
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
}
