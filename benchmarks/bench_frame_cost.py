"""What frames cost the training process, without Qt: its training speed with frames taken
at the app's rate and at a trickle, each as a ratio to headless steps in the same run.

    python -m benchmarks.bench_frame_cost [--network 3x8|10x64] [--rounds 8] [--repeats 3]

One training process (:class:`gradsim.runner.training_process.ProcessBackend`, as the app
starts it) and one headless Trainer in this process take turns in 1 s slices: headless,
the process with frames taken at ``--fast`` frames/s (the app draws 33-36), headless, the
process at ``--slow`` frames/s, and so on. This process only takes the frames (no drawing),
so the difference between the two ratios is what building, encoding and sending frames
costs training, the GUI's share of the machine left out (bench_gui measures the whole app).

Why alternate: this machine's speed drifts by up to 2x within seconds, so a reference
taken once compares with another machine (see bench_gui's module docstring). How this
found the cost of the process's pipe threads (issue 16): docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

SLICE_SECONDS = 1.0
WARM_UP_SECONDS = 0.25  # not counted: the first frames of a slice come after training starts


def _process_slice(backend, generation: int, frames_per_second: float) -> tuple[int, float, int]:
    """Train for a slice, taking frames as they come (polled every ms): (steps, seconds, frames)."""
    backend.set_gui_interval(1.0 / frames_per_second)
    backend.play(generation)
    end = time.perf_counter() + WARM_UP_SECONDS + SLICE_SECONDS
    first = last = None
    frames = 0
    while time.perf_counter() < end:
        frame, _events = backend.take()
        now = time.perf_counter()
        if frame is not None and now > end - SLICE_SECONDS:
            frames += 1
            first = first or (now, frame.snapshot.step)
            last = (now, frame.snapshot.step)
        time.sleep(0.001)
    backend.pause(generation + 1)
    time.sleep(0.15)  # the process stops stepping before the next headless slice
    backend.take()
    if first is None or last is None or last[0] <= first[0]:
        return 0, 0.0, frames
    return last[1] - first[1], last[0] - first[0], frames


def measure(config: dict, rates: tuple[float, ...], rounds: int) -> dict[float, tuple[float, float]]:
    """Per frame rate: (training speed / headless, frames taken per second)."""
    from benchmarks.bench_gui import step_headless
    from gradsim.engine.trainer import Trainer
    from gradsim.runner.training_loop import default_factory
    from gradsim.runner.training_process import PROCESS_PACING, ProcessBackend

    backend = ProcessBackend(Trainer(config), default_factory, PROCESS_PACING)
    headless = Trainer(config)
    headless.run(20)
    time.sleep(1.0)  # the process imports numpy and the engine
    totals = {rate: [0.0] * 5 for rate in rates}  # headless steps, s; process steps, s; frames
    generation = 0
    try:
        for _ in range(rounds):
            for rate in rates:
                steps, seconds, _cpu = step_headless(headless, SLICE_SECONDS)
                generation += 2
                app_steps, app_seconds, frames = _process_slice(backend, generation, rate)
                row = totals[rate]
                row[0] += steps
                row[1] += seconds
                row[2] += app_steps
                row[3] += app_seconds
                row[4] += frames
    finally:
        backend.stop(5000)
    return {
        rate: ((row[2] / max(row[3], 1e-9)) / (row[0] / row[1]), row[4] / max(row[3], 1e-9))
        for rate, row in totals.items()
    }


def main(argv: list[str] | None = None) -> int:
    from benchmarks.bench_gui import CONFIGS
    from benchmarks.report import median_spread

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--network", choices=sorted(CONFIGS), default="3x8")
    parser.add_argument("--rounds", type=int, default=8, help="slices per frame rate and run")
    parser.add_argument("--repeats", type=int, default=3, help="runs, each with its own process")
    parser.add_argument("--fast", type=float, default=36.0, help="frames/s like the app's (default 36)")
    parser.add_argument("--slow", type=float, default=3.0, help="a trickle of frames/s (default 3)")
    args = parser.parse_args(argv)
    from gradsim.engine.runtime import limit_blas_threads, tune_allocator

    limit_blas_threads()
    tune_allocator()
    rates = (args.fast, args.slow)
    runs = [measure(CONFIGS[args.network], rates, args.rounds) for _ in range(args.repeats)]
    for rate in rates:
        ratios = [run[rate][0] for run in runs]
        frames = statistics.median(run[rate][1] for run in runs)
        print(
            f"{args.network}: frames asked at {rate:g}/s (taken {frames:.1f}/s): "
            f"training / headless {median_spread(ratios)}"
        )
    costs = [run[args.slow][0] - run[args.fast][0] for run in runs]
    print(f"{args.network}: what the frames cost training (slow - fast ratio): {median_spread(costs)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
