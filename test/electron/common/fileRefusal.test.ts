import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EngineError } from '../../../shared/errors';
import {
  FILE_REFUSALS,
  checkReadableFile,
  openRegularFile,
  problemFromErrno,
} from '../../../electron/common/fileRefusal';

// Real file-system objects, made here: the point is how the OS presents them, not a mock of it.
let tmp: string;
let fifo: string;
let loop: string;
let folder: string;
let file: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-file-refusal-'));
  fifo = path.join(tmp, 'pipe.csv');
  execFileSync('mkfifo', [fifo]);
  loop = path.join(tmp, 'a.csv');
  symlinkSync(path.join(tmp, 'b.csv'), loop);
  symlinkSync(loop, path.join(tmp, 'b.csv'));
  folder = path.join(tmp, 'folder.csv');
  mkdirSync(folder);
  file = path.join(tmp, 'data.csv');
  writeFileSync(file, 'x\n1\n');
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

describe('checkReadableFile refuses what is not a readable regular file, without reading it', () => {
  it('accepts a regular file and gives its size; a link to one is followed', async () => {
    expect(await checkReadableFile(file)).toBe(4);
    const link = path.join(tmp, 'link.csv');
    symlinkSync(file, link);
    expect(await checkReadableFile(link)).toBe(4);
  });

  it('a missing file, or a path through a file: file_not_found', async () => {
    const missing = await refusal(checkReadableFile(path.join(tmp, 'nope.csv')));
    expect(missing.code).toBe('file_not_found');
    expect(missing.message).toBe(`Cannot read "${path.join(tmp, 'nope.csv')}": no such file.`);
    const through = await refusal(checkReadableFile(path.join(file, 'inner.csv')));
    expect(through.code).toBe('file_not_found');
    expect(through.message).toContain('a part of the path is not a folder');
  });

  it('a folder: not_a_file', async () => {
    const err = await refusal(checkReadableFile(folder));
    expect(err.code).toBe('not_a_file');
    expect(err.message).toBe(`Cannot read "${folder}": it is a folder, not a file.`);
    expect(err.details).toMatchObject({ kind: 'directory' });
  });

  it('a FIFO with no writer: special_file at once, never opened (an open would block)', async () => {
    const started = Date.now();
    const err = await refusal(checkReadableFile(fifo));
    expect(err.code).toBe('special_file');
    expect(err.message).toContain('a named pipe (FIFO), not a regular file');
    expect(err.details).toMatchObject({ kind: 'fifo' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a device (/dev/zero, endless): special_file', async () => {
    const err = await refusal(checkReadableFile('/dev/zero'));
    expect(err.code).toBe('special_file');
    expect(err.details).toMatchObject({ kind: 'character device' });
  });

  it('symbolic links that point at each other: symlink_loop (ELOOP)', async () => {
    const err = await refusal(checkReadableFile(loop));
    expect(err.code).toBe('symlink_loop');
    expect(err.message).toContain('its symbolic links form a loop');
    expect(err.details).toMatchObject({ errno: 'ELOOP' });
  });

  it('words a refusal as the caller asks (the CLI echoes what the user typed)', async () => {
    const err = await refusal(checkReadableFile(folder, (p) => `cannot read folder.csv: ${p.reason}`));
    expect(err.message).toBe('cannot read folder.csv: it is a folder, not a file');
  });

  it('openRegularFile hands back an open handle on the file it checked', async () => {
    const { handle, size } = await openRegularFile(file);
    try {
      expect(size).toBe(4);
      expect((await handle.readFile()).toString()).toBe('x\n1\n');
    } finally {
      await handle.close();
    }
  });

  it('maps the errors of a forbidden or failing read to codes (permission checks need a non-root user: test/cli/fileRefusals.test.ts runs one)', () => {
    const errno = (code: string) => Object.assign(new Error(code), { code });
    expect(problemFromErrno(errno('EACCES')).code).toBe('permission_denied');
    expect(problemFromErrno(errno('EPERM')).code).toBe('permission_denied');
    expect(problemFromErrno(errno('ENAMETOOLONG')).code).toBe('file_not_found');
    expect(problemFromErrno(errno('EIO'))).toMatchObject({
      code: 'file_unreadable',
      reason: 'the system could not read it (EIO)',
    });
    for (const code of ['file_not_found', 'not_a_file', 'special_file', 'symlink_loop', 'permission_denied'])
      expect(FILE_REFUSALS.has(code), code).toBe(true);
  });
});

describe('the refusal codes a user can meet opening a project or a model', () => {
  it('each has a sentence in English and Simplified Chinese', async () => {
    const { default: en } = await import('../../../renderer/src/i18n/en');
    const { default: zh } = await import('../../../renderer/src/i18n/zh-CN');
    for (const code of [...FILE_REFUSALS, 'embed_not_open', 'data_changed']) {
      expect((en.project.refused as Record<string, string>)[code], code).toBeTruthy();
      expect((zh.project.refused as Record<string, string>)[code], code).toBeTruthy();
    }
  });
});
