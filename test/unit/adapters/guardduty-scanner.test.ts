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

  it('reads the tags of the quarantined object in the documents bucket', async () => {
    // Prepare
    const sent: unknown[] = [];
    const s3 = {
      send: async (command: { input: unknown }) => {
        sent.push(command.input);
        return tagged('NO_THREATS_FOUND');
      },
    };
    const scanner = new GuardDutyTagScanner(s3 as unknown as S3Client, 'doorstep-documents');

    // Act
    const verdict = await scanner.scan({ key: 'applications/app_1/doc_1' });

    // Assess
    expect(verdict).toEqual({ verdict: 'clean' });
    expect(sent).toEqual([{ Bucket: 'doorstep-documents', Key: 'quarantine/applications/app_1/doc_1' }]);
  });
});
