/**
 * End-to-end harness: the built renderer in headless Chromium, its window.mixlab connected to the
 * REAL main-side services (electron/main/services.ts + ipcRouter.ts) and the REAL engine process
 * (out/engine/engine.cjs as a child process), through the app's own preload. Only Electron's
 * contextBridge and IPC (test/e2e/electronStandIn.ts, copying values by Electron's rules) and native
 * dialogs are stood in for: `dialogs.nextDataFile` answers "which file would the user pick".
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Autosaver } from '../../electron/main/autosave';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { EngineClient } from '../../electron/main/engineClient';
import { nodeEngineSpawner } from '../../electron/main/nodeEngineSpawner';
import { createServices } from '../../electron/main/services';
import { createIpcRouter } from '../../electron/main/ipcRouter';
import { resolveAppAsset } from '../../electron/main/appProtocol';
import { APP_RESPONSE_HEADERS } from '../../electron/main/security';
import type { LaunchFile, MenuState, MixlabEvent } from '../../shared/api';
import { LaunchQueue } from '../../electron/main/launchFiles';
import { enginePath, repoRoot } from '../support/paths';
import { decodeWire, encodeWire } from './wire';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const screenshotsDir = path.join(repoRoot, 'test-results', 'screenshots');
const rendererDir = path.join(repoRoot, 'out', 'renderer');

let bridgeScript: Promise<string> | null = null;
/**
 * The app's own preload (electron/preload/preload.ts), with `electron` resolved to the stand-ins of
 * test/e2e/electronStandIn.ts: the page meets the same window.mixlab, across the same bridge rules.
 */
function bundleBridge(): Promise<string> {
  bridgeScript ??= build({
    entryPoints: [path.join(repoRoot, 'electron/preload/preload.ts')],
    alias: { electron: path.join(repoRoot, 'test/e2e/electronStandIn.ts') },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'error',
  }).then((r) => r.outputFiles[0].text);
  return bridgeScript;
}

/** Serves the built renderer with the app protocol's rules and security headers. */
async function serveRenderer(): Promise<{ server: Server; origin: string }> {
  const server = createServer(async (req, res) => {
    const asset = resolveAppAsset(rendererDir, new URL(req.url ?? '/', 'http://x').pathname);
    if (!asset) {
      res.writeHead(404).end('Not found');
      return;
    }
    try {
      const body = await readFile(asset.filePath);
      res.writeHead(200, { 'Content-Type': asset.mime, ...APP_RESPONSE_HEADERS }).end(body);
    } catch {
      res.writeHead(404).end('Not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no server address');
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

export interface AppOptions {
  locale?: string;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** The app's data folder (autosave, unpacked embedded data); a fresh temporary folder by default. */
  appDataDir?: string;
  /** Files given on the command line: queued until the page asks for them, as in the app. */
  launchFiles?: LaunchFile[];
  /** Node flags for the engine process (a small --max-old-space-size meets an out-of-memory crash). */
  engineExecArgv?: string[];
  /**
   * cancelJob's answer reaches the page only after the cancelled job's own answer. Electron answers
   * each invoke when its handler settles and orders nothing across invokes; in this order the page
   * meets the engine's `cancelled` refusal while the job still counts as running, the case in which
   * only the error's code tells a cancel from a failure.
   */
  cancelAnsweredAfterJob?: boolean;
}

export interface RunningApp {
  page: Page;
  engine: EngineClient;
  /**
   * What the stand-in native dialogs answer next (null = the user cancels). `nextFolder` answers the
   * folder dialogs (a folder of frames, the mask export folder), `nextOpenPath` the file ones.
   */
  dialogs: {
    nextDataFile: string | null;
    nextSavePath: string | null;
    nextOpenPath: string | null;
    nextFolder: string | null;
  };
  appDataDir: string;
  /** Console errors, page errors and CSP violations seen so far (a test asserts there are none). */
  problems: string[];
  events: MixlabEvent[];
  /** The engine process's stdout/stderr lines (what engine.log holds in the app). */
  engineOutput: string[];
  /** Every state the page reported for the native menu (setMenuState), oldest first. */
  menuStates: MenuState[];
  /** The page's answers to 'close-window' (closeWindow's proceed), oldest first. */
  closeAnswers: boolean[];
  /** Sends a main-process event into the page (a native menu command, say) and waits until it is dispatched. */
  pushEvent(event: MixlabEvent): Promise<void>;
  /** Files the OS hands over while running (a second launch): queued until the page is ready, as in the app. */
  openFiles(files: LaunchFile[]): Promise<void>;
  /**
   * Kills the engine process as the OS would (SIGKILL by default) and resolves with its pid once the
   * EngineClient has noticed: the requests in flight have failed and the crash event was emitted.
   */
  killEngine(signal?: NodeJS.Signals): Promise<number>;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

let browser: Browser | null = null;
export async function launchBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return browser;
}
export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = null;
}

export async function startApp(options: AppOptions = {}): Promise<RunningApp> {
  const locale = options.locale ?? 'en-US';
  const colorScheme = options.colorScheme ?? 'light';
  const engineOutput: string[] = [];
  const engine = new EngineClient(
    nodeEngineSpawner(enginePath, {
      execArgv: options.engineExecArgv,
      output: (stream, line) => {
        engineOutput.push(line);
        (stream === 'stdout' ? process.stdout : process.stderr).write(line + '\n');
      },
    }),
  );
  const dialogs = {
    nextDataFile: null as string | null,
    nextSavePath: null as string | null,
    nextOpenPath: null as string | null,
    nextFolder: null as string | null,
  };
  const appDataDir = options.appDataDir ?? mkdtempSync(path.join(tmpdir(), 'mixlab-e2e-appdata-'));
  const autosaver = Autosaver.start({ dir: appDataDir, appVersion: 'e2e' });
  const events: MixlabEvent[] = [];
  const problems: string[] = [];
  // The desktop shell's side (electron/main/desktopShell.ts) without Electron: the same launch queue.
  const menuStates: MenuState[] = [];
  const closeAnswers: boolean[] = [];
  const launchQueue = new LaunchQueue();
  launchQueue.offer(options.launchFiles ?? []);
  let page: Page | null = null;

  const emit = (event: MixlabEvent) => {
    events.push(event);
    void page?.evaluate((e) => window.__mixlabDispatch(e), encodeWire(event)).catch(() => undefined);
  };
  engine.onCrash((crash) =>
    emit({
      type: 'engine-crashed',
      message: crash.message,
      restarted: crash.restarted,
      reason: crash.reason,
      detail: crash.detail,
    }),
  );
  const services = createServices({
    engine,
    samplesDir: path.join(repoRoot, 'build', 'samples'),
    emit,
    appInfo: () => ({
      name: 'Mixture Lab',
      version: 'e2e',
      platform: process.platform,
      locale,
      prefersDark: colorScheme === 'dark',
    }),
    dialogs: {
      chooseDataFile: async () => dialogs.nextDataFile,
      chooseSavePath: async () => dialogs.nextSavePath,
      chooseOpenPath: async () => dialogs.nextOpenPath,
      chooseFrameSource: async (kind) =>
        kind === 'folder'
          ? openDialogAnswer(dialogs.nextFolder, 'folder')
          : openDialogAnswer(dialogs.nextOpenPath, 'file'),
      chooseExportFolder: async () => openDialogAnswer(dialogs.nextFolder, 'folder'),
    },
    appDataDir,
    autosaver,
    desktop: {
      setMenuState: (state) => void menuStates.push(state),
      takeLaunchFiles: () => launchQueue.takePending(),
      closeWindow: (proceed) => void closeAnswers.push(proceed),
    },
  });
  const router = createIpcRouter(services);

  const [{ server, origin }, bridge, b] = await Promise.all([
    serveRenderer(),
    bundleBridge(),
    launchBrowser(),
  ]);
  const context: BrowserContext = await b.newContext({
    locale,
    colorScheme,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    deviceScaleFactor: 1,
  });
  const jobAnswers = new Map<string, Promise<unknown>>();
  await context.exposeBinding('__mixlabInvoke', async (_source, method: unknown, arg: unknown) => {
    const decoded = decodeWire(arg);
    const jobId = (decoded as { jobId?: unknown } | null)?.jobId;
    const answer = router(method, decoded);
    if (typeof jobId !== 'string') return encodeWire(await answer);
    if (method === 'cancelJob' && options.cancelAnsweredAfterJob) {
      const job = jobAnswers.get(jobId);
      const reply = await answer;
      await job;
      // The job's answer is on its way to the page over the same connection; let it land first.
      await new Promise((resolve) => setTimeout(resolve, 100));
      return encodeWire(reply);
    }
    jobAnswers.set(jobId, answer);
    try {
      return encodeWire(await answer);
    } finally {
      jobAnswers.delete(jobId);
    }
  });
  await context.addInitScript({ content: bridge });
  page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  await page.goto(`${origin}/index.html`);

  mkdirSync(screenshotsDir, { recursive: true });
  const running: RunningApp = {
    page,
    engine,
    dialogs,
    appDataDir,
    problems,
    events,
    engineOutput,
    menuStates,
    closeAnswers,
    async pushEvent(event) {
      events.push(event);
      await page!.evaluate((e) => window.__mixlabDispatch(e), encodeWire(event));
    },
    async openFiles(files) {
      for (const file of launchQueue.offer(files)) await running.pushEvent({ type: 'open-path', ...file });
    },
    async killEngine(signal = 'SIGKILL') {
      await engine.start();
      const pid = engine.pid!;
      const crashed = new Promise<void>((resolve) => {
        const off = engine.onCrash(() => {
          off();
          resolve();
        });
      });
      process.kill(pid, signal);
      await crashed;
      return pid;
    },
    async screenshot(name) {
      const file = path.join(screenshotsDir, `${name}.png`);
      await page!.screenshot({ path: file });
      return file;
    },
    async close() {
      await context.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      engine.dispose();
      (await autosaver).stop();
    },
  };
  return running;
}

/**
 * What Electron's showOpenDialog can answer: with `openDirectory` only an existing folder, with
 * `openFile` only an existing file (on Windows and Linux one dialog is never both; docs/api/dialog.md).
 * A test that sets an answer the real dialog could not give fails here, not later in the app.
 */
function openDialogAnswer(answer: string | null, selects: 'folder' | 'file'): string | null {
  if (answer === null) return null;
  const isFolder = statSync(answer, { throwIfNoEntry: false })?.isDirectory();
  if (isFolder === undefined || isFolder !== (selects === 'folder'))
    throw new Error(`A ${selects} dialog cannot answer ${answer}: it is not an existing ${selects}.`);
  return answer;
}
