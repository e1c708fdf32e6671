import type { Deps } from '../../shared/services/deps.js';
import { closeCaseAndWriteLetters } from '../../shared/services/letter-pdf.js';
import { CloseCaseInput } from '../../shared/services/waits.js';
import { s3Documents } from '../adapters/documents.js';
import { stepHandler } from '../lib/step-handler.js';
import { lambdaDepsWith } from '../wiring.js';

/** An officer closed the case: the application ends with the officer's reason, and the letter (PDF) says why. */
export const createHandler = (deps: () => Deps) =>
  stepHandler(CloseCaseInput, closeCaseAndWriteLetters, deps);
export const handler = createHandler(lambdaDepsWith(s3Documents));
