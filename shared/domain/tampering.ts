/**
 * Signs that an uploaded document may have been edited (issue 7, Verification). They are notes for the officer
 * who checks the document, in plain English, and never a reason to refuse it on their own: banks re-save
 * statements, people sign letters electronically, and a genuine payslip may pass through an editor.
 */

/** What a PDF says about how it was made, as far as the reader could tell. */
export interface PdfHistory {
  createdAt?: Date | undefined;
  modifiedAt?: Date | undefined;
  /** The PDF's Producer and Creator entries (the program that wrote it, the one it was made in). */
  producer?: string | undefined;
  creator?: string | undefined;
  /** How many times it was saved: one, plus one per incremental update (each ends with its own `%%EOF`). */
  savedVersions: number;
}

/**
 * A save stamped this long after creation is an edit; less is one program writing the two dates a moment
 * apart while making the file.
 */
export const EDIT_AFTER_CREATION_MS = 60_000;

/** Programs made for changing existing PDFs (as opposed to making or printing them). */
const PDF_EDITORS: ReadonlyArray<[RegExp, string]> = [
  [/\bAcrobat (Pro|Standard)\b|\bAdobe Acrobat \d/i, 'Adobe Acrobat'],
  [/PDF-XChange Editor/i, 'PDF-XChange Editor'],
  [/Foxit (PhantomPDF|PDF Editor)/i, 'Foxit PDF Editor'],
  [/\bNitro (Pro|PDF)\b/i, 'Nitro PDF'],
  [/PDFelement|Wondershare/i, 'PDFelement'],
  [/\bSejda\b/i, 'Sejda'],
  [/\biLovePDF\b/i, 'iLovePDF'],
  [/\bSmallpdf\b/i, 'Smallpdf'],
  [/\bPDFescape\b/i, 'PDFescape'],
  [/Master PDF Editor/i, 'Master PDF Editor'],
  [/\bpdfFiller\b/i, 'pdfFiller'],
  [/\bSoda PDF\b/i, 'Soda PDF'],
  [/\bPDF Candy\b/i, 'PDF Candy'],
  [/\bInkscape\b/i, 'Inkscape'],
];

/** The plain-English signals a PDF's history gives, none when nothing suggests an edit. */
export function pdfTamperingSignals(history: PdfHistory): string[] {
  const signals: string[] = [];
  const { createdAt, modifiedAt } = history;
  if (createdAt && modifiedAt && modifiedAt.getTime() - createdAt.getTime() > EDIT_AFTER_CREATION_MS) {
    signals.push(
      `This PDF was changed after it was made (made ${day(createdAt)}, last changed ${day(modifiedAt)}).`,
    );
  }
  const editor = [history.producer, history.creator]
    .flatMap((name) => (name ? PDF_EDITORS.filter(([pattern]) => pattern.test(name)) : []))
    .map(([, label]) => label)[0];
  if (editor) signals.push(`This PDF was last saved by ${editor}, a program for editing PDFs.`);
  if (history.savedVersions > 1) {
    signals.push(
      `This PDF was saved again after it was first made: it holds ${history.savedVersions} versions (an electronic signature also adds one).`,
    );
  }
  return signals;
}

/** The signal for a photo whose perceptual hash another application claimed first. */
export const IMAGE_REUSED_SIGNAL = 'This image was also uploaded on another application.';

function day(date: Date): string {
  return date.toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * How many times a PDF was saved, from its bytes (read as latin1): each save ends with `%%EOF`, except that a
 * linearized PDF (made for fast web viewing) carries an extra one for its first page.
 */
export function pdfSavedVersions(text: string): number {
  const ends = text.match(/%%EOF/g)?.length ?? 0;
  const linearized = /\/Linearized\b/.test(text.slice(0, 2048));
  return Math.max(1, ends - (linearized && ends > 1 ? 1 : 0));
}
