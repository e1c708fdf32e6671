import { createHandler } from '../../../functions/document-received/handler';
import { type MemoryDeps, memoryDeps } from '../../support/memory';
import { aDeclaredDocument, givenAnUpload, uploadKey as key, PDF } from '../../support/uploads';
import { aLambdaContext } from './lambda-context';

/**
 * Hand-written, in the shape of GuardDuty Malware Protection for S3's scan-result event on the default bus
 * (only the fields the handler reads are checked; the verdict is read from the object's tag, not from here).
 */
const scanResult = (objectKey: string) => ({
  version: '0',
  id: '9d7a1f3e-2c4b-4f6a-8e1d-0a1b2c3d4e5f',
  'detail-type': 'GuardDuty Malware Protection Object Scan Result',
  source: 'aws.guardduty',
  account: '123456789012',
  time: '2026-11-02T09:30:05Z',
  region: 'eu-west-2',
  resources: ['arn:aws:guardduty:eu-west-2:123456789012:malware-protection-plan/example'],
  detail: {
    schemaVersion: '1.0',
    scanStatus: 'COMPLETED',
    resourceType: 'S3_OBJECT',
    s3ObjectDetails: {
      bucketName: 'doorstep-documents',
      objectKey,
      eTag: 'abc',
      versionId: '1',
      s3Throttled: false,
    },
    scanResultDetails: { scanResultStatus: 'NO_THREATS_FOUND', threats: null },
  },
});

async function given(): Promise<MemoryDeps> {
  const deps = memoryDeps();
  // A passport sent as a PDF is stored for an officer and not read: this test is about receiving it.
  await givenAnUpload(deps, aDeclaredDocument({ contentType: 'application/pdf' }), PDF);
  return deps;
}

describe('the document-received function', () => {
  it('receives an upload when GuardDuty reports its scan result', async () => {
    const deps = await given();

    const result = await createHandler(() => deps)(
      scanResult(`quarantine/${key}`),
      aLambdaContext('document-received'),
    );

    expect(result).toEqual({ outcome: 'uploaded' });
    expect(deps.documents.promoted.has(key)).toBe(true);
  });

  it('still receives S3’s ObjectCreated shape, as the local upload endpoint sends it', async () => {
    const deps = await given();
    const event = { Records: [{ s3: { object: { key: encodeURIComponent(`quarantine/${key}`) } } }] };

    expect(await createHandler(() => deps)(event, aLambdaContext('document-received'))).toEqual({
      outcome: 'uploaded',
    });
  });

  it('ignores a scan result for anything outside quarantine', async () => {
    const deps = await given();

    const result = await createHandler(() => deps)(
      scanResult(`documents/${key}`),
      aLambdaContext('document-received'),
    );

    expect(result).toEqual({ outcome: 'ignored' });
    expect(deps.documents.quarantine.has(key)).toBe(true);
  });
});
