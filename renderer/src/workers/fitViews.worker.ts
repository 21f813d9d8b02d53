/**
 * The Web Worker behind fitViewsRunner.ts: answers 'views' and 'order' requests with the pure
 * functions in lib/, transferring the result's arrays back (no copy).
 */
import { fitViewsBuffers, type FitViews } from '../lib/fitViews';
import { FitViewsState, type WorkerReply, type WorkerRequest } from '../lib/fitViewsState';

const state = new FitViewsState();
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply, transfer: Transferable[]): void;
};

scope.onmessage = (event) => {
  const request = event.data;
  try {
    if (request.kind === 'views') {
      const views: FitViews = state.views(request.fitId, request.input);
      scope.postMessage({ id: request.id, ok: true, value: views }, fitViewsBuffers(views));
    } else {
      const order = state.order(request.fitId, request.spec);
      scope.postMessage(
        { id: request.id, ok: true, value: order },
        order ? [order.buffer as ArrayBuffer] : [],
      );
    }
  } catch (error) {
    scope.postMessage(
      { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) },
      [],
    );
  }
};
