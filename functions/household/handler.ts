import { household, StageInput } from '../../shared/services/application-stages.js';
import type { Deps } from '../../shared/services/deps.js';
import { stepHandler } from '../lib/step-handler.js';
import { lambdaDeps } from '../wiring.js';

/** Household: records who will live in the home and the bedrooms they need. */
export const createHandler = (deps: () => Deps) => stepHandler(StageInput, household, deps);
export const handler = createHandler(lambdaDeps);
