/**
 * A data file's identity for the project file: path, size, modification time and SHA-256 of its
 * bytes (streamed, so a large file costs no memory and the main process stays responsive between
 * chunks). The hash decides "changed"; size is the cheap first check; mtime is kept only to show.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { DataSource } from '../../shared/project/schema';

export async function fingerprintFile(filePath: string): Promise<DataSource> {
  const info = await stat(filePath);
  return { path: filePath, size: info.size, mtimeMs: info.mtimeMs, sha256: await sha256File(filePath) };
}

export async function sha256File(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(filePath, { highWaterMark: 1 << 20 }))
    hash.update(chunk as Buffer);
  return hash.digest('hex');
}
