/**
 * Reads a JSON file that a user hands us (a model file, --init-params) as text, bounded the way the
 * app bounds it: refused if it is not a regular readable file (fileRefusal.ts), larger than
 * `limits.bytes` (from its size, before a byte is read), or holding more values or deeper nesting
 * than `limits` allow (counted from the bytes before JSON.parse builds anything, jsonShape.ts). The
 * caller parses the text; a UTF-8 byte order mark is dropped.
 */
import { EngineError } from '../../shared/errors';
import type { JsonFileLimits } from '../../shared/project/jsonLimits';
import { FileRefusalCodes, cannotRead, openRegularFile, type FileProblem } from './fileRefusal';
import { jsonShape } from './jsonShape';

export interface JsonFileWords {
  /** How a refusal names the file: `cannot read m.json` (CLI) or `Cannot read "m.json"` (app). */
  cannotRead(problem: FileProblem): string;
  /** What the file is, for the size messages ("The model file", "--init-params m.json"). */
  what: string;
}

const mb = (bytes: number): string => `${Math.round(bytes / 2 ** 20)} MB`;

export async function readJsonFileText(
  file: string,
  limits: JsonFileLimits,
  words: JsonFileWords = { cannotRead: (p) => cannotRead(file, p), what: `"${file}"` },
): Promise<string> {
  const { handle, size } = await openRegularFile(file, words.cannotRead);
  let bytes: Buffer;
  try {
    if (size > limits.bytes) {
      throw tooLarge(
        `${words.what} is ${mb(size)}; files of this kind are at most ${mb(limits.bytes)}.`,
        file,
        'bytes',
      );
    }
    // Read at most one byte past the limit: a file growing after the stat cannot make us read more.
    const buffer = Buffer.alloc(Math.min(size, limits.bytes) + 1);
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled === buffer.length) break;
    }
    if (filled > limits.bytes) {
      throw tooLarge(`${words.what} grew past ${mb(limits.bytes)} while it was read.`, file, 'bytes');
    }
    bytes = buffer.subarray(0, filled);
  } finally {
    await handle.close().catch(() => {});
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  const shape = jsonShape(bytes, limits);
  if (!shape.ok) {
    throw tooLarge(
      shape.exceeded === 'values'
        ? `${words.what} holds more than ${limits.values.toLocaleString('en')} values, more than a file of this kind ever needs.`
        : `${words.what} nests more than ${limits.depth} levels deep, deeper than a file of this kind ever does.`,
      file,
      shape.exceeded,
    );
  }
  return bytes.toString('utf8');
}

function tooLarge(message: string, file: string, exceeded: string): EngineError {
  return new EngineError(FileRefusalCodes.TooLarge, message, { path: file, exceeded });
}
