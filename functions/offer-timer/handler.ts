import type { Deps } from '../../shared/services/deps.js';
import { OfferTimerInput, offerTimer } from '../../shared/services/letting-stages.js';
import { stepHandler } from '../lib/step-handler.js';
import { lambdaDeps } from '../wiring.js';

/** An offer's deadlines as timers: how long to wait next, a reminder when one is due, or escalate or lapse. */
export const createHandler = (deps: () => Deps) => stepHandler(OfferTimerInput, offerTimer, deps);
export const handler = createHandler(lambdaDeps);
