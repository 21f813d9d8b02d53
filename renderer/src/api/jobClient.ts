import type { MixlabApi } from '../../../shared/api';
import { systemApi } from './systemApi';

/** Long-running engine work (import, fit) is a job named by the renderer so it can follow and cancel it. */
export interface JobClient {
  newJobId(kind: string): string;
  /** Resolves false when the job had already finished. */
  cancel(jobId: string): Promise<boolean>;
}

export function createJobClient(api: MixlabApi = systemApi()): JobClient {
  let counter = 0;
  // Unique within this page: a time stamp separates reloads, the counter separates jobs.
  const session = Date.now().toString(36);
  return {
    newJobId: (kind) => `${kind}-${session}-${++counter}`,
    cancel: async (jobId) => (await api.cancelJob({ jobId })).cancelled,
  };
}
