/**
 * Files handed to the app by the OS: on the command line (`mixture-lab data.csv`, a file association,
 * a Linux desktop entry's `%U`), by a second launch while the app runs (forwarded through the
 * single-instance lock), or by macOS's 'open-file'. Pure: main.ts passes argv, the working directory
 * and the platform in, and sends what comes out to the page.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LaunchFile } from '../../shared/api';

/** Spreadsheets and delimited text, and images (a table of their pixels, engine import/importImage.ts). */
const DATA_EXTENSIONS = new Set([
  '.csv',
  '.tsv',
  '.txt',
  '.xlsx',
  '.png',
  '.jpg',
  '.jpeg',
  '.bmp',
  '.webp',
  '.gif',
]);
const PROJECT_EXTENSION = '.mixlab';

/** What a file opens as, by its extension (case-insensitive); null = not ours, ignored. */
export function launchFileKind(file: string): LaunchFile['kind'] | null {
  const ext = path.extname(file).toLowerCase();
  if (ext === PROJECT_EXTENSION) return 'project';
  return DATA_EXTENSIONS.has(ext) ? 'data' : null;
}

export interface ArgvContext {
  /**
   * Electron's `process.defaultApp`: true when run as `electron <app path> …` (development), where
   * the first argument after the flags is the app itself, not a file.
   */
  defaultApp: boolean;
  /** Working directory of the process the argv belongs to (the second instance's, when forwarded). */
  cwd: string;
  /** Decides the path rules (Windows paths on win32); the running platform by default. */
  platform?: NodeJS.Platform;
}

/**
 * The files named in an argv, as absolute paths, in order, without duplicates. Skipped: the
 * executable, the app path in development, every flag (Chromium adds its own, e.g.
 * `--original-process-start-time=…` to a forwarded argv; old macOS adds `-psn_0_…`), and any file
 * whose extension we do not open. `file://` URLs (freedesktop `%U`) become paths; relative paths
 * are resolved against `cwd`.
 */
export function filesFromArgv(argv: readonly string[], context: ArgvContext): LaunchFile[] {
  const paths = (context.platform ?? process.platform) === 'win32' ? path.win32 : path.posix;
  const operands = argv.slice(1).filter((arg) => !arg.startsWith('-'));
  if (context.defaultApp) operands.shift();
  const files: LaunchFile[] = [];
  for (const operand of operands) {
    const absolute = toPath(operand, context.cwd, paths, context.platform ?? process.platform);
    if (!absolute) continue;
    const kind = launchFileKind(absolute);
    if (kind && !files.some((f) => f.path === absolute)) files.push({ path: absolute, kind });
  }
  return files;
}

function toPath(
  operand: string,
  cwd: string,
  paths: typeof path.posix,
  platform: NodeJS.Platform,
): string | null {
  if (operand.length === 0) return null;
  if (/^file:\/\//i.test(operand)) {
    try {
      return fileURLToPath(operand, { windows: platform === 'win32' });
    } catch {
      return null;
    }
  }
  // Any other URL (http:, mixlab:) is not a file on disk.
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(operand)) return null;
  return paths.resolve(cwd, operand);
}

/**
 * Holds files until the page can act on them. Files given at launch arrive long before the renderer
 * has loaded (its stores, its unsaved-changes prompt); they wait here until the page asks for them
 * (`takePending`, called once it is ready). After that, new files go straight through. A reload or
 * a new window makes the page not ready again.
 */
export class LaunchQueue {
  private pending: LaunchFile[] = [];
  private ready = false;

  /** Files to send to the page now (empty while it is not ready: they are queued instead). */
  offer(files: readonly LaunchFile[]): LaunchFile[] {
    if (this.ready) return [...files];
    for (const file of files) if (!this.pending.some((p) => p.path === file.path)) this.pending.push(file);
    return [];
  }

  /** The page is ready: everything queued so far, once. */
  takePending(): LaunchFile[] {
    this.ready = true;
    const files = this.pending;
    this.pending = [];
    return files;
  }

  /** True once the page has asked, until it reloads or closes. */
  get pageReady(): boolean {
    return this.ready;
  }

  /** The page is (re)loading or gone: hold files again until it asks. */
  notReady(): void {
    this.ready = false;
  }
}

/**
 * What a second launch forwards (`app.requestSingleInstanceLock(additionalData)`): its own argv and
 * working directory. Electron's 'second-instance' argv may be reordered or carry extra Chromium
 * switches on some platforms, so the exact copy travels as additional data; it is checked here
 * because it comes from another process.
 */
export interface ForwardedLaunch {
  argv: string[];
  cwd: string;
}

export function readForwardedLaunch(data: unknown): ForwardedLaunch | null {
  if (typeof data !== 'object' || data === null) return null;
  const { argv, cwd } = data as Record<string, unknown>;
  if (!Array.isArray(argv) || argv.length > 1000 || !argv.every((a) => typeof a === 'string')) return null;
  if (typeof cwd !== 'string' || cwd.length === 0) return null;
  return { argv: argv as string[], cwd };
}
