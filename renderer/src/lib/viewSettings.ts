/**
 * The views' settings as a project file brings them back. The file's `viewState` is free-form (the
 * schema only bounds its size), so each field is checked here and a missing or malformed one takes
 * its default: files saved before a setting existed open as before, and a hand-edited file cannot
 * put a string where a view expects a number.
 */
import { defaultAnalysisState, type AnalysisViewSettings, type CompareCells } from './analysisState';
import { DEFAULT_TABLE_ORDER, type TableOrderSpec } from './tableOrder';

/** Key of a column's bin width: the units drawn differ between a column and its logarithm. */
export function binWidthKey(column: number, logged = false): string {
  return logged ? `log:${column}` : String(column);
}

/** `widths` with the column's width set, or removed (null: back to the automatic rule). */
export function withBinWidth(
  widths: Record<string, number>,
  key: string,
  width: number | null,
): Record<string, number> {
  const { [key]: _old, ...rest } = widths;
  return width === null ? rest : { ...rest, [key]: width };
}

type Loose = Record<string, unknown>;
const isRecord = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const columnOrNull = (v: unknown): number | null | undefined =>
  v === null ? null : Number.isInteger(v) && (v as number) >= 0 ? (v as number) : undefined;
const oneOf = <T extends string>(v: unknown, options: readonly T[]): T | undefined =>
  options.includes(v as T) ? (v as T) : undefined;

function widths(v: unknown): Record<string, number> | undefined {
  if (!isRecord(v)) return undefined;
  const out: Record<string, number> = {};
  for (const [key, w] of Object.entries(v))
    if (/^(log:)?\d+$/.test(key) && typeof w === 'number' && Number.isFinite(w) && w > 0) out[key] = w;
  return out;
}

/** Distinct column indices, or undefined when `v` is not a list of them. */
function columnList(v: unknown): number[] | null | undefined {
  if (v === null) return null;
  if (!Array.isArray(v) || !v.every((c) => columnOrNull(c) !== undefined && c !== null)) return undefined;
  return [...new Set(v as number[])];
}

function tableOrder(v: unknown): TableOrderSpec {
  const t = isRecord(v) ? v : {};
  return {
    sort: oneOf(t.sort, ['row', 'cluster', 'probability'] as const) ?? DEFAULT_TABLE_ORDER.sort,
    descending: typeof t.descending === 'boolean' ? t.descending : DEFAULT_TABLE_ORDER.descending,
    cluster: columnOrNull(t.cluster) ?? DEFAULT_TABLE_ORDER.cluster,
  };
}

/** The settings `saved` describes, each field checked, the defaults where it is absent or invalid. */
export function restoredViewSettings(saved: unknown): AnalysisViewSettings {
  const fresh = defaultAnalysisState().view;
  const v = isRecord(saved) ? saved : {};
  const s = isRecord(v.scatter) ? v.scatter : {};
  const threshold = v.certaintyThreshold;
  return {
    scatter: {
      axes: oneOf(s.axes, ['features', 'pca'] as const) ?? fresh.scatter.axes,
      x: columnOrNull(s.x) ?? fresh.scatter.x,
      y: columnOrNull(s.y) ?? fresh.scatter.y,
      opacityByCertainty:
        typeof s.opacityByCertainty === 'boolean' ? s.opacityByCertainty : fresh.scatter.opacityByCertainty,
    },
    histogramColumn: columnOrNull(v.histogramColumn) ?? fresh.histogramColumn,
    binWidths: widths(v.binWidths) ?? fresh.binWidths,
    pairsColumns: columnList(v.pairsColumns) ?? fresh.pairsColumns,
    contours: typeof v.contours === 'boolean' ? v.contours : fresh.contours,
    parameterUnits: oneOf(v.parameterUnits, ['data', 'fitted'] as const) ?? fresh.parameterUnits,
    compareReference: columnOrNull(v.compareReference) ?? fresh.compareReference,
    compareCells:
      oneOf<CompareCells>(v.compareCells, ['counts', 'rowShares', 'colShares']) ?? fresh.compareCells,
    certaintyThreshold:
      typeof threshold === 'number' && threshold > 0 && threshold < 1 ? threshold : fresh.certaintyThreshold,
    table: tableOrder(v.table),
  };
}
