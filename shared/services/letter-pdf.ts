import { PDFDocument, StandardFonts } from 'pdf-lib';
import type * as z from 'zod';
import type { Decision } from '../domain/application.js';
import { composeLetter, type Letter, letterNumbers } from '../domain/letters.js';
import { policyFor } from '../policies.js';
import { NotFoundError } from '../ports.js';
import type { Deps } from './deps.js';
import { letterKey } from './letters.js';
import { Layout, longDate, QUIET } from './tenancy-agreement.js';
import { sha256OfBytes } from './tenancy-documents.js';
import { type CloseCaseInput, closeCase } from './waits.js';

/**
 * Decision letters as PDFs, made by the workflow's steps (the register step and the close-case step), never by
 * the API or web functions: pdf-lib would not fit their bundles. The HTML letter and the PDF are drawn from the
 * same `Letter` (domain/letters.ts).
 */

/** A decision letter as a readable A4 PDF. Deterministic: the same letter gives the same bytes. */
export async function letterPdf(letter: Letter): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    mono: await doc.embedFont(StandardFonts.Courier),
  };
  doc.setTitle(letter.title);
  doc.setSubject(`Decision letter ${letter.reference}`);
  doc.setAuthor(letter.landlordName);
  doc.setCreator('Doorstep');
  doc.setProducer('Doorstep (pdf-lib)');
  doc.setLanguage('en-GB');

  const layout = new Layout(doc, fonts);
  layout.text(letter.landlordName, { size: 16, font: 'bold' });
  layout.text(`On behalf of ${letter.councilName}: housing register`, { size: 10, colour: QUIET });
  layout.gap(14);
  layout.text(letter.to.name);
  for (const line of letter.to.address) layout.text(line);
  layout.gap(10);
  layout.text(longDate(letter.date));
  layout.text(`Reference ${letter.reference}`, { size: 9, colour: QUIET });
  layout.gap(10);
  layout.text(letter.title, { size: 18, font: 'bold' });
  layout.gap(4);
  layout.text(letter.summary);

  layout.heading('Why we decided this');
  letter.grounds.forEach((ground, index) => {
    layout.numbered(index + 1, ground.text);
    layout.text(ground.clause, { size: 9, indent: 24, colour: QUIET });
    layout.gap(3);
  });

  layout.heading('What happens next');
  layout.text(letter.next);

  layout.heading('If you think this decision is wrong');
  layout.text(letter.review.text);
  layout.text(
    `Ask by ${longDate(letter.review.byDate)}, ${letter.review.withinDays} days from the date of this letter. You have the right to ask for a review under ${letter.review.clause}.`,
  );
  layout.gap(10);
  layout.text(letter.decidedBy, { size: 10, colour: QUIET });
  layout.footers(`${letter.landlordName} · decision letter ${letter.reference}`);
  return doc.save();
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
    const pdf = await letterPdf(letter);
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
