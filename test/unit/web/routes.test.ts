import { redirect } from '../../../web/http';
import { matchRoute, type Route } from '../../../web/routes';
import { aWebApp } from './browser';

const page = (method: Route['method'], path: string): Route => ({
  method,
  path,
  handler: async () => redirect(path),
});

const documentPage = page('GET', '/applications/{applicationId}/documents/{documentId}');
const newDocumentPage = page('GET', '/applications/{applicationId}/documents/new');
const declareDocument = page('POST', '/applications/{applicationId}/documents');

describe('matchRoute', () => {
  it.each([
    ['declared first', [newDocumentPage, documentPage]],
    ['declared last', [documentPage, newDocumentPage]],
  ])('prefers a literal segment to a parameter, whichever is %s', (_order, routes) => {
    // Act
    const matched = matchRoute(routes, 'GET', '/applications/app_1/documents/new');

    // Assess
    expect(matched).toEqual({ route: newDocumentPage, params: { applicationId: 'app_1' } });
  });

  it('reads each parameter, decoded', () => {
    // Act
    const matched = matchRoute(
      [newDocumentPage, documentPage],
      'GET',
      '/applications/app%5F1/documents/doc_9',
    );

    // Assess
    expect(matched).toEqual({ route: documentPage, params: { applicationId: 'app_1', documentId: 'doc_9' } });
  });

  it('answers wrong-method for a path that exists with another method', () => {
    expect(matchRoute([declareDocument], 'GET', '/applications/app_1/documents')).toBe('wrong-method');
  });

  it('finds the route of the right method when a path has two', () => {
    // Prepare
    const getForm = page('GET', '/applications/{applicationId}/documents');

    // Act
    const matched = matchRoute([declareDocument, getForm], 'GET', '/applications/app_1/documents');

    // Assess
    expect(matched).toEqual({ route: getForm, params: { applicationId: 'app_1' } });
  });

  it.each([
    ['an unknown path', '/applications/app_1/secrets'],
    ['more segments than any route', '/applications/app_1/documents/doc_9/extra'],
    ['an empty parameter', '/applications//documents/doc_9'],
    ['a trailing slash', '/applications/app_1/documents/new/'],
    ['a parameter that is not percent-encoded properly', '/applications/app_1/documents/%E0%A4%A'],
  ])('matches nothing for %s', (_what, path) => {
    expect(matchRoute([newDocumentPage, documentPage], 'GET', path)).toBeUndefined();
  });
});

describe('routing in the web handler', () => {
  it('answers 405 with a page for a method the path does not take', async () => {
    // Prepare
    const browser = aWebApp().browser();

    // Act
    const response = await browser.get('/sign-out');

    // Assess
    expect(response.status).toBe(405);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('answers 404 with a page, not a failure, for a malformed address', async () => {
    // Prepare
    const app = aWebApp();

    // Act
    const response = await app.browser().get('/applications/%E0%A4%A/status');

    // Assess
    expect(response.status).toBe(404);
    expect(response.body).toContain('Page not found');
    expect(app.logged).toEqual([]);
  });
});
