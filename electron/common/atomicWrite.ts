/**
 * Atomic file replacement: write a temporary file in the target's own folder, fsync it, rename it
 * over the target, then fsync the folder (POSIX rename(2) is atomic within one file system, and the
 * directory fsync makes the new name durable — the recipe of e.g. LWN's "Ensuring data reaches
 * disk"). A reader, or a crash at any moment, sees the old file or the new one, never a mix; a
 * failed save leaves the old file as it was and throws `save_failed` with the reason in words.
 *
 * Used by the main process (project files, model JSON, autosave) and by the engine's streamed label
 * export. Temporary files are named `.<name>.<pid>.<random>.tmp`; one left behind by a killed
 * process is removed by the next save of the same target (its pid is no longer running).
 */
import { open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { EngineError } from '../../shared/errors';

export const SAVE_FAILED = 'save_failed';

export interface AtomicFile {
  readonly tempPath: string;
  readonly bytesWritten: number;
  write(chunk: Uint8Array | string): Promise<void>;
  /** fsync, close, rename over the target, fsync the folder. */
  commit(): Promise<void>;
  /** Closes and removes the temporary file; the target is untouched. Never throws. */
  abort(): Promise<void>;
}

/** Starts a replacement of `target`; nothing is visible at `target` until commit. */
export async function openAtomic(target: string): Promise<AtomicFile> {
  const dir = path.dirname(target);
  const base = path.basename(target);
  await removeStaleTemps(dir, base);
  const tempPath = path.join(dir, `.${base}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: FileHandle;
  try {
    // Keep the permissions of the file being replaced (a shared, group-writable project stays so).
    const mode = await stat(target).then(
      (s) => s.mode & 0o777,
      () => 0o666,
    );
    handle = await open(tempPath, 'wx', mode);
  } catch (err) {
    throw saveFailed(target, err);
  }
  let bytes = 0;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  const file: AtomicFile = {
    tempPath,
    get bytesWritten() {
      return bytes;
    },
    async write(chunk) {
      const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      try {
        // FileHandle.write may write less than asked; loop until the chunk is out.
        for (let off = 0; off < data.length;) {
          const { bytesWritten } = await handle.write(data, off, data.length - off);
          off += bytesWritten;
        }
        bytes += data.length;
      } catch (err) {
        await file.abort();
        throw saveFailed(target, err);
      }
    },
    async commit() {
      try {
        await handle.sync();
        await close();
        await rename(tempPath, target);
      } catch (err) {
        await file.abort();
        throw saveFailed(target, err);
      }
      await syncDirectory(dir);
    },
    async abort() {
      try {
        await close();
      } catch {
        // Already closed or the disk is gone; the removal below is what matters.
      }
      await rm(tempPath, { force: true }).catch(() => {});
    },
  };
  return file;
}

/** Replaces `target` with `data` atomically. */
export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<number> {
  const file = await openAtomic(target);
  await file.write(data);
  await file.commit();
  return file.bytesWritten;
}

/** fsync on a directory makes a rename durable on Linux/macOS; Windows refuses it (EPERM/EISDIR). */
async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | null = null;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Not supported here; the rename itself has happened.
  } finally {
    await handle?.close().catch(() => {});
  }
}

const TEMP_NAME = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** Removes temporary files of `base` left by processes that no longer run (killed mid-save). */
export async function removeStaleTemps(dir: string, base: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m || m[1] !== base) continue;
    const pid = Number(m[2]);
    // Our own pid: a save of ours still in progress (the main process may save twice at once).
    if (pid === process.pid || isRunning(pid)) continue;
    await rm(path.join(dir, name), { force: true }).catch(() => {});
    removed.push(name);
  }
  return removed;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs under another user; only ESRCH means it is gone.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the disk or folder is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exhausted',
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'the name is a folder',
  EBUSY: 'the file is in use by another program',
  EMFILE: 'too many files are open',
  EIO: 'an input/output error occurred',
  EXDEV: 'the temporary file landed on another disk',
};

/** The OS error in words: "permission denied", "the disk is full", … */
export function reasonInWords(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code && REASONS[code]) return `${REASONS[code]} (${code})`;
  return err instanceof Error ? err.message : String(err);
}

export function saveFailed(target: string, err: unknown): EngineError {
  if (err instanceof EngineError) return err;
  return new EngineError(
    SAVE_FAILED,
    `Could not save "${target}": ${reasonInWords(err)}. The previous file, if any, is unchanged.`,
    { path: target, reason: (err as NodeJS.ErrnoException)?.code ?? 'unknown' },
  );
}
