import { join } from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Alias, Architecture, type IVersion, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { asInterface } from './cdk-types.js';

const ROOT = join(__dirname, '..', '..');

/**
 * Packages every bundle takes in a smaller form (esbuild `--alias`, resolved from the project root): pdf-lib's
 * standard font metrics limited to the fonts Doorstep's PDFs use (functions/lib/pdf-standard-fonts.ts), and the
 * SDK's credentials from the function's environment alone (functions/lib/lambda-credentials.ts). Part of
 * the bundling itself, so `cdk synth`, `cdk deploy` and `npm run bench:bundles` all measure the same bundles.
 */
export const BUNDLE_ALIASES: Record<string, string> = {
  '--alias:@pdf-lib/standard-fonts': join(ROOT, 'functions', 'lib', 'pdf-standard-fonts.ts'),
  '--alias:@aws-sdk/credential-provider-node': join(ROOT, 'functions', 'lib', 'lambda-credentials.ts'),
};

const quoted = (path: string) => `"${path}"`;

/**
 * The Welsh catalogue beside a bundle, in `i18n/` (shared/i18n/index.ts reads it as data, not code): for every
 * function that writes to an applicant in Welsh.
 */
export function welshCatalogueFiles(inputDir: string, outputDir: string): string[] {
  return [
    `mkdir -p ${quoted(join(outputDir, 'i18n'))}`,
    `cp ${quoted(join(inputDir, 'shared', 'i18n', 'cy.json'))} ${quoted(join(outputDir, 'i18n', 'cy.json'))}`,
  ];
}

/**
 * The letter fonts and their metrics in `fonts/` beside a bundle (shared/fonts/index.ts): for every function that
 * writes a PDF whose text may hold a character Helvetica cannot print (a Welsh ŵ or ŷ, a name's Ł).
 */
export function letterFontFiles(inputDir: string, outputDir: string): string[] {
  const fonts = join(inputDir, 'shared', 'fonts');
  return [
    `mkdir -p ${quoted(join(outputDir, 'fonts'))}`,
    `cp ${quoted(fonts)}/*.ttf ${quoted(fonts)}/*.json ${quoted(join(outputDir, 'fonts'))}`,
  ];
}

/** What a function that writes decision letters reads beside its bundle: the Welsh catalogue and the fonts. */
export function letterBundleFiles(inputDir: string, outputDir: string): string[] {
  return [...welshCatalogueFiles(inputDir, outputDir), ...letterFontFiles(inputDir, outputDir)];
}

export interface DoorstepFunctionProps {
  /** The handler's folder under `functions/`. */
  folder: string;
  description: string;
  environment?: Record<string, string>;
  timeout?: Duration;
  memorySize?: number;
  /**
   * Shell commands that put files the handler reads at run time (templates, static files) into the bundle's
   * output folder, after esbuild has written `index.js`. `inputDir` is the project root.
   */
  afterBundling?: (inputDir: string, outputDir: string) => string[];
}

/**
 * Every Doorstep Lambda, with the settings set once (STYLE.md): the newest Node.js runtime aws-cdk-lib offers
 * (cdk-nag AwsSolutions-L1), arm64, JSON logs kept six months in their own group, X-Ray tracing, a role of its
 * own with no managed policies, local esbuild bundling, and a published version behind a `live` alias that
 * workflows and the API call, so a deploy never swaps code under a running execution.
 */
export class DoorstepFunction extends NodejsFunction {
  readonly live: Alias;

  constructor(scope: Construct, id: string, props: DoorstepFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: RetentionDays.SIX_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Doorstep ${props.folder}: least privilege, granted resource by resource`,
    });
    super(scope, id, {
      entry: join(ROOT, 'functions', props.folder, 'handler.ts'),
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(15),
      tracing: Tracing.ACTIVE,
      loggingFormat: LoggingFormat.JSON,
      logGroup,
      role,
      projectRoot: ROOT,
      depsLockFilePath: join(ROOT, 'package-lock.json'),
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'doorstep',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.CJS,
        target: 'node24',
        minify: true,
        sourceMap: true,
        // The SDK is bundled at the pinned version rather than taken from the runtime.
        externalModules: [],
        forceDockerBundling: false,
        // Prefer packages' ES module builds so esbuild can drop what a function does not use.
        mainFields: ['module', 'main'],
        esbuildArgs: BUNDLE_ALIASES,
        ...(props.afterBundling
          ? {
              commandHooks: {
                beforeBundling: () => [],
                beforeInstall: () => [],
                afterBundling: props.afterBundling,
              },
            }
          : {}),
      },
    });
    logGroup.grantWrite(role);
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords accept only Resource "*". A test checks no other action is granted on "*".',
    });
    this.live = new Alias(this, 'Live', {
      aliasName: 'live',
      version: asInterface<IVersion>(this.currentVersion),
    });
  }
}
