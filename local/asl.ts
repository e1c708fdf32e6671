import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { type AslDefinition, extractAsl, localArn, type ResolvedToken } from '../workflows/asl.js';

const ROOT = join(__dirname, '..');

/** Where each workflow step runs locally: a function folder under functions/, or another local workflow. */
export const LOCAL_FUNCTION_ARN = /^arn:aws:lambda:eu-west-2:000000000000:function:doorstep-([a-z-]+):live$/;
export const LOCAL_STATE_MACHINE_ARN = /^arn:aws:states:eu-west-2:000000000000:stateMachine:([a-z-]+):live$/;

type Resources = Record<
  string,
  { Type: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown> }
>;

/**
 * Resolves the template's tokens to names the local runtime understands: a Lambda alias becomes
 * `...:function:doorstep-<folder>:live` (its folder under functions/, read from the function's CDK path) and a
 * state machine alias `...:stateMachine:<StateMachineName>:live`. Everything else in the ASL is untouched.
 */
export function localResolver(template: { Resources: Resources }): (token: ResolvedToken) => string {
  const resources = template.Resources;
  const ref = (value: unknown): string | undefined => {
    if (typeof value !== 'object' || value === null) return undefined;
    const object = value as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
    return object.Ref ?? object['Fn::GetAtt']?.[0];
  };
  return (token) => {
    const resource = resources[token.logicalId];
    if (token.type === 'AWS::Lambda::Alias' && resource) {
      const fn = resources[ref(resource.Properties?.FunctionName) ?? ''];
      const path = String(fn?.Metadata?.['aws:cdk:path'] ?? '');
      const folder = path.split('/').at(-2);
      if (!folder)
        throw new Error(`Cannot tell which function alias ${token.logicalId} points at (no CDK path)`);
      return `arn:aws:lambda:eu-west-2:000000000000:function:doorstep-${folder}:live`;
    }
    if (token.type === 'AWS::StepFunctions::StateMachineAlias' && resource) {
      const routing = resource.Properties?.RoutingConfiguration as
        | Array<{ StateMachineVersionArn: unknown }>
        | undefined;
      const version = resources[ref(routing?.[0]?.StateMachineVersionArn) ?? ''];
      const machine = resources[ref(version?.Properties?.StateMachineArn) ?? ''];
      const name = machine?.Properties?.StateMachineName;
      if (typeof name !== 'string')
        throw new Error(`Cannot tell which state machine alias ${token.logicalId} names`);
      return `arn:aws:states:eu-west-2:000000000000:stateMachine:${name}:live`;
    }
    return localArn(token);
  };
}

/** The ASL of both workflows from a synthesised template, with local names for functions and workflows. */
export function localAsl(template: unknown): Record<string, AslDefinition> {
  return extractAsl(template, localResolver(template as { Resources: Resources }));
}

/** The sources the definitions are built from: a change to any of them means a new synthesis. */
function sourceFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return [
    ...walk(join(ROOT, 'workflows')),
    ...walk(join(ROOT, 'infra')),
    join(ROOT, 'shared', 'domain', 'stage.ts'),
    join(ROOT, 'package-lock.json'),
  ]
    .filter((path) => /\.(ts|json)$/.test(path))
    .sort();
}

export function workflowSourceHash(): string {
  const hash = createHash('sha256');
  for (const file of sourceFiles())
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** Synthesises the CDK app in-process without bundling (the ASL does not depend on the bundles). */
export function synthesiseTemplate(): unknown {
  // Loaded on demand: aws-cdk-lib takes a second or two to import, and a cache hit never needs it.
  const { App } = require('aws-cdk-lib') as typeof import('aws-cdk-lib');
  const { buildApp } = require('../infra/app.js') as typeof import('../infra/app.js');
  const outdir = mkdtempSync(join(tmpdir(), 'doorstep-local-synth-'));
  const { app, stack } = buildApp(
    new App({ outdir, context: { 'aws:cdk:bundling-stacks': [], 'aws:cdk:enable-path-metadata': true } }),
  );
  return app.synth().getStackByName(stack.stackName).template;
}

/**
 * The journey's ASL exactly as `cdk synth` writes it, cached under `<dir>/asl-<hash>.json` by a hash of the
 * workflow sources, so `npm start` synthesises only after the definitions changed (DESIGN.md §1b).
 */
export function journeyAsl(dir: string): {
  asl: Record<string, AslDefinition>;
  hash: string;
  cached: boolean;
} {
  const hash = workflowSourceHash();
  const file = join(dir, `asl-${hash}.json`);
  if (existsSync(file)) return { asl: JSON.parse(readFileSync(file, 'utf8')), hash, cached: true };
  const asl = localAsl(synthesiseTemplate());
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(asl, null, 2)}\n`);
  return { asl, hash, cached: false };
}
