import { PDFDocument, StandardFonts } from 'pdf-lib';
import { type YourData, yourDataSections } from '../domain/your-data.js';
import type { Deps } from './deps.js';
import { Layout, QUIET } from './tenancy-agreement.js';
import { sha256OfBytes } from './tenancy-documents.js';
import { dataCopyKey, dataCopyReady, gatherYourData } from './your-data.js';

/**
 * The applicant's copy of their data as a PDF (UK GDPR Art. 15(3)), written by the letters step: its function
 * carries pdf-lib, which the web and API bundles cannot. The same sections as the page, in the same order.
 */
export async function yourDataPdf(data: YourData): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    mono: await doc.embedFont(StandardFonts.Courier),
  };
  doc.setTitle('What we hold about you');
  doc.setSubject(`Your data: application ${data.application.applicationId}`);
  doc.setAuthor(data.controller.name);
  doc.setCreator('Doorstep');
  doc.setProducer('Doorstep (pdf-lib)');
  doc.setLanguage('en-GB');

  const layout = new Layout(doc, fonts);
  layout.text(data.controller.name, { size: 16, font: 'bold' });
  layout.gap(6);
  layout.text('What we hold about you', { size: 18, font: 'bold' });
  for (const section of yourDataSections(data)) {
    layout.heading(section.title);
    layout.text(section.why, { size: 10, colour: QUIET });
    if (section.groups.length === 0 && section.empty) layout.text(section.empty);
    for (const group of section.groups) {
      layout.gap(4);
      if (group.heading) layout.text(group.heading, { font: 'bold' });
      for (const row of group.rows) layout.text(`${row.label}: ${row.value}`, { indent: 12 });
    }
  }
  layout.footers(`${data.controller.name} · your data · ${data.application.applicationId}`);
  return doc.save();
}

/**
 * Writes the PDF copy the applicant asked for, when the one stored is older than their request, and records it.
 * A letters step with nothing asked for does nothing; a retried step writes the copy again, from the data then.
 */
export async function writeDataCopy(
  deps: Pick<Deps, 'applications' | 'lettings' | 'waits' | 'audit' | 'clock' | 'documents'>,
  input: { applicationId: string },
): Promise<{ written: boolean }> {
  const application = await deps.applications.get(input.applicationId);
  if (!application?.dataCopy || dataCopyReady(application)) return { written: false };
  const data = await gatherYourData(deps, application);
  const pdf = await yourDataPdf(data);
  const key = dataCopyKey(application.applicationId);
  await deps.documents.put(key, pdf, 'application/pdf');
  await deps.applications.save({
    ...application,
    dataCopy: { ...application.dataCopy, made: { key, sha256: sha256OfBytes(pdf), madeAt: data.madeAt } },
    updatedAt: data.madeAt,
  });
  await deps.audit.append({
    applicationId: application.applicationId,
    at: data.madeAt,
    type: 'data-copy-written',
    actor: 'system',
  });
  return { written: true };
}
