import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { journeyAsl, localAsl } from '../../local/asl';
import { extractAsl } from '../../workflows/asl';
import { HANDLER_FOLDERS, synthDoorstep } from '../support/synth';

const run = promisify(execFile);

/**
 * The CDK CLI synthesises the app offline, with no AWS credentials, bundling every Lambda with the local
 * esbuild; the definitions it writes to the cloud assembly are the ones the rest of the suite checks.
 */
describe('npx cdk synth', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'doorstep-cli-'));
  let template: Record<string, unknown>;

  beforeAll(async () => {
    const env = {
      ...process.env,
      AWS_ACCESS_KEY_ID: '',
      AWS_SECRET_ACCESS_KEY: '',
      AWS_PROFILE: '',
      CDK_DEFAULT_ACCOUNT: '',
    };
    await run('npx', ['cdk', 'synth', '--quiet', '--output', outdir], {
      cwd: process.cwd(),
      env,
      timeout: 240_000,
    });
    template = JSON.parse(readFileSync(join(outdir, 'Doorstep.template.json'), 'utf8'));
  }, 300_000);

  it('writes the same state machine definitions as the in-process synthesis the other tests check', () => {
    expect(extractAsl(template)).toEqual(synthDoorstep().asl);
  });

  it('is what the local runtime executes: its cached ASL equals the CLI template, resolved the same way', () => {
    // A fresh cache directory, so the runtime synthesises for itself rather than reading an old file.
    const { asl, cached } = journeyAsl(mkdtempSync(join(tmpdir(), 'doorstep-asl-')));
    expect(cached).toBe(false);
    expect(asl).toEqual(localAsl(template));
    // Every task the local runtime will call is a function folder under functions/ or a local workflow.
    const resources = Object.values(asl).flatMap((definition) =>
      Object.values(definition.States).flatMap((state) => [
        state.Resource,
        (state.Parameters as { FunctionName?: unknown })?.FunctionName,
      ]),
    );
    for (const resource of resources.filter((value): value is string => typeof value === 'string')) {
      expect(resource).toMatch(
        /^arn:aws:(lambda:eu-west-2:000000000000:function:doorstep-[a-z-]+:live|states:::.+)$/,
      );
    }
  });

  it('keeps every function’s bundle under 1 MiB (issue 4), with only the font metrics its PDFs use', () => {
    const resources = Object.entries(
      template.Resources as Record<string, { Type: string; Metadata?: Record<string, string> }>,
    );
    const bundles = resources.flatMap(([id, resource]) => {
      const asset = resource.Metadata?.['aws:asset:path'];
      return resource.Type === 'AWS::Lambda::Function' && asset
        ? [{ id, path: join(outdir, asset, 'index.js') }]
        : [];
    });
    expect(bundles).toHaveLength(HANDLER_FOLDERS.length);
    const oversized = bundles.filter(({ path }) => statSync(path).size >= 1024 * 1024).map(({ id }) => id);
    expect(oversized).toEqual([]);

    // Credentials come from the function's environment alone (functions/lib/lambda-credentials.ts): no bundle
    // carries the default chain's own STS client.
    const withSts = bundles.filter(({ path }) =>
      readFileSync(path, 'utf8').includes('AssumeRoleWithWebIdentity'),
    );
    expect(withSts.map(({ id }) => id)).toEqual([]);

    // The tenancy bundle makes the agreement PDF: pdf-lib with Helvetica's metrics, without Times's.
    const tenancy = bundles.find(({ id }) => /^Journeytenancy[0-9A-F]{8}$/.test(id));
    const code = readFileSync(tenancy?.path ?? '', 'utf8');
    const metrics = (font: string) =>
      readFileSync(require.resolve(`@pdf-lib/standard-fonts/lib/${font}.compressed.json`), 'utf8').slice(
        1,
        81,
      );
    expect(code).toContain(metrics('Helvetica'));
    expect(code).not.toContain(metrics('Times-Roman'));
  });

  it('puts the letter fonts beside each function that writes a PDF, and the Welsh catalogue beside letters', () => {
    const resources = Object.entries(
      template.Resources as Record<string, { Type: string; Metadata?: Record<string, string> }>,
    );
    const withFonts = resources.flatMap(([id, resource]) => {
      const asset = resource.Metadata?.['aws:asset:path'];
      if (resource.Type !== 'AWS::Lambda::Function' || !asset) return [];
      const folder = join(outdir, asset);
      const fonts = readdirSync(folder).includes('fonts') ? readdirSync(join(folder, 'fonts')).sort() : [];
      if (fonts.length === 0) return [];
      const catalogue = readdirSync(folder).includes('i18n') ? readdirSync(join(folder, 'i18n')) : [];
      return [{ id: id.replace(/[0-9A-F]{8}$/, ''), fonts, catalogue }];
    });
    expect(withFonts.map(({ id, catalogue }) => [id, catalogue]).sort()).toEqual([
      ['Journeyclosecase', ['cy.json']],
      ['Journeyletters', ['cy.json']],
      ['Journeytenancy', []],
    ]);
    for (const { fonts } of withFonts) {
      expect(fonts).toEqual([
        'doorstep-sans-bold.json',
        'doorstep-sans-bold.ttf',
        'doorstep-sans-regular.json',
        'doorstep-sans-regular.ttf',
      ]);
    }
  });

  it('bundles a handler for every function', () => {
    const assets = readdirSync(outdir).filter((entry) => entry.startsWith('asset.'));
    const bundles = assets.filter((asset) => readdirSync(join(outdir, asset)).includes('index.js'));
    expect(bundles).toHaveLength(HANDLER_FOLDERS.length);
    for (const bundle of bundles)
      expect(statSync(join(outdir, bundle, 'index.js')).size).toBeGreaterThan(10_000);
  });
});
