import { qualification, StageInput } from '../../shared/services/application-stages.js';
import type { Deps } from '../../shared/services/deps.js';
import { stepHandler } from '../lib/step-handler.js';
import { lambdaDeps } from '../wiring.js';

/** Qualification (s160ZA(7) England; s160A(7) Wales): the council's local criteria, with reasons. */
export const createHandler = (deps: () => Deps) => stepHandler(StageInput, qualification, deps);
export const handler = createHandler(lambdaDeps);
