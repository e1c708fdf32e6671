import type { Deps } from '../../shared/services/deps.js';
import { OfferInput } from '../../shared/services/letting-stages.js';
import { prepareTenancy } from '../../shared/services/tenancy-stage.js';
import { s3Documents } from '../adapters/documents.js';
import { stepHandler } from '../lib/step-handler.js';
import { lambdaDepsWith } from '../wiring.js';

/** TenancySigning: prepares the agreement's terms for the tenant to sign. */
export const createHandler = (deps: () => Deps) => stepHandler(OfferInput, prepareTenancy, deps);
export const handler = createHandler(lambdaDepsWith(s3Documents));
