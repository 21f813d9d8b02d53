/**
 * Is this path a file we can read? One classifier for every place that opens a user's file — the
 * command line's inputs, the engine's import entry, project and model files — so a folder, a named
 * pipe, a device, a symbolic-link loop, a missing or forbidden file is refused with the same
 * specific code and words everywhere, and never read.
 *
 * Order matters for the kinds that hang: `stat` never blocks, whatever the path is, while opening a
 * FIFO for reading blocks until a writer appears and reading /dev/zero never ends. So the kind is
 * decided from `stat` first (which follows links, so a link loop fails there with ELOOP), and only a
 * regular file is opened — with O_NONBLOCK, so that a file swapped for a FIFO in between cannot
 * block the open either — and checked again on the open handle (`fstat`), which is what is read.
 */
import { constants } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { EngineError } from '../../shared/errors';

export const FileRefusalCodes = {
  /** Nothing at the path (or a part of the path is not a folder, or the name is too long). */
  NotFound: 'file_not_found',
  /** A folder where a file was expected. */
  NotAFile: 'not_a_file',
  /** A named pipe, socket or device: reading it may block forever or never end. */
  SpecialFile: 'special_file',
  /** Symbolic links that point at each other (ELOOP). */
  SymlinkLoop: 'symlink_loop',
  /** The file exists but may not be read by this user. */
  PermissionDenied: 'permission_denied',
  /** Larger than the kind of file may be (JSON read whole: model files, --init-params). */
  TooLarge: 'too_large',
  /** Any other failure of the operating system to read it (an I/O error, too many open files). */
  Unreadable: 'file_unreadable',
} as const;

/** Codes by which a user's file is refused before it is read (exit code 2 on the command line). */
export const FILE_REFUSALS: ReadonlySet<string> = new Set(Object.values(FileRefusalCodes));

/** Why a path cannot be read: the code and a phrase to put after "cannot read <file>: ". */
export interface FileProblem {
  code: string;
  reason: string;
  /** The file's kind when it exists but is not a regular file (directory, fifo, socket, device). */
  kind?: string;
  /** The operating system's error code, when one was the cause. */
  errno?: string;
}

/** The operating system's error as a refusal (ENOENT → file_not_found, ELOOP → symlink_loop, …). */
export function problemFromErrno(err: unknown): FileProblem {
  const errno = (err as NodeJS.ErrnoException)?.code;
  switch (errno) {
    case 'ENOENT':
      return { code: FileRefusalCodes.NotFound, reason: 'no such file', errno };
    case 'ENOTDIR':
      return {
        code: FileRefusalCodes.NotFound,
        reason: 'no such file (a part of the path is not a folder)',
        errno,
      };
    case 'ENAMETOOLONG':
      return { code: FileRefusalCodes.NotFound, reason: 'no such file (the name is too long)', errno };
    case 'ELOOP':
      return {
        code: FileRefusalCodes.SymlinkLoop,
        reason: 'its symbolic links form a loop and lead to no file',
        errno,
      };
    case 'EACCES':
    case 'EPERM':
      return { code: FileRefusalCodes.PermissionDenied, reason: 'permission denied', errno };
    case 'EISDIR':
      return {
        code: FileRefusalCodes.NotAFile,
        reason: 'it is a folder, not a file',
        kind: 'directory',
        errno,
      };
    default:
      return {
        code: FileRefusalCodes.Unreadable,
        reason: errno ? `the system could not read it (${errno})` : String((err as Error)?.message ?? err),
        ...(errno ? { errno } : {}),
      };
  }
}

/** A non-regular file's kind as a refusal; null for a regular file. */
export function problemFromStats(info: Stats): FileProblem | null {
  if (info.isFile()) return null;
  if (info.isDirectory())
    return { code: FileRefusalCodes.NotAFile, reason: 'it is a folder, not a file', kind: 'directory' };
  const kind = info.isFIFO()
    ? 'fifo'
    : info.isSocket()
      ? 'socket'
      : info.isCharacterDevice()
        ? 'character device'
        : info.isBlockDevice()
          ? 'block device'
          : 'special file';
  const words: Record<string, string> = {
    fifo: 'a named pipe (FIFO)',
    socket: 'a socket',
    'character device': 'a character device',
    'block device': 'a disk device',
    'special file': 'a special file',
  };
  return {
    code: FileRefusalCodes.SpecialFile,
    reason: `it is ${words[kind]}, not a regular file (reading it could block or never end)`,
    kind,
  };
}

/** A refusal as the coded error every layer throws; `message` is the caller's sentence. */
export function fileRefusalError(problem: FileProblem, message: string, file: string): EngineError {
  return new EngineError(problem.code, message, {
    path: file,
    ...(problem.kind ? { kind: problem.kind } : {}),
    ...(problem.errno ? { errno: problem.errno } : {}),
  });
}

/** "Cannot read "data.csv": it is a folder, not a file." — the app's and the engine's wording. */
export const cannotRead = (file: string, problem: FileProblem): string =>
  `Cannot read "${file}": ${problem.reason}.`;

/**
 * Opens `file` for reading if it is a regular file we may read, else throws its refusal. The handle
 * is the caller's to read and close. `message` words a refusal (default: cannotRead).
 */
export async function openRegularFile(
  file: string,
  message: (problem: FileProblem) => string = (p) => cannotRead(file, p),
): Promise<{ handle: FileHandle; size: number }> {
  const refuse = (problem: FileProblem) => fileRefusalError(problem, message(problem), file);
  let info: Stats;
  try {
    info = await stat(file);
  } catch (err) {
    throw refuse(problemFromErrno(err));
  }
  const kind = problemFromStats(info);
  if (kind) throw refuse(kind);
  let handle: FileHandle;
  try {
    // O_NONBLOCK: no effect on a regular file; keeps a FIFO swapped in since the stat from blocking.
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw refuse(problemFromErrno(err));
  }
  try {
    const opened = await handle.stat();
    const swapped = problemFromStats(opened);
    if (swapped) throw refuse(swapped);
    return { handle, size: opened.size };
  } catch (err) {
    await handle.close().catch(() => {});
    throw err;
  }
}

/** Throws the refusal of `file` unless it is a regular file we may read; returns its size. */
export async function checkReadableFile(
  file: string,
  message?: (problem: FileProblem) => string,
): Promise<number> {
  const { handle, size } = await openRegularFile(file, message);
  await handle.close();
  return size;
}
