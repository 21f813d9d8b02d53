/**
 * Display names for the header row and the header problems to report (fixture README, "Header
 * names" and "Errors"): an empty name is shown as `Column N` (N = 1-based position) and reported as
 * `empty_header`; a name equal (case-sensitive) to an earlier one is shown as `name (2)`, `name (3)`…
 * and reported as `duplicate_header` with the first column holding it. Raw names are kept as they are.
 */
import type { ImportProblem } from './types';

export interface HeaderNames {
  displayNames: string[];
  problems: ImportProblem[];
}

export function headerNames(names: readonly string[]): HeaderNames {
  const firstIndex = new Map<string, number>();
  const occurrences = new Map<string, number>();
  const used = new Set(names);
  const displayNames: string[] = [];
  const problems: ImportProblem[] = [];
  names.forEach((name, column) => {
    if (name === '') {
      problems.push({ row: 0, kind: 'empty_header', column });
      displayNames.push(unique(`Column ${column + 1}`, used));
      return;
    }
    const first = firstIndex.get(name);
    if (first === undefined) {
      firstIndex.set(name, column);
      displayNames.push(name);
      return;
    }
    problems.push({ row: 0, kind: 'duplicate_header', column, name, firstColumn: first });
    const n = (occurrences.get(name) ?? 1) + 1;
    occurrences.set(name, n);
    displayNames.push(unique(`${name} (${n})`, used));
  });
  return { displayNames, problems };
}

/** A generated name must not collide with a real header (a file may well have a `Column 1`). */
function unique(candidate: string, used: Set<string>): string {
  let name = candidate;
  for (let k = 2; used.has(name); k++) name = `${candidate} ${k}`;
  used.add(name);
  return name;
}
