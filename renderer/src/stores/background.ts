import { defineStore } from 'pinia';
import { computed, onScopeDispose, ref, shallowRef } from 'vue';
import type {
  BackgroundRun,
  FrameSourceKind,
  MaskExportSummary,
} from '../../../shared/background/backgroundRun';
import type { FrameView, FrameViewBox } from '../../../shared/engine/background/frameViewRequest';
import { useClients } from '../api/clients';
import { toUserError, type UserError } from '../api/userError';
import { parseBackgroundProgress, parseMaskExportProgress } from '../lib/backgroundProgress';
import {
  defaultBackgroundSettings,
  invalidSettings,
  requestOptions,
  type BackgroundSettings,
} from '../lib/backgroundSettings';
import { useEngineJob, type JobOutcome } from '../lib/engineJob';

/** The player's pace: 10 frames a second at most (a frame is shown only once it has arrived). */
export const FRAME_INTERVAL_MS = 100;

/**
 * The background model over a sequence of frames: the source chosen in a native dialog, the
 * settings, the run (engine job with progress and cancel), and the player, which asks main for
 * one frame at a time — a newer wish replaces an older one while a frame is on its way, so a
 * dragged slider never queues a backlog.
 */
export const useBackgroundStore = defineStore('background', () => {
  const clients = useClients();
  const runJob = useEngineJob(clients, { kind: 'background', parseProgress: parseBackgroundProgress });
  const exportJob = useEngineJob(clients, { kind: 'masks', parseProgress: parseMaskExportProgress });

  const source = ref<{ path: string; kind: FrameSourceKind } | null>(null);
  const settings = ref<BackgroundSettings>(defaultBackgroundSettings());
  const run = shallowRef<BackgroundRun | null>(null);
  const index = ref(0);
  const view = shallowRef<FrameView | null>(null);
  const playing = ref(false);
  const error = ref<UserError | null>(null);
  const cancelled = ref(false);
  const exported = ref<MaskExportSummary | null>(null);
  const box = ref<FrameViewBox>({ maxWidth: 480, maxHeight: 480 });

  const open = computed(() => source.value !== null);
  const running = computed(() => runJob.state.value);
  const exporting = computed(() => exportJob.state.value);
  const invalid = computed(() => invalidSettings(settings.value));

  function failed(err: unknown): void {
    error.value = toUserError(err);
  }

  async function forgetRun(): Promise<void> {
    pause();
    const old = run.value;
    run.value = null;
    view.value = null;
    index.value = 0;
    exported.value = null;
    if (old) await clients.background.close(old.runId).catch(() => undefined);
  }

  /** A folder of frames or an animated GIF from the native dialog; the previous run is dropped. */
  async function openSource(kind: FrameSourceKind): Promise<void> {
    let path: string | null;
    try {
      path = await clients.background.chooseSource(kind);
    } catch (err) {
      failed(err);
      return;
    }
    if (!path) return;
    if (runJob.state.value) await runJob.cancel();
    await forgetRun();
    error.value = null;
    cancelled.value = false;
    source.value = { path, kind };
  }

  async function start(): Promise<void> {
    const from = source.value;
    if (!from || runJob.state.value || invalid.value.length > 0) return;
    await forgetRun();
    error.value = null;
    cancelled.value = false;
    const outcome: JobOutcome<BackgroundRun> = await runJob.run((jobId) =>
      clients.background.run(from.path, requestOptions(settings.value), jobId),
    );
    if (outcome.status === 'done') {
      run.value = outcome.value;
      await showFrame(0);
    } else if (outcome.status === 'failed') {
      error.value = outcome.error;
    } else {
      cancelled.value = true;
      // A run that finished just before the cancel: its folder is main's to delete.
      if (outcome.status === 'abandoned' && outcome.late) await clients.background.close(outcome.late.runId);
    }
  }

  async function cancel(): Promise<void> {
    const outcome = await runJob.cancel();
    if (outcome.status === 'abandoned') cancelled.value = true;
    else if (outcome.status === 'failed') error.value = outcome.error;
  }

  let wanted = 0;
  let fetching: Promise<void> | null = null;
  /** Shows frame `i` (clamped); resolves once it, or a frame asked for later, is on screen. */
  function showFrame(i: number): Promise<void> {
    const current = run.value;
    if (!current) return Promise.resolve();
    wanted = Math.max(0, Math.min(current.frames - 1, Math.round(i)));
    index.value = wanted;
    if (!fetching && view.value?.index === wanted) return Promise.resolve();
    fetching ??= (async () => {
      try {
        for (;;) {
          const target = wanted;
          const frame = await clients.background.frame(current.runId, target, box.value);
          if (run.value !== current) return;
          if (wanted === target) {
            view.value = frame;
            return;
          }
        }
      } catch (err) {
        pause();
        failed(err);
      } finally {
        fetching = null;
      }
    })();
    return fetching;
  }

  function step(delta: number): Promise<void> {
    pause();
    return showFrame(index.value + delta);
  }

  let timer: ReturnType<typeof setTimeout> | null = null;
  function pause(): void {
    playing.value = false;
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }
  /** Plays from the frame shown (from the first when at the last) to the end. */
  function play(): void {
    const current = run.value;
    if (!current || playing.value) return;
    playing.value = true;
    const from = index.value >= current.frames - 1 ? 0 : index.value;
    const next = async (i: number): Promise<void> => {
      await showFrame(i);
      if (!playing.value || run.value !== current) return;
      if (i >= current.frames - 1) {
        pause();
        return;
      }
      timer = setTimeout(() => void next(i + 1), FRAME_INTERVAL_MS);
    };
    void next(from);
  }

  /** Copies the masks into a folder the user picks in the native folder dialog. */
  async function exportMasks(): Promise<void> {
    const current = run.value;
    if (!current || exportJob.state.value) return;
    let folder: string | null;
    try {
      folder = await clients.background.chooseExportFolder();
    } catch (err) {
      failed(err);
      return;
    }
    if (!folder) return;
    exported.value = null;
    const outcome = await exportJob.run((jobId) =>
      clients.background.exportMasks(current.runId, folder, jobId),
    );
    if (outcome.status === 'done') exported.value = outcome.value;
    else if (outcome.status === 'failed') error.value = outcome.error;
  }

  /** Leaves the background model: the run's folder is deleted. */
  async function close(): Promise<void> {
    if (runJob.state.value) await runJob.cancel();
    await forgetRun();
    source.value = null;
    error.value = null;
    cancelled.value = false;
  }

  function resetSettings(): void {
    settings.value = defaultBackgroundSettings();
  }

  onScopeDispose(pause);

  return {
    source,
    settings,
    run,
    index,
    view,
    playing,
    error,
    cancelled,
    exported,
    box,
    open,
    running,
    exporting,
    invalid,
    openSource,
    start,
    cancel,
    showFrame,
    step,
    play,
    pause,
    exportMasks,
    close,
    resetSettings,
  };
});
