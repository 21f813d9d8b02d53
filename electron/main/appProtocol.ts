/**
 * Maps a request on the app's own scheme (app://mixlab/…) to a file of the built renderer, refusing
 * anything outside that folder. Pure (no Electron) so the e2e harness's server uses the same rules.
 */
import path from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export interface ResolvedAsset {
  filePath: string;
  mime: string;
}

/** The file for a URL path, or null if it escapes `rootDir` or has a type the app does not serve. */
export function resolveAppAsset(rootDir: string, urlPath: string): ResolvedAsset | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, relative);
  if (filePath !== root && !filePath.startsWith(root + path.sep)) return null;
  const mime = MIME[path.extname(filePath).toLowerCase()];
  return mime ? { filePath, mime } : null;
}
