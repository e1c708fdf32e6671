import type { Deps } from '../../shared/services/deps.js';
import { issueKeys } from '../../shared/services/keys.js';
import { OfferInput } from '../../shared/services/letting-stages.js';
import { kmsKeyIssuer } from '../adapters/key-issuer.js';
import { stepHandler } from '../lib/step-handler.js';
import { lambdaDepsWith } from '../wiring.js';

/** Keys: signs the digital key credential for a signed tenancy. */
export const createHandler = (deps: () => Deps) => stepHandler(OfferInput, issueKeys, deps);
export const handler = createHandler(lambdaDepsWith(kmsKeyIssuer));
