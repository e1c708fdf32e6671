import { extractAsl } from '../../../workflows/asl';
import { synthDoorstep } from '../../support/synth';

type State = Record<string, unknown> & { Type: string };
type Retrier = {
  ErrorEquals: string[];
  MaxAttempts?: number;
  BackoffRate?: number;
  IntervalSeconds?: number;
};
type Catcher = { ErrorEquals: string[]; Next: string };

const { asl } = synthDoorstep();
const machines = Object.entries(asl);
/** The workflows with human waits, which a restart re-enters through their resume Choice (not Letters). */
const journeys = machines.filter(([name]) => name !== 'doorstep-letters');

const isHumanWait = (state: State) =>
  typeof state.Resource === 'string' && state.Resource.endsWith('.waitForTaskToken');
const isMachineTask = (state: State) => state.Type === 'Task' && !isHumanWait(state);
const tasks = (kind: (state: State) => boolean) =>
  machines.flatMap(([machine, definition]) =>
    Object.entries(definition.States as Record<string, State>)
      .filter(([, state]) => kind(state))
      .map(([name, state]) => [`${machine} / ${name}`, state] as const),
  );

/** Every state a state can go to next: Next, Default, Choice branches and Catch targets. */
function successors(state: State): string[] {
  const next = [state.Next, state.Default].filter((target): target is string => typeof target === 'string');
  const choices = ((state.Choices as Array<{ Next: string }> | undefined) ?? []).map((choice) => choice.Next);
  const catches = ((state.Catch as Catcher[] | undefined) ?? []).map((catcher) => catcher.Next);
  return [...next, ...choices, ...catches];
}

describe('the journey workflows (ASL extracted from the synthesised template)', () => {
  it('synthesises the three workflows, Application, Letting and Letters', () => {
    expect(Object.keys(asl).sort()).toEqual(['doorstep-application', 'doorstep-letters', 'doorstep-letting']);
  });

  it('writes letters in one retried step that ends the execution as failed (alarmed) when it cannot', () => {
    const states = asl['doorstep-letters']?.States as Record<string, State>;
    expect(asl['doorstep-letters']?.StartAt).toBe('Letters: write');
    expect(states['Letters: write']?.Next).toBe('Written');
    expect(states['Letters: not written']?.Type).toBe('Fail');
  });

  it('never uses JSONata, which the local runner ignores silently', () => {
    const text = JSON.stringify(asl);
    expect(text).not.toMatch(/JSONata/i);
    expect(text).not.toMatch(/"Assign"/);
  });

  it.each(journeys)('%s starts with the resume Choice on $.resumeFrom', (_name, definition) => {
    const start = definition.States[definition.StartAt] as State;
    expect(start.Type).toBe('Choice');
    expect(JSON.stringify(start.Choices)).toContain('$.resumeFrom');
    expect(start.Default).toBeDefined();
  });

  it.each(tasks(isMachineTask))(
    '%s retries with backoff, then catches everything into a park state',
    (_name, state) => {
      const retriers = (state.Retry as Retrier[] | undefined) ?? [];
      const backoff = retriers.find(
        (retrier) =>
          retrier.ErrorEquals.includes('States.ALL') &&
          (retrier.MaxAttempts ?? 3) > 0 &&
          (retrier.BackoffRate ?? 2) > 1,
      );
      expect(backoff).toBeDefined();
      const catchers = (state.Catch as Catcher[] | undefined) ?? [];
      const catchAll = catchers.find((catcher) => catcher.ErrorEquals.includes('States.ALL'));
      // Letters parks nothing for a person, and the next offer after one closed has no case to park: their
      // failure fails the execution, which raises an alarm.
      expect(catchAll?.Next).toMatch(/: park$|^Attention$|^Letters: not written$|^Next offer not started$/);
    },
  );

  it.each(tasks(isHumanWait))(
    '%s waits with a timeout (a backstop, or an offer timer) that escalates, and never retries',
    (name, state) => {
      expect(state.Retry).toBeUndefined();
      expect(state.HeartbeatSeconds).toBeUndefined();
      const catchers = (state.Catch as Catcher[] | undefined) ?? [];
      const onTimeout = catchers.find((catcher) => catcher.ErrorEquals.includes('States.Timeout'));
      if (state.TimeoutSecondsPath !== undefined) {
        // An offer's deadlines: the timer step decides between waiting on, a reminder, escalation and lapse.
        expect(state.TimeoutSecondsPath).toBe('$.timer.seconds');
        expect(onTimeout?.Next).toMatch(/: timer$/);
      } else if (name.endsWith('senior approval')) {
        // Escalated already: a senior officer who does not decide by the backstop leaves it for attention.
        expect(state.TimeoutSeconds as number).toBeGreaterThan(0);
        expect(onTimeout?.Next).toBe('OfficerApproval: park');
      } else {
        expect(state.TimeoutSeconds as number).toBeGreaterThan(0);
        expect(onTimeout?.Next).toMatch(/escalate/);
      }
      // The token is handed to the parking function, never elsewhere.
      expect(JSON.stringify(state.Parameters)).toContain('"taskToken.$":"$$.Task.Token"');
    },
  );

  it.each(tasks(isHumanWait))(
    '%s ends the execution when the applicant withdraws, before any other catch can park the case',
    (name, state) => {
      const [machine] = name.split(' / ');
      const states = asl[machine ?? '']?.States as Record<string, State>;
      const catchers = (state.Catch as Catcher[] | undefined) ?? [];
      // The first catch: a failed wait is otherwise caught by States.ALL into the attention wait.
      expect(catchers[0]?.ErrorEquals).toEqual(['ApplicationWithdrawn']);
      expect(states[catchers[0]?.Next ?? '']?.Type).toBe('Succeed');
    },
  );

  it.each(machines)('%s has no dangling or unreachable states', (_name, definition) => {
    const states = definition.States as Record<string, State>;
    const reached = new Set<string>();
    const queue = [definition.StartAt];
    while (queue.length > 0) {
      const name = queue.shift() as string;
      if (reached.has(name)) continue;
      const state = states[name];
      expect(state).toBeDefined();
      reached.add(name);
      if (state) queue.push(...successors(state));
    }
    expect([...reached].sort()).toEqual(Object.keys(states).sort());
  });

  it('runs the Application stages in order: eligibility, qualification, household, documents, verification, registered', () => {
    const states = asl['doorstep-application']?.States as Record<string, State>;
    const order = ['Eligibility', 'Qualification', 'Household', 'Documents', 'Verification'];
    order.forEach((stage, index) => {
      const outcome = states[`${stage}: outcome`];
      const next = index + 1 < order.length ? `${order[index + 1]}: assess` : 'Registered: register';
      expect(outcome?.Default).toBe(next);
    });
  });

  it('runs the Letting stages in order: offer, approval, response, signing, keys, let', () => {
    const states = asl['doorstep-letting']?.States as Record<string, State>;
    const chain = (from: string, decision: string) =>
      ((states[from]?.Choices ?? []) as Array<{ StringEquals?: string; Next: string }>).find(
        (choice) => choice.StringEquals === decision,
      )?.Next;
    expect(chain('Offer: found?', 'offered')).toBe('OfficerApproval: timer');
    expect(states['OfficerApproval: timer']?.Next).toBe('OfficerApproval: late?');
    expect(states['OfficerApproval: late?']?.Default).toBe('OfficerApproval: approval');
    expect(chain('OfficerApproval: decision', 'approve')).toBe('ApplicantResponse: timer');
    expect(states['ApplicantResponse: timer']?.Next).toBe('ApplicantResponse: lapsed?');
    expect(states['ApplicantResponse: lapsed?']?.Default).toBe('ApplicantResponse: response');
    expect(chain('ApplicantResponse: decision', 'accept')).toBe('TenancySigning: prepare');
    expect(states['TenancySigning: prepare']?.Next).toBe('TenancySigning: signed?');
    expect(states['TenancySigning: signed?']?.Default).toBe('TenancySigning: signature');
    expect(states['TenancySigning: signature']?.Next).toBe('TenancySigning: apply signatures');
    expect(states['TenancySigning: apply signatures']?.Next).toBe('Keys: issue');
    expect(states['Keys: issue']?.Next).toBe('Let: complete');
    expect(states['Let: complete']?.Next).toBe('Let');
  });

  it('escalates a late approval to a senior officer, whose decision counts the same', () => {
    const states = asl['doorstep-letting']?.States as Record<string, State>;
    const late = states['OfficerApproval: late?']?.Choices as Array<{ StringEquals?: string; Next: string }>;
    expect(late).toEqual([
      { Variable: '$.timer.due', StringEquals: 'escalate', Next: 'OfficerApproval: to a senior officer' },
    ]);
    expect(states['OfficerApproval: to a senior officer']?.Next).toBe('OfficerApproval: senior approval');
    const senior = states['OfficerApproval: senior approval'] as State;
    expect(JSON.stringify(senior.Parameters)).toContain('"waitingFor":"senior-officer"');
    expect(senior.Next).toBe('OfficerApproval: senior decision');
    expect(JSON.stringify(states['OfficerApproval: senior decision']?.Choices)).toBe(
      JSON.stringify(states['OfficerApproval: decision']?.Choices),
    );
  });

  it('counts no answer by the deadline as a refusal, and then offers the home to the next household', () => {
    const states = asl['doorstep-letting']?.States as Record<string, State>;
    const lapsed = states['ApplicantResponse: lapsed?']?.Choices as Array<{
      StringEquals?: string;
      Next: string;
    }>;
    expect(lapsed).toEqual([
      { Variable: '$.timer.due', StringEquals: 'lapse', Next: 'ApplicantResponse: lapse' },
    ]);
    const lapse = states['ApplicantResponse: lapse'] as State;
    expect(lapse.Parameters).toMatchObject({ status: 'refused', lapsed: true });
    for (const closing of [
      'ApplicantResponse: lapse',
      'ApplicantResponse: close offer',
      'OfficerApproval: close offer',
    ])
      expect(states[closing]?.Next).toBe('Offer: next household');
    const anyone = states['Offer: anyone next?']?.Choices as Array<{ StringEquals?: string; Next: string }>;
    expect(anyone).toEqual([
      { Variable: '$.next.outcome', StringEquals: 'next', Next: 'Offer: start the next' },
    ]);
    const start = states['Offer: start the next'] as State;
    expect(start.Resource).toBe('arn:aws:states:::states:startExecution');
    const parameters = start.Parameters as Record<string, unknown>;
    // Its own live alias, by its name: the local runtime and AWS both resolve it.
    expect(JSON.stringify(parameters.StateMachineArn)).toContain(':stateMachine:doorstep-letting:live');
    expect(parameters).toMatchObject({
      'Name.$': '$.next.executionName',
      Input: { 'applicationId.$': '$.next.applicationId', 'propertyId.$': '$.next.propertyId' },
    });
    // A household whose offer of this home ended already (an officer's direct offer) is not offered it again.
    expect((start.Catch as Catcher[])[0]).toMatchObject({
      ErrorEquals: ['StepFunctions.ExecutionAlreadyExistsException'],
      Next: 'Offer closed',
    });
  });

  it('applies the tenant’s signature in a machine step after the wait, which a resumed stage does not ask again', () => {
    const states = asl['doorstep-letting']?.States as Record<string, State>;
    const apply = states['TenancySigning: apply signatures'] as State;
    expect(isMachineTask(apply)).toBe(true);
    expect(apply.Resource).toMatch(/:function:Journeytenancysigning.*:live$/);
    expect(apply.Parameters).toEqual({
      'applicationId.$': '$.applicationId',
      'offerId.$': '$.offer.offerId',
    });
    expect((apply.Catch as Catcher[])[0]?.Next).toBe('TenancySigning: park');
    // A resume into TenancySigning prepares again; a tenant who has signed goes straight to the signing step.
    const signed = states['TenancySigning: signed?'] as State;
    const branches = JSON.stringify(signed.Choices);
    expect(branches).toContain('"StringEquals":"signed-by-tenant"');
    expect(branches).toContain('"Next":"TenancySigning: apply signatures"');
    const resume = JSON.stringify(asl['doorstep-letting']?.States['Resume?']);
    expect(resume).toContain('"StringEquals":"TenancySigning"');
  });

  it('writes the registration letter in the letters function’s step, after registering', () => {
    const states = asl['doorstep-application']?.States as Record<string, State>;
    expect(states['Registered: register']?.Next).toBe('Registered: letter');
    expect(states['Registered: letter']?.Resource).toMatch(/:function:Journeyletters.*:live$/);
    expect(states['Registered: letter']?.Next).toBe('Registered: home available now?');
  });

  it('links the workflows by application id: registration starts a Letting on its live alias', () => {
    const start = asl['doorstep-application']?.States['Registered: start letting'] as State;
    expect(start.Resource).toBe('arn:aws:states:::states:startExecution');
    const parameters = start.Parameters as Record<string, unknown>;
    expect(parameters.StateMachineArn).toMatch(/LettingStateMachineLive.*:live$/);
    expect(parameters.Input).toMatchObject({ 'applicationId.$': '$.applicationId' });
  });

  it.each(['Documents', 'Verification'])(
    'lets an officer checking %s ask for another document, which goes back to the Documents stage',
    (stage) => {
      const states = asl['doorstep-application']?.States as Record<string, State>;
      const choices = states[`${stage}: review decision`]?.Choices as Array<{
        StringEquals?: string;
        Next: string;
      }>;
      const another = choices.find((choice) => choice.StringEquals === 'another')?.Next;
      expect(another).toBe(`${stage}: ask for another document`);
      expect(states[another ?? '']).toMatchObject({
        Type: 'Pass',
        Result: 'Documents',
        ResultPath: '$.resumeFrom',
      });
      expect(states[another ?? '']?.Next).toBe(asl['doorstep-application']?.StartAt);
    },
  );

  it('offers "another document" at no stage that does not check documents', () => {
    const states = asl['doorstep-application']?.States as Record<string, State>;
    for (const stage of ['Eligibility', 'Qualification', 'Household']) {
      const choices = states[`${stage}: review decision`]?.Choices as Array<{ StringEquals?: string }>;
      expect(choices.map((choice) => choice.StringEquals)).toEqual(['proceed', 'close']);
    }
  });

  it('sends an officer "retry" from the attention wait back through the resume Choice', () => {
    for (const [, definition] of journeys) {
      const decision = definition.States['Attention: decision'] as State;
      const retry = (decision.Choices as Array<{ StringEquals?: string; Next: string }>).find(
        (choice) => choice.StringEquals === 'retry',
      );
      expect(retry?.Next).toBe(definition.StartAt);
    }
  });
});

describe('extractAsl', () => {
  it('resolves Ref and Fn::GetAtt tokens with the given resolver', () => {
    const template = {
      Resources: {
        Fn: { Type: 'AWS::Lambda::Alias' },
        Machine: {
          Type: 'AWS::StepFunctions::StateMachine',
          Properties: {
            StateMachineName: 'demo',
            DefinitionString: {
              'Fn::Join': [
                '',
                [
                  '{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"',
                  { Ref: 'Fn' },
                  '","Next":"B"},"B":{"Type":"Pass","Result":"',
                  { 'Fn::GetAtt': ['Fn', 'Arn'] },
                  '","End":true}}}',
                ],
              ],
            },
          },
        },
      },
    };
    const asl = extractAsl(
      template,
      (token) => `${token.logicalId}/${token.attribute ?? 'ref'}/${token.type}`,
    );
    expect(asl.demo?.States.A?.Resource).toBe('Fn/ref/AWS::Lambda::Alias');
    expect(asl.demo?.States.B?.Result).toBe('Fn/Arn/AWS::Lambda::Alias');
  });

  it('refuses a definition with an intrinsic it cannot resolve', () => {
    const template = {
      Resources: {
        Machine: {
          Type: 'AWS::StepFunctions::StateMachine',
          Properties: { DefinitionString: { 'Fn::Join': ['', ['{', { 'Fn::Sub': 'x' }, '}']] } },
        },
      },
    };
    expect(() => extractAsl(template)).toThrow();
  });
});
