/**
 * Files that are not what a command expects — folders, missing files, symbolic-link loops, FIFOs,
 * devices, forbidden files given as data or as a model; malformed and oversized model and
 * --init-params JSON — through the built CLI as a user runs it: each is refused with exit code 2
 * and a specific code, in well under 20 s, and nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runMixlab } from '../support/mixlabCli';
import { cliPath, fixturesDir } from '../support/paths';

const iris = path.join(fixturesDir, 'data/iris.csv');
const faithful = path.join(fixturesDir, 'data/faithful.csv');

let tmp: string;
let model: string;
const bad: Record<string, string> = {};
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-cli-refusals-'));
  bad.folder = path.join(tmp, 'folder.csv');
  mkdirSync(bad.folder);
  bad.missing = path.join(tmp, 'missing.csv');
  bad.loop = path.join(tmp, 'loop-a.csv');
  symlinkSync(path.join(tmp, 'loop-b.csv'), bad.loop);
  symlinkSync(bad.loop, path.join(tmp, 'loop-b.csv'));
  bad.fifo = path.join(tmp, 'pipe.csv');
  execFileSync('mkfifo', [bad.fifo]);
  bad.device = '/dev/zero';
  model = path.join(tmp, 'model.json');
  expect(
    runMixlab(['fit', iris, '--k', '2', '--columns', 'sepal_length,sepal_width', '--model', model]).status,
  ).toBe(0);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const CODES: Record<string, string> = {
  folder: 'not_a_file',
  missing: 'file_not_found',
  loop: 'symlink_loop',
  fifo: 'special_file',
  device: 'special_file',
};

/** Runs with --json; the refusal must be exit 2 with exactly {"error": {code, message}}, in time. */
function refused(args: string[], code: string): string {
  const started = Date.now();
  const res = runMixlab([...args, '--json'], 20_000);
  expect(Date.now() - started, `${args.join(' ')} took too long`).toBeLessThan(20_000);
  expect(res.status, `${args.join(' ')}\n${res.stdout}${res.stderr}`).toBe(2);
  const out = JSON.parse(res.stdout);
  expect(Object.keys(out)).toEqual(['error']);
  expect(out.error.code, out.error.message).toBe(code);
  return out.error.message;
}

describe.each(Object.keys(CODES))('a %s given as a file', (kind) => {
  it('mixlab inspect refuses it with its code', () => {
    refused(['inspect', bad[kind]], CODES[kind]);
  });

  it('mixlab fit and sweep refuse it as data, in the words the user typed', () => {
    expect(refused(['fit', bad[kind], '--k', '2'], CODES[kind])).toMatch(
      new RegExp(`^cannot read ${bad[kind].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: `),
    );
    refused(['sweep', bad[kind], '--k', '1-2'], CODES[kind]);
  });

  it('mixlab apply refuses it as data and as the model, writing nothing', () => {
    const out = path.join(tmp, `never-${kind}.csv`);
    refused(['apply', model, bad[kind], '--labels', out], CODES[kind]);
    refused(['apply', bad[kind], iris, '--labels', out], CODES[kind]);
    expect(existsSync(out)).toBe(false);
  });

  it('mixlab fit refuses it as --init-params, and mixlab sample as the model', () => {
    expect(refused(['fit', faithful, '--k', '2', '--init-params', bad[kind]], CODES[kind])).toMatch(
      /^cannot read --init-params /,
    );
    refused(['sample', bad[kind], '--n', '5', '--out', path.join(tmp, 'never-sample.csv')], CODES[kind]);
  });
});

describe('a file this user may not read', () => {
  // Root reads any file whatever its mode, so as root (CI) the CLI runs as user "nobody"
  // (uid 65534): the check is the same either way, and never skipped.
  it('is refused with permission_denied (mode 000)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mixlab-cli-perm-'));
    chmodSync(dir, 0o755);
    const locked = path.join(dir, 'locked.csv');
    copyFileSync(faithful, locked);
    chmodSync(locked, 0o000);
    try {
      const asRoot = process.getuid?.() === 0;
      for (const args of [
        ['inspect', locked],
        ['fit', locked, '--k', '2'],
      ]) {
        const res = spawnSync(process.execPath, [cliPath, ...args, '--json'], {
          encoding: 'utf8',
          timeout: 20_000,
          ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
        });
        expect(res.status, res.stdout + res.stderr).toBe(2);
        expect(JSON.parse(res.stdout).error.code).toBe('permission_denied');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('malformed and oversized model files', () => {
  const good = () => JSON.parse(readFileSync(model, 'utf8'));
  const write = (name: string, content: string) => {
    const file = path.join(tmp, name);
    writeFileSync(file, content);
    return file;
  };

  it.each([
    ['truncated JSON', 'model_corrupt', () => readFileSync(model, 'utf8').slice(0, 200)],
    ['a project instead of a model', 'model_foreign', () => '{"format": "mixlab-project", "version": 1}'],
    ['a newer format', 'model_too_new', () => JSON.stringify({ ...good(), version: 99 })],
    [
      'a covariance that is not positive definite',
      'model_invalid',
      () => {
        const m = good();
        delete m.precisions_cholesky;
        m.covariances[0] = [
          [1, 2],
          [2, 1],
        ];
        return JSON.stringify(m);
      },
    ],
    [
      'a factor that is not triangular',
      'model_invalid',
      () => {
        const m = good();
        m.precisions_cholesky[1][1][0] = 3;
        return JSON.stringify(m);
      },
    ],
    [
      'weights that do not sum to 1',
      'model_invalid',
      () => JSON.stringify({ ...good(), weights: [0.5, 0.6] }),
    ],
  ])('%s: apply and sample exit 2 with %s', (name, code, content) => {
    const file = write(`${name.replace(/\W+/g, '-')}.json`, content());
    const out = path.join(tmp, 'never.csv');
    refused(['apply', file, iris, '--labels', out], code);
    refused(['sample', file, '--n', '5', '--out', out], code);
    expect(existsSync(out)).toBe(false);
  });

  it('a model file over 64 MB is refused from its size: too_large', () => {
    const file = path.join(tmp, 'huge-model.json');
    writeFileSync(file, '');
    truncateSync(file, 200 * 2 ** 20); // sparse
    expect(refused(['apply', file, iris, '--labels', path.join(tmp, 'never.csv')], 'too_large')).toBe(
      'The model file "huge-model.json" is 200 MB; files of this kind are at most 64 MB.',
    );
  });

  it('--init-params of 10 million zeros is refused from its bytes: too_large', () => {
    const file = write('zeros-init.json', `{"weights": [${'0,'.repeat(10_000_000)}0]}`);
    expect(refused(['fit', faithful, '--k', '2', '--init-params', file], 'too_large')).toMatch(
      /^--init-params .*zeros-init\.json holds more than 8,000,000 values/,
    );
  });
});

describe('--init-params checked in full before the fit', () => {
  const init = (content: object) => {
    const file = path.join(tmp, `init-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(content));
    return file;
  };
  const fitWith = (file: string, ...args: string[]) =>
    refused(['fit', faithful, '--k', '2', '--init-params', file, ...args], 'invalid_arguments');

  it('an asymmetric covariance, or precisions that are not positive definite', () => {
    const covariances = [
      [
        [1, 0.5],
        [0.2, 1],
      ],
      [
        [1, 0],
        [0, 1],
      ],
    ];
    expect(fitWith(init({ covariances }))).toMatch(
      /--init-params .*: the covariance of component 1 is not symmetric: entry \[1\]\[0\] is 0\.2 but \[0\]\[1\] is 0\.5$/,
    );
    expect(fitWith(init({ precisions: [1, -1] }), '--covariance', 'spherical')).toMatch(
      /the precision of component 2 is not positive definite$/,
    );
  });

  it('a zero weight, and weights that do not sum to 1', () => {
    expect(fitWith(init({ weights: [0, 1] }))).toMatch(/weights\[0\] must be positive \(got 0\)$/);
    expect(fitWith(init({ weights: [0.5, 0.4] }))).toMatch(/sum to 1/);
  });
});
