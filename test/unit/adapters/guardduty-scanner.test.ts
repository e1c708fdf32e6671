import type { GetObjectTaggingCommandOutput, S3Client } from '@aws-sdk/client-s3';
import { GuardDutyTagScanner, verdictFromTags } from '../../../shared/adapters/aws/guardduty-scanner';
import { ScanNotFinishedError } from '../../../shared/ports';

/**
 * Hand-written fixtures in the shape of S3's GetObjectTagging answer (typed by the SDK's output type), with the
 * tag GuardDuty Malware Protection for S3 writes after a scan; not recorded from AWS.
 */
const tagged = (status?: string): GetObjectTaggingCommandOutput => ({
  $metadata: { httpStatusCode: 200 },
  TagSet: [
    { Key: 'application', Value: 'doorstep' },
    ...(status === undefined ? [] : [{ Key: 'GuardDutyMalwareScanStatus', Value: status }]),
  ],
});

describe('the GuardDuty tag scanner', () => {
  it('calls an upload clean only when GuardDuty tagged it NO_THREATS_FOUND', () => {
    expect(verdictFromTags(tagged('NO_THREATS_FOUND'))).toEqual({ verdict: 'clean' });
  });

  it('calls THREATS_FOUND infected, with a reason the applicant can act on', () => {
    expect(verdictFromTags(tagged('THREATS_FOUND'))).toEqual({
      verdict: 'infected',
      reason: expect.stringMatching(/harmful.*upload a new/),
    });
  });

  it.each(['UNSUPPORTED', 'ACCESS_DENIED', 'FAILED', 'SOMETHING_NEW'])(
    'refuses %s: nothing unchecked is promoted',
    (status) => {
      expect(verdictFromTags(tagged(status))).toEqual({
        verdict: 'refused',
        reason: expect.stringMatching(/\.$/),
      });
    },
  );

  it('answers nothing while the object has no scan tag yet: the caller retries later', () => {
    expect(() => verdictFromTags(tagged())).toThrow(ScanNotFinishedError);
    expect(() => verdictFromTags({ $metadata: {}, TagSet: [] })).toThrow(ScanNotFinishedError);
  });

  /** An S3 client answering GetObjectTagging with `tags` and GetObject with `stored`, recording each request. */
  function s3Answering(tags: GetObjectTaggingCommandOutput, stored: Uint8Array) {
    const sent: Array<{ command: string; input: unknown }> = [];
    const s3 = {
      send: async (command: { constructor: { name: string }; input: unknown }) => {
        sent.push({ command: command.constructor.name, input: command.input });
        if (command.constructor.name === 'GetObjectTaggingCommand') return tags;
        return { Body: { transformToByteArray: async () => stored } };
      },
    };
    return { s3: s3 as unknown as S3Client, sent };
  }
  const bytes = new TextEncoder().encode('%PDF-1.7 the payslip');

  it('reads the tags of the quarantined object, then checks the version scanned holds the bytes checked', async () => {
    // Prepare
    const { s3, sent } = s3Answering({ ...tagged('NO_THREATS_FOUND'), VersionId: 'v2' }, bytes);
    const scanner = new GuardDutyTagScanner(s3, 'doorstep-documents');

    // Act
    const verdict = await scanner.scan({ key: 'applications/app_1/doc_1', bytes });

    // Assess
    expect(verdict).toEqual({ verdict: 'clean' });
    expect(sent).toEqual([
      {
        command: 'GetObjectTaggingCommand',
        input: { Bucket: 'doorstep-documents', Key: 'quarantine/applications/app_1/doc_1' },
      },
      {
        command: 'GetObjectCommand',
        input: { Bucket: 'doorstep-documents', Key: 'quarantine/applications/app_1/doc_1', VersionId: 'v2' },
      },
    ]);
  });

  it('answers nothing when a second upload to the slot replaced the bytes after they were read', async () => {
    const { s3 } = s3Answering(
      { ...tagged('NO_THREATS_FOUND'), VersionId: 'v3' },
      new TextEncoder().encode('other'),
    );

    await expect(new GuardDutyTagScanner(s3, 'b').scan({ key: 'k', bytes })).rejects.toThrow(
      ScanNotFinishedError,
    );
  });

  it('does not fetch the bytes again for an upload it rejects', async () => {
    const { s3, sent } = s3Answering(tagged('THREATS_FOUND'), bytes);

    expect((await new GuardDutyTagScanner(s3, 'b').scan({ key: 'k', bytes })).verdict).toBe('infected');
    expect(sent.map((request) => request.command)).toEqual(['GetObjectTaggingCommand']);
  });
});
