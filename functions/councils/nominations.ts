import {
  createNomination,
  listNominations,
  readNomination,
  withdrawNomination,
} from '../../shared/services/nominations.js';
import { json } from '../lib/http.js';
import type { CouncilRoute } from './handler.js';
import type { nominationRouteSpecs } from './nomination-routes.js';

/**
 * The nominations routes' implementations (issue 10; Housing Act 1996 s170), run by the councils handler once the
 * caller's token, scope and body are checked. Each is scoped to the calling council by the service: another
 * council's nomination answers 404, exactly like one that does not exist.
 */
export const nominationRouteImplementations: Record<keyof typeof nominationRouteSpecs, CouncilRoute> = {
  'POST /v1/nominations': async (deps, client, request) =>
    json(201, await createNomination(deps, client, request.body)),
  'GET /v1/nominations': async (deps, client, request) =>
    json(200, await listNominations(deps, client, request.query)),
  'GET /v1/nominations/{nominationId}': async (deps, client, request) =>
    json(200, await readNomination(deps, client, request.params.nominationId ?? '')),
  'POST /v1/nominations/{nominationId}/withdraw': async (deps, client, request) =>
    json(200, await withdrawNomination(deps, client, request.params.nominationId ?? '', request.body ?? {})),
};
