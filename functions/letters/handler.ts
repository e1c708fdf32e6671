import * as z from 'zod';
import { ApplicationId } from '../../shared/domain/application.js';
import type { Deps } from '../../shared/services/deps.js';
import { writeLetters } from '../../shared/services/letter-pdf.js';
import { writeDataCopy } from '../../shared/services/your-data-pdf.js';
import { s3Documents } from '../adapters/documents.js';
import { stepHandler } from '../lib/step-handler.js';
import { lambdaDepsWith } from '../wiring.js';

/**
 * The Letters workflow's one step: writes the PDF of every decision letter the application has not got yet,
 * for decisions made outside a workflow (a change of circumstances reassessed, an officer's override), and the
 * applicant's copy of their data when they have asked for one (UK GDPR Art. 15(3)). Both are PDFs, and this
 * is the function that carries pdf-lib.
 */
export const LettersInput = z.object({ applicationId: ApplicationId });

async function writePdfs(deps: Deps, input: z.infer<typeof LettersInput>) {
  const { written } = await writeLetters(deps, input);
  const copy = await writeDataCopy(deps, input);
  return { written, dataCopy: copy.written };
}

export const createHandler = (deps: () => Deps) => stepHandler(LettersInput, writePdfs, deps);
export const handler = createHandler(lambdaDepsWith(s3Documents));
