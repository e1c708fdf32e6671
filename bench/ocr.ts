import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type LocalEngine, LocalMrzReader } from '../shared/adapters/local/mrz-reader';
import type { MrzReading } from '../shared/ports';
import {
  expectedFields,
  FIXTURE_TODAY,
  HOLDERS,
  PASSPORT_IMAGES,
} from '../test/fixtures/passports/specimens';

/**
 * `npm run bench:ocr`: reads every passport fixture (test/fixtures/passports) with PaddleOCR's PP-OCRv4 on
 * onnxruntime-node and with tesseract.js, each alone, then with the reader as wired (Paddle, tesseract.js as
 * fallback), and prints per image the outcome and the median time of BENCH_RUNS reads (default 3) after a
 * warm-up, then the totals and the time ratio measured in this run. Figures, not assertions.
 *
 * Outcomes: "right" (every field right, check digits hold), "right, checks fail" (the fields right but a
 * check digit misread), "WRONG" (a field wrong; "!" when every check digit still holds), "no reading" (the
 * reader said why).
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const folder = join(__dirname, '../test/fixtures/passports');

type Outcome = 'right' | 'right, checks fail' | 'WRONG' | 'WRONG!' | 'no reading';

function outcome(reading: MrzReading, holder: keyof typeof HOLDERS): Outcome {
  if (!reading.ok) return 'no reading';
  const right = JSON.stringify(reading.fields) === JSON.stringify(expectedFields(HOLDERS[holder]));
  if (right) return reading.checkDigitsValid ? 'right' : 'right, checks fail';
  return reading.checkDigitsValid ? 'WRONG!' : 'WRONG';
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

async function main(): Promise<void> {
  const reader = new LocalMrzReader({ now: () => FIXTURE_TODAY });
  const engines: Array<{ name: string; read: (bytes: Buffer) => Promise<MrzReading> }> = [
    { name: 'Paddle', read: (bytes) => reader.readWith('paddle' satisfies LocalEngine, bytes) },
    { name: 'tesseract', read: (bytes) => reader.readWith('tesseract' satisfies LocalEngine, bytes) },
    { name: 'as wired', read: (bytes) => reader.readPassportMrz(bytes) },
  ];
  try {
    // Loading: the first read of each engine loads its model (Paddle's ONNX session, tesseract's worker).
    const warmUp = await readFile(join(folder, 'gareth-clean.png'));
    const paddleLoad = await timed(() => reader.readWith('paddle', warmUp));
    const tesseractLoad = await timed(() => reader.readWith('tesseract', warmUp));
    console.log(
      `first read, model loading included: Paddle ${Math.round(paddleLoad.ms)} ms, tesseract.js ${Math.round(tesseractLoad.ms)} ms`,
    );
    console.log(`median of ${RUNS} reads per image and engine (ms), ${new Date().toISOString()}\n`);
    console.log(`| image | what | ${engines.map((engine) => `${engine.name} | ms`).join(' | ')} |`);
    console.log(`|---|---|${engines.map(() => '---|---:').join('|')}|`);
    const totals = engines.map(() => ({ right: 0, wrongButValid: 0, times: [] as number[] }));
    for (const image of PASSPORT_IMAGES) {
      const bytes = await readFile(join(folder, image.file));
      const cells: string[] = [];
      for (const [index, engine] of engines.entries()) {
        const times: number[] = [];
        let reading: MrzReading | undefined;
        for (let run = 0; run < RUNS; run += 1) {
          const result = await timed(() => engine.read(bytes));
          times.push(result.ms);
          reading = result.value;
        }
        if (!reading) continue;
        const result = outcome(reading, image.holder);
        const total = totals[index];
        if (total) {
          if (result === 'right') total.right += 1;
          if (result === 'WRONG!') total.wrongButValid += 1;
          total.times.push(median(times));
        }
        const repairs = reading.ok && reading.repairs > 0 ? ` (${reading.repairs} repaired)` : '';
        cells.push(`${result}${repairs} | ${Math.round(median(times))}`);
      }
      console.log(`| ${image.file} | ${image.description} | ${cells.join(' | ')} |`);
    }
    console.log('');
    for (const [index, engine] of engines.entries()) {
      const total = totals[index];
      if (!total) continue;
      const sum = total.times.reduce((a, b) => a + b, 0);
      console.log(
        `${engine.name}: ${total.right}/${PASSPORT_IMAGES.length} fully right, ${total.wrongButValid} wrong with valid check digits, ` +
          `median ${Math.round(median(total.times))} ms, total ${Math.round(sum)} ms`,
      );
    }
    const [paddle, tesseract] = totals;
    if (paddle && tesseract) {
      const ratio = median(tesseract.times) / Math.max(1, median(paddle.times));
      console.log(`tesseract.js / Paddle median time in this run: ${ratio.toFixed(2)}`);
    }
  } finally {
    await reader.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
