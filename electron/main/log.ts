/**
 * Size-rotated log files in the app's log folder (Electron: app.getPath('logs'), which Help → Show
 * logs opens). `main.log` is written until the next line would take it past `maxBytes`; then
 * main.log → main.1.log → … → main.(maxFiles-1).log and the oldest is deleted — the scheme of
 * logrotate and electron-log, so at most `maxFiles` files of about `maxBytes` each are kept.
 *
 * Writes are synchronous appends: a line is on disk before the next statement runs, so the lines
 * just before a crash of the main process are not lost in a buffer. Lines are short and rare (app
 * and engine lifecycle, engine output), so the main thread is not held up.
 *
 * Logging never throws: a folder that cannot be created or written (read-only, full disk, a file in
 * its place) makes the log drop lines — and try again at the next one, in case the folder comes back.
 */
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface RotatingLogOptions {
  /** The log folder; created on first write. */
  dir: string;
  /** Base name without extension: "main" writes main.log, main.1.log, … */
  name: string;
  /** Rotate before a line would take the current file past this many bytes. Default 1 MiB. */
  maxBytes?: number;
  /** Files kept, the current one included. Default 5. */
  maxFiles?: number;
  /** Clock for the timestamps (tests). */
  now?: () => Date;
}

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  write(level: LogLevel, message: string): void;
}

export class RotatingLog implements Logger {
  readonly file: string;
  private readonly maxBytes: number;
  private readonly maxFiles: number;
  private readonly now: () => Date;
  /** Bytes in the current file; null = not known yet (read from disk at the next write). */
  private size: number | null = null;

  constructor(private readonly options: RotatingLogOptions) {
    this.file = path.join(options.dir, `${options.name}.log`);
    this.maxBytes = Math.max(1, options.maxBytes ?? 1024 * 1024);
    this.maxFiles = Math.max(1, Math.floor(options.maxFiles ?? 5));
    this.now = options.now ?? (() => new Date());
  }

  /** Path of the i-th file: 0 = main.log, 1 = main.1.log, … */
  fileAt(i: number): string {
    return i === 0 ? this.file : path.join(this.options.dir, `${this.options.name}.${i}.log`);
  }

  debug(message: string): void {
    this.write('debug', message);
  }
  info(message: string): void {
    this.write('info', message);
  }
  warn(message: string): void {
    this.write('warn', message);
  }
  error(message: string): void {
    this.write('error', message);
  }

  /** One line per line of `message`, each with an ISO timestamp and the level. */
  write(level: LogLevel, message: string): void {
    const stamp = `${this.now().toISOString()} ${level.toUpperCase().padEnd(5)} `;
    const body = message.trimEnd();
    if (body === '') return;
    const text = body
      .split(/\r?\n/)
      .map((line) => stamp + line + '\n')
      .join('');
    try {
      this.append(text);
    } catch {
      // Logging must never take the app down; the size is re-read at the next write.
      this.size = null;
    }
  }

  private append(text: string): void {
    const bytes = Buffer.byteLength(text);
    if (this.size === null) {
      mkdirSync(this.options.dir, { recursive: true });
      this.size = sizeOf(this.file);
    }
    // A line longer than the limit still goes in (alone in its file) rather than being lost.
    if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate();
    appendFileSync(this.file, text);
    this.size += bytes;
  }

  private rotate(): void {
    // The oldest goes (with maxFiles = 1 that is main.log itself), then each moves up one place.
    rmSync(this.fileAt(this.maxFiles - 1), { force: true });
    for (let i = this.maxFiles - 2; i >= 0; i--) {
      const from = this.fileAt(i);
      if (existsFile(from)) renameSync(from, this.fileAt(i + 1));
    }
    this.size = 0;
  }
}

function existsFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
