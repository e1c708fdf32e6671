import { PDFDocument } from 'pdf-lib';
import { DATA_COPY_ENTRY, DATA_COPY_RETENTION_DAYS, dataCopyKey } from '../domain/retention.js';
import { type YourData, yourDataSections } from '../domain/your-data.js';
import { fontsFor } from '../fonts/index.js';
import type { Language } from '../i18n/index.js';
import { fill, pageOf } from '../i18n/letters.js';
import { wordingFor } from '../i18n/your-data.js';
import type { Deps } from './deps.js';
import { Layout, QUIET } from './tenancy-agreement.js';
import { sha256OfBytes } from './tenancy-documents.js';
import { dataCopyReady, gatherYourData } from './your-data.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The applicant's copy of their data as a PDF (UK GDPR Art. 15(3)), written by the letters step: its function
 * carries pdf-lib, which the web and API bundles cannot. The same sections as the page, in the same order, in
 * the language the applicant chose (issue 9), in fonts that print every name and address as it was typed.
 */
export async function yourDataPdf(data: YourData, language: Language = 'en'): Promise<Uint8Array> {
  const wording = wordingFor(language);
  const title = wording.t('What we hold about you');
  const sections = yourDataSections(data, wording);
  const reference = { controller: data.controller.name, reference: data.application.applicationId };
  const footer = fill(wording.t('{controller} · your data · {reference}'), reference);
  const rows = sections.flatMap((section) =>
    section.groups.flatMap((group) => group.rows.map((row) => `${row.label}: ${row.value}`)),
  );
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await fontsFor(doc, [
    data.controller.name,
    title,
    footer,
    pageOf(language, 1, 1),
    ...sections.flatMap((section) => [section.title, section.why, section.empty ?? '']),
    ...sections.flatMap((section) => section.groups.map((group) => group.heading ?? '')),
    ...rows,
  ]);
  doc.setTitle(title);
  doc.setSubject(fill(wording.t('Your data: application {reference}'), reference));
  doc.setAuthor(data.controller.name);
  doc.setCreator('Doorstep');
  doc.setProducer('Doorstep (pdf-lib)');
  doc.setLanguage(language === 'cy' ? 'cy' : 'en-GB');

  const layout = new Layout(doc, fonts);
  layout.text(data.controller.name, { size: 16, font: 'bold' });
  layout.gap(6);
  layout.text(title, { size: 18, font: 'bold' });
  for (const section of sections) {
    layout.heading(section.title);
    layout.text(section.why, { size: 10, colour: QUIET });
    if (section.groups.length === 0 && section.empty) layout.text(section.empty);
    for (const group of section.groups) {
      layout.gap(4);
      if (group.heading) layout.text(group.heading, { font: 'bold' });
      for (const row of group.rows) layout.text(`${row.label}: ${row.value}`, { indent: 12 });
    }
  }
  layout.footers(footer, (page, pages) => pageOf(language, page, pages));
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
  const pdf = await yourDataPdf(data, application.language ?? 'en');
  const key = dataCopyKey(application.applicationId);
  const deleteAfter = new Date(Date.parse(data.madeAt) + DATA_COPY_RETENTION_DAYS * DAY_MS).toISOString();
  await deps.documents.put(key, pdf, 'application/pdf');
  await deps.applications.save({
    ...application,
    dataCopy: {
      ...application.dataCopy,
      made: { key, sha256: sha256OfBytes(pdf), madeAt: data.madeAt, deleteAfter },
    },
    updatedAt: data.madeAt,
  });
  // A copy is for downloading, not for keeping: the retention sweep deletes it (a new copy moves the date on).
  await deps.applications.scheduleDeletions([
    { applicationId: application.applicationId, documentId: DATA_COPY_ENTRY, deleteAfter },
  ]);
  await deps.audit.append({
    applicationId: application.applicationId,
    at: data.madeAt,
    type: 'data-copy-written',
    actor: 'system',
  });
  return { written: true };
}
