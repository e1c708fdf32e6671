import { pdfSavedVersions, pdfTamperingSignals } from '../../../shared/domain/tampering';

describe('PDF tampering signals', () => {
  const made = new Date('2026-10-28T08:00:00Z');

  it('gives none for a PDF made once by a payroll program, its dates a few seconds apart', () => {
    expect(
      pdfTamperingSignals({
        createdAt: made,
        modifiedAt: new Date(made.getTime() + 5_000),
        producer: 'Payroll Bureau 4.2',
        savedVersions: 1,
      }),
    ).toEqual([]);
  });

  it('notes a change more than a minute after creation, with both days', () => {
    expect(
      pdfTamperingSignals({
        createdAt: made,
        modifiedAt: new Date('2026-10-30T12:15:00Z'),
        savedVersions: 1,
      }),
    ).toEqual([
      'This PDF was changed after it was made (made 2026-10-28 08:00, last changed 2026-10-30 12:15).',
    ]);
  });

  it.each([
    ['Adobe Acrobat Pro DC 21.1', 'Adobe Acrobat'],
    ['PDF-XChange Editor 9.5', 'PDF-XChange Editor'],
    ['iLovePDF', 'iLovePDF'],
  ])('notes an editor named as the producer or creator (%s)', (name, label) => {
    const signal = `This PDF was last saved by ${label}, a program for editing PDFs.`;
    expect(pdfTamperingSignals({ producer: name, savedVersions: 1 })).toEqual([signal]);
    expect(pdfTamperingSignals({ creator: name, savedVersions: 1 })).toEqual([signal]);
  });

  it('does not count a program that makes or prints PDFs as an editor', () => {
    expect(pdfTamperingSignals({ producer: 'Acrobat Distiller 23.0', savedVersions: 1 })).toEqual([]);
    expect(pdfTamperingSignals({ producer: 'Microsoft® Word for Microsoft 365', savedVersions: 1 })).toEqual(
      [],
    );
  });

  it('counts saved versions by their ends, not counting a linearized PDF’s first-page end', () => {
    expect(pdfSavedVersions('%PDF-1.7\n…\n%%EOF\n')).toBe(1);
    expect(pdfSavedVersions('%PDF-1.7\n…\n%%EOF\n…\n%%EOF\n')).toBe(2);
    expect(pdfSavedVersions('%PDF-1.7\n1 0 obj << /Linearized 1 >>\n…%%EOF\n…\n%%EOF\n')).toBe(1);
    expect(pdfSavedVersions('%PDF-1.7\n')).toBe(1);
    expect(pdfTamperingSignals({ savedVersions: 3 })).toEqual([
      'This PDF was saved again after it was first made: it holds 3 versions (an electronic signature also adds one).',
    ]);
  });
});
