import { PDFDocument } from 'pdf-lib';
import type * as z from 'zod';
import type { Decision } from '../domain/application.js';
import { composeLetter, type Letter, letterNumbers } from '../domain/letters.js';
import { fontsFor } from '../fonts/index.js';
import type { Language } from '../i18n/index.js';
import { type LetterText, letterText, pageOf } from '../i18n/letters.js';
import { policyFor } from '../policies.js';
import { NotFoundError } from '../ports.js';
import type { Deps } from './deps.js';
import { letterKey } from './letters.js';
import { Layout, QUIET } from './tenancy-agreement.js';
import { sha256OfBytes } from './tenancy-documents.js';
import { type CloseCaseInput, closeCase } from './waits.js';

/**
 * Decision letters as PDFs, made by the workflow's steps (the register step and the close-case step), never by
 * the API or web functions: pdf-lib would not fit their bundles. The HTML letter and the PDF are drawn from the
 * same `Letter` (domain/letters.ts).
 */

/**
 * A decision letter as a readable A4 PDF, in the applicant's language (shared/i18n/letters.ts). Deterministic:
 * the same letter in the same language gives the same bytes.
 */
export async function letterPdf(letter: Letter, language: Language = 'en'): Promise<Uint8Array> {
  const text = letterText(letter, language);
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await fontsFor(doc, lettersTexts(text));
  doc.setTitle(text.title);
  doc.setSubject(text.reference);
  doc.setAuthor(text.landlordName);
  doc.setCreator('Doorstep');
  doc.setProducer('Doorstep (pdf-lib)');
  doc.setLanguage(text.lang);

  const layout = new Layout(doc, fonts);
  layout.text(text.landlordName, { size: 16, font: 'bold' });
  layout.text(text.onBehalf, { size: 10, colour: QUIET });
  layout.gap(14);
  layout.text(text.to.name);
  for (const line of text.to.address) layout.text(line);
  layout.gap(10);
  layout.text(text.date);
  layout.text(text.reference, { size: 9, colour: QUIET });
  layout.gap(10);
  layout.text(text.title, { size: 18, font: 'bold' });
  layout.gap(4);
  layout.text(text.summary);

  layout.heading(text.headings.grounds);
  text.grounds.forEach((ground, index) => {
    layout.numbered(index + 1, ground.text);
    layout.text(ground.clause, { size: 9, indent: 24, colour: QUIET });
    layout.gap(3);
  });

  layout.heading(text.headings.next);
  layout.text(text.next);

  layout.heading(text.headings.review);
  for (const paragraph of text.review) layout.text(paragraph);
  layout.gap(10);
  layout.text(text.decidedBy, { size: 10, colour: QUIET });
  layout.footers(text.footer, (page, pages) => pageOf(language, page, pages));
  return doc.save();
}

/** Every text the PDF draws, to choose fonts that can draw them all. */
function lettersTexts(text: LetterText): string[] {
  return [
    text.landlordName,
    text.onBehalf,
    text.to.name,
    ...text.to.address,
    text.date,
    text.reference,
    text.title,
    text.summary,
    ...Object.values(text.headings),
    ...text.grounds.flatMap((ground) => [ground.text, ground.clause]),
    text.next,
    ...text.review,
    text.decidedBy,
    text.footer,
    pageOf(text.language, 1, 1),
  ];
}

/**
 * Writes the PDF of every decision letter the application has not got yet, and records each on its decision.
 * Idempotent: a retried step finds the letters recorded, or writes the same bytes again.
 */
export async function writeLetters(
  deps: Pick<Deps, 'applications' | 'documents' | 'audit' | 'clock'>,
  input: { applicationId: string },
): Promise<{ written: number }> {
  const application = await deps.applications.get(input.applicationId);
  if (!application) throw new NotFoundError(`Application ${input.applicationId} not found`);
  const missing = letterNumbers(application).filter((number) => !application.decisions[number]?.letter);
  if (missing.length === 0) return { written: 0 };
  const policy = policyFor(application.policyId);
  const now = deps.clock.now().toISOString();
  const made = new Map<number, NonNullable<Decision['letter']>>();
  for (const number of missing) {
    const letter = composeLetter(application, number, policy);
    if (!letter) continue;
    const pdf = await letterPdf(letter, application.language ?? 'en');
    const key = letterKey(application.applicationId, number);
    await deps.documents.put(key, pdf, 'application/pdf');
    made.set(number, { key, sha256: sha256OfBytes(pdf), madeAt: now });
  }
  await deps.applications.save({
    ...application,
    decisions: application.decisions.map((decision, number) => {
      const letter = made.get(number);
      return letter ? { ...decision, letter } : decision;
    }),
    updatedAt: now,
  });
  for (const number of made.keys()) {
    await deps.audit.append({
      applicationId: application.applicationId,
      at: now,
      type: 'letter-written',
      actor: 'system',
      facts: { decision: number },
    });
  }
  return { written: made.size };
}

/** The close-case step: close with the officer's reason, then write the letter that says so and why. */
export async function closeCaseAndWriteLetters(
  deps: Deps,
  input: z.infer<typeof CloseCaseInput>,
): Promise<{ outcome: 'closed' }> {
  const result = await closeCase(deps, input);
  await writeLetters(deps, input);
  return result;
}
