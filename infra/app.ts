import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { DoorstepStack } from './doorstep-stack.js';

/**
 * The CDK app: synthesises offline, with no credentials (`npx cdk synth`). Region eu-west-2 keeps UK data in
 * the UK (DESIGN.md §6). cdk-nag's AwsSolutions pack runs as a validation plugin: an unacknowledged error
 * finding makes synthesis fail.
 */
export function buildApp(app = new App()): { app: App; stack: DoorstepStack } {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const stack = new DoorstepStack(app, 'Doorstep', {
    env: {
      region: 'eu-west-2',
      ...(process.env.CDK_DEFAULT_ACCOUNT ? { account: process.env.CDK_DEFAULT_ACCOUNT } : {}),
    },
    description: 'Doorstep: one conversation from eligibility to keys',
  });
  return { app, stack };
}

if (require.main === module) {
  buildApp().app.synth();
}
