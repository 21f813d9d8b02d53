/**
 * Security policy of the app's window, as data and pure functions so tests can check them without
 * Electron: the page's origin, the Content-Security-Policy, the BrowserWindow webPreferences, and
 * what a sender / navigation / new window may do.
 */

/** The app's pages are served from this privileged custom scheme, never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'mixlab';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * No inline script or style, nothing from another origin, no eval, no plugins, no framing, no
 * form posts. 'self' is the app:// origin (or the e2e harness's local server).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers on every response of the app protocol (and of the e2e harness's server). */
export const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

/** webPreferences of the one BrowserWindow (checked by a test on the built bundle, too). */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    sandbox: true,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  } as const;
}

/** Is `url` one of the app's own pages? (Sender frames and navigations are checked with this.) */
export function isAppUrl(url: string, allowedOrigins: readonly string[] = [APP_ORIGIN]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // URL.origin is "null" for non-special schemes such as app:, so compare scheme and host.
  const origin = `${parsed.protocol}//${parsed.host}`;
  return allowedOrigins.includes(origin);
}

/**
 * The only pages the system browser may be asked to open (shell.openExternal), each exactly as
 * written: the method references the app follows. A prefix would let a crafted link through
 * (https://github.com/ is anyone's page, a redirect, a download), and openExternal hands the URL to
 * whatever the OS registered (Electron security checklist, "Do not use shell.openExternal with
 * untrusted content").
 */
export const EXTERNAL_URL_ALLOW_LIST: readonly string[] = [
  'https://scikit-learn.org/stable/modules/mixture.html',
  'https://mclust-org.github.io/mclust/',
];

/** True only for an allow-listed URL itself: no other path, query, fragment, user or port. */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // The URL parser's form must be the string given (no normalising a look-alike into a match).
  return parsed.href === url && EXTERNAL_URL_ALLOW_LIST.includes(url);
}

/** The minimal view of a webContents the guards need (Electron's WebContents satisfies it). */
export interface GuardedContents {
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate',
    listener: (event: { preventDefault(): void; url: string }, url?: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Navigation away from the app and every new window are refused. A new-window request for an
 * allow-listed documentation link is handed to the system browser instead (`openExternal`).
 */
export function installNavigationGuards(
  contents: GuardedContents,
  options: {
    allowedOrigins?: readonly string[];
    openExternal?: (url: string) => void;
    log?: (line: string) => void;
  } = {},
): void {
  const allowed = options.allowedOrigins ?? [APP_ORIGIN];
  const refuse = (kind: string) => (event: { preventDefault(): void; url: string }, url?: string) => {
    const target = url ?? event.url;
    if (isAppUrl(target, allowed)) return;
    event.preventDefault();
    options.log?.(`refused ${kind} to ${target}`);
  };
  contents.on('will-navigate', refuse('navigation'));
  contents.on('will-redirect', refuse('redirect'));
  contents.on('will-frame-navigate', refuse('frame navigation'));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) options.openExternal?.(url);
    else options.log?.(`refused new window for ${url}`);
    return { action: 'deny' };
  });
}

/** The minimal view of a Session the permission guards need (Electron's Session satisfies it). */
export interface GuardedSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler?(handler: (details: unknown) => boolean): void;
}

/**
 * No permission (camera, microphone, notifications, geolocation, clipboard, MIDI, HID/USB/serial
 * devices, …) is ever granted to the page: the app needs none, and Electron grants every request by
 * default (Electron security checklist, "Handle session permission requests from remote content").
 */
export function installPermissionGuards(session: GuardedSession, log?: (line: string) => void): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log?.(`refused permission request: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
}
