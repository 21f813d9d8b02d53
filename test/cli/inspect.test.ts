import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runMixlab } from '../support/mixlabCli';
import { csvDir, expectMatchesSidecar, sidecars } from '../electron/engine/import/sidecar';

const mixlab = (...args: string[]) => runMixlab(args);

describe('mixlab inspect --json (built CLI)', () => {
  for (const want of sidecars()) {
    it(`prints one sidecar-shaped object for ${want.file}`, () => {
      const r = mixlab('inspect', path.join(csvDir, want.file), '--json');
      const lines = r.stdout.trim().split('\n');
      expect(lines.length).toBe(1);
      const got = JSON.parse(lines[0]);
      if (want.reject) {
        expect(r.status).toBe(2);
        expect(got.error.code).toBe(want.reason_code);
        expect(got.error.message.length).toBeGreaterThan(10);
        return;
      }
      expect(r.status).toBe(0);
      expect(got.file).toBe(want.file);
      expectMatchesSidecar(got, want);
      for (const c of got.columns) {
        expect(Object.keys(c)).toEqual(expect.arrayContaining(['index', 'name', 'kind', 'missing']));
      }
    });
  }

  it('applies --delimiter, --decimal and --encoding overrides', () => {
    const file = path.join(csvDir, '03_semicolon_decimal_comma.csv');
    const got = JSON.parse(
      mixlab('inspect', file, '--delimiter', 'semicolon', '--decimal', '.', '--json').stdout,
    );
    expect(got.decimal).toBe('.');
    expect(got.thousands).toBe(null);
    const latin = JSON.parse(mixlab('inspect', file, '--encoding', 'latin1', '--json').stdout);
    expect(latin.encoding).toBe('windows-1252');
  });

  it('exits 2 with the reason when a forced encoding cannot decode the file', () => {
    const r = mixlab('inspect', path.join(csvDir, '10_gbk_chinese.csv'), '--encoding', 'utf-8', '--json');
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout).error.code).toBe('undecodable');
  });

  it('reads a Windows-1252 file with accented names and a CR-only file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mixlab-inspect-'));
    const latin = path.join(dir, 'latin.csv');
    writeFileSync(latin, Buffer.from('name;Größe\rMüller;1,5\rJosé;2,25\r', 'latin1'));
    const got = JSON.parse(mixlab('inspect', latin, '--json').stdout);
    expect(got.encoding).toBe('windows-1252');
    expect(got.delimiter).toBe(';');
    expect(got.decimal).toBe(',');
    expect(got.columns[1]).toMatchObject({ name: 'Größe', kind: 'numeric', sum: 3.75 });
  });

  it('prints a readable table without --json', () => {
    const r = mixlab('inspect', path.join(csvDir, '08_ragged_rows.csv'));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/30 rows × 5 columns/);
    expect(r.stdout).toMatch(/row 13: ragged expected_fields=5 found_fields=6/);
  });

  it('explains usage errors with exit code 2', () => {
    const r = mixlab('inspect');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/a file is required/);
  });
});
