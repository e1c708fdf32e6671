import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm run bench:bundles`: synthesises the app with the CDK CLI (bundling every Lambda with esbuild) and
 * prints the synthesis time and each function's bundle size against the 1 MB target, and the size of the
 * files copied beside a bundle (the web function's templates and assets), which the target does not count.
 */
const outdir = mkdtempSync(join(tmpdir(), 'doorstep-bench-'));
const started = process.hrtime.bigint();
execFileSync('npx', ['cdk', 'synth', '--quiet', '--output', outdir], { stdio: 'inherit' });
const seconds = Number(process.hrtime.bigint() - started) / 1e9;

const template = JSON.parse(readFileSync(join(outdir, 'Doorstep.template.json'), 'utf8'));
const rows: Array<{ fn: string; kib: number; files: number; filesKib: number }> = [];
for (const [logicalId, resource] of Object.entries<{ Type: string; Metadata?: Record<string, string> }>(
  template.Resources,
)) {
  const asset = resource.Metadata?.['aws:asset:path'];
  if (resource.Type !== 'AWS::Lambda::Function' || !asset) continue;
  const dir = join(outdir, asset);
  const bytes = statSync(join(dir, 'index.js')).size;
  const copied = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file !== 'index.js' && file !== 'index.js.map')
    .map((file) => statSync(join(dir, file)))
    .filter((stat) => stat.isFile());
  rows.push({
    fn: logicalId.replace(/[0-9A-F]{8}$/, ''),
    kib: Math.round(bytes / 1024),
    files: copied.length,
    filesKib: Math.round(copied.reduce((sum, stat) => sum + stat.size, 0) / 1024),
  });
}
rows.sort((a, b) => b.kib - a.kib);
console.log(`cdk synth with bundling: ${seconds.toFixed(1)} s`);
console.log('| function | bundle (KiB) | under 1 MB? | files copied beside it |');
console.log('|---|---:|---|---:|');
for (const row of rows) {
  const copied = row.files > 0 ? `${row.files} files, ${row.filesKib} KiB` : '';
  console.log(`| ${row.fn} | ${row.kib} | ${row.kib < 1024 ? 'yes' : 'no'} | ${copied} |`);
}
console.log(`assets written: ${readdirSync(outdir).filter((entry) => entry.startsWith('asset.')).length}`);
