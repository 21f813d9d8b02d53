/**
 * What an analyst should know about a fit that succeeded: EM stopped at the iteration limit, or a
 * cluster collapsed and is held up only by the covariance regularisation (shared/engine/model/degeneracy.ts).
 * scikit-learn says the first with a ConvergenceWarning and the second not at all; both change how
 * far the result can be trusted, so the model panel shows them beside the Fit button.
 */
import { collapsedComponents, collapseThreshold } from '../../../shared/engine/model/degeneracy';
import type { FitRequest, FitResult } from '../../../shared/engine/model/types';

export type FitNote =
  | { kind: 'notConverged'; nIter: number }
  /** component: 1-based cluster number, null for the shared (tied) covariance. */
  | { kind: 'collapsed'; component: number | null; eigenvalue: number; threshold: number };

/**
 * Notes for a fit, non-convergence first. A fit adopted from a sweep cell (no trace) still gets
 * the collapse check; `converged` is what the engine reported for it.
 */
export function fitNotes(fit: FitResult, options: FitRequest['options']): FitNote[] {
  const notes: FitNote[] = [];
  if (!fit.converged) notes.push({ kind: 'notConverged', nIter: fit.nIter });
  for (const c of collapsedComponents(fit.params, options.regCovar)) {
    notes.push({
      kind: 'collapsed',
      component: c.component === null ? null : c.component + 1,
      eigenvalue: c.value,
      threshold: collapseThreshold(options.regCovar),
    });
  }
  return notes;
}
