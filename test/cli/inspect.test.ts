import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import { runMixlab } from '../support/mixlabCli';
import { cliPath } from '../support/paths';
import { repeatedDeflate, workbookParts, zip } from '../support/zipWriter.mjs';
import { csvDir, expectMatchesSidecar, hostileDir, sidecars } from '../electron/engine/import/sidecar';

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

describe('mixlab inspect --json: hostile and broken files', () => {
  for (const want of sidecars(hostileDir)) {
    it(`${want.file}: ${want.reject ? `exits 2 with ${want.reason_code}` : 'imported as its sidecar says'}`, () => {
      const r = mixlab('inspect', path.join(hostileDir, want.file), '--json');
      const got = JSON.parse(r.stdout);
      if (want.reject) {
        expect(r.status).toBe(2);
        expect(Object.keys(got)).toEqual(['error']);
        expect(Object.keys(got.error)).toEqual(['code', 'message']);
        expect(got.error.code).toBe(want.reason_code);
        return;
      }
      expect(r.status).toBe(0);
      expectMatchesSidecar(got, want);
    });
  }

  it('--header and --total-rows override detection; bad values are usage errors', () => {
    const headerless = path.join(hostileDir, 'h04_headerless_numeric.csv');
    expect(JSON.parse(mixlab('inspect', headerless, '--header', 'yes', '--json').stdout)).toMatchObject({
      header: true,
      rows: 29,
    });
    const kept = JSON.parse(
      mixlab('inspect', path.join(hostileDir, 'h07_total_row.csv'), '--total-rows', 'keep', '--json').stdout,
    );
    expect(kept.errors).toEqual([expect.objectContaining({ kind: 'total_row', excluded: false })]);
    const bad = mixlab('inspect', headerless, '--header', 'maybe');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--header must be yes or no/);
    expect(mixlab('inspect', headerless).stdout).toMatch(/no header: the first line holds only numbers/);
  });

  it('refuses a 1.5 MB workbook that inflates to ~490 MB within seconds and well under 1 GB', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mixlab-bomb-'));
    const head = Buffer.from(
      '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    );
    const cells = Buffer.from('<row><c><v>1</v></c><c><v>2</v></c></row>'.repeat(25_000));
    // A declared size the ratio bound lets through: the reader must stop at it while inflating.
    const rss = path.join(dir, 'rss.cjs');
    writeFileSync(
      rss,
      "process.on('exit', () => require('fs').writeSync(2, `maxrss=${process.resourceUsage().maxRSS}\\n`));",
    );
    for (const declared of [undefined, 64 * 2 ** 20]) {
      const parts = workbookParts({});
      const sheet = parts.find((p) => p.name.endsWith('sheet1.xml'))!;
      sheet.data = undefined;
      sheet.compressed = Buffer.concat([
        deflateRawSync(head, { finishFlush: constants.Z_SYNC_FLUSH }),
        repeatedDeflate(cells, 500),
      ]);
      sheet.declaredSize = declared ?? head.length + cells.length * 500;
      sheet.crc = 0;
      const file = path.join(dir, `bomb-${declared ?? 'honest'}.xlsx`);
      writeFileSync(file, zip(parts));
      expect(statSync(file).size).toBeLessThan(2 * 2 ** 20);
      const started = performance.now();
      const r = spawnSync(process.execPath, ['--require', rss, cliPath, 'inspect', file, '--json'], {
        encoding: 'utf8',
        timeout: 20_000,
      });
      const seconds = (performance.now() - started) / 1000;
      expect(r.status, r.stderr).toBe(2);
      expect(JSON.parse(r.stdout).error.code).toBe(declared ? 'xlsx_invalid' : 'xlsx_too_large');
      const maxRssKb = Number(/maxrss=(\d+)/.exec(r.stderr)![1]);
      expect(maxRssKb * 1024).toBeLessThan(512 * 2 ** 20);
      expect(seconds).toBeLessThan(20);
    }
  }, 60_000);
});
