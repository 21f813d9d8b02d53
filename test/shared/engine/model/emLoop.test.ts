/**
 * runEmLoop with an M-step that is not an exact maximiser (mclust's VVE orientation update): the
 * likelihood can fall after a peak, and keepBestIterate returns the peak's parameters with its
 * likelihood; without it the loop keeps what it converged to, as scikit-learn's EM does.
 */
import { describe, expect, it } from 'vitest';
import { runEmLoop, sklearnStopping, type EmAlgorithm } from '../../../../shared/engine/model/em';

// State i has mean log-likelihood path[i]: up to a peak at state 2, then down and level.
const PATH = [-3, -2, -1, -1.5, -1.6, -1.6];
const algorithm = (path: number[]): EmAlgorithm<number, { meanLogNorm: number; at: number }> => ({
  eStep: async (state) => ({ meanLogNorm: path[Math.min(state, path.length - 1)], at: state }),
  mStep: async (m) => m.at + 1,
});

function run(keepBestIterate: boolean, path = PATH) {
  return runEmLoop(
    {
      options: { nInit: 1, maxIter: 100, tol: 1e-9 },
      initialise: async () => 0,
      stopping: sklearnStopping(1e-9),
      keepBestIterate,
    },
    algorithm(path),
  );
}

describe('keepBestIterate', () => {
  it('returns the parameters of the highest likelihood an E-step saw, with that likelihood', async () => {
    const out = await run(true);
    expect(out.state).toBe(2);
    expect(out.lowerBound).toBe(-1);
    expect(out.meanLogLikelihood).toBe(-1);
    expect(out.converged).toBe(true);
  });

  it('never keeps the start itself, which may lie outside the model (an explicit start)', async () => {
    const out = await run(true, [5, -2, -1, -1.5, -1.6, -1.6]);
    expect(out.state).toBe(2);
    expect(out.lowerBound).toBe(-1);
  });

  it('is off by default: the loop keeps where it stopped', async () => {
    const out = await run(false);
    expect(out.state).toBe(6);
    expect(out.lowerBound).toBe(-1.6);
  });
});
