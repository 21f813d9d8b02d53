import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths';
import { ensureRendererBuilt } from '../support/ensureBuilt';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';

/** Reads what ships (the built bundles), so a weakened option cannot hide behind a passing unit test. */
let main = '';
let html = '';
beforeAll(() => {
  ensureRendererBuilt();
  main = readFileSync(path.join(repoRoot, 'out/main/main.cjs'), 'utf8');
  html = readFileSync(path.join(repoRoot, 'out/renderer/index.html'), 'utf8');
});

describe('built main bundle', () => {
  it('creates the window with isolation, sandbox and no Node integration', () => {
    for (const option of [
      'contextIsolation: true',
      'nodeIntegration: false',
      'nodeIntegrationInWorker: false',
      'nodeIntegrationInSubFrames: false',
      'sandbox: true',
      'webSecurity: true',
      'allowRunningInsecureContent: false',
      'webviewTag: false',
    ]) {
      expect(main, option).toContain(option);
    }
    expect(main).not.toMatch(
      /nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false/,
    );
    expect(main).toContain('enableSandbox()');
  });

  it('loads the app from its own protocol, never file:// or a remote URL', () => {
    expect(main).toContain('registerSchemesAsPrivileged');
    expect(main).not.toMatch(/loadFile\(|loadURL\(\s*["'`](https?|file):/);
    expect(main).toContain('setPermissionRequestHandler');
    expect(main).toContain('setWindowOpenHandler');
  });

  it('serves a CSP header without inline code or remote origins', () => {
    expect(main).toContain(CONTENT_SECURITY_POLICY.split('; ')[0]);
    expect(main).not.toMatch(/unsafe-inline|unsafe-eval/);
  });
});

describe('built main bundle: permissions, IPC, external links, writes', () => {
  it('denies every permission request, check and device request', () => {
    expect(main).toContain('installPermissionGuards(');
    expect(main).toMatch(/setPermissionRequestHandler\([^]{0,200}?callback\(false\)/);
    expect(main).toContain('setPermissionCheckHandler(() => false)');
    expect(main).toContain('setDevicePermissionHandler?.(() => false)');
    expect(main).not.toMatch(/callback\(true\)/);
  });

  it('checks the IPC sender frame before the router runs', () => {
    expect(main).toMatch(/if \(!isTrustedSender\([^]{0,400}?untrusted_sender[^]{0,400}?return router\(/);
  });

  it('opens external links only after the allow-list, from the reviewed call sites', () => {
    // A new shell.openExternal call site fails here on purpose: route it through isAllowedExternalUrl.
    expect(main.match(/shell\.openExternal\(/g)).toHaveLength(2);
    expect(main).toMatch(/if \(isAllowedExternalUrl\(\w+\)\) options\.openExternal\?\.\(/);
    expect(main).toMatch(/isAllowedUrl: isAllowedExternalUrl/);
  });

  it('refuses renderer-named writes that no Save dialog granted', () => {
    for (const what of ['save the project', 'save the model', 'export the labels']) {
      expect(main, what).toContain(`grants.checkWrite(target, "${what}")`);
    }
  });
});

describe('built renderer page', () => {
  it('carries the same strict CSP and no inline script or style', () => {
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta).not.toBeNull();
    expect(meta![1]).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(meta![1]).toMatch(/script-src 'self'/);
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(html).not.toMatch(/<style[\s>]|\sstyle="/);
  });
});
