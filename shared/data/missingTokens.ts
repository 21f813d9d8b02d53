/**
 * Missing-value tokens (test/fixtures/csv/README.md, "Missing values"): a cell is missing when its
 * text, after removing leading and trailing spaces, is exactly one of these (case-sensitive).
 * `n/a`, `None`, `NAN`, `#VALUE!` and friends are text on purpose: pandas' wider list would hide
 * real data-entry problems that the user should see reported.
 */
export const MISSING_TOKENS: readonly string[] = [
  '',
  'NA',
  'N/A',
  'NaN',
  'nan',
  'null',
  'NULL',
  '-',
  '?',
  '#N/A',
  '#DIV/0!',
];

const INDEX = new Map(MISSING_TOKENS.map((t, i) => [t, i]));

/** Spaces only (not tabs): the rule strips `' '`, as Python's `str.strip(" ")` in the generator. */
export function trimSpaces(text: string): string {
  let a = 0;
  let b = text.length;
  while (a < b && text.charCodeAt(a) === 32) a++;
  while (b > a && text.charCodeAt(b - 1) === 32) b--;
  return a === 0 && b === text.length ? text : text.slice(a, b);
}

/** Index of the missing token the (untrimmed) cell text is, or -1 when the cell is not missing. */
export function missingTokenIndex(text: string): number {
  return INDEX.get(trimSpaces(text)) ?? -1;
}

/** `inf` / `infinity` with an optional sign, any case: non-finite, neither missing nor a number. */
export function isNonfiniteToken(text: string): boolean {
  return /^[+-]?(inf|infinity)$/i.test(trimSpaces(text));
}
