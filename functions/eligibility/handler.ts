import { eligibility, StageInput } from '../../shared/services/application-stages.js';
import type { Deps } from '../../shared/services/deps.js';
import { stepHandler } from '../lib/step-handler.js';
import { lambdaDeps } from '../wiring.js';

/** Eligibility (Housing Act 1996 s160ZA / s160A): decides on the immigration-status answer, or refers. */
export const createHandler = (deps: () => Deps) => stepHandler(StageInput, eligibility, deps);
export const handler = createHandler(lambdaDeps);
