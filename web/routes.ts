import type { FormAnswers } from '../shared/domain/conversation.js';
import type { WebEvent, WebResult } from './http.js';

/** Renders a template with the page's common context (CSRF token, nonce); `formAction` widens the CSP for uploads. */
export type PageRenderer = (
  template: string,
  context: Record<string, unknown>,
  status?: number,
  options?: { formAction?: string },
) => WebResult;

export type Page = (
  event: WebEvent & { pathParameters?: Record<string, string | undefined> },
  page: PageRenderer,
  form: FormAnswers,
) => Promise<WebResult>;

/** One page of the web journey or console. A `form` route reads a urlencoded body and checks its CSRF token. */
export interface Route {
  method: 'GET' | 'POST';
  /** A path with `{name}` segments, like API Gateway's. */
  path: string;
  form?: boolean;
  handler: Page;
}

/** A path segment decoded, or undefined when it is empty or not valid percent-encoding (a typed-in "%E0%A4"). */
function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment) || undefined;
  } catch {
    return undefined;
  }
}

/** Matches a request path against a route's pattern; literal segments win over parameters. */
export function matchRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | 'wrong-method' | undefined {
  const segments = path.split('/');
  let wrongMethod = false;
  const candidates = routes
    .map((route) => ({ route, pattern: route.path.split('/') }))
    .filter(({ pattern }) => pattern.length === segments.length)
    // Fewer parameters first, so `/documents/new` wins over `/documents/{documentId}`.
    .sort(
      (a, b) =>
        a.pattern.filter((s) => s.startsWith('{')).length - b.pattern.filter((s) => s.startsWith('{')).length,
    );
  for (const { route, pattern } of candidates) {
    const params: Record<string, string> = {};
    const matches = pattern.every((segment, index) => {
      const actual = segments[index] ?? '';
      if (segment.startsWith('{') && segment.endsWith('}')) {
        const value = decoded(actual);
        if (!value) return false;
        params[segment.slice(1, -1)] = value;
        return true;
      }
      return segment === actual;
    });
    if (!matches) continue;
    if (route.method !== method) {
      wrongMethod = true;
      continue;
    }
    return { route, params };
  }
  return wrongMethod ? 'wrong-method' : undefined;
}
