import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Autosaver } from '../../../electron/main/autosave';
import { sameDoubles, sampleState } from '../../shared/project/projectFixture';

const irisCsv = fileURLToPath(new URL('../../fixtures/data/iris.csv', import.meta.url));
let tmp: string;
let data: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-autosave-'));
  data = path.join(tmp, 'iris.csv');
  copyFileSync(irisCsv, data);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const at = (iso: string) => () => new Date(iso);
const waitFor = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('autosave and recovery', () => {
  it('a session that did not exit cleanly is offered back, with its time and a summary', async () => {
    const dir = path.join(tmp, 'crash');
    const first = await Autosaver.start({
      dir,
      appVersion: '0.1.0',
      intervalMs: 20,
      now: at('2026-11-22T10:42:00Z'),
    });
    expect(first.findRecoverable()).toBeNull();
    const state = sampleState(data);
    first.update(state);
    // Written by the interval timer, not by update.
    await waitFor(() => existsSync(path.join(dir, 'autosave.mixlab')));
    first.stop(); // the process dies here: no clean-exit marker

    const second = await Autosaver.start({ dir, appVersion: '0.1.0', intervalMs: 20 });
    expect(second.findRecoverable()).toEqual({
      savedAt: '2026-11-22T10:42:00.000Z',
      summary: {
        dataFile: 'iris.csv',
        fits: 4,
        currentFit: '3 components, diag',
        columns: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'],
      },
    });
    const restored = await second.recover();
    expect(restored.viewState).toEqual(state.viewState);
    expect(sameDoubles(restored.fits[1].params.means, state.fits[1].params.means)).toBe(true);
    // The new session's autosaves do not overwrite what is being offered.
    second.update({ ...state, fits: [], currentFitId: null });
    await second.flush();
    expect((await second.recover()).fits).toHaveLength(4);
    await second.discardRecoverable();
    expect(second.findRecoverable()).toBeNull();
    await second.markCleanExit();

    const third = await Autosaver.start({ dir, appVersion: '0.1.0' });
    expect(third.findRecoverable()).toBeNull();
    await third.markCleanExit();
  });

  it('a clean exit leaves nothing to recover', async () => {
    const dir = path.join(tmp, 'clean');
    const first = await Autosaver.start({ dir, appVersion: '0.1.0', intervalMs: 20 });
    first.update(sampleState(data));
    await first.flush();
    await first.markCleanExit();
    expect(readdirSync(dir).sort()).toEqual(['session.json']);
    const second = await Autosaver.start({ dir, appVersion: '0.1.0' });
    expect(second.findRecoverable()).toBeNull();
    await second.markCleanExit();
  });

  it('writes only when the state changed since the last write, at the interval', async () => {
    const dir = path.join(tmp, 'interval');
    // now() is read once per autosave written (its savedAt): it counts the writes.
    let writes = 0;
    let clock = 0;
    const saver = await Autosaver.start({
      dir,
      appVersion: '0.1.0',
      intervalMs: 60_000,
      now: () => {
        writes++;
        return new Date(Date.UTC(2026, 10, 22, 10, clock++));
      },
    });
    writes = 0;
    saver.update(sampleState(null));
    saver.update(sampleState(null));
    await saver.flush();
    await saver.flush();
    expect(writes).toBe(1);
    saver.update(null); // analysis closed: the autosave goes
    await saver.flush();
    expect(existsSync(path.join(dir, 'autosave.mixlab'))).toBe(false);
    saver.stop();
  });

  it('a crash before the first autosave offers nothing', async () => {
    const dir = path.join(tmp, 'early');
    (await Autosaver.start({ dir, appVersion: '0.1.0' })).stop();
    const next = await Autosaver.start({ dir, appVersion: '0.1.0' });
    expect(next.findRecoverable()).toBeNull();
    next.stop();
  });
});
