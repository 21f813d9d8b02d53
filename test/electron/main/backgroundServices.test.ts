/**
 * The background model's window.mixlab calls through the real router, services and engine process:
 * dialogs, a run kept in main's temporary folder, frames served by run id, masks exported only into
 * a folder chosen in the folder dialog, cancel and clean-up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decode, encode } from 'fast-png';
import { EngineClient } from '../../../electron/main/engineClient';
import { nodeEngineSpawner } from '../../../electron/main/nodeEngineSpawner';
import { createIpcRouter } from '../../../electron/main/ipcRouter';
import { createServices } from '../../../electron/main/services';
import type { ApiResultOf, ArgOf, MixlabEvent, MixlabMethod } from '../../../shared/api';
import type { FrameSourceKind } from '../../../shared/background/backgroundRun';
import { syntheticSequence } from '../../../scripts/lib/syntheticFrames.mjs';
import { enginePath } from '../../support/paths';

const engine = new EngineClient(nodeEngineSpawner(enginePath));
const events: MixlabEvent[] = [];
const asked: FrameSourceKind[] = [];
const answers = { source: null as string | null, folder: null as string | null };
let route: ReturnType<typeof createIpcRouter>;
let tmp: string;
let appDataDir: string;
let frames: string;
const seq = syntheticSequence({ width: 32, height: 24, frames: 30, learning: 10 });

async function api<M extends MixlabMethod>(method: M, arg: ArgOf<M>): Promise<ApiResultOf<M>> {
  const envelope = await route(method, arg);
  if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
  return envelope.value as ApiResultOf<M>;
}
const runsOnDisk = () => readdirSync(path.join(appDataDir, 'background-runs'));

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'mixlab-background-services-'));
  appDataDir = path.join(tmp, 'appdata');
  frames = path.join(tmp, 'frames');
  mkdirSync(frames);
  seq.frames.forEach((data, t) =>
    writeFileSync(
      path.join(frames, `shot${t + 1}.png`),
      encode({ width: 32, height: 24, channels: 1, depth: 8, data }),
    ),
  );
  const services = createServices({
    engine,
    dialogs: {
      chooseDataFile: async () => null,
      chooseFrameSource: async (kind) => {
        asked.push(kind);
        return answers.source;
      },
      chooseExportFolder: async () => answers.folder,
    },
    samplesDir: '/nowhere',
    appInfo: () => ({
      name: 'Mixture Lab',
      version: 't',
      platform: 'linux',
      locale: 'en',
      prefersDark: false,
    }),
    emit: (event) => events.push(event),
    appDataDir,
  });
  route = createIpcRouter(services);
});
afterAll(() => {
  engine.dispose();
  rmSync(tmp, { recursive: true, force: true });
});

describe('background model services', () => {
  it('asks the dialog for a folder or a GIF and answers its choice or null', async () => {
    answers.source = frames;
    expect(await api('chooseFrameSource', { kind: 'folder' })).toEqual({ path: frames });
    answers.source = null;
    expect(await api('chooseFrameSource', { kind: 'gif' })).toBeNull();
    expect(asked).toEqual(['folder', 'gif']);
  });

  it('runs the model with progress, keeps the outputs under a run id and serves frame i with the engine’s mask', async () => {
    const run = await api('runBackground', { jobId: 'bg-1', source: frames, options: { components: 3 } });
    expect(run).toMatchObject({ runId: 'run-1', frames: 30, width: 32, height: 24, channels: 1 });
    expect(run.options.components).toBe(3);
    expect(run.masks.slice(8, 11)).toEqual(['shot9.png', 'shot10.png', 'shot11.png']);
    const progress = events.flatMap((e) => (e.type === 'progress' && e.jobId === 'bg-1' ? [e.progress] : []));
    expect(progress.at(-1)).toEqual({ frame: 30, frames: 30 });
    expect(runsOnDisk()).toHaveLength(1);

    // The same frames through the engine directly, as `mixlab background` runs them.
    const direct = path.join(tmp, 'direct');
    await engine.call('background', { source: frames, out: direct, options: { components: 3 } });
    const view = await api('getBackgroundFrame', {
      runId: run.runId,
      index: 20,
      box: { maxWidth: 640, maxHeight: 480 },
    });
    expect(view).toMatchObject({ index: 20, name: 'shot21.png', width: 32, height: 24 });
    expect(view.mask).toEqual(decode(readFileSync(path.join(direct, 'shot21.png'))).data);
    expect(view.foregroundFraction).toBe(run.foregroundFraction[20]);
    expect(view.frame).toEqual(seq.frames[20]);
  });

  it('refuses an unknown run, a frame past the end and an oversized box', async () => {
    const box = { maxWidth: 100, maxHeight: 100 };
    await expect(api('getBackgroundFrame', { runId: 'run-99', index: 0, box })).rejects.toMatchObject({
      code: 'background_run_unknown',
    });
    await expect(api('getBackgroundFrame', { runId: 'run-1', index: 30, box })).rejects.toMatchObject({
      code: 'invalid_payload',
    });
    await expect(
      api('getBackgroundFrame', { runId: 'run-1', index: 0, box: { maxWidth: 100_000, maxHeight: 10 } }),
    ).rejects.toMatchObject({ code: 'invalid_payload' });
    await expect(api('getBackgroundFrame', { runId: '../etc', index: 0, box })).rejects.toMatchObject({
      code: 'invalid_payload',
    });
  });

  it('exports the masks only into a folder chosen in the folder dialog, named after the frames', async () => {
    const target = path.join(tmp, 'export');
    mkdirSync(target);
    await expect(
      api('exportBackgroundMasks', { jobId: 'ex-1', runId: 'run-1', folder: target }),
    ).rejects.toMatchObject({ code: 'path_not_granted' });
    expect(readdirSync(target)).toEqual([]);

    answers.folder = target;
    expect(await api('chooseExportFolder', {})).toEqual({ path: target });
    const summary = await api('exportBackgroundMasks', { jobId: 'ex-2', runId: 'run-1', folder: target });
    expect(summary).toEqual({ folder: target, files: 30 });
    expect(readdirSync(target).sort()).toEqual(seq.frames.map((_, t) => `shot${t + 1}.png`).sort());
    const mask = decode(readFileSync(path.join(target, 'shot21.png')));
    expect([mask.width, mask.height, mask.channels]).toEqual([32, 24, 1]);
    expect((mask.data as Uint8Array).every((v) => v === 0 || v === 255)).toBe(true);
    // Granted is the folder's own files, not a subfolder.
    await expect(
      api('exportBackgroundMasks', { jobId: 'ex-3', runId: 'run-1', folder: path.join(target, 'sub') }),
    ).rejects.toMatchObject({ code: 'path_not_granted' });
  });

  it('a cancelled run leaves no folder behind; a closed run is deleted and no longer served', async () => {
    // A sequence long enough that the cancel arrives while it runs: 400 frames, cancelled after one.
    const long = path.join(tmp, 'long');
    mkdirSync(long);
    const png = encode({ width: 32, height: 24, channels: 1, depth: 8, data: seq.frames[0] });
    for (let t = 0; t < 400; t++) writeFileSync(path.join(long, `f${t}.png`), png);
    const running = api('runBackground', { jobId: 'bg-2', source: long });
    while (!events.some((e) => e.type === 'progress' && e.jobId === 'bg-2'))
      await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await api('cancelJob', { jobId: 'bg-2' })).toEqual({ cancelled: true });
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    expect(runsOnDisk()).toHaveLength(1);

    expect(await api('closeBackgroundRun', { runId: 'run-1' })).toEqual({ closed: true });
    expect(runsOnDisk()).toHaveLength(0);
    await expect(
      api('getBackgroundFrame', { runId: 'run-1', index: 0, box: { maxWidth: 10, maxHeight: 10 } }),
    ).rejects.toMatchObject({ code: 'background_run_unknown' });
    expect(await api('closeBackgroundRun', { runId: 'run-1' })).toEqual({ closed: false });
  });

  it('keeps the outputs of the last three runs only', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++)
      ids.push((await api('runBackground', { jobId: `k-${i}`, source: frames })).runId);
    expect(runsOnDisk()).toHaveLength(3);
    const box = { maxWidth: 10, maxHeight: 10 };
    await expect(api('getBackgroundFrame', { runId: ids[0], index: 0, box })).rejects.toMatchObject({
      code: 'background_run_unknown',
    });
    expect((await api('getBackgroundFrame', { runId: ids[3], index: 0, box })).index).toBe(0);
    expect(existsSync(path.join(appDataDir, 'background-runs'))).toBe(true);
  });
});
