/** Messages between the sweep's cell pool and its worker threads (electron/engine/sweepWorker.ts). */
import type { CovarianceType } from '../../../shared/engine/model/types';
import type { SweepCell, SweepFitOptions } from '../../../shared/engine/sweep/types';
import type { CellNeighbours } from '../../../shared/engine/sweep/refine';
import type { MixedRows } from '../../../shared/engine/families/rows';

/**
 * One unit of work: a cell's own restarts (thorough, or plain best-of-n_init when the sweep does not
 * refine; CellStart in shared/engine/sweep/cell.ts), or a refinement from its neighbours' fits.
 */
export type SweepTask =
  | {
      kind: 'fit';
      k: number;
      covarianceType: CovarianceType;
      options: SweepFitOptions & { smoothing?: number };
      search: 'thorough' | 'plain';
    }
  | { kind: 'refine'; cell: SweepCell; neighbours: CellNeighbours; options: SweepFitOptions };

export type SweepWorkerRequest =
  /**
   * Sent once: X lives in a SharedArrayBuffer, so every worker maps the same memory. `mixed`: a
   * mixed-type model's rows (its arrays shared too); the cells are then fitMixture's.
   */
  | { type: 'data'; X: Float64Array; nSamples: number; nFeatures: number; mixed?: MixedRows }
  | { type: 'task'; id: number; task: SweepTask };

export type SweepWorkerReply =
  | { type: 'cell'; id: number; cell: SweepCell }
  | { type: 'error'; id: number; code: string; message: string; details?: Record<string, unknown> };
