import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build } from 'esbuild';

/**
 * Runs a bench script built the way the Lambda bundles are (infra/constructs/doorstep-function.ts: one esbuild
 * bundle, CommonJS, minified, names not kept), so the figures are those of the code as it ships rather than of
 * `tsx`, whose keep-names wrapper adds a call to every closure a rule creates. Usage:
 * `tsx bench/as-shipped.ts bench/assessment.ts`. The bundle goes to a temporary folder and is removed after.
 */
async function main(): Promise<void> {
  const entry = process.argv[2];
  if (!entry) throw new Error('Usage: tsx bench/as-shipped.ts <bench script>');
  const folder = mkdtempSync(join(tmpdir(), 'doorstep-bench-'));
  try {
    const outfile = join(folder, 'bench.cjs');
    await build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: `node${process.versions.node.split('.')[0]}`,
      minify: true,
      mainFields: ['module', 'main'],
      logLevel: 'warning',
    });
    console.log(`${relative(process.cwd(), entry)}, bundled and minified by esbuild as the Lambdas are\n`);
    const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(3)], { stdio: 'inherit' });
    process.exitCode = run.status ?? 1;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
