import type { Deps } from '../../shared/services/deps.js';
import { OfferInput, prepareTenancy } from '../../shared/services/letting-stages.js';
import { stepHandler } from '../lib/step-handler.js';
import { lambdaDeps } from '../wiring.js';

/** TenancySigning: prepares the agreement's terms for the tenant to sign. */
export const createHandler = (deps: () => Deps) => stepHandler(OfferInput, prepareTenancy, deps);
export const handler = createHandler(lambdaDeps);
