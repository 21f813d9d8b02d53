/**
 * One engine job at a time, the way every store runs one (import, fit, sweep, label export): a
 * fresh job id, the job's progress events read by the caller's parser (they cross a process
 * boundary, so nothing is trusted by cast), reactive state for the view (id, latest progress,
 * cancelling), cancel, and the answer turned into an outcome the store maps onto its own state.
 *
 * Cancel means the same for every job: once the engine has the cancel (cancelJob answered true),
 * the job is over for the user. Its state clears at once, a new job may start, and the job's late
 * answer — a result or "cancelled" — is ignored ("abandoned"). The engine itself stops at its next
 * cancellation check (between EM iterations, rows of an import), which may take a while longer.
 */
import { getCurrentScope, onScopeDispose, shallowRef, type ShallowRef } from 'vue';
import type { EventClient } from '../api/eventClient';
import type { JobClient } from '../api/jobClient';
import { isCancelled, toUserError, type UserError } from '../api/userError';

/** The job running now, as the view shows it. */
export interface JobState<P> {
  readonly jobId: string;
  /** The latest progress the parser accepted; null until the first. */
  readonly progress: P | null;
  /** The user asked to cancel and the engine has not answered that yet. */
  readonly cancelling: boolean;
}

/** How a run ended. */
export type JobOutcome<T> =
  | { status: 'done'; value: T }
  /** The engine (or the bridge) refused or failed: by code, with a message to show. */
  | { status: 'failed'; error: UserError }
  /** The engine answered "cancelled" before the cancel came back: a note for the user, not an error. */
  | { status: 'cancelled' }
  /**
   * The user cancelled and the engine had it: whatever the engine answered was ignored. `late` is
   * a result that arrived anyway (the job finished before it saw the cancel), for the caller to
   * release (an imported dataset the engine would otherwise keep).
   */
  | { status: 'abandoned'; late?: T };

/** What a cancel did. */
export type CancelOutcome =
  /** The job is over for the user; its run resolves 'abandoned'. */
  | { status: 'abandoned' }
  /** Too late (the job had finished) or nothing to cancel: the run ends as it would have. */
  | { status: 'none' }
  /** The cancel itself failed; the job runs on (and stays marked as cancelling). */
  | { status: 'failed'; error: UserError };

export interface EngineJobOptions<P> {
  /** Prefix of the job ids ('fit' → 'fit-…'). */
  kind: string;
  /** Reads one progress payload; null = not a progress of this kind (ignored). */
  parseProgress: (raw: unknown) => P | null;
}

export interface EngineJob<P> {
  readonly state: Readonly<ShallowRef<JobState<P> | null>>;
  /**
   * Runs `call` as a new job (the caller checks that none is running). `onProgress` sees each
   * accepted progress while the job is the user's (not after it was abandoned).
   */
  run<T>(call: (jobId: string) => Promise<T>, onProgress?: (progress: P) => void): Promise<JobOutcome<T>>;
  cancel(): Promise<CancelOutcome>;
}

/**
 * A job slot for a store's setup. Progress subscriptions end with their job, and with the store's
 * scope if it is disposed while a job runs.
 */
export function useEngineJob<P>(
  clients: { jobs: JobClient; events: EventClient },
  options: EngineJobOptions<P>,
): EngineJob<P> {
  const state = shallowRef<JobState<P> | null>(null);
  /** Jobs the user cancelled while they ran: their answer is ignored. */
  const abandoned = new Set<string>();
  const subscriptions = new Set<() => void>();
  if (getCurrentScope())
    onScopeDispose(() => {
      subscriptions.forEach((unsubscribe) => unsubscribe());
      subscriptions.clear();
    });

  async function run<T>(
    call: (jobId: string) => Promise<T>,
    onProgress?: (progress: P) => void,
  ): Promise<JobOutcome<T>> {
    const jobId = clients.jobs.newJobId(options.kind);
    const isCurrent = () => state.value?.jobId === jobId;
    state.value = { jobId, progress: null, cancelling: false };
    const unsubscribe = clients.events.onProgress(jobId, (raw) => {
      const progress = options.parseProgress(raw);
      if (progress === null || !isCurrent()) return;
      state.value = { ...state.value!, progress };
      onProgress?.(progress);
    });
    subscriptions.add(unsubscribe);
    try {
      const value = await call(jobId);
      return abandoned.has(jobId) ? { status: 'abandoned', late: value } : { status: 'done', value };
    } catch (err) {
      if (abandoned.has(jobId)) return { status: 'abandoned' };
      const error = toUserError(err);
      return isCancelled(error) ? { status: 'cancelled' } : { status: 'failed', error };
    } finally {
      abandoned.delete(jobId);
      if (subscriptions.delete(unsubscribe)) unsubscribe();
      if (isCurrent()) state.value = null;
    }
  }

  async function cancel(): Promise<CancelOutcome> {
    const job = state.value;
    if (!job || job.cancelling) return { status: 'none' };
    state.value = { ...job, cancelling: true };
    try {
      const stopping = await clients.jobs.cancel(job.jobId);
      // Still running when the engine took the cancel: the job is over for the user now.
      if (!stopping || state.value?.jobId !== job.jobId) return { status: 'none' };
      abandoned.add(job.jobId);
      state.value = null;
      return { status: 'abandoned' };
    } catch (err) {
      return { status: 'failed', error: toUserError(err) };
    }
  }

  return { state, run, cancel };
}
