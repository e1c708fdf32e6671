import { JOB_FAILED, JOB_PARTIAL } from '../../../shared/adapters/aws/textract-jobs';
import { type DocumentRecord, MAX_DOCUMENT_BYTES } from '../../../shared/domain/application';
import { ILLEGIBLE, notThisKind } from '../../../shared/domain/document-reading';
import { FORMS_KINDS } from '../../../shared/domain/documents';
import { SMEARED_CHECK_DIGITS } from '../../../shared/domain/identity-check';
import { MRZ_NOT_FOUND, MRZ_SMEARED, MRZ_UNREADABLE } from '../../../shared/domain/mrz';
import { MissingTranslation, translate, welshFor } from '../../../shared/i18n';
import type { DocumentReading, MrzReading } from '../../../shared/ports';
import { receiveUpload, withFormsReading } from '../../../shared/services/documents';
import { READING_FAILED } from '../../../shared/services/later-reading';
import { aCompleteApplication } from '../../fixtures/applications';
import { memoryDeps } from '../../support/memory';
import {
  aDeclaredDocument,
  aPassportReading,
  applicationId,
  givenAnUpload,
  JPEG,
  PDF,
  PNG,
  uploadKey,
} from '../../support/uploads';

const now = new Date('2026-11-29T10:00:00Z');
const UNKNOWN = new TextEncoder().encode('Not a photo, not a scan, just words.');

/**
 * Why a reader could not read a passport (shared/domain/mrz.ts; the local reader and Textract's, in
 * shared/adapters), as the applicant is told it.
 */
const PASSPORT_READER_REASONS = [
  MRZ_NOT_FOUND,
  MRZ_UNREADABLE,
  MRZ_SMEARED,
  'A PDF cannot be read here: upload a photo or scan of the photo page as a JPEG or PNG.',
  'The file is not a JPEG or PNG image that can be opened, or it arrived incomplete.',
  'The file is not a JPEG, PNG or single-page PDF that can be read.',
  'The file is too large to read.',
];

/** Why a reader could not read a licence, payslip, statement, letter or bill (document-reading.ts, the adapters). */
const FORMS_READER_REASONS = [
  ILLEGIBLE,
  READING_FAILED,
  JOB_FAILED,
  JOB_PARTIAL,
  'Only a photo or a one-page PDF can be read here: upload a photo of each page, or the page that shows your name, dates and amounts.',
  'The file could not be opened as a JPEG, PNG or PDF, or it arrived incomplete: upload it again.',
  'The file is too large to read: upload a smaller photo or scan (under 5 MB).',
];

/** What an upload of a passport says after it arrives: the bytes as they came, and what the reader said. */
async function uploaded(
  declared: Partial<DocumentRecord>,
  bytes: Uint8Array,
  reading: MrzReading = { ok: false, reason: MRZ_NOT_FOUND, engine: 'test' },
  startReading?: () => Promise<{ jobId: string }>,
): Promise<string | undefined> {
  const deps = memoryDeps();
  deps.reader = {
    readPassportMrz: async () => reading,
    readDocument: async () => ({ ok: false, reason: ILLEGIBLE }),
  };
  if (startReading)
    deps.laterReader = {
      readsLater: () => true,
      startReading,
      collectReading: async () => ({ ok: false, reason: JOB_FAILED }),
    };
  await givenAnUpload(deps, aDeclaredDocument({ sizeBytes: bytes.byteLength, ...declared }), bytes);
  await receiveUpload(deps, { key: uploadKey });
  return (await deps.applications.get(applicationId))?.documents[0]?.problem;
}

/**
 * Every problem an upload can come back with from the services (shared/services/documents.ts): a file too large
 * or not the type it was said to be (each type declared, each type it turned out to be, or none), a passport no
 * reader could read for each reason a reader gives, and a document whose reading could not be started.
 */
async function uploadProblems(): Promise<string[]> {
  const types = [
    ['image/jpeg', JPEG],
    ['image/png', PNG],
    ['application/pdf', PDF],
  ] as const;
  const mismatched = await Promise.all(
    types.flatMap(([contentType]) =>
      [...types.filter(([other]) => other !== contentType).map(([, bytes]) => bytes), UNKNOWN].map((bytes) =>
        uploaded({ contentType }, bytes),
      ),
    ),
  );
  const tooLarge = await uploaded({}, new Uint8Array(MAX_DOCUMENT_BYTES + 1));
  const unread = await Promise.all(
    PASSPORT_READER_REASONS.map((reason) => uploaded({}, JPEG, { ok: false, reason, engine: 'test' })),
  );
  // Read from a smeared photo with a check digit failing: the applicant is asked to hold the phone still.
  const smeared = await uploaded({}, JPEG, {
    ...aPassportReading(),
    checkDigitsValid: false,
    smeared: true,
  });
  const notStarted = await Promise.all(
    FORMS_KINDS.map((kind) =>
      uploaded({ kind, contentType: 'application/pdf' }, PDF, undefined, async () => {
        throw new Error('Textract is down');
      }),
    ),
  );
  return [...mismatched, tooLarge, ...unread, smeared, ...notStarted].filter(
    (text): text is string => text !== undefined,
  );
}

/**
 * Every problem a licence, payslip, statement, letter or bill read as forms can come back with, beyond what
 * evidence-check.ts and identity-check.ts find (decision-reasons.test.ts): each reason a reader gives, not the
 * kind chosen, and a licence whose parts did not read clearly.
 */
function formsProblems(): string[] {
  const application = aCompleteApplication();
  const document = aDeclaredDocument({ kind: 'payslip', sizeBytes: 2_400_000, status: 'uploaded' });
  const unclearLicence: DocumentReading = {
    ok: true,
    fields: { surname: { value: 'PRITCHARD', confidence: 0.2 } },
    pages: 1,
  };
  const problems = FORMS_KINDS.flatMap((kind) => [
    ...[...FORMS_READER_REASONS, notThisKind(kind)].map(
      (reason) =>
        withFormsReading({ ...document, kind }, kind, { ok: false, reason }, application, now).problem,
    ),
  ]);
  const licence = withFormsReading(
    { ...document, kind: 'driving-licence' },
    'driving-licence',
    unclearLicence,
    application,
    now,
  ).problem;
  return [...problems, licence].filter((text): text is string => text !== undefined);
}

/** English words a Welsh text should not have left in it: a pattern that swallowed an untranslated sentence. */
const englishLeftIn = (texts: string[]) =>
  texts
    .map((text) => translate('cy', text, { strict: true }))
    .filter((welsh) => /\b(you|your|the|and|is|are|could not|upload|photo)\b/i.test(welsh));

describe('the Welsh catalogue, for what goes wrong with a document', () => {
  it('has Welsh for every problem an upload comes back with: its size, its type, a passport not read', async () => {
    // Prepare
    const texts = await uploadProblems();

    // Act
    const missing = texts.filter((text) => welshFor(text) === undefined);

    // Assess
    expect(texts).toHaveLength(3 * 3 + 1 + PASSPORT_READER_REASONS.length + 1 + FORMS_KINDS.length);
    expect(texts).toContain(
      'The file is not the JPEG photo it was said to be (it looks like PDF). Upload it again as a photo (JPEG or PNG) or a PDF.',
    );
    expect(texts).toContain(SMEARED_CHECK_DIGITS);
    expect(missing).toEqual([]);
    expect(englishLeftIn(texts)).toEqual([]);
  });

  it('has Welsh for every problem a licence, payslip, statement, letter or bill read as forms comes back with', () => {
    // Prepare
    const texts = formsProblems();

    // Act
    const missing = texts.filter((text) => welshFor(text) === undefined);

    // Assess
    expect(texts).toHaveLength(FORMS_KINDS.length * (FORMS_READER_REASONS.length + 1) + 1);
    expect(texts.some((text) => text.includes('the photo may be blurred'))).toBe(true);
    expect(missing).toEqual([]);
    expect(englishLeftIn(texts)).toEqual([]);
  });

  it('says so, when asked strictly, of a reader’s reason the catalogue does not have', () => {
    const text =
      'We could not read your passport automatically. A reason no reader gives. If it still cannot be read, an officer will check it.';
    expect(() => translate('cy', text, { strict: true })).toThrow(MissingTranslation);
  });
});
