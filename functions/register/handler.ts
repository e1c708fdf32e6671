import { StageInput } from '../../shared/services/application-stages.js';
import type { Deps } from '../../shared/services/deps.js';
import { registerAndWriteLetters } from '../../shared/services/letter-pdf.js';
import { s3Documents } from '../adapters/documents.js';
import { stepHandler } from '../lib/step-handler.js';
import { lambdaDepsWith } from '../wiring.js';

/** Registered: band and effective date, and the registration letter (PDF); says whether a home fits now. */
export const createHandler = (deps: () => Deps) => stepHandler(StageInput, registerAndWriteLetters, deps);
export const handler = createHandler(lambdaDepsWith(s3Documents));
