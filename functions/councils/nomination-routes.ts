import {
  CreateNominationBody,
  ListNominationsQuery,
  NominationPage,
  NominationView,
  WithdrawNominationBody,
} from '../../shared/domain/nominations.js';
import type { CouncilRouteSpec } from './routes.js';

/**
 * The nominations routes of the partner councils' API (issue 10; Housing Act 1996 s170): their contract, spread
 * into the route list (functions/councils/routes.ts) and so read by the handler, infra and the OpenAPI document.
 * Only schemas here, so infra reads the list without the services; the implementations are in nominations.ts.
 * Every one is scoped to the calling council: another council's nomination answers 404, like a missing one.
 */

const nominationId = 'The nomination’s id, as `POST /v1/nominations` answered it';

export const nominationRouteSpecs = {
  'POST /v1/nominations': {
    scope: 'nominations:write',
    summary: 'Nominate a household to a housing association',
    description:
      'The council nominates a household it owes a duty to a landlord it has a nomination agreement with. Doorstep invites the household by email and text to sign in with that address or number, where the answers given here are waiting for them to check, not to enter again. The landlord must decide by the agreement’s deadline (`decisionDueBy`). Unknown fields are refused.',
    body: CreateNominationBody,
    responses: { 201: { description: 'The nomination, invited', body: NominationView } },
  },
  'GET /v1/nominations': {
    scope: 'nominations:read',
    summary: 'List the council’s nominations',
    description:
      'The council’s own nominations, newest first, `limit` at a time (1 to 100, 25 by default). Pass the `next` of one page as `cursor` to get the next; the last page has no `next`.',
    query: ListNominationsQuery,
    responses: { 200: { description: 'A page of nominations', body: NominationPage } },
  },
  'GET /v1/nominations/{nominationId}': {
    scope: 'nominations:read',
    summary: 'Read a nomination',
    description:
      'Where the nomination is (`received`, `invited`, `applying`, `decided`, `housed` or `withdrawn`, from the household’s application), the decision deadline and whether it has passed, and the landlord’s decision with each reason citing the nomination agreement.',
    params: { nominationId },
    responses: { 200: { description: 'The nomination', body: NominationView } },
  },
  'POST /v1/nominations/{nominationId}/withdraw': {
    scope: 'nominations:write',
    summary: 'Withdraw a nomination',
    description:
      'The council withdraws its nomination. If the household has started its application, that is withdrawn too and the household is told. Withdrawing again answers the same; a household already housed cannot be withdrawn (409).',
    params: { nominationId },
    body: WithdrawNominationBody,
    responses: { 200: { description: 'The nomination, withdrawn', body: NominationView } },
  },
} as const satisfies Record<string, CouncilRouteSpec>;
