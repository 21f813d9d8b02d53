import { describe, expect, it } from 'vitest';
import { EngineError } from '../../../shared/errors';
import { parseProject, serializeProject } from '../../../shared/project/parseProject';
import { PROJECT_LIMITS, PROJECT_VERSION } from '../../../shared/project/schema';
import { sampleProject, sameDoubles } from './projectFixture';

function refusal(text: string): EngineError {
  try {
    parseProject(text);
  } catch (err) {
    if (err instanceof EngineError) return err;
    throw err;
  }
  throw new Error('the project was accepted');
}

describe('parseProject: a saved project reads back exactly', () => {
  it('round trip: every parameter double bit for bit, settings, sweep and view state equal', () => {
    const project = sampleProject();
    const back = parseProject(serializeProject(project));
    expect(back.fits).toHaveLength(4);
    back.fits.forEach((fit, i) => {
      const orig = project.fits[i].params;
      expect(fit.params.weights).toBeInstanceOf(Float64Array);
      for (const key of ['weights', 'means', 'covariances', 'precisionsCholesky'] as const) {
        expect(sameDoubles(fit.params[key], orig[key]), `${fit.id} ${key}`).toBe(true);
      }
      expect(fit.settings).toEqual(project.fits[i].settings);
      expect(fit.preprocessing).toEqual(project.fits[i].preprocessing);
    });
    // 0.1 + 0.2, the smallest subnormal: shortest round-trip decimal text is exact.
    expect(back.fits[0].summary.aic).toBe(0.1 + 0.2);
    expect(back.fits[0].summary.icl).toBe(Number.MIN_VALUE);
    // A non-finite trace value (JSON has none) comes back as NaN, the others exactly.
    expect(back.fits[0].trace!.slice(0, 5)).toEqual([-3.1, -2.5, -2.2, 1e-300, Number.MAX_VALUE]);
    expect(back.fits[0].trace![5]).toBeNaN();
    const { fits: _a, ...rest } = back;
    const { fits: _b, ...origRest } = project;
    expect(rest).toEqual(origRest);
  });
});

describe('parseProject: refusals with specific codes and messages', () => {
  const text = serializeProject(sampleProject());

  it('not JSON: project_corrupt, saying where parsing stopped', () => {
    const damaged = text.replace('"currentFitId"', '"currentFitId" oops');
    const err = refusal(damaged);
    expect(err.code).toBe('project_corrupt');
    const line = damaged.slice(0, damaged.indexOf('oops')).split('\n').length;
    expect(err.message).toMatch(
      new RegExp(`not valid JSON \\(parsing stopped at line ${line}, column \\d+\\)`),
    );
  });

  it('truncated: project_corrupt, "incomplete … cut off"', () => {
    const err = refusal(text.slice(0, Math.floor(text.length / 2)));
    expect(err.code).toBe('project_corrupt');
    expect(err.message).toMatch(/incomplete: it ends at line \d+, column \d+ .*cut off/);
  });

  it('an empty file is corrupt, not foreign', () => expect(refusal('').code).toBe('project_corrupt'));

  it('foreign JSON: project_foreign; a model file is named as one', () => {
    expect(refusal('{"name": "package", "version": 1}').code).toBe('project_foreign');
    expect(refusal('[1, 2, 3]').code).toBe('project_foreign');
    const model = refusal('{"format": "mixlab-model", "version": 1}');
    expect(model.code).toBe('project_foreign');
    expect(model.message).toContain('model file');
  });

  it('newer version: project_too_new with both format numbers', () => {
    const future = text.replace(`"version": ${PROJECT_VERSION}`, `"version": ${PROJECT_VERSION + 6}`);
    const err = refusal(future);
    expect(err.code).toBe('project_too_new');
    expect(err.message).toBe(
      `This project was made by a newer Mixture Lab (format ${PROJECT_VERSION + 6}); this version reads up to ${PROJECT_VERSION}. Update Mixture Lab to open it.`,
    );
  });

  it('schema failures: project_invalid naming the field', () => {
    const doc = JSON.parse(text);
    doc.fits[1].params.weights[2] = 'heavy';
    const err = refusal(JSON.stringify(doc));
    expect(err.code).toBe('project_invalid');
    expect(err.message).toContain('fits[1].params.weights');

    const shape = JSON.parse(text);
    shape.fits[0].params.means.pop();
    expect(refusal(JSON.stringify(shape)).message).toContain(
      'fits[0].params.means: expected 12 numbers for K=3, d=4 (full), got 11',
    );

    const dangling = JSON.parse(text);
    dangling.currentFitId = 'fit-99';
    expect(refusal(JSON.stringify(dangling)).message).toContain('currentFitId');
  });

  it('absurd sizes: arrays beyond the caps are refused, not trusted', () => {
    const doc = JSON.parse(text);
    doc.fits = Array.from({ length: PROJECT_LIMITS.fits + 1 }, () => doc.fits[0]);
    const err = refusal(JSON.stringify(doc));
    expect(err.code).toBe('project_invalid');
    expect(err.message).toContain('fits');

    const claims = JSON.parse(text);
    claims.fits[0].params.nComponents = 1e9;
    expect(refusal(JSON.stringify(claims)).message).toContain('fits[0].params.nComponents');

    const view = JSON.parse(text);
    view.viewState = { blob: 'x'.repeat(PROJECT_LIMITS.viewStateChars) };
    expect(refusal(JSON.stringify(view)).message).toContain('view state is larger');
  });

  it('sweep cells must be objects', () => {
    const doc = JSON.parse(text);
    doc.sweep.cells.push(42);
    expect(refusal(JSON.stringify(doc)).message).toContain('sweep.cells[2]');
  });
});
