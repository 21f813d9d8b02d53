import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EngineError } from '../../../shared/errors';
import { MODEL_FILE_LIMITS } from '../../../shared/project/jsonLimits';
import { readJsonFileText } from '../../../electron/common/jsonFile';
import { readModelFile } from '../../../electron/common/readModelFile';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-json-file-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function refusal(promise: Promise<unknown>): Promise<EngineError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof EngineError) return err;
    throw err;
  }
  throw new Error('accepted');
}

const small = { bytes: 1000, values: 10, depth: 3 };

describe('readJsonFileText: a JSON file read whole, within its limits', () => {
  it('returns the text, without a UTF-8 byte order mark', async () => {
    const file = path.join(tmp, 'bom.json');
    writeFileSync(file, '\uFEFF{"a": [1, 2]}');
    expect(await readJsonFileText(file, small)).toBe('{"a": [1, 2]}');
  });

  it('refuses a file over the byte limit from its size, before reading it: too_large', async () => {
    const file = path.join(tmp, 'huge.json');
    writeFileSync(file, '');
    truncateSync(file, MODEL_FILE_LIMITS.bytes + 2 ** 20); // sparse: nothing written, nothing read
    const err = await refusal(readModelFile(file));
    expect(err.code).toBe('too_large');
    expect(err.message).toBe('The model file "huge.json" is 65 MB; files of this kind are at most 64 MB.');
  });

  it('refuses more values or deeper nesting than allowed before JSON.parse: too_large', async () => {
    const many = path.join(tmp, 'many.json');
    writeFileSync(many, `[${new Array(11).fill(0).join(',')}]`);
    const values = await refusal(readJsonFileText(many, small));
    expect(values.code).toBe('too_large');
    expect(values.details).toMatchObject({ exceeded: 'values' });
    const deep = path.join(tmp, 'deep.json');
    writeFileSync(deep, '[[[[1]]]]');
    const depth = await refusal(readJsonFileText(deep, small));
    expect(depth.code).toBe('too_large');
    expect(depth.message).toContain('nests more than 3 levels deep');
  });

  it('a model file of 8 million zeros (16 MB) is refused from its bytes, quickly and without parsing', async () => {
    const file = path.join(tmp, 'zeros.json');
    writeFileSync(file, `{"format":"mixlab-model","weights":[${'0,'.repeat(MODEL_FILE_LIMITS.values)}0]}`);
    const started = Date.now();
    const err = await refusal(readModelFile(file));
    expect(err.code).toBe('too_large');
    expect(err.message).toBe(
      'The model file "zeros.json" holds more than 8,000,000 values, more than a file of this kind ever needs.',
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a folder or a missing file is refused by its file code', async () => {
    expect((await refusal(readModelFile(tmp))).code).toBe('not_a_file');
    const missing = await refusal(readModelFile(path.join(tmp, 'nope.json')));
    expect(missing.code).toBe('file_not_found');
    expect(missing.message).toBe('Cannot read "nope.json": no such file.');
  });
});
