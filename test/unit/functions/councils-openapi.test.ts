import { compileErrors, validate } from '@readme/openapi-parser';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createHandler } from '../../../functions/councils/handler';
import { openApiDocument } from '../../../functions/councils/openapi';
import {
  type CouncilRouteSpec,
  councilRoutes,
  splitCouncilRouteKey,
} from '../../../functions/councils/routes';
import { anHttpEvent } from '../../support/http-events';
import { unexpected } from '../../support/memory';
import { aLambdaContext } from './lambda-context';

/**
 * The councils' OpenAPI 3.1 document is generated from the route list and its zod schemas: every route is in
 * it once with its scope and nothing else is, and it is valid OpenAPI 3.1 as @readme/openapi-parser checks it
 * (the specification's JSON Schema for 3.1, and $refs resolved), offline.
 */
const doc = openApiDocument({
  serverUrl: 'https://api.doorstep.example',
  tokenUrl: 'https://auth.doorstep.example/oauth2/token',
});
const paths = doc.paths as Record<string, Record<string, Record<string, unknown>>>;

describe('the councils API contract', () => {
  it('has every route of the list once, and nothing else', () => {
    const documented = Object.entries(paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(Object.keys(councilRoutes).sort());
  });

  it.each(Object.entries(councilRoutes) as Array<[string, CouncilRouteSpec]>)(
    '%s names its scope, its errors and, for a POST, the Idempotency-Key header',
    (key, spec) => {
      const { method, path } = splitCouncilRouteKey(key);
      const op = paths[path]?.[method.toLowerCase()] as {
        security: Array<Record<string, string[]>>;
        responses: Record<string, unknown>;
        parameters?: Array<{ name: string; in: string; required: boolean }>;
        requestBody?: unknown;
      };
      expect(op.security).toEqual([{ councilOAuth: spec.scope ? [`doorstep/${spec.scope}`] : [] }]);
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['400', '401', '404', '429']));
      if (spec.scope) expect(op.responses['403']).toBeDefined();
      if (method === 'POST') {
        expect(op.parameters).toContainEqual(
          expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true }),
        );
        expect(op.responses['409']).toBeDefined();
      }
      expect(op.requestBody !== undefined).toBe(spec.body !== undefined);
      for (const name of path.match(/\{([^}]+)\}/g) ?? [])
        expect(op.parameters).toContainEqual(
          expect.objectContaining({ name: name.slice(1, -1), in: 'path', required: true }),
        );
    },
  );

  it('describes OAuth2 client credentials with the three scopes and the token URL', () => {
    expect((doc.components as Record<string, unknown>).securitySchemes).toEqual({
      councilOAuth: expect.objectContaining({
        type: 'oauth2',
        flows: {
          clientCredentials: {
            tokenUrl: 'https://auth.doorstep.example/oauth2/token',
            scopes: {
              'doorstep/nominations:write': expect.any(String),
              'doorstep/nominations:read': expect.any(String),
              'doorstep/events:read': expect.any(String),
            },
          },
        },
      }),
    });
  });

  it('is valid OpenAPI 3.1', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid ? '' : compileErrors(result)).toBe('');
    expect(result.valid).toBe(true);
    // The check has teeth: a parameter 'in: body' (Swagger 2.0's, not 3.1's) is refused.
    const broken = structuredClone(doc) as { paths: Record<string, Record<string, Record<string, unknown>>> };
    const me = broken.paths['/v1/councils/me']?.get;
    if (me) me.parameters = [{ name: 'x', in: 'body', schema: { type: 'string' } }];
    expect((await validate(broken as never)).valid).toBe(false);
  });

  it('is served without a token at /api/openapi.json, and as a page with no script at /api/docs', async () => {
    const handler = createHandler(
      () => unexpected('deps'),
      () => ({
        tokens: unexpected('tokens'),
        councilClients: unexpected('councilClients'),
        usage: unexpected('usage'),
        idempotency: unexpected('idempotency'),
        clock: { now: () => new Date('2026-11-02T09:30:00Z') },
      }),
    );
    const get = async (path: string) =>
      (await handler(
        anHttpEvent({ method: 'GET', path, routeKey: `GET ${path}` }),
        aLambdaContext('doorstep-councils'),
      )) as APIGatewayProxyStructuredResultV2;
    const json = await get('/api/openapi.json');
    expect(json.statusCode).toBe(200);
    const served = JSON.parse(json.body ?? '{}');
    expect(served.servers).toEqual([{ url: 'https://doorstep1.execute-api.eu-west-2.amazonaws.com' }]);
    expect(Object.keys(served.paths).sort()).toEqual(Object.keys(paths).sort());

    const page = await get('/api/docs');
    expect(page.statusCode).toBe(200);
    expect(page.headers?.['content-type']).toMatch('text/html');
    expect(page.headers?.['content-security-policy']).toMatch("default-src 'none'");
    expect(page.body).not.toMatch(/<script|https?:\/\/(?!doorstep1\.|api\.)[a-z]/i);
    for (const key of Object.keys(councilRoutes)) {
      const { method, path } = splitCouncilRouteKey(key);
      expect(page.body).toContain(`${method} ${path}`);
    }
  });
});
