/**
 * Sweep worker-thread entry (bundled to out/engine/sweepWorker.cjs). Maps the shared data matrix
 * once, then fits whole cells on request with the in-thread executor: the pool parallelises across
 * cells, not rows, so a cell's numbers are those of a one-thread fit.
 */
import { parentPort } from 'node:worker_threads';
import { fitSweepCell } from '../../shared/engine/sweepCell';
import { FitError } from '../../shared/engine/errors';
import type { SweepWorkerReply, SweepWorkerRequest } from './sweep/messages';

let data: { X: Float64Array; nSamples: number; nFeatures: number } | null = null;

parentPort?.on('message', (message: SweepWorkerRequest) => {
  if (message.type === 'data') {
    data = { X: message.X, nSamples: message.nSamples, nFeatures: message.nFeatures };
    return;
  }
  void runCell(message).then((reply) => parentPort?.postMessage(reply));
});

async function runCell(message: Extract<SweepWorkerRequest, { type: 'cell' }>): Promise<SweepWorkerReply> {
  try {
    if (!data) throw new Error('cell before data');
    const cell = await fitSweepCell(
      data.X,
      data.nSamples,
      data.nFeatures,
      message.k,
      message.covarianceType,
      message.options,
    );
    return { type: 'cell', id: message.id, cell };
  } catch (error) {
    if (error instanceof FitError)
      return {
        type: 'error',
        id: message.id,
        code: error.code,
        message: error.message,
        details: error.details,
      };
    return {
      type: 'error',
      id: message.id,
      code: 'internal',
      message: error instanceof Error ? error.message : String(error),
    };
  }
}
