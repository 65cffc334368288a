"""What N variants in lockstep cost against N separate runs (docs/compare.md), as a ratio.

    python -m benchmarks.bench_lockstep            # 10x64 net, N = 2 and 4
    python -m benchmarks.bench_lockstep --quick    # fewer steps
    python -m benchmarks.bench_lockstep --markdown # its section of docs/performance.md

For each N it times, in the same run and alternating so load drifts hit both alike:

* ``lockstep``: ``VariantSet.step()`` K times (every variant one step per lockstep), plus a
  ``LockstepLoop.frame()`` every ``FRAME_EVERY`` locksteps, as the comparison worker
  publishes frames;
* ``separate``: the same N trainers stepped K times each, one after the other, with one
  ``TrainingLoop.frame()`` per trainer at the same cadence.

The ratio lockstep / separate is ~1 when a comparison costs N times one run; it is also
reported against one run (``lockstep / (N x one run)``). Medians of the repeats.
"""

from __future__ import annotations

import argparse
import statistics
import time

from benchmarks.report import markdown_table, median_spread, target_line
from gradsim.engine.trainer import Trainer
from gradsim.engine.variants import VariantSet, parse_comparison, variant_configs
from gradsim.runner.lockstep import LockstepLoop
from gradsim.runner.training_loop import Pacing, TrainingLoop, default_factory

CONFIG = {
    "data": {"kind": "circles", "n_samples": 400, "noise": 0.1, "seed": 0},
    "network": {"depth": 10, "width": 64, "activation": "relu", "init": {"kind": "he_normal"}},
    "optimizer": {"kind": "sgd", "lr": 0.01},
    "training": {"batch_size": 32, "seed": 0},
}
VALUES = ["he_normal", "xavier_normal", "orthogonal", "lecun_normal"]
FRAME_EVERY = 50  # locksteps between frames (~30 frames/s at ~1500 locksteps/s)


def _lockstep(n: int, steps: int) -> float:
    comparison = parse_comparison({"setting": "init", "values": VALUES[:n]})
    variants = VariantSet(Trainer(CONFIG).config, comparison)
    loop = LockstepLoop(variants, default_factory, Pacing())
    started = time.perf_counter()
    for i in range(1, steps + 1):
        variants.step()
        if i % FRAME_EVERY == 0:
            loop.frame()
    return time.perf_counter() - started


def _separate(n: int, steps: int) -> float:
    comparison = parse_comparison({"setting": "init", "values": VALUES[: max(n, 2)]})
    configs = variant_configs(Trainer(CONFIG).config, comparison)[:n]
    total = 0.0
    for config in configs:
        trainer = Trainer(config)
        loop = TrainingLoop(trainer, default_factory, Pacing())
        started = time.perf_counter()
        for i in range(1, steps + 1):
            trainer.step()
            if i % FRAME_EVERY == 0:
                loop.frame()
        total += time.perf_counter() - started
    return total


def measure(steps: int, repeats: int) -> tuple[list[float], dict[int, tuple[list[float], list[float]]]]:
    """Per repeat: one run's seconds, and for each N the ratios lockstep / separate and
    lockstep / (N x one run), each taken within the repeat (alternating, so load drifts hit
    both alike)."""
    ones: list[float] = []
    ratios: dict[int, tuple[list[float], list[float]]] = {n: ([], []) for n in (2, 4)}
    for repeat in range(repeats):
        one = _separate(1, steps)
        ones.append(one)
        for n in (2, 4):
            if repeat % 2:
                apart, lock = _separate(n, steps), _lockstep(n, steps)
            else:
                lock, apart = _lockstep(n, steps), _separate(n, steps)
            ratios[n][0].append(lock / apart)
            ratios[n][1].append(lock / (n * one))
    return ones, ratios


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer steps and repeats")
    parser.add_argument("--markdown", action="store_true", help="print the docs/performance.md section")
    args = parser.parse_args(argv)
    steps, repeats = (300, 5) if args.quick else (1000, 5)
    ones, ratios = measure(steps, repeats)
    rows = [
        [n, median_spread(ratios[n][0]), median_spread(ratios[n][1])] for n in (2, 4)
    ]
    table = markdown_table(["N variants", "lockstep / N separate runs", "lockstep / (N x one run)"], rows)
    worst = max(statistics.median(ratios[n][0]) for n in (2, 4))
    if args.markdown:
        print("## Side-by-side variants in lockstep\n")
        print(
            f"N variants of a 10x64 ReLU net stepping in lockstep (with a frame every {FRAME_EVERY} "
            f"locksteps) against the same N trainers run one after the other, {steps} steps, "
            f"ratios per repeat, median (min-max) of {repeats}; one run: "
            f"{steps / statistics.median(ones):.0f} steps/s.\n"
        )
        print(table + "\n")
        print("Targets:\n")
        print(target_line("N variants cost about N runs (lockstep / separate, worst N)", worst, "<=", 1.25))
    else:
        rate = steps / statistics.median(ones)
        print(f"10x64 relu, {steps} steps, {repeats} repeats; one run: {rate:.0f} steps/s")
        print(table)


if __name__ == "__main__":
    main()
