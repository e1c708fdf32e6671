import type { Deps } from '../../shared/services/deps.js';
import { OfferInput } from '../../shared/services/letting-stages.js';
import { applySignatures } from '../../shared/services/tenancy-signing.js';
import { s3Documents } from '../adapters/documents.js';
import { kmsTenancySigner } from '../adapters/signing.js';
import { stepHandler } from '../lib/step-handler.js';
import { lambdaDepsWith } from '../wiring.js';

/** TenancySigning: applies the tenant's recorded signature to the agreement PDF and countersigns it. */
export const createHandler = (deps: () => Deps) => stepHandler(OfferInput, applySignatures, deps);
export const handler = createHandler(
  lambdaDepsWith((env) => ({ ...s3Documents(env), ...kmsTenancySigner(env) })),
);
