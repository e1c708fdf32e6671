import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { ZodError } from 'zod';
import {
  ConflictError,
  DocumentTooLargeError,
  JourneyStateError,
  NotFoundError,
  RateLimitedError,
  SignInRefusedError,
  UnsupportedDocumentTypeError,
} from '../../shared/ports.js';
import { ForbiddenError } from '../../shared/services/decisions.js';
import { logger } from './logger.js';

export type HttpEvent = APIGatewayProxyEventV2 & { parsedBody?: unknown };
export type HttpResult = APIGatewayProxyResultV2;

/** An error a client can act on: its message is shown to the caller. */
export class ClientError extends Error {
  override readonly name = 'ClientError';
  constructor(
    readonly statusCode: number,
    message: string,
    readonly fields?: Array<{ field: string; problem: string }>,
  ) {
    super(message);
  }
}

/** A JSON answer, never cached. `cookies` become Set-Cookie headers (API Gateway HTTP API payload 2.0). */
export function json(
  statusCode: number,
  body: unknown,
  extra: { headers?: Record<string, string>; cookies?: string[] } = {},
): HttpResult {
  return {
    statusCode,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...extra.headers,
    },
    body: JSON.stringify(body),
    ...(extra.cookies ? { cookies: extra.cookies } : {}),
  };
}

/** An answer with no body (204), never cached. */
export function noContent(extra: { cookies?: string[] } = {}): HttpResult {
  return {
    statusCode: 204,
    headers: { 'cache-control': 'no-store' },
    ...(extra.cookies ? { cookies: extra.cookies } : {}),
  };
}

/** A request header by name, whatever its case (API Gateway lower-cases them; other callers may not). */
export function header(event: HttpEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

/** The largest request body Doorstep's API accepts (documents never pass through the API). */
export const MAX_BODY_BYTES = 64 * 1024;

const SENDS_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Parses a JSON body, if the request has one: malformed JSON is a 400 with the reason. A POST, PUT or PATCH
 * must say it sends JSON, or it is a 415: a form on another site can send only form encodings or text/plain,
 * so, with SameSite=Strict session cookies, JSON-only writes are the API's protection against CSRF.
 */
function jsonBody(): middy.MiddlewareObj<HttpEvent, HttpResult> {
  return {
    before: (request) => {
      const method = request.event.requestContext?.http?.method?.toUpperCase() ?? '';
      if (
        SENDS_BODY.has(method) &&
        !/^application\/json\s*(;|$)/i.test(header(request.event, 'content-type') ?? '')
      ) {
        throw new ClientError(415, 'Send the body as JSON, with the header Content-Type: application/json');
      }
      const { body, isBase64Encoded } = request.event;
      if (body === undefined || body === '') return;
      const text = isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
      if (Buffer.byteLength(text) > MAX_BODY_BYTES)
        throw new ClientError(413, `The body is larger than ${MAX_BODY_BYTES} bytes`);
      try {
        request.event.parsedBody = JSON.parse(text);
      } catch (error) {
        throw new ClientError(400, `The body is not valid JSON: ${(error as Error).message}`);
      }
    },
  };
}

/**
 * Maps errors to HTTP answers: client errors say what was wrong (and which fields), anything else is a 500
 * that names no internals. Another party's record is a 404, exactly like a missing one.
 */
function errorResponses(): middy.MiddlewareObj<HttpEvent, HttpResult> {
  return {
    onError: (request) => {
      const error = request.error;
      if (error instanceof ZodError) {
        const fields = error.issues.map((issue) => ({
          field: issue.path.join('.') || '(body)',
          problem: issue.message,
        }));
        request.response = json(400, { error: 'The request is not valid', fields });
      } else if (error instanceof ClientError) {
        request.response = json(error.statusCode, {
          error: error.message,
          ...(error.fields ? { fields: error.fields } : {}),
        });
      } else if (error instanceof NotFoundError) {
        request.response = json(404, { error: 'Not found' });
      } else if (error instanceof ForbiddenError) {
        request.response = json(403, { error: error.message });
      } else if (error instanceof SignInRefusedError) {
        request.response = json(401, { error: error.message });
      } else if (error instanceof RateLimitedError) {
        request.response = json(
          429,
          { error: error.message, retryAfterSeconds: error.retryAfterSeconds },
          { headers: { 'retry-after': String(error.retryAfterSeconds) } },
        );
      } else if (error instanceof DocumentTooLargeError) {
        request.response = json(413, { error: error.message });
      } else if (error instanceof UnsupportedDocumentTypeError) {
        request.response = json(415, { error: error.message });
      } else if (error instanceof ConflictError || error instanceof JourneyStateError) {
        request.response = json(409, { error: error.message });
      } else if ((error as { statusCode?: number } | null)?.statusCode === 404) {
        request.response = json(404, { error: 'No such route' });
      } else {
        logger.error('request failed', { error: error?.name ?? 'unknown' });
        request.response = json(500, {
          error: 'Something went wrong on our side. Try again in a few minutes.',
        });
      }
    },
  };
}

/** The middleware stack every HTTP handler shares (STYLE.md: middleware first, handler last). */
export function httpHandler(
  handler: (event: HttpEvent, context: Context) => Promise<HttpResult>,
): middy.MiddyfiedHandler<HttpEvent, HttpResult, Error, Context> {
  return middy<HttpEvent, HttpResult, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(errorResponses())
    .use(jsonBody())
    .handler(handler);
}
