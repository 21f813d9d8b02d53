import type { MixlabApi } from '../../../shared/api';
import { systemApi } from './systemApi';

export interface EngineCrash {
  message: string;
  restarted: boolean;
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
        if (event.type === 'engine-crashed') listener({ message: event.message, restarted: event.restarted });
      }),
  };
}
