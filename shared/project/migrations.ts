/**
 * Project format versions and the migrations between them. A file of version v < PROJECT_VERSION is
 * brought forward one step at a time by `MIGRATIONS[v]` (v → v + 1), each a pure function on the
 * parsed JSON, before the current schema validates it. Adding version 2 means: bump
 * PROJECT_VERSION, change the schema, and add `MIGRATIONS[1]` with a test that a version-1 file
 * reopens with the same content.
 *
 * History: version 1 is the first released format, so the table is empty today; the framework is
 * exercised by a test with a synthetic version 0.
 */
import { PROJECT_VERSION } from './schema';

export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

/** Brings `doc` (of `doc.version`) to `target`; throws if a step is missing (a bug, not bad input). */
export function migrate(
  doc: Record<string, unknown>,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  target: number = PROJECT_VERSION,
): Record<string, unknown> {
  let current = doc;
  for (let v = current.version as number; v < target; v++) {
    const step = migrations[v];
    if (!step) throw new Error(`No migration of project files from version ${v} to ${v + 1}.`);
    current = { ...step(current), version: v + 1 };
  }
  return current;
}

/** The oldest version this build can migrate from. */
export function oldestReadableVersion(migrations: Readonly<Record<number, Migration>> = MIGRATIONS): number {
  let v = PROJECT_VERSION;
  while (migrations[v - 1]) v--;
  return v;
}
