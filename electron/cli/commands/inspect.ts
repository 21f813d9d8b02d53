/**
 * `mixlab inspect <file> [--delimiter D] [--encoding E] [--decimal ,|.] [--sheet S]
 *  [--colour-space rgb|lab|both] [--xy] [--json]`:
 * imports the file through the engine's `dataset.import` (the code the app runs) and prints what it
 * found. --json prints exactly one object in the field names of the CSV fixtures' sidecars
 * (test/fixtures/csv/README.md): rows 1-based (header = row 0), columns 0-based. A refused file
 * exits with code 2 and prints {"error": {"code", "message"}}, code = the sidecar's reason_code.
 */
import path from 'node:path';
import { EngineError } from '../../../shared/errors';
import type { ColumnSummary, DatasetSummary, ImportOptions, ImportProblem } from '../../../shared/data/types';
import type { CliCommand } from '../cliTypes';
import { wantsHelp } from '../args';
import { IMPORT_FLAGS_USAGE, importFlags } from '../importFlags';

export const INSPECT_USAGE = `Usage: mixlab inspect <file> [--delimiter D] [--encoding E] [--decimal ,|.] [--sheet S]
                      [--header yes|no] [--total-rows exclude|keep]
                      [--colour-space rgb|lab|both] [--xy] [--json]

Reads a CSV/TSV/text, .xlsx or image file (one row per pixel, columns named as mixlab fit names them)
and reports its settings, columns (kind, missing, statistics) and problems. Detection is automatic;
each option overrides one setting:
  --delimiter D   one character, or comma | semicolon | tab | pipe | none
  --encoding E    utf-8, utf-16le, utf-16be, gbk, gb18030, windows-1252, …
  --decimal , | . decimal separator (',' implies '.' thousands groups)
  --sheet S       worksheet of an .xlsx workbook (default: the first)
${IMPORT_FLAGS_USAGE}
  --json          one JSON object on stdout (exit code 2 and {"error":{code,message}} when refused)
`;

interface Parsed {
  file: string;
  options: Omit<ImportOptions, 'path'>;
  json: boolean;
}

function parse(args: string[]): Parsed | string {
  const options: Omit<ImportOptions, 'path'> = {};
  let file: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (eq > 0) return arg.slice(eq + 1);
      if (i + 1 >= args.length) throw new Error(`${name} needs a value`);
      return args[++i];
    };
    try {
      if (name === '--json') json = true;
      else if (name === '--delimiter') options.delimiter = value();
      else if (name === '--encoding') options.encoding = value();
      else if (name === '--sheet') options.sheet = value();
      else if (name === '--header') Object.assign(options, importFlags({ header: value() }));
      else if (name === '--total-rows') Object.assign(options, importFlags({ 'total-rows': value() }));
      else if (name === '--colour-space' || name === '--xy') {
        // Both flags build one `image` option: merge them, whichever comes first.
        const flag = name === '--xy' ? importFlags({ xy: true }) : importFlags({ 'colour-space': value() });
        options.image = { ...options.image, ...flag.image };
      } else if (name === '--decimal') {
        const d = value();
        if (d !== ',' && d !== '.') return `--decimal must be "," or "."; got "${d}"`;
        options.decimal = d;
      } else if (name.startsWith('-') && name !== '-') return `unknown option ${name}`;
      else if (file === undefined) file = arg;
      else return `unexpected argument "${arg}"`;
    } catch (err) {
      return (err as Error).message;
    }
  }
  if (file === undefined) return 'a file is required';
  return { file, options, json };
}

const snake = (key: string): string => key.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());

function snakeKeys(o: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[snake(k)] = v;
  return out;
}

/** The sidecar-shaped report. */
export function inspectJson(summary: DatasetSummary): Record<string, unknown> {
  const out: Record<string, unknown> = {
    file: path.basename(summary.file),
    path: path.resolve(summary.file),
    format: summary.format,
    encoding: summary.encoding,
    bom: summary.bom,
    delimiter: summary.delimiter,
    decimal: summary.decimal,
    thousands: summary.thousands,
    header: summary.header,
    rows: summary.rows,
    columns: summary.columns.map((c: ColumnSummary) => snakeKeys(c)),
    errors: summary.errors.map((e: ImportProblem) => snakeKeys(e)),
  };
  if (summary.sheets) Object.assign(out, { sheets: summary.sheets, sheet: summary.sheet });
  // An image's rows are its pixels: the picture's size says how they lie (row-major from the top-left).
  if (summary.image) out.image = snakeKeys(summary.image);
  if (summary.droppedPhantomColumns) out.dropped_phantom_columns = summary.droppedPhantomColumns;
  if (summary.unlistedErrors) out.unlisted_errors = summary.unlistedErrors;
  out.size_bytes = summary.sizeBytes;
  return out;
}

const fmt = (v: number | undefined): string =>
  v === undefined ? '' : Number.isInteger(v) && Math.abs(v) < 1e15 ? String(v) : v.toPrecision(6);

const shown = (d: string | null): string => (d === null ? 'none' : d === '\t' ? 'tab' : JSON.stringify(d));

/** A plain-text report for people. */
export function inspectText(summary: DatasetSummary): string {
  const lines: string[] = [];
  const where =
    summary.format === 'xlsx'
      ? `sheet ${JSON.stringify(summary.sheet)} of ${summary.sheets?.length ?? 1}`
      : '';
  lines.push(`${summary.file}: ${summary.format} ${where}`.trimEnd());
  if (summary.format !== 'xlsx' && !summary.image) {
    lines.push(
      `  encoding ${summary.encoding}${summary.bom ? ' (BOM)' : ''}, delimiter ${shown(summary.delimiter)}, decimal ${JSON.stringify(summary.decimal)}` +
        (summary.thousands ? `, thousands ${JSON.stringify(summary.thousands)}` : ''),
    );
  }
  if (summary.image) {
    const { width, height, channels, maxValue } = summary.image;
    lines.push(
      `  ${width} × ${height} pixels, ${channels === 1 ? 'grey' : 'colour'}, samples 0..${maxValue}; one row per pixel`,
    );
  } else if (!summary.header)
    lines.push('  no header: the first line holds only numbers like the rows below and is read as data');
  lines.push(`  ${summary.rows} rows × ${summary.columns.length} columns`, '');
  const header = ['#', 'name', 'kind', 'missing', 'distinct', 'non-num', 'min', 'max', 'mean', 'std'];
  const rows = summary.columns.map((c) => [
    String(c.index),
    c.displayName,
    c.kind,
    String(c.missing),
    c.distinct === undefined ? '' : String(c.distinct),
    c.nonNumeric === undefined ? '' : String(c.nonNumeric),
    fmt(c.min),
    fmt(c.max),
    fmt(c.mean),
    fmt(c.std),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const r of [header, ...rows])
    lines.push(
      '  ' +
        r
          .map((cell, i) => cell.padEnd(widths[i]))
          .join('  ')
          .trimEnd(),
    );
  if (summary.errors.length > 0) {
    lines.push('', `  problems (${summary.errors.length + (summary.unlistedErrors ?? 0)}):`);
    for (const e of summary.errors.slice(0, 50)) {
      const { row, kind, column, ...rest } = e;
      const extra = Object.entries(rest)
        .map(([k, v]) => `${snake(k)}=${JSON.stringify(v)}`)
        .join(' ');
      lines.push(
        `    row ${row}${column === undefined ? '' : `, column ${column}`}: ${kind} ${extra}`.trimEnd(),
      );
    }
    if (summary.errors.length > 50) lines.push(`    … and ${summary.errors.length - 50} more (use --json)`);
  }
  return lines.join('\n') + '\n';
}

export const inspect: CliCommand = async (ctx) => {
  if (wantsHelp(ctx.args)) {
    ctx.stdout(INSPECT_USAGE);
    return 0;
  }
  const parsed = parse(ctx.args);
  const json = ctx.args.includes('--json');
  if (typeof parsed === 'string') {
    if (json)
      ctx.stdout(JSON.stringify({ error: { code: 'usage', message: `mixlab inspect: ${parsed}` } }) + '\n');
    else ctx.stderr(`mixlab inspect: ${parsed}\n\n${INSPECT_USAGE}`);
    return 2;
  }
  try {
    const summary = await ctx.engine.call('dataset.import', { path: parsed.file, ...parsed.options });
    ctx.stdout(parsed.json ? JSON.stringify(inspectJson(summary)) + '\n' : inspectText(summary));
    return 0;
  } catch (err) {
    const info = err instanceof EngineError ? err.toInfo() : { code: 'internal', message: String(err) };
    const error = { code: info.code, message: info.message };
    if (parsed.json) ctx.stdout(JSON.stringify({ error }) + '\n');
    else ctx.stderr(`mixlab inspect: ${error.message} [${error.code}]\n`);
    return info.code === 'internal' ? 1 : 2;
  }
};
