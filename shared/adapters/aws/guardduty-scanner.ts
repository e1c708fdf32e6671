import {
  GetObjectCommand,
  GetObjectTaggingCommand,
  type GetObjectTaggingCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import { type MalwareScanner, ScanNotFinishedError, type ScanVerdict } from '../../ports.js';

/** Where uploads land in the bucket (the document store's keys are relative to it). */
const QUARANTINE = 'quarantine/';
/** The tag GuardDuty Malware Protection for S3 writes on each object it scanned (tagging enabled on the plan). */
export const SCAN_STATUS_TAG = 'GuardDutyMalwareScanStatus';

/**
 * GuardDuty Malware Protection for S3 scans every object put under `quarantine/` and tags it with its result
 * (infra/constructs/documents.ts). This adapter only reads that tag: the bytes were scanned by GuardDuty, not
 * here. Only NO_THREATS_FOUND is clean, and only for the very bytes being promoted; no tag yet means the scan
 * is still running, which is not an answer.
 */
export class GuardDutyTagScanner implements MalwareScanner {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async scan(input: { key: string; bytes: Uint8Array }): Promise<ScanVerdict> {
    const Key = `${QUARANTINE}${input.key}`;
    const tags = await this.s3.send(new GetObjectTaggingCommand({ Bucket: this.bucket, Key }));
    const verdict = verdictFromTags(tags);
    if (verdict.verdict === 'clean') {
      // The tags are the newest version's, the bytes were read a moment earlier: a second POST to the same slot
      // may have landed in between. Clean holds only for the bytes GuardDuty scanned (the bucket is versioned).
      const scanned = await this.s3.send(
        new GetObjectCommand({ Bucket: this.bucket, Key, VersionId: tags.VersionId }),
      );
      const scannedBytes = await scanned.Body?.transformToByteArray();
      if (!scannedBytes || !Buffer.from(scannedBytes).equals(Buffer.from(input.bytes))) {
        throw new ScanNotFinishedError('A newer upload to the same slot is being checked');
      }
    }
    return verdict;
  }
}

/** GuardDuty's scan result, read from the object's tags. */
export function verdictFromTags(tags: GetObjectTaggingCommandOutput): ScanVerdict {
  const status = tags.TagSet?.find((tag) => tag.Key === SCAN_STATUS_TAG)?.Value;
  switch (status) {
    case 'NO_THREATS_FOUND':
      return { verdict: 'clean' };
    case 'THREATS_FOUND':
      return {
        verdict: 'infected',
        reason:
          'Our virus check found something harmful in the file. Delete it and upload a new photo or scan of the document.',
      };
    case 'UNSUPPORTED':
    case 'ACCESS_DENIED':
    case 'FAILED':
      // GuardDuty could not scan it (for example a password-protected file): it is not promoted unchecked.
      return {
        verdict: 'refused',
        reason:
          'Our virus check could not check this file. Upload a new photo or scan of the document (JPEG, PNG or PDF, not password-protected).',
      };
    case undefined:
      throw new ScanNotFinishedError('The upload is still being checked for viruses');
    default:
      return {
        verdict: 'refused',
        reason:
          'Our virus check gave an answer Doorstep does not know, so the file was not kept. Upload it again.',
      };
  }
}
