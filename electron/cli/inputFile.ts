import path from 'node:path';
import { checkReadableFile } from '../common/fileRefusal';

/**
 * An input file's absolute path, once it is known to be a regular file we may read. A missing file,
 * a folder, a named pipe or device, a symbolic-link loop or a forbidden file is refused here, in
 * the words the user typed ("cannot read data.csv: no such file"), with its code (fileRefusal.ts).
 */
export async function existingFile(file: string): Promise<string> {
  const absolute = path.resolve(file);
  await checkReadableFile(absolute, (problem) => `cannot read ${file}: ${problem.reason}`);
  return absolute;
}
