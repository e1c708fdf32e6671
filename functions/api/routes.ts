/**
 * Every route of the journey API and who may call it: one list read by the handler (which implements each
 * route) and by the CDK construct (which puts each route on API Gateway with the right authoriser), so the two
 * never drift apart.
 *
 * - `officer`: behind the Cognito JWT authoriser in AWS; the handler reads the verified claims.
 * - `applicant`: no API Gateway authoriser; the handler checks Doorstep's session cookie.
 * - `anyone`: signing in and out, and the public keys that verify digital keys (doors fetch them).
 */
export const apiRoutes = {
  'POST /v1/sessions/code': 'anyone',
  'POST /v1/sessions': 'anyone',
  'DELETE /v1/sessions': 'anyone',
  'GET /v1/applications': 'applicant',
  'POST /v1/applications': 'applicant',
  'GET /v1/applications/{applicationId}': 'applicant',
  'GET /v1/applications/{applicationId}/key.svg': 'applicant',
  'GET /v1/applications/{applicationId}/tenancy.pdf': 'applicant',
  'GET /v1/applications/{applicationId}/letters/{letter}': 'applicant',
  'POST /v1/applications/{applicationId}/decisions/{decision}/review': 'applicant',
  'PUT /v1/applications/{applicationId}/profile/{section}': 'applicant',
  'POST /v1/applications/{applicationId}/withdraw': 'applicant',
  'PUT /v1/applications/{applicationId}/contact-safety': 'applicant',
  'GET /v1/applications/{applicationId}/consents': 'applicant',
  'PUT /v1/applications/{applicationId}/consents': 'applicant',
  'GET /v1/applications/{applicationId}/your-data': 'applicant',
  'POST /v1/applications/{applicationId}/your-data.pdf': 'applicant',
  'GET /v1/applications/{applicationId}/your-data.pdf': 'applicant',
  'POST /v1/applications/{applicationId}/documents': 'applicant',
  'GET /v1/applications/{applicationId}/adverts': 'applicant',
  'POST /v1/applications/{applicationId}/adverts/{propertyId}/interest': 'applicant',
  'POST /v1/decisions/{decisionId}': 'applicant',
  'POST /v1/officer/decisions/{decisionId}': 'officer',
  'GET /v1/officer/applications/{applicationId}': 'officer',
  'POST /v1/officer/applications/{applicationId}/override': 'officer',
  'GET /v1/officer/applications/{applicationId}/your-data': 'officer',
  'PUT /v1/officer/applications/{applicationId}/consents': 'officer',
  'POST /v1/officer/applications/{applicationId}/reviews/{decision}': 'officer',
  'GET /v1/officer/queue': 'officer',
  'GET /v1/officer/properties': 'officer',
  'POST /v1/officer/properties': 'officer',
  'PUT /v1/officer/properties/{propertyId}': 'officer',
  'GET /v1/officer/properties/{propertyId}/shortlist': 'officer',
  'POST /v1/officer/properties/{propertyId}/offers': 'officer',
  'POST /v1/officer/properties/{propertyId}/advert': 'officer',
  'GET /v1/officer/lettings-log.csv': 'officer',
  'GET /v1/officer/nominations': 'officer',
  'POST /v1/officer/nominations/{nominationId}/decision': 'officer',
  'GET /v1/keys/jwks.json': 'anyone',
} as const satisfies Record<string, 'anyone' | 'applicant' | 'officer'>;

export type RouteKey = keyof typeof apiRoutes;
export type RouteMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export function splitRouteKey(key: RouteKey): { method: RouteMethod; path: string } {
  const [method, path] = key.split(' ') as [RouteMethod, string];
  return { method, path };
}
