/**
 * What Electron reports only as events, in main.log: why the page did not load, why its renderer
 * or another child process (GPU, the engine's utility process, the network service) went away, and
 * an exception in the preload. Without these a blank or missing window leaves no trace to act on.
 * Event shapes from Electron's docs/api/web-contents.md and docs/api/app.md.
 */

/** The part of a WebContents this needs (Electron's WebContents satisfies it). */
export interface DiagnosedContents {
  on(
    event: 'did-fail-load',
    listener: (
      event: unknown,
      errorCode: number,
      errorDescription: string,
      validatedURL: string,
      isMainFrame: boolean,
    ) => void,
  ): unknown;
  on(
    event: 'render-process-gone',
    listener: (event: unknown, details: { reason: string; exitCode: number }) => void,
  ): unknown;
  on(event: 'preload-error', listener: (event: unknown, preloadPath: string, error: Error) => void): unknown;
}

/** The part of Electron's `app` this needs. */
export interface DiagnosedApp {
  on(
    event: 'child-process-gone',
    listener: (
      event: unknown,
      details: { type: string; reason: string; exitCode: number; serviceName?: string; name?: string },
    ) => void,
  ): unknown;
}

export function logPageProblems(contents: DiagnosedContents, log: (line: string) => void): void {
  contents.on('did-fail-load', (_event, errorCode, errorDescription, url, isMainFrame) => {
    // -3 is ERR_ABORTED: a navigation replaced by another (a reload), not a failure.
    if (errorCode === -3) return;
    log(
      `page failed to load${isMainFrame ? '' : ' (a subframe)'}: ${url} — ${errorDescription} (${errorCode})`,
    );
  });
  contents.on('render-process-gone', (_event, details) => {
    log(`the page's renderer process is gone: ${details.reason} (exit code ${details.exitCode})`);
  });
  contents.on('preload-error', (_event, preloadPath, error) => {
    log(`the preload script ${preloadPath} threw: ${error?.stack ?? String(error)}`);
  });
}

export function logChildProcessGone(app: DiagnosedApp, log: (line: string) => void): void {
  app.on('child-process-gone', (_event, details) => {
    const name = details.name ?? details.serviceName;
    log(
      `child process gone: ${details.type}${name ? ` "${name}"` : ''} — ${details.reason} ` +
        `(exit code ${details.exitCode})`,
    );
  });
}
