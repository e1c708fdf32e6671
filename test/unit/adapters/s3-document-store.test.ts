import { type GetObjectCommandOutput, NoSuchKey, S3Client } from '@aws-sdk/client-s3';
import { S3DocumentStore } from '../../../shared/adapters/aws/s3-document-store';

/**
 * The S3 document store against hand-written fixtures typed by the SDK's own output types: nothing here can
 * reach AWS to record real answers, so `send` is replaced and the presigned POST is signed offline.
 */
const credentials = {
  accessKeyId: 'AKIAEXAMPLEEXAMPLE00',
  secretAccessKey: 'example/secret/key/for/offline/signing/only',
};

function store() {
  const client = new S3Client({ region: 'eu-west-2', credentials });
  const sent: Array<{ name: string; input: Record<string, unknown> }> = [];
  const answers: Record<string, (input: Record<string, unknown>) => unknown> = {};
  client.send = (async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
    sent.push({ name: command.constructor.name, input: command.input });
    const answer = answers[command.constructor.name];
    return answer ? answer(command.input) : {};
  }) as never;
  return { documents: new S3DocumentStore(client, 'doorstep-documents-example'), sent, answers };
}

describe('S3DocumentStore', () => {
  it('gives a presigned POST into quarantine whose policy pins the key, the type and the size', async () => {
    const { documents } = store();
    const expiresAt = new Date(Date.now() + 15 * 60_000);

    const slot = await documents.uploadSlot({
      key: 'applications/app_1/doc_1',
      contentType: 'image/jpeg',
      maxBytes: 2_400_000,
      expiresAt,
    });

    expect(slot.url).toBe('https://doorstep-documents-example.s3.eu-west-2.amazonaws.com/');
    expect(slot.fields).toMatchObject({
      key: 'quarantine/applications/app_1/doc_1',
      'Content-Type': 'image/jpeg',
    });
    const policy = JSON.parse(Buffer.from(slot.fields.Policy ?? '', 'base64').toString('utf8')) as {
      expiration: string;
      conditions: unknown[];
    };
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['content-length-range', 1, 2_400_000],
        ['eq', '$Content-Type', 'image/jpeg'],
        ['eq', '$key', 'quarantine/applications/app_1/doc_1'],
        { bucket: 'doorstep-documents-example' },
      ]),
    );
    // The policy expires with the slot (to the second).
    expect(Math.abs(new Date(policy.expiration).getTime() - expiresAt.getTime())).toBeLessThanOrEqual(1000);
    expect(slot.fields['X-Amz-Signature']).toMatch(/^[0-9a-f]{64}$/);
    // Without a redirect, S3 answers a successful POST with 204 and nothing to follow.
    expect(slot.fields).not.toHaveProperty('success_action_redirect');
    expect(JSON.stringify(policy.conditions)).not.toContain('success_action_redirect');
  });

  it('pins the page a browser without JavaScript is sent back to, in the form and in the signed policy', async () => {
    const { documents } = store();
    const redirectTo = 'https://doorstep.example/applications/app_1/documents/uploaded';

    const slot = await documents.uploadSlot({
      key: 'applications/app_1/doc_1',
      contentType: 'application/pdf',
      maxBytes: 400_000,
      expiresAt: new Date(Date.now() + 15 * 60_000),
      redirectTo,
    });

    // S3 answers a successful POST with 303 See Other to this URL (adding bucket, key and etag to its query).
    expect(slot.fields.success_action_redirect).toBe(redirectTo);
    const policy = JSON.parse(Buffer.from(slot.fields.Policy ?? '', 'base64').toString('utf8')) as {
      conditions: unknown[];
    };
    // An `eq` condition: a form that changes the field is refused by S3 with 403.
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['eq', '$success_action_redirect', redirectTo],
        ['eq', '$key', 'quarantine/applications/app_1/doc_1'],
        ['content-length-range', 1, 400_000],
      ]),
    );
  });

  it('reads quarantined bytes, and answers undefined for a key S3 does not have', async () => {
    const { documents, answers } = store();
    const body = { transformToByteArray: async () => new Uint8Array([0xff, 0xd8, 0xff]) };
    answers.GetObjectCommand = (input) => {
      if (input.Key === 'quarantine/applications/app_1/doc_1') {
        return { Body: body, $metadata: {} } as unknown as GetObjectCommandOutput;
      }
      throw new NoSuchKey({ message: 'The specified key does not exist.', $metadata: {} });
    };

    expect(await documents.readQuarantined('applications/app_1/doc_1')).toEqual(
      new Uint8Array([0xff, 0xd8, 0xff]),
    );
    expect(await documents.readQuarantined('applications/app_1/doc_2')).toBeUndefined();
  });

  it('promotes exactly the bytes that were checked, then deletes the quarantined object', async () => {
    const { documents, sent } = store();
    const checked = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);

    await documents.promote('applications/app_1/doc_1', checked, 'image/jpeg');

    expect(sent.map((call) => [call.name, call.input.Key])).toEqual([
      ['PutObjectCommand', 'documents/applications/app_1/doc_1'],
      ['DeleteObjectCommand', 'quarantine/applications/app_1/doc_1'],
    ]);
    expect(sent[0]?.input).toMatchObject({ Body: checked, ContentType: 'image/jpeg' });
  });

  it('deletes a key in both areas', async () => {
    const { documents, sent } = store();

    await documents.delete('applications/app_1/doc_1');

    expect(sent.map((call) => call.input.Key)).toEqual([
      'quarantine/applications/app_1/doc_1',
      'documents/applications/app_1/doc_1',
    ]);
  });
});
