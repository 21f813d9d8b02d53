/**
 * Embedded data from an untrusted project: unpacked as a stream to disk, hashed as it goes, and
 * refused as soon as it inflates past the size the project declares (a gzip bomb), or when its
 * hash or size do not match — leaving no file behind. The data embedded at save time is the bytes
 * hashed while reading, so a file rewritten during the save is refused rather than saved wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { createGzip, gzipSync } from 'node:zlib';
import { EngineError } from '../../../shared/errors';
import type { MixlabProject } from '../../../shared/project/schema';
import { buildProject, extractEmbeddedData, saveProjectFile } from '../../../electron/main/projectFiles';
import { sampleState } from '../../shared/project/projectFixture';

const irisCsv = fileURLToPath(new URL('../../fixtures/data/iris.csv', import.meta.url));
const appVersion = '0.1.0-test';
let tmp: string;
let project: MixlabProject;
beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-embedded-'));
  const data = path.join(tmp, 'iris.csv');
  copyFileSync(irisCsv, data);
  project = await buildProject(sampleState(data), { appVersion, embedData: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function refusal(promise: Promise<unknown>): Promise<EngineError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof EngineError) return err;
    throw err;
  }
  throw new Error('accepted');
}

/** `megabytes` of zeros, gzip-compressed as a stream (about 1 KB per MB). */
async function zeroBomb(megabytes: number): Promise<Buffer> {
  const gz = createGzip({ level: 9 });
  const out: Buffer[] = [];
  gz.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => gz.on('end', resolve));
  const zeros = Buffer.alloc(2 ** 20);
  for (let i = 0; i < megabytes; i++) if (!gz.write(zeros)) await new Promise((r) => gz.once('drain', r));
  gz.end();
  await done;
  return Buffer.concat(out);
}

function withEmbedded(data: Buffer, size: number, sha256: string): MixlabProject {
  return {
    ...project,
    embeddedData: {
      encoding: 'gzip+base64',
      fileName: 'data.csv',
      size,
      sha256,
      data: data.toString('base64'),
    },
  };
}

describe('extracting embedded data', () => {
  it('a 256 MB gzip bomb declaring 10 KB stops at 10 KB, fast, leaving no file', async () => {
    const bomb = await zeroBomb(256);
    const dir = path.join(tmp, 'bomb');
    const started = Date.now();
    const err = await refusal(extractEmbeddedData(withEmbedded(bomb, 10_000, 'a'.repeat(64)), dir));
    expect(err.code).toBe('project_corrupt');
    expect(err.message).toBe(
      'The data embedded in the project is damaged (it unpacks to more than the 10000 bytes it declares).',
    );
    expect(Date.now() - started).toBeLessThan(5000);
    const left = readdirSync(path.join(dir, 'a'.repeat(16)));
    expect(left).toEqual([]);
  });

  it('a declared size beyond what a data file may be is refused before unpacking', async () => {
    const err = await refusal(extractEmbeddedData(withEmbedded(gzipSync('x'), 2 ** 40, 'b'.repeat(64)), tmp));
    expect(err.message).toMatch(/declares 1099511627776 bytes, more than a data file may have/);
  });

  it('a hash or size that does not match, or bytes that are not gzip: project_corrupt, no file', async () => {
    const text = Buffer.from('x,y\n1,2\n');
    const sha = createHash('sha256').update(text).digest('hex');
    const dir = path.join(tmp, 'mismatch');
    const wrongHash = await refusal(
      extractEmbeddedData(withEmbedded(gzipSync(text), text.length, 'c'.repeat(64)), dir),
    );
    expect(wrongHash.message).toContain('its SHA-256 does not match');
    const short = await refusal(extractEmbeddedData(withEmbedded(gzipSync(text), text.length + 5, sha), dir));
    expect(short.message).toContain(
      `it unpacks to ${text.length} bytes, not the ${text.length + 5} it declares`,
    );
    const garbage = await refusal(extractEmbeddedData(withEmbedded(Buffer.from('not gzip'), 8, sha), dir));
    expect(garbage.message).toContain('it does not decompress');
    mkdirSync(dir, { recursive: true });
    for (const sub of readdirSync(dir)) expect(readdirSync(path.join(dir, sub))).toEqual([]);
  });

  it('the embedded data of a saved project unpacks byte for byte', async () => {
    const file = path.join(tmp, 'p.mixlab');
    const data = path.join(tmp, 'iris.csv');
    await saveProjectFile(file, sampleState(data), { appVersion, embedData: true });
    const restored = await extractEmbeddedData(project, path.join(tmp, 'ok'));
    expect(readFileSync(restored).equals(readFileSync(irisCsv))).toBe(true);
    expect(existsSync(file)).toBe(true);
  });
});

describe('embedding data on save', () => {
  it('refuses when the bytes read differ from the fingerprint (the file changed meanwhile): data_changed', async () => {
    const data = path.join(tmp, 'iris.csv');
    const err = await refusal(
      buildProject(sampleState(data), {
        appVersion,
        embedData: true,
        // A fingerprint taken before the file was rewritten.
        fingerprint: async (p) => ({ path: p, size: 7, mtimeMs: 0, sha256: 'd'.repeat(64) }),
      }),
    );
    expect(err.code).toBe('data_changed');
    expect(err.message).toBe(
      'The data file "iris.csv" changed while the project was being saved; save again.',
    );
  });
});
