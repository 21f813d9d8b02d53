/**
 * Autosave of the working analysis to the app's data folder, and recovery after a crash.
 *
 * The renderer pushes its state (`update`) whenever it changes; every `intervalMs` (a minute) the
 * latest unsaved state is written atomically to `autosave.mixlab` — the project format, so recovery
 * reads it with the same validation as any project. `session.json` is the clean-exit marker: written
 * `{clean: false}` at start and `{clean: true}` by `markCleanExit` on a normal quit (which also
 * removes the autosave). A start that finds `clean: false` knows the last session died; its autosave
 * is set aside as `recovered.mixlab` (so this session's autosaves cannot overwrite it) and
 * `findRecoverable` offers it — "restore the unsaved analysis from 10:42?" — until the user restores
 * or discards it.
 */
import { readFile, rename, rm, stat } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { DataSource, MixlabProject, ProjectState } from '../../shared/project/schema';
import { serializeProject } from '../../shared/project/parseProject';
import type { RecoverableSummary } from '../../shared/project/status';
import { writeFileAtomic } from '../common/atomicWrite';
import { fingerprintFile } from './fileFingerprint';
import { buildProject, readProjectFile } from './projectFiles';

export interface AutosaveOptions {
  /** The app's data folder (Electron's userData; a temporary folder in tests). */
  dir: string;
  appVersion: string;
  /** Default one minute. */
  intervalMs?: number;
  now?: () => Date;
  log?: (line: string) => void;
}

const SESSION = 'session.json';
const AUTOSAVE = 'autosave.mixlab';
const RECOVERED = 'recovered.mixlab';

export class Autosaver {
  private pending: ProjectState | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private writing: Promise<void> = Promise.resolve();
  private recoverable: RecoverableSummary | null = null;
  private readonly fingerprints = new Map<string, DataSource>();

  private constructor(private readonly options: AutosaveOptions) {}

  /** Reads the last session's marker, sets its autosave aside if it crashed, and starts the timer. */
  static async start(options: AutosaveOptions): Promise<Autosaver> {
    const saver = new Autosaver(options);
    mkdirSync(options.dir, { recursive: true });
    const previous = await readMarker(saver.file(SESSION));
    if (previous && previous.clean === false && (await exists(saver.file(AUTOSAVE)))) {
      await rename(saver.file(AUTOSAVE), saver.file(RECOVERED));
    } else {
      await rm(saver.file(AUTOSAVE), { force: true });
    }
    saver.recoverable = await saver.readRecoverable();
    await writeFileAtomic(
      saver.file(SESSION),
      JSON.stringify({ clean: false, pid: process.pid, startedAt: saver.now().toISOString() }),
    );
    saver.timer = setInterval(() => void saver.flush(), options.intervalMs ?? 60_000);
    saver.timer.unref?.();
    return saver;
  }

  /** The latest working state; written at the next tick. null = nothing worth keeping (no analysis). */
  update(state: ProjectState | null): void {
    this.pending = state;
    if (state === null) void this.enqueue(() => rm(this.file(AUTOSAVE), { force: true }));
  }

  /** Writes the pending state now (the timer calls this). Failures are logged, never thrown. */
  flush(): Promise<void> {
    const state = this.pending;
    if (!state) return this.writing;
    this.pending = null;
    return this.enqueue(async () => {
      const project = await buildProject(state, {
        appVersion: this.options.appVersion,
        now: this.options.now,
        fingerprint: (p) => this.fingerprint(p),
      });
      await writeFileAtomic(this.file(AUTOSAVE), serializeProject(project));
    });
  }

  /** The crashed session's analysis, if there is one: {savedAt, summary} for the prompt. */
  findRecoverable(): RecoverableSummary | null {
    return this.recoverable;
  }

  /** The crashed session's analysis in full (validated as any project). */
  async recover(): Promise<MixlabProject> {
    return readProjectFile(this.file(RECOVERED));
  }

  async discardRecoverable(): Promise<void> {
    this.recoverable = null;
    await rm(this.file(RECOVERED), { force: true });
  }

  /** Normal quit (after the user saved or declined to): no autosave to offer next time. */
  async markCleanExit(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.pending = null;
    await this.writing;
    await rm(this.file(AUTOSAVE), { force: true });
    await writeFileAtomic(
      this.file(SESSION),
      JSON.stringify({ clean: true, endedAt: this.now().toISOString() }),
    );
  }

  /** Stops the timer without marking a clean exit (tests; a crash does the same). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private enqueue(task: () => Promise<unknown>): Promise<void> {
    this.writing = this.writing.then(task).then(
      () => undefined,
      (err: unknown) =>
        this.options.log?.(`autosave failed: ${err instanceof Error ? err.message : String(err)}`),
    );
    return this.writing;
  }

  private async readRecoverable(): Promise<RecoverableSummary | null> {
    if (!(await exists(this.file(RECOVERED)))) return null;
    try {
      return summarise(await this.recover());
    } catch (err) {
      // Unreadable (a newer app version wrote it, or the disk lost it): nothing to offer.
      this.options.log?.(`autosave: cannot read ${RECOVERED}: ${(err as Error).message}`);
      return null;
    }
  }

  /**
   * Hashing a large file every minute would be waste: re-hash only when size or mtime moved; if
   * the file is gone, keep the last fingerprint.
   */
  private async fingerprint(filePath: string): Promise<DataSource> {
    const cached = this.fingerprints.get(filePath);
    // The file vanished during the session: the last fingerprint still says what the analysis used.
    const info = await stat(filePath).catch((err: unknown) => {
      if (cached) return null;
      throw err;
    });
    if (!info) return cached!;
    if (cached && cached.size === info.size && cached.mtimeMs === info.mtimeMs) return cached;
    const fresh = await fingerprintFile(filePath);
    this.fingerprints.set(filePath, fresh);
    return fresh;
  }

  private file(name: string): string {
    return path.join(this.options.dir, name);
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

function summarise(project: MixlabProject): RecoverableSummary {
  const current = project.fits.find((f) => f.id === project.currentFitId);
  return {
    savedAt: project.savedAt,
    summary: {
      dataFile: project.dataSource ? path.basename(project.dataSource.path) : null,
      fits: project.fits.length,
      currentFit: current
        ? `${current.params.nComponents} components, ${current.params.covarianceType}`
        : null,
      columns: project.selection?.columnNames ?? [],
    },
  };
}

async function readMarker(file: string): Promise<{ clean?: boolean } | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as { clean?: boolean };
  } catch {
    return null;
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
