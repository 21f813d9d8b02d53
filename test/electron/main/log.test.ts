import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RotatingLog } from '../../../electron/main/log';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mixlab-log-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

const fixedClock = () => new Date('2026-03-01T12:34:56.789Z');
/** Every line this test writes is exactly this long (timestamp, level, a 3-digit counter, newline). */
const LINE = '2026-03-01T12:34:56.789Z INFO  line 000\n'.length;

describe('RotatingLog', () => {
  it('writes timestamped, levelled lines to <name>.log, creating the folder', () => {
    const dir = path.join(tempDir(), 'nested', 'logs');
    const log = new RotatingLog({ dir, name: 'main', now: fixedClock });
    log.info('engine started (pid 42)');
    log.error('engine crashed\n  second line\n');
    expect(readFileSync(path.join(dir, 'main.log'), 'utf8')).toBe(
      '2026-03-01T12:34:56.789Z INFO  engine started (pid 42)\n' +
        '2026-03-01T12:34:56.789Z ERROR engine crashed\n' +
        '2026-03-01T12:34:56.789Z ERROR   second line\n',
    );
  });

  it('rotates before a line would pass the size limit: main.log → main.1.log → main.2.log', () => {
    const dir = tempDir();
    // Room for exactly 3 lines per file.
    const log = new RotatingLog({ dir, name: 'main', maxBytes: 3 * LINE, maxFiles: 5, now: fixedClock });
    for (let i = 0; i < 7; i++) log.info(`line ${String(i).padStart(3, '0')}`);
    const read = (f: string) => readFileSync(path.join(dir, f), 'utf8').trim().split('\n');
    expect(read('main.2.log').map((l) => l.slice(-3))).toEqual(['000', '001', '002']);
    expect(read('main.1.log').map((l) => l.slice(-3))).toEqual(['003', '004', '005']);
    expect(read('main.log').map((l) => l.slice(-3))).toEqual(['006']);
    for (const f of readdirSync(dir)) expect(statSync(path.join(dir, f)).size).toBeLessThanOrEqual(3 * LINE);
  });

  it('keeps at most maxFiles files, dropping the oldest lines', () => {
    const dir = tempDir();
    const log = new RotatingLog({ dir, name: 'engine', maxBytes: 2 * LINE, maxFiles: 3, now: fixedClock });
    for (let i = 0; i < 20; i++) log.info(`line ${String(i).padStart(3, '0')}`);
    expect(readdirSync(dir).sort()).toEqual(['engine.1.log', 'engine.2.log', 'engine.log']);
    const all = ['engine.2.log', 'engine.1.log', 'engine.log']
      .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').trim().split('\n'))
      .map((l) => l.slice(-3));
    expect(all).toEqual(['014', '015', '016', '017', '018', '019']);
  });

  it('continues an existing main.log after a restart and counts its size', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'main.log'), 'x'.repeat(2 * LINE - 1) + '\n');
    const log = new RotatingLog({ dir, name: 'main', maxBytes: 3 * LINE, now: fixedClock });
    log.info('line 001');
    expect(existsSync(path.join(dir, 'main.1.log'))).toBe(false);
    log.info('line 002');
    expect(readFileSync(path.join(dir, 'main.1.log'), 'utf8')).toMatch(/^x+\n.*line 001\n$/);
    expect(readFileSync(path.join(dir, 'main.log'), 'utf8')).toMatch(/line 002\n$/);
  });

  it('never throws when the folder cannot be written, and resumes once it can', () => {
    const root = tempDir();
    // A regular file where the folder should be: mkdir and append fail even for root.
    const blocked = path.join(root, 'logs');
    writeFileSync(blocked, 'not a folder');
    const log = new RotatingLog({ dir: path.join(blocked, 'sub'), name: 'main', maxBytes: LINE });
    expect(() => {
      for (let i = 0; i < 5; i++) log.error(`line ${String(i).padStart(3, '0')}`);
    }).not.toThrow();
    expect(readFileSync(blocked, 'utf8')).toBe('not a folder');

    rmSync(blocked);
    log.info('line 099');
    expect(readFileSync(path.join(blocked, 'sub', 'main.log'), 'utf8')).toMatch(/INFO {2}line 099\n$/);
  });

  it('writes an over-long line whole, alone in its file', () => {
    const dir = tempDir();
    const log = new RotatingLog({ dir, name: 'main', maxBytes: 64, maxFiles: 2, now: fixedClock });
    log.info('short');
    log.info('y'.repeat(200));
    expect(readFileSync(path.join(dir, 'main.log'), 'utf8')).toContain('y'.repeat(200));
    expect(readFileSync(path.join(dir, 'main.1.log'), 'utf8')).toContain('short');
  });
});
