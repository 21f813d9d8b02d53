/**
 * The engine process's stdout and stderr, read as lines: each line goes to a sink (engine.log in the
 * app, the test runner's stderr in tests), and the last few are kept so that a crash can be
 * explained (V8 prints "JavaScript heap out of memory" just before it aborts; see engineExit.ts).
 */
import { StringDecoder } from 'node:string_decoder';

export type EngineStream = 'stdout' | 'stderr';
export type EngineOutputSink = (stream: EngineStream, line: string) => void;

/** Forwards to the parent's own streams: what `stdio: 'inherit'` did, line by line. */
export const inheritOutput: EngineOutputSink = (stream, line) => {
  (stream === 'stdout' ? process.stdout : process.stderr).write(line + '\n');
};

/** The last `keep` lines of a process's output, oldest first. */
export class OutputTail {
  private readonly buffer: string[] = [];
  constructor(private readonly keep = 40) {}
  push(line: string): void {
    this.buffer.push(line);
    if (this.buffer.length > this.keep) this.buffer.shift();
  }
  get lines(): readonly string[] {
    return this.buffer;
  }
}

/** Longest line passed on whole; a process printing without newlines is cut into pieces this long. */
const MAX_LINE = 8192;

/**
 * Splits `stream` into lines for `sink` and `tail`. Returns a function that flushes a last line
 * without a newline; call it when the process has exited.
 */
export function readLines(
  stream: NodeJS.ReadableStream | null | undefined,
  name: EngineStream,
  sink: EngineOutputSink,
  tail: OutputTail,
): () => void {
  if (!stream) return () => undefined;
  const decoder = new StringDecoder('utf8');
  let pending = '';
  const emit = (line: string) => {
    tail.push(line);
    try {
      sink(name, line);
    } catch {
      // A sink that fails (closed stream) must not break the engine's lifecycle.
    }
  };
  stream.on('data', (chunk: Buffer | string) => {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let newline: number;
    while ((newline = pending.indexOf('\n')) >= 0) {
      emit(pending.slice(0, newline).replace(/\r$/, ''));
      pending = pending.slice(newline + 1);
    }
    while (pending.length > MAX_LINE) {
      emit(pending.slice(0, MAX_LINE));
      pending = pending.slice(MAX_LINE);
    }
  });
  // The stream errors only if the pipe breaks; the exit handler reports the process's end.
  stream.on('error', () => undefined);
  return () => {
    pending += decoder.end();
    if (pending !== '') emit(pending);
    pending = '';
  };
}
