import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  symlinkSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { EngineError } from '../../../shared/errors';
import {
  checkDataSource,
  extractEmbeddedData,
  openProjectFile,
  saveProjectFile,
} from '../../../electron/main/projectFiles';
import { writeFileAtomic } from '../../../electron/common/atomicWrite';
import { sameDoubles, sampleState } from '../../shared/project/projectFixture';

const irisCsv = fileURLToPath(new URL('../../fixtures/data/iris.csv', import.meta.url));
const appVersion = '0.1.0-test';
let tmp: string;
let child: string;

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-project-'));
  // The child runs as an unprivileged user when we are root (see the read-only test): it must be
  // able to enter the folder and read the bundle.
  chmodSync(tmp, 0o755);
  child = path.join(tmp, 'atomicChild.cjs');
  buildSync({
    entryPoints: [fileURLToPath(new URL('./atomicChild.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: child,
    logLevel: 'silent',
  });
});
afterAll(() => {
  spawnSync('chmod', ['-R', 'u+w', tmp]);
  rmSync(tmp, { recursive: true, force: true });
});

function folder(name: string): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function refusal(promise: Promise<unknown>): Promise<EngineError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(EngineError);
  return err as EngineError;
}

describe('save and reopen a project', () => {
  it('round trip: identical settings, parameters bit for bit, sweep and view state; data source ok', async () => {
    const dir = folder('roundtrip');
    const data = path.join(dir, 'iris.csv');
    copyFileSync(irisCsv, data);
    const state = sampleState(data);
    const file = path.join(dir, 'analysis.mixlab');
    const saved = await saveProjectFile(file, state, {
      appVersion,
      now: () => new Date('2026-11-22T10:42:00Z'),
    });
    expect(saved.savedAt).toBe('2026-11-22T10:42:00.000Z');
    expect(saved.dataSource?.size).toBe(readFileSync(irisCsv).length);

    const opened = await openProjectFile(file);
    expect(opened.dataSource.state).toBe('ok');
    const { project } = opened;
    expect(project).toMatchObject({
      format: 'mixlab-project',
      version: 1,
      appVersion,
      savedAt: saved.savedAt,
    });
    expect(project.dataSource).toEqual(saved.dataSource);
    expect(project.selection).toEqual(state.selection);
    expect(project.modelSettings).toEqual(state.modelSettings);
    expect(project.sweep).toEqual(state.sweep);
    expect(project.viewState).toEqual(state.viewState);
    expect(project.currentFitId).toBe('fit-2');
    project.fits.forEach((fit, i) => {
      for (const key of ['weights', 'means', 'covariances', 'precisionsCholesky'] as const)
        expect(sameDoubles(fit.params[key], state.fits[i].params[key])).toBe(true);
      expect(fit.summary).toEqual(state.fits[i].summary);
    });
    // Saving what was opened writes the same bytes (nothing drifts through a save/open cycle).
    const again = path.join(dir, 'again.mixlab');
    const { format: _f, version: _v, savedAt: _s, appVersion: _a, ...reopenedState } = project;
    await saveProjectFile(
      again,
      { ...reopenedState, dataSource: { path: data } },
      { appVersion, now: () => new Date(saved.savedAt) },
    );
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(file, 'utf8'));
  });

  it('moved data: state missing; locating the moved file is ok', async () => {
    const dir = folder('moved');
    const data = path.join(dir, 'iris.csv');
    copyFileSync(irisCsv, data);
    const file = path.join(dir, 'p.mixlab');
    await saveProjectFile(file, sampleState(data), { appVersion });
    const moved = path.join(dir, 'elsewhere.csv');
    renameSync(data, moved);
    const opened = await openProjectFile(file);
    expect(opened.dataSource.state).toBe('missing');
    expect(opened.dataSource.message).toContain('is not there any more (moved, renamed or deleted)');
    // The models still open without data.
    expect(opened.project.fits).toHaveLength(4);
    expect((await checkDataSource(opened.project.dataSource, moved)).state).toBe('ok');
  });

  it('changed data: same size but different bytes, or a different size, is "changed"', async () => {
    const dir = folder('changed');
    const data = path.join(dir, 'iris.csv');
    copyFileSync(irisCsv, data);
    const file = path.join(dir, 'p.mixlab');
    await saveProjectFile(file, sampleState(data), { appVersion });
    const bytes = readFileSync(data);
    bytes[bytes.indexOf(0x35)] = 0x36; // one digit 5 → 6
    writeFileSync(data, bytes);
    const sameSize = await openProjectFile(file);
    expect(sameSize.dataSource.state).toBe('changed');
    expect(sameSize.dataSource.message).toContain(
      'its content differs (SHA-256), though the size is the same',
    );
    appendFileSync(data, '5.0,3.0,1.0,0.2,setosa\n');
    const bigger = await openProjectFile(file);
    expect(bigger.dataSource.state).toBe('changed');
    expect(bigger.dataSource.message).toMatch(/its size is \d+ bytes, it was \d+/);
  });

  it('a project opened without its data saves again, keeping the stored fingerprint', async () => {
    const dir = folder('without-data');
    const data = path.join(dir, 'iris.csv');
    copyFileSync(irisCsv, data);
    const file = path.join(dir, 'p.mixlab');
    const saved = await saveProjectFile(file, sampleState(data), { appVersion });
    rmSync(data);
    const opened = await openProjectFile(file);
    expect(opened.dataSource.state).toBe('missing');
    const { format: _f, version: _v, savedAt: _s, appVersion: _a, dataSource, ...rest } = opened.project;
    const known = { path: data, known: dataSource! };
    const resaved = await saveProjectFile(
      path.join(dir, 'q.mixlab'),
      { ...rest, dataSource: known },
      { appVersion },
    );
    expect(resaved.dataSource).toEqual(saved.dataSource);
    // Without the stored fingerprint there is nothing true to write: refused, saying why.
    const err = await refusal(
      saveProjectFile(path.join(dir, 'r.mixlab'), { ...rest, dataSource: { path: data } }, { appVersion }),
    );
    expect(err.code).toBe('data_unreadable');
    expect(existsSync(path.join(dir, 'r.mixlab'))).toBe(false);
  });

  it('embedded data travels with the project and is restored byte for byte', async () => {
    const dir = folder('embedded');
    const data = path.join(dir, 'iris.csv');
    copyFileSync(irisCsv, data);
    const file = path.join(dir, 'p.mixlab');
    const saved = await saveProjectFile(file, sampleState(data), { appVersion, embedData: true });
    expect(saved.embedded).toBe(true);
    rmSync(data);
    const opened = await openProjectFile(file);
    expect(opened.dataSource.state).toBe('missing');
    const restored = await extractEmbeddedData(opened.project, path.join(dir, 'appdata'));
    expect(path.basename(restored)).toBe('iris.csv');
    expect(readFileSync(restored).equals(readFileSync(irisCsv))).toBe(true);
    expect((await checkDataSource(opened.project.dataSource, restored)).state).toBe('ok');
  });
});

describe('opening damaged or foreign files', () => {
  let good: string;
  beforeAll(async () => {
    const dir = folder('damaged');
    good = path.join(dir, 'good.mixlab');
    await saveProjectFile(good, sampleState(null), { appVersion });
  });

  it('corrupt JSON on disk: project_corrupt with the place', async () => {
    const file = path.join(path.dirname(good), 'corrupt.mixlab');
    writeFileSync(file, readFileSync(good, 'utf8').replace('"fits"', '"fits" ]'));
    const err = await refusal(openProjectFile(file));
    expect(err.code).toBe('project_corrupt');
    expect(err.message).toMatch(/parsing stopped at line \d+, column \d+/);
  });

  it('truncated file (a copy cut off): project_corrupt, incomplete', async () => {
    const file = path.join(path.dirname(good), 'cut.mixlab');
    const text = readFileSync(good);
    writeFileSync(file, text.subarray(0, Math.floor(text.length * 0.7)));
    const err = await refusal(openProjectFile(file));
    expect(err.code).toBe('project_corrupt');
    expect(err.message).toContain('incomplete');
  });

  it('future version: project_too_new', async () => {
    const file = path.join(path.dirname(good), 'future.mixlab');
    writeFileSync(file, readFileSync(good, 'utf8').replace('"version": 1', '"version": 3'));
    const err = await refusal(openProjectFile(file));
    expect(err.code).toBe('project_too_new');
    expect(err.message).toContain('made by a newer Mixture Lab (format 3); this version reads up to 1');
  });

  it('a file over 512 MB is refused before it is read', async () => {
    const file = path.join(path.dirname(good), 'huge.mixlab');
    writeFileSync(file, '');
    truncateSync(file, 513 * 2 ** 20); // sparse: no disk used, no time spent
    const err = await refusal(openProjectFile(file));
    expect(err.code).toBe('project_invalid');
    expect(err.message).toBe('The project file is 513 MB; project files are at most 512 MB.');
  });
});

describe('atomic save', () => {
  it('a save into a read-only folder fails with save_failed in words and leaves the old file intact', () => {
    // Root ignores permission bits, so when the tests run as root the save runs in a child process
    // as user "nobody" (uid 65534); otherwise as ourselves. Either way the folder is mode 0555.
    const dir = folder('readonly');
    const file = path.join(dir, 'p.mixlab');
    writeFileSync(file, 'old contents');
    chmodSync(file, 0o644);
    chmodSync(dir, 0o555);
    const asRoot = process.getuid?.() === 0;
    const res = spawnSync(process.execPath, [child, 'save', file, 'new contents'], {
      encoding: 'utf8',
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    chmodSync(dir, 0o755);
    const outcome = JSON.parse(res.stdout);
    expect(outcome.ok).toBe(false);
    expect(outcome.code).toBe('save_failed');
    expect(outcome.message).toBe(
      `Could not save "${file}": permission denied (EACCES). The previous file, if any, is unchanged.`,
    );
    expect(readFileSync(file, 'utf8')).toBe('old contents');
    expect(readdirSync(dir)).toEqual(['p.mixlab']);
  });

  it('a save whose folder path runs through a file fails with save_failed (not a folder)', async () => {
    const blocker = path.join(folder('blocked'), 'plain-file');
    writeFileSync(blocker, 'x');
    const err = await refusal(writeFileAtomic(path.join(blocker, 'p.mixlab'), '{}'));
    expect(err.code).toBe('save_failed');
    expect(err.message).toContain('a part of the path is not a folder (ENOTDIR)');
  });

  it('a process killed between write and rename leaves the old file intact; the next save removes its temp', async () => {
    const dir = folder('killed');
    const file = path.join(dir, 'p.mixlab');
    writeFileSync(file, 'old contents');
    const proc = spawn(process.execPath, [child, 'hang', file, 'half-saved new contents'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const tempPath = await new Promise<string>((resolve, reject) => {
      proc.stdout.on('data', (chunk: Buffer) => {
        const m = /^written (.+)$/m.exec(chunk.toString());
        if (m) resolve(m[1]);
      });
      proc.on('exit', () => reject(new Error('child exited early')));
    });
    const exited = new Promise((resolve) => proc.on('exit', resolve));
    proc.kill('SIGKILL');
    await exited;
    expect(readFileSync(file, 'utf8')).toBe('old contents');
    expect(readFileSync(tempPath, 'utf8')).toBe('half-saved new contents');
    // The stale temp is ignored by open and cleaned by the next save of the same file.
    await writeFileAtomic(file, 'new contents');
    expect(readFileSync(file, 'utf8')).toBe('new contents');
    expect(existsSync(tempPath)).toBe(false);
    expect(readdirSync(dir)).toEqual(['p.mixlab']);
  });
});

describe('opening a path that is no project file', () => {
  it('a folder, a FIFO, a symlink loop or a missing file: refused by its code at once, never read', async () => {
    const dir = folder('not-files');
    const fifo = path.join(dir, 'pipe.mixlab');
    spawnSync('mkfifo', [fifo]);
    const loop = path.join(dir, 'loop.mixlab');
    symlinkSync(path.join(dir, 'loop2.mixlab'), loop);
    symlinkSync(loop, path.join(dir, 'loop2.mixlab'));
    const cases: [string, string, string][] = [
      [dir, 'not_a_file', 'it is a folder, not a file'],
      [
        fifo,
        'special_file',
        'it is a named pipe (FIFO), not a regular file (reading it could block or never end)',
      ],
      [loop, 'symlink_loop', 'its symbolic links form a loop and lead to no file'],
      [path.join(dir, 'gone.mixlab'), 'file_not_found', 'no such file'],
      [
        '/dev/zero',
        'special_file',
        'it is a character device, not a regular file (reading it could block or never end)',
      ],
    ];
    for (const [file, code, reason] of cases) {
      const err = await refusal(openProjectFile(file));
      expect(err.code, file).toBe(code);
      expect(err.message).toBe(`Cannot open "${file}": ${reason}.`);
    }
  });
});
