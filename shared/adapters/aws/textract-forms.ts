import {
  AnalyzeDocumentCommand,
  type AnalyzeDocumentCommandOutput,
  BadDocumentException,
  type Block,
  DocumentTooLargeException,
  type TextractClient,
  UnsupportedDocumentException,
} from '@aws-sdk/client-textract';
import type { FieldReading } from '../../domain/document-fields.js';
import {
  crossChecked,
  fieldsByLabel,
  ILLEGIBLE,
  normaliseField,
  notThisKind,
  type OcrLine,
} from '../../domain/document-reading.js';
import { DOCUMENT_CATALOGUE, type FormsKind } from '../../domain/documents.js';
import type { DocumentReading } from '../../ports.js';

/**
 * Payslips, statements, letters, bills and photocard licences read by Amazon Textract (DESIGN.md §3):
 * `AnalyzeDocument` with FORMS and QUERIES, one query per catalogue field (its alias the field's name), each
 * answer put through the same normalisers as the local reader's (domain/document-fields.ts), its confidence
 * Textract's. A field no query answered is looked for among the form's key-value pairs with the local
 * reader's labels (domain/document-reading.ts).
 *
 * Pages: the synchronous `AnalyzeDocument` takes bytes of a JPEG, a PNG or a single-page PDF. A PDF of more
 * pages is read by the asynchronous `StartDocumentAnalysis` from the promoted S3 object (textract-jobs.ts), with
 * the same queries; its blocks become fields through {@link readingFromBlocks}, as here.
 */

/** The question put for each field, in the words a reader of the document would use. */
const QUESTIONS: Readonly<Record<string, string>> = {
  employeeName: "What is the employee's name?",
  employerName: "What is the employer's name?",
  payDate: 'What is the pay date?',
  payPeriod: 'How often is the employee paid?',
  grossPay: 'What is the gross pay for this period?',
  netPay: 'What is the net pay for this period?',
  accountHolder: 'Who is the account holder?',
  address: 'What is the full address, with the postcode?',
  periodStart: 'What is the first day of the statement period?',
  periodEnd: 'What is the last day of the statement period?',
  moneyIn: 'What is the total money in?',
  closingBalance: 'What is the closing balance?',
  claimantName: "What is the claimant's name?",
  assessmentPeriodStart: 'What is the first day of the assessment period?',
  assessmentPeriodEnd: 'What is the last day of the assessment period?',
  housingElement: 'What is the housing element amount?',
  totalPayment: 'What is the total payment?',
  benefit: 'Which benefit is awarded?',
  amount: 'What is the amount of the benefit?',
  frequency: 'How often is the benefit paid?',
  letterDate: 'What is the date of the letter?',
  postcode: 'What is the postcode of the address?',
  supplier: 'Who is the supplier?',
  billDate: 'What is the date of the bill?',
  council: 'Which council sent the bill?',
  // A photocard licence's numbered fields (1. surname, 2. given names, 3. birth, 4b. expiry, 5. number, 8. address).
  surname: 'What is the surname in field 1?',
  givenNames: 'What are the given names in field 2?',
  dateOfBirth: 'What is the date of birth in field 3?',
  expiryDate: 'What is the expiry date in field 4b?',
  documentNumber: 'What is the driver number in field 5?',
};

/** The queries for a kind: one per field of the catalogue, the field's name as its alias. */
export function queriesFor(kind: FormsKind): Array<{ Text: string; Alias: string }> {
  return DOCUMENT_CATALOGUE[kind].fields.map((field) => ({
    Text: QUESTIONS[field] ?? `What is the ${field}?`,
    Alias: field,
  }));
}

const byId = (blocks: readonly Block[]) =>
  new Map(blocks.flatMap((block) => (block.Id ? [[block.Id, block]] : [])));

const related = (block: Block | undefined, type: string, index: Map<string, Block>): Block[] =>
  (block?.Relationships ?? [])
    .filter((relationship) => relationship.Type === type)
    .flatMap((relationship) => relationship.Ids ?? [])
    .flatMap((id) => index.get(id) ?? []);

/** The answers to the queries, by alias, normalised; the most confident answer where there are several. */
function answered(
  kind: FormsKind,
  blocks: readonly Block[],
  index: Map<string, Block>,
): Record<string, FieldReading> {
  const fields: Record<string, FieldReading> = {};
  const wanted = new Set(DOCUMENT_CATALOGUE[kind].fields);
  for (const query of blocks.filter((block) => block.BlockType === 'QUERY')) {
    const alias = query.Query?.Alias;
    if (!alias || !wanted.has(alias)) continue;
    for (const result of related(query, 'ANSWER', index)) {
      const value = result.Text === undefined ? undefined : normaliseField(alias, result.Text);
      const confidence = Math.round((result.Confidence ?? 0) * 10) / 1000;
      if (value !== undefined && confidence > (fields[alias]?.confidence ?? -1))
        fields[alias] = { value, confidence };
    }
  }
  return fields;
}

/** The text of a KEY or VALUE block: its WORD (and SELECTION_ELEMENT) children, in order. */
function textOf(block: Block | undefined, index: Map<string, Block>): string {
  return related(block, 'CHILD', index)
    .map((child) => child.Text ?? '')
    .filter((text) => text.length > 0)
    .join(' ');
}

/** The form's key-value pairs as lines "key value", for the local reader's label-anchored extraction. */
function keyValueLines(blocks: readonly Block[], index: Map<string, Block>): OcrLine[] {
  return blocks
    .filter((block) => block.BlockType === 'KEY_VALUE_SET' && block.EntityTypes?.includes('KEY'))
    .flatMap((key) => {
      const value = related(key, 'VALUE', index)[0];
      const keyText = textOf(key, index);
      const valueText = textOf(value, index);
      if (!keyText || !valueText) return [];
      return [
        {
          text: `${keyText} ${valueText}`,
          confidence: Math.min(key.Confidence ?? 0, value?.Confidence ?? 0) / 100,
        },
      ];
    });
}

export async function readDocumentWithTextract(
  textract: TextractClient,
  input: { kind: FormsKind; bytes: Uint8Array },
): Promise<DocumentReading> {
  let output: AnalyzeDocumentCommandOutput;
  try {
    output = await textract.send(
      new AnalyzeDocumentCommand({
        Document: { Bytes: input.bytes },
        FeatureTypes: ['FORMS', 'QUERIES'],
        QueriesConfig: { Queries: queriesFor(input.kind) },
      }),
    );
  } catch (error) {
    if (error instanceof UnsupportedDocumentException)
      return {
        ok: false,
        reason:
          'Only a photo or a one-page PDF can be read here: upload a photo of each page, or the page that shows your name, dates and amounts.',
      };
    if (error instanceof BadDocumentException)
      return {
        ok: false,
        reason:
          'The file could not be opened as a JPEG, PNG or PDF, or it arrived incomplete: upload it again.',
      };
    if (error instanceof DocumentTooLargeException)
      return {
        ok: false,
        reason: 'The file is too large to read: upload a smaller photo or scan (under 5 MB).',
      };
    throw error;
  }
  return readingFromBlocks(input.kind, output.Blocks ?? [], output.DocumentMetadata?.Pages ?? 1);
}

/**
 * The fields Textract's blocks answer for a kind, from either API (synchronous or asynchronous): the queries'
 * answers first, the form's key-value pairs read with the local reader's labels for the rest, cross-checked.
 */
export function readingFromBlocks(kind: FormsKind, blocks: readonly Block[], pages: number): DocumentReading {
  const index = byId(blocks);
  if (!blocks.some((block) => block.BlockType === 'LINE' || block.BlockType === 'WORD'))
    return { ok: false, reason: ILLEGIBLE };
  const fromForms = fieldsByLabel(kind, keyValueLines(blocks, index));
  const fields = crossChecked(kind, { ...fromForms, ...answered(kind, blocks, index) });
  if (Object.keys(fields).length === 0) return { ok: false, reason: notThisKind(kind) };
  return { ok: true, fields, pages };
}
