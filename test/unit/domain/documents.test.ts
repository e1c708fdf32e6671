import { DocumentKind, type DocumentRecord } from '../../../shared/domain/application';
import {
  DOCUMENT_CATALOGUE,
  deleteAfter,
  type EvidenceKind,
  retentionDays,
  withDeletionDates,
} from '../../../shared/domain/documents';
import {
  BRP_REFUSAL,
  formatShareCode,
  ImmigrationEvidence,
  ShareCode,
} from '../../../shared/domain/immigration-evidence';

const everyKind: EvidenceKind[] = [...DocumentKind.options, 'evisa-share-code'];
const accepted = everyKind.filter((kind) => DOCUMENT_CATALOGUE[kind].refusal === undefined);

describe('the document catalogue', () => {
  it('has an entry for every document kind and the share code, and nothing else', () => {
    // Prepare
    const catalogued = Object.keys(DOCUMENT_CATALOGUE).sort();

    // Act
    const kinds = [...everyKind].sort();

    // Assess
    expect(catalogued).toEqual(kinds);
  });

  it.each(accepted)('says what a %s proves, the fields it yields and how long it is kept', (kind) => {
    // Prepare
    const entry = DOCUMENT_CATALOGUE[kind];

    // Act
    const days = retentionDays(kind);

    // Assess
    expect(entry.name).not.toBe('');
    expect(entry.proves.length).toBeGreaterThan(0);
    expect(entry.fields.length).toBeGreaterThan(0);
    expect(new Set(entry.fields).size).toBe(entry.fields.length);
    expect(days).toBeGreaterThan(0);
    expect(Number.isInteger(days)).toBe(true);
  });

  it('takes photos and scans of every document that is uploaded, and reads each by OCR', () => {
    // Prepare
    const uploaded = accepted.filter((kind) => kind !== 'evisa-share-code');

    // Act
    const entries = uploaded.map((kind) => DOCUMENT_CATALOGUE[kind]);

    // Assess
    for (const entry of entries) {
      expect(entry.contentTypes).toEqual(['image/jpeg', 'image/png', 'application/pdf']);
      expect(entry.reading).not.toBe('none');
    }
    expect(DOCUMENT_CATALOGUE.passport.reading).toBe('mrz');
  });

  it('takes no file for a share code and never reads it: an officer checks it', () => {
    // Prepare
    const entry = DOCUMENT_CATALOGUE['evisa-share-code'];

    // Act
    const { contentTypes, reading, proves, fields } = entry;

    // Assess
    expect(contentTypes).toEqual([]);
    expect(reading).toBe('none');
    expect(proves).toEqual(['immigration-status']);
    expect(fields).toEqual(['shareCode', 'dateOfBirth']);
  });

  it('covers identity, income, address and immigration status between them', () => {
    // Prepare
    const proved = new Set(accepted.flatMap((kind) => DOCUMENT_CATALOGUE[kind].proves));

    // Act
    const all = [...proved].sort();

    // Assess
    expect(all).toEqual(['address', 'identity', 'immigration-status', 'income']);
  });

  it('refuses a biometric residence permit as proof, with the reason, and keeps nothing of it', () => {
    // Prepare
    const brp = DOCUMENT_CATALOGUE.brp;

    // Act
    const days = retentionDays('brp');

    // Assess
    expect(brp.refusal).toBe(BRP_REFUSAL);
    expect(brp.proves).toEqual([]);
    expect(brp.contentTypes).toEqual([]);
    expect(days).toBe(0);
  });

  it('keeps identity documents for less time than the evidence behind income and address decisions', () => {
    // Prepare
    const identity = retentionDays('passport');

    // Act
    const income = retentionDays('payslip');

    // Assess
    expect(identity).toBe(30);
    expect(income).toBe(90);
    expect(retentionDays('driving-licence')).toBe(identity);
    expect(retentionDays('council-tax-bill')).toBe(income);
  });
});

describe('deleteAfter', () => {
  it('is the retention period after the application closed or was let', () => {
    // Prepare
    const closedAt = '2027-01-20T10:30:00.000Z';

    // Act
    const passport = deleteAfter('passport', closedAt);
    const payslip = deleteAfter('payslip', closedAt);

    // Assess
    expect(passport).toBe('2027-02-19T10:30:00.000Z');
    expect(payslip).toBe('2027-04-20T10:30:00.000Z');
  });
});

describe('withDeletionDates', () => {
  const passport: DocumentRecord = {
    documentId: 'doc_passport1',
    kind: 'passport',
    contentType: 'image/jpeg',
    sizeBytes: 2_400_000,
    status: 'read',
    declaredAt: '2026-11-02T09:00:00.000Z',
  };

  it('dates each document from its kind, and keeps a date set when it closed before', () => {
    // Prepare
    const earlier = { ...passport, documentId: 'doc_passport0', deleteAfter: '2027-01-01T00:00:00.000Z' };

    // Act
    const dated = withDeletionDates([passport, earlier], '2027-01-20T10:30:00.000Z');

    // Assess
    expect(dated.map((document) => document.deleteAfter)).toEqual([
      '2027-02-19T10:30:00.000Z',
      '2027-01-01T00:00:00.000Z',
    ]);
  });
});

describe('a share code', () => {
  it.each([
    ['W12 3AB C45', 'W123ABC45'],
    ['W123ABC45', 'W123ABC45'],
    ['w12 3ab c45', 'W123ABC45'],
    ['W12-3AB-C45', 'W123ABC45'],
    ['  s12 - 3ab - c45 ', 'S123ABC45'],
  ])('takes %p as %p', (typed, stored) => {
    // Prepare
    const answer = typed;

    // Act
    const code = ShareCode.parse(answer);

    // Assess
    expect(code).toBe(stored);
  });

  it.each([
    ['too short', 'W12 3AB C4'],
    ['too long', 'W12 3AB C456'],
    ['with other characters', 'W12 3AB C4!'],
    ['empty', ''],
  ])('refuses one %s', (_why, typed) => {
    // Prepare
    const answer = typed;

    // Act
    const parsed = ShareCode.safeParse(answer);

    // Assess
    expect(parsed.success).toBe(false);
  });

  it('is shown as three groups of three, as the Home Office service shows it', () => {
    // Prepare
    const stored = 'W123ABC45';

    // Act
    const shown = formatShareCode(stored);

    // Assess
    expect(shown).toBe('W12 3AB C45');
  });
});

describe('immigration evidence', () => {
  it('records a share code and the holder’s date of birth, normalised', () => {
    // Prepare
    const answer = { kind: 'share-code', shareCode: 'w12 3ab c45', dateOfBirth: '1991-06-14' };

    // Act
    const evidence = ImmigrationEvidence.parse(answer);

    // Assess
    expect(evidence).toEqual({ kind: 'share-code', shareCode: 'W123ABC45', dateOfBirth: '1991-06-14' });
  });

  it('records that there is no share code yet, for an officer to follow up', () => {
    // Prepare
    const answer = { kind: 'none' };

    // Act
    const evidence = ImmigrationEvidence.parse(answer);

    // Assess
    expect(evidence).toEqual({ kind: 'none' });
  });

  it('refuses a biometric residence permit with the reason and what to give instead', () => {
    // Prepare
    const answer = { kind: 'brp' };

    // Act
    const parsed = ImmigrationEvidence.safeParse(answer);

    // Assess
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([expect.objectContaining({ path: ['kind'], message: BRP_REFUSAL })]);
  });
});
