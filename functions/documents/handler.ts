import { documents, StageInput } from '../../shared/services/application-stages.js';
import type { Deps } from '../../shared/services/deps.js';
import { stepHandler } from '../lib/step-handler.js';
import { lambdaDeps } from '../wiring.js';

/** Documents: records each upload's declared kind, type and size (not read yet). */
export const createHandler = (deps: () => Deps) => stepHandler(StageInput, documents, deps);
export const handler = createHandler(lambdaDeps);
