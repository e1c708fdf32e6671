import { registration, StageInput } from '../../shared/services/application-stages.js';
import type { Deps } from '../../shared/services/deps.js';
import { stepHandler } from '../lib/step-handler.js';
import { lambdaDeps } from '../wiring.js';

/**
 * Registered: band and effective date; says whether a home fits now. The registration letter (PDF) is the next
 * step's, the letters function's, so this bundle carries no PDF library.
 */
export const createHandler = (deps: () => Deps) => stepHandler(StageInput, registration, deps);
export const handler = createHandler(lambdaDeps);
