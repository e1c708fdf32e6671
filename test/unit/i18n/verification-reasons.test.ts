import type { Decision, DocumentRecord, HouseholdMember } from '../../../shared/domain/application';
import { matchName } from '../../../shared/domain/names';
import { translate } from '../../../shared/i18n';
import { documentNumberFingerprint, verification } from '../../../shared/services/application-stages';
import { aCompleteApplication } from '../../fixtures/applications';
import { memoryDeps } from '../../support/memory';
import { aReadPassport, readFields } from '../../support/uploads';

/**
 * The verification stage's own texts in Welsh (issue 9): the stage is run for real, with documents as the
 * readers give them, over every outcome, and each decision's reasons and next step must be in the catalogue.
 */

const applicationId = 'app_0123456789abcdef0123456789abcdef';
const POLICIES = [
  { policyId: 'riverside-council', landlordId: 'riverside-homes' },
  { policyId: 'cwm-valley', landlordId: 'cwm-valley-homes' },
];

const read = (values: Record<string, string>, confidence = 0.95) => readFields(values, confidence);

/** Gareth's passport as the reader gives it, matching his answers unless changed. */
const passport = (changes: Record<string, string> = {}, confidence = 0.95): DocumentRecord =>
  aReadPassport(
    {
      surname: 'PRITCHARD',
      givenNames: 'GARETH',
      dateOfBirth: '1988-07-02',
      expiryDate: '2031-05-01',
      checkDigitsValid: 'true',
      documentNumber: '125583497',
      issuingState: 'GBR',
      ...changes,
    },
    confidence,
  );

/** Gareth's photocard licence, read as forms (no check digits). */
const licence = (changes: Record<string, string> = {}): DocumentRecord => ({
  ...passport(),
  documentId: 'doc_licence1',
  kind: 'driving-licence',
  readFields: read({
    surname: 'PRITCHARD',
    givenNames: 'GARETH',
    dateOfBirth: '1988-07-02',
    expiryDate: '2031-05-01',
    documentNumber: 'PRITC807028G99AB',
    ...changes,
  }),
});

const EVIDENCE_KINDS = [
  'payslip',
  'bank-statement',
  'universal-credit-statement',
  'benefit-letter',
  'utility-bill',
  'council-tax-bill',
] as const;

/** A payslip, statement, letter or bill that agrees with the answers, unless changed. */
const evidence = (
  kind: (typeof EVIDENCE_KINDS)[number],
  changes: Record<string, string> = {},
  confidence = 0.95,
): DocumentRecord => ({
  documentId: `doc_${kind.replaceAll('-', '')}`,
  kind,
  contentType: 'image/jpeg',
  sizeBytes: 900_000,
  status: 'read',
  declaredAt: '2026-11-01T10:06:00.000Z',
  readFields: read(
    {
      employeeName: 'Gareth Pritchard',
      accountHolder: 'Mr G Pritchard',
      claimantName: 'Gareth Pritchard',
      payDate: '2026-10-28',
      periodEnd: '2026-10-28',
      assessmentPeriodEnd: '2026-10-28',
      letterDate: '2026-10-28',
      billDate: '2026-10-28',
      netPay: '205000',
      payPeriod: 'monthly',
      totalPayment: '35000',
      amount: '35000',
      postcode: 'RV1 4AB',
      ...changes,
    },
    confidence,
  ),
});

const notRead = (kind: (typeof EVIDENCE_KINDS)[number], later: boolean): DocumentRecord => ({
  documentId: `doc_${kind.replaceAll('-', '')}`,
  kind,
  contentType: later ? 'application/pdf' : 'image/jpeg',
  sizeBytes: 900_000,
  status: 'uploaded',
  declaredAt: '2026-11-01T10:06:00.000Z',
  ...(later ? { readingJob: { jobId: 'job-1', startedAt: '2026-11-01T10:06:30.000Z' } } : {}),
});

interface Case {
  documents: DocumentRecord[];
  name?: Pick<HouseholdMember, 'firstName' | 'lastName'>;
  /** Document numbers another application claimed first: [kind, issuing state, number]. */
  claimedElsewhere?: Array<[string, string, string]>;
}

/** The decision the real verification stage makes on a case, under a council's policy. */
async function decide(
  { documents, name, claimedElsewhere = [] }: Case,
  policy = POLICIES[0],
): Promise<Decision> {
  const deps = memoryDeps();
  const complete = aCompleteApplication({ ...policy, documents });
  await deps.applications.create({
    ...complete,
    profile: {
      ...complete.profile,
      household: complete.profile.household.map((member) =>
        member.relationship === 'applicant' && name ? { ...member, ...name } : member,
      ),
    },
  });
  for (const [kind, state, number] of claimedElsewhere) {
    await deps.applications.claimDocumentNumber(
      documentNumberFingerprint(kind, state, number),
      'app_fedcba9876543210fedcba9876543210',
    );
  }
  await verification(deps, { applicationId });
  const decision = (await deps.applications.get(applicationId))?.decisions.at(-1);
  if (!decision) throw new Error('verification recorded no decision');
  return decision;
}

const textsOf = (decision: Decision) => [...decision.reasons.map((reason) => reason.text), decision.next];

/** English words a Welsh text should not have left in it: a pattern that swallowed an untranslated sentence. */
const englishIn = (welsh: string) => /\b(you|your|the|and|is|are|of|was)\b/i.test(welsh);

const VERIFIED: Array<[string, Case]> = [
  ['a passport, the name exact', { documents: [passport()] }],
  ['a driving licence, the name exact', { documents: [licence()] }],
  ['a passport with a middle name only on it', { documents: [passport({ givenNames: 'GARETH HUW' })] }],
  ['a passport read unsurely, its name exact', { documents: [passport({}, 0.56)] }],
  [
    'a passport without the middle names given',
    { documents: [passport()], name: { firstName: 'Gareth Huw Dafydd', lastName: 'Pritchard' } },
  ],
  [
    'a passport with accents stripped and a hyphen as a filler',
    {
      documents: [passport({ surname: 'PRYS<JONES', givenNames: 'SIAN' })],
      name: { firstName: 'Siân', lastName: 'Prys-Jones' },
    },
  ],
  [
    'a passport with the name in MRZ letters and the apostrophe left out',
    {
      documents: [passport({ surname: 'OBRIEN', givenNames: 'JUERGEN' })],
      name: { firstName: 'Jürgen', lastName: 'O’Brien' },
    },
  ],
  [
    'a licence with the names the other way round',
    { documents: [licence()], name: { firstName: 'Pritchard', lastName: 'Gareth' } },
  ],
  [
    'a passport with the words run together and the given names in another order',
    {
      documents: [passport({ surname: 'VANDERBERG', givenNames: 'HUW<GARETH' })],
      name: { firstName: 'Gareth Huw', lastName: 'Van der Berg' },
    },
  ],
  [
    'a passport with the given names run together',
    {
      documents: [passport({ givenNames: 'MARYANN' })],
      name: { firstName: 'Mary Ann', lastName: 'Pritchard' },
    },
  ],
  [
    'a passport whose name is cut short',
    {
      documents: [passport({ surname: 'WOLFESCHLEGELSTEINHAUSENBERGERDORF', givenNames: 'HUB' })],
      name: { firstName: 'Hubert', lastName: 'Wolfeschlegelsteinhausenbergerdorff' },
    },
  ],
  [
    'a passport whose surname fills the name field',
    {
      documents: [passport({ surname: 'ABERGWYNGREGYNLLANFAIRPWLLGWYNGYLLGOGER', givenNames: '' })],
      name: { firstName: 'Gareth', lastName: 'Abergwyngregynllanfairpwllgwyngyllgogerychwyrndrobwll' },
    },
  ],
  ...EVIDENCE_KINDS.map((kind): [string, Case] => [
    `a passport and a ${kind}`,
    { documents: [passport(), evidence(kind)] },
  ]),
  [
    'a licence and every kind of evidence',
    { documents: [licence(), ...EVIDENCE_KINDS.map((kind) => evidence(kind))] },
  ],
];

const REFERRED: Array<[string, Case]> = [
  [
    'a passport whose number is on another application',
    { documents: [passport()], claimedElsewhere: [['passport', 'GBR', '125583497']] },
  ],
  [
    'a licence whose number is on another application',
    { documents: [licence()], claimedElsewhere: [['driving-licence', '', 'PRITC807028G99AB']] },
  ],
  ['a passport with another date of birth', { documents: [passport({ dateOfBirth: '1988-07-20' })] }],
  ['a licence with another date of birth', { documents: [licence({ dateOfBirth: '1988-07-20' })] }],
  ['a passport with another surname', { documents: [passport({ surname: 'PRICHARD' })] }],
  [
    'a passport read unsurely, its name matching only tolerantly',
    { documents: [passport({ givenNames: 'GARETH<HUW' }, 0.56)] },
  ],
  ['a licence with other first names', { documents: [licence({ givenNames: 'GERAINT' })] }],
  ['a licence with no surname read', { documents: [licence({ surname: '' })] }],
  [
    'a passport that expired, with failing check digits',
    { documents: [passport({ expiryDate: '2025-01-31', checkDigitsValid: 'false' })] },
  ],
  ['a licence with no expiry date read', { documents: [licence({ expiryDate: '' })] }],
  ['a payslip showing more income', { documents: [passport(), evidence('payslip', { netPay: '400000' })] }],
  [
    'a bank statement in someone else’s name, too old, for another address',
    {
      documents: [
        passport(),
        evidence('bank-statement', {
          accountHolder: 'Rhys Morgan',
          periodEnd: '2026-01-01',
          postcode: 'CF10 1AA',
        }),
      ],
    },
  ],
  [
    'a bill dated after today',
    { documents: [licence(), evidence('utility-bill', { billDate: '2027-01-01' })] },
  ],
  ['a letter too unclear to check', { documents: [passport(), evidence('benefit-letter', {}, 0.3)] }],
  ['a payslip not read', { documents: [passport(), notRead('payslip', false)] }],
  ['a statement still being read', { documents: [passport(), notRead('universal-credit-statement', true)] }],
  ['no document read', { documents: [] }],
];

describe('the verification stage in Welsh', () => {
  describe.each(POLICIES)('under $policyId', (policy) => {
    it.each(VERIFIED)('verifies %s, every reason and next step in Welsh', async (_case, given) => {
      // Act
      const decision = await decide(given, policy);

      // Assess
      expect(decision.outcome).toBe('verified');
      for (const text of textsOf(decision)) {
        const welsh = translate('cy', text, { strict: true });
        expect(welsh).not.toBe(text);
        expect({ text, welsh, english: englishIn(welsh) }).toEqual({ text, welsh, english: false });
      }
    });

    it.each(REFERRED)('refers %s, every reason and next step in Welsh', async (_case, given) => {
      // Act
      const decision = await decide(given, policy);

      // Assess
      expect(decision.outcome).toBe('refer');
      for (const text of textsOf(decision)) {
        const welsh = translate('cy', text, { strict: true });
        expect(welsh).not.toBe(text);
        expect({ text, welsh, english: englishIn(welsh) }).toEqual({ text, welsh, english: false });
      }
    });
  });

  it('says what a tolerant name match allowed for in Welsh, each note, keeping the names as read and typed', async () => {
    // Prepare
    const decision = await decide({
      documents: [passport({ surname: 'PRYS<JONES', givenNames: 'SIAN<HUW' })],
      name: { firstName: 'Siân', lastName: 'Prys-Jones' },
    });
    const tolerant = decision.reasons.find((reason) => reason.rule === 'verification.name-tolerant');

    // Act
    const welsh = translate('cy', tolerant?.text ?? '', { strict: true });

    // Assess
    expect(welsh).toBe(
      'Mae’r enw ar y pasbort (PRYS JONES, SIAN HUW) yn cyfateb i’r enw a roesoch chi (Siân Prys-Jones): acenion wedi’u tynnu (â → A); cysylltnodau wedi’u hysgrifennu fel llenwyr (<); enw canol HUW ar y pasbort yn unig.',
    );
  });

  it('names the kind of document, says who acts and by when, in Welsh', async () => {
    // Act
    const verified = await decide({ documents: [licence(), evidence('payslip')] });
    const number = await decide({
      documents: [licence()],
      claimedElsewhere: [['driving-licence', '', 'PRITC807028G99AB']],
    });
    const other = await decide({ documents: [passport({ dateOfBirth: '1988-07-20' })] });
    const nothing = await decide({ documents: [] });

    // Assess
    expect(verified.reasons.map((reason) => translate('cy', reason.text, { strict: true }))).toEqual([
      'Mae eich enw, eich dyddiad geni a’r digidau gwirio ar eich trwydded yrru yn cyfateb i’ch atebion, a dydy hi ddim wedi dod i ben.',
      'Eich slip cyflog: Mae eich slip cyflog yn enw Gareth Pritchard. Y dyddiad arno yw 2026-10-28, o fewn y 62 diwrnod diwethaf. Mae’n dangos tua £2,050 y mis, sy’n cyd-fynd â’r £2,100 y mis a ddywedoch chi wrthym (o fewn 10%). Mae’r cyfeiriad arno yn RV1 4AB, lle dywedoch chi wrthym eich bod chi’n byw.',
    ]);
    expect(translate('cy', verified.next, { strict: true })).toBe(
      'Nesaf, byddwn ni’n eich rhoi chi ar y gofrestr tai.',
    );
    expect(translate('cy', number.next, { strict: true })).toBe(
      'Bydd swyddog yn cysylltu â chi o fewn 10 diwrnod i wirio rhif y drwydded yrru. Does dim rhaid i chi wneud dim byd eto.',
    );
    expect(translate('cy', other.next, { strict: true })).toMatch(
      /^Bydd swyddog yn cymharu eich pasbort â’ch atebion o fewn 10 diwrnod\. /,
    );
    expect(translate('cy', nothing.next, { strict: true })).toBe(
      'Bydd swyddog yn gwirio eich dogfennau o fewn 10 diwrnod.',
    );
  });

  it('has Welsh for every way a name read from a passport matches the name given, or does not', () => {
    // Prepare
    const pairs: Array<[string, string, string, string]> = [
      ['PRITCHARD', 'GARETH', 'Gareth', 'Pritchard'],
      ['PRITCHARD', 'GARETH', 'gareth', 'pritchard'],
      ['PRITCHARD', 'GARETH<HUW<DAFYDD', 'Gareth', 'Pritchard'],
      ['PRITCHARD', 'GARETH', 'Gareth Huw', 'Pritchard'],
      ['PRITCHARD', 'HUW<GARETH<DAFYDD', 'Gareth Huw', 'Pritchard'],
      ['MUELLER', 'JUERGEN', 'Jürgen', 'Müller'],
      ['PRITCHARD', 'GARETH', 'Gareth Huw Dafydd', 'Pritchard'],
      ['MUNXXOZ', 'NUNXXO', 'Nuño', 'Muñoz'],
      ['OBRIEN', 'ZOE', 'Zoë', 'O’Brien'],
      ['PRYS<JONES', 'SIAN', 'Siân', 'Prys-Jones'],
      ['VANDERBERG', 'MARYANN', 'Mary Ann', 'Van der Berg'],
      ['PRITCHARD', 'GARETH', 'Pritchard', 'Gareth'],
      ['WOLFESCHLEGELSTEINHAUSENBERGERDORF', 'HUB', 'Hubert', 'Wolfeschlegelsteinhausenbergerdorff'],
      [
        'ABERGWYNGREGYNLLANFAIRPWLLGWYNGYLLGOGER',
        '',
        'Gareth',
        'Abergwyngregynllanfairpwllgwyngyllgogerychwyrn',
      ],
      ['PRICHARD', 'GARETH', 'Gareth', 'Pritchard'],
      ['', 'GARETH', 'Gareth', 'Pritchard'],
      ['PRITCHARD', 'GERAINT', 'Gareth', 'Pritchard'],
      ['PRITCHARD', '', 'Gareth', 'Pritchard'],
    ];
    const matches = pairs.map(([surname, givenNames, firstName, lastName]) =>
      matchName({ surname, givenNames }, { firstName, lastName }),
    );

    // Act
    const welsh = matches.map((match) => translate('cy', match.reason, { strict: true }));

    // Assess: every level, and every note a tolerant match can give
    expect(new Set(matches.map((match) => match.level))).toEqual(new Set(['exact', 'tolerant', 'mismatch']));
    const reasons = matches.map((match) => match.reason).join('\n');
    for (const note of [
      'surname and given names the other way round',
      'written in MRZ letters as ICAO 9303 allows (ü → UE)',
      'written in MRZ letters as ICAO 9303 allows (ñ → NXX)',
      'accents stripped',
      'hyphens written as fillers',
      'apostrophes left out',
      'the words of the surname are run together',
      'the surname is cut short',
      'the given names are run together',
      'the given names are left out',
      'the given names are cut short',
      'the given names are in a different order',
      'middle name HUW only in your answers',
      'middle names HUW DAFYDD only in your answers',
      'middle name DAFYDD only on the passport',
      'middle names HUW DAFYDD only on the passport',
      '(MRZ: blank)',
    ])
      expect(reasons).toContain(note);
    expect(welsh.filter(englishIn)).toEqual([]);
    expect(welsh.filter((text, index) => text === matches[index]?.reason)).toEqual([]);
  });
});
