import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A scripted applicant and officer talking to Doorstep's HTTP API, as a browser or a council system would:
 * used by `npm run journey`, `npm run bench` and the integration tests. Loopback only.
 */
export interface StageTiming {
  stage: string;
  /** What the step was: a person's answer or the automated work that followed it. */
  step: string;
  ms: number;
}

type View = {
  stage: string;
  profile: Record<string, unknown>;
  documents: Array<{ documentId: string; status: string; problem?: string }>;
  status: string;
  waits: Array<{ decisionId: string; kind: string; stage: string }>;
  decisions: Array<{ stage: string; outcome: string }>;
  registration?: { band: string; effectiveDate: string; bedroomNeed: number };
  offer?: { offerId: string; status: string; home: { address: string; bedrooms: number } };
  tenancy?: { termsSha256: string; status: string; terms: string[] };
  key?: { credentialId: string; doorId: string; validFrom: string };
};

type Slot = { url: string; fields: Record<string, string>; fileField: string; maxBytes: number };

type CaseView = { waits: Array<{ decisionId: string; kind: string; stage: string; waitingFor: string }> };

export class JourneyError extends Error {
  override readonly name = 'JourneyError';
}

export class JourneyClient {
  private session = '';

  /** The applicant's session token, for callers that build their own requests. */
  get sessionToken(): string {
    return this.session;
  }
  private officerToken = '';
  readonly timings: StageTiming[] = [];
  /** Hears each timing as it is recorded (the journey script prints them). */
  onTiming: (timing: StageTiming) => void = () => undefined;

  constructor(
    readonly baseUrl: string,
    private readonly pollMs = 5,
    private readonly patienceMs = 15_000,
  ) {}

  record(timing: StageTiming): void {
    this.timings.push(timing);
    this.onTiming(timing);
  }

  async request<T>(
    method: string,
    path: string,
    body?: unknown,
    auth: 'applicant' | 'officer' | 'none' = 'applicant',
  ) {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (auth === 'applicant' && this.session) headers.authorization = `Session ${this.session}`;
    if (auth === 'officer') headers.authorization = `Bearer ${this.officerToken}`;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    const json = text ? (JSON.parse(text) as T) : (undefined as T);
    return { status: response.status, body: json, headers: response.headers };
  }

  private async expect<T>(
    status: number,
    method: string,
    path: string,
    body?: unknown,
    auth?: 'applicant' | 'officer' | 'none',
  ) {
    const response = await this.request<T>(method, path, body, auth);
    if (response.status !== status) {
      throw new JourneyError(
        `${method} ${path} answered ${response.status}, not ${status}: ${JSON.stringify(response.body)}`,
      );
    }
    return response;
  }

  /** Signs the applicant in with the one-time code from the local outbox. */
  async signInApplicant(email: string): Promise<void> {
    await this.expect(202, 'POST', '/v1/sessions/code', { email }, 'none');
    const { body } = await this.expect<{
      messages: Array<{ to: { email?: string }; template: string; values: { code?: string } }>;
    }>(200, 'GET', '/local/outbox', undefined, 'none');
    const code = body.messages.find(
      (message) => message.template === 'sign-in-code' && message.to.email === email,
    )?.values.code;
    if (!code) throw new JourneyError('No sign-in code reached the outbox');
    const signedIn = await this.expect(201, 'POST', '/v1/sessions', { email, code }, 'none');
    const cookie = signedIn.headers.get('set-cookie') ?? '';
    const token = /doorstep_session=([^;]+)/.exec(cookie)?.[1];
    if (!token) throw new JourneyError('Signing in set no session cookie');
    this.session = token;
  }

  /** `code`: what the officer's authenticator app shows, for an officer who has one (the senior officer). */
  async signInOfficer(email: string, password: string, code?: string): Promise<void> {
    const { body } = await this.expect<{ idToken: string }>(
      200,
      'POST',
      '/local/idp/token',
      { email, password, ...(code ? { code } : {}) },
      'none',
    );
    this.officerToken = body.idToken;
  }

  async startApplication(landlordId: string): Promise<string> {
    const { body } = await this.expect<{ applicationId: string }>(201, 'POST', '/v1/applications', {
      landlordId,
    });
    return body.applicationId;
  }

  async answer(applicationId: string, section: string, value: unknown): Promise<void> {
    await this.expect(200, 'PUT', `/v1/applications/${applicationId}/profile/${section}`, value);
  }

  async declareDocument(
    applicationId: string,
    document: { kind: string; contentType: string; sizeBytes: number },
  ): Promise<{ documentId: string; upload: Slot }> {
    const { body } = await this.expect<{ document: { documentId: string }; upload: Slot }>(
      201,
      'POST',
      `/v1/applications/${applicationId}/documents`,
      document,
    );
    return { documentId: body.document.documentId, upload: body.upload };
  }

  /** Sends the bytes to the upload slot, as a browser form would (multipart/form-data, the slot's fields first). */
  async upload(slot: Slot, bytes: Uint8Array, contentType: string): Promise<number> {
    const form = new FormData();
    for (const [name, value] of Object.entries(slot.fields)) form.append(name, value);
    form.append(slot.fileField, new Blob([bytes], { type: contentType }), 'document');
    const response = await fetch(slot.url, { method: 'POST', body: form });
    await response.text();
    return response.status;
  }

  view(applicationId: string): Promise<View> {
    return this.expect<View>(200, 'GET', `/v1/applications/${applicationId}`).then(
      (response) => response.body,
    );
  }

  /** Polls until `ready` holds for the applicant's view; the time it took is the automated work before it. */
  async until(applicationId: string, what: string, ready: (view: View) => boolean): Promise<View> {
    const started = performance.now();
    for (;;) {
      const view = await this.view(applicationId);
      if (ready(view)) return view;
      if (view.status === 'closed')
        throw new JourneyError(`The application closed while waiting for ${what}`);
      if (performance.now() - started > this.patienceMs) {
        throw new JourneyError(
          `Waited ${this.patienceMs} ms for ${what}; the journey is at ${view.stage} (${view.status})`,
        );
      }
      await sleep(this.pollMs);
    }
  }

  /** Waits for the applicant to be asked something of a kind at a stage, and returns its decision id. */
  async applicantWait(applicationId: string, stage: string, kind: string): Promise<string> {
    const started = performance.now();
    const view = await this.until(applicationId, `${stage} (${kind})`, (candidate) =>
      candidate.waits.some((wait) => wait.stage === stage && wait.kind === kind),
    );
    this.record({
      stage,
      step: `automated work until the ${kind} wait`,
      ms: performance.now() - started,
    });
    return view.waits.find((wait) => wait.stage === stage && wait.kind === kind)?.decisionId as string;
  }

  /** Waits for an officer to be asked something at a stage (read from the officer's case view). */
  async officerWait(applicationId: string, stage: string, kind: string): Promise<string> {
    return (await this.officerWaitAny(applicationId, [[stage, kind]])).decisionId;
  }

  /** Waits for the first of several officer waits to appear. */
  async officerWaitAny(
    applicationId: string,
    candidates: Array<[stage: string, kind: string]>,
  ): Promise<{ stage: string; kind: string; decisionId: string }> {
    const started = performance.now();
    for (;;) {
      const { body } = await this.expect<CaseView>(
        200,
        'GET',
        `/v1/officer/applications/${applicationId}`,
        undefined,
        'officer',
      );
      const wait = body.waits.find((candidate) =>
        candidates.some(([stage, kind]) => candidate.stage === stage && candidate.kind === kind),
      );
      if (wait) {
        this.record({
          stage: wait.stage,
          step: `automated work until the officer's ${wait.kind}`,
          ms: performance.now() - started,
        });
        return { stage: wait.stage, kind: wait.kind, decisionId: wait.decisionId };
      }
      if (performance.now() - started > this.patienceMs) {
        const wanted = candidates.map(([stage, kind]) => `${kind} at ${stage}`).join(' or ');
        throw new JourneyError(`No officer ${wanted} appeared`);
      }
      await sleep(this.pollMs);
    }
  }

  async decideAsApplicant(decisionId: string, decision: Record<string, unknown>): Promise<void> {
    await this.expect(200, 'POST', `/v1/decisions/${decisionId}`, decision);
  }

  async decideAsOfficer(decisionId: string, decision: Record<string, unknown>): Promise<void> {
    await this.expect(200, 'POST', `/v1/officer/decisions/${decisionId}`, decision, 'officer');
  }
}

/** The demo household: a couple with two daughters in a one-bedroom flat in Riverside (band B, two bedrooms). */
export const DEMO_APPLICANT = {
  email: 'gareth.pritchard@example.org',
  household: [
    {
      memberId: 'm1',
      relationship: 'applicant',
      firstName: 'Gareth',
      lastName: 'Pritchard',
      dateOfBirth: '1988-07-02',
      sex: 'male',
    },
    {
      memberId: 'm2',
      relationship: 'partner',
      firstName: 'Nia',
      lastName: 'Pritchard',
      dateOfBirth: '1990-01-21',
      sex: 'female',
    },
    {
      memberId: 'm3',
      relationship: 'child',
      firstName: 'Cerys',
      lastName: 'Pritchard',
      dateOfBirth: '2014-05-09',
      sex: 'female',
    },
    {
      memberId: 'm4',
      relationship: 'child',
      firstName: 'Elin',
      lastName: 'Pritchard',
      dateOfBirth: '2019-11-30',
      sex: 'female',
    },
  ],
  localConnection: { yearsInArea: 6, worksInArea: false, closeFamilyInArea: false },
  income: {
    monthlyEarnings: 210_000,
    monthlyBenefits: 35_000,
    savings: 120_000,
    housingSupport: 'universal-credit',
  },
  currentHome: { postcode: 'RV1 4AB', addressLine: '12 Mill Lane', bedrooms: 1, tenure: 'private-rent' },
  // Every circumstances question answered, as the web journey asks them: none applies to the Pritchards.
  circumstances: {
    ownsProperty: false,
    formerTenancyArrears: 0,
    arrearsRepaymentPlanKept: false,
    unacceptableBehaviour: false,
    homelessnessDuty: 'none',
    disrepair: false,
    medicalNeed: 'none',
    hardshipMove: false,
    fosterCarer: false,
  },
};

export const DEMO_OFFICER = { email: 'officer@riverside.example', password: 'doorstep-officer' };

/** A phone photo of the demo applicant's (invented) passport data page, made by test/fixtures/passports/generate.ts. */
export const DEMO_PASSPORT_PATH = join(__dirname, '..', 'test', 'fixtures', 'passports', 'gareth-phone.jpg');

export function demoPassport(): { bytes: Uint8Array; contentType: 'image/jpeg' } {
  return { bytes: new Uint8Array(readFileSync(DEMO_PASSPORT_PATH)), contentType: 'image/jpeg' };
}

/**
 * The whole journey at each stage's honest minimum: answers, registration, an offer, approval, acceptance,
 * signing, keys, let. `stopAt` ends the script early (tests
 * use it to restart the runtime while an officer's approval is pending).
 */
export async function runJourney(
  client: JourneyClient,
  options: {
    stopAt?: 'review' | 'approval';
    email?: string;
    /** The passport photo to upload (a real image: it is sniffed and read). */
    passport: { bytes: Uint8Array; contentType: 'image/jpeg' | 'image/png' };
  },
): Promise<{ applicationId: string; approvalDecisionId?: string; view?: View }> {
  const step = timedStep(client);

  await step('Sign in', 'applicant signs in with a one-time code', () =>
    client.signInApplicant(options.email ?? DEMO_APPLICANT.email),
  );
  await client.signInOfficer(DEMO_OFFICER.email, DEMO_OFFICER.password);
  const applicationId = await step('Start', 'applicant starts an application', () =>
    client.startApplication('riverside-homes'),
  );

  const eligibility = await client.applicantWait(applicationId, 'Eligibility', 'answers');
  await step('Eligibility', 'applicant answers everything once', async () => {
    await client.answer(applicationId, 'immigrationStatus', 'british-or-irish');
    await client.answer(applicationId, 'household', DEMO_APPLICANT.household);
    await client.answer(applicationId, 'localConnection', DEMO_APPLICANT.localConnection);
    await client.answer(applicationId, 'income', DEMO_APPLICANT.income);
    await client.answer(applicationId, 'currentHome', DEMO_APPLICANT.currentHome);
    await client.answer(applicationId, 'circumstances', DEMO_APPLICANT.circumstances);
  });
  await step('Documents', 'applicant photographs their passport and uploads it', async () => {
    const { upload } = await client.declareDocument(applicationId, {
      kind: 'passport',
      contentType: options.passport.contentType,
      sizeBytes: options.passport.bytes.byteLength,
    });
    const status = await client.upload(upload, options.passport.bytes, options.passport.contentType);
    if (status !== 204) throw new JourneyError(`The upload answered ${status}, not 204`);
  });
  await step('Eligibility', 'applicant sends their answers', () =>
    client.decideAsApplicant(eligibility, { decision: 'submitted' }),
  );

  // Eligibility, qualification, household and documents decide on their own; verification either confirms
  // the passport against the answers or refers to an officer.
  const next = await client.officerWaitAny(applicationId, [
    ['Verification', 'review'],
    ['OfficerApproval', 'approval'],
  ]);
  if (next.stage === 'Verification') {
    if (options.stopAt === 'review') return { applicationId };
    await step('Verification', 'officer checks the documents and proceeds', () =>
      client.decideAsOfficer(next.decisionId, {
        decision: 'proceed',
        reason: 'Passport checked in person against the answers',
      }),
    );
  }
  const approval =
    next.stage === 'OfficerApproval'
      ? next.decisionId
      : await client.officerWait(applicationId, 'OfficerApproval', 'approval');
  if (options.stopAt === 'approval') return { applicationId, approvalDecisionId: approval };
  await step('OfficerApproval', 'officer approves the offer', () =>
    client.decideAsOfficer(approval, {
      decision: 'approve',
      reason: 'Right size, band B, earliest effective date',
    }),
  );
  return { applicationId, ...(await finishJourney(client, applicationId, step)) };
}

/** Runs a person's step and records how long it took, under its stage. */
function timedStep(client: JourneyClient) {
  return async <T>(stage: string, name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    client.record({ stage, step: name, ms: performance.now() - started });
    return result;
  };
}

/** From the applicant's answer to the offer to the let (also used after a restart at the officer's approval). */
export async function finishJourney(
  client: JourneyClient,
  applicationId: string,
  step: <T>(stage: string, name: string, work: () => Promise<T>) => Promise<T> = (_stage, _name, work) =>
    work(),
): Promise<{ view: View }> {
  const response = await client.applicantWait(applicationId, 'ApplicantResponse', 'response');
  await step('ApplicantResponse', 'applicant accepts the offer', () =>
    client.decideAsApplicant(response, { decision: 'accept' }),
  );

  const signature = await client.applicantWait(applicationId, 'TenancySigning', 'signature');
  const { tenancy } = await client.view(applicationId);
  if (!tenancy) throw new JourneyError('The agreement was not prepared');
  await step('TenancySigning', 'applicant signs the agreement', () =>
    client.decideAsApplicant(signature, { decision: 'signed', termsSha256: tenancy.termsSha256 }),
  );

  const started = performance.now();
  const view = await client.until(applicationId, 'the let', (candidate) => candidate.status === 'let');
  client.record({
    stage: 'Let',
    step: 'automated work: keys and let',
    ms: performance.now() - started,
  });
  return { view };
}
