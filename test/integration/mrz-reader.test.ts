/**
 * @jest-environment ./test/support/onnx-environment.js
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findMrzBand } from '../../shared/adapters/local/mrz-band';
import { LocalMrzReader } from '../../shared/adapters/local/mrz-reader';
import { TesseractRecogniser } from '../../shared/adapters/local/tesseract-recogniser';
import { MRZ_SMEARED } from '../../shared/domain/mrz';
import type { MrzReading } from '../../shared/ports';
import { heldOutImages, renderHeldOut } from '../fixtures/passports/held-out';
import {
  expectedFields,
  FIXTURE_TODAY,
  HOLDERS,
  PASSPORT_IMAGES,
  type PassportImage,
} from '../fixtures/passports/specimens';

/**
 * The local MRZ reader on the rendered passport pages of test/fixtures/passports: real models (PaddleOCR's
 * PP-OCRv4 on onnxruntime-node, tesseract.js), offline. Correctness is asserted where the pipeline reads
 * reliably (scans, askew scans, dim phone photos, a sideways photo); for every image, a reading whose check
 * digits hold must carry the right numbers and dates. How each variant fares, and how fast, is measured by
 * `npm run bench:ocr`, not asserted here.
 */
jest.setTimeout(60_000);

/**
 * What the reader asked for, in order: `unsmeared N` for each smear estimate a band is unsmeared with (0 the
 * likeliest), recorded around the real band finder, and `tesseract` for each strip tesseract.js reads (where a
 * test spies on it).
 */
const mockEvents: string[] = [];
jest.mock('../../shared/adapters/local/mrz-band', () => {
  const actual = jest.requireActual<typeof import('../../shared/adapters/local/mrz-band')>(
    '../../shared/adapters/local/mrz-band',
  );
  return {
    ...actual,
    findMrzBand: async (...args: Parameters<typeof actual.findMrzBand>) => {
      const band = await actual.findMrzBand(...args);
      return (
        band && {
          ...band,
          unsmeared: (rank = 0) => {
            mockEvents.push(`unsmeared ${rank}`);
            return band.unsmeared(rank);
          },
        }
      );
    },
  };
});

const folder = join(__dirname, '../fixtures/passports');
const image = (file: string) => readFile(join(folder, file));

/** Variants read fully right on every measured run, by both engines. */
const RELIABLE: ReadonlySet<PassportImage['variant']> = new Set(['clean', 'rotated', 'phone', 'sideways']);

let reader: LocalMrzReader;
let tesseractOnly: LocalMrzReader;

beforeAll(() => {
  reader = new LocalMrzReader({ now: () => FIXTURE_TODAY });
  tesseractOnly = new LocalMrzReader({ now: () => FIXTURE_TODAY, engines: ['tesseract'] });
});

afterAll(async () => {
  // DESIGN.md §5: an open ONNX session or tesseract worker keeps Jest from exiting.
  await Promise.all([reader.close(), tesseractOnly.close()]);
});

function okReading(reading: MrzReading) {
  if (!reading.ok) throw new Error(`Expected a reading, got: ${reading.reason}`);
  return reading;
}

describe('LocalMrzReader', () => {
  it("reads the clean scan of the demo applicant's passport fully right", async () => {
    // Act
    const reading = okReading(await reader.readPassportMrz(await image('gareth-clean.png')));

    // Assess
    expect(reading.fields).toEqual(expectedFields(HOLDERS.gareth));
    expect(reading.lines).toEqual([
      'P<GBRPRITCHARD<<GARETH<<<<<<<<<<<<<<<<<<<<<<',
      '1255834972GBR8807021M3303148<<<<<<<<<<<<<<<0',
    ]);
    expect(reading).toMatchObject({ checkDigitsValid: true, repairs: 0, engine: 'paddleocr-ppocrv4' });
    expect(reading.confidence).toBeGreaterThan(0.9);
  });

  it.each(PASSPORT_IMAGES.filter((each) => RELIABLE.has(each.variant)).map((each) => [each.file, each]))(
    'reads %s fully right',
    async (_file, fixture) => {
      // Act
      const reading = okReading(await reader.readPassportMrz(await image(fixture.file)));

      // Assess
      expect(reading.fields).toEqual(expectedFields(HOLDERS[fixture.holder]));
      expect(reading.checkDigitsValid).toBe(true);
    },
  );

  it.each(PASSPORT_IMAGES.map((each) => [each.file, each]))(
    'never gives %s check-digit-valid numbers or dates that are wrong',
    async (_file, fixture) => {
      // Act
      const reading = await reader.readPassportMrz(await image(fixture.file));

      // Assess: a reading either fails plainly, or its check digits fail, or what they protect is right.
      if (!reading.ok) expect(reading.reason.length).toBeGreaterThan(20);
      else if (reading.checkDigitsValid) {
        const expected = expectedFields(HOLDERS[fixture.holder]);
        expect(reading.fields).toMatchObject({
          documentNumber: expected.documentNumber,
          dateOfBirth: expected.dateOfBirth,
          expiryDate: expected.expiryDate,
        });
      }
    },
  );

  it('reads an expired passport as it is: judging the expiry date is the identity check’s job', async () => {
    // Act
    const reading = okReading(await reader.readPassportMrz(await image('margaret-expired.png')));

    // Assess
    expect(reading.fields.expiryDate).toBe('2019-06-30');
    expect(reading.fields.dateOfBirth).toBe('1951-09-17');
  });

  it('reads the shaken photo once unsmeared and voted; without a sex it cannot make out, less sure', async () => {
    // Act
    const reading = okReading(await reader.readPassportMrz(await image('gareth-shaken.jpg')));

    // Assess: every other field right; the sex left out today (read as 4, 8 or 2), right if it is ever read.
    const { sex, ...expected } = expectedFields(HOLDERS.gareth);
    expect(reading.fields).toMatchObject(expected);
    expect([undefined, sex]).toContain(reading.fields.sex);
    expect(reading.checkDigitsValid).toBe(true);
    if (reading.fields.sex === undefined) expect(reading.confidence).toBeLessThan(0.8);
    expect(reading.smeared).toBe(true);
  });

  it('finds the shaken photo’s band smeared, which reads it unsmeared first, and no scan or phone photo’s', async () => {
    // Prepare: every page whose band lies upright (the sideways one is found turned; one has no MRZ).
    const upright = PASSPORT_IMAGES.filter(({ variant }) => variant !== 'sideways' && variant !== 'no-mrz');

    // Act
    const flags = await Promise.all(
      upright.map(async ({ file }) => [file, (await findMrzBand(await image(file)))?.smeared] as const),
    );

    // Assess: the flag that puts the unsmeared strips before the slower passes on the strips as cut.
    expect(Object.fromEntries(flags)).toEqual(
      Object.fromEntries(upright.map(({ file, variant }) => [file, variant === 'shaken'])),
    );
  });

  it('reads a smeared band unsmeared before tesseract.js reads it, stopping at the likeliest estimate; never unsmears a scan', async () => {
    // Prepare
    const recognise = TesseractRecogniser.prototype.recognise;
    const tesseract = jest.spyOn(TesseractRecogniser.prototype, 'recognise').mockImplementation(function (
      this: TesseractRecogniser,
      strip,
    ) {
      mockEvents.push('tesseract');
      return recognise.call(this, strip);
    });
    mockEvents.length = 0;

    // Act
    const shaken = okReading(await reader.readPassportMrz(await image('gareth-shaken.jpg')));
    const shakenEvents = mockEvents.splice(0);
    const clean = okReading(await reader.readPassportMrz(await image('gareth-clean.png')));
    const cleanEvents = mockEvents.splice(0);
    tesseract.mockRestore();

    // Assess: Paddle's plain pass did not read it, so the likeliest estimate's strips come before any
    // tesseract.js pass; they hold (without the sex), so the second estimate is not tried.
    expect(shaken.checkDigitsValid).toBe(true);
    expect(shakenEvents[0]).toBe('unsmeared 0');
    expect(shakenEvents).toContain('tesseract');
    expect(shakenEvents).not.toContain('unsmeared 1');
    expect(cleanEvents.filter((event) => event.startsWith('unsmeared'))).toEqual([]);
    expect(clean.smeared).toBeUndefined();
  });

  it('says plainly what to do when the photo leaves the MRZ out', async () => {
    // Act
    const reading = await reader.readPassportMrz(await image('gareth-no-mrz.jpg'));

    // Assess
    expect(reading).toEqual({
      ok: false,
      reason: expect.stringMatching(
        /^No machine-readable zone was found\. Take a photo of the whole photo page/,
      ),
      engine: 'paddleocr-ppocrv4',
    });
  });

  it('tells the applicant to hold the phone still when a smear of a character’s width hides the band', async () => {
    // Prepare: a held-out photo smeared 15 px (the bench's default seed), whose band no search finds; the lower
    // half of its page measured 2.03 against the 1.3 that counts as smeared (pageLooksSmeared).
    const smeared = heldOutImages(20261129).find(({ name }) => name === 'tomasz-motion-7');
    if (!smeared) throw new Error('The held-out set has no tomasz-motion-7');

    // Act
    const reading = await reader.readPassportMrz(await renderHeldOut(smeared));

    // Assess
    expect(reading).toEqual({ ok: false, reason: MRZ_SMEARED, engine: 'paddleocr-ppocrv4' });
  });

  it('says plainly when the file is not an image, arrived incomplete, or is a PDF', async () => {
    // Prepare
    const photo = await image('gareth-phone.jpg');

    // Act
    const text = await reader.readPassportMrz(new TextEncoder().encode('not a passport, just some text'));
    const truncated = await reader.readPassportMrz(photo.subarray(0, photo.length / 2));
    const pdf = await reader.readPassportMrz(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n'));

    // Assess
    const notAnImage = 'The file is not a JPEG or PNG image that can be opened, or it arrived incomplete.';
    expect(text).toMatchObject({ ok: false, reason: notAnImage });
    expect(truncated).toMatchObject({ ok: false, reason: notAnImage });
    expect(pdf).toMatchObject({ ok: false, reason: expect.stringContaining('A PDF cannot be read here') });
  });

  it('reuses its loaded model for readings at the same time', async () => {
    // Prepare
    const [gareth, zofia] = await Promise.all([image('gareth-rotated.jpg'), image('zofia-clean.png')]);

    // Act
    const [first, second] = await Promise.all([
      reader.readPassportMrz(gareth),
      reader.readPassportMrz(zofia),
    ]);

    // Assess
    expect(okReading(first).fields).toEqual(expectedFields(HOLDERS.gareth));
    expect(okReading(second).fields).toEqual(expectedFields(HOLDERS.zofia));
  });

  it('reads the clean scan with tesseract.js alone, offline, once fillers are told apart by shape', async () => {
    // Act
    const reading = okReading(await tesseractOnly.readPassportMrz(await image('gareth-clean.png')));

    // Assess
    expect(reading.fields).toEqual(expectedFields(HOLDERS.gareth));
    expect(reading).toMatchObject({ checkDigitsValid: true, engine: 'tesseract.js' });
  });
});
