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
/** For a quick "not a token" on most text cells: the tokens' first characters and longest length. */
const FIRST_CHARS = new Set(MISSING_TOKENS.filter((t) => t !== '').map((t) => t.charCodeAt(0)));
const LONGEST = Math.max(...MISSING_TOKENS.map((t) => t.length));

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
  // Every text cell of a categorical column comes here: reject by length and first character
  // before trimming (which may allocate) and hashing.
  let a = 0;
  let b = text.length;
  while (a < b && text.charCodeAt(a) === 32) a++;
  while (b > a && text.charCodeAt(b - 1) === 32) b--;
  if (b - a > LONGEST || (b > a && !FIRST_CHARS.has(text.charCodeAt(a)))) return -1;
  return INDEX.get(a === 0 && b === text.length ? text : text.slice(a, b)) ?? -1;
}

/** `inf` / `infinity` with an optional sign, any case: non-finite, neither missing nor a number. */
export function isNonfiniteToken(text: string): boolean {
  // Quick rejection (most text cells): after spaces and a sign, the text must start with i or I.
  let a = 0;
  while (a < text.length && text.charCodeAt(a) === 32) a++;
  let c = text.charCodeAt(a);
  if (c === 43 || c === 45) c = text.charCodeAt(a + 1);
  if (c !== 105 && c !== 73) return false;
  return /^[+-]?(inf|infinity)$/i.test(trimSpaces(text));
}
