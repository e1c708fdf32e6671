import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../infra/app';
import { type AslDefinition, extractAsl } from '../../workflows/asl';

/**
 * Every Lambda handler in the repository: each folder under functions/ with a handler.ts is one deployed
 * function, so the stack's and the CLI bundle's counts follow the code rather than a number kept by hand.
 */
export const HANDLER_FOLDERS = readdirSync(join(__dirname, '..', '..', 'functions'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .filter((name) => existsSync(join(__dirname, '..', '..', 'functions', name, 'handler.ts')));

/**
 * Synthesises the Doorstep app in-process, once per test file (2-3 s), with cdk-nag's AwsSolutions checks
 * as a validation plugin: an unacknowledged finding makes `synth()` throw. Lambda bundling is skipped here
 * (the CDK CLI test in test/integration bundles for real).
 */
export function synthDoorstep(): {
  template: Template;
  raw: Record<string, unknown>;
  asl: Record<string, AslDefinition>;
  region: string;
} {
  const outdir = mkdtempSync(join(tmpdir(), 'doorstep-synth-'));
  const { app, stack } = buildApp(new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } }));
  const assembly = app.synth();
  const raw = assembly.getStackByName(stack.stackName).template as Record<string, unknown>;
  return { template: Template.fromJSON(raw), raw, asl: extractAsl(raw), region: stack.region };
}
