import './polyfills.js';
import { randomBytes } from 'node:crypto';
import { StateMachine } from 'aws-local-stepfunctions';
import { decisionIdFor } from '../shared/ids.js';
import type { Clock, WaitStore, WorkflowClient } from '../shared/ports.js';
import type { AslDefinition } from '../workflows/asl.js';
import { LOCAL_FUNCTION_ARN, LOCAL_STATE_MACHINE_ARN } from './asl.js';
import type { ExecutionRecord, ExecutionStore, ParkedWait } from './execution-store.js';
import { deferred } from './polyfills.js';

/** A function's handler, called in-process with the task's input (the same module Lambda runs). */
export type LocalHandler = (event: unknown) => Promise<unknown>;

export interface EngineOptions {
  asl: Record<string, AslDefinition>;
  /** Handlers by function folder (functions/<folder>/handler.ts). */
  functions: Record<string, LocalHandler>;
  executions: ExecutionStore;
  waits: WaitStore;
  clock: Clock;
  log: (line: string) => void;
  /** Pause between retries, in ms, instead of the definition's backoff (tests only). */
  retryIntervalMs?: number;
}

/** The context placeholder every wait's `$$.Task.Token` resolves to; each wait swaps it for a token of its own. */
const TOKEN_PLACEHOLDER = 'doorstep-local-task-token';
/** aws-local-stepfunctions uses setTimeout, which fires at once beyond 2^31 ms (DESIGN.md §5): clamp. */
const MAX_TIMEOUT_SECONDS = 2_147_483;
/** How long (× 50 ms) an answer waits for a re-armed execution to reach its wait again. */
const REARM_PATIENCE_TRIES = 200;
const APPLICATION_MACHINE = 'doorstep-application';
const LETTING_MACHINE = 'doorstep-letting';
const LETTERS_MACHINE = 'doorstep-letters';

/** The error Step Functions gives for a token nobody is waiting on any more. */
export class TaskDoesNotExist extends Error {
  override readonly name = 'TaskDoesNotExist';
}

class EngineStopped extends Error {
  override readonly name = 'EngineStopped';
}

type Pending = { resolve: (output: unknown) => void; reject: (error: Error) => void; executionName: string };

/**
 * Runs the synthesised ASL locally with aws-local-stepfunctions, and implements the `WorkflowClient` port
 * (DESIGN.md §3). aws-local-stepfunctions has no `.waitForTaskToken`, so each wait gets a random token, the
 * parking function stores it as in AWS, and a promise stays open until `resume` (SendTaskSuccess) settles it.
 * Executions and their parked waits live in DynamoDB Local, so `rearm()` after a restart re-enters each one
 * at its stage through the resume Choice, with the same token: a waiting officer's decision id still works.
 */
export class LocalWorkflowEngine implements WorkflowClient {
  private readonly machines = new Map<string, StateMachine>();
  private readonly pending = new Map<string, Pending>();
  private readonly runs = new Map<string, { abort: () => void; done: Promise<void> }>();
  private readonly reuse = new Map<string, ParkedWait>();
  private readonly offers = new Map<string, string>();
  private stopping = false;

  constructor(private readonly options: EngineOptions) {
    for (const [name, definition] of Object.entries(options.asl)) {
      this.machines.set(
        name,
        new StateMachine(localTimeouts(clampTimeouts(definition)) as never, {
          validationOptions: { checkArn: false },
        }),
      );
    }
  }

  async startApplication(applicationId: string): Promise<void> {
    await this.startExecution(APPLICATION_MACHINE, applicationId, { applicationId });
  }

  async startLetting(applicationId: string, name: string, propertyId?: string): Promise<void> {
    await this.startExecution(LETTING_MACHINE, name, {
      applicationId,
      ...(propertyId ? { propertyId } : {}),
    });
  }

  async startLetters(applicationId: string, name: string): Promise<void> {
    await this.startExecution(LETTERS_MACHINE, name, { applicationId });
  }

  async resume(taskToken: string, output: Record<string, unknown>): Promise<void> {
    (await this.settle(taskToken)).resolve(output);
  }

  async fail(taskToken: string, error: string, cause: string): Promise<void> {
    (await this.settle(taskToken)).reject(Object.assign(new Error(cause), { name: error }));
  }

  /** Executions running now, by name (for tests and the journey script). */
  get running(): string[] {
    return [...this.runs.keys()];
  }

  /** Starts an execution; a second start with the same name is a no-op, as in Step Functions. */
  async startExecution(machine: string, name: string, input: Record<string, unknown>) {
    if (!this.machines.has(machine)) throw new Error(`No local workflow called ${machine}`);
    const record: ExecutionRecord = {
      executionName: `${machine}:${name}`,
      machine,
      input,
      status: 'RUNNING',
      startedAt: this.options.clock.now().toISOString(),
    };
    if (await this.options.executions.start(record)) this.run(record, input);
    return { ExecutionArn: executionArn(record.executionName), StartDate: record.startedAt };
  }

  /** After a restart: re-enters every execution that was running, at the stage it was parked on. */
  async rearm(): Promise<number> {
    const running = await this.options.executions.running();
    for (const record of running) {
      if (this.runs.has(record.executionName)) continue;
      const parked = record.parked;
      if (parked) this.reuse.set(record.executionName, parked);
      if (parked?.offerId) this.offers.set(record.executionName, parked.offerId);
      const input = parked
        ? {
            ...record.input,
            resumeFrom: parked.stage,
            ...(parked.offerId ? { offer: { outcome: 'offered', offerId: parked.offerId } } : {}),
          }
        : record.input;
      this.run(record, input);
    }
    return running.length;
  }

  /** Stops every execution without ending it: their records stay RUNNING for the next `rearm()`. */
  async stop(): Promise<void> {
    this.stopping = true;
    const runs = [...this.runs.values()];
    for (const run of runs) run.abort();
    for (const waiting of this.pending.values())
      waiting.reject(new EngineStopped('The local runtime stopped'));
    this.pending.clear();
    await Promise.allSettled(runs.map((run) => run.done));
  }

  /**
   * Takes a wait off the pending list and clears the execution's parked record before the execution moves on,
   * so the record never names a wait that was already answered.
   */
  private async settle(taskToken: string): Promise<Pending> {
    let waiting = this.pending.get(taskToken);
    // An execution re-armed after a restart passes a timer step before its wait takes this token again.
    for (let tries = 0; !waiting && tries < REARM_PATIENCE_TRIES && this.rearming(taskToken); tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      waiting = this.pending.get(taskToken);
    }
    if (!waiting) throw new TaskDoesNotExist('No execution is waiting for this task');
    this.pending.delete(taskToken);
    try {
      await this.options.executions.park(waiting.executionName, undefined);
    } catch (error) {
      this.pending.set(taskToken, waiting);
      throw error;
    }
    return waiting;
  }

  private rearming(taskToken: string): boolean {
    return [...this.reuse.values()].some((parked) => parked.taskToken === taskToken);
  }

  private run(record: ExecutionRecord, input: Record<string, unknown>): void {
    const machine = this.machines.get(record.machine);
    if (!machine) throw new Error(`No local workflow called ${record.machine}`);
    const arn = executionArn(record.executionName);
    const execution = machine.run(input as never, {
      overrides: {
        taskResourceLocalHandlers: this.handlersFor(record),
        ...(this.options.retryIntervalMs !== undefined
          ? {
              retryIntervalOverrides: retryOverrides(
                this.options.asl[record.machine],
                this.options.retryIntervalMs,
              ),
            }
          : {}),
      },
      noThrowOnAbort: true,
      context: {
        Execution: { Id: arn, Name: record.executionName.split(':')[1], Input: record.input },
        StateMachine: {
          Id: `arn:aws:states:eu-west-2:000000000000:stateMachine:${record.machine}`,
          Name: record.machine,
        },
        Task: { Token: TOKEN_PLACEHOLDER },
      } as never,
    });
    const done = execution.result.then(
      async () => {
        if (this.stopping) return;
        await this.options.executions.end(
          record.executionName,
          'SUCCEEDED',
          this.options.clock.now().toISOString(),
        );
        this.options.log(`${record.executionName} ended`);
      },
      async (error: Error) => {
        if (this.stopping) return;
        await this.options.executions.end(
          record.executionName,
          'FAILED',
          this.options.clock.now().toISOString(),
          error.message,
        );
        this.options.log(`${record.executionName} failed: ${error.message}`);
      },
    );
    this.runs.set(record.executionName, {
      abort: execution.abort,
      done: done.finally(() => this.runs.delete(record.executionName)),
    });
  }

  private handlersFor(record: ExecutionRecord): Record<string, (input: unknown) => Promise<never>> {
    const definition = this.options.asl[record.machine];
    const handlers: Record<string, (input: unknown) => Promise<never>> = {};
    for (const [stateName, state] of Object.entries(definition?.States ?? {})) {
      if (state.Type !== 'Task') continue;
      const resource = String(state.Resource);
      if (resource.endsWith('.waitForTaskToken')) {
        handlers[stateName] = (input) => this.waitForPerson(record, stateName, input) as Promise<never>;
      } else if (resource === 'arn:aws:states:::states:startExecution') {
        handlers[stateName] = (input) => this.startChild(input) as Promise<never>;
      } else {
        const folder = LOCAL_FUNCTION_ARN.exec(resource)?.[1];
        const handler = folder ? this.options.functions[folder] : undefined;
        if (!handler) throw new Error(`State ${stateName} calls ${resource}, which has no local handler`);
        handlers[stateName] = async (input) => {
          const offerId = (input as { offerId?: unknown }).offerId;
          if (typeof offerId === 'string') this.offers.set(record.executionName, offerId);
          const output = (await handler(input)) as { offerId?: unknown } | undefined;
          if (typeof output?.offerId === 'string') this.offers.set(record.executionName, output.offerId);
          return output as never;
        };
      }
    }
    return handlers;
  }

  /** A `.waitForTaskToken` state: hands a token to the parking function, then waits for `resume`. */
  private async waitForPerson(record: ExecutionRecord, stateName: string, input: unknown): Promise<unknown> {
    const { FunctionName, Payload: given } = input as {
      FunctionName: string;
      Payload: Record<string, unknown>;
    };
    const { [LOCAL_TIMEOUT_KEY]: timeoutSeconds, ...Payload } = given;
    const folder = LOCAL_FUNCTION_ARN.exec(FunctionName)?.[1];
    const handler = folder ? this.options.functions[folder] : undefined;
    if (!handler) throw new Error(`Wait ${stateName} calls ${FunctionName}, which has no local handler`);

    const previous = this.reuse.get(record.executionName);
    this.reuse.delete(record.executionName);
    if (previous && previous.stateName !== stateName) await this.supersede(previous.taskToken);
    const taskToken = previous?.stateName === stateName ? previous.taskToken : newTaskToken();

    // An execution waits for one person at a time: a wait of this execution still pending timed out (its
    // TimeoutSecondsPath fired), and nobody may answer it now.
    for (const [token, pending] of this.pending)
      if (pending.executionName === record.executionName) this.pending.delete(token);
    const { promise, resolve, reject } = deferred<unknown>();
    // Stopping the runtime rejects every pending wait; the aborted execution may no longer be listening.
    promise.catch(() => undefined);
    this.pending.set(taskToken, { resolve, reject, executionName: record.executionName });
    const offerId =
      typeof Payload.offerId === 'string' ? Payload.offerId : this.offers.get(record.executionName);
    try {
      await this.options.executions.park(record.executionName, {
        stateName,
        taskToken,
        stage: String(Payload.stage),
        ...(offerId ? { offerId } : {}),
      });
      await handler({ ...Payload, taskToken });
    } catch (error) {
      this.pending.delete(taskToken);
      throw error;
    }
    if (typeof timeoutSeconds === 'number') {
      const timer = setTimeout(
        () => {
          if (this.pending.get(taskToken)?.executionName !== record.executionName) return;
          this.pending.delete(taskToken);
          reject(Object.assign(new Error('The wait timed out'), { name: 'States.Timeout' }));
        },
        Math.min(Math.max(timeoutSeconds, 1), MAX_TIMEOUT_SECONDS) * 1000,
      );
      timer.unref();
      promise.then(
        () => clearTimeout(timer),
        () => clearTimeout(timer),
      );
    }
    return promise;
  }

  /** A wait from before a restart that the re-entered execution did not reach again: nobody can answer it now. */
  private async supersede(taskToken: string): Promise<void> {
    const decisionId = decisionIdFor(taskToken);
    if (await this.options.waits.claim(decisionId))
      await this.options.waits.complete(decisionId, { superseded: true });
  }

  private async startChild(input: unknown) {
    const { StateMachineArn, Name, Input } = input as {
      StateMachineArn: string;
      Name: string;
      Input: Record<string, unknown>;
    };
    const machine = LOCAL_STATE_MACHINE_ARN.exec(StateMachineArn)?.[1];
    if (!machine) throw new Error(`No local workflow at ${StateMachineArn}`);
    const { AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID: _parent, ...childInput } = Input;
    return this.startExecution(machine, Name, childInput);
  }
}

function newTaskToken(): string {
  return randomBytes(48).toString('base64url');
}

function executionArn(executionName: string): string {
  return `arn:aws:states:eu-west-2:000000000000:execution:${executionName}`;
}

/** Where a wait's `TimeoutSecondsPath` value travels to {@link LocalWorkflowEngine.waitForPerson} (never to a handler). */
const LOCAL_TIMEOUT_KEY = 'doorstepLocalTimeoutSeconds';

/**
 * Step Functions reads a task's `TimeoutSecondsPath` from the state's input; aws-local-stepfunctions reads it
 * from the task's parameters, where `$.timer.seconds` is not. So a wait's path moves into its payload, and the
 * engine times the wait itself, failing it with `States.Timeout` as Step Functions does.
 */
function localTimeouts(definition: AslDefinition): AslDefinition {
  const states = Object.fromEntries(
    Object.entries(definition.States).map(([name, state]) => {
      const path = state.TimeoutSecondsPath;
      if (typeof path !== 'string' || !String(state.Resource).endsWith('.waitForTaskToken'))
        return [name, state];
      const { TimeoutSecondsPath: _moved, ...rest } = state;
      const parameters = state.Parameters as { Payload?: Record<string, unknown> } | undefined;
      return [
        name,
        {
          ...rest,
          Parameters: {
            ...parameters,
            Payload: { ...parameters?.Payload, [`${LOCAL_TIMEOUT_KEY}.$`]: path },
          },
        },
      ];
    }),
  );
  return { ...definition, States: states };
}

function clampTimeouts(definition: AslDefinition): AslDefinition {
  const states = Object.fromEntries(
    Object.entries(definition.States).map(([name, state]) => [
      name,
      typeof state.TimeoutSeconds === 'number' && state.TimeoutSeconds > MAX_TIMEOUT_SECONDS
        ? { ...state, TimeoutSeconds: MAX_TIMEOUT_SECONDS }
        : state,
    ]),
  );
  return { ...definition, States: states };
}

function retryOverrides(definition: AslDefinition | undefined, ms: number): Record<string, number> {
  return Object.fromEntries(
    Object.entries(definition?.States ?? {})
      .filter(([, state]) => Array.isArray(state.Retry))
      .map(([name]) => [name, ms]),
  );
}
