import type { MixlabApi } from '../../../shared/api';
import type { EngineExitReason } from '../../../shared/protocol';
import { systemApi } from './systemApi';

export interface EngineCrash {
  message: string;
  restarted: boolean;
  /** Why it stopped ('exited' when the main process did not say). */
  reason: EngineExitReason;
  /** The technical cause ("signal SIGKILL"); the whole message when the main process gave no detail. */
  detail: string;
}

/** Events pushed by the main process. Every subscription returns its unsubscribe function. */
export interface EventClient {
  /** Progress of one job; the payload's shape depends on the job's kind. */
  onProgress(jobId: string, listener: (progress: unknown) => void): () => void;
  onEngineCrashed(listener: (crash: EngineCrash) => void): () => void;
}

export function createEventClient(api: MixlabApi = systemApi()): EventClient {
  return {
    onProgress: (jobId, listener) =>
      api.onEvent((event) => {
        if (event.type === 'progress' && event.jobId === jobId) listener(event.progress);
      }),
    onEngineCrashed: (listener) =>
      api.onEvent((event) => {
        if (event.type === 'engine-crashed')
          listener({
            message: event.message,
            restarted: event.restarted,
            reason: event.reason ?? 'exited',
            detail: event.detail ?? event.message,
          });
      }),
  };
}
