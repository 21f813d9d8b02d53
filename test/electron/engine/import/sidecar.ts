/**
 * Reads the CSV fixtures' sidecars (test/fixtures/csv/*.expect.json) and compares an import's
 * sidecar-shaped report (the `mixlab inspect --json` object) with one, by the README's rules:
 * columns by index, names only where non-empty and not duplicated, sums within
 * 1e-9 · max(|sum|, 1), errors as a set of (row, kind, column).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { fixturesDir } from '../../../support/paths';

export const csvDir = path.join(fixturesDir, 'csv');
/** Hostile and broken files (test/fixtures/hostile/README.md), sidecars in the same format. */
export const hostileDir = path.join(fixturesDir, 'hostile');

export interface Sidecar {
  file: string;
  reject?: boolean;
  reason_code?: string;
  /** The refusal in words (the importer's message starts with it). */
  reason?: string;
  header_fields?: string[];
  encoding?: string;
  bom?: boolean;
  delimiter?: string | null;
  decimal?: string;
  thousands?: string | null;
  header?: boolean;
  rows?: number;
  columns?: Record<string, unknown>[];
  errors?: { row: number; kind: string; column?: number; [extra: string]: unknown }[];
  cells?: {
    row: number;
    column: number;
    value: string;
    number?: number;
    missing?: boolean;
    nonfinite?: boolean;
  }[];
  dropped_phantom_columns?: number;
  /** Hostile set: the refusal's details that must match (line, row, …). */
  details?: Record<string, unknown>;
}

export function sidecars(dir = csvDir): Sidecar[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.expect.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Sidecar);
}

/** Encodings that decode the same bytes to the same text as the sidecar's (README, "encoding"). */
const SAME_TEXT: Record<string, string[]> = {
  'utf-8': ['utf-8'],
  gbk: ['gbk', 'gb18030'],
  'utf-16le': ['utf-16le'],
  'iso-8859-1': ['windows-1252', 'iso-8859-1'],
};

const key = (e: { row: number; kind: string; column?: number }): string =>
  `${e.row}|${e.kind}|${e.column ?? ''}`;

export function expectMatchesSidecar(got: Record<string, unknown>, want: Sidecar): void {
  expect(SAME_TEXT[want.encoding!] ?? [want.encoding], 'encoding').toContain(got.encoding);
  expect(got.bom, 'bom').toBe(want.bom);
  if (want.delimiter !== null) expect(got.delimiter, 'delimiter').toBe(want.delimiter);
  expect(got.decimal, 'decimal').toBe(want.decimal);
  expect(got.thousands, 'thousands').toBe(want.thousands);
  expect(got.header, 'header').toBe(want.header);
  expect(got.rows, 'rows').toBe(want.rows);
  const columns = got.columns as Record<string, unknown>[];
  expect(columns.length, 'column count').toBe(want.columns!.length);
  const names = want.columns!.map((c) => c.name as string);
  for (const w of want.columns!) {
    const g = columns[w.index as number];
    const where = `column ${w.index}`;
    expect(g.index, where).toBe(w.index);
    const name = w.name as string;
    if (name !== '' && names.indexOf(name) === w.index) expect(g.name, `${where} name`).toBe(name);
    expect(g.kind, `${where} kind`).toBe(w.kind);
    expect(g.missing, `${where} missing`).toBe(w.missing);
    if ('sum' in w) {
      const sum = w.sum as number;
      expect(Math.abs((g.sum as number) - sum), `${where} sum ${g.sum} vs ${sum}`).toBeLessThanOrEqual(
        1e-9 * Math.max(Math.abs(sum), 1),
      );
    }
    for (const field of ['distinct', 'non_numeric', 'non_numeric_rows', 'nonfinite']) {
      if (field in w) expect(g[field], `${where} ${field}`).toEqual(w[field]);
    }
  }
  expect(new Set((got.errors as Sidecar['errors'])!.map(key)), 'errors').toEqual(
    new Set(want.errors!.map(key)),
  );
  if (want.dropped_phantom_columns) expect(got.dropped_phantom_columns).toBe(want.dropped_phantom_columns);
}
