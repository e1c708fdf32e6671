import type { DocumentRecord } from '../../../shared/domain/application';
import { SMEARED_CHECK_DIGITS } from '../../../shared/domain/identity-check';
import type { DocumentReading, MrzReading, TextReader } from '../../../shared/ports';
import { documentKey, receiveUpload } from '../../../shared/services/documents';
import { type MemoryDeps, memoryDeps } from '../../support/memory';
import {
  aDeclaredDocument,
  aPassportReading,
  applicationId,
  givenAnUpload,
  JPEG,
  uploadKey as key,
  PDF,
} from '../../support/uploads';

/** A reader that answers what the test says, and counts its calls (the real readers are tested on images). */
function readerAnswering(reading: MrzReading): TextReader & { calls: number } {
  const reader = {
    calls: 0,
    readPassportMrz: async () => {
      reader.calls += 1;
      return reading;
    },
    readDocument: async () => ({ ok: false as const, reason: 'Only passports are read in these tests.' }),
  };
  return reader;
}

async function given(
  declared: Partial<DocumentRecord>,
  bytes: Uint8Array | undefined,
  reading: MrzReading = aPassportReading(),
) {
  const deps: MemoryDeps = memoryDeps();
  const reader = readerAnswering(reading);
  deps.reader = reader;
  await givenAnUpload(deps, aDeclaredDocument(declared), bytes);
  return { deps, reader };
}

const stored = async (deps: MemoryDeps) => (await deps.applications.get(applicationId))?.documents[0];

describe('receiveUpload', () => {
  it('promotes a passport photo, reads it and records the fields with their confidence', async () => {
    const { deps } = await given({}, JPEG);

    const { outcome } = await receiveUpload(deps, { key });

    expect(outcome).toBe('read');
    expect(deps.documents.promoted.has(key)).toBe(true);
    expect(deps.documents.quarantine.has(key)).toBe(false);
    const document = await stored(deps);
    expect(document?.status).toBe('read');
    expect(document?.problem).toBeUndefined();
    expect(document?.readFields?.surname).toEqual({ value: 'PRITCHARD', confidence: 0.93 });
    expect(document?.readFields?.checkDigitsValid?.value).toBe('true');
  });

  it('asks for another photo, saying why, when what was read does not match the answers', async () => {
    const { deps } = await given({}, JPEG, aPassportReading({ dateOfBirth: '1988-07-20' }));

    await receiveUpload(deps, { key });

    const document = await stored(deps);
    expect(document?.status).toBe('read');
    expect(document?.problem).toMatch(/born on 1988-07-20, but you told us 1988-07-02/);
    expect(document?.problem).toMatch(/change it|another/);
  });

  it.each([
    ['a smeared photo, asked to hold the phone still', true, SMEARED_CHECK_DIGITS],
    [
      'any other photo, asked for a flat one in good light',
      undefined,
      'Some of the letters and numbers at the bottom of your passport did not read clearly: take another photo of the page with your photo on it, flat, in good light, with the two lines at the bottom sharp.',
    ],
  ])('asks for another photo when the check digits fail: %s', async (_case, smeared, advice) => {
    // Prepare
    const failing: MrzReading = {
      ...aPassportReading(),
      checkDigitsValid: false,
      ...(smeared ? { smeared } : {}),
    };
    const { deps } = await given({}, JPEG, failing);

    // Act
    await receiveUpload(deps, { key });

    // Assess: the names and dates match the answers, so the advice is the whole problem.
    expect((await stored(deps))?.problem).toBe(advice);
  });

  it('rejects and deletes bytes that are not the declared type, with the reason', async () => {
    const { deps, reader } = await given({}, PDF);

    const { outcome } = await receiveUpload(deps, { key });

    expect(outcome).toBe('rejected');
    expect(deps.documents.quarantine.has(key)).toBe(false);
    expect(deps.documents.promoted.has(key)).toBe(false);
    expect((await stored(deps))?.problem).toBe(
      'The file is not the JPEG photo it was said to be (it looks like PDF). Upload it again as a photo (JPEG or PNG) or a PDF.',
    );
    expect(reader.calls).toBe(0);
  });

  it('rejects bytes that look like nothing it knows', async () => {
    const { deps } = await given({}, new TextEncoder().encode('<script>alert(1)</script>'));

    expect((await receiveUpload(deps, { key })).outcome).toBe('rejected');
    expect((await stored(deps))?.problem).toMatch(/^The file is not the JPEG photo it was said to be\. /);
  });

  it('keeps a PDF passport without reading it (only photos are read)', async () => {
    const { deps, reader } = await given({ contentType: 'application/pdf' }, PDF);

    expect((await receiveUpload(deps, { key })).outcome).toBe('uploaded');
    expect(reader.calls).toBe(0);
  });

  it('says what to do when the passport could not be read', async () => {
    const { deps } = await given({}, JPEG, {
      ok: false,
      reason: 'No machine-readable zone was found',
      engine: 'test',
    });

    expect((await receiveUpload(deps, { key })).outcome).toBe('uploaded');
    expect((await stored(deps))?.problem).toBe(
      'We could not read your passport automatically. No machine-readable zone was found. If it still cannot be read, an officer will check it.',
    );
  });

  it('promotes the bytes it checked, not whatever a second POST to the slot put in quarantine since', async () => {
    const { deps } = await given({}, JPEG);
    const realRead = deps.documents.readQuarantined.bind(deps.documents);
    deps.documents.readQuarantined = async (key) => {
      const bytes = await realRead(key);
      deps.documents.quarantine.set(key, PDF); // someone re-posts to the same slot right after the read
      return bytes;
    };

    await receiveUpload(deps, { key });

    expect(deps.documents.promoted.get(key)?.bytes).toEqual(JPEG);
    expect(deps.documents.quarantine.has(key)).toBe(false);
  });

  it('keeps the upload in quarantine when reading fails, so a retried notification finds it', async () => {
    const { deps } = await given({}, JPEG);
    deps.reader = {
      readPassportMrz: () => Promise.reject(new Error('ThrottlingException')),
      readDocument: () => Promise.reject(new Error('ThrottlingException')),
    };

    await expect(receiveUpload(deps, { key })).rejects.toThrow('ThrottlingException');

    expect(deps.documents.quarantine.has(key)).toBe(true);
    expect((await stored(deps))?.status).toBe('declared');
    deps.reader = readerAnswering(aPassportReading());
    expect((await receiveUpload(deps, { key })).outcome).toBe('read');
  });

  it('discards a second upload to a slot that was already received', async () => {
    const { deps } = await given({}, JPEG);
    await receiveUpload(deps, { key });
    deps.documents.quarantine.set(key, PDF);

    expect((await receiveUpload(deps, { key })).outcome).toBe('already-received');
    expect(deps.documents.quarantine.has(key)).toBe(false);
    expect(deps.documents.promoted.get(key)?.bytes).toEqual(JPEG);
  });

  it('is idempotent: a second notification for the same upload changes nothing', async () => {
    const { deps, reader } = await given({}, JPEG);
    await receiveUpload(deps, { key });

    expect((await receiveUpload(deps, { key })).outcome).toBe('already-received');
    expect(reader.calls).toBe(1);
  });

  it('deletes an upload nobody declared', async () => {
    const { deps } = await given({}, undefined);
    const stray = documentKey(applicationId, 'doc_ffffffffffffffffffffffffffffffff');
    deps.documents.quarantine.set(stray, JPEG);

    expect((await receiveUpload(deps, { key: stray })).outcome).toBe('unknown');
    expect(deps.documents.quarantine.has(stray)).toBe(false);
  });

  it('waits when the notification comes before the bytes', async () => {
    const { deps } = await given({}, undefined);

    expect((await receiveUpload(deps, { key })).outcome).toBe('missing');
    expect((await stored(deps))?.status).toBe('declared');
  });
});

describe('receiveUpload of a document read as forms', () => {
  const fields = (values: Record<string, string>, confidence = 0.95) =>
    Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { value, confidence }]));
  async function givenForms(kind: DocumentRecord['kind'], reading: DocumentReading) {
    const { deps } = await given({ kind }, JPEG);
    const reader = {
      readPassportMrz: async () => {
        throw new Error('Only passports are read by their MRZ');
      },
      readDocument: jest.fn(async () => reading),
    };
    deps.reader = reader;
    return { deps, reader };
  }

  it('reads a payslip, records its fields, and raises nothing when it agrees with the answers', async () => {
    const { deps, reader } = await givenForms('payslip', {
      ok: true,
      pages: 1,
      fields: fields({
        employeeName: 'Gareth Pritchard',
        payDate: '2026-10-31',
        payPeriod: 'monthly',
        netPay: '205000',
      }),
    });

    const { outcome } = await receiveUpload(deps, { key });

    expect(outcome).toBe('read');
    expect(reader.readDocument).toHaveBeenCalledWith(
      expect.objectContaining({ kind: 'payslip', contentType: 'image/jpeg' }),
    );
    const document = await stored(deps);
    expect(document?.status).toBe('read');
    expect(document?.readFields?.netPay).toEqual({ value: '205000', confidence: 0.95 });
    expect(document?.problem).toBeUndefined();
  });

  it('says what to do when a bill is for another address', async () => {
    const { deps } = await givenForms('utility-bill', {
      ok: true,
      pages: 1,
      fields: fields({ accountHolder: 'G Pritchard', postcode: 'CF14 3AB', billDate: '2026-10-12' }),
    });

    await receiveUpload(deps, { key });

    const document = await stored(deps);
    expect(document?.status).toBe('read');
    expect(document?.problem).toContain('but you told us you live at RV1 4AB');
  });

  it('keeps an unreadable document for an officer, with the reader’s advice', async () => {
    const { deps } = await givenForms('bank-statement', {
      ok: false,
      reason: 'The photo is blurred: retake it in daylight',
    });

    const { outcome } = await receiveUpload(deps, { key });

    expect(outcome).toBe('uploaded');
    const document = await stored(deps);
    expect(document?.status).toBe('uploaded');
    expect(document?.problem).toBe(
      'We could not read your bank statement automatically. The photo is blurred: retake it in daylight. If it still cannot be read, an officer will check it.',
    );
  });

  it('checks a driving licence like a passport, in the licence’s words', async () => {
    const { deps } = await givenForms('driving-licence', {
      ok: true,
      pages: 1,
      fields: fields({
        surname: 'PRITCHARD',
        givenNames: 'GARETH',
        dateOfBirth: '1988-07-20',
        documentNumber: 'PRITC807208G99AB',
        expiryDate: '2031-05-01',
      }),
    });

    await receiveUpload(deps, { key });

    const document = await stored(deps);
    expect(document?.status).toBe('read');
    expect(document?.problem).toContain('Your driving licence says you were born on 1988-07-20');
  });
});
