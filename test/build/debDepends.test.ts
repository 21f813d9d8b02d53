/**
 * The .deb declares the libraries Electron needs, so `apt install ./mixture-lab.deb` pulls them in
 * and the app starts on a minimal Debian or Ubuntu. electron-builder's own list (used when
 * `deb.depends` is absent) lacks two that Electron's binary links directly — libgbm.so.1 and
 * libasound.so.2, as dpkg-shlibdeps reports for it (VS Code's build/linux/debian/dep-lists.ts) —
 * and neither comes with GTK, NSS or the rest (apt-cache depends --recurse).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths';

const require = createRequire(import.meta.url);
const FpmTarget = (
  require('app-builder-lib/out/targets/FpmTarget') as {
    default: { prototype: { getDefaultDepends(target: string): string[] } };
  }
).default;

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  build: { deb?: { depends?: string[] } };
};

describe('deb package dependencies', () => {
  const depends = pkg.build.deb?.depends ?? [];

  it('keeps every library of electron-builder’s default list (GTK, NSS, notifications, …)', () => {
    const defaults = FpmTarget.prototype.getDefaultDepends.call(null, 'deb');
    expect(defaults.length).toBeGreaterThan(0);
    for (const lib of defaults) expect(depends, lib).toContain(lib);
  });

  it('adds what Electron links and the defaults do not bring: GBM and ALSA (t64 name on Ubuntu 24.04)', () => {
    expect(depends).toContain('libgbm1');
    expect(depends).toContain('libasound2t64 | libasound2');
  });
});
