"""What N variants in lockstep cost against N separate runs (docs/compare.md), as a ratio.

    python -m benchmarks.bench_lockstep            # 10x64 net, N = 2 and 4
    python -m benchmarks.bench_lockstep --quick    # fewer steps and repeats

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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    steps, repeats = (300, 3) if args.quick else (1000, 5)
    one = statistics.median(_separate(1, steps) for _ in range(repeats))
    print(f"10x64 relu, {steps} steps, median of {repeats}; one run: {steps / one:.0f} steps/s")
    print("| N | lockstep s | separate s | lockstep / separate | lockstep / (N x one run) |")
    print("|---|---|---|---|---|")
    for n in (2, 4):
        pairs = [(_lockstep(n, steps), _separate(n, steps)) for _ in range(repeats)]
        lock = statistics.median(p[0] for p in pairs)
        apart = statistics.median(p[1] for p in pairs)
        print(f"| {n} | {lock:.3f} | {apart:.3f} | {lock / apart:.2f} | {lock / (n * one):.2f} |")


if __name__ == "__main__":
    main()
