/**
 * Which files the renderer may have the main process WRITE. The renderer names save and export
 * targets by absolute path (saveProject, exportLabels, exportModel); a compromised page must not be
 * able to replace ~/.bashrc that way. So main remembers the paths the user gave it through its own
 * channels and refuses a write anywhere else (code `path_not_granted`):
 *
 * - a path the user chose in the native Save dialog (chooseSavePath);
 * - a project file that opened successfully (openProject): it is that project's Save target;
 * - anything inside the folders main itself writes to (the autosave folder);
 * - a file directly inside a folder the user chose in the native export-folder dialog
 *   (chooseExportFolder: a background run's masks), not in its subfolders.
 *
 * Reads are not restricted, by decision: the renderer legitimately reads paths main never saw (a
 * file dropped on the window is resolved by the preload, webUtils.getPathForFile; the recent list
 * lives in the page's storage), and a read destroys nothing — what it returns stays in a sandboxed
 * page whose CSP allows no connection to another origin. Open dialogs (chooseOpenPath,
 * chooseDataFile) therefore grant nothing: a data file chosen for reading must not become a write
 * target.
 *
 * Paths are compared after path.resolve (so `/a/b/../c` cannot sneak past), case-insensitively on
 * Windows and macOS whose default file systems are. This is the "broker" pattern of sandboxed apps
 * (Chromium's file-system access grants, macOS security-scoped bookmarks): the privilege to write
 * comes from a user gesture in trusted UI, not from the page's request.
 */
import path from 'node:path';
import { EngineError } from '../../shared/errors';

export const PATH_NOT_GRANTED = 'path_not_granted';

/** Remembered write grants, oldest dropped first beyond this (a session never chooses that many). */
const MAX_GRANTS = 10_000;

export interface PathGrantsOptions {
  /** Folders whose files may always be written (the autosave folder). */
  writableFolders?: readonly string[];
  /** path.resolve and case rules of this platform (tests pass 'win32'). */
  platform?: NodeJS.Platform;
}

export class PathGrants {
  private readonly writable = new Set<string>();
  private readonly folders: string[];
  /** Folders chosen in a folder dialog: their direct files are writable. */
  private readonly chosenFolders = new Set<string>();
  private readonly caseInsensitive: boolean;
  private readonly paths: typeof path.posix;

  constructor(options: PathGrantsOptions = {}) {
    const platform = options.platform ?? process.platform;
    this.paths = platform === 'win32' ? path.win32 : path.posix;
    this.caseInsensitive = platform === 'win32' || platform === 'darwin';
    this.folders = (options.writableFolders ?? []).map((f) => this.key(f));
  }

  /** The user chose `file` as a save target (native dialog), or it is the open project's own file. */
  grantWrite(file: string): void {
    const key = this.key(file);
    this.writable.delete(key); // re-insert: the Set keeps insertion order, oldest first
    this.writable.add(key);
    if (this.writable.size > MAX_GRANTS) this.writable.delete(this.writable.values().next().value!);
  }

  /** The user chose `folder` in a folder dialog to write files into (exported masks). */
  grantFolder(folder: string): void {
    const key = this.key(folder);
    this.chosenFolders.delete(key);
    this.chosenFolders.add(key);
    if (this.chosenFolders.size > MAX_GRANTS)
      this.chosenFolders.delete(this.chosenFolders.values().next().value!);
  }

  mayWrite(file: string): boolean {
    if (!this.paths.isAbsolute(file)) return false;
    const key = this.key(file);
    if (this.writable.has(key)) return true;
    if (this.chosenFolders.has(this.paths.dirname(key)) && this.paths.dirname(key) !== key) return true;
    return this.folders.some((folder) => key.startsWith(folder + this.paths.sep));
  }

  /** Throws `path_not_granted` unless `file` may be written; `what` names the action for the message. */
  checkWrite(file: string, what: string): void {
    if (this.mayWrite(file)) return;
    throw new EngineError(
      PATH_NOT_GRANTED,
      `Mixture Lab did not ${what}: "${this.paths.basename(file)}" was not chosen in a Save dialog. ` +
        'Use Save As… or Export… and pick the file there.',
      { path: file },
    );
  }

  private key(file: string): string {
    const resolved = this.paths.resolve(file);
    return this.caseInsensitive ? resolved.toLowerCase() : resolved;
  }
}
