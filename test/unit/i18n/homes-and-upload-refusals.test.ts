import type { GetObjectTaggingCommandOutput } from '@aws-sdk/client-s3';
import { AsUploadedInspector } from '../../../shared/adapters/aws/as-uploaded-inspector';
import { verdictFromTags } from '../../../shared/adapters/aws/guardduty-scanner';
import { StructuralScanner } from '../../../shared/adapters/local/structural-scanner';
import { LocalUploadInspector } from '../../../shared/adapters/local/upload-inspector';
import type { DocumentRecord } from '../../../shared/domain/application';
import type { AccessibilityFeature, Property } from '../../../shared/domain/letting';
import { type ShortlistCandidate, skipReasons } from '../../../shared/domain/shortlist';
import { MissingTranslation, translate, welshFor } from '../../../shared/i18n';
import { policyFor } from '../../../shared/policies';
import { DOES_NOT_FIT } from '../../../shared/services/adverts';
import { documentKey, receiveUpload } from '../../../shared/services/documents';
import { aCompleteApplication, aHome } from '../../fixtures/applications';
import { cleanSamples, hostileUploads } from '../../fixtures/hostile/generate';
import { memoryDeps } from '../../support/memory';

/** English words a Welsh text should not have left in it: a pattern that swallowed an untranslated sentence. */
const englishLeftIn = (texts: string[]) =>
  texts
    .map((text) => translate('cy', text, { strict: true }))
    .filter((welsh) =>
      /\b(you|your|the|and|is|are|has|needs|could not|cannot|upload|photo|it)\b/i.test(welsh),
    );

const missingFrom = (texts: string[]) => texts.filter((text) => welshFor(text) === undefined);

describe('the Welsh catalogue, for why a home does not fit a household', () => {
  const FEATURES: AccessibilityFeature[] = ['step-free', 'wheelchair-standard', 'level-access-shower'];
  const household: ShortlistCandidate = {
    applicationId: 'app_0123456789abcdef0123456789abcdef',
    landlordId: 'riverside-homes',
    band: 'B',
    effectiveDate: '2026-01-10',
    bedroomNeed: 1,
    householdSize: 1,
  };

  /**
   * Every rule a household can fail for a home (shortlist.ts skipReasons), each way its text can be written:
   * one or several bedrooms, people and years, each accessibility feature on an unknown floor, the ground floor,
   * an upper floor and a basement, an age or years not known, under each council's policy.
   */
  function everySkipReason(): string[] {
    const cases: Array<[Partial<Property>, Partial<ShortlistCandidate>]> = [
      [{ landlordId: 'cwm-valley-homes' }, {}],
      [{ bedrooms: 0 }, { bedroomNeed: 1 }],
      [{ bedrooms: 2 }, { bedroomNeed: 3 }],
      [{ bedSpaces: 0 }, { householdSize: 1 }],
      [{ bedSpaces: 3 }, { householdSize: 4 }],
      ...[undefined, 0, 2, -1].flatMap((floor) =>
        FEATURES.map((need): [Partial<Property>, Partial<ShortlistCandidate>] => [
          { accessibility: [], ...(floor === undefined ? {} : { floor }) },
          { accessibilityNeeds: [need] },
        ]),
      ),
      [{ petsAllowed: false }, { hasPets: true }],
      [{ localLettings: { minimumAge: 55 } }, {}],
      [{ localLettings: { minimumAge: 55 } }, { applicantDateOfBirth: '1990-03-27' }],
      ...[1, 3].flatMap((required) =>
        [undefined, 0, 1, 2]
          .filter((years) => years === undefined || years < required)
          .map((years): [Partial<Property>, Partial<ShortlistCandidate>] => [
            { localLettings: { localConnectionYears: required } },
            years === undefined ? {} : { localConnectionYears: years },
          ]),
      ),
    ];
    return ['riverside-council', 'cwm-valley'].flatMap((policyId) =>
      cases.flatMap(([home, candidate]) =>
        skipReasons(
          aHome(home),
          { ...household, ...candidate },
          { policy: policyFor(policyId), on: '2026-11-29' },
        ).map((reason) => reason.text),
      ),
    );
  }

  it('has Welsh for every reason a home does not fit, across both councils’ policies', () => {
    // Prepare
    const texts = everySkipReason();

    // Act
    const missing = missingFrom(texts);

    // Assess
    // 26 ways under each policy; only the pets rule names the landlord.
    expect(new Set(texts).size).toBe(27);
    expect(texts).toContain(
      'The household needs a level-access shower, which Flat 3, 14 Weaver Court, Riverside does not have (it is on floor -1).',
    );
    expect(missing).toEqual([]);
    expect(englishLeftIn(texts)).toEqual([]);
  });

  it('has Welsh for the refusal when the household says it is interested in a home that does not fit', () => {
    // Prepare: the page shows one error for each rule the home fails (web/adverts.ts).
    const texts = everySkipReason().map((reason) => `${DOES_NOT_FIT} ${reason}`);

    // Act
    const welsh = texts.map((text) => translate('cy', text, { strict: true }));

    // Assess
    expect(welsh).toContain(
      'Dydy’r cartref hwn ddim yn addas i’ch aelwyd: Byddai 4 o bobl yn byw yno; mae gan Flat 3, 14 Weaver Court, Riverside le cysgu i 3.',
    );
    expect(englishLeftIn(texts)).toEqual([]);
  });
});

describe('the Welsh catalogue, for an upload the file checkers refuse', () => {
  const ascii = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
  const pdfWith = (body: string) =>
    ascii(`%PDF-1.7\n1 0 obj\n<< ${body} >>\nendobj\ntrailer\n<< >>\n%%EOF\n`);
  const tagged = (status: string): GetObjectTaggingCommandOutput => ({
    $metadata: { httpStatusCode: 200 },
    TagSet: [{ Key: 'GuardDutyMalwareScanStatus', Value: status }],
  });

  /**
   * What the local scanner and both inspectors say of every generated hostile file, and of crafted bytes for the
   * refusals no generated file reaches: a file of a type other than JPEG, PNG or PDF, another file hidden in a
   * PDF, an SVG drawing hidden past where the scanner first looks, a picture whose header the decoder refuses,
   * a PDF too complex to check; and what GuardDuty's tags say.
   */
  async function everyRefusal(): Promise<string[]> {
    const scanner = new StructuralScanner();
    const inspectors = [new LocalUploadInspector(), new AsUploadedInspector()];
    const { jpeg, png } = await cleanSamples();
    const badDepthPng = Buffer.from(png);
    badDepthPng[24] = 7; // IHDR bit depth 7: no such PNG
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    const badPrecisionJpeg = Buffer.from(jpeg);
    badPrecisionJpeg[sof + 4] = 3; // a frame of 3-bit samples: no such JPEG
    const svgLater = (bytes: Buffer) => Buffer.concat([bytes, Buffer.alloc(5000), Buffer.from('<svg>')]);
    const crafted: Array<[Uint8Array, string]> = [
      [ascii('GIF89a\x01\x00\x01\x00\x00\x00\x00;'), 'image/gif'],
      [badDepthPng, 'image/png'],
      [badPrecisionJpeg, 'image/jpeg'],
      [svgLater(png), 'image/png'],
      [pdfWith('/Note (%PDF-1.4)'), 'application/pdf'],
      [pdfWith('/Note (PK\x03\x04\x14\x00)'), 'application/pdf'],
      [pdfWith(`/Note (${' '.repeat(5000)}<svg>)`), 'application/pdf'],
      [
        ascii(`%PDF-1.7\n${'1 0 obj\n<< >>\nstream\nx\nendstream\nendobj\n'.repeat(10_001)}%%EOF\n`),
        'application/pdf',
      ],
    ];
    const files = [
      ...(await hostileUploads()).map((upload): [Uint8Array, string] => [upload.bytes, upload.declaredType]),
      ...crafted,
    ];
    const texts = new Set<string>();
    for (const [bytes, declaredType] of files) {
      const verdict = await scanner.scan({ key: 'k', bytes, declaredType });
      if (verdict.verdict !== 'clean') texts.add(verdict.reason);
      for (const inspector of inspectors) {
        const inspection = await inspector.inspect({ bytes, contentType: declaredType });
        if (!inspection.ok) texts.add(inspection.reason);
      }
    }
    for (const status of ['THREATS_FOUND', 'UNSUPPORTED', 'FAILED', 'SOMETHING_NEW']) {
      const verdict = verdictFromTags(tagged(status));
      if (verdict.verdict !== 'clean') texts.add(verdict.reason);
    }
    return [...texts];
  }

  /** A file of a type other than JPEG, PNG or PDF, declared as each of them (services/documents.ts). */
  async function unusualTypeRefusals(): Promise<string[]> {
    const GIF = ascii(`GIF89a\x01\x00\x01\x00\x80\x00\x00${'\x00'.repeat(64)}`);
    const ZIP = ascii(`PK\x03\x04\x14\x00\x00\x00\x08\x00${'\x00'.repeat(64)}`);
    const problems = [];
    for (const contentType of ['image/jpeg', 'image/png', 'application/pdf'] as const) {
      for (const bytes of [GIF, ZIP]) {
        const deps = memoryDeps();
        const applicationId = 'app_0123456789abcdef0123456789abcdef';
        const documentId = 'doc_0123456789abcdef0123456789abcdef';
        const document: DocumentRecord = {
          documentId,
          kind: 'passport',
          contentType,
          sizeBytes: bytes.byteLength,
          status: 'declared',
          declaredAt: '2026-11-02T09:00:00.000Z',
        };
        await deps.applications.create(aCompleteApplication({ documents: [document] }));
        deps.documents.quarantine.set(documentKey(applicationId, documentId), bytes);
        await receiveUpload(deps, { key: documentKey(applicationId, documentId) });
        problems.push((await deps.applications.get(applicationId))?.documents[0]?.problem ?? '');
      }
    }
    return problems;
  }

  it('has Welsh for every refusal the local scanner, both inspectors and GuardDuty’s tags can give', async () => {
    // Prepare
    const texts = await everyRefusal();

    // Act
    const missing = missingFrom(texts);

    // Assess: each kind of refusal, by the words only it has.
    for (const says of [
      'It contains JavaScript',
      'It could not be opened as a PNG',
      'It could not be opened as a JPEG',
      'a ZIP archive, hidden inside the document',
      'an SVG drawing, hidden inside the picture',
      'an SVG drawing, hidden inside the document',
      'It is too complex to check',
      'Doorstep takes photos (JPEG or PNG) and PDFs only. Take',
      'This PDF has at least 11 pages',
      'This PDF has no pages',
      'Our virus check gave an answer',
    ])
      expect([says, texts.some((text) => text.includes(says))]).toEqual([says, true]);
    expect(missing).toEqual([]);
    expect(englishLeftIn(texts)).toEqual([]);
  }, 60_000);

  it('has Welsh for the refusals no bytes reach: a picture the decoder opens with no size', () => {
    // The structure checks refuse a picture of no size before the decoder is asked, so no file reaches these.
    const texts = [
      'This image cannot be accepted. It has no size. Take a new photo or scan of the document and upload that (JPEG, PNG or PDF).',
      'This photo says it is 0 by 0 pixels. Take a new photo of the document and upload that.',
    ];
    expect(missingFrom(texts)).toEqual([]);
    expect(englishLeftIn(texts)).toEqual([]);
  });

  it('has Welsh for a file of an unusual type, whatever it was said to be', async () => {
    // Prepare
    const texts = await unusualTypeRefusals();

    // Act
    const missing = missingFrom(texts);

    // Assess
    expect(texts).toContain(
      'The file is not the JPEG photo it was said to be (it looks like image/gif). Upload it again as a photo (JPEG or PNG) or a PDF.',
    );
    expect(texts).toHaveLength(6);
    expect(missing).toEqual([]);
    expect(translate('cy', texts[0] ?? '', { strict: true })).toContain('(mae’n edrych fel image/gif)');
  });

  it('says so, when asked strictly, of a refusal the catalogue does not have', () => {
    const text =
      'This PDF cannot be accepted. It does something no checker says. Print it to a new PDF, or photograph it.';
    expect(() => translate('cy', text, { strict: true })).toThrow(MissingTranslation);
  });
});
