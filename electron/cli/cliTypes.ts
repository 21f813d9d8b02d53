import type { EngineCaller } from '../engine/engineCaller';

/** What a CLI command gets: its arguments (after the command name), an engine, and output streams. */
export interface CliContext {
  args: string[];
  engine: EngineCaller;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A command resolves to the process exit code. */
export type CliCommand = (ctx: CliContext) => Promise<number>;
