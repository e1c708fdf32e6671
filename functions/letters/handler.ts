import * as z from 'zod';
import { ApplicationId } from '../../shared/domain/application.js';
import type { Deps } from '../../shared/services/deps.js';
import { writeLetters } from '../../shared/services/letter-pdf.js';
import { s3Documents } from '../adapters/documents.js';
import { stepHandler } from '../lib/step-handler.js';
import { lambdaDepsWith } from '../wiring.js';

/**
 * The Letters workflow's one step: writes the PDF of every decision letter the application has not got yet,
 * for decisions made outside a workflow (a change of circumstances reassessed, an officer's override).
 */
export const LettersInput = z.object({ applicationId: ApplicationId });
export const createHandler = (deps: () => Deps) => stepHandler(LettersInput, writeLetters, deps);
export const handler = createHandler(lambdaDepsWith(s3Documents));
