import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { pdffonts, pdfsig, pdftotext } from '../../local/poppler';
import { P12TenancySigner } from '../../shared/adapters/local/p12-signer';
import type { Application } from '../../shared/domain/application';
import type { Tenancy } from '../../shared/domain/letting';
import { Stage } from '../../shared/domain/stage';
import { yourDataSections } from '../../shared/domain/your-data';
import { wordingFor } from '../../shared/i18n/your-data';
import { sha256Hex } from '../../shared/ids';
import { qualification } from '../../shared/services/application-stages';
import { closeCaseAndWriteLetters } from '../../shared/services/letter-pdf';
import { appendSignature } from '../../shared/services/pdf-signatures';
import { agreementPdf } from '../../shared/services/tenancy-agreement';
import { dataCopyForApplicant, requestDataCopy, yourDataForApplicant } from '../../shared/services/your-data';
import { writeDataCopy } from '../../shared/services/your-data-pdf';
import { aCompleteApplication, aHome } from '../fixtures/applications';
import { aCaseWorld, applicationId as caseId } from '../support/authorisation';
import { memoryDeps } from '../support/memory';

/**
 * Decision letters as a reader gets them (issue 9): the PDF the close-case step writes, read back by poppler's
 * `pdftotext` (through the font's ToUnicode map, as a screen reader or a search would) and `pdffonts`.
 */

const applicationId = 'app_0123456789abcdef0123456789abcdef';

/** Dafydd ap Llŷr of Tŷ Gwyn, earning over Riverside's income cap, in the language he chose. */
function dafydd(language: Application['language'], firstName = 'Dafydd'): Application {
  const application = aCompleteApplication();
  return {
    ...application,
    ...(language ? { language } : {}),
    profile: {
      ...application.profile,
      household: application.profile.household.map((member) =>
        member.relationship === 'applicant' ? { ...member, firstName, lastName: 'ap Llŷr' } : member,
      ),
      currentHome: {
        postcode: 'RV1 4AB',
        addressLine: 'Tŷ Gwyn, 12 Mill Lane',
        bedrooms: 1,
        tenure: 'private-rent',
      },
      income: { monthlyEarnings: 700_000, monthlyBenefits: 0, savings: 0 },
    },
  };
}

/** The letter an officer's close writes, after the Qualification stage referred. */
async function closingLetter(application: Application): Promise<Uint8Array> {
  const deps = memoryDeps();
  await deps.applications.create(application);
  await qualification(deps, { applicationId });
  await closeCaseAndWriteLetters(deps, {
    applicationId,
    stage: Stage.Qualification,
    reason: 'Payslips confirm the household earns £84,000 a year.',
  });
  const stored = deps.documents.promoted.get(`letters/${applicationId}/decision-1.pdf`);
  if (!stored) throw new Error('no letter was written');
  return stored.bytes;
}

/** The text as a reader gets it: wrapped lines joined, runs of spaces as one. */
const readText = async (pdf: Uint8Array) => (await pdftotext(pdf)).replace(/\s+/g, ' ');

describe('a decision letter to a Welsh speaker', () => {
  it('is written in Welsh, with every ŵ and ŷ printed as written and read back as text', async () => {
    // Act
    const pdf = await closingLetter(dafydd('cy'));

    // Assess
    const text = await readText(pdf);
    for (const expected of [
      'Dydych chi ddim yn gallu ymuno â’r gofrestr tai',
      'Dafydd ap Llŷr',
      'Tŷ Gwyn, 12 Mill Lane',
      '2 Tachwedd 2026',
      'Pam y gwnaethon ni benderfynu hyn',
      'Rheswm y swyddog: Payslips confirm the household earns £84,000 a year.',
      'Beth sy’n digwydd nesaf',
      'Gofynnwch erbyn 23 Tachwedd 2026, 21 diwrnod o ddyddiad y llythyr hwn.',
      'Deddf Tai 1996 adran 166A(9)',
      'tudalen 1 o 2',
      'tudalen 2 o 2',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Why we decided this');
    const catalog = (await PDFDocument.load(pdf)).catalog;
    expect(catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('cy');
    const fonts = await pdffonts(pdf);
    expect(fonts).toHaveLength(2);
    for (const font of fonts) {
      expect(font).toEqual(expect.objectContaining({ type: 'CID TrueType', embedded: true, unicode: true }));
      expect(font.name).toMatch(/^[A-Z]{6}\+DoorstepSans(-Bold)?$/);
    }
  });

  it('gives the same bytes each time it is written, so its hash on the record can be checked', async () => {
    // Act
    const [first, second] = [await closingLetter(dafydd('cy')), await closingLetter(dafydd('cy'))];

    // Assess
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });
});

describe('a decision letter in English', () => {
  it('stays in Helvetica, with nothing embedded, when every character is one Helvetica has', async () => {
    // Act: "Llŷr" is the one character Helvetica lacks, so an English letter to Dafydd Jones has none.
    const application = dafydd(undefined);
    const pdf = await closingLetter({
      ...application,
      profile: {
        ...application.profile,
        household: application.profile.household.map((member) =>
          member.relationship === 'applicant' ? { ...member, lastName: 'Jones' } : member,
        ),
        currentHome: {
          postcode: 'RV1 4AB',
          addressLine: '12 Mill Lane',
          bedrooms: 1,
          tenure: 'private-rent',
        },
      },
    });

    // Assess
    const text = await readText(pdf);
    expect(text).toContain('You do not qualify to join the housing register');
    expect(text).toContain('Dafydd Jones');
    const fonts = (await pdffonts(pdf)).map((font) => [font.name, font.embedded]);
    expect(fonts).toEqual(
      expect.arrayContaining([
        ['Helvetica', false],
        ['Helvetica-Bold', false],
      ]),
    );
    expect(fonts).toHaveLength(2);
  });

  it('embeds the letter fonts for a name Helvetica cannot print, rather than print a question mark', async () => {
    // Act: Łukasz's Ł has no plain form; Llŷr's ŷ would lose its circumflex.
    const pdf = await closingLetter(dafydd('en', 'Łukasz'));

    // Assess
    const text = await readText(pdf);
    expect(text).toContain('Łukasz ap Llŷr');
    expect(text).toContain('Tŷ Gwyn, 12 Mill Lane');
    expect(text).toContain('You do not qualify to join the housing register');
    expect(text).toContain('page 2 of 2');
    expect((await pdffonts(pdf)).every((font) => font.embedded)).toBe(true);
  });
});

describe('the PDF copy of what we hold, for a Welsh speaker', () => {
  it('is in Welsh, section by section, as the Welsh page shows it', async () => {
    // Prepare: a household taken to its keys, who chose Welsh.
    const world = await aCaseWorld('let');
    const { deps } = world;
    const application = await deps.applications.get(caseId);
    if (!application) throw new Error('no application');
    await deps.applications.save({ ...application, language: 'cy' });
    const applicant = { subject: application.ownerId };
    await requestDataCopy(deps, { applicant, applicationId: caseId });

    // Act
    await writeDataCopy(deps, { applicationId: caseId });
    const { pdf } = await dataCopyForApplicant(deps, { applicant, applicationId: caseId });

    // Assess
    const text = await readText(pdf);
    const data = await yourDataForApplicant(deps, { applicant, applicationId: caseId });
    expect(text).toContain('Beth sydd gennym amdanoch chi');
    for (const section of yourDataSections(data, wordingFor('cy'))) expect(text).toContain(section.title);
    expect(text).not.toContain('What we hold about you');
    expect(text).toMatch(/tudalen 1 o \d+/);
  });
});

describe('a tenancy agreement for a home in Wales', () => {
  it('prints the home and the tenants as the record has them, and still takes a valid signature', async () => {
    // Prepare
    const terms = [
      'This is a secure occupation contract under the Renting Homes (Wales) Act 2016 between Cwm Valley Homes and Siân Ŵyn.',
      'The home is Tŷ Gwyn, 2 Ffordd yr Ŵyl, CF1 1AA, with 2 bedrooms.',
    ];
    const tenancy: Tenancy = {
      tenancyId: 'ten_5c1e9a7b3d2f4e6a8b0c1d2e3f4a5b6c',
      offerId: 'off_5c1e9a7b3d2f4e6a8b0c1d2e3f4a5b6c',
      applicationId,
      propertyId: 'prop_cwm-2',
      tenants: ['Siân Ŵyn'],
      address: 'Tŷ Gwyn, 2 Ffordd yr Ŵyl, CF1 1AA',
      weeklyRent: 9_800,
      startDate: '2026-12-07',
      kind: 'secure-occupation-contract',
      terms,
      termsSha256: sha256Hex(terms.join('\n')),
      status: 'awaiting-signature',
    };
    const agreement = await agreementPdf(tenancy, aHome(), 'Cwm Valley Homes');

    // Act
    const signed = await appendSignature(
      agreement,
      new P12TenancySigner({ commonName: 'Cwm Valley Homes' }),
      {
        name: 'Siân Ŵyn',
        reason: 'Signed by Siân Ŵyn (contract-holder) via Doorstep',
        signingTime: new Date('2026-11-30T10:00:00Z'),
      },
    );

    // Assess
    const text = await readText(signed);
    expect(text).toContain('Tŷ Gwyn, 2 Ffordd yr Ŵyl, CF1 1AA');
    expect(text).toContain('Contract-holder: Siân Ŵyn');
    expect(text).toContain('The home is Tŷ Gwyn');
    expect((await pdffonts(agreement)).filter((font) => font.embedded)).toHaveLength(2);
    expect((await pdfsig(signed)).signatures.map((signature) => signature.validation)).toEqual([
      'Signature is Valid.',
    ]);
  });
});
