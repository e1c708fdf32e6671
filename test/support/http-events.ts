import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** The claims API Gateway's JWT authoriser passes on for an officer (arrays arrive as "[a b]"). */
export type Claims = Record<string, string>;

/** Ellis, an officer of Riverside Homes, as the authoriser passes her on. */
export const riversideOfficer: Claims = {
  sub: 'officer-ellis',
  'custom:landlordId': 'riverside-homes',
  'cognito:groups': '[officer]',
};

/** Jones, an officer of another landlord (Cwm Valley Homes). */
export const cwmOfficer: Claims = {
  ...riversideOfficer,
  sub: 'officer-jones',
  'custom:landlordId': 'cwm-valley-homes',
};

/**
 * An API Gateway HTTP API (payload 2.0) event as the JWT authoriser passes it. @middy/http-router picks the
 * format from `version` and routes on `requestContext.http.method` and `requestContext.http.path`.
 */
export function anHttpEvent(input: {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  routeKey: string;
  pathParameters?: Record<string, string>;
  claims?: Claims;
  body?: string;
  cookies?: string[];
  headers?: Record<string, string>;
}): APIGatewayProxyEventV2 {
  const requestContext = {
    accountId: '123456789012',
    apiId: 'doorstep1',
    domainName: 'doorstep1.execute-api.eu-west-2.amazonaws.com',
    domainPrefix: 'doorstep1',
    http: {
      method: input.method,
      path: input.path,
      protocol: 'HTTP/1.1',
      sourceIp: '192.0.2.10',
      userAgent: 'jest',
    },
    requestId: 'Jx8kLh2aLPEEMVg=',
    routeKey: input.routeKey,
    stage: '$default',
    time: '02/Nov/2026:09:30:00 +0000',
    timeEpoch: 1_793_611_800_000,
    ...(input.claims ? { authorizer: { jwt: { claims: input.claims, scopes: null } } } : {}),
  };
  return {
    version: '2.0',
    routeKey: input.routeKey,
    rawPath: input.path,
    rawQueryString: '',
    headers: {
      'content-type': 'application/json',
      host: 'doorstep1.execute-api.eu-west-2.amazonaws.com',
      ...input.headers,
    },
    requestContext,
    isBase64Encoded: false,
    ...(input.cookies ? { cookies: input.cookies } : {}),
    ...(input.pathParameters ? { pathParameters: input.pathParameters } : {}),
    ...(input.body !== undefined ? { body: input.body } : {}),
  };
}
