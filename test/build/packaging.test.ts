import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { builtinModules, createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths';
import { ensureRendererBuilt } from '../support/ensureBuilt';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as {
  listPackage(p: string): string[];
  extractFile(p: string, f: string): Buffer;
};

// @electron/fuses finds the fuse wire after this sentinel; a real Electron binary has one.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's own defaults for the 8 V1 fuses: RunAsNode on, cookie encryption off, NODE_OPTIONS on,
// inspect arguments on, asar integrity off, only-asar off, browser V8 snapshot off, file:// privileges on.
const DEFAULT_WIRE = '10110001';
const FUSES = [
  'RunAsNode',
  'EnableCookieEncryption',
  'EnableNodeOptionsEnvironmentVariable',
  'EnableNodeCliInspectArguments',
  'EnableEmbeddedAsarIntegrityValidation',
  'OnlyLoadAppFromAsar',
  'LoadBrowserProcessSpecificV8Snapshot',
  'GrantFileProtocolExtraPrivileges',
];

let work: string;
let unpacked: string;

/**
 * Offline validation of the electron-builder configuration: package with a stand-in Electron
 * distribution (a tiny script carrying a fuse wire) into linux-unpacked, then inspect what a user
 * would get. The real installers need the internet to fetch Electron (`npm run dist`).
 */
beforeAll(() => {
  ensureRendererBuilt();
  work = mkdtempSync(path.join(tmpdir(), 'mixlab-pack-'));
  const dist = path.join(work, 'electron-dist');
  mkdirSync(dist);
  const binary = path.join(dist, 'electron');
  writeFileSync(
    binary,
    Buffer.concat([
      Buffer.from(`#!/bin/sh\n# stand-in ${SENTINEL}`),
      Buffer.from([1, 8]),
      Buffer.from(`${DEFAULT_WIRE}\necho stand-in\n`),
    ]),
  );
  chmodSync(binary, 0o755);
  writeFileSync(path.join(dist, 'version'), 'v45.4.1');
  execFileSync(
    process.execPath,
    [
      require.resolve('electron-builder/cli.js'),
      '--linux',
      'dir',
      `-c.electronDist=${dist}`,
      `-c.directories.output=${path.join(work, 'dist')}`,
    ],
    { cwd: repoRoot, stdio: 'pipe', env: { ...process.env, CI: 'true' } },
  );
  unpacked = path.join(work, 'dist', 'linux-unpacked');
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('packaged app (offline electron-builder validation)', () => {
  it('produces linux-unpacked with the executable, app.asar, the sample datasets and the documentation', () => {
    expect(existsSync(path.join(unpacked, 'mixture-lab'))).toBe(true);
    expect(existsSync(path.join(unpacked, 'resources', 'app.asar'))).toBe(true);
    expect(readdirSync(path.join(unpacked, 'resources', 'samples')).sort()).toEqual([
      'faithful.csv',
      'iris.csv',
      'mall_customers.csv',
    ]);
    // Help → Documentation opens the README shipped beside the app (with the docs it links to).
    expect(existsSync(path.join(unpacked, 'resources', 'README.md'))).toBe(true);
    expect(existsSync(path.join(unpacked, 'resources', 'docs', 'ARCHITECTURE.md'))).toBe(true);
  });

  it('ships only the built app in app.asar: no sources, tests, source maps or node_modules', () => {
    const listing = asar
      .listPackage(path.join(unpacked, 'resources', 'app.asar'))
      .map((p) => p.replaceAll('\\', '/'));
    for (const needed of [
      '/package.json',
      '/out/main/main.cjs',
      '/out/preload/preload.cjs',
      '/out/engine/engine.cjs',
      '/out/engine/worker.cjs',
      '/out/renderer/index.html',
    ]) {
      expect(listing).toContain(needed);
    }
    const offending = listing.filter(
      (p) =>
        /^\/(test|shared|electron|renderer|scripts|node_modules|build)(\/|$)/.test(p) ||
        /\.(map|ts|vue)$/.test(p) ||
        /fixtures|\.test\./.test(p),
    );
    expect(offending).toEqual([]);
    const pkg = JSON.parse(
      asar.extractFile(path.join(unpacked, 'resources', 'app.asar'), 'package.json').toString(),
    );
    expect(pkg.main).toBe('out/main/main.cjs');
    expect(pkg.dependencies ?? {}).toEqual({});
  });

  it('carries no dependency: no node_modules anywhere, no dependency lists, bundles that need only Node and Electron', () => {
    const archive = path.join(unpacked, 'resources', 'app.asar');
    const listing = asar.listPackage(archive).map((p) => p.replaceAll('\\', '/'));
    const resources = walk(path.join(unpacked, 'resources'));
    expect([...listing, ...resources].filter((p) => /node_modules/.test(p))).toEqual([]);
    // electron-builder writes a trimmed package.json: what the app reads at run time, nothing to install.
    const pkg = JSON.parse(asar.extractFile(archive, 'package.json').toString()) as Record<string, unknown>;
    for (const key of ['dependencies', 'devDependencies', 'optionalDependencies', 'scripts', 'build'])
      expect(pkg[key], key).toBeUndefined();
    // Every bundle must run without node_modules: each require() names a Node built-in or electron
    // (provided by the runtime), never a package from devDependencies (zod, papaparse, exceljs, …)
    // that the bundler left external.
    const allowed = new Set([...builtinModules, 'electron']);
    const unresolved: string[] = [];
    for (const file of listing.filter((p) => /\.c?js$/.test(p))) {
      const text = asar.extractFile(archive, file.slice(1)).toString();
      for (const [, name] of text.matchAll(/\brequire\(\s*["']([^"'./][^"']*)["']\s*\)/g)) {
        const bare = name.replace(/^node:/, '').split('/')[0];
        if (!allowed.has(bare)) unresolved.push(`${file}: ${name}`);
      }
    }
    expect(unresolved).toEqual([]);
  });

  it('ships no source maps and no references to them', () => {
    const archive = path.join(unpacked, 'resources', 'app.asar');
    const listing = asar.listPackage(archive).map((p) => p.replaceAll('\\', '/'));
    const files = [...listing, ...walk(path.join(unpacked, 'resources'))];
    expect(files.filter((p) => /\.map$/.test(p))).toEqual([]);
    const referencing = listing
      .filter((p) => /\.(c?js|css|html)$/.test(p))
      .filter((p) => /sourceMappingURL=/.test(asar.extractFile(archive, p.slice(1)).toString()));
    expect(referencing).toEqual([]);
  });

  it('unpacks the engine and its workers beside the archive (worker threads cannot load from asar)', () => {
    const engineDir = path.join(unpacked, 'resources', 'app.asar.unpacked', 'out', 'engine');
    expect(readdirSync(engineDir).sort()).toEqual(['engine.cjs', 'sweepWorker.cjs', 'worker.cjs']);
  });

  it('flips the Electron fuses that harden the packaged app', () => {
    const binary = readFileSync(path.join(unpacked, 'mixture-lab'));
    const at = binary.indexOf(SENTINEL) + SENTINEL.length;
    const wire = binary.subarray(at + 2, at + 2 + binary[at + 1]).toString('latin1');
    const state = Object.fromEntries(FUSES.map((name, i) => [name, wire[i] === '1']));
    expect(state).toMatchObject({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    });
  });
});

/** Every file under `dir`, as paths relative to it with forward slashes. */
function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? walk(path.join(dir, entry.name), `${prefix}/${entry.name}`)
      : [`${prefix}/${entry.name}`],
  );
}
