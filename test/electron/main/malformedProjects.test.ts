/**
 * Malformed, hostile and odd project files opened through the REAL project services (the validating
 * router, createServices with the engine process): each is refused with its stable code and an exact
 * message, nothing crashes, and the services answer the next call (a valid project still opens).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serializeProject } from '../../../shared/project/parseProject';
import type { OpenedProject } from '../../../shared/project/status';
import { realEngineRouter } from '../../support/services';
import { sampleProject } from '../../shared/project/projectFixture';

const { engine, route } = realEngineRouter();
const tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-malformed-'));
afterAll(() => {
  engine.dispose();
  rmSync(tmp, { recursive: true, force: true });
});

const validText = serializeProject(sampleProject());
/** The sample project as a plain JSON object to break one field of. */
const validJson = () =>
  JSON.parse(validText) as Record<string, unknown> & { fits: Record<string, unknown>[] };

let files = 0;
function write(content: string | Buffer): string {
  const file = path.join(tmp, `case${files++}.mixlab`);
  writeFileSync(file, content);
  return file;
}

async function refused(content: string | Buffer): Promise<{ code: string; message: string }> {
  const res = await route('openProject', { path: write(content) });
  expect(res.ok, JSON.stringify(res).slice(0, 200)).toBe(false);
  // The services still answer, and a valid project still opens.
  const again = await route('openProject', { path: write(validText) });
  expect(again.ok).toBe(true);
  return (res as { ok: false; error: { code: string; message: string } }).error;
}

/** A pseudo-random byte sequence (xorshift32, fixed seed): reproducible "binary garbage". */
function garbage(n: number, seed = 0x9e3779b9): Buffer {
  const out = Buffer.alloc(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

describe('malformed project files through the project services', () => {
  it('truncated JSON: incomplete, with where it ends', async () => {
    const cut = validText.slice(0, 500);
    const lines = cut.split('\n');
    expect(await refused(cut)).toMatchObject({
      code: 'project_corrupt',
      message: `The project file is incomplete: it ends at line ${lines.length}, column ${lines.at(-1)!.length + 1} in the middle of the data (it was probably cut off while being written or copied).`,
    });
  });

  it('an empty file', async () => {
    expect(await refused('')).toMatchObject({
      code: 'project_corrupt',
      message: 'The project file is empty (0 bytes): it was probably not saved completely.',
    });
  });

  it('binary garbage: not valid JSON, with where parsing stopped', async () => {
    const error = await refused(garbage(4096));
    expect(error.code).toBe('project_corrupt');
    expect(error.message).toMatch(
      /^The project file is damaged: it is not valid JSON \(parsing stopped at line \d+, column \d+\)\.$/,
    );
  });

  it('foreign JSON: another kind of document, a bare array, a model file', async () => {
    expect(await refused('{"name":"my-app","version":"1.0.0","dependencies":{}}')).toMatchObject({
      code: 'project_foreign',
      message: 'This is not a Mixture Lab project file (it holds JSON of another kind).',
    });
    expect((await refused('[1,2,3]')).message).toBe(
      'This is not a Mixture Lab project file (it holds JSON, but not an object).',
    );
    expect((await refused('{"format":"mixlab-model","version":1}')).message).toBe(
      'This is not a Mixture Lab project file (it is a model file; use "Apply model" to open it).',
    );
  });

  it('a future format version: made by a newer Mixture Lab', async () => {
    expect(await refused(JSON.stringify({ ...validJson(), version: 99 }))).toMatchObject({
      code: 'project_too_new',
      message:
        'This project was made by a newer Mixture Lab (format 99); this version reads up to 1. Update Mixture Lab to open it.',
    });
  });

  it('wrong types: the field and what was expected', async () => {
    expect(await refused(JSON.stringify({ ...validJson(), version: '1' }))).toMatchObject({
      code: 'project_invalid',
      message: 'The project file has no valid format version.',
    });
    const fits = await refused(JSON.stringify({ ...validJson(), fits: 'all of them' }));
    expect(fits.code).toBe('project_invalid');
    expect(fits.message).toMatch(/^The project file is invalid: fits: .*array/);
    const doc = validJson();
    doc.fits[0].params = { ...(doc.fits[0].params as object), weights: 'heavy' };
    const weights = await refused(JSON.stringify(doc));
    expect(weights.code).toBe('project_invalid');
    expect(weights.message).toMatch(/^The project file is invalid: fits\[0\]\.params\.weights: /);
  });

  it('huge claimed arrays: sizes beyond the caps are refused by the schema, not allocated', async () => {
    // A model claiming a billion components (with tiny arrays).
    const claim = validJson();
    claim.fits[0].params = { ...(claim.fits[0].params as object), nComponents: 1_000_000_000 };
    const k = await refused(JSON.stringify(claim));
    expect(k.code).toBe('project_invalid');
    expect(k.message).toMatch(/^The project file is invalid: fits\[0\]\.params\.nComponents: .*1000/);

    // The largest K and d allowed, full covariance: 10^11 numbers claimed, a handful given.
    const big = validJson();
    big.fits[0].params = { ...(big.fits[0].params as object), nComponents: 1000, nFeatures: 10_000 };
    const size = await refused(JSON.stringify(big));
    expect(size.code).toBe('project_invalid');
    expect(size.message).toMatch(/expected \d+ numbers for K=1000, d=10000 \(full\), got \d+/);

    // More fits than a project may hold (1000).
    const many = validJson();
    many.fits = Array.from({ length: 1001 }, (_, i) => ({ ...many.fits[0], id: `f${i}` }));
    const fits = await refused(JSON.stringify(many));
    expect(fits.code).toBe('project_invalid');
    expect(fits.message).toMatch(/^The project file is invalid: fits: .*1000/);

    // A real array of 20 million numbers: refused from the bytes before JSON.parse builds it.
    const huge = `{"format":"mixlab-project","version":1,"fits":[{"trace":[${'0,'.repeat(20_000_000)}0]}]}`;
    const started = Date.now();
    expect(await refused(huge)).toMatchObject({
      code: 'project_invalid',
      message:
        'The project file holds more than 20 million values; Mixture Lab projects stay well below that, so this file is damaged or was not written by Mixture Lab.',
    });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('deeply nested JSON: refused before any recursive walk can overflow the stack', async () => {
    const deep = `{"format":"mixlab-project","version":1,"viewState":{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;
    expect(await refused(deep)).toMatchObject({
      code: 'project_invalid',
      message:
        'The project file nests more than 64 levels deep; a Mixture Lab project never does, so this file is damaged or was not written by Mixture Lab.',
    });
  });

  it('a UTF-8 byte order mark (left by an editor) is ignored: the project opens', async () => {
    const res = await route('openProject', { path: write('\ufeff' + validText) });
    expect(res.ok).toBe(true);
    const opened = (res as { value: OpenedProject }).value;
    expect(opened.project.fits.map((f) => f.id)).toEqual(sampleProject().fits.map((f) => f.id));
  });
});
