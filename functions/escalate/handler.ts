import type { Deps } from '../../shared/services/deps.js';
import { EscalateInput, escalate } from '../../shared/services/waits.js';
import { stepHandler } from '../lib/step-handler.js';
import { lambdaDeps } from '../wiring.js';

/** A wait's backstop fired: records it and tells a senior officer. */
export const createHandler = (deps: () => Deps) => stepHandler(EscalateInput, escalate, deps);
export const handler = createHandler(lambdaDeps);
