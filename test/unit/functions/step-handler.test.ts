import { createHandler as awaitPersonHandler } from '../../../functions/await-person/handler';
import { createHandler as eligibilityHandler } from '../../../functions/eligibility/handler';
import { createHandler as registerHandler } from '../../../functions/register/handler';
import { Stage, WaitingFor } from '../../../shared/domain/stage';
import { aCompleteApplication, aHome, anApplication } from '../../fixtures/applications';
import { type MemoryDeps, memoryDeps } from '../../support/memory';
import { aLambdaContext } from './lambda-context';

const applicationId = 'app_0123456789abcdef0123456789abcdef';
const taskToken = 'AQCEAAAAKgAAAAMAAAAAAAAAAeRk9pQ2x3V0pXbTR1ZmxqT3dUYnE5c2Q4Zz0=secret-tail-7f3a';

/** Everything the handler writes to stdout (Powertools logs there), captured instead of printed. */
function captureLogs(): () => string {
  const lines: string[] = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  return () => lines.join('');
}

async function given(application = aCompleteApplication()): Promise<MemoryDeps> {
  const deps = memoryDeps();
  await deps.applications.create(application);
  return deps;
}

afterEach(() => {
  jest.restoreAllMocks();
});

describe('a workflow step handler', () => {
  it('rejects a payload that does not match the step’s schema with InvalidInput', async () => {
    // Prepare
    captureLogs();
    const deps = await given();
    const handler = eligibilityHandler(() => deps);

    // Act
    const run = handler({ applicationId: '../../etc/passwd' }, aLambdaContext());

    // Assess
    await expect(run).rejects.toMatchObject({
      name: 'InvalidInput',
      message: expect.stringContaining('applicationId'),
    });
    expect(deps.audit.events).toEqual([]);
  });

  it('rejects a payload with no application id with InvalidInput', async () => {
    // Prepare
    captureLogs();
    const handler = eligibilityHandler(() => memoryDeps());

    // Act
    const run = handler({}, aLambdaContext());

    // Assess
    await expect(run).rejects.toMatchObject({ name: 'InvalidInput' });
  });

  it('returns the stage’s result for a valid payload', async () => {
    // Prepare
    captureLogs();
    const deps = await given();
    const handler = eligibilityHandler(() => deps);

    // Act
    const result = await handler({ applicationId }, aLambdaContext());

    // Assess
    expect(result).toEqual({ applicationId, stage: Stage.Eligibility, outcome: 'eligible' });
    expect((await deps.applications.get(applicationId))?.decisions).toHaveLength(1);
  });

  it('returns needs-answers so the workflow asks the applicant', async () => {
    // Prepare
    captureLogs();
    const deps = await given(anApplication());
    const handler = eligibilityHandler(() => deps);

    // Act
    const result = await handler({ applicationId }, aLambdaContext());

    // Assess
    expect(result).toEqual({ applicationId, stage: Stage.Eligibility, outcome: 'needs-answers' });
  });

  it('returns whether a home fits now from the register step', async () => {
    // Prepare
    captureLogs();
    const deps = await given();
    await deps.lettings.putHome(aHome());
    const handler = registerHandler(() => deps);

    // Act
    const result = await handler({ applicationId }, aLambdaContext('doorstep-register'));

    // Assess
    expect(result).toEqual({
      applicationId,
      stage: Stage.Registered,
      outcome: 'registered',
      homeAvailable: true,
    });
  });

  it('lets a service error through under its own name, for the workflow’s retriers', async () => {
    // Prepare
    captureLogs();
    const handler = eligibilityHandler(() => memoryDeps());

    // Act
    const run = handler({ applicationId }, aLambdaContext());

    // Assess
    await expect(run).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('parks a wait without writing its task token to the logs', async () => {
    // Prepare
    const logs = captureLogs();
    const deps = await given();
    const handler = awaitPersonHandler(() => deps);

    // Act
    const result = await handler(
      {
        applicationId,
        stage: Stage.Eligibility,
        kind: 'answers',
        waitingFor: WaitingFor.Applicant,
        taskToken,
      },
      aLambdaContext('doorstep-await-person'),
    );

    // Assess
    expect(result).toEqual({ decisionId: expect.stringMatching(/^dec_/) });
    expect(deps.waits.items.size).toBe(1);
    expect(logs()).toContain('step done');
    expect(logs()).not.toContain(taskToken);
  });
});
