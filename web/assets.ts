import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WebResult } from './http.js';

/**
 * The journey's static files: GOV.UK Frontend's compiled CSS, JavaScript, fonts and images, and Doorstep's own
 * small stylesheet, script and icon. Only names on this list are served, so no path from a request reaches the
 * file system.
 */
export interface AssetDirs {
  /** GOV.UK Frontend's `dist/govuk` folder. */
  govukDir: string;
  /** `web/static`. */
  staticDir: string;
}

const TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  json: 'application/json',
};

function locate(dirs: AssetDirs, path: string): string | undefined {
  const name = /^\/assets\/((?:fonts\/|images\/)?[a-z0-9][a-z0-9.-]*)$/.exec(path)?.[1];
  if (!name || name.includes('..')) return undefined;
  if (name === 'govuk-frontend.min.css' || name === 'govuk-frontend.min.js') return join(dirs.govukDir, name);
  if (name.startsWith('fonts/') || name.startsWith('images/') || name === 'manifest.json') {
    return join(dirs.govukDir, 'assets', name);
  }
  if (/^doorstep[a-z0-9-]*\.(css|js|svg)$/.test(name)) return join(dirs.staticDir, name);
  return undefined;
}

/** The asset at a request path, or undefined when there is none (the caller answers 404). */
export async function serveAsset(dirs: AssetDirs, path: string): Promise<WebResult | undefined> {
  const file = locate(dirs, path);
  if (!file) return undefined;
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return undefined;
  }
  const type = TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream';
  const binary = !type.startsWith('text/') && type !== 'image/svg+xml' && type !== 'application/json';
  return {
    statusCode: 200,
    headers: {
      'content-type': type,
      'cache-control': 'public, max-age=3600',
      'x-content-type-options': 'nosniff',
    },
    body: binary ? bytes.toString('base64') : bytes.toString('utf8'),
    ...(binary ? { isBase64Encoded: true } : {}),
  };
}
