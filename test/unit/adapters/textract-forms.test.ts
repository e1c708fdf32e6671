import {
  type AnalyzeDocumentCommandOutput,
  TextractClient,
  ThrottlingException,
  UnsupportedDocumentException,
} from '@aws-sdk/client-textract';
import { queriesFor } from '../../../shared/adapters/aws/textract-forms';
import { TextractMrzReader } from '../../../shared/adapters/aws/textract-reader';
import { DOCUMENT_CATALOGUE, FORMS_KINDS } from '../../../shared/domain/documents';
import type { DocumentReading } from '../../../shared/ports';
import {
  BLANK_PAGE,
  GARETH_LICENCE_SURNAME_MISREAD,
  GARETH_PAYSLIP,
  NOT_A_PAYSLIP,
  ZOFIA_PAYSLIP_NET_PAY_FROM_FORMS,
  ZOFIA_STATEMENT,
} from '../../fixtures/textract/documents';

/**
 * The Textract reader's forms path against hand-written `AnalyzeDocument` answers (test/fixtures/textract):
 * nothing here can reach AWS, so the client's `send` is replaced.
 */
const credentials = {
  accessKeyId: 'AKIAEXAMPLEEXAMPLE00',
  secretAccessKey: 'example/secret/for/offline/use/only',
};
const photo = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);
const pdf = new TextEncoder().encode('%PDF-1.7\n');

function reader(answer: () => AnalyzeDocumentCommandOutput | Promise<AnalyzeDocumentCommandOutput>) {
  const client = new TextractClient({ region: 'eu-west-2', credentials });
  const sent: Array<{ name: string; input: Record<string, unknown> }> = [];
  client.send = (async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
    sent.push({ name: command.constructor.name, input: command.input });
    return answer();
  }) as never;
  return { textract: new TextractMrzReader(client), sent };
}

function fieldsOf(reading: DocumentReading) {
  if (!reading.ok) throw new Error(`Expected a reading, got: ${reading.reason}`);
  return reading.fields;
}

describe('TextractMrzReader.readDocument', () => {
  it('asks AnalyzeDocument for FORMS and QUERIES, one query per catalogue field aliased by its name', async () => {
    // Prepare
    const { textract, sent } = reader(() => GARETH_PAYSLIP);

    // Act
    await textract.readDocument({ kind: 'payslip', bytes: photo, contentType: 'image/jpeg' });

    // Assess
    expect(sent).toEqual([
      {
        name: 'AnalyzeDocumentCommand',
        input: {
          Document: { Bytes: photo },
          FeatureTypes: ['FORMS', 'QUERIES'],
          QueriesConfig: {
            Queries: [
              { Text: "What is the employee's name?", Alias: 'employeeName' },
              { Text: "What is the employer's name?", Alias: 'employerName' },
              { Text: 'What is the pay date?', Alias: 'payDate' },
              { Text: 'How often is the employee paid?', Alias: 'payPeriod' },
              { Text: 'What is the gross pay for this period?', Alias: 'grossPay' },
              { Text: 'What is the net pay for this period?', Alias: 'netPay' },
            ],
          },
        },
      },
    ]);
  });

  it.each(FORMS_KINDS)(
    'has a question of its own for every field of a %s, within the 15 queries a page allows',
    (kind) => {
      // Act
      const queries = queriesFor(kind);

      // Assess
      expect(queries.map((query) => query.Alias)).toEqual(DOCUMENT_CATALOGUE[kind].fields);
      expect(queries.filter((query) => query.Text === `What is the ${query.Alias}?`)).toEqual([]);
      expect(queries.length).toBeLessThanOrEqual(15);
    },
  );

  it("normalises each answer and takes Textract's confidence for it", async () => {
    const { textract } = reader(() => GARETH_PAYSLIP);

    const reading = await textract.readDocument({ kind: 'payslip', bytes: photo, contentType: 'image/jpeg' });

    expect(reading).toEqual({
      ok: true,
      pages: 1,
      fields: {
        employeeName: { value: 'Gareth Pritchard', confidence: 0.981 },
        employerName: { value: 'Cardiff Bay Logistics Ltd', confidence: 0.964 },
        payDate: { value: '2026-10-31', confidence: 0.99 },
        payPeriod: { value: 'monthly', confidence: 0.882 },
        grossPay: { value: '214500', confidence: 0.977 },
        netPay: { value: '181445', confidence: 0.993 },
      },
    });
  });

  it("finds a field no query answered among the form's keys and values, and repairs a misread date", async () => {
    const { textract } = reader(() => ZOFIA_PAYSLIP_NET_PAY_FROM_FORMS);

    const fields = fieldsOf(
      await textract.readDocument({ kind: 'payslip', bytes: photo, contentType: 'image/png' }),
    );

    expect(fields).toEqual({
      employeeName: { value: 'Zofia Wisniewska', confidence: 0.975 },
      payDate: { value: '2026-11-06', confidence: 0.715 },
      netPay: { value: '37122', confidence: 0.934 },
    });
  });

  it('reads a one-page PDF from its bytes, an address answered over two lines', async () => {
    const { textract, sent } = reader(() => ZOFIA_STATEMENT);

    const fields = fieldsOf(
      await textract.readDocument({ kind: 'bank-statement', bytes: pdf, contentType: 'application/pdf' }),
    );

    expect(sent[0]?.input.Document).toEqual({ Bytes: pdf });
    expect(fields.address).toEqual({ value: 'Flat 4, 27 Roundhay Road, Leeds, LS8 5AJ', confidence: 0.942 });
    expect(fields.periodStart?.value).toBe('2026-10-07');
    expect(fields.closingBalance?.value).toBe('20357');
  });

  it('halves the confidence of a licence whose surname disagrees with its driver number', async () => {
    const { textract } = reader(() => GARETH_LICENCE_SURNAME_MISREAD);

    const fields = fieldsOf(
      await textract.readDocument({ kind: 'driving-licence', bytes: photo, contentType: 'image/jpeg' }),
    );

    expect(fields.surname).toEqual({ value: 'PRICHARD', confidence: 0.46 });
    expect(fields.documentNumber).toEqual({ value: 'PRITC807028G99HJ', confidence: 0.45 });
    expect(fields.givenNames).toEqual({ value: 'GARETH', confidence: 0.97 });
  });

  it.each([
    ['no print at all', BLANK_PAGE, /No printed text could be read.*Retake it in daylight/],
    ['print, but nothing a payslip shows', NOT_A_PAYSLIP, /does not look like a payslip/],
  ])('answers %s in words the applicant can act on', async (_what, answer, reason) => {
    const { textract } = reader(() => answer);

    const reading = await textract.readDocument({ kind: 'payslip', bytes: photo, contentType: 'image/jpeg' });

    expect(reading).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });

  it('asks for photos or a one-page PDF when Textract refuses a PDF of several pages', async () => {
    const { textract } = reader(() => {
      throw new UnsupportedDocumentException({
        $metadata: {},
        message: 'Request has unsupported document format',
      });
    });

    const reading = await textract.readDocument({
      kind: 'bank-statement',
      bytes: pdf,
      contentType: 'application/pdf',
    });

    expect(reading).toEqual({ ok: false, reason: expect.stringContaining('one-page PDF') });
  });

  it('lets throttling through for the workflow to retry', async () => {
    const { textract } = reader(() => {
      throw new ThrottlingException({ $metadata: {}, message: 'Slow down' });
    });

    await expect(
      textract.readDocument({ kind: 'payslip', bytes: photo, contentType: 'image/jpeg' }),
    ).rejects.toBeInstanceOf(ThrottlingException);
  });
});
