import { MRZ_UNREADABLE } from '../../../shared/domain/mrz';
import { documentKey, receiveUpload } from '../../../shared/services/documents';
import { aCompleteApplication } from '../../fixtures/applications';
import { JPEG } from '../../support/uploads';
import { aWebApp, signIn, titleOf } from './browser';

/**
 * A passport that was read but does not match the answers, or could not be read, must never be confirmed:
 * confirming it sent the answers on to a Documents stage that then waited for a better document the journey
 * had no page for (found in review). After the answers are sent, a new, clean document answers that wait.
 */
const email = 'gareth.pritchard@example.org';
const applicationId = 'app_0123456789abcdef0123456789abcdef';
const base = `/applications/${applicationId}`;

const mismatched = {
  documentId: 'doc_mismatch1',
  kind: 'passport' as const,
  contentType: 'image/jpeg' as const,
  sizeBytes: 2_400_000,
  status: 'read' as const,
  declaredAt: '2026-11-01T10:05:00.000Z',
  readFields: {
    surname: { value: 'PRICHARD', confidence: 0.9 },
    givenNames: { value: 'GARETH', confidence: 0.9 },
  },
  problem: 'The last name on the passport (PRICHARD) is not the one you gave (Pritchard).',
};
const clean = {
  ...mismatched,
  documentId: 'doc_clean1',
  problem: undefined,
  readFields: { surname: { value: 'PRITCHARD', confidence: 0.97 } },
};

async function garethWith(documents: unknown[], sent: boolean) {
  const app = aWebApp();
  const browser = app.browser();
  const subject = await signIn(app.deps, browser, email);
  const application = aCompleteApplication({ ownerId: subject });
  await app.deps.applications.create({
    ...application,
    documents: documents as typeof application.documents,
    ...(sent ? { conversation: { answered: ['check-answers'] } } : {}),
  });
  await browser.get('/sign-in');
  return { ...app, browser };
}

async function parkDocumentsWait(deps: ReturnType<typeof aWebApp>['deps']) {
  await deps.waits.park({
    decisionId: 'dec_documents1',
    taskToken: 'token-documents',
    applicationId,
    landlordId: 'riverside-homes',
    stage: 'Documents' as never,
    kind: 'answers',
    waitingFor: 'applicant' as never,
    deadline: '2026-12-01T00:00:00.000Z',
    createdAt: '2026-11-02T00:00:00.000Z',
    status: 'open',
  });
}

describe('a passport that does not match the answers', () => {
  it('is shown with the reason and a way to send another, never a "this is right" button', async () => {
    // Prepare
    const { browser } = await garethWith([mismatched], false);

    // Act
    const response = await browser.get(`${base}/documents/${mismatched.documentId}`);

    // Assess
    expect(response.status).toBe(200);
    expect(titleOf(response.body)).toContain('Your document');
    expect(response.body).toContain('does not match your answers');
    expect(response.body).toContain('PRICHARD');
    expect(response.body).not.toContain('Yes, this is right');
    expect(response.body).toContain(`${base}/documents/new`);
  });

  it('cannot be confirmed: the post goes back to the document and records nothing', async () => {
    // Prepare
    const { browser, deps } = await garethWith([mismatched], false);

    // Act
    const response = await browser.post(`${base}/documents/${mismatched.documentId}/confirm`, {});

    // Assess
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`${base}/documents/${mismatched.documentId}`);
    expect(deps.applications.items.get(applicationId)?.conversation?.answered ?? []).not.toContain(
      'identity-document',
    );
  });
});

describe('after the answers were sent, a Documents stage waiting for a better document', () => {
  it('is the action on the status page', async () => {
    // Prepare
    const { browser, deps } = await garethWith([mismatched], true);
    await parkDocumentsWait(deps);

    // Act
    const response = await browser.get(`${base}/status`);

    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toContain('We need a clear photo of your passport or driving licence');
    expect(response.body).toContain(`href="${base}/documents/new"`);
  });

  it('is answered when a new, clean document is confirmed', async () => {
    // Prepare
    const { browser, deps } = await garethWith([mismatched, clean], true);
    await parkDocumentsWait(deps);

    // Act
    const response = await browser.post(`${base}/documents/${clean.documentId}/confirm`, {});

    // Assess
    expect(response.status).toBe(303);
    expect(deps.workflow.resumed).toEqual([
      { taskToken: 'token-documents', output: { decision: 'submitted', decidedBy: 'applicant' } },
    ]);
  });

  it('says nothing waits when no stage asked for a document', async () => {
    // Prepare
    const { browser, deps } = await garethWith([clean], true);

    // Act
    const response = await browser.post(`${base}/documents/${clean.documentId}/confirm`, {});

    // Assess
    expect(response.status).toBe(409);
    expect(response.body).toContain('Nothing is waiting for a new document');
    expect(deps.workflow.resumed).toEqual([]);
  });
});

describe('a document that is not read automatically (found in review)', () => {
  const licence = {
    ...clean,
    documentId: 'doc_licence1',
    kind: 'driving-licence' as const,
    status: 'uploaded' as const,
    readFields: undefined,
  };
  const unreadable = {
    ...clean,
    documentId: 'doc_blurred1',
    status: 'uploaded' as const,
    readFields: undefined,
    problem: 'We could not read the passport: the photo is blurred.',
  };

  it.each([
    ['a driving licence', licence, 'Continue'],
    ['a passport photo that could not be read', unreadable, 'Go on with this one: an officer will check it'],
  ])('offers to go on with %s, for an officer to check', async (_what, document, button) => {
    // Prepare
    const { browser } = await garethWith([document], false);

    // Act
    const page = await browser.get(`${base}/documents/${document.documentId}`);

    // Assess
    expect(page.status).toBe(200);
    expect(page.body).toContain(button);
    expect(page.body).toContain(`action="${base}/documents/${document.documentId}/confirm"`);
  });

  it('goes on with a driving licence: the identity question is answered', async () => {
    // Prepare
    const { browser, deps } = await garethWith([licence], false);

    // Act
    const response = await browser.post(`${base}/documents/${licence.documentId}/confirm`, {});

    // Assess
    expect(response.status).toBe(303);
    expect(deps.applications.items.get(applicationId)?.conversation?.answered).toContain('identity-document');
  });
});

describe('income and address evidence on the journey (issue 7)', () => {
  const payslip = {
    documentId: 'doc_payslip1',
    kind: 'payslip' as const,
    contentType: 'image/jpeg' as const,
    sizeBytes: 900_000,
    status: 'read' as const,
    declaredAt: '2026-11-01T10:06:00.000Z',
    readFields: {
      employeeName: { value: 'Gareth Pritchard', confidence: 0.93 },
      netPay: { value: '205000', confidence: 0.93 },
    },
  };

  it('offers every document that can be sent, identity first', async () => {
    // Prepare
    const { browser } = await garethWith([], false);

    // Act
    const page = await browser.get(`${base}/documents/new`);

    // Assess
    expect(titleOf(page.body)).toMatch(/^Send a document/);
    const offered = [...page.body.matchAll(/name="kind" type="radio" value="([a-z-]+)"/g)].map(
      ([, kind]) => kind,
    );
    expect(offered).toEqual([
      'passport',
      'driving-licence',
      'payslip',
      'bank-statement',
      'universal-credit-statement',
      'benefit-letter',
      'utility-bill',
      'council-tax-bill',
    ]);
    expect(page.body).toContain('or, for your income or address');
  });

  it('gives a slot for a payslip, and refuses a kind that cannot be sent', async () => {
    // Prepare
    const { browser } = await garethWith([], false);
    await browser.get(`${base}/documents/new`);

    // Act
    const payslipSlot = await browser.post(`${base}/documents`, { kind: 'payslip', format: 'image/jpeg' });
    await browser.get(`${base}/documents/new`);
    const brp = await browser.post(`${base}/documents`, { kind: 'brp', format: 'image/jpeg' });

    // Assess
    expect(payslipSlot.status).toBe(200);
    expect(titleOf(payslipSlot.body)).toMatch(/^Upload the photo or scan/);
    expect(brp.status).toBe(400);
  });

  it.each([
    ['read less surely than the policy allows, with a middle name only on it', 'GARETH<HUW', 0.56, true],
    ['read surely, with a middle name only on it', 'GARETH<HUW', 0.97, false],
    ['read less surely, but the name as given letter for letter', 'GARETH', 0.56, false],
  ])(
    'says an officer will compare the name of a passport %s: %s',
    async (_case, givenNames, confidence, told) => {
      // Prepare
      const passport = {
        ...clean,
        documentId: 'doc_unsure1',
        readFields: {
          surname: { value: 'PRITCHARD', confidence },
          givenNames: { value: givenNames, confidence },
        },
      };
      const { browser } = await garethWith([passport], false);

      // Act
      const page = await browser.get(`${base}/documents/doc_unsure1`);

      // Assess: confirming is still the applicant's to do; the note says what happens next.
      expect(page.body).toContain('Yes, this is right');
      expect(page.body.includes('an officer will compare the photo with your answers')).toBe(told);
    },
  );

  it('shows what was read from a payslip in words and pounds', async () => {
    // Prepare
    const { browser } = await garethWith([payslip], false);

    // Act
    const page = await browser.get(`${base}/documents/doc_payslip1`);

    // Assess
    expect(page.body).toContain('Employee name');
    expect(page.body).toContain('£2,050');
    expect(page.body).toContain('We read this from your payslip');
  });

  it('goes on from a payslip sent on its own, when nothing waits for a document', async () => {
    // Prepare
    const { browser, deps } = await garethWith([payslip], true);
    await browser.get(`${base}/documents/doc_payslip1`);

    // Act
    const response = await browser.post(`${base}/documents/doc_payslip1/confirm`, {});

    // Assess
    expect(response.status).toBe(303);
    expect(deps.workflow.resumed).toEqual([]);
  });

  it('chooses the kind an officer asked for again, and says why', async () => {
    // Prepare
    const asked = {
      ...payslip,
      status: 'rejected' as const,
      problem: 'An officer checked your payslip and asked for another: the net pay is cut off.',
      replacementAskedAt: '2026-11-02T09:00:00.000Z',
    };
    const { browser } = await garethWith([asked], true);

    // Act
    const page = await browser.get(`${base}/documents/new`);

    // Assess
    expect(page.body).toContain('the net pay is cut off.');
    expect(page.body).toMatch(/value="payslip" checked/);
  });
});

describe('a document’s problem, on a Welsh applicant’s page (issue 9)', () => {
  const unreadable = 'doc_unreadable0123456789';
  const refused = 'doc_refused0123456789ab';

  /** Gareth's passport photo no reader could read, and a "PDF" that is a photo: each as the upload left it. */
  async function garethWithProblems() {
    const declared = {
      kind: 'passport' as const,
      status: 'declared' as const,
      sizeBytes: JPEG.byteLength,
      declaredAt: '2026-11-01T10:05:00.000Z',
    };
    const app = await garethWith(
      [
        { ...declared, documentId: unreadable, contentType: 'image/jpeg' },
        { ...declared, documentId: refused, contentType: 'application/pdf' },
      ],
      false,
    );
    app.deps.reader = {
      readPassportMrz: async () => ({ ok: false, reason: MRZ_UNREADABLE, engine: 'test' }),
      readDocument: async () => ({ ok: false, reason: 'Only passports are read in this test.' }),
    };
    for (const documentId of [unreadable, refused]) {
      app.deps.documents.quarantine.set(documentKey(applicationId, documentId), JPEG);
      await receiveUpload(app.deps, { key: documentKey(applicationId, documentId) });
    }
    return app;
  }

  it('says in Welsh why a passport photo could not be read, and how to take a better one', async () => {
    // Prepare
    const { browser } = await garethWithProblems();

    // Act
    const welsh = await browser.get(`${base}/documents/${unreadable}?lang=cy`);
    const english = await browser.get(`${base}/documents/${unreadable}?lang=en`);

    // Assess
    expect(welsh.status).toBe(200);
    expect(welsh.body).toContain('Doedden ni ddim yn gallu darllen eich pasbort yn awtomatig.');
    expect(welsh.body).toContain(
      'Tynnwch lun arall: yn fflat, mewn ffocws, gyda golau gwastad a heb lewyrch.',
    );
    expect(welsh.body).toContain('Os nad oes modd darllen y ddogfen o hyd, bydd swyddog yn ei gwirio.');
    expect(welsh.body).not.toContain('We could not read your passport automatically.');
    expect(english.body).toContain('We could not read your passport automatically.');
  });

  it('says in Welsh why an upload was refused: not the type of file it was said to be', async () => {
    // Prepare
    const { browser } = await garethWithProblems();

    // Act
    const page = await browser.get(`${base}/documents/${refused}?lang=cy`);

    // Assess
    expect(page.status).toBe(200);
    expect(page.body).toContain(
      'Dydy’r ffeil ddim yn PDF, er mai dyna oedd i fod (mae’n edrych fel llun JPEG). Uwchlwythwch hi eto fel llun (JPEG neu PNG) neu PDF.',
    );
    expect(page.body).not.toContain('it was said to be');
  });
});
