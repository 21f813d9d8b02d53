"""scikit-learn side of `npm run bench:engine` (scripts/bench-engine.mjs runs it; not used by CI).

Reads an n x d float64 matrix (raw little-endian, row-major) and an explicit start
{weights, means, precisions} shaped as scikit-learn's *_init for the covariance type, runs
GaussianMixture for exactly `iters` EM iterations (tol=0) from that start, and prints one JSON
line: {"seconds", "n_iter", "lower_bound"} (seconds: the fastest of --repeat runs).

Only the EM iterations are timed. scikit-learn 1.2 runs k-means in fit() even when every *_init
is given, so the start is installed the way GaussianMixture._initialize does it for
precisions_init (precisions_cholesky_ = cholesky(precisions), sqrt for diag/spherical) and the
timed fit() is a warm start, which skips initialisation. Threads are whatever OMP_NUM_THREADS /
OPENBLAS_NUM_THREADS allow: the caller sets them.
"""

import argparse
import json
import time
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.mixture import GaussianMixture


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--n", type=int, required=True)
    parser.add_argument("--d", type=int, required=True)
    parser.add_argument("--init", required=True, help="JSON file {weights, means, precisions}")
    parser.add_argument("--covariance", required=True)
    parser.add_argument("--iters", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=1, help="report the fastest of this many runs")
    args = parser.parse_args()

    X = np.fromfile(args.data, dtype="<f8", count=args.n * args.d).reshape(args.n, args.d)
    with open(args.init) as f:
        init = json.load(f)
    weights = np.asarray(init["weights"], dtype=float)
    means = np.asarray(init["means"], dtype=float)
    precisions = np.asarray(init["precisions"], dtype=float)

    gm = GaussianMixture(
        n_components=len(weights),
        covariance_type=args.covariance,
        tol=0.0,
        reg_covar=1e-6,
        max_iter=args.iters,
        warm_start=True,
    )
    if args.covariance == "full":
        precisions_cholesky = np.array([np.linalg.cholesky(p) for p in precisions])
    elif args.covariance == "tied":
        precisions_cholesky = np.linalg.cholesky(precisions)
    else:
        precisions_cholesky = np.sqrt(precisions)

    seconds = float("inf")
    for _ in range(args.repeat):
        # State as after GaussianMixture._initialize with precisions_init (sklearn 1.2 source).
        gm.weights_ = weights.copy()
        gm.means_ = means.copy()
        gm.precisions_cholesky_ = precisions_cholesky.copy()
        # fit_predict skips initialisation when warm_start and converged_ exist, and starts the
        # convergence test from lower_bound_.
        gm.converged_ = False
        gm.lower_bound_ = -np.inf
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            t0 = time.perf_counter()
            gm.fit(X)
            seconds = min(seconds, time.perf_counter() - t0)
    print(json.dumps({"seconds": seconds, "n_iter": int(gm.n_iter_), "lower_bound": float(gm.lower_bound_)}))


if __name__ == "__main__":
    main()
