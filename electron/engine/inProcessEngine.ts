/**
 * Runs EngineCore inside the calling process (the CLI): the same dispatch table and handlers the
 * engine process runs, with messages handed over directly instead of through a process boundary.
 */
import { EngineCore } from './engineCore';
import { RequestTracker } from './requestTracker';
import type { EngineCaller } from './engineCaller';
import { parseFromEngineMessage } from '../../shared/protocol';

export function createInProcessEngine(): EngineCaller {
  let toEngine: ((raw: unknown) => void) | null = null;
  const tracker = new RequestTracker((message) => queueMicrotask(() => toEngine?.(message)));
  new EngineCore({
    send: (message) => {
      const parsed = parseFromEngineMessage(message);
      if (parsed) tracker.receive(parsed);
    },
    onMessage: (listener) => {
      toEngine = listener;
    },
  });
  return tracker;
}
