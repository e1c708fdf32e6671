import type { Deps } from '../../shared/services/deps.js';
import { AwaitPersonInput, awaitPerson } from '../../shared/services/waits.js';
import { stepHandler } from '../lib/step-handler.js';
import { lambdaDeps } from '../wiring.js';

/**
 * Receives a human wait's task token and parks it against the application. It never resumes the workflow:
 * the API function does, so the state machine does not depend on itself (DESIGN.md §1).
 */
export const createHandler = (deps: () => Deps) => stepHandler(AwaitPersonInput, awaitPerson, deps);
export const handler = createHandler(lambdaDeps);
