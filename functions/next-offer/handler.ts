import type { Deps } from '../../shared/services/deps.js';
import { NextOfferInput, nextOffer } from '../../shared/services/letting-stages.js';
import { stepHandler } from '../lib/step-handler.js';
import { lambdaDeps } from '../wiring.js';

/** After an offer ends without a letting: the next household on the home's shortlist, if any. */
export const createHandler = (deps: () => Deps) => stepHandler(NextOfferInput, nextOffer, deps);
export const handler = createHandler(lambdaDeps);
