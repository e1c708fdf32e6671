import {
  AnalyzeDocumentCommand,
  type AnalyzeDocumentCommandOutput,
  BadDocumentException,
  type Block,
  DocumentTooLargeException,
  type TextractClient,
  UnsupportedDocumentException,
} from '@aws-sdk/client-textract';
import { looksLikeTd3Line, MRZ_NOT_FOUND, MRZ_UNREADABLE, readTd3 } from '../../domain/mrz.js';
import type { DocumentReading, MrzReading, TextReader } from '../../ports.js';
import { readDocumentWithTextract } from './textract-forms.js';

export const TEXTRACT_ENGINE = 'amazon-textract';

/**
 * Questions put to the passport's printed fields (Textract QUERIES), to cross-check what the MRZ says: a
 * check-digit-valid MRZ can still carry a misread name (DESIGN.md §5). `AnalyzeID` would read passports
 * directly but is US-only, so UK passports are read through their MRZ.
 */
const QUERIES = [
  { Text: 'What is the surname?', Alias: 'SURNAME' },
  { Text: 'What is the passport number?', Alias: 'PASSPORT_NUMBER' },
] as const;

/** How much a disagreement between the MRZ and the printed fields lowers the reading's confidence. */
const DISAGREEMENT_FACTOR = 0.8;

interface Row {
  top: number;
  height: number;
  parts: Array<{ left: number; text: string; confidence: number }>;
}

/**
 * Textract's LINE blocks grouped into rows: Textract may split a long MRZ line where a run of fillers leaves a
 * gap, so blocks whose vertical centres fall within half a line of each other are joined, left to right.
 */
function rowsOf(blocks: readonly Block[]): Row[] {
  const rows: Row[] = [];
  const lines = blocks
    .filter((block) => block.BlockType === 'LINE' && block.Text)
    .map((block) => {
      const box = block.Geometry?.BoundingBox;
      return {
        text: block.Text ?? '',
        confidence: (block.Confidence ?? 0) / 100,
        top: box?.Top ?? 0,
        height: box?.Height ?? 0,
        left: box?.Left ?? 0,
      };
    })
    .sort((a, b) => a.top - b.top);
  for (const line of lines) {
    const centre = line.top + line.height / 2;
    const row = rows.find((candidate) => {
      const rowCentre = candidate.top + candidate.height / 2;
      return Math.abs(rowCentre - centre) <= Math.max(candidate.height, line.height) / 2;
    });
    if (row) row.parts.push({ left: line.left, text: line.text, confidence: line.confidence });
    else
      rows.push({
        top: line.top,
        height: line.height,
        parts: [{ left: line.left, text: line.text, confidence: line.confidence }],
      });
  }
  return rows;
}

/** The two MRZ lines (lowest on the page, the first starting with P when there is a choice), and their confidence. */
export function mrzLinesFrom(
  blocks: readonly Block[],
): { lines: [string, string]; confidence: number } | undefined {
  const candidates = rowsOf(blocks)
    .map((row) => {
      const parts = [...row.parts].sort((a, b) => a.left - b.left);
      return {
        text: parts.map((part) => part.text).join(''),
        confidence: parts.reduce((sum, part) => sum + part.confidence, 0) / parts.length,
      };
    })
    .filter((row) => looksLikeTd3Line(row.text));
  for (let i = candidates.length - 2; i >= 0; i -= 1) {
    const first = candidates[i];
    const second = candidates[i + 1];
    if (first && second && first.text.trim().toUpperCase().startsWith('P'))
      return { lines: [first.text, second.text], confidence: (first.confidence + second.confidence) / 2 };
  }
  const [first, second] = candidates.slice(-2);
  if (!first || !second) return undefined;
  return { lines: [first.text, second.text], confidence: (first.confidence + second.confidence) / 2 };
}

/** The answer Textract gave to a query, by alias. */
function answer(blocks: readonly Block[], alias: string): string | undefined {
  const query = blocks.find((block) => block.BlockType === 'QUERY' && block.Query?.Alias === alias);
  const ids = query?.Relationships?.find((relationship) => relationship.Type === 'ANSWER')?.Ids ?? [];
  const result = blocks.find(
    (block) => block.BlockType === 'QUERY_RESULT' && block.Id && ids.includes(block.Id),
  );
  return result?.Text;
}

/** ICAO 9303 Part 3 §6 transliterations that write one printed letter as two in the MRZ. */
const TWO_LETTER_FORMS: Readonly<Record<string, string>> = {
  Ä: 'AE',
  Å: 'AA',
  Æ: 'AE',
  Ö: 'OE',
  Ø: 'OE',
  Ü: 'UE',
  ß: 'SS',
  Þ: 'TH',
};

/** The ways the MRZ may write a printed field: letters and digits only, accents dropped or spelt out. */
function mrzForms(text: string): string[] {
  const plain = (value: string) =>
    value
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, '');
  const upper = text.toUpperCase();
  return [plain(upper), plain([...upper].map((char) => TWO_LETTER_FORMS[char] ?? char).join(''))];
}

function agrees(printed: string | undefined, mrz: string): boolean {
  return printed === undefined || mrzForms(printed).includes(mrzForms(mrz)[0] ?? '');
}

/**
 * The TextReader for AWS (DESIGN.md §3): Amazon Textract `AnalyzeDocument` on the image's bytes, with QUERIES
 * for the printed surname and passport number. The MRZ's two lines come from Textract's LINE blocks and go
 * through the same repair and parse as the local reader's; where the printed fields disagree with the MRZ,
 * the reading's confidence drops so an officer looks. Textract's refusals of the document (not an image it
 * can read, too large) are readings that failed; throttling and other faults are thrown for the workflow to retry.
 */
export class TextractMrzReader implements TextReader {
  constructor(
    private readonly textract: TextractClient,
    private readonly options: { now?: () => Date } = {},
  ) {}

  /** Payslips, statements, letters, bills and licences: FORMS and QUERIES (textract-forms.ts). */
  readDocument(input: Parameters<TextReader['readDocument']>[0]): Promise<DocumentReading> {
    return readDocumentWithTextract(this.textract, input);
  }

  async readPassportMrz(image: Uint8Array): Promise<MrzReading> {
    const fail = (reason: string): MrzReading => ({ ok: false, reason, engine: TEXTRACT_ENGINE });
    let output: AnalyzeDocumentCommandOutput;
    try {
      output = await this.textract.send(
        new AnalyzeDocumentCommand({
          Document: { Bytes: image },
          FeatureTypes: ['QUERIES'],
          QueriesConfig: { Queries: QUERIES.map((query) => ({ ...query })) },
        }),
      );
    } catch (error) {
      if (error instanceof BadDocumentException || error instanceof UnsupportedDocumentException)
        return fail('The file is not a JPEG, PNG or single-page PDF that can be read.');
      if (error instanceof DocumentTooLargeException) return fail('The file is too large to read.');
      throw error;
    }
    const blocks = output.Blocks ?? [];
    const found = mrzLinesFrom(blocks);
    if (!found) return fail(MRZ_NOT_FOUND);
    const reading = readTd3(found.lines, {
      engine: TEXTRACT_ENGINE,
      today: this.options.now?.() ?? new Date(),
      engineConfidence: found.confidence,
    });
    if (!reading.ok) return fail(MRZ_UNREADABLE);
    const printedSurname = answer(blocks, 'SURNAME');
    const printedNumber = answer(blocks, 'PASSPORT_NUMBER');
    if (
      agrees(printedSurname, reading.fields.surname) &&
      agrees(printedNumber, reading.fields.documentNumber)
    )
      return reading;
    return { ...reading, confidence: Math.round(reading.confidence * DISAGREEMENT_FACTOR * 1000) / 1000 };
  }
}
