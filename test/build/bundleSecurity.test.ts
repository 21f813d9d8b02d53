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
