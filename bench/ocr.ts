import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DEFAULT_ENGINES,
  LocalDocumentReader,
  type PageEngine,
} from '../shared/adapters/local/document-reader';
import { findMrzBand } from '../shared/adapters/local/mrz-band';
import { type LocalEngine, LocalMrzReader } from '../shared/adapters/local/mrz-reader';
import { FORMS_KINDS } from '../shared/domain/documents';
import { MRZ_NOT_FOUND, MRZ_SMEARED } from '../shared/domain/mrz';
import { type AnsweredName, matchName } from '../shared/domain/names';
import type { DocumentReading, MrzReading, PassportFields } from '../shared/ports';
import { type Capture, DOCUMENT_IMAGES, SPECIMENS } from '../test/fixtures/documents/specimens';
import { HELD_OUT_SEED, heldOutImages, renderHeldOut } from '../test/fixtures/passports/held-out';
import {
  expectedFields,
  FIXTURE_TODAY,
  HOLDERS,
  PASSPORT_IMAGES,
  type SpecimenHolder,
} from '../test/fixtures/passports/specimens';

/**
 * `npm run bench:ocr`: reads every passport fixture (test/fixtures/passports) with PaddleOCR's PP-OCRv4 on
 * onnxruntime-node and with tesseract.js, each alone, then with the reader as wired (Paddle, tesseract.js as
 * fallback), and prints per image the outcome and the median time of BENCH_RUNS reads (default 3) after a
 * warm-up, then the totals and the time ratio measured in this run. Figures, not assertions.
 *
 * Outcomes: "right" (every field right, check digits hold), "right, checks fail" (the fields right but a
 * check digit misread), "WRONG" (a field wrong; "!" when every check digit still holds), "no reading" (the
 * reader said why). Then the held-out photos (see {@link heldOut}), then the forms documents (payslips,
 * statements, letters, bills, licences), each page engine side by side: see {@link documents}.
 * `BENCH_ONLY=passports` stops after the passports; `BENCH_ENGINES=wired` reads the held-out set as wired only.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ONLY_PASSPORTS = process.env.BENCH_ONLY === 'passports';
const folder = join(__dirname, '../test/fixtures/passports');

type Outcome =
  | 'right'
  | 'right, checks fail'
  | `right, ${string} not read`
  | 'WRONG'
  | 'WRONG!'
  | 'no reading';

/** A reading against the holder's fields: a field the reader left out (a sex it could not make out) is not read, not wrong. */
function outcome(reading: MrzReading, holder: keyof typeof HOLDERS): Outcome {
  if (!reading.ok) return 'no reading';
  const expected = Object.entries(expectedFields(HOLDERS[holder]));
  const read = (name: string) => reading.fields[name as keyof PassportFields];
  const wrong = expected.filter(([name, value]) => read(name) !== undefined && read(name) !== value);
  const missing = expected.filter(([name]) => read(name) === undefined).map(([name]) => name);
  if (wrong.length > 0) return reading.checkDigitsValid ? 'WRONG!' : 'WRONG';
  const checks = reading.checkDigitsValid ? 'right' : 'right, checks fail';
  return missing.length > 0 ? `${checks}, ${missing.join(', ')} not read` : checks;
}

/** MRZ fields read right, of those expected, and wrong fields in a reading whose every check digit holds. */
interface FieldTally {
  right: number;
  of: number;
  wrongButValid: number;
  /** Which fields were wrong with every check digit holding (held-out set): names have no check digit. */
  wrongButValidFields?: string[];
}

function countFields(tally: FieldTally, reading: MrzReading, holder: SpecimenHolder): void {
  for (const [name, value] of Object.entries(expectedFields(holder))) {
    tally.of += 1;
    const read = reading.ok ? reading.fields[name as keyof PassportFields] : undefined;
    if (read === value) tally.right += 1;
    else if (read !== undefined && reading.ok && reading.checkDigitsValid) {
      tally.wrongButValid += 1;
      // Marked when the reading is as sure as the policy's threshold: nothing would send it to anyone.
      tally.wrongButValidFields?.push(reading.confidence >= PERSON_BELOW ? `${name} (sure)` : name);
    }
  }
}

const fieldPercent = ({ right, of }: FieldTally) =>
  `${right}/${of} (${((100 * right) / Math.max(1, of)).toFixed(1)}%)`;

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
    const totals = engines.map(() => ({
      right: 0,
      wrongButValid: 0,
      unsure: 0,
      times: [] as number[],
      // MRZ fields read right, of those expected: clean scans, and every other capture (the issue's targets).
      fields: {
        clean: { right: 0, of: 0, wrongButValid: 0 } as FieldTally,
        degraded: { right: 0, of: 0, wrongButValid: 0 } as FieldTally,
      },
    }));
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
          if (image.variant !== 'no-mrz' && needsPerson(reading)) total.unsure += 1;
          total.times.push(median(times));
          // A page with no MRZ in the picture has no MRZ fields to read: it is left out of field accuracy.
          if (image.variant !== 'no-mrz')
            countFields(
              total.fields[image.variant === 'clean' ? 'clean' : 'degraded'],
              reading,
              HOLDERS[image.holder],
            );
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
          `median ${Math.round(median(total.times))} ms, total ${Math.round(sum)} ms; MRZ fields right: clean ` +
          `${fieldPercent(total.fields.clean)} (target 99%), degraded ${fieldPercent(total.fields.degraded)} (target 95%); ` +
          `wrong fields passing every check digit: ${total.fields.clean.wrongButValid + total.fields.degraded.wrongButValid}; ` +
          `pages with an MRZ that need a person: ${total.unsure}/${PASSPORT_IMAGES.filter((image) => image.variant !== 'no-mrz').length}`,
      );
    }
    const [paddle, tesseract] = totals;
    if (paddle && tesseract) {
      const ratio = median(tesseract.times) / Math.max(1, median(paddle.times));
      console.log(`tesseract.js / Paddle median time in this run: ${ratio.toFixed(2)}`);
    }
    await heldOut(engines, totals);
  } finally {
    await reader.close();
  }
  if (!ONLY_PASSPORTS) await documents();
}

/**
 * The held-out photos (test/fixtures/passports/held-out.ts, rendered in memory from HELD_OUT_SEED): each read
 * once by each engine, then the degraded field accuracy side by side with the committed fixtures', the wrong
 * fields whose reading passes every check digit (a misread nobody is warned of), the photos whose MRZ band was
 * not found, and the time per page.
 */
async function heldOut(
  engines: Array<{ name: string; read: (bytes: Buffer) => Promise<MrzReading> }>,
  fixtures: Array<{ fields: { degraded: FieldTally }; times: number[] }>,
): Promise<void> {
  const chosen =
    process.env.BENCH_ENGINES === 'wired' ? engines.filter((e) => e.name === 'as wired') : engines;
  const images = heldOutImages();
  console.log(`\nheld-out photos (seed ${HELD_OUT_SEED}, ${images.length} photos, one read each)\n`);
  console.log(`| photo | what | ${chosen.map((engine) => `${engine.name} | ms`).join(' | ')} |`);
  console.log(`|---|---|${chosen.map(() => '---|---:').join('|')}|`);
  const totals = chosen.map(() => ({
    fields: { right: 0, of: 0, wrongButValid: 0 } as FieldTally,
    wrongFields: [] as string[],
    notFound: 0,
    unsure: 0,
    times: [] as number[],
    misreadNames: { asked: 0, officer: 0, through: 0 },
  }));
  for (const image of images) {
    const bytes = await renderHeldOut(image);
    const cells: string[] = [];
    for (const [index, engine] of chosen.entries()) {
      const { value: reading, ms } = await timed(() => engine.read(bytes));
      const total = totals[index];
      if (!total) continue;
      total.times.push(ms);
      const tally: FieldTally = { right: 0, of: 0, wrongButValid: 0, wrongButValidFields: [] };
      countFields(tally, reading, image.holder);
      total.wrongFields.push(...(tally.wrongButValidFields ?? []));
      total.fields.right += tally.right;
      total.fields.of += tally.of;
      total.fields.wrongButValid += tally.wrongButValid;
      const bandless = !reading.ok && (await bandNotFound(reading.reason, bytes));
      if (bandless) total.notFound += 1;
      if (needsPerson(reading)) total.unsure += 1;
      const routed = misreadNameRouting(reading, image.holder);
      if (routed) total.misreadNames[routed] += 1;
      const smeared = !reading.ok && reading.reason === MRZ_SMEARED ? ', told it is smeared' : '';
      const what = !reading.ok
        ? `${bandless ? 'no band' : 'no reading'}${smeared}`
        : `${tally.right}/${tally.of}${tally.wrongButValid ? ` (${tally.wrongButValidFields?.join(', ')} wrong, checks hold!)` : ''}`;
      cells.push(`${what} | ${Math.round(ms)}`);
    }
    console.log(`| ${image.name} | ${image.description} | ${cells.join(' | ')} |`);
  }
  console.log(
    '\n| engine | fixtures, degraded | held-out | wrong fields passing every check digit (fixtures · held-out) | band not found (held-out) | need a person (held-out) | ms per page, median · max (held-out) |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const [index, engine] of chosen.entries()) {
    const total = totals[index];
    const fixture = fixtures[engines.indexOf(engine)];
    if (!total || !fixture) continue;
    console.log(
      `| ${engine.name} | ${fieldPercent(fixture.fields.degraded)} | ${fieldPercent(total.fields)} | ` +
        `${fixture.fields.degraded.wrongButValid} · ${total.fields.wrongButValid} | ${total.notFound}/${images.length} | ` +
        `${total.unsure}/${images.length} | ` +
        `${Math.round(median(total.times))} · ${Math.round(Math.max(...total.times))} |`,
    );
    const { asked, officer, through } = total.misreadNames;
    console.log(
      `${engine.name}, held-out readings with a misread name and every check digit holding, routed against the ` +
        `applicant's answers (the names as printed, or the first given name alone, whichever lets more through): ` +
        `${asked} ask the applicant to check or retake, ${officer} go to an officer, ${through} would be confirmed by the answers`,
    );
    const byField = new Map<string, number>();
    for (const field of total.wrongFields) byField.set(field, (byField.get(field) ?? 0) + 1);
    console.log(
      `${engine.name}, held-out fields wrong with every check digit holding: ${
        [...byField].map(([field, count]) => `${field} ${count}`).join(', ') || 'none'
      }`,
    );
  }
}

/**
 * How an applicant might have answered the name questions: as printed, and with the first given name alone
 * (middle names are often left out; the tolerant match allows it).
 */
function answersOf(holder: SpecimenHolder): AnsweredName[] {
  const first = holder.givenNames.split(' ')[0] ?? '';
  const printed = { firstName: holder.givenNames, lastName: holder.surname };
  return first === holder.givenNames ? [printed] : [printed, { firstName: first, lastName: holder.surname }];
}

const ROUTES = ['asked', 'officer', 'through'] as const;

/**
 * Where a reading whose check digits all hold but whose name is misread goes, as the Verification stage routes
 * it (shared/domain/identity-check.ts): a name that does not match the answers asks the applicant to check
 * them or retake the photo; one that matches only tolerantly, read below the threshold, goes to an officer; an
 * exact match, or a tolerant one read surely, is confirmed by the answers. The confidence is rounded to two
 * places, as the documents service stores it. Judged against each way the applicant may have answered
 * ({@link answersOf}), the one that lets the misread furthest through counts. Undefined when the names are
 * right or the check digits fail (the applicant is then asked for another photo).
 */
function misreadNameRouting(
  reading: MrzReading,
  holder: SpecimenHolder,
): (typeof ROUTES)[number] | undefined {
  if (!reading.ok || !reading.checkDigitsValid) return undefined;
  const expected = expectedFields(holder);
  const { surname, givenNames } = reading.fields;
  if (surname === expected.surname && givenNames === expected.givenNames) return undefined;
  const confidence = Math.round(reading.confidence * 100) / 100;
  const routes = answersOf(holder).map((answered) => {
    const match = matchName({ surname, givenNames }, answered);
    if (match.level === 'mismatch') return 0;
    return match.level === 'tolerant' && confidence < PERSON_BELOW ? 1 : 2;
  });
  return ROUTES[Math.max(...routes)];
}

/**
 * Whether a reading failed for want of a band: the reader says so, or says the photo is smeared (which it says
 * of a band that did not read too), and no band is found upright or turned a quarter.
 */
async function bandNotFound(reason: string, bytes: Buffer): Promise<boolean> {
  if (reason === MRZ_NOT_FOUND) return true;
  if (reason !== MRZ_SMEARED) return false;
  return !(await findMrzBand(bytes, 0)) && !(await findMrzBand(bytes, 90));
}

/**
 * Whether a passport page needs a person, as the forms documents' "needs a person" counts it: no reading, a
 * check digit failing (the applicant is asked for another photo, an officer if it still does not read), or a
 * reading below {@link PERSON_BELOW} (an officer compares a name that matches only tolerantly).
 */
function needsPerson(reading: MrzReading): boolean {
  return !reading.ok || !reading.checkDigitsValid || reading.confidence < PERSON_BELOW;
}

/** Below this confidence a field is shown to an officer (as in test/integration/document-reader.test.ts). */
const PERSON_BELOW = 0.8;

/**
 * The forms documents of test/fixtures/documents, read whole by each page engine alone (PaddleOCR's PP-OCRv4
 * detector and recogniser, tesseract.js), by the reader as wired (DEFAULT_ENGINES, in order) and with
 * tesseract.js falling back to Paddle, per kind and
 * capture: fields read exactly right out of those expected, wrong fields the reader was sure of (at or above
 * {@link PERSON_BELOW}: a misread nobody would be asked to check), the median time per page (median of
 * BENCH_RUNS reads of each file, divided by its pages), and the share of documents that would need a person
 * (refused, or an expected field missing or below {@link PERSON_BELOW}).
 */
async function documents(): Promise<void> {
  const folder = join(__dirname, '../test/fixtures/documents');
  const reader = new LocalDocumentReader();
  // A fallback order, measured beside the one wired (they are the same when it is wired).
  const fallbackOrder: PageEngine[] = ['tesseract', 'paddle'];
  const fallback = new LocalDocumentReader({ engines: fallbackOrder });
  type Input = Parameters<LocalDocumentReader['readDocument']>[0];
  const engines: Array<{ name: string; read: (input: Input) => Promise<DocumentReading> }> = [
    { name: 'Paddle', read: (input) => reader.readWith('paddle' satisfies PageEngine, input) },
    { name: 'tesseract', read: (input) => reader.readWith('tesseract' satisfies PageEngine, input) },
    { name: `as wired (${DEFAULT_ENGINES.join(', then ')})`, read: (input) => reader.readDocument(input) },
    { name: fallbackOrder.join(', then '), read: (input) => fallback.readDocument(input) },
  ];
  type Tally = {
    fields: number;
    right: number;
    sureButWrong: number;
    documents: number;
    person: number;
    msPerPage: number[];
  };
  const tallies = new Map<string, Tally>();
  const tally = (kind: string, capture: Capture, engine: string): Tally => {
    const key = `${kind} | ${capture} | ${engine}`;
    const found = tallies.get(key) ?? {
      fields: 0,
      right: 0,
      sureButWrong: 0,
      documents: 0,
      person: 0,
      msPerPage: [],
    };
    tallies.set(key, found);
    return found;
  };
  try {
    // The first read of each engine loads it (tesseract's worker, Paddle's two ONNX sessions): not counted.
    const [first] = DOCUMENT_IMAGES;
    if (first)
      for (const engine of engines)
        await engine.read({
          kind: SPECIMENS[first.specimen].kind,
          bytes: await readFile(join(folder, first.file)),
          contentType: first.contentType,
        });
    for (const image of DOCUMENT_IMAGES) {
      const specimen = SPECIMENS[image.specimen];
      const bytes = await readFile(join(folder, image.file));
      for (const engine of engines) {
        const times: number[] = [];
        let reading: DocumentReading | undefined;
        for (let run = 0; run < RUNS; run += 1) {
          const result = await timed(() =>
            engine.read({ kind: specimen.kind, bytes, contentType: image.contentType }),
          );
          times.push(result.ms);
          reading = result.value;
        }
        if (!reading) continue;
        const row = tally(
          image.contentType === 'application/pdf' ? `${specimen.kind} (PDF)` : specimen.kind,
          image.capture,
          engine.name,
        );
        row.documents += 1;
        row.msPerPage.push(median(times) / (reading.ok ? reading.pages : 1));
        const expected = Object.entries(specimen.expected);
        row.fields += expected.length;
        if (!reading.ok) {
          row.person += 1;
          continue;
        }
        let needsPerson = false;
        for (const [field, value] of expected) {
          const read = reading.fields[field];
          if (!read || read.confidence < PERSON_BELOW) needsPerson = true;
          if (read?.value === value) row.right += 1;
          else if (read && read.confidence >= PERSON_BELOW) row.sureButWrong += 1;
        }
        if (needsPerson) row.person += 1;
      }
    }
  } finally {
    await Promise.all([reader.close(), fallback.close()]);
  }
  console.log(`\nforms documents, median of ${RUNS} reads each, ${new Date().toISOString()}\n`);
  console.log(
    '| document | capture | engine | files | fields right | wrong but sure | ms per page (median) | needs a person |',
  );
  console.log('|---|---|---|---:|---:|---:|---:|---:|');
  const order = [...FORMS_KINDS, 'bank-statement (PDF)'];
  const names = engines.map((engine) => engine.name);
  const part = (key: string, index: number) => key.split(' | ')[index] ?? '';
  const rows = [...tallies.entries()].sort(
    ([a], [b]) =>
      order.indexOf(part(a, 0)) - order.indexOf(part(b, 0)) ||
      part(a, 1).localeCompare(part(b, 1)) ||
      names.indexOf(part(a, 2)) - names.indexOf(part(b, 2)),
  );
  const percent = (part: number, whole: number) => `${Math.round((100 * part) / Math.max(1, whole))}%`;
  for (const [key, row] of rows)
    console.log(
      `| ${key} | ${row.documents} | ${row.right}/${row.fields} (${percent(row.right, row.fields)}) | ${row.sureButWrong} | ${Math.round(median(row.msPerPage))} | ${row.person}/${row.documents} |`,
    );
  console.log('');
  for (const name of names)
    for (const capture of ['clean', 'degraded'] as const) {
      const all = rows
        .filter(([key]) => part(key, 1) === capture && part(key, 2) === name)
        .map(([, row]) => row);
      const sum = (pick: (row: Tally) => number) => all.reduce((total, row) => total + pick(row), 0);
      console.log(
        `${name}, ${capture}: ${percent(
          sum((row) => row.right),
          sum((row) => row.fields),
        )} of fields right, ${sum((row) => row.sureButWrong)} wrong but sure, ` +
          `median ${Math.round(median(all.flatMap((row) => row.msPerPage)))} ms per page, ${sum((row) => row.person)}/${sum((row) => row.documents)} need a person`,
      );
    }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
