import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EngineError } from '../../../shared/errors';
import { existingFile } from '../../../electron/cli/inputFile';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-input-file-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('existingFile', () => {
  it('returns the absolute path of a file', async () => {
    const file = path.join(tmp, 'data.csv');
    writeFileSync(file, 'x\n1\n');
    expect(await existingFile(path.relative(process.cwd(), file))).toBe(file);
  });

  it('reports a missing path as file_not_found and a folder as not_a_file, in the words the user typed', async () => {
    const missing = existingFile('nope/data.csv');
    await expect(missing).rejects.toBeInstanceOf(EngineError);
    await expect(missing).rejects.toMatchObject({
      code: 'file_not_found',
      message: 'cannot read nope/data.csv: no such file',
    });
    await expect(existingFile(tmp)).rejects.toMatchObject({
      code: 'not_a_file',
      message: `cannot read ${tmp}: it is a folder, not a file`,
    });
  });
});
