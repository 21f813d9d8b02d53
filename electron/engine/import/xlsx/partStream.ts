/**
 * A workbook part's inflated bytes, chunk by chunk, under the limits of xlsxLimits.ts. The size the
 * ZIP directory declares is checked first against the part limit, the compression-ratio bound and
 * the workbook's total (a bomb that declares its size is refused before one byte is inflated); then
 * every chunk that comes out of zlib is counted against that declared size, and the stream is
 * destroyed as soon as a part inflates past it (a forged directory cannot lie its way past the
 * limits): at most one chunk (256 KiB) beyond a limit is ever inflated. A part that ends short of its
 * declared size, fails to inflate, or whose CRC-32 differs from the directory's is refused as
 * damaged.
 */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { PassThrough, type Readable, type Transform } from 'node:stream';
import { createInflateRaw, crc32 } from 'node:zlib';
import { cancelledError } from '../../../../shared/errors';
import type { ZipArchive, ZipEntry } from './zipArchive';
import { XLSX_LIMITS, rejectXlsxInvalid, rejectXlsxTooLarge, type XlsxLimits } from './xlsxLimits';

const OUT_CHUNK = 256 * 1024;
const IN_CHUNK = 256 * 1024;

/** Inflated bytes of every part read so far for one import (the `totalBytes` limit). */
export interface InflateBudget {
  inflated: number;
  readonly limits: XlsxLimits;
}

export const newBudget = (limits: XlsxLimits = XLSX_LIMITS): InflateBudget => ({ inflated: 0, limits });

export interface PartStreamOptions {
  /** Largest inflated size allowed for this part (partBytes, or metaPartBytes for small parts). */
  limit: number;
  signal: AbortSignal;
  /** Called with the compressed bytes read so far (progress). */
  onCompressed?: (bytes: number) => void;
}

/**
 * Yields the part's inflated bytes. Breaking out of the loop early (a preview that has its rows)
 * stops the inflation and closes the file.
 */
export async function* partStream(
  archive: ZipArchive,
  entry: ZipEntry,
  budget: InflateBudget,
  options: PartStreamOptions,
): AsyncGenerator<Buffer> {
  const { limits } = budget;
  if (entry.size > options.limit)
    throw rejectXlsxTooLarge('part', entry.name, limits, { declared: entry.size });
  if (entry.size > Math.max(limits.ratioFloor, limits.ratio * entry.compressedSize))
    throw rejectXlsxTooLarge('ratio', entry.name, limits, { declared: entry.size });
  if (budget.inflated + entry.size > limits.totalBytes)
    throw rejectXlsxTooLarge('total', entry.name, limits, { declared: entry.size });
  const start = await archive.dataOffset(entry);
  if (entry.size > limits.ratioFloor && entry.size > limits.verifyRatio * entry.compressedSize) {
    // Better compressed than real sheets are: inflate it once, only counting (and checking the
    // CRC), before anything is parsed, so a part that lies about its size is refused in a fraction
    // of the time parsing it up to its declared size would take.
    for await (const _chunk of inflated(archive, entry, start, newBudget(limits), {
      signal: options.signal,
    })) {
      // Counted and checked inside; nothing is kept.
    }
  }
  yield* inflated(archive, entry, start, budget, options);
}

/** The part's bytes as they come out of zlib, counted against its declared size and checksummed. */
async function* inflated(
  archive: ZipArchive,
  entry: ZipEntry,
  start: number,
  budget: InflateBudget,
  options: Pick<PartStreamOptions, 'signal' | 'onCompressed'>,
): AsyncGenerator<Buffer> {
  const source: Readable =
    entry.compressedSize === 0
      ? new PassThrough().end()
      : createReadStream(archive.path, {
          start,
          end: start + entry.compressedSize - 1,
          highWaterMark: IN_CHUNK,
        });
  let compressed = 0;
  source.on('data', (chunk: Buffer) => {
    compressed += chunk.length;
    options.onCompressed?.(compressed);
  });
  const inflate: Transform =
    entry.method === 8
      ? createInflateRaw({ chunkSize: OUT_CHUNK })
      : new PassThrough({ highWaterMark: OUT_CHUNK });
  // The pipeline's own rejection is observed here; an error surfaces through the loop below.
  const piped = pipeline(source, inflate).catch((err: unknown) => err);
  let size = 0;
  let crc = 0;
  let finished = false;
  try {
    try {
      for await (const chunk of inflate as AsyncIterable<Buffer>) {
        if (options.signal.aborted) throw cancelledError();
        size += chunk.length;
        budget.inflated += chunk.length;
        // The declared size is within every limit (checked above), so stopping here bounds the rest.
        if (size > entry.size)
          throw rejectXlsxInvalid(
            `its part ${entry.name} inflates beyond the size its ZIP directory declares (a forged directory or a damaged file)`,
            { part: entry.name },
          );
        crc = crc32(chunk, crc);
        yield chunk;
      }
    } catch (err) {
      throw zlibFailure(err, entry);
    }
    const failure = await piped;
    if (failure) throw zlibFailure(failure, entry);
    finished = true;
  } finally {
    if (!finished) {
      source.destroy();
      inflate.destroy();
    }
  }
  if (size !== entry.size)
    throw rejectXlsxInvalid(
      `the file is truncated or damaged: its part ${entry.name} holds ${size} of the ${entry.size} bytes it declares`,
      { part: entry.name },
    );
  if (crc >>> 0 !== entry.crc32 >>> 0)
    throw rejectXlsxInvalid(`its part ${entry.name} is damaged (its checksum does not match)`, {
      part: entry.name,
    });
}

/** zlib's errors (Z_DATA_ERROR, an unexpected end of input) as a refusal; ours pass through. */
function zlibFailure(err: unknown, entry: ZipEntry): unknown {
  if (!(err instanceof Error) || err.name === 'EngineError') return err;
  const code = (err as NodeJS.ErrnoException).code ?? '';
  if (code.startsWith('Z_') && !/unexpected end/i.test(err.message))
    return rejectXlsxInvalid(`its part ${entry.name} is damaged (${err.message})`, { part: entry.name });
  if (code.startsWith('Z_') || /unexpected end/i.test(err.message))
    return rejectXlsxInvalid(`the file is truncated: its part ${entry.name} ends early`, {
      part: entry.name,
    });
  return err;
}

/** A small part (workbook, relationships, styles, content types) whole, as bytes. */
export async function readPart(
  archive: ZipArchive,
  entry: ZipEntry,
  budget: InflateBudget,
  signal: AbortSignal,
  limit = budget.limits.metaPartBytes,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of partStream(archive, entry, budget, { limit, signal })) chunks.push(chunk);
  return Buffer.concat(chunks);
}
