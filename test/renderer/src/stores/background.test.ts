import { describe, expect, it, vi } from 'vitest';
import { MixlabError } from '../../../../shared/api';
import type { BackgroundRun } from '../../../../shared/background/backgroundRun';
import { backgroundOptionsSchema } from '../../../../shared/engine/background/backgroundOptions';
import type { FrameView } from '../../../../shared/engine/background/frameViewRequest';
import { FRAME_INTERVAL_MS, useBackgroundStore } from '../../../../renderer/src/stores/background';
import { createFakeApi, deferred, flush, installStores } from '../../support/fakeApi';

const run: BackgroundRun = {
  runId: 'run-1',
  source: '/frames',
  frames: 4,
  width: 2,
  height: 1,
  channels: 1,
  options: backgroundOptionsSchema.parse({}),
  masks: ['a.png', 'b.png', 'c.png', 'd.png'],
  foregroundFraction: [0, 0.5, 1, 0],
  seconds: 0.1,
};
const frameOf = (index: number): FrameView => ({
  index,
  name: run.masks[index],
  sourceWidth: 2,
  sourceHeight: 1,
  width: 2,
  height: 1,
  channels: 1,
  frame: new Uint8Array([index, index]),
  mask: new Uint8Array([0, 255]),
  estimate: new Uint8Array([9, 9]),
  foregroundFraction: run.foregroundFraction[index],
});

function setup(overrides: Record<string, unknown> = {}) {
  const api = createFakeApi({
    chooseFrameSource: async () => ({ path: '/frames' }),
    runBackground: async () => run,
    getBackgroundFrame: async ({ index }: { index: number }) => frameOf(index),
    closeBackgroundRun: async () => ({ closed: true }),
    ...overrides,
  });
  installStores(api);
  return { api, store: useBackgroundStore() };
}
const calls = (api: ReturnType<typeof setup>['api'], method: string) =>
  api.calls.filter((c) => c.method === method).map((c) => c.arg);

describe('background store', () => {
  it('opens the source the dialog chose, runs with the settings and shows the first frame', async () => {
    const { api, store } = setup();
    await store.openSource('folder');
    expect(calls(api, 'chooseFrameSource')).toEqual([{ kind: 'folder' }]);
    expect(store.source).toEqual({ path: '/frames', kind: 'folder' });
    store.settings.components = 3;
    await store.start();
    const [arg] = calls(api, 'runBackground') as { source: string; options: { components: number } }[];
    expect([arg.source, arg.options.components]).toEqual(['/frames', 3]);
    expect(store.run).toEqual(run);
    expect(store.view?.name).toBe('a.png');
  });

  it('does nothing when the dialog is cancelled, and refuses to run with a setting out of range', async () => {
    const { api, store } = setup({ chooseFrameSource: async () => null });
    await store.openSource('gif');
    expect(store.open).toBe(false);
    store.source = { path: '/frames', kind: 'folder' };
    store.settings.components = 0;
    await store.start();
    expect(calls(api, 'runBackground')).toEqual([]);
  });

  it('steps within the sequence, and a newer wish replaces a frame still on its way', async () => {
    const held = deferred<FrameView>();
    let hold = false;
    const { api, store } = setup({
      getBackgroundFrame: async ({ index }: { index: number }) => (hold ? held.promise : frameOf(index)),
    });
    await store.openSource('folder');
    await store.start();
    await store.step(-1);
    expect(store.index).toBe(0);
    hold = true;
    const first = store.showFrame(1);
    hold = false;
    void store.showFrame(2);
    void store.showFrame(3);
    held.resolve(frameOf(1));
    await first;
    expect(store.view?.index).toBe(3);
    const asked = (calls(api, 'getBackgroundFrame') as { index: number }[]).map((c) => c.index);
    expect(asked).toEqual([0, 1, 3]);
    await store.step(5);
    expect(store.index).toBe(3);
  });

  it('plays to the last frame at its pace, then stops', async () => {
    vi.useFakeTimers();
    try {
      const { store } = setup();
      await store.openSource('folder');
      await store.start();
      store.play();
      expect(store.playing).toBe(true);
      for (let i = 0; i < 4; i++) {
        await vi.advanceTimersByTimeAsync(FRAME_INTERVAL_MS);
      }
      expect(store.index).toBe(3);
      expect(store.playing).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a cancelled run keeps nothing and says so; a failed one shows its error', async () => {
    const pending = deferred<BackgroundRun>();
    const { store } = setup({ runBackground: () => pending.promise });
    await store.openSource('folder');
    const started = store.start();
    await flush();
    await store.cancel();
    expect(store.cancelled).toBe(true);
    pending.resolve(run);
    await started;
    expect(store.run).toBeNull();

    const failing = setup({
      runBackground: async () => {
        throw new MixlabError('no_frames', 'The folder /x holds no PNG, JPEG, BMP or WebP frame.');
      },
    });
    await failing.store.openSource('folder');
    await failing.store.start();
    expect(failing.store.error?.code).toBe('no_frames');
  });

  it('exports into the folder the dialog chose, and closing deletes the run', async () => {
    const { api, store } = setup({
      chooseExportFolder: async () => ({ path: '/out' }),
      exportBackgroundMasks: async () => ({ folder: '/out', files: 4 }),
    });
    await store.openSource('folder');
    await store.start();
    await store.exportMasks();
    expect((calls(api, 'exportBackgroundMasks') as { folder: string; runId: string }[])[0]).toMatchObject({
      runId: 'run-1',
      folder: '/out',
    });
    expect(store.exported).toEqual({ folder: '/out', files: 4 });
    await store.close();
    expect(calls(api, 'closeBackgroundRun')).toEqual([{ runId: 'run-1' }]);
    expect(store.open).toBe(false);
  });
});
