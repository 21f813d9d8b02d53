import { stat } from 'node:fs/promises';
import path from 'node:path';
import { EngineError } from '../../shared/errors';

/** An input file's absolute path; a missing file is reported here, in the user's words. */
export async function existingFile(file: string): Promise<string> {
  const absolute = path.resolve(file);
  const info = await stat(absolute).catch(() => null);
  if (!info) throw new EngineError('file_not_found', `cannot read ${file}: no such file`);
  if (!info.isFile()) throw new EngineError('file_not_found', `cannot read ${file}: not a file`);
  return absolute;
}
