import type { Deps } from '../../shared/services/deps.js';
import { completeLet, OfferInput } from '../../shared/services/letting-stages.js';
import { stepHandler } from '../lib/step-handler.js';
import { lambdaDeps } from '../wiring.js';

/** Let: the home is let and the journey is complete. */
export const createHandler = (deps: () => Deps) => stepHandler(OfferInput, completeLet, deps);
export const handler = createHandler(lambdaDeps);
