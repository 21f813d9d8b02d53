import { describe, expect, it } from 'vitest';
import { migrate, oldestReadableVersion, type Migration } from '../../../shared/project/migrations';
import { parseProject, serializeProject } from '../../../shared/project/parseProject';
import { PROJECT_VERSION } from '../../../shared/project/schema';
import { sampleProject } from './projectFixture';

/**
 * A synthetic version 0 (there was none released): one fit stored as `model`, the data path as a
 * string `data`. Its migration to 1 is what a real one will look like.
 */
const v0to1: Migration = (doc) => {
  const { model, data, ...rest } = doc as { model: Record<string, unknown>; data: Record<string, unknown> };
  return { ...rest, fits: [model], currentFitId: model.id, dataSource: data };
};

function v0Text(): string {
  const project = JSON.parse(serializeProject(sampleProject()));
  const { fits, dataSource, currentFitId: _id, ...rest } = project;
  return JSON.stringify({ ...rest, version: 0, model: fits[0], data: dataSource });
}

describe('project migrations', () => {
  it('a version-0 file is migrated step by step and then validated', () => {
    const project = parseProject(v0Text(), { 0: v0to1 });
    expect(project.version).toBe(PROJECT_VERSION);
    expect(project.fits.map((f) => f.id)).toEqual(['fit-1']);
    expect(project.currentFitId).toBe('fit-1');
    expect(project.dataSource?.path).toBe('/data/iris.csv');
  });

  it('without a migration path, an old file is refused as project_invalid with the readable range', () => {
    expect(() => parseProject(v0Text())).toThrow(/format 0, older than any this version can read \(1 to 1\)/);
    expect(oldestReadableVersion({ 0: v0to1 })).toBe(0);
  });

  it('migrate applies steps in order and stamps each version', () => {
    const seen: number[] = [];
    const step =
      (v: number): Migration =>
      (doc) => {
        seen.push(doc.version as number);
        return { ...doc, [`step${v}`]: true };
      };
    const out = migrate({ version: 0 }, { 0: step(0), 1: step(1) }, 2);
    expect(seen).toEqual([0, 1]);
    expect(out).toEqual({ version: 2, step0: true, step1: true });
  });
});
