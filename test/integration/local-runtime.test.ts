/**
 * @jest-environment ./test/support/onnx-environment.js
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_OFFICERS } from '../../local/identity';
import { checkLet } from '../../local/journey-checks';
import {
  DEMO_OFFICER,
  demoPassport,
  finishJourney,
  JourneyClient,
  runJourney,
} from '../../local/journey-client';
import { authenticatorCode } from '../../local/officer-totp';
import { type Runtime, startRuntime } from '../../local/runtime';
import { DEMO_HOMES } from '../../local/seed';
import type { Property } from '../../shared/domain/letting';
import { cleanSamples } from '../fixtures/hostile/generate';

/**
 * The whole stack on one machine: DynamoDB Local (persisted in a temporary folder), the synthesised ASL run by
 * the local engine with the real handler modules, and the HTTP API on 127.0.0.1, driven like `npm run journey`.
 */
jest.setTimeout(120_000);

const dataDir = mkdtempSync(join(tmpdir(), 'doorstep-runtime-'));
const lines: string[] = [];
let runtime: Runtime;

/** The demo stock is let by the later tests: one more two-bedroom home, so a journey reaches an approval. */
const oneMoreTwoBedroomHome = (suffix: string) =>
  runtime.deps.lettings.putHome({
    ...DEMO_HOMES[1],
    propertyId: `prop_riverside-extra-${suffix}`,
    doorId: `door-extra-${suffix}`,
    status: 'available',
  } as Property);

const start = () => startRuntime({ dataDir, log: (line) => lines.push(line), retryIntervalMs: 5 });

beforeAll(async () => {
  runtime = await start();
});

afterAll(async () => {
  await runtime?.stop();
});

describe('the local runtime', () => {
  it('drives a scripted applicant and officer from the first answer to a let', async () => {
    const client = new JourneyClient(runtime.url);

    const { applicationId, view } = await runJourney(client, {
      email: 'first.applicant@example.org',
      passport: demoPassport(),
    });

    expect(view?.status).toBe('let');
    expect(view?.registration).toMatchObject({ band: 'B', bedroomNeed: 2 });
    expect(view?.offer?.home.bedrooms).toBe(2);
    expect(view?.tenancy?.status).toBe('signed');
    expect(view?.key?.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const stages = view?.decisions.map((decision) => `${decision.stage}:${decision.outcome}`);
    expect(stages).toEqual(
      expect.arrayContaining([
        'Eligibility:eligible',
        'Qualification:qualifies',
        'Household:recorded',
        'Documents:recorded',
        'Verification:verified',
        'Registered:registered',
      ]),
    );
    // Checked from outside, as a phone, a door and a PDF reader would.
    const checks = await checkLet(client, applicationId);
    expect(checks.keyVerifies).toBe(true);
    expect(checks.doorToday).toEqual({ opened: false, reason: 'not-yet-valid' });
    expect(checks.doorOnStartDate).toEqual({ opened: true });
    expect(checks.pdfSignatures).toEqual(['Signature is Valid.', 'Signature is Valid.']);
    const executions = await runtime.engine.running;
    expect(executions.filter((name) => name.includes(applicationId))).toEqual([]);
  });

  it('keeps a waiting approval across a restart, and the officer’s decision still completes the journey', async () => {
    const before = new JourneyClient(runtime.url);
    const { applicationId, approvalDecisionId } = await runJourney(before, {
      email: 'second.applicant@example.org',
      passport: demoPassport(),
      stopAt: 'approval',
    });
    expect(approvalDecisionId).toMatch(/^dec_/);

    await runtime.stop();
    runtime = await start();

    const after = new JourneyClient(runtime.url);
    await after.signInApplicant('second.applicant@example.org');
    await after.signInOfficer(DEMO_OFFICER.email, DEMO_OFFICER.password);
    const waiting = await after.officerWait(applicationId, 'OfficerApproval', 'approval');
    expect(waiting).toBe(approvalDecisionId);
    await after.decideAsOfficer(waiting, { decision: 'approve', reason: 'Approved after the restart' });
    const { view } = await finishJourney(after, applicationId);
    expect(view.status).toBe('let');
  });

  it('writes the PDF letter of an officer’s new band through the Letters workflow, as in AWS', async () => {
    await oneMoreTwoBedroomHome('letters');
    const client = new JourneyClient(runtime.url);
    const { applicationId } = await runJourney(client, {
      email: 'letters.applicant@example.org',
      passport: demoPassport(),
      stopAt: 'approval',
    });
    // Overrides are a senior officer's: the demo senior officer signs in with their authenticator app's code.
    const senior = DEMO_OFFICERS[1];
    const appKey = runtime.authenticators.find((each) => each.email === senior.email)?.key ?? '';
    await client.signInOfficer(senior.email, senior.password, authenticatorCode(appKey, new Date()));

    const override = await client.request(
      'POST',
      `/v1/officer/applications/${applicationId}/override`,
      { kind: 'band', band: 'A', reason: 'Urgent medical need the form could not show.' },
      'officer',
    );
    const lettered = (view: { decisions: Array<{ letterNumber?: number; letter?: unknown }> }) =>
      view.decisions.filter((decision) => decision.letterNumber !== undefined);
    const view = await client.until(applicationId, 'the new band’s PDF letter', (view) => {
      const letters = lettered(view as never);
      return letters.length === 2 && letters.every((decision) => decision.letter !== undefined);
    });
    const number = lettered(view as never).at(-1)?.letterNumber;
    const pdf = await fetch(`${runtime.url}/v1/applications/${applicationId}/letters/${number}.pdf`, {
      headers: { authorization: `Session ${client.sessionToken}` },
    });

    expect(override.status).toBe(200);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('never shows a task token in a response, a log line or a notification', async () => {
    await oneMoreTwoBedroomHome('1');
    const client = new JourneyClient(runtime.url);
    const { applicationId } = await runJourney(client, {
      email: 'third.applicant@example.org',
      passport: demoPassport(),
      stopAt: 'approval',
    });
    const waits = await runtime.deps.waits.listOpen(applicationId);
    expect(waits.length).toBeGreaterThan(0);
    const seen = JSON.stringify({
      lines,
      outbox: await runtime.outbox.recent(200),
      view: await client.view(applicationId),
      case: (await client.request('GET', `/v1/officer/applications/${applicationId}`, undefined, 'officer'))
        .body,
    });
    for (const wait of waits) {
      expect(wait.taskToken.length).toBeGreaterThan(40);
      expect(seen).not.toContain(wait.taskToken);
    }
  });
});

describe('the local API, as API Gateway and the handler answer', () => {
  let client: JourneyClient;
  let applicationId: string;

  beforeAll(async () => {
    client = new JourneyClient(runtime.url);
    await client.signInApplicant('fourth.applicant@example.org');
    applicationId = await client.startApplication('riverside-homes');
  });

  const raw = (method: string, path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${runtime.url}${path}`, {
      method,
      body,
      headers: { 'content-type': 'application/json', ...headers },
    });

  it('answers malformed JSON with 400 and the reason, writing nothing', async () => {
    const before = await client.view(applicationId);
    const response = await raw(
      'PUT',
      `/v1/applications/${applicationId}/profile/income`,
      '{"monthlyEarnings": 12',
      {
        authorization: `Session ${client.sessionToken}`,
      },
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/not valid JSON/);
    expect((await client.view(applicationId)).profile).toEqual(before.profile);
  });

  it('answers a schema violation with 400 listing the fields', async () => {
    const response = await client.request('PUT', `/v1/applications/${applicationId}/profile/income`, {
      monthlyEarnings: -5,
      monthlyBenefits: 'lots',
    });
    expect(response.status).toBe(400);
    const fields = (response.body as { fields: Array<{ field: string }> }).fields.map((field) => field.field);
    expect(fields).toEqual(expect.arrayContaining(['monthlyEarnings', 'monthlyBenefits', 'savings']));
  });

  it('answers an unknown route with 404', async () => {
    expect((await client.request('GET', '/v1/nowhere')).status).toBe(404);
  });

  it('answers another applicant’s application with 404', async () => {
    const stranger = new JourneyClient(runtime.url);
    await stranger.signInApplicant('stranger@example.org');
    expect((await stranger.request('GET', `/v1/applications/${applicationId}`)).status).toBe(404);
  });

  it('refuses an applicant on an officer’s decision with 403, and an officer route without a token with 401', async () => {
    const officer = new JourneyClient(runtime.url);
    await officer.signInOfficer(DEMO_OFFICER.email, DEMO_OFFICER.password);
    const { body } = await officer.request<{ waits: Array<{ decisionId: string; waitingFor: string }> }>(
      'GET',
      `/v1/officer/applications/${applicationId}`,
      undefined,
      'officer',
    );
    const applicantWait = body.waits.find((wait) => wait.waitingFor === 'applicant');
    expect(applicantWait).toBeDefined();
    const asOfficer = await officer.request(
      'POST',
      `/v1/officer/decisions/${applicantWait?.decisionId}`,
      { decision: 'submitted' },
      'officer',
    );
    expect(asOfficer.status).toBe(403);
    expect(
      (await client.request('GET', `/v1/officer/applications/${applicationId}`, undefined, 'none')).status,
    ).toBe(401);
  });
});

describe('the local upload endpoint, as S3 answers a presigned POST', () => {
  let client: JourneyClient;
  let applicationId: string;

  beforeAll(async () => {
    client = new JourneyClient(runtime.url);
    await client.signInApplicant('uploader@example.org');
    applicationId = await client.startApplication('riverside-homes');
  });

  const declare = (sizeBytes: number, contentType = 'image/jpeg') =>
    client.declareDocument(applicationId, { kind: 'passport', contentType, sizeBytes });

  const statusOf = async (documentId: string) =>
    (await client.view(applicationId)).documents.find((document) => document.documentId === documentId);

  it('refuses more bytes than the slot allows, counted on the stream, and keeps nothing', async () => {
    const { documentId, upload } = await declare(1_000);

    const status = await client.upload(upload, new Uint8Array(50_000).fill(0xff), 'image/jpeg');

    expect(status).toBe(413);
    expect((await statusOf(documentId))?.status).toBe('declared');
  });

  it('refuses a slot whose fields were changed (a wider limit), with 403', async () => {
    const { upload } = await declare(1_000);
    const widened = { ...upload, fields: { ...upload.fields, 'x-doorstep-max-bytes': '10485760' } };

    expect(await client.upload(widened, new Uint8Array(5_000), 'image/jpeg')).toBe(403);
  });

  it('rejects bytes that are not what was declared, saying why, and deletes them', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
    const { documentId, upload } = await declare(pdf.byteLength);

    expect(await client.upload(upload, pdf, 'image/jpeg')).toBe(204);

    const document = await statusOf(documentId);
    expect(document?.status).toBe('rejected');
    expect(document?.problem).toMatch(/not the JPEG photo it was said to be \(it looks like PDF\)/);
  });

  it('sends a browser without JavaScript back to the page the declaration named, after checking the upload', async () => {
    // A real one-page PDF: the upload inspector opens it and counts its pages.
    const { pdf } = await cleanSamples();
    const redirectTo = `${runtime.url}/applications/${applicationId}/documents/uploaded`;
    const declaration = {
      kind: 'payslip',
      contentType: 'application/pdf',
      sizeBytes: pdf.byteLength,
      redirectTo,
    };
    const { documentId, upload } = await client.declareDocument(applicationId, declaration);
    const form = new FormData();
    for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
    form.append(upload.fileField, new Blob([pdf], { type: 'application/pdf' }), 'payslip.pdf');

    const response = await fetch(upload.url, { method: 'POST', body: form, redirect: 'manual' });

    expect(response.status).toBe(303);
    const objectKey = `quarantine/applications/${applicationId}/${documentId}`;
    expect(response.headers.get('location')).toBe(`${redirectTo}?key=${encodeURIComponent(objectKey)}`);
    expect((await statusOf(documentId))?.status).toBe('uploaded');
  });

  it('answers a form without a file with 400', async () => {
    const { upload } = await declare(1_000);
    const form = new FormData();
    for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);

    const response = await fetch(upload.url, { method: 'POST', body: form });

    expect(response.status).toBe(400);
  });
});
