import type { Deps } from '../../shared/services/deps.js';
import { CloseOfferInput, closeOffer } from '../../shared/services/letting-stages.js';
import { stepHandler } from '../lib/step-handler.js';
import { lambdaDeps } from '../wiring.js';

/** Closes a rejected, refused or abandoned offer and frees the home. */
export const createHandler = (deps: () => Deps) => stepHandler(CloseOfferInput, closeOffer, deps);
export const handler = createHandler(lambdaDeps);
