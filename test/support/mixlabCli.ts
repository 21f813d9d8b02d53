import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import { cliPath } from './paths';

/** What a run of the CLI left: exit status (null when killed by the timeout) and both streams. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (out/cli/mixlab.cjs, built by the global setup) as a user runs it. */
export function runMixlab(args: readonly string[], timeout = 60_000): CliRun {
  const res = spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', timeout });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

/** Runs with --json appended; stdout must be exactly one line, the object returned as `json`. */
export function runMixlabJson(args: readonly string[], timeout?: number) {
  const res = runMixlab([...args, '--json'], timeout);
  const lines = res.stdout.trim().split('\n');
  expect(lines.length, `stdout: ${res.stdout}\nstderr: ${res.stderr}`).toBe(1);
  return { ...res, json: JSON.parse(lines[0]) };
}
