import { StageInput, verification } from '../../shared/services/application-stages.js';
import type { Deps } from '../../shared/services/deps.js';
import { stepHandler } from '../lib/step-handler.js';
import { lambdaDeps } from '../wiring.js';

/** Verification: compares what was typed with what was read, or refers to an officer. */
export const createHandler = (deps: () => Deps) => stepHandler(StageInput, verification, deps);
export const handler = createHandler(lambdaDeps);
