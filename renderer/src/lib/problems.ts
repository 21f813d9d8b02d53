import type { ColumnSummary, ImportProblem } from '../../../shared/data/types';

export type ProblemGroupKind =
  'ragged' | 'nonfinite' | 'empty_header' | 'duplicate_header' | 'total_row' | 'underflow' | 'other';

/** One line of the problems list: an i18n key under `problems.` and its parameters. */
export interface ProblemLine {
  key:
    | 'ragged'
    | 'raggedShort'
    | 'nonfinite'
    | 'emptyHeader'
    | 'duplicateHeader'
    | 'totalRow'
    | 'totalRowKept'
    | 'underflow'
    | 'other';
  params: Record<string, string | number>;
}

export interface ProblemGroup {
  kind: ProblemGroupKind;
  count: number;
  /** At most `limit` lines; the rest are counted in `count`. */
  lines: ProblemLine[];
}

const GROUP_ORDER: ProblemGroupKind[] = [
  'empty_header',
  'duplicate_header',
  'total_row',
  'ragged',
  'nonfinite',
  'underflow',
  'other',
];
const KNOWN = new Set<string>(GROUP_ORDER);

/**
 * Groups an import's problems by kind for the collapsible list, each line ready to translate. A file
 * can carry 100 000 problems; only the first `limit` per group become lines.
 * Extra fields are read in camelCase (engine) or snake_case (the fixture sidecars).
 */
export function groupProblems(
  problems: readonly ImportProblem[],
  columns: readonly ColumnSummary[],
  limit = 50,
): ProblemGroup[] {
  const groups = new Map<ProblemGroupKind, ProblemGroup>();
  for (const problem of problems) {
    const kind = groupOf(problem.kind);
    let group = groups.get(kind);
    if (!group) groups.set(kind, (group = { kind, count: 0, lines: [] }));
    group.count++;
    if (group.lines.length < limit) group.lines.push(describe(problem, kind, columns));
  }
  return GROUP_ORDER.filter((k) => groups.has(k)).map((k) => groups.get(k)!);
}

function groupOf(kind: string): ProblemGroupKind {
  return KNOWN.has(kind) ? (kind as ProblemGroupKind) : 'other';
}

function field(problem: ImportProblem, camel: string, snake: string): unknown {
  return problem[camel] ?? problem[snake];
}

function describe(
  problem: ImportProblem,
  kind: ProblemGroupKind,
  columns: readonly ColumnSummary[],
): ProblemLine {
  const column = problem.column !== undefined ? columns[problem.column] : undefined;
  const columnName = column?.displayName ?? (problem.column !== undefined ? `#${problem.column + 1}` : '');
  switch (kind) {
    case 'ragged': {
      const expected = field(problem, 'expectedFields', 'expected_fields');
      const found = field(problem, 'foundFields', 'found_fields');
      return typeof expected === 'number' && typeof found === 'number'
        ? { key: 'ragged', params: { row: problem.row, expected, found } }
        : { key: 'raggedShort', params: { row: problem.row } };
    }
    case 'nonfinite':
      return {
        key: 'nonfinite',
        params: { row: problem.row, column: columnName, value: String(problem.value ?? '') },
      };
    case 'empty_header':
      return { key: 'emptyHeader', params: { position: (problem.column ?? 0) + 1, display: columnName } };
    case 'duplicate_header':
      return {
        key: 'duplicateHeader',
        params: { name: String(problem.name ?? column?.name ?? ''), display: columnName },
      };
    case 'total_row': {
      // A summary row: which rows it sums, and whether the analysis leaves it out (the default).
      const sumOf = field(problem, 'sumOf', 'sum_of');
      const [from, to] = Array.isArray(sumOf) ? sumOf : ['?', '?'];
      return {
        key: problem.excluded === false ? 'totalRowKept' : 'totalRow',
        params: { row: problem.row, label: String(problem.label ?? ''), from, to },
      };
    }
    case 'underflow':
      return {
        key: 'underflow',
        params: { row: problem.row, column: columnName, value: String(problem.value ?? '') },
      };
    default:
      return { key: 'other', params: { row: problem.row, kind: problem.kind } };
  }
}
