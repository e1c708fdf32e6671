import type { DocumentRecord } from '../../../shared/domain/application';
import { Stage, WaitingFor } from '../../../shared/domain/stage';
import { documentKey } from '../../../shared/services/documents';
import { awaitPerson } from '../../../shared/services/waits';
import { aCompleteApplication } from '../../fixtures/applications';
import { aWebApp, errorSummaryOf, FakeOfficerIdentity, fieldErrorOf } from './browser';

const applicationId = 'app_0123456789abcdef0123456789abcdef';
const casePath = `/officer/applications/${applicationId}`;
const taskToken = 'AQCEAAAAKgAAAAMAAAAAAAAAAeRk9pQ2x3V0pXbTR1ZmxqT3dUYnE5c2Q4Zz0=document-review';
const JPEG = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9,
]);

/** Ellis lets homes for Riverside Homes (Gareth's landlord); Jones for Cwm Valley Homes. */
const officers = new FakeOfficerIdentity([
  {
    email: 'ellis@riverside-homes.example',
    password: 'correct horse battery staple',
    token: 'id-token-ellis',
    claims: { sub: 'officer-ellis', 'custom:landlordId': 'riverside-homes', 'cognito:groups': ['officer'] },
  },
  {
    email: 'jones@cwm-valley.example',
    password: 'another long passphrase',
    token: 'id-token-jones',
    claims: { sub: 'officer-jones', 'custom:landlordId': 'cwm-valley-homes', 'cognito:groups': ['officer'] },
  },
]);

const payslip: DocumentRecord = {
  documentId: 'doc_payslip1',
  kind: 'payslip',
  contentType: 'image/jpeg',
  sizeBytes: JPEG.byteLength,
  status: 'read',
  declaredAt: '2026-11-01T10:06:00.000Z',
  readFields: { netPay: { value: '205000', confidence: 0.71 } },
  problem: 'Parts of your payslip did not read clearly enough to check.',
};

/** Gareth's payslip waits for an officer's check at Verification; an officer of `token` is signed in. */
async function checkWaiting(token = 'id-token-ellis') {
  const app = aWebApp({ officers });
  const application = aCompleteApplication();
  await app.deps.applications.create({ ...application, documents: [...application.documents, payslip] });
  app.deps.documents.promoted.set(documentKey(applicationId, payslip.documentId), {
    bytes: JPEG,
    contentType: 'image/jpeg',
  });
  const { decisionId } = await awaitPerson(app.deps, {
    applicationId,
    stage: Stage.Verification,
    kind: 'review',
    waitingFor: WaitingFor.Officer,
    taskToken,
  });
  const browser = app.browser();
  browser.jar.set('doorstep_officer', token);
  return { ...app, browser, decisionId };
}

describe('an officer checking documents in the console', () => {
  it('shows each document beside what was read from it, and offers to ask for another', async () => {
    // Prepare
    const { browser, decisionId } = await checkWaiting();

    // Act
    const page = await browser.get(casePath);

    // Assess
    expect(page.status).toBe(200);
    expect(page.body).toContain(
      `<img class="doorstep-document__image" src="${casePath}/documents/doc_payslip1"`,
    );
    expect(page.body).toContain('205000 (71%)');
    expect(page.body).toContain('Parts of your payslip did not read clearly enough to check.');
    expect(page.body).toContain('value="another"');
    expect(page.body).toContain(`id="document-${decisionId}"`);
  });

  it('says a PDF whose pages are still being read is being read, not that nothing was read', async () => {
    // Prepare
    const { browser, deps } = await checkWaiting();
    const application = await deps.applications.get(applicationId);
    if (!application) throw new Error('missing');
    await deps.applications.save({
      ...application,
      documents: application.documents.map((document) =>
        document.documentId === 'doc_payslip1'
          ? {
              documentId: document.documentId,
              kind: document.kind,
              contentType: 'application/pdf',
              sizeBytes: document.sizeBytes,
              status: 'uploaded',
              declaredAt: document.declaredAt,
              readingJob: { jobId: 'job-1', startedAt: '2026-11-02T09:31:00.000Z' },
            }
          : document,
      ),
    });

    // Act
    const page = await browser.get(casePath);

    // Assess
    expect(page.body).toContain('It is still being read (all its pages, started 2 Nov 2026, 09:31)');
    expect(page.body).toContain(`Open the Payslip (PDF)`);
  });

  it('serves the document to the officer, never cached and unable to run anything, and records the look', async () => {
    // Prepare
    const { browser, deps } = await checkWaiting();

    // Act
    const response = await browser.get(`${casePath}/documents/doc_payslip1`);

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('image/jpeg');
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(response.headers['content-security-policy']).toContain('sandbox');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(deps.audit.events.at(-1)).toMatchObject({
      type: 'document-viewed',
      actor: 'officer',
      facts: { documentId: 'doc_payslip1', officerId: 'officer-ellis' },
    });
  });

  it.each([
    ['another landlord’s officer', 'id-token-jones', 'doc_payslip1'],
    ['a document not on the case', 'id-token-ellis', 'doc_nosuchdocument'],
  ])('answers %s like a missing page, and records nothing', async (_who, token, documentId) => {
    // Prepare
    const { browser, deps } = await checkWaiting(token);
    const before = deps.audit.events.length;

    // Act
    const response = await browser.get(`${casePath}/documents/${documentId}`);

    // Assess
    expect(response.status).toBe(404);
    expect(deps.audit.events).toHaveLength(before);
  });

  it('asks for another document with the reason the applicant will read, and the workflow goes on', async () => {
    // Prepare
    const { browser, deps, decisionId } = await checkWaiting();
    await browser.get(casePath);

    // Act
    const response = await browser.post(`/officer/decisions/${decisionId}`, {
      decision: 'another',
      documentId: 'doc_payslip1',
      reason: 'The net pay is cut off at the edge of the photo.',
    });

    // Assess
    expect(response.status).toBe(303);
    const stored = (await deps.applications.get(applicationId))?.documents.find(
      (document) => document.documentId === 'doc_payslip1',
    );
    expect(stored?.status).toBe('rejected');
    expect(stored?.problem).toContain('The net pay is cut off at the edge of the photo.');
    expect(deps.workflow.resumed.at(-1)?.output).toMatchObject({ decision: 'another' });
  });

  it('asks which document, beside the list, when none was chosen, and decides nothing', async () => {
    // Prepare
    const { browser, deps, decisionId } = await checkWaiting();
    await browser.get(casePath);

    // Act
    const response = await browser.post(`/officer/decisions/${decisionId}`, {
      decision: 'another',
      reason: 'Blurred.',
    });

    // Assess
    expect(response.status).toBe(400);
    expect(errorSummaryOf(response.body)).toEqual([
      { href: `#document-${decisionId}`, text: 'Choose the document to ask for again' },
    ]);
    expect(fieldErrorOf(response.body, `document-${decisionId}`)).toContain('Choose the document');
    expect(deps.workflow.resumed).toEqual([]);
  });
});
