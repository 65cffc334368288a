"""Speed of the landscape lab, as ratios against the bare numpy work measured in the same run.

    python -m benchmarks.bench_landscapes            # full table
    python -m benchmarks.bench_landscapes --quick    # fewer repeats
    python -m benchmarks.bench_landscapes --markdown # the section of docs/performance.md

Three measurements (the machines here are noisy: read the ratios, each a median of
several repeats, not the absolute times):

* ``grid``: ``surface.grid(400, 400)`` of every analytic surface (and the default typed
  formula) against the same formula written once in plain numpy on a 400x400 meshgrid.
* ``race``: ``race()`` of six optimizers (sgd, momentum, nesterov, adagrad, rmsprop,
  adam) for 1000 steps on the ravine, recording positions and optimizer state, against
  six bare update loops written inline below (torch's rules on a (2,) numpy array,
  recording position and state every step). Two bare references: the gradient computed
  inline from the ravine's formula (the arithmetic floor), and the gradient from the
  surface's public ``gradient`` per point (what a plain loop over the surface API costs).
  A third reference is the 6000 ``optimizer.step`` calls alone (the engine's floor).
  The four run round-robin and the ratios are taken per round (target: <= 2x the
  inline bare loops).
* ``slice``: a 31x31 filter-normalized ``slice_2d`` of a 10x64 ReLU network on 1000
  samples in float32, against the 961 bare forward passes (matmul, bias, ReLU, BCE; the
  same float32 weights, preallocated buffers) it needs, and against 961 calls of the
  engine's own ``Network.forward`` and loss (the engine's floor).

Ratios > 1 mean "slower than the reference".
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from collections.abc import Callable

import numpy as np
from scipy.special import expit

GRID = 400
RACE_STEPS = 1000
RACE_KINDS = ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")
RACE_LR = 0.01


def _median_time(work: Callable[[], object], repeats: int, warmup: int = 1) -> float:
    for _ in range(warmup):
        work()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


# --------------------------------------------------------------------------- grids
def _bare_formulas() -> dict[str, Callable[[np.ndarray, np.ndarray], np.ndarray]]:
    """Each surface's formula at its default parameters, in plain numpy."""
    two_pi = 2 * np.pi

    def beale(x, y):
        return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y**2) ** 2 + (2.625 - x + x * y**3) ** 2

    def ackley(x, y):
        return (
            -20 * np.exp(-0.2 * np.sqrt(0.5 * (x * x + y * y)))
            - np.exp(0.5 * (np.cos(two_pi * x) + np.cos(two_pi * y)))
            + 20
            + np.e
        )

    def goldstein_price(x, y):
        a = 1 + (x + y + 1) ** 2 * (19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y)
        b = 30 + (2 * x - 3 * y) ** 2 * (18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y)
        return a * b

    return {
        "saddle": lambda x, y: 5 * x * x - y * y,
        "bounded-saddle": lambda x, y: x * x + 0.25 * y**4 - 0.5 * y * y,
        "monkey-saddle": lambda x, y: x**3 - 3 * x * y * y,
        "cliff": lambda x, y: 0.5 * (x * x + y * y) + 10 * expit(20 * (x + 1)),
        "ravine": lambda x, y: 0.5 * (x * x + 50 * y * y),
        "plateau": lambda x, y: 1 - np.exp(-(x * x + y * y)),
        "rosenbrock": lambda x, y: (1 - x) ** 2 + 100 * (y - x * x) ** 2,
        "beale": beale,
        "himmelblau": lambda x, y: (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2,
        "booth": lambda x, y: (x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2,
        "rastrigin": lambda x, y: 20 + x * x + y * y - 10 * (np.cos(two_pi * x) + np.cos(two_pi * y)),
        "ackley": ackley,
        "six-hump-camel": lambda x, y: (
            (4 - 2.1 * x * x + x**4 / 3) * x * x + x * y + (-4 + 4 * y * y) * y * y
        ),
        "goldstein-price": goldstein_price,
        "formula": lambda x, y: x**2 / 4 + y**2 / 4 + np.sin(2 * x) * np.cos(2 * y),
    }


def bench_grids(repeats: int) -> list[tuple[str, float, float]]:
    from gradsim.landscapes.surfaces import make_surface

    rows = []
    for name, formula in _bare_formulas().items():
        surface = make_surface(name)
        xmin, xmax, ymin, ymax = surface.view
        xs, ys = np.linspace(xmin, xmax, GRID), np.linspace(ymin, ymax, GRID)
        X, Y = np.meshgrid(xs, ys)
        _, _, Z = surface.grid(GRID, GRID)
        if not np.allclose(Z, formula(X, Y), rtol=1e-9, atol=1e-9):
            raise AssertionError(f"bare formula of {name} does not match the surface")
        ours = _median_time(lambda s=surface: s.grid(GRID, GRID), repeats)
        bare = _median_time(lambda f=formula, X=X, Y=Y: f(X, Y), repeats)
        rows.append((name, ours, bare))
    return rows


# --------------------------------------------------------------------------- race
def _bare_race(steps: int, gradient: Callable[[np.ndarray], np.ndarray]) -> None:
    """Six optimizers, torch's update rules inline, recording position and state."""
    lr = RACE_LR
    start = np.array([-2.0, 0.3])
    pos = np.empty((steps + 1, 2))

    # sgd
    p = start.copy()
    pos[0] = p
    for t in range(steps):
        p -= lr * gradient(p)
        pos[t + 1] = p
    # momentum (heavy ball, torch: b = mu b + g, b_1 = g)
    for nesterov in (False, True):
        p = start.copy()
        b = np.zeros(2)
        vel = np.zeros((steps + 1, 2))
        pos[0] = p
        for t in range(steps):
            g = gradient(p)
            b = g.copy() if t == 0 else 0.9 * b + g
            p -= lr * (g + 0.9 * b if nesterov else b)
            pos[t + 1] = p
            vel[t + 1] = b
    # adagrad (lr 0.01 default eps 1e-10)
    p = start.copy()
    s = np.zeros(2)
    rec = np.zeros((steps + 1, 2))
    for t in range(steps):
        g = gradient(p)
        s += g * g
        p -= lr * g / (np.sqrt(s) + 1e-10)
        pos[t + 1] = p
        rec[t + 1] = s
    # rmsprop (alpha 0.99, eps 1e-8)
    p = start.copy()
    v = np.zeros(2)
    for t in range(steps):
        g = gradient(p)
        v = 0.99 * v + 0.01 * g * g
        p -= lr * g / (np.sqrt(v) + 1e-8)
        pos[t + 1] = p
        rec[t + 1] = v
    # adam (0.9, 0.999, 1e-8)
    p = start.copy()
    m = np.zeros(2)
    v = np.zeros(2)
    rec2 = np.zeros((steps + 1, 2))
    for t in range(1, steps + 1):
        g = gradient(p)
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        p -= (lr / (1 - 0.9**t)) * m / (np.sqrt(v) / math.sqrt(1 - 0.999**t) + 1e-8)
        pos[t] = p
        rec[t] = m
        rec2[t] = v


def bench_race(repeats: int) -> dict[str, list[float]]:
    """Seconds of each measurement per round; the four run round-robin, the order reversed
    every other round, so a change of load hits them alike (ratios are taken per round)."""
    from gradsim.engine.optimizers import build_optimizer
    from gradsim.landscapes.surfaces import make_surface
    from gradsim.landscapes.trajectories import race

    surface = make_surface("ravine")
    specs = [{"kind": kind, "lr": RACE_LR} for kind in RACE_KINDS]
    curvature = np.array([1.0, 50.0])  # the default ravine: 0.5 (x^2 + 50 y^2)

    def inline_gradient(p: np.ndarray) -> np.ndarray:
        return curvature * p

    def api_gradient(p: np.ndarray) -> np.ndarray:
        gx, gy = surface.gradient(p[0], p[1])
        return np.array([gx, gy])

    def engine_steps() -> None:
        gradient = [np.array([0.1, -0.2])]
        for spec in specs:
            opt = build_optimizer(spec, [np.array([-2.0, 0.3])])
            for _ in range(RACE_STEPS):
                opt.step(gradient)

    work = {
        "race": lambda: race(surface, specs, (-2.0, 0.3), RACE_STEPS),
        "bare_inline": lambda: _bare_race(RACE_STEPS, inline_gradient),
        "bare_api": lambda: _bare_race(RACE_STEPS, api_gradient),
        "steps_only": engine_steps,
    }
    for run in work.values():
        run()
    samples: dict[str, list[float]] = {name: [] for name in work}
    for round_ in range(repeats):
        names = list(work) if round_ % 2 == 0 else list(reversed(work))
        for name in names:
            start = time.perf_counter()
            work[name]()
            samples[name].append(time.perf_counter() - start)
    return samples


# --------------------------------------------------------------------------- slice
def _slice_trainer():
    from gradsim.engine.trainer import Trainer

    config = {
        "data": {"kind": "teacher", "dim": 32, "n_samples": 1250, "test_fraction": 0.2, "seed": 0},
        "network": {"depth": 10, "width": 64, "activation": "relu", "init": {"kind": "he_normal"}},
        "optimizer": {"kind": "sgd", "lr": 0.01},
        "training": {"batch_size": 64, "precision": "float32"},
    }
    trainer = Trainer(config)
    trainer.run(20)
    return trainer


def _bare_forwards(trainer, count: int) -> Callable[[], None]:
    net = trainer.network
    x = trainer.dataset.x_train[:1000].astype(np.float32)
    y = trainer.dataset.y_train[:1000].astype(np.float32)
    weights = [net.params[f"layers.{i}.W"].astype(np.float32) for i in range(net.depth)]
    biases = [net.params[f"layers.{i}.b"].astype(np.float32) for i in range(net.depth)]
    w_out, b_out = net.params["out.W"].astype(np.float32), net.params["out.b"].astype(np.float32)
    acts = [np.empty((len(x), w.shape[1]), np.float32) for w in weights]

    def run() -> None:
        for _ in range(count):
            a = x
            for w, b, out in zip(weights, biases, acts, strict=True):
                np.matmul(a, w, out=out)
                out += b
                np.maximum(out, 0, out=out)
                a = out
            z = a @ w_out + b_out
            float(np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))), dtype=np.float64))

    return run


def bench_slice(repeats: int) -> tuple[float, float, float]:
    from gradsim.landscapes.slices import _Evaluator, filter_normalized_directions, slice_2d

    trainer = _slice_trainer()
    d1, d2 = filter_normalized_directions(trainer, seed=0)
    ours = _median_time(
        lambda: slice_2d(trainer, d1, d2, resolution=31, n_samples=1000, precision="float32"), repeats, 0
    )
    bare = _median_time(_bare_forwards(trainer, 31 * 31), repeats, 0)
    evaluator = _Evaluator(trainer, 1000, 0, "float32")
    np.copyto(evaluator.flat, evaluator.theta, casting="unsafe")

    def engine_forwards() -> None:
        for _ in range(31 * 31):
            evaluator.loss_of_flat()

    engine = _median_time(engine_forwards, repeats, 0)
    return ours, bare, engine


# --------------------------------------------------------------------------- main
def measure(repeats: int) -> dict[str, object]:
    """Everything, as plain numbers: grids and slice as medians, the race per round."""
    grids = bench_grids(repeats * 2)
    race_samples = bench_race(max(repeats, 5))
    slice_times = bench_slice(max(1, repeats // 3))
    return {"grids": grids, "race": race_samples, "slice": slice_times}


def _paired(samples: dict[str, list[float]], reference: str) -> list[float]:
    return [a / b for a, b in zip(samples["race"], samples[reference], strict=True)]


def print_text(results: dict[str, object], repeats: int, threads: int | None, tuned: bool) -> None:
    print(
        f"numpy {np.__version__}, BLAS threads {threads}, {repeats} repeats (medians), malloc tuned: {tuned}"
    )
    header = f"{'measurement':42s} {'ours ms':>10s} {'bare ms':>10s} {'ratio':>7s}"
    print(header)
    print("-" * len(header))

    def row(label: str, ours: float, bare: float) -> None:
        print(f"{label:42s} {ours * 1e3:10.2f} {bare * 1e3:10.2f} {ours / bare:7.2f}")

    for name, ours, bare in results["grids"]:
        row(f"grid {GRID}x{GRID} {name}", ours, bare)
    race = results["race"]
    med = {name: statistics.median(values) for name, values in race.items()}
    for label, reference in (
        (f"race 6 optimizers x {RACE_STEPS} vs bare, inline grad", "bare_inline"),
        ("  ... vs bare loops calling surface.gradient", "bare_api"),
        ("  ... vs the 6000 engine optimizer.step calls", "steps_only"),
    ):
        ratios = _paired(race, reference)
        print(
            f"{label:42s} {med['race'] * 1e3:10.2f} {med[reference] * 1e3:10.2f} "
            f"{statistics.median(ratios):7.2f}  ({min(ratios):.2f}-{max(ratios):.2f})"
        )
    ours, bare, engine = results["slice"]
    row("slice 31x31, 10x64, 1000 samples, f32 vs bare", ours, bare)
    row("  ... vs 961 engine Network.forward + loss", ours, engine)


def markdown(results: dict[str, object], repeats: int, threads: int | None) -> str:
    """The ``--markdown`` section (benchmarks/__init__.py)."""
    from benchmarks.report import markdown_table, median_spread, target_line

    grid_rows = [
        (name, f"{o * 1e3:.2f}", f"{b * 1e3:.2f}", f"{o / b:.2f}") for name, o, b in results["grids"]
    ]
    race = results["race"]
    race_rows = [
        (
            label,
            median_spread(race["race"], 1, 1e3),
            median_spread(race[reference], 1, 1e3),
            median_spread(_paired(race, reference)),
        )
        for label, reference in (
            ("bare loops, gradient inline (the target's reference)", "bare_inline"),
            ("bare loops calling surface.gradient per point", "bare_api"),
            ("the 6000 Optimizer.step calls alone", "steps_only"),
        )
    ]
    ours, bare, engine = results["slice"]
    slice_rows = [
        (
            "961 bare numpy forward passes + loss",
            f"{ours * 1e3:.1f}",
            f"{bare * 1e3:.1f}",
            f"{ours / bare:.2f}",
        ),
        (
            "961 engine Network.forward + loss",
            f"{ours * 1e3:.1f}",
            f"{engine * 1e3:.1f}",
            f"{ours / engine:.2f}",
        ),
    ]
    race_ratio = statistics.median(_paired(race, "bare_inline"))
    rounds = len(race["race"])
    return (
        "## Landscape lab: surfaces, races, network slices (bench_landscapes)\n\n"
        f"One process, BLAS threads {threads}. Ratios > 1 mean slower than the reference.\n\n"
        f"### Race: 6 optimizers x {RACE_STEPS} steps on the ravine\n\n"
        "`race()` (sgd, momentum, nesterov, adagrad, rmsprop, adam; positions and optimizer state\n"
        "recorded every step) against six bare update loops written inline with torch's rules.\n"
        f"The four run round-robin, {rounds} rounds in alternating order; the ratio is taken per round,\n"
        "then the median (min-max). Racers that share an optimizer configuration step as one block\n"
        "(one engine optimizer, a learning rate per row); here all six differ, so what is left is the\n"
        "engine's per-step cost (issue 16 measured 3.3x before).\n\n"
        + markdown_table(["race vs", "race ms", "reference ms", "ratio"], race_rows)
        + f"\n\n### Surfaces: a {GRID}x{GRID} grid against the formula in plain numpy\n\n"
        + markdown_table(["surface", "grid() ms", "numpy ms", "ratio"], grid_rows)
        + "\n\n### Network slice: 31x31 filter-normalized `slice_2d`, 10x64 ReLU, 1000 samples, float32\n\n"
        + markdown_table(["slice vs", "slice ms", "reference ms", "ratio"], slice_rows)
        + "\n\n### Targets\n\n"
        + target_line("race / bare loops (inline gradient)", race_ratio, "<=", 2.0)
        + "\n- grids and slices: no target; their ratios are reported to see regressions"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--blas-threads", type=int, default=None, help="BLAS threads (default: gradsim's, 1)")
    parser.add_argument("--tune-malloc", action="store_true", help="keep big temporaries in glibc's heap")
    parser.add_argument("--markdown", action="store_true", help="print its Markdown section")
    args = parser.parse_args(argv)
    from gradsim.engine.runtime import limit_blas_threads, tune_allocator

    tuned = tune_allocator() if args.tune_malloc else False
    threads = limit_blas_threads(args.blas_threads)
    repeats = 3 if args.quick else 9
    results = measure(repeats)
    if args.markdown:
        print(markdown(results, repeats, threads))
    else:
        print_text(results, repeats, threads, tuned)
    return 0


if __name__ == "__main__":
    sys.exit(main())
