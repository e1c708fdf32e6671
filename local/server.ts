import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import type { LocalIdentityProvider } from './identity.js';

/** What the gateway accepts before a handler sees a request (API Gateway's own limit is 10 MB). */
const MAX_REQUEST_BYTES = 1024 * 1024;

/** The paths the councils' function answers (infra/constructs/councils.ts puts the same on API Gateway). */
const COUNCIL_PATHS = /^\/(v1\/(councils|nominations|events|exports|webhooks)(\/|$)|api\/)/;

export interface ServerOptions {
  /** The API function's handler: it receives API Gateway HTTP API (v2) events, as in AWS. */
  api: (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyResultV2>;
  /**
   * The partner councils' API function (issue 10): `/v1/councils/*`, `/v1/nominations*`, `/v1/events*`, `/v1/webhooks`,
   * `/v1/exports*` and its contract at `/api/*`, as the HTTP API routes them to it in AWS.
   */
  councils?: (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyResultV2>;
  /** The applicant's site (every path outside `/v1/`, `/officer` and the local endpoints), with the same events. */
  web?: (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyResultV2>;
  /** The officers' console (`/officer` and every path under it), as the HTTP API routes it in AWS. */
  console?: (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyResultV2>;
  identity: LocalIdentityProvider;
  /** Local-only endpoints (the identity provider's token endpoint, the outbox), served beside the API. */
  local: Record<
    string,
    (request: {
      method: string;
      body: unknown;
      query: URLSearchParams;
    }) => Promise<{ status: number; body: unknown }>
  >;
  /** Raw handlers that read the request stream themselves (the upload endpoint), by path. */
  streams?: Record<string, (request: IncomingMessage, response: ServerResponse) => void>;
  port?: number;
  /** Where the gateway reports a request that failed outside any handler (names only, never bodies). */
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The local API Gateway: a node:http server on 127.0.0.1 that turns each request into the HTTP API v2 event
 * AWS would send, runs the officers' JWT authoriser on `/v1/officer/*` like the Cognito authoriser in AWS,
 * and writes the handler's result back (status, headers, cookies, body).
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const server = createServer((request, response) => {
    handle(options, request, response).catch((error: unknown) => {
      options.log?.(
        `request ${request.method} ${request.url} failed: ${error instanceof Error ? error.name : 'error'}`,
      );
      if (!response.headersSent) send(response, 500, { error: 'Something went wrong on our side.' });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function handle(
  options: ServerOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const method = request.method ?? 'GET';
  const stream = options.streams?.[url.pathname];
  if (stream) return stream(request, response);
  const body = await readBody(request);
  if (body === undefined)
    return send(response, 413, { error: `The request is larger than ${MAX_REQUEST_BYTES} bytes` });

  const local = options.local[url.pathname];
  if (local) {
    let parsed: unknown;
    try {
      parsed = body.length > 0 ? JSON.parse(body.toString('utf8')) : undefined;
    } catch {
      return send(response, 400, { error: 'The body is not valid JSON' });
    }
    const result = await local({ method, body: parsed, query: url.searchParams });
    return send(response, result.status, result.body);
  }

  if (options.councils && COUNCIL_PATHS.test(url.pathname)) {
    writeResult(response, await options.councils(toEvent(request, url, method, body, undefined)));
    return;
  }

  if (options.console && /^\/officer(\/|$)/.test(url.pathname)) {
    writeResult(response, await options.console(toEvent(request, url, method, body, undefined)));
    return;
  }

  if (options.web && !url.pathname.startsWith('/v1/')) {
    writeResult(response, await options.web(toEvent(request, url, method, body, undefined)));
    return;
  }

  let claims: Record<string, unknown> | undefined;
  if (url.pathname.startsWith('/v1/officer/')) {
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    claims = bearer ? await options.identity.verify(bearer) : undefined;
    // The gateway's authoriser answers before the function runs, as API Gateway does.
    if (!claims) return send(response, 401, { message: 'Unauthorized' });
  }

  const result = await options.api(toEvent(request, url, method, body, claims));
  writeResult(response, result);
}

function toEvent(
  request: IncomingMessage,
  url: URL,
  method: string,
  body: Buffer,
  claims: Record<string, unknown> | undefined,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined && name !== 'cookie')
      headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const cookies = (request.headers.cookie ?? '')
    .split(';')
    .map((cookie) => cookie.trim())
    .filter(Boolean);
  const now = new Date();
  const event: APIGatewayProxyEventV2 & { requestContext: { authorizer?: unknown } } = {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(cookies.length > 0 ? { cookies } : {}),
    ...(url.search ? { queryStringParameters: Object.fromEntries(url.searchParams) } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: url.host,
      domainPrefix: 'local',
      http: {
        method,
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: request.headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      // API Gateway passes an array claim to the function as "[a b]".
      ...(claims ? { authorizer: { jwt: { claims: gatewayClaims(claims), scopes: [] } } } : {}),
    },
    isBase64Encoded: false,
    ...(body.length > 0 ? { body: body.toString('utf8') } : {}),
  };
  return event;
}

function gatewayClaims(claims: Record<string, unknown>): Record<string, string | number | boolean> {
  return Object.fromEntries(
    Object.entries(claims).map(([name, value]) => [
      name,
      Array.isArray(value) ? `[${value.join(' ')}]` : (value as string | number | boolean),
    ]),
  );
}

function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function writeResult(response: ServerResponse, result: APIGatewayProxyResultV2): void {
  if (typeof result === 'string') {
    send(response, 200, result);
    return;
  }
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
  if (result.cookies && result.cookies.length > 0) headers['set-cookie'] = result.cookies;
  response.writeHead(result.statusCode ?? 200, headers);
  // A binary result (a PDF) comes base64-encoded, as API Gateway expects from a function.
  response.end(
    result.isBase64Encoded && result.body ? Buffer.from(result.body, 'base64') : (result.body ?? ''),
  );
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(status === 204 ? '' : JSON.stringify(body));
}
