import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { AsUploadedInspector } from '../../../shared/adapters/aws/as-uploaded-inspector';
import { differenceHash, LocalUploadInspector } from '../../../shared/adapters/local/upload-inspector';
import type { Inspection } from '../../../shared/ports';
import { cleanSamples, jpegClaiming, pngClaiming } from '../../fixtures/hostile/generate';

/** A picture with some structure (a disc and a bar on white), as a document photo has. */
const DRAWING = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><rect width="400" height="200" fill="white"/><circle cx="100" cy="100" r="80" fill="black"/><rect x="250" y="40" width="100" height="60" fill="#888"/></svg>',
);
const OTHER_DRAWING = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><rect width="400" height="200" fill="white"/><rect x="20" y="120" width="360" height="40" fill="black"/><circle cx="300" cy="60" r="40" fill="#444"/></svg>',
);

const kept = (inspection: Inspection) => {
  if (!inspection.ok) throw new Error(`refused: ${inspection.reason}`);
  return inspection;
};
const size = async (bytes: Uint8Array) => {
  const { width, height, orientation, exif } = await sharp(bytes).metadata();
  return { width, height, orientation, exif };
};

async function aPdf(pages: number, edit?: (document: PDFDocument) => void): Promise<Buffer> {
  const document = await PDFDocument.create();
  for (let page = 0; page < pages; page += 1) document.addPage([300, 200]);
  document.setProducer('Payroll Bureau 4.2');
  document.setCreationDate(new Date('2026-10-28T08:00:00Z'));
  document.setModificationDate(new Date('2026-10-28T08:00:00Z'));
  edit?.(document);
  return Buffer.from(await document.save({ useObjectStreams: false, addDefaultPage: false }));
}

/** The PDF with a second trailer appended, as an incremental update (an edit saved on top) leaves one. */
function withIncrementalUpdate(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  return Buffer.concat([pdf, Buffer.from(`\n${text.slice(text.lastIndexOf('trailer'))}`, 'latin1')]);
}

describe('the local upload inspector (sharp and pdf-lib)', () => {
  const inspector = new LocalUploadInspector();

  it('turns a photo upright from its EXIF orientation and drops the orientation and other metadata', async () => {
    const sideways = await sharp(DRAWING).jpeg().withMetadata({ orientation: 6 }).toBuffer();

    const inspection = kept(await inspector.inspect({ bytes: sideways, contentType: 'image/jpeg' }));

    expect(await size(inspection.bytes)).toEqual({
      width: 200,
      height: 400,
      orientation: undefined,
      exif: undefined,
    });
  });

  it('scales a large photo down to 3000 pixels on its longer side, keeping its shape and format', async () => {
    const large = await sharp(DRAWING).resize(4000, 2000).png().toBuffer();

    const inspection = kept(await inspector.inspect({ bytes: large, contentType: 'image/png' }));

    expect(await size(inspection.bytes)).toMatchObject({ width: 3000, height: 1500 });
    expect((await sharp(inspection.bytes).metadata()).format).toBe('png');
  });

  it('does not enlarge a small photo', async () => {
    const { jpeg } = await cleanSamples();

    const inspection = kept(await inspector.inspect({ bytes: jpeg, contentType: 'image/jpeg' }));

    expect(await size(inspection.bytes)).toMatchObject({ width: 64, height: 48 });
  });

  it.each([
    ['a PNG claiming 30000 × 30000', () => pngClaiming(30_000, 30_000), 'image/png', /30000 by 30000 pixels/],
    ['a PNG claiming 0 × 0', () => pngClaiming(0, 0), 'image/png', /./],
    [
      'a JPEG claiming 30000 × 30000',
      async () => jpegClaiming((await cleanSamples()).jpeg, 30_000, 30_000),
      'image/jpeg',
      /./,
    ],
    [
      'bytes that are no picture',
      async () => Buffer.from('not a picture'),
      'image/jpeg',
      /could not be opened/,
    ],
  ] as const)('refuses %s with a reason, before decoding it', async (_name, make, contentType, reason) => {
    const inspection = await inspector.inspect({ bytes: await make(), contentType });

    expect(inspection).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });

  it('refuses a photo over a smaller pixel budget it is given', async () => {
    const small = new LocalUploadInspector({ maxPixels: 10_000 });
    const photo = await sharp(DRAWING).jpeg().toBuffer();

    const inspection = await small.inspect({ bytes: photo, contentType: 'image/jpeg' });

    expect(inspection).toEqual({
      ok: false,
      reason: expect.stringContaining('At 400 by 200 pixels this photo is larger than the 0.01 megapixels'),
    });
  });

  it('gives the same perceptual hash to the same photo re-encoded and rescaled, and another to another photo', async () => {
    const original = kept(
      await inspector.inspect({ bytes: await sharp(DRAWING).png().toBuffer(), contentType: 'image/png' }),
    );
    const recompressed = kept(
      await inspector.inspect({
        bytes: await sharp(DRAWING).resize(1200, 600).jpeg({ quality: 60 }).toBuffer(),
        contentType: 'image/jpeg',
      }),
    );
    const other = kept(
      await inspector.inspect({
        bytes: await sharp(OTHER_DRAWING).png().toBuffer(),
        contentType: 'image/png',
      }),
    );

    expect(original.imageHash).toMatch(/^[0-9a-f]{16}$/);
    expect(recompressed.imageHash).toBe(original.imageHash);
    expect(other.imageHash).not.toBe(original.imageHash);
  });

  it('gives no hash to a plain picture, which would match every other plain picture', async () => {
    const blank = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();

    expect(await differenceHash(blank)).toBeUndefined();
    expect(
      kept(await inspector.inspect({ bytes: blank, contentType: 'image/png' })).imageHash,
    ).toBeUndefined();
  });

  it('keeps a PDF as it is, with its page count and no signals when nothing suggests an edit', async () => {
    const pdf = await aPdf(3);

    const inspection = kept(await inspector.inspect({ bytes: pdf, contentType: 'application/pdf' }));

    expect(inspection).toEqual({ ok: true, bytes: pdf, pages: 3, signals: [] });
  });

  it('refuses a PDF of more than 10 pages, and one with no pages', async () => {
    expect(await inspector.inspect({ bytes: await aPdf(10), contentType: 'application/pdf' })).toMatchObject({
      ok: true,
      pages: 10,
    });
    expect(await inspector.inspect({ bytes: await aPdf(11), contentType: 'application/pdf' })).toEqual({
      ok: false,
      reason: expect.stringContaining('This PDF has 11 pages; Doorstep takes at most 10 per document.'),
    });
    expect(await inspector.inspect({ bytes: await aPdf(0), contentType: 'application/pdf' })).toEqual({
      ok: false,
      reason: expect.stringContaining('This PDF has no pages.'),
    });
  });

  it('refuses an encrypted PDF and one that cannot be opened', async () => {
    const encrypted = Buffer.from(
      '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R /Size 3 /Encrypt << /Filter /Standard /V 2 /R 3 >> >>\n%%EOF\n',
      'latin1',
    );

    expect(await inspector.inspect({ bytes: encrypted, contentType: 'application/pdf' })).toEqual({
      ok: false,
      reason: expect.stringContaining('password-protected or encrypted'),
    });
    expect(
      await inspector.inspect({ bytes: Buffer.from('%PDF-1.7\n%%EOF\n'), contentType: 'application/pdf' }),
    ).toEqual({ ok: false, reason: expect.stringContaining('could not be opened') });
  });

  it('notes, without refusing, a PDF changed after it was made, saved by an editor, with an update on top', async () => {
    const edited = withIncrementalUpdate(
      await aPdf(1, (document) => {
        document.setProducer('Adobe Acrobat Pro DC 21.1.20135');
        document.setModificationDate(new Date('2026-11-01T19:42:00Z'));
      }),
    );

    const inspection = kept(await inspector.inspect({ bytes: edited, contentType: 'application/pdf' }));

    expect(inspection.signals).toEqual([
      'This PDF was changed after it was made (made 2026-10-28 08:00, last changed 2026-11-01 19:42).',
      'This PDF was last saved by Adobe Acrobat, a program for editing PDFs.',
      'This PDF was saved again after it was first made: it holds 2 versions (an electronic signature also adds one).',
    ]);
  });
});

describe('the AWS upload inspector (bytes kept as uploaded)', () => {
  const inspector = new AsUploadedInspector();

  it('keeps a photo exactly as it arrived, with no hash', async () => {
    const sideways = await sharp(DRAWING).jpeg().withMetadata({ orientation: 6 }).toBuffer();

    expect(await inspector.inspect({ bytes: sideways, contentType: 'image/jpeg' })).toEqual({
      ok: true,
      bytes: sideways,
      signals: [],
    });
  });

  it('refuses an encrypted PDF and one with more page objects in plain view than the cap', async () => {
    const encrypted = Buffer.from('%PDF-1.7\ntrailer\n<< /Encrypt 5 0 R >>\n%%EOF\n', 'latin1');

    expect(await inspector.inspect({ bytes: encrypted, contentType: 'application/pdf' })).toMatchObject({
      ok: false,
    });
    expect(await inspector.inspect({ bytes: await aPdf(11), contentType: 'application/pdf' })).toEqual({
      ok: false,
      reason: expect.stringContaining('at least 11 pages'),
    });
  });

  it('records the pages it counts in plain view, so a PDF of several is read later (Textract jobs)', async () => {
    const three = await aPdf(3);

    expect(await inspector.inspect({ bytes: three, contentType: 'application/pdf' })).toMatchObject({
      ok: true,
      pages: 3,
    });
  });

  it('notes an editor named in plain text and an update on top, as the local inspector does', async () => {
    const edited = withIncrementalUpdate(
      await aPdf(1, (document) => document.setProducer('Sejda PDF Desktop 7.6')),
    );

    const inspection = kept(await inspector.inspect({ bytes: edited, contentType: 'application/pdf' }));

    expect(inspection.signals).toEqual([
      'This PDF was last saved by Sejda, a program for editing PDFs.',
      'This PDF was saved again after it was first made: it holds 2 versions (an electronic signature also adds one).',
    ]);
  });
});
