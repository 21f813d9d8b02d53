/**
 * A small option parser shared by the CLI commands: `--name value`, `--name=value`, boolean flags,
 * positionals, and `--` to end options. Strict by design: an unknown option, a missing or malformed
 * value, or an option given twice is an ArgumentError whose message names the problem (the commands
 * report it with code `invalid_arguments`).
 */

export type OptionKind = 'flag' | 'string' | 'integer' | 'number';
export type OptionSpec = Record<string, OptionKind>;

type ValueOf<K extends OptionKind> = K extends 'flag' ? boolean : K extends 'string' ? string : number;
export type ParsedOptions<S extends OptionSpec> = { [N in keyof S]?: ValueOf<S[N]> };

export class ArgumentError extends Error {
  readonly code = 'invalid_arguments';
  constructor(message: string) {
    super(message);
    this.name = 'ArgumentError';
  }
}

/** `--help` or `-h` anywhere on the command line (checked before parsing, so it always works). */
export function wantsHelp(args: readonly string[]): boolean {
  return args.includes('--help') || args.includes('-h');
}

export interface ParsedArgs<S extends OptionSpec> {
  positionals: string[];
  options: ParsedOptions<S>;
}

/** Parses `args` against `spec` (option names without the leading `--`). */
export function parseArgs<S extends OptionSpec>(args: readonly string[], spec: S): ParsedArgs<S> {
  const positionals: string[] = [];
  const options: Record<string, unknown> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg.length === 2) {
      if (arg.startsWith('-') && arg.length > 1 && !/^-\d/.test(arg))
        throw new ArgumentError(`unknown option "${arg}"`);
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const kind = Object.prototype.hasOwnProperty.call(spec, name) ? spec[name] : undefined;
    if (!kind) throw new ArgumentError(`unknown option "--${name}"`);
    if (Object.prototype.hasOwnProperty.call(options, name))
      throw new ArgumentError(`option --${name} is given twice`);
    if (kind === 'flag') {
      if (eq >= 0) throw new ArgumentError(`option --${name} takes no value`);
      options[name] = true;
      continue;
    }
    let text: string;
    if (eq >= 0) text = arg.slice(eq + 1);
    else {
      // The next argument is the value even when it starts with "-" (a negative number).
      if (i + 1 >= args.length) throw new ArgumentError(`option --${name} needs a value`);
      text = args[++i];
    }
    options[name] = convert(name, kind, text);
  }
  return { positionals, options: options as ParsedOptions<S> };
}

function convert(name: string, kind: Exclude<OptionKind, 'flag'>, text: string): string | number {
  if (kind === 'string') {
    if (text === '') throw new ArgumentError(`option --${name} needs a value`);
    return text;
  }
  // Number('') is 0 and Number(' 1 ') is 1: insist on a plain numeric literal.
  const value = /^\s*$/.test(text) ? NaN : Number(text.trim() === text ? text : NaN);
  if (!Number.isFinite(value)) throw new ArgumentError(`option --${name} expects a number, got "${text}"`);
  if (kind === 'integer' && !Number.isSafeInteger(value)) {
    throw new ArgumentError(`option --${name} expects an integer, got "${text}"`);
  }
  return value;
}

/** Throws unless `value` is absent or one of `allowed`: "--init must be one of a, b (got "x")". */
export function oneOf(flag: string, value: string | undefined, allowed: readonly string[]): void {
  if (value !== undefined && !allowed.includes(value)) {
    throw new ArgumentError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
  }
}

/** The part of a zod-like schema `validated` uses. */
export interface SafeParser<T> {
  safeParse(
    v: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

/**
 * Parses with a shared request schema; a failure becomes an ArgumentError naming the option the user
 * typed. `flagOf` maps request fields to options (`nComponents` → `--k`); for a field in `withPath`
 * the place inside the option's value follows (`--init-params means.0.1`). Without a mapped field
 * the schema path is named, or "options".
 */
export function validated<T>(
  schema: SafeParser<T>,
  value: unknown,
  flagOf: Record<string, string>,
  withPath: readonly string[] = [],
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const keys = issue.path.map(String);
  const at = keys.findIndex((k) => flagOf[k] !== undefined);
  const where =
    at < 0
      ? keys.join('.')
      : flagOf[keys[at]] + (withPath.includes(keys[at]) ? ' ' + keys.slice(at + 1).join('.') : '');
  throw new ArgumentError(`${where || 'options'}: ${issue.message}`);
}
