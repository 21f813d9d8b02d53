import { describe, expect, it, vi } from 'vitest';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  EXTERNAL_URL_ALLOW_LIST,
  installNavigationGuards,
  installPermissionGuards,
  isAllowedExternalUrl,
  isAppUrl,
  secureWebPreferences,
  type GuardedContents,
} from '../../../electron/main/security';
import { resolveAppAsset } from '../../../electron/main/appProtocol';

type Listener = (event: { preventDefault(): void; url: string }, url?: string) => void;

/** A webContents stand-in that records listeners so the test can fire Electron's events. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null;
  const contents: GuardedContents = {
    on: ((event: string, listener: Listener) => listeners.set(event, listener)) as GuardedContents['on'],
    setWindowOpenHandler: (h) => {
      openHandler = h;
    },
  };
  const fire = (event: string, url: string) => {
    const preventDefault = vi.fn();
    listeners.get(event)!({ preventDefault, url }, url);
    return preventDefault.mock.calls.length > 0;
  };
  return { contents, fire, open: (url: string) => openHandler!({ url }) };
}

describe('navigation and new windows', () => {
  it('refuses navigation away from the app and allows its own pages', () => {
    const { contents, fire } = fakeContents();
    installNavigationGuards(contents);
    expect(fire('will-navigate', 'https://example.com/phish')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-navigate', 'app://mixlab.evil.com/index.html')).toBe(true);
    expect(fire('will-redirect', 'http://127.0.0.1:8080/')).toBe(true);
    expect(fire('will-frame-navigate', 'javascript:alert(1)')).toBe(true);
    expect(fire('will-navigate', APP_ENTRY_URL)).toBe(false);
  });

  it('denies every window.open; only allow-listed https links go to the system browser', () => {
    const openExternal = vi.fn();
    const { contents, open } = fakeContents();
    installNavigationGuards(contents, { openExternal });
    expect(open('https://evil.example.com/')).toEqual({ action: 'deny' });
    expect(open(APP_ENTRY_URL)).toEqual({ action: 'deny' });
    expect(open('https://scikit-learn.org/stable/modules/mixture.html')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://scikit-learn.org/stable/modules/mixture.html']]);
  });

  it('hands the system browser only the allow-listed pages exactly: no other page of their sites, no query, no look-alike', () => {
    for (const url of EXTERNAL_URL_ALLOW_LIST) expect(isAllowedExternalUrl(url), url).toBe(true);
    for (const url of [
      'https://github.com/someone/malware/releases/download/x/setup.exe',
      'https://scikit-learn.org/',
      'https://scikit-learn.org/stable/modules/mixture.html?next=https://evil.example',
      'https://scikit-learn.org/stable/modules/mixture.html#x',
      'https://scikit-learn.org/stable/modules/mixture.html/../../../redirect',
      'https://user@scikit-learn.org/stable/modules/mixture.html',
      'https://scikit-learn.org:8443/stable/modules/mixture.html',
      'HTTPS://SCIKIT-LEARN.ORG/stable/modules/mixture.html',
      'https://mclust-org.github.io/mclust/../evil/',
    ])
      expect(isAllowedExternalUrl(url), url).toBe(false);
    const openExternal = vi.fn();
    const { contents, open } = fakeContents();
    installNavigationGuards(contents, { openExternal });
    open('https://github.com/someone/page');
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses webview attachment', () => {
    const { contents, fire } = fakeContents();
    installNavigationGuards(contents);
    expect(fire('will-attach-webview', 'about:blank')).toBe(true);
  });

  it('recognises only the app origin, whatever tricks the URL plays', () => {
    expect(isAppUrl('app://mixlab/index.html')).toBe(true);
    expect(isAppUrl('app://mixlab/assets/x.js?y#z')).toBe(true);
    expect(isAppUrl('app://mixlab@evil/index.html')).toBe(false);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('https://mixlab/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAllowedExternalUrl('http://scikit-learn.org/')).toBe(false);
    expect(isAllowedExternalUrl('https://scikit-learn.org.evil.com/')).toBe(false);
  });
});

describe('window and page policy', () => {
  it('isolates and sandboxes the renderer', () => {
    const prefs = secureWebPreferences('/x/preload.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('has a CSP without inline code, eval or remote origins', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'self'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/object-src 'none'/);
  });

  it('serves only files inside the renderer folder', () => {
    const root = '/opt/app/renderer';
    expect(resolveAppAsset(root, '/index.html')).toEqual({
      filePath: '/opt/app/renderer/index.html',
      mime: 'text/html; charset=utf-8',
    });
    expect(resolveAppAsset(root, '/')?.filePath).toBe('/opt/app/renderer/index.html');
    expect(resolveAppAsset(root, '/assets/app.js')?.mime).toMatch(/javascript/);
    expect(resolveAppAsset(root, '/../main/main.cjs')).toBeNull();
    expect(resolveAppAsset(root, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveAppAsset(root, '/a%00.html')).toBeNull();
    expect(resolveAppAsset(root, '/%E0%A4%A')).toBeNull();
    expect(resolveAppAsset(root, '/secret.cjs')).toBeNull();
  });
});

describe('permissions', () => {
  it('denies every permission request and check (camera, notifications, devices, …) and logs the request', () => {
    type RequestHandler = (wc: unknown, permission: string, callback: (granted: boolean) => void) => void;
    let request: RequestHandler | null = null;
    let check: ((wc: unknown, permission: string) => boolean) | null = null;
    let device: ((details: unknown) => boolean) | null = null;
    const log = vi.fn();
    installPermissionGuards(
      {
        setPermissionRequestHandler: (h) => (request = h),
        setPermissionCheckHandler: (h) => (check = h),
        setDevicePermissionHandler: (h) => (device = h),
      },
      log,
    );
    for (const permission of [
      'media',
      'notifications',
      'geolocation',
      'clipboard-read',
      'hid',
      'openExternal',
    ]) {
      const callback = vi.fn();
      request!({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(check!({}, permission), permission).toBe(false);
    }
    expect(device!({ deviceType: 'usb' })).toBe(false);
    expect(log).toHaveBeenCalledWith('refused permission request: media');
  });
});
