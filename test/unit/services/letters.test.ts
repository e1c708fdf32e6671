import type { Application } from '../../../shared/domain/application';
import { Stage } from '../../../shared/domain/stage';
import { NotFoundError } from '../../../shared/ports';
import { qualification, registration } from '../../../shared/services/application-stages';
import { applicantView } from '../../../shared/services/applications';
import { closeCaseAndWriteLetters, writeLetters } from '../../../shared/services/letter-pdf';
import { letterForApplicant, letterKey, letterPdfForApplicant } from '../../../shared/services/letters';
import { aCompleteApplication, aHome } from '../../fixtures/applications';
import { type MemoryDeps, memoryDeps } from '../../support/memory';
import { pdfText } from '../../support/pdf-text';

const applicationId = 'app_0123456789abcdef0123456789abcdef';
const gareth = { subject: 'sub_gareth' };

async function given(application: Application): Promise<MemoryDeps> {
  const deps = memoryDeps();
  await deps.applications.create(application);
  return deps;
}

async function stored(deps: MemoryDeps): Promise<Application> {
  const application = await deps.applications.get(applicationId);
  if (!application) throw new Error('the application was not stored');
  return application;
}

/** Gareth earns over Riverside's income cap: the Qualification stage refers him to an officer. */
function overTheIncomeCap(): Application {
  const application = aCompleteApplication();
  return {
    ...application,
    profile: { ...application.profile, income: { monthlyEarnings: 700_000, monthlyBenefits: 0, savings: 0 } },
  };
}

describe('the close-case step', () => {
  it('writes the letter that confirms the adverse decision, as a real PDF recorded on the decision', async () => {
    // Prepare: referred at Qualification, and an officer confirms by closing.
    const deps = await given(overTheIncomeCap());
    await qualification(deps, { applicationId });

    // Act
    await closeCaseAndWriteLetters(deps, {
      applicationId,
      stage: Stage.Qualification,
      reason: 'Payslips confirm the household earns £84,000 a year.',
    });

    // Assess
    const application = await stored(deps);
    expect(application.status).toBe('closed');
    const closing = application.decisions[1];
    expect(closing?.letter).toEqual({
      key: letterKey(applicationId, 1),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      madeAt: '2026-11-02T09:30:00.000Z',
    });
    expect(application.decisions[0]?.letter).toBeUndefined();
    const stored_ = deps.documents.promoted.get(`letters/${applicationId}/decision-1.pdf`);
    expect(stored_?.contentType).toBe('application/pdf');
    const pdf = await pdfText(stored_?.bytes ?? new Uint8Array());
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    expect(pdf.title).toBe('You do not qualify to join the housing register');
    expect(pdf.text).toContain('Riverside Homes');
    expect(pdf.text).toContain('Gareth Pritchard');
    expect(pdf.text).toContain('12 Mill Lane');
    expect(pdf.text).toContain('2 November 2026');
    expect(pdf.text).toContain('Housing Act 1996 s160ZA(7)');
    expect(pdf.text).toContain('Payslips confirm the household earns');
    expect(pdf.text).toContain('Housing Act 1996 s166A(9)');
    expect(pdf.text).toContain('Ask by 23 November 2026, 21 days');
    expect(deps.audit.events.filter((event) => event.type === 'letter-written')).toEqual([
      expect.objectContaining({ applicationId, facts: { decision: 1 } }),
    ]);
  });

  it('writes nothing for the referral alone, and nothing twice', async () => {
    // Prepare
    const deps = await given(overTheIncomeCap());
    await qualification(deps, { applicationId });

    // Act: a referral, then the close retried.
    const beforeClose = await writeLetters(deps, { applicationId });
    const input = { applicationId, stage: Stage.Qualification, reason: 'Payslips confirm the income.' };
    await closeCaseAndWriteLetters(deps, input);
    const version = (await stored(deps)).version;
    await closeCaseAndWriteLetters(deps, input);

    // Assess
    expect(beforeClose).toEqual({ written: 0 });
    expect(deps.documents.promoted.size).toBe(1);
    expect((await stored(deps)).version).toBe(version);
  });
});

describe('the Registered stage', () => {
  it('registers, then its letters step writes the registration letter with the band and the review route', async () => {
    // Prepare
    const deps = await given(aCompleteApplication());
    await deps.lettings.putHome(aHome());

    // Act: the two steps the Application workflow runs (workflows/application.ts).
    const result = await registration(deps, { applicationId });
    await writeLetters(deps, { applicationId });

    // Assess
    expect(result).toMatchObject({ outcome: 'registered', homeAvailable: true });
    const application = await stored(deps);
    const bytes = deps.documents.promoted.get(letterKey(applicationId, 0))?.bytes;
    const pdf = await pdfText(bytes ?? new Uint8Array());
    expect(pdf.title).toBe('Your place on the housing register');
    expect(pdf.text).toContain(`band ${application.registration?.band}`);
    expect(pdf.text).toContain('Why we decided this');
    expect(pdf.text).toContain('Housing Act 1996 s166A(3)');
  });
});

describe('an applicant reading their letters', () => {
  async function closedWithALetter() {
    const deps = await given(overTheIncomeCap());
    await qualification(deps, { applicationId });
    await closeCaseAndWriteLetters(deps, {
      applicationId,
      stage: Stage.Qualification,
      reason: 'Payslips confirm the income.',
    });
    return deps;
  }

  it('lists which decisions have letters in their view', async () => {
    const deps = await closedWithALetter();
    const view = await applicantView(deps, { applicant: gareth, applicationId });
    expect(view.decisions.map((decision) => decision.letterNumber)).toEqual([undefined, 1]);
  });

  it('gets the letter and its stored PDF', async () => {
    const deps = await closedWithALetter();
    const { letter, pdf } = await letterForApplicant(deps, { applicant: gareth, applicationId, number: 1 });
    expect(letter.kind).toBe('closed');
    expect(pdf).toBe(true);
    const download = await letterPdfForApplicant(deps, { applicant: gareth, applicationId, number: 1 });
    expect(Buffer.from(download.pdf.slice(0, 5)).toString()).toBe('%PDF-');
    expect(download.filename).toBe(`decision-letter-${applicationId}-1.pdf`);
  });

  it('answers another applicant as if there were no letter', async () => {
    const deps = await closedWithALetter();
    const someoneElse = { subject: 'sub_someone_else' };
    await expect(
      letterForApplicant(deps, { applicant: someoneElse, applicationId, number: 1 }),
    ).rejects.toThrow(NotFoundError);
    await expect(
      letterPdfForApplicant(deps, { applicant: someoneElse, applicationId, number: 1 }),
    ).rejects.toThrow(NotFoundError);
  });

  it('has no letter for the referral itself', async () => {
    const deps = await closedWithALetter();
    await expect(letterForApplicant(deps, { applicant: gareth, applicationId, number: 0 })).rejects.toThrow(
      NotFoundError,
    );
  });

  it('refuses to serve a stored PDF that no longer matches its record', async () => {
    const deps = await closedWithALetter();
    await deps.documents.put(
      letterKey(applicationId, 1),
      new Uint8Array([37, 80, 68, 70]),
      'application/pdf',
    );
    await expect(
      letterPdfForApplicant(deps, { applicant: gareth, applicationId, number: 1 }),
    ).rejects.toThrow(/does not match its record/);
  });
});
