import type { Deps } from '../../shared/services/deps.js';
import { LettingInput, makeOffer } from '../../shared/services/letting-stages.js';
import { stepHandler } from '../lib/step-handler.js';
import { lambdaDeps } from '../wiring.js';

/** Offer: matches a home with enough bedrooms and records the offer (one live offer per home). */
export const createHandler = (deps: () => Deps) => stepHandler(LettingInput, makeOffer, deps);
export const handler = createHandler(lambdaDeps);
