/**
 * Sweep worker-thread entry (bundled to out/engine/sweepWorker.cjs). Maps the shared data matrix
 * once, then runs whole sweep tasks on request with an in-thread executor: the pool parallelises
 * across cells, not rows, so a cell's numbers are those of a one-thread fit. The executor runs the
 * E-step and scatter with the WebAssembly SIMD kernels on one arena this thread reuses for its fits
 * (one task at a time: the pool gives a worker its next task only after its reply), or the
 * JavaScript kernels where SIMD is unavailable; the numbers are the same.
 */
import { parentPort } from 'node:worker_threads';
import { refineSweepCell } from '../../shared/engine/sweep/refine';
import { EngineError } from '../../shared/errors';
import type { SweepCell } from '../../shared/engine/sweep/types';
import type { SweepTask, SweepWorkerReply, SweepWorkerRequest } from './sweep/messages';
import { fitSweepCell, type CellRuntime } from '../../shared/engine/sweep/cell';
import { fitMixedSweepCell } from '../../shared/engine/sweep/mixedCell';
import type { MixedRows } from '../../shared/engine/families/rows';
import { WasmArena } from './wasm/arena';
import { createSimdInThreadExecutor } from './wasm/simdInThreadExecutor';
import { wasmSimdAvailable } from './wasm/wasmKernels';

let data: { X: Float64Array; nSamples: number; nFeatures: number; mixed?: MixedRows } | null = null;

let arena: WasmArena | null = null;

function cellRuntime(): CellRuntime {
  if (!wasmSimdAvailable()) return {};
  return {
    newExecutor: () => {
      arena ??= new WasmArena();
      return createSimdInThreadExecutor(arena);
    },
  };
}

parentPort?.on('message', (message: SweepWorkerRequest) => {
  if (message.type === 'data') {
    data = { X: message.X, nSamples: message.nSamples, nFeatures: message.nFeatures, mixed: message.mixed };
    return;
  }
  void reply(message.id, message.task).then((r) => parentPort?.postMessage(r));
});

function runTask(task: SweepTask): Promise<SweepCell> {
  if (!data) throw new Error('task before data');
  const { X, nSamples, nFeatures, mixed } = data;
  if (mixed) {
    if (task.kind !== 'fit') throw new Error('a mixed sweep has no refinement tasks');
    return fitMixedSweepCell(mixed, task.k, task.covarianceType, task.options, cellRuntime());
  }
  return task.kind === 'fit'
    ? fitSweepCell(X, nSamples, nFeatures, task.k, task.covarianceType, task.options, cellRuntime(), {
        search: task.search,
      })
    : refineSweepCell(X, nSamples, nFeatures, task.cell, task.neighbours, task.options, cellRuntime());
}

async function reply(id: number, task: SweepTask): Promise<SweepWorkerReply> {
  try {
    return { type: 'cell', id, cell: await runTask(task) };
  } catch (error) {
    if (error instanceof EngineError)
      return { type: 'error', id, code: error.code, message: error.message, details: error.details };
    return {
      type: 'error',
      id,
      code: 'internal',
      message: error instanceof Error ? error.message : String(error),
    };
  }
}
