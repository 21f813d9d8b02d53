/**
 * Project files on disk (main process): save a `.mixlab` atomically with the data file's fingerprint
 * (and optionally the data itself, gzip+base64), open one — size cap before reading, parse, migrate,
 * validate (shared/project) — and check whether its data file is still there and unchanged.
 */
import { mkdir } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { Readable, Transform } from 'node:stream';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { EngineError } from '../../shared/errors';
import { parseProject, ProjectCodes, serializeProject } from '../../shared/project/parseProject';
import {
  PROJECT_FORMAT,
  PROJECT_LIMITS,
  PROJECT_VERSION,
  type DataSource,
  type EmbeddedData,
  type MixlabProject,
  type ProjectState,
} from '../../shared/project/schema';
import type { DataSourceStatus, OpenedProject, SavedProject } from '../../shared/project/status';
import { openAtomic, writeFileAtomic } from '../common/atomicWrite';
import { IMPORT_LIMITS } from '../../shared/data/importLimits';
import { fingerprintFile } from './fileFingerprint';
import { jsonShape, type JsonShapeLimits } from '../common/jsonShape';
import { openRegularFile } from '../common/fileRefusal';

export interface SaveProjectOptions {
  appVersion: string;
  /** Store a compressed copy of the data file in the project. */
  embedData?: boolean;
  now?: () => Date;
  /** How the data file is fingerprinted (autosave passes a cached one). */
  fingerprint?: (filePath: string) => Promise<DataSource>;
}

export async function saveProjectFile(
  target: string,
  state: ProjectState,
  options: SaveProjectOptions,
): Promise<SavedProject> {
  const project = await buildProject(state, options);
  const bytes = await writeFileAtomic(target, serializeProject(project));
  return {
    path: target,
    savedAt: project.savedAt,
    bytes,
    dataSource: project.dataSource,
    embedded: project.embeddedData !== undefined,
  };
}

/** The document written for `state`: the renderer's state plus format, version, time and fingerprint. */
export async function buildProject(state: ProjectState, options: SaveProjectOptions): Promise<MixlabProject> {
  const { dataSource: source, ...rest } = state;
  let dataSource: DataSource | null = null;
  let embeddedData: EmbeddedData | undefined;
  if (source) {
    let readable = true;
    try {
      dataSource = await (options.fingerprint ?? fingerprintFile)(source.path);
    } catch (err) {
      // Opened without its data: keep the fingerprint the project had, so "locate" still works later.
      if (!source.known || source.known.path !== source.path || options.embedData) {
        throw new EngineError(
          'data_unreadable',
          `Cannot save the project${options.embedData ? ' with its data' : ''}: the data file "${source.path}" cannot be read (${(err as Error).message}).`,
        );
      }
      dataSource = source.known;
      readable = false;
    }
    if (options.embedData && readable) embeddedData = await embed(source.path, dataSource);
  }
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    savedAt: (options.now?.() ?? new Date()).toISOString(),
    appVersion: options.appVersion,
    dataSource,
    ...rest,
    ...(embeddedData ? { embeddedData } : {}),
  };
}

/**
 * The data file gzip-compressed, streamed: the main process never holds the data file whole, only
 * the compressed bytes, and stops as soon as they pass the share of the project file embedded data
 * may take (half of it as base64, i.e. 3/8 of it in bytes).
 */
async function embed(filePath: string, source: DataSource): Promise<EmbeddedData> {
  const maxCompressed = Math.floor((PROJECT_LIMITS.fileBytes / 2 / 4) * 3);
  const tooLarge = () =>
    new EngineError(
      'embed_too_large',
      `The data file is too large to embed in the project (${Math.round(source.size / 2 ** 20)} MB); save without embedding.`,
    );
  const chunks: Buffer[] = [];
  let compressed = 0;
  // The bytes embedded are hashed as they are read: the fingerprint was taken by an earlier read,
  // and a file rewritten in between must not be saved under the old hash (it would never unpack).
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(createReadStream(filePath, { highWaterMark: 1 << 20 }), tap, createGzip(), async (gz) => {
    for await (const chunk of gz as AsyncIterable<Buffer>) {
      compressed += chunk.length;
      if (compressed > maxCompressed) throw tooLarge();
      chunks.push(chunk);
    }
  });
  if (size !== source.size || hash.digest('hex') !== source.sha256) {
    throw new EngineError(
      'data_changed',
      `The data file "${path.basename(filePath)}" changed while the project was being saved; save again.`,
    );
  }
  const data = Buffer.concat(chunks).toString('base64');
  if (data.length > PROJECT_LIMITS.fileBytes / 2) throw tooLarge();
  return {
    encoding: 'gzip+base64',
    fileName: path.basename(filePath),
    size: source.size,
    sha256: source.sha256,
    data,
  };
}

/** Reads and validates a project; refuses with project_* codes (see shared/project/parseProject.ts). */
export async function openProjectFile(file: string): Promise<OpenedProject> {
  const project = await readProjectFile(file);
  return { path: file, project, dataSource: await checkDataSource(project.dataSource) };
}

export async function readProjectFile(file: string): Promise<MixlabProject> {
  // A folder, FIFO, device, link loop or forbidden file is refused by its code before any read.
  const { handle, size } = await openRegularFile(file, (p) => `Cannot open "${file}": ${p.reason}.`);
  let bytes: Buffer;
  try {
    // Checked before reading: a huge file must not be loaded into memory to be refused.
    if (size > PROJECT_LIMITS.fileBytes) {
      throw new EngineError(
        ProjectCodes.Invalid,
        `The project file is ${Math.round(size / 2 ** 20)} MB; project files are at most ${PROJECT_LIMITS.fileBytes / 2 ** 20} MB.`,
      );
    }
    if (size === 0) {
      throw new EngineError(
        ProjectCodes.Corrupt,
        'The project file is empty (0 bytes): it was probably not saved completely.',
      );
    }
    bytes = await handle.readFile();
  } finally {
    await handle.close().catch(() => {});
  }
  if (bytes.length > PROJECT_LIMITS.fileBytes) {
    throw new EngineError(
      ProjectCodes.Invalid,
      'The project file grew past its size limit while it was read.',
    );
  }
  // A UTF-8 byte order mark (left by some editors) is not part of the JSON.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  const shape = jsonShape(bytes, PROJECT_READ_LIMITS);
  if (!shape.ok) {
    throw new EngineError(
      ProjectCodes.Invalid,
      shape.exceeded === 'values'
        ? `The project file holds more than ${PROJECT_READ_LIMITS.values / 1e6} million values; Mixture Lab projects stay well below that, so this file is damaged or was not written by Mixture Lab.`
        : `The project file nests more than ${PROJECT_READ_LIMITS.depth} levels deep; a Mixture Lab project never does, so this file is damaged or was not written by Mixture Lab.`,
      { exceeded: shape.exceeded },
    );
  }
  let text: string;
  try {
    text = bytes.toString('utf8');
  } catch {
    // Just under the size cap a file can still exceed V8's longest string (2^29 - 24 characters).
    throw new EngineError(ProjectCodes.Invalid, 'The project file is too large to be read as text.');
  }
  return parseProject(text);
}

/**
 * What JSON.parse may build in the main process from a project file (see jsonShape.ts). A large real
 * project — 100 sweep cells of full covariances at K = 20, d = 50 — holds about 10 million numbers.
 */
export const PROJECT_READ_LIMITS: JsonShapeLimits = { values: 20_000_000, depth: 64 };

/**
 * Compares the stored fingerprint with the file on disk (or with `candidate`, a file the user
 * located): missing (moved or deleted), changed (size or content hash differ), or ok. A different
 * modification time alone is not a change: copying a file resets it, the bytes are what matter.
 */
export async function checkDataSource(
  stored: DataSource | null,
  candidate?: string,
): Promise<DataSourceStatus> {
  if (!stored) return { state: 'none', message: 'The project has no data file.' };
  const filePath = candidate ?? stored.path;
  let current: DataSource;
  try {
    current = await fingerprintFile(filePath);
  } catch {
    return {
      state: 'missing',
      message: `The data file "${filePath}" is not there any more (moved, renamed or deleted). Locate it, or open the project without data.`,
    };
  }
  if (current.size !== stored.size || current.sha256 !== stored.sha256) {
    const how =
      current.size !== stored.size
        ? `its size is ${current.size} bytes, it was ${stored.size}`
        : 'its content differs (SHA-256), though the size is the same';
    return {
      state: 'changed',
      message: `The data file "${filePath}" has changed since the project was saved: ${how}. The stored models still open; labels from them may no longer match the rows.`,
      current,
    };
  }
  return { state: 'ok', message: 'The data file is unchanged.', current };
}

/** Base64 characters decoded per step while extracting (a multiple of 4: whole 3-byte groups). */
const BASE64_CHUNK = 4 * 2 ** 18;

/**
 * Writes a project's embedded data to `dir` (the app's data folder) and returns the file's path.
 * Streamed: the base64 text is decoded a slice at a time and inflated into a temporary file, hashed
 * as it goes, and refused as soon as it inflates past the size the project declares (so a small
 * project cannot unpack into gigabytes: a gzip bomb stops at its declared size), or when its
 * SHA-256 does not match at the end; only then is it put in place (atomicWrite.ts). The file is
 * named by its hash, so opening the same project twice reuses it.
 */
export async function extractEmbeddedData(project: MixlabProject, dir: string): Promise<string> {
  const embedded = project.embeddedData;
  if (!embedded) throw new EngineError('no_embedded_data', 'This project does not contain its data.');
  const damaged = (why: string) =>
    new EngineError(ProjectCodes.Corrupt, `The data embedded in the project is damaged (${why}).`);
  if (embedded.size > IMPORT_LIMITS.fileBytes) {
    throw damaged(`it declares ${embedded.size} bytes, more than a data file may have`);
  }
  const folder = path.join(dir, embedded.sha256.slice(0, 16));
  await mkdir(folder, { recursive: true });
  const target = path.join(folder, path.basename(embedded.fileName) || 'data.csv');
  const file = await openAtomic(target);
  const hash = createHash('sha256');
  let inflated = 0;
  try {
    const text = embedded.data;
    const base64 = Readable.from(
      (function* () {
        for (let at = 0; at < text.length; at += BASE64_CHUNK)
          yield Buffer.from(text.slice(at, at + BASE64_CHUNK), 'base64');
      })(),
    );
    // Our own refusal, kept apart: the pipeline may reject with the stream's premature close instead.
    let refused: EngineError | null = null;
    try {
      await pipeline(base64, createGunzip(), async (gz) => {
        for await (const chunk of gz as AsyncIterable<Buffer>) {
          inflated += chunk.length;
          if (inflated > embedded.size) {
            refused = damaged(`it unpacks to more than the ${embedded.size} bytes it declares`);
            throw refused;
          }
          hash.update(chunk);
          await file.write(chunk);
        }
      });
    } catch (err) {
      if (refused) throw refused;
      if (err instanceof EngineError) throw err;
      throw damaged('it does not decompress');
    }
    if (inflated !== embedded.size)
      throw damaged(`it unpacks to ${inflated} bytes, not the ${embedded.size} it declares`);
    if (hash.digest('hex') !== embedded.sha256) throw damaged('its SHA-256 does not match');
    await file.commit();
  } catch (err) {
    await file.abort();
    throw err;
  }
  return target;
}
