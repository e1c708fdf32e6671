import type { Deps } from '../../shared/services/deps.js';
import { CloseCaseInput, closeCase } from '../../shared/services/waits.js';
import { stepHandler } from '../lib/step-handler.js';
import { lambdaDeps } from '../wiring.js';

/** An officer closed the case: the application ends with the officer's reason and the review route. */
export const createHandler = (deps: () => Deps) => stepHandler(CloseCaseInput, closeCase, deps);
export const handler = createHandler(lambdaDeps);
