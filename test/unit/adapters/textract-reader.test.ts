import {
  type AnalyzeDocumentCommandOutput,
  BadDocumentException,
  TextractClient,
  ThrottlingException,
} from '@aws-sdk/client-textract';
import { TextractMrzReader } from '../../../shared/adapters/aws/textract-reader';
import type { MrzReading } from '../../../shared/ports';
import { expectedFields, FIXTURE_TODAY, HOLDERS } from '../../fixtures/passports/specimens';
import {
  GARBLED_MRZ,
  GARETH_CLEAN,
  GARETH_SPLIT_AND_MISREAD,
  GARETH_SURNAME_DISAGREES,
  NO_MRZ,
  ZOFIA_CLEAN,
} from '../../fixtures/textract/passports';

/**
 * The Textract reader against hand-written `AnalyzeDocument` answers (test/fixtures/textract): nothing here
 * can reach AWS to record real ones, so the client's `send` is replaced.
 */
const credentials = {
  accessKeyId: 'AKIAEXAMPLEEXAMPLE00',
  secretAccessKey: 'example/secret/for/offline/use/only',
};
const image = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);

function reader(answer: () => AnalyzeDocumentCommandOutput | Promise<AnalyzeDocumentCommandOutput>) {
  const client = new TextractClient({ region: 'eu-west-2', credentials });
  const sent: Array<{ name: string; input: Record<string, unknown> }> = [];
  client.send = (async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
    sent.push({ name: command.constructor.name, input: command.input });
    return answer();
  }) as never;
  return { textract: new TextractMrzReader(client, { now: () => FIXTURE_TODAY }), sent };
}

function okReading(reading: MrzReading) {
  if (!reading.ok) throw new Error(`Expected a reading, got: ${reading.reason}`);
  return reading;
}

describe('TextractMrzReader', () => {
  it('asks AnalyzeDocument, with queries for the printed surname and number, about the bytes it was given', async () => {
    // Prepare
    const { textract, sent } = reader(() => GARETH_CLEAN);

    // Act
    await textract.readPassportMrz(image);

    // Assess
    expect(sent).toEqual([
      {
        name: 'AnalyzeDocumentCommand',
        input: {
          Document: { Bytes: image },
          FeatureTypes: ['QUERIES'],
          QueriesConfig: {
            Queries: [
              { Text: 'What is the surname?', Alias: 'SURNAME' },
              { Text: 'What is the passport number?', Alias: 'PASSPORT_NUMBER' },
            ],
          },
        },
      },
    ]);
  });

  it("reads the MRZ from Textract's LINE blocks, with Textract's confidence", async () => {
    // Prepare
    const { textract } = reader(() => GARETH_CLEAN);

    // Act
    const reading = okReading(await textract.readPassportMrz(image));

    // Assess
    expect(reading.fields).toEqual(expectedFields(HOLDERS.gareth));
    expect(reading).toMatchObject({ checkDigitsValid: true, repairs: 0, engine: 'amazon-textract' });
    expect(reading.confidence).toBeCloseTo(0.98, 2);
  });

  it('joins a line Textract split at its fillers, and repairs the misreads', async () => {
    // Prepare
    const { textract } = reader(() => GARETH_SPLIT_AND_MISREAD);

    // Act
    const reading = okReading(await textract.readPassportMrz(image));

    // Assess
    expect(reading.fields).toEqual(expectedFields(HOLDERS.gareth));
    expect(reading.checkDigitsValid).toBe(true);
    expect(reading.repairs).toBeGreaterThanOrEqual(2);
    expect(reading.confidence).toBeLessThan(0.88);
  });

  it('lowers its confidence when the printed surname disagrees with the MRZ', async () => {
    // Prepare
    const { textract: clean } = reader(() => GARETH_CLEAN);
    const { textract: disagreeing } = reader(() => GARETH_SURNAME_DISAGREES);

    // Act
    const agreed = okReading(await clean.readPassportMrz(image));
    const disagreed = okReading(await disagreeing.readPassportMrz(image));

    // Assess: the check digits cannot see a name; the printed field can.
    expect(disagreed.fields.surname).toBe('PRITCHAPD');
    expect(disagreed.checkDigitsValid).toBe(true);
    expect(disagreed.confidence).toBeLessThan(agreed.confidence * 0.85);
  });

  it('agrees with a printed name whose accents the MRZ drops', async () => {
    // Prepare
    const { textract } = reader(() => ZOFIA_CLEAN);

    // Act
    const reading = okReading(await textract.readPassportMrz(image));

    // Assess
    expect(reading.fields).toEqual(expectedFields(HOLDERS.zofia));
    expect(reading.confidence).toBeGreaterThan(0.98);
  });

  it('fails plainly when the page has no MRZ in the picture', async () => {
    // Prepare
    const { textract } = reader(() => NO_MRZ);

    // Act
    const reading = await textract.readPassportMrz(image);

    // Assess
    expect(reading).toEqual({
      ok: false,
      reason: expect.stringContaining('No machine-readable zone was found'),
      engine: 'amazon-textract',
    });
  });

  it('fails plainly when the MRZ is there but does not read', async () => {
    // Prepare
    const { textract } = reader(() => GARBLED_MRZ);

    // Act
    const reading = await textract.readPassportMrz(image);

    // Assess
    expect(reading).toEqual({
      ok: false,
      reason: expect.stringMatching(/could not be read clearly\. Take another photo/),
      engine: 'amazon-textract',
    });
  });

  it('fails plainly when Textract refuses the document', async () => {
    // Prepare
    const { textract } = reader(() => {
      throw new BadDocumentException({ message: 'Unable to process document', $metadata: {} });
    });

    // Act
    const reading = await textract.readPassportMrz(image);

    // Assess
    expect(reading).toEqual({
      ok: false,
      reason: 'The file is not a JPEG, PNG or single-page PDF that can be read.',
      engine: 'amazon-textract',
    });
  });

  it('throws a fault that a retry may cure, for the workflow to retry', async () => {
    // Prepare
    const { textract } = reader(() => {
      throw new ThrottlingException({ message: 'Rate exceeded', $metadata: {} });
    });

    // Act
    const reading = textract.readPassportMrz(image);

    // Assess
    await expect(reading).rejects.toBeInstanceOf(ThrottlingException);
  });
});
