"""The app under load: frames drawn, event-loop latency, training speed vs headless.

    python -m benchmarks.bench_gui [--seconds 8] [--backend process|thread|both] [--front histograms]
    python -m benchmarks.bench_gui --markdown [--quick]   # the section of docs/performance.md

For a 3x8 and a 10x64 network it opens the real main window offscreen, presses Play and
for ``--seconds`` measures:

* frames drawn per second (the window's own frame counter; target >= 30);
* GUI event-loop latency: a 5 ms QTimer records how late each tick fires, p50 and p99
  (target p99 < 50 ms);
* training steps/s as a ratio to the same Trainer stepping headless in this process, in 1 s
  slices alternating with the app's (training paused meanwhile), the ratio of their totals:
  this machine's speed drifts up to 2x within seconds, and a reference taken once before the
  run compared the app with another machine (target >= 0.8);
* the GUI thread's CPU time per frame drawn and per second (:func:`time.thread_time`), and the
  whole GUI process's (its pipe reader thread too): unlike the frame rate, these hold on a
  loaded machine; and the training speed per CPU second of the training process over headless
  steps per CPU second (what frames cost training, without the time it waited for a core);
* with the process backend, the kilobytes per frame that came through the pipe (frames travel
  as their changes, :mod:`gradsim.runner.frame_delta`): not noisy at all.

``--repeats N`` measures each network and backend N times and prints medians with their range,
also of the training speed per CPU second of the training process. ``--pacing-ab N``
measures each network N times with the frame pacer on and off, alternating in one run, and
prints medians with their range (gradsim/ui/shell/frame_drawer.py).

Machines here are noisy and have 2 cores: read ratios, and rerun when another job is busy.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import time
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

CONFIGS = {
    "3x8": {
        "data": {"kind": "circles", "n_samples": 400, "seed": 0},
        "network": {"depth": 3, "width": 8, "activation": "relu", "init": {"kind": "he_normal"}},
        "optimizer": {"kind": "sgd", "lr": 0.05},
        "training": {"batch_size": 32},
    },
    "10x64": {
        "data": {"kind": "circles", "n_samples": 400, "seed": 0},
        "network": {"depth": 10, "width": 64, "activation": "relu", "init": {"kind": "he_normal"}},
        "optimizer": {"kind": "sgd", "lr": 0.01},
        "training": {"batch_size": 32},
    },
}


_APP = None


def headless_steps_per_second(config: dict, seconds: float) -> float:
    return headless_rates(config, seconds)[0]


def headless_rates(config: dict, seconds: float) -> tuple[float, float]:
    """The same Trainer stepping alone in this thread: steps per second, and per CPU second."""
    from gradsim.engine.trainer import Trainer

    trainer = Trainer(config)
    trainer.run(20)
    steps, wall, cpu = step_headless(trainer, seconds)
    return steps / wall, steps / max(cpu, 1e-9)


def step_headless(trainer, seconds: float) -> tuple[int, float, float]:
    """Step ``trainer`` in this thread for ``seconds``: (steps, wall seconds, CPU seconds)."""
    start, start_cpu, steps = time.perf_counter(), time.thread_time(), 0
    while time.perf_counter() - start < seconds:
        trainer.run(10)
        steps += 10
    return steps, time.perf_counter() - start, time.thread_time() - start_cpu


def _child_cpu(backend) -> float:
    """CPU seconds the training process used so far, all its threads (Linux /proc; NaN elsewhere
    or for the thread backend)."""
    process = getattr(backend, "process", None)
    try:
        with open(f"/proc/{process.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (AttributeError, OSError, ValueError, IndexError):
        return float("nan")


def _latest_step(window) -> int:
    frame = window.controller.last_frame
    return frame.snapshot.step if frame is not None else 0


class LatencyProbe:
    """How late a 5 ms timer fires: the GUI's event-loop latency, p50 and p99 in ms."""

    def __init__(self, interval: float = 0.005) -> None:
        from PySide6.QtCore import QTimer

        self.interval, self.lateness, self.last = interval, [], time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(int(interval * 1000))
        self.timer.timeout.connect(self.tick)

    def tick(self) -> None:
        now = time.perf_counter()
        self.lateness.append(max(0.0, now - self.last - self.interval))
        self.last = now

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def percentiles(self) -> dict[str, float]:
        ms = sorted(x * 1000 for x in self.lateness) or [float("nan")]
        return {"p50": statistics.median(ms), "p99": ms[min(len(ms) - 1, int(0.99 * len(ms)))]}


#: the app trains in slices of about this many seconds, each after a headless slice as long
SLICE_SECONDS = 1.0
#: the first part of each app slice is not counted: training starts, the first frames come
WARM_UP_SECONDS = 0.25


def measure_window(
    config: dict, backend: str, seconds: float, front: tuple[str, ...] = (), pacing: bool = True
) -> dict[str, float]:
    """The app training for ``seconds`` in slices, each after as long a headless slice.

    Why slices: this machine's speed per CPU second drifts by up to 2x within seconds (a pure
    Python loop measured 4.3-8.2 M iterations per CPU second in 0.25 s slices; two headless
    runs of 2 s one after the other differed by 0.62-1.33x). A headless reference measured
    once before the app run compared the app with another machine. Alternating the two in
    1 s slices gives both the same mix of fast and slow moments; the ratio is of their totals.
    The training is paused during the headless slices, and the frames, CPU times and
    latencies are counted in the app slices only."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from gradsim.engine.trainer import Trainer
    from gradsim.ui.common.dialogs import ConsoleDialogs
    from gradsim.ui.shell.main_window import MainWindow

    global _APP  # noqa: PLW0603 - the application must outlive this function
    _APP = QApplication.instance() or QApplication([])
    window = MainWindow(config, persist=False, dialogs=ConsoleDialogs(), backend=backend)
    window.resize(1600, 1000)
    window.drawer.pacing = pacing
    window.show()
    for name in front:  # bring a tabbed panel to the front (e.g. the histograms)
        window.show_panel(name)
    probe = LatencyProbe()
    headless = Trainer(config)
    headless.run(20)

    def run_loop(ms: int) -> None:
        loop = QEventLoop()  # the real event loop, as in the app (no polling)
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    run_loop(1000)  # let the window settle
    samples: list[tuple[float, int, float]] = []  # (time, step shown, training process CPU)

    def sample() -> None:
        samples.append((time.perf_counter(), _latest_step(window), _child_cpu(window.controller.backend)))

    sampler = QTimer()
    sampler.setInterval(20)
    sampler.timeout.connect(sample)
    app = ("app_steps", "app_s", "app_cpu", "frames", "gui_cpu", "proc_cpu")
    totals = dict.fromkeys((*app, "head_steps", "head_s", "head_cpu"), 0.0)
    sent_frames = sent_bytes = 0
    slices = max(2, round(seconds / SLICE_SECONDS))
    for _ in range(slices):
        steps, wall, cpu = step_headless(headless, SLICE_SECONDS)
        totals["head_steps"] += steps
        totals["head_s"] += wall
        totals["head_cpu"] += cpu
        window.controller.play()
        run_loop(round(WARM_UP_SECONDS * 1000))
        samples.clear()
        sample()
        frames_before, received = window.frames_drawn, _frames_received(window.controller.backend)
        gui_before, proc_before = time.thread_time(), time.process_time()
        probe.start()
        sampler.start()
        run_loop(round(SLICE_SECONDS * 1000))
        sampler.stop()
        probe.stop()
        sample()
        totals["frames"] += window.frames_drawn - frames_before
        totals["gui_cpu"] += time.thread_time() - gui_before
        totals["proc_cpu"] += time.process_time() - proc_before
        now_received = _frames_received(window.controller.backend)
        sent_frames += now_received[0] - received[0]
        sent_bytes += now_received[1] - received[1]
        # the steps shown: from the first frame of the slice to the last one
        moved = [row for row in samples if row[1] != samples[0][1]]
        if moved:
            (t0, s0, c0), (t1, s1, c1) = moved[0], moved[-1]
            totals["app_steps"] += s1 - s0
            totals["app_s"] += t1 - t0
            totals["app_cpu"] += c1 - c0
        window.controller.pause()
        run_loop(150)  # the training process stops stepping before the next headless slice
    window.close()
    window.deleteLater()
    QCoreApplication.processEvents()
    app_time = max(totals["app_s"], 1e-9)
    frames = max(totals["frames"], 1)
    slices_s = slices * SLICE_SECONDS
    headless_rate = totals["head_steps"] / totals["head_s"]
    headless_per_cpu = totals["head_steps"] / max(totals["head_cpu"], 1e-9)
    return {
        "fps": totals["frames"] / slices_s,
        **probe.percentiles(),
        "steps_per_s": totals["app_steps"] / app_time,
        "steps_per_cpu_s": totals["app_steps"] / max(totals["app_cpu"], 1e-9),
        "headless_steps_per_s": headless_rate,
        "ratio": totals["app_steps"] / app_time / headless_rate,
        "cpu_ratio": totals["app_steps"] / max(totals["app_cpu"], 1e-9) / headless_per_cpu,
        "app_cpu_ms_per_frame": 1000 * totals["proc_cpu"] / frames,
        "cpu_ms_per_frame": 1000 * totals["gui_cpu"] / frames,
        "cpu_share": totals["gui_cpu"] / slices_s,
        "kb_per_frame": sent_bytes / 1000 / sent_frames if sent_frames else float("nan"),
    }


def _frames_received(backend) -> tuple[int, int]:
    """(frames, bytes) a process backend received through its pipe so far ((0, 0) for a thread)."""
    return backend.published, getattr(backend, "frame_bytes", 0)


COMPARE_VALUES = ("he_normal", "xavier_normal", "orthogonal", "lecun_normal")


def measure_comparison(config: dict, n: int, seconds: float) -> dict[str, float]:
    """N variants of ``config`` (by initialization) in the window's comparison view, in
    lockstep in their training process: frames the view shows per second, event-loop
    latency, and locksteps/s (each is N training steps)."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from gradsim.engine.variants import parse_comparison
    from gradsim.ui.common.dialogs import ConsoleDialogs
    from gradsim.ui.shell.main_window import MainWindow

    global _APP  # noqa: PLW0603 - the application must outlive this function
    _APP = QApplication.instance() or QApplication([])
    window = MainWindow(config, persist=False, dialogs=ConsoleDialogs())
    window.resize(1600, 1000)
    window.show()
    comparison = window.comparison
    shown: list[int] = []
    frames = _FrameCounter(shown)
    comparison.frameShown.connect(frames.count)
    probe = LatencyProbe()
    values = list(COMPARE_VALUES[:n])
    variants = parse_comparison({"setting": "init", "values": values})
    comparison.open(window.controller.config, variants, play=True)
    settle = QEventLoop()
    QTimer.singleShot(1500, settle.quit)  # the variants' process starts, the first frames arrive
    settle.exec()
    first = (comparison.step_count, time.perf_counter(), len(shown))
    cpu_start = time.thread_time()  # the GUI thread's CPU: unlike frames/s, it holds on a loaded machine
    probe.start()
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()
    probe.stop()
    steps, now, count = comparison.step_count, time.perf_counter(), len(shown)
    gui_cpu = time.thread_time() - cpu_start
    comparison.close()
    window.close()
    window.deleteLater()
    QCoreApplication.processEvents()
    elapsed = now - first[1]
    return {
        "fps": (count - first[2]) / elapsed,
        **probe.percentiles(),
        "locksteps_per_s": (steps - first[0]) / elapsed,
        "cpu_ms_per_frame": 1000 * gui_cpu / max(count - first[2], 1),
    }


class _FrameCounter:
    """Counts the comparison's shown frames (a plain callable: the signal is the GUI's own)."""

    def __init__(self, shown: list[int]) -> None:
        self.shown = shown

    def count(self, step: int) -> None:
        self.shown.append(step)


def _compare_rows(n: int, seconds: float) -> list[tuple[str, dict[str, float], float]]:
    """One row per network: the comparison's numbers and its training speed as a ratio to
    N headless runs of one variant (lockstep rate x N / headless rate)."""
    rows = []
    for name, config in CONFIGS.items():
        headless = headless_steps_per_second(config, 3.0)
        result = measure_comparison(config, n, seconds)
        rows.append((name, result, result["locksteps_per_s"] * n / headless))
    return rows


def _print_compare(n: int, seconds: float, repeats: int) -> None:
    """``--compare N [--repeats R]``: each run's rows, then (R > 1) medians [min-max] per network."""
    runs: dict[str, list[tuple[float, float, float]]] = {}
    for _ in range(repeats):
        for name, result, ratio in _compare_rows(n, seconds):
            cpu = result["cpu_ms_per_frame"]
            runs.setdefault(name, []).append((result["fps"], result["p99"], ratio, cpu))
            print(
                f"{name:8s} {n} variants: {result['fps']:5.1f} fps, p99 {result['p99']:.1f} ms, "
                f"training {ratio:.2f} of {n} headless runs, GUI CPU {cpu:.1f} ms/frame",
                flush=True,
            )
    if repeats > 1:
        for name, values in runs.items():
            cells = [
                f"{statistics.median(column):.2f} [{min(column):.2f}-{max(column):.2f}]"
                for column in zip(*values, strict=True)
            ]
            print(
                f"{name:8s} median of {repeats}: fps {cells[0]}, p99 ms {cells[1]}, training {cells[2]}, "
                f"GUI CPU ms/frame {cells[3]}"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=None, help="per measurement (default 8, --quick 4)")
    parser.add_argument("--backend", choices=("process", "thread", "both"), default="both")
    parser.add_argument(
        "--front",
        default="",
        help="comma-separated panels to bring to the front of their tab groups, e.g. histograms,weights",
    )
    parser.add_argument("--quick", action="store_true", help="4 s per measurement")
    parser.add_argument("--markdown", action="store_true", help="print its Markdown section")
    parser.add_argument(
        "--pacing-ab", type=int, default=0, metavar="N", help="N alternating runs, frame pacer on and off"
    )
    parser.add_argument(
        "--repeats",
        type=int,
        default=None,
        metavar="N",
        help="N runs of each network and backend, medians (default 1; with --markdown 3, --quick 1)",
    )
    parser.add_argument(
        "--compare", type=int, default=0, metavar="N", choices=(0, 2, 3, 4),
        help="N variants side by side in the comparison view (with --markdown: 4)",
    )
    args = parser.parse_args(argv)
    seconds = args.seconds or (4.0 if args.quick else 8.0)
    from gradsim.engine.runtime import limit_blas_threads, tune_allocator

    limit_blas_threads()
    tune_allocator()
    backends = ["process", "thread"] if args.backend == "both" else [args.backend]
    front = tuple(name for name in args.front.split(",") if name)
    if args.pacing_ab:
        _pacing_ab(backends, seconds, front, args.pacing_ab)
        return 0
    repeats = args.repeats or (3 if args.markdown and not args.quick else 1)
    if args.compare and not args.markdown:
        _print_compare(args.compare, seconds, repeats)
        return 0
    if repeats > 1 and not args.markdown:
        _repeated(backends, seconds, front, repeats)
        return 0
    runs = _runs(backends, seconds, front, repeats, verbose=args.markdown)
    rows = [(name, backend, _medians(results), len(results)) for (name, backend), results in runs.items()]
    if args.markdown:
        print(_markdown(rows, seconds, front))
        print(_compare_markdown(_compare_rows(args.compare or 4, seconds), args.compare or 4))
    else:
        _print_table(rows)
    return 0


def _runs(
    backends: list[str], seconds: float, front: tuple[str, ...], repeats: int, verbose: bool = False
) -> dict[tuple[str, str], list[dict[str, float]]]:
    """Each network and backend ``repeats`` times, each run with its interleaved headless
    reference (the networks alternating, so a burst of other work on the machine hits every row)."""
    runs: dict[tuple[str, str], list[dict[str, float]]] = {}
    for _ in range(repeats):
        for name, config in CONFIGS.items():
            for backend in backends:
                result = measure_window(config, backend, seconds, front)
                runs.setdefault((name, backend), []).append(result)
                if verbose:
                    print(f"{name} {backend}: {result['fps']:.1f} fps", file=sys.stderr, flush=True)
    return runs


def _medians(results: list[dict[str, float]]) -> dict[str, float]:
    """Per key, the median of the runs, and under ``"<key> range"`` its (min, max) (NaN stays NaN)."""
    summary: dict[str, Any] = {}
    for key in results[0]:
        values = [run[key] for run in results]
        if all(math.isfinite(value) for value in values):
            summary[key] = statistics.median(values)
            summary[f"{key} range"] = (min(values), max(values))
        else:
            summary[key] = float("nan")
    return summary


#: what --repeats N summarizes: (key, heading)
REPEATED = (
    ("fps", "fps"),
    ("p99", "lat p99 ms"),
    ("ratio", "train/headless"),
    ("cpu_ratio", "train/headless per CPU s"),
    ("cpu_ms_per_frame", "GUI thread CPU ms/frame"),
    ("app_cpu_ms_per_frame", "GUI process CPU ms/frame"),
    ("kb_per_frame", "kB/frame piped"),
)


def _repeated(backends: list[str], seconds: float, front: tuple[str, ...], repeats: int) -> None:
    """Each network and backend ``repeats`` times, the networks alternating; medians [min-max].
    The per-CPU-second ratio (steps per CPU second of the training process over headless steps
    per CPU second) leaves out the time the process waited for a core."""
    runs = _runs(backends, seconds, front, repeats)
    print(f"{'network':8s} {'backend':8s} " + " ".join(f"{heading:>26s}" for _, heading in REPEATED))
    for (name, backend), results in runs.items():
        cells = []
        for key, _ in REPEATED:
            values = [run[key] for run in results]
            cells.append(f"{statistics.median(values):.2f} [{min(values):.2f}-{max(values):.2f}]")
        print(f"{name:8s} {backend:8s} " + " ".join(f"{cell:>26s}" for cell in cells), flush=True)


def _pacing_ab(backends: list[str], seconds: float, front: tuple[str, ...], repeats: int) -> None:
    """Pacer on and off, alternating (which goes first alternates too); medians [min-max]."""
    keys = ("fps", "p99", "cpu_ms_per_frame", "cpu_share", "ratio")
    print(f"{'network':8s} {'backend':8s} {'pacer':6s} " + " ".join(f"{key:>22s}" for key in keys))
    for name, config in CONFIGS.items():
        for backend in backends:
            runs: dict[bool, list[dict[str, float]]] = {True: [], False: []}
            for repeat in range(repeats):
                for pacing in (True, False) if repeat % 2 == 0 else (False, True):
                    result = measure_window(config, backend, seconds, front, pacing)
                    runs[pacing].append(result)
            for pacing in (False, True):
                cells = []
                for key in keys:
                    values = [run[key] for run in runs[pacing]]
                    cells.append(f"{statistics.median(values):8.2f} [{min(values):.2f}-{max(values):.2f}]")
                label = "on" if pacing else "off"
                line = " ".join(f"{cell:>22s}" for cell in cells)
                print(f"{name:8s} {backend:8s} {label:6s} {line}", flush=True)


def _print_table(rows: list[tuple[str, str, dict[str, Any], int]]) -> None:
    header = (
        f"{'network':8s} {'backend':8s} {'fps':>6s} {'lat p50 ms':>11s} {'lat p99 ms':>11s} "
        f"{'train/headless':>15s} {'per CPU s':>10s} {'GUI CPU ms/frame':>17s} {'app CPU ms/frame':>17s} "
        f"{'kB/frame piped':>15s}"
    )
    print(header)
    print("-" * len(header))
    for name, backend, result, _ in rows:
        print(
            f"{name:8s} {backend:8s} {result['fps']:6.1f} {result['p50']:11.1f} {result['p99']:11.1f} "
            f"{result['ratio']:15.2f} {result['cpu_ratio']:10.2f} {result['cpu_ms_per_frame']:17.1f} "
            f"{result['app_cpu_ms_per_frame']:17.1f} {result['kb_per_frame']:15.1f}"
        )


def _markdown(rows: list[tuple[str, str, dict[str, Any], int]], seconds: float, front: tuple) -> str:
    """The ``--markdown`` section: table and targets (fps >= 30, p99 < 50 ms, >= 0.8 of headless)."""
    from benchmarks.report import markdown_table, target_line

    table = markdown_table(
        [
            "network",
            "backend",
            "frames/s",
            "latency p50 ms",
            "latency p99 ms",
            "training / headless",
            "per CPU second",
            "kB/frame piped",
        ],
        [
            (
                name,
                backend,
                _cell(r, "fps", ".1f"),
                _cell(r, "p50", ".1f"),
                _cell(r, "p99", ".1f"),
                _cell(r, "ratio", ".2f"),
                _cell(r, "cpu_ratio", ".2f"),
                _cell(r, "kb_per_frame", ".0f"),
            )
            for name, backend, r, _ in rows
        ],
    )
    targets = []
    for name, backend, result, _ in rows:
        label = f"{name}, {backend} backend"
        targets += [
            target_line(f"{label}: frames/s", result["fps"], ">=", 30),
            target_line(f"{label}: event-loop latency p99 (ms)", result["p99"], "<", 50),
            target_line(f"{label}: training speed / headless", result["ratio"], ">=", 0.8),
        ]
    repeats = max(n for *_, n in rows)
    runs = (
        f"Cells are the median (min-max) of {repeats} runs per row, the networks alternating."
        if repeats > 1
        else "One run per row: `--repeats N` for medians and spread."
    )
    shown = f" with {', '.join(front)} in front" if front else ""
    return (
        "## The app while training (bench_gui)\n\n"
        f"The real main window, offscreen, training each network for {seconds:g} s{shown}: frames drawn\n"
        "per second, how late a 5 ms timer fires (the GUI's event-loop latency), and training\n"
        "steps/s as a ratio to the same Trainer stepping headless in this process, in 1 s slices\n"
        "alternating with the app's (the training paused meanwhile; the ratio of their totals:\n"
        "this machine's speed drifts up to 2x within seconds), also per CPU second of the\n"
        "training process (what frames cost training, without the time it waited for a core).\n"
        "Frames/s and latencies are of the app's slices. The training process sends each frame as\n"
        "its changes to the previous one (kB/frame piped; the weight and gradient matrices of\n"
        f"small nets are most of it). {runs}\n\n"
        f"{table}\n\n### Targets\n\n" + "\n".join(targets) + "\n\n" + WHERE_THE_TIME_GOES
    )


#: what was measured and changed for the training ratio and the frame rate (issue 16)
WHERE_THE_TIME_GOES = """### Where the time goes (issue 16)

Measured by timing `Trainer.step` inside the training process while the app ran, against
the interleaved headless reference (paired runs), by py-spy of both processes, and by
counting the GUI's events per frame:

- **The training thread lost the GIL to its own sender thread (session 7).** Frames were encoded as
  changes in the sender thread; the comparisons there release the GIL, and taking it back
  waited for the training thread's switch interval: ~29 hand-offs per 3x8 frame (1,160 a
  second). A 10x64 frame (0.65 MB) also went through the default 64 KiB pipe in ~10 pieces,
  one more hand-off each. Now the training thread encodes and pickles a frame itself, the
  sender only writes bytes, and the pipe holds 1 MiB (`widen_pipe`). The 10x64 steps
  inside the app went from 0.79-0.84 of headless speed to 0.90-0.96.
- **The training process's other threads took the GIL from its training thread (session
  9).** A sender thread woke for every frame to write it, and a reader thread for every
  "taken" message from the GUI: each wake-up is a GIL hand-off in the middle of a training
  batch. Timed inside the batches of one training process, alternating 39 and 3 frames/s,
  the steps ran at 0.85-0.89 of their 3-frames/s speed. Now the training thread writes a
  frame itself when the pipe has room (`PipeRoom`; the sender thread only takes over when
  the parent fell behind) and reads the frames taken from shared memory: 0.97-1.06.
  `python -m benchmarks.bench_frame_cost` measures what frames cost training without Qt
  (headless, then the process at 36 and at 3 frames/s, in alternating slices; median of 3
  runs): 3x8 0.10 (0.00-0.16) of headless speed before, 0.04 (0.03-0.07) after; 10x64 0.08
  (0.04-0.11) after, half of it the decision map.
- **Two thirds of the per-layer statistics history travelled unused.** The panels draw its
  last values only; its bands (each bucket's minimum and maximum) are no longer in the
  snapshot: frame histories went from 855 to 613 kB (3x8) and from 2,028 to 1,221 kB (10x64)
  after 20,000 steps, copied, compared and pickled each frame.
- **The weight and gradient matrices travelled with every frame**, though the network
  diagram draws them at 15 Hz and the decision panel at 10 Hz: now refreshed at most
  `Pacing.matrices_hz` (15) times a second, unchanged in between (they then travel as
  nothing): 10x64 frames went from 651 to ~272 kB. A pause's frame is all of its step.
- **Outside the steps** the training process spends, at 10x64 (py-spy): the decision map
  4.7% (capped at 5% by `max_decision_share`), building the snapshot 2.9%, encoding 1.9%,
  pickling 1.8%.
- **The GUI laid its window out again every frame.** The status bar's counters, the
  timeline's step and the gradient-flow summary set new texts every frame; each asked for a
  layout (the main window twice a frame, its status bar painted ~9 times). Now the counters
  are `SteadyLabel`s (a fixed size, Qt then skips the layout) and the summary is re-worded
  4 times a second: GUI CPU per frame at 10x64 went from 15.1 to 9.4 ms (slices alternating
  in one window), and the frame pacer turns that into more frames (30-33 -> 33-36 frames/s).
- **Not the cause, measured:** the GUI's drawing itself (not drawing any panel gave the
  same training ratio), Qt's image thread pool (`QT_NO_GUI_THREADPOOL`), pinning the
  training thread to its own core, a busy second core (a spin loop, a memory copy loop:
  0.96-0.97), a spawned process (0.94-1.02 of the parent), the garbage collector (1.6 ms in
  8 s), the memory traffic of building frames (copying and comparing 2-8 MB between
  training batches did not slow the steps)."""


def _cell(result: dict[str, Any], key: str, spec: str) -> str:
    """A table cell: the median, and (min-max) over several runs; '-' for what a backend does
    not have (the thread has no pipe, no process)."""
    value = result[key]
    if not math.isfinite(value):
        return "-"
    low, high = result.get(f"{key} range", (value, value))
    spread = f" ({format(low, spec)}-{format(high, spec)})" if low != high else ""
    return format(value, spec) + spread


def _compare_markdown(rows: list[tuple[str, dict[str, float], float]], n: int) -> str:
    """The comparison's part of the section: fps >= 30 with N variants, and their cost."""
    from benchmarks.report import markdown_table, target_line

    table = markdown_table(
        ["network", "frames/s", "latency p99 ms", "training / N headless runs"],
        [(name, f"{r['fps']:.1f}", f"{r['p99']:.1f}", f"{ratio:.2f}") for name, r, ratio in rows],
    )
    targets = [target_line(f"{name}, {n} variants: frames/s", r["fps"], ">=", 30) for name, r, _ in rows]
    return (
        f"\n### {n} variants side by side (Train > Compare...)\n\n"
        f"{n} initializations of each network in lockstep in their training process, drawn in the\n"
        "comparison view (overlaid loss and accuracy, one gradient-flow tile per variant); training\n"
        f"speed as locksteps/s x {n} over one headless run's steps/s.\n\n"
        f"{table}\n\n" + "\n".join(targets)
    )


if __name__ == "__main__":
    sys.exit(main())
