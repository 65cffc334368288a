"""Training-step speed of the engine against PyTorch, like for like, as ratios.

    python -m benchmarks.bench_engine              # 5 repeats of every configuration
    python -m benchmarks.bench_engine --quick      # shorter timings, still 5 repeats
    python -m benchmarks.bench_engine --markdown   # the section of docs/performance.md

Every network is Adam (lr 1e-3), ReLU, He init, BCE on logits, in float32 and float64,
at the sizes (depth x width, batch) 3x8 b32, 10x64 b256, 50x64 b128, 10x512 b512.

Like for like: each configuration (library, thread count, size, precision) runs in a
fresh process, so one library's thread pools never slow the other, at 1 thread and at
one per core: numpy's BLAS limited with threadpoolctl, torch with
``torch.set_num_threads``. The configurations of one repeat run in one order, those of
the next in the reverse order; 5 repeats or more. A numpy process times, interleaved
in blocks of 20-step multiples (a process reports each variant's fastest block):

* ``engine``: ``Trainer.step()`` with diagnostics at the default cadence (scalars and
  per-layer gradient norms every step, the full statistics every 20 steps);
* ``no diag``: the same trainer with the full statistics switched off: gradsim's bare loop;
* ``numpy floor``: a hand-written, preallocated numpy MLP step with torch's Adam rule
  and no diagnostics at all.

A torch process times the same network with ``torch.optim.Adam`` (its default foreach
implementation) and no diagnostics. Reported: medians over the repeats with the spread
(min-max); ratios are taken per repeat between neighbouring processes, then their
median: ``torch / engine`` (> 1: gradsim faster), at 1 thread each and each library at
its best thread count, and the cost of diagnostics (engine / no diag - 1).
Targets (issue 16): torch / engine >= 1.0 for widths <= 128 and >= 0.9 at 10x512 at equal
threads; diagnostics <= 25% over gradsim's bare loop.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

SIZES = [(3, 8, 32), (10, 64, 256), (50, 64, 128), (10, 512, 512)]
PRECISIONS = ("float32", "float64")
N_SAMPLES = 2048
CADENCE = 20
LR = 1e-3
REPEATS = 5
NUMPY_VARIANTS = ("engine", "nodiag", "floor")


def input_dim(width: int) -> int:
    return 2 if width <= 8 else 32


def thread_settings() -> list[int]:
    """1 and one per core (just 1 on a one-core machine)."""
    cores = os.cpu_count() or 1
    return [1] if cores == 1 else [1, cores]


# ------------------------------------------------------------------ workers (fresh processes)
def _config(depth: int, width: int, batch: int, precision: str, cadence: int) -> dict[str, Any]:
    return {
        "data": {
            "kind": "teacher",
            "dim": input_dim(width),
            "n_samples": N_SAMPLES,
            "seed": 0,
            "task": "binary",
            "test_fraction": 0.1,
        },
        "network": {"depth": depth, "width": width, "activation": "relu", "init": {"kind": "he_normal"}},
        "optimizer": {"kind": "adam", "lr": LR},
        "training": {
            "batch_size": batch,
            "precision": precision,
            "diagnostics_every": cadence,
            "checkpoint_every": 10**6,
        },
    }


def numpy_floor_step(depth: int, width: int, batch: int, precision: str) -> Callable[[], None]:
    """A careful hand-written numpy MLP step with torch's Adam rule: the floor numpy can reach."""
    import numpy as np

    dtype = np.dtype(precision)
    rng = np.random.default_rng(0)
    dims = [input_dim(width)] + [width] * depth + [1]
    params = []
    for a, b in zip(dims[:-1], dims[1:], strict=True):
        params += [(rng.normal(size=(a, b)) * np.sqrt(2 / a)).astype(dtype), np.zeros(b, dtype)]
    grads = [np.empty_like(p) for p in params]
    moments = [(np.zeros_like(p), np.zeros_like(p), np.empty_like(p)) for p in params]
    x_all = rng.normal(size=(N_SAMPLES, dims[0])).astype(dtype)
    y_all = (rng.random((N_SAMPLES, 1)) > 0.5).astype(dtype)
    acts = [np.empty((batch, d), dtype) for d in dims]
    one = dtype.type(1.0)
    state = {"position": 0, "t": 0}

    def step() -> None:
        start = state["position"] if state["position"] + batch <= N_SAMPLES else 0
        state["position"] = start + batch
        acts[0][...] = x_all[start : start + batch]
        for i in range(len(dims) - 1):
            np.matmul(acts[i], params[2 * i], out=acts[i + 1])
            acts[i + 1] += params[2 * i + 1]
            if i < len(dims) - 2:
                np.maximum(acts[i + 1], 0, out=acts[i + 1])
        grad = (one / (one + np.exp(-acts[-1])) - y_all[start : start + batch]) * dtype.type(1.0 / batch)
        for i in range(len(dims) - 2, -1, -1):
            np.matmul(acts[i].T, grad, out=grads[2 * i])
            np.sum(grad, axis=0, out=grads[2 * i + 1])
            if i > 0:
                grad = grad @ params[2 * i].T
                grad *= acts[i] > 0
        state["t"] += 1
        t = state["t"]
        step_size = dtype.type(-LR / (1 - 0.9**t))
        bc2_sqrt = dtype.type((1 - 0.999**t) ** 0.5)
        b1, b2, c1, c2, eps = (dtype.type(v) for v in (0.9, 0.999, 0.1, 0.001, 1e-8))
        for p, g, (m, v, tmp) in zip(params, grads, moments, strict=True):
            m *= b1
            np.multiply(g, c1, out=tmp)
            m += tmp
            v *= b2
            np.multiply(g, g, out=tmp)
            tmp *= c2
            v += tmp
            np.sqrt(v, out=tmp)
            tmp /= bc2_sqrt
            tmp += eps
            np.divide(m, tmp, out=tmp)
            tmp *= step_size
            p += tmp

    return step


def _interleaved(
    steps: dict[str, Callable[[], None]], block: dict[str, int], rounds: tuple[int, int], budget: float
) -> dict[str, float]:
    """Seconds per step of each callable: rounds of ``block[name]`` steps, round-robin and the
    order reversed every other round (so load changes hit every variant alike), at least
    ``rounds[0]`` and at most ``rounds[1]`` rounds, no new one once ``budget`` seconds are
    spent (numpy at 2 BLAS threads on a busy machine can take 100 ms a step, 10x512 a second);
    the fastest round: other work on the shared machine only ever adds time, so the fastest
    round is the least disturbed one (timeit's rule); the medians of the engine and its bare
    loop over 7 rounds swung by +-30% on the 2-core machine at load 4, the minima much less
    (the spread over fresh processes shows how much)."""
    for step in steps.values():
        for _ in range(2):
            step()
    samples: dict[str, list[float]] = {name: [] for name in steps}
    began = time.perf_counter()
    for round_ in range(rounds[1]):
        if round_ >= rounds[0] and time.perf_counter() - began > budget:
            break
        names = list(steps) if round_ % 2 == 0 else list(reversed(steps))
        for name in names:
            step = steps[name]
            start = time.perf_counter()
            for _ in range(block[name]):
                step()
            samples[name].append((time.perf_counter() - start) / block[name])
    return {name: min(values) for name, values in samples.items()}


def _rounds(job: dict[str, Any]) -> tuple[int, int]:
    """(fewest, most) timing rounds in one process; the repeats in fresh processes give the spread."""
    return (1, job["blocks"]) if job["quick"] else (2, job["blocks"])


def _block(depth: int, width: int, batch: int, quick: bool) -> int:
    """Steps per timing block: a multiple of the diagnostics cadence, ~0.05-0.1 s of work."""
    work = depth * width * width * batch + 2000 * depth
    multiples = max(1, min(20, int(3e7 / work)) // (4 if quick else 1))
    return CADENCE * max(1, multiples)


def numpy_worker(job: dict[str, Any]) -> dict[str, float]:
    """Time the engine (with and without diagnostics) and the numpy floor in this process."""
    from threadpoolctl import threadpool_limits

    from gradsim.engine.runtime import tune_allocator
    from gradsim.engine.trainer import Trainer

    threadpool_limits(limits=job["threads"], user_api="blas")
    tune_allocator()
    depth, width, batch, precision = job["depth"], job["width"], job["batch"], job["precision"]
    engine = Trainer(_config(depth, width, batch, precision, CADENCE))
    nodiag = Trainer(_config(depth, width, batch, precision, 10**6))
    for trainer in (engine, nodiag):
        trainer.blas_threads = job["threads"]
    steps = {"engine": engine.step, "nodiag": nodiag.step}
    steps["floor"] = numpy_floor_step(depth, width, batch, precision)
    block = _block(depth, width, batch, job["quick"])
    # the engine's block holds whole cadences (one statistics pass each); the others need not
    blocks = {"engine": block, "nodiag": block, "floor": block}
    if job["quick"]:
        blocks.update(nodiag=max(2, block // 4), floor=max(2, block // 4))
    return _interleaved(steps, blocks, _rounds(job), 2.0 if job["quick"] else 6.0)


def torch_worker(job: dict[str, Any]) -> dict[str, float]:
    """Time the same network and Adam step in torch in this process."""
    import torch

    torch.set_num_threads(job["threads"])
    torch.manual_seed(0)
    depth, width, batch = job["depth"], job["width"], job["batch"]
    dtype = {"float64": torch.float64, "float32": torch.float32}[job["precision"]]
    layers: list[torch.nn.Module] = []
    d = input_dim(width)
    for _ in range(depth):
        layers += [torch.nn.Linear(d, width), torch.nn.ReLU()]
        d = width
    layers.append(torch.nn.Linear(d, 1))
    model = torch.nn.Sequential(*layers).to(dtype)
    optimizer = torch.optim.Adam(model.parameters(), lr=LR)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    x_all = torch.randn(N_SAMPLES, input_dim(width), dtype=dtype)
    y_all = (torch.rand(N_SAMPLES, 1) > 0.5).to(dtype)
    position = [0]

    def step() -> None:
        start = position[0] if position[0] + batch <= N_SAMPLES else 0
        position[0] = start + batch
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(x_all[start : start + batch]), y_all[start : start + batch])
        loss.backward()
        optimizer.step()

    block = _block(depth, width, batch, job["quick"])
    return _interleaved({"torch": step}, {"torch": block}, _rounds(job), 1.0 if job["quick"] else 3.0)


def run_worker(job: dict[str, Any]) -> dict[str, float] | None:
    """Run one configuration in a fresh process; None if it failed (e.g. no torch)."""
    env = {**os.environ, "OMP_WAIT_POLICY": "PASSIVE"}
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "GRADSIM_BLAS_THREADS"):
        env.pop(name, None)  # each worker sets its own thread count
    command = [sys.executable, "-m", "benchmarks.bench_engine", "--worker", json.dumps(job)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=900)
    if done.returncode != 0:
        print(f"worker failed: {job}\n{done.stderr[-2000:]}", file=sys.stderr)
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


# ------------------------------------------------------------------ the runs
def torch_available() -> bool:
    return importlib.util.find_spec("torch") is not None


def jobs(quick: bool, with_torch: bool) -> list[dict[str, Any]]:
    """Every configuration of one repeat."""
    libraries = ["numpy", "torch"] if with_torch else ["numpy"]
    return [
        {
            "library": library,
            "threads": threads,
            "depth": depth,
            "width": width,
            "batch": batch,
            "precision": precision,
            "quick": quick,
            "blocks": 4 if quick else 7,
        }
        for precision in PRECISIONS
        for depth, width, batch in SIZES
        for threads in thread_settings()
        for library in libraries
    ]


def _key(job: dict[str, Any]) -> tuple:
    return (job["depth"], job["width"], job["batch"], job["precision"], job["library"], job["threads"])


def measure(repeats: int, quick: bool, with_torch: bool) -> dict[tuple, list[dict[str, float]]]:
    """{configuration: one result per repeat}, the order reversed every other repeat."""
    planned = jobs(quick, with_torch)
    results: dict[tuple, list[dict[str, float]]] = {_key(job): [] for job in planned}
    for repeat in range(repeats):
        order = planned if repeat % 2 == 0 else list(reversed(planned))
        for number, job in enumerate(order, 1):
            print(
                f"{time.strftime('%H:%M:%S')} {repeat + 1}/{repeats} {number}/{len(order)} {_key(job)}",
                file=sys.stderr,
                flush=True,
            )
            result = run_worker(job)
            if result is not None:
                results[_key(job)].append(result)
    return results


def _times(results, size, precision, library, threads, variant) -> list[float]:
    return [r[variant] for r in results.get((*size, precision, library, threads), [])]


def _paired(numerator: list[float], denominator: list[float]) -> list[float]:
    """Ratios of the same repeats (neighbouring processes saw the same load)."""
    return [a / b for a, b in zip(numerator, denominator, strict=False)]


def summarize(results, with_torch: bool) -> list[dict[str, Any]]:
    """One row per size and precision: times per repeat and the paired ratios."""
    rows = []
    threads = thread_settings()
    for precision in PRECISIONS:
        for size in SIZES:
            row: dict[str, Any] = {"size": size, "precision": precision, "times": {}}
            for n in threads:
                for variant in NUMPY_VARIANTS:
                    row["times"][f"{variant}@{n}"] = _times(results, size, precision, "numpy", n, variant)
                if with_torch:
                    row["times"][f"torch@{n}"] = _times(results, size, precision, "torch", n, "torch")
            times = row["times"]
            row["diag_cost"] = [r - 1 for r in _paired(times["engine@1"], times["nodiag@1"])]
            row["engine_vs_floor"] = _paired(times["engine@1"], times["floor@1"])
            if with_torch:
                row["torch_vs_engine_1"] = _paired(times["torch@1"], times["engine@1"])
                best_engine = min(threads, key=lambda n: statistics.median(times[f"engine@{n}"] or [1e9]))
                best_torch = min(threads, key=lambda n: statistics.median(times[f"torch@{n}"] or [1e9]))
                row["best"] = (best_engine, best_torch)
                row["torch_vs_engine_best"] = _paired(
                    times[f"torch@{best_torch}"], times[f"engine@{best_engine}"]
                )
            rows.append(row)
    return rows


def _target(size: tuple[int, int, int]) -> float:
    return 1.0 if size[1] <= 128 else 0.9


def _label(size: tuple[int, int, int]) -> str:
    depth, width, batch = size
    return f"{depth}x{width} b{batch}"


# ------------------------------------------------------------------ output
def _ms(values: list[float]) -> str:
    from benchmarks.report import median_spread

    return median_spread(values, digits=3, scale=1e3)


def _ratio(values: list[float]) -> str:
    from benchmarks.report import median_spread

    return median_spread(values, digits=2)


def _med(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def print_text(rows: list[dict[str, Any]], with_torch: bool, repeats: int) -> None:
    from benchmarks.machine import machine_text

    print(machine_text())
    print(f"{repeats} repeats, each configuration in a fresh process; median (min-max) of the repeats")
    if not with_torch:
        print("torch: not installed, its columns are skipped (pip install torch==2.13.0 to compare)")
    threads = thread_settings()
    for row in rows:
        print(f"\n{_label(row['size'])} {row['precision']}")
        for name, values in row["times"].items():
            print(f"  {name:12s} {_ms(values):>28s} ms/step")
        print(f"  diagnostics cost (engine / no diag - 1): {_ratio(row['diag_cost'])}")
        print(f"  engine / numpy floor: {_ratio(row['engine_vs_floor'])}")
        if with_torch:
            print(f"  torch / engine at 1 thread (> 1: gradsim faster): {_ratio(row['torch_vs_engine_1'])}")
            if len(threads) > 1:
                engine_n, torch_n = row["best"]
                print(
                    f"  torch@{torch_n} / engine@{engine_n}, each at its best: "
                    f"{_ratio(row['torch_vs_engine_best'])}"
                )


def markdown(rows: list[dict[str, Any]], with_torch: bool, repeats: int) -> str:
    from benchmarks.report import markdown_table, median_spread, target_line

    threads = thread_settings()
    cores = threads[-1]
    time_headers = ["size", "precision"] + [
        f"{name}@{n} ms" for n in threads for name in (("engine", "no diag", "numpy floor"))
    ]
    if with_torch:
        time_headers += [f"torch@{n} ms" for n in threads]
    time_rows = []
    for row in rows:
        cells = [_label(row["size"]), row["precision"]]
        for n in threads:
            cells += [_ms(row["times"][f"{variant}@{n}"]) for variant in NUMPY_VARIANTS]
        if with_torch:
            cells += [_ms(row["times"][f"torch@{n}"]) for n in threads]
        time_rows.append(cells)
    ratio_headers = ["size", "precision", "diagnostics cost %", "engine / numpy floor"]
    if with_torch:
        ratio_headers += ["torch / engine, 1 thread each", "torch / engine, each at its best (threads)"]
    ratio_rows = []
    targets = []
    for row in rows:
        label = f"{_label(row['size'])} {row['precision']}"
        cells = [
            _label(row["size"]),
            row["precision"],
            median_spread(row["diag_cost"], digits=0, scale=100),
            _ratio(row["engine_vs_floor"]),
        ]
        targets.append(target_line(f"{label}: diagnostics cost", _med(row["diag_cost"]), "<=", 0.25))
        if with_torch:
            engine_n, torch_n = row["best"]
            cells += [
                _ratio(row["torch_vs_engine_1"]),
                f"{_ratio(row['torch_vs_engine_best'])} ({engine_n}/{torch_n})",
            ]
            targets.append(
                target_line(
                    f"{label}: torch / engine at 1 thread",
                    _med(row["torch_vs_engine_1"]),
                    ">=",
                    _target(row["size"]),
                )
            )
        ratio_rows.append(cells)
    torch_note = (
        "torch ran in its own processes with `torch.set_num_threads`."
        if with_torch
        else "**torch is not installed: its columns and targets are skipped** "
        "(`.venv/bin/pip install torch==2.13.0` to compare)."
    )
    return (
        "## Training step: engine vs numpy and PyTorch (bench_engine)\n\n"
        "Adam (lr 1e-3), ReLU, He init, BCE on logits; diagnostics every 20 steps in `engine`,\n"
        "off in `no diag` (gradsim's bare loop); `numpy floor` is a hand-written preallocated numpy\n"
        f"step with torch's Adam rule. Each configuration ran in a fresh process at 1 and {cores}\n"
        f"threads (numpy's BLAS through threadpoolctl), {repeats} repeats in alternating order;\n"
        "each process reports its fastest timing block (the least disturbed by other work);\n"
        f"cells are the median (min-max) of the repeats. {torch_note}\n\n"
        "### Milliseconds per step\n\n"
        f"{markdown_table(time_headers, time_rows)}\n\n"
        "### Ratios\n\n"
        "Ratios are taken per repeat between neighbouring processes, then the median (min-max).\n"
        "`diagnostics cost` = engine / no diag - 1; `torch / engine` > 1 means gradsim is faster;\n"
        "`(e/t)` gives the thread counts that were best for the engine and for torch.\n\n"
        f"{markdown_table(ratio_headers, ratio_rows)}\n\n"
        "### Targets\n\n" + "\n".join(targets) + "\n\n" + WHERE_THE_TIME_GOES
    )


WHERE_THE_TIME_GOES = """### Where the time goes (cProfile of `Trainer.step`, issue 16)

- **Forward and backward passes** (`network.py`, `activations.py`): 65-90% of a step. At
  10x512 it is the BLAS products themselves (numpy's OpenBLAS against torch's own kernels).
  Above the numpy floor, the engine's bare loop pays Python per layer (most of it at 3x8)
  and ReLU's exact products: `h * (h > 0)` keeps -0.0 and makes -inf a NaN, where the
  floor's in-place `maximum` does not. Cut, bit-identically: ReLU keeps its mask as 0/1
  floats (numpy multiplied by a boolean through a cast, ~4x slower on 256x64, in the forward
  and the backward pass of every layer), parameter names are formatted once per layer,
  float16 rounding is skipped outside float16 and a training step no longer computes the
  input gradient. Preallocated `out=` buffers per layer were measured and not adopted: with
  glibc's allocator tuned (`runtime.tune_allocator`) a freed batch-sized array comes back
  hot from the heap, and a buffer set per layer was 1.04-1.29x *slower* (more memory to keep
  in cache) on 3x8, 50x64 and 10x64 passes.
- **Optimizer**: was 20% of a 50x64 Adam step (a rule of ~12 numpy calls per parameter array,
  102 arrays); the rules now run once per step on all parameters of a dtype as one flat vector
  (torch's `foreach` idea, bit-identical): about 10% of a 50x64 step.
- **Diagnostics**: per-layer gradient norms every step (one dot per parameter array) cost
  2-8%; the statistics pass every 20 steps is the rest of `engine / no diag`. Timed part by
  part on 50x64 b128 float32 (quiet machine, fastest of 30; one bare step 4.9 ms, so 1 ms per
  pass is 1% of the 20 steps): the evaluation on the first 512 training and up to 512 test
  samples, forward only, 5.9 ms (matrix products of 512 and 205 rows: one 512-row product
  took as long as four 128-row ones here, so splitting it gains nothing); the per-layer
  statistics 4.4 ms (mean and std of activations, pre-activations and gradients 1.8, dead
  fractions on the evaluation's 512 samples 0.9); the histograms 3.8 ms (log10 |gradient|
  1.9, its logarithm the largest part); in float16/32 the exact-zero counts 1.5-1.7 ms,
  Python around small arrays (51 layers x ~17 numpy calls). Cut, bit-identically: mean and
  std in one float64 pass without numpy's Python wrappers (3 per layer), dead fractions
  measured once (they were measured on the batch, then again on the evaluation's samples),
  all layers' histograms binned in shared cache-sized chunks (2 numpy calls per array
  instead of ~10), a ReLU layer's activation histogram derived from its pre-activation's
  (`relu_histogram`: half the binning of a ReLU net; 50x64 float32 0.23 -> 0.17-0.21 in
  full runs), the evaluation's loss without its gradient, boolean reductions without
  `np.all`/`np.any`'s wrappers.
- **BLAS threads**: a `Trainer` runs BLAS single-threaded while it steps (a scoped
  threadpoolctl limit, restored between steps); the `@2` columns show what 2 threads give here."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="shorter timings (still 5 repeats)")
    parser.add_argument("--repeats", type=int, default=REPEATS, help="fresh-process repeats (>= 5 to report)")
    parser.add_argument("--markdown", action="store_true", help="print the Markdown section")
    parser.add_argument("--no-torch", action="store_true", help="skip torch even when it is installed")
    parser.add_argument("--sizes", nargs="+", metavar="DxW", help="only these sizes, e.g. 3x8 10x512")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        job = json.loads(args.worker)
        worker = numpy_worker if job["library"] == "numpy" else torch_worker
        print(json.dumps(worker(job)))
        return 0
    if args.sizes:
        SIZES[:] = [size for size in SIZES if f"{size[0]}x{size[1]}" in args.sizes]
    with_torch = torch_available() and not args.no_torch
    if not with_torch:
        print(
            "torch is not installed: comparing with numpy only (pip install torch==2.13.0)", file=sys.stderr
        )
    rows = summarize(measure(args.repeats, args.quick, with_torch), with_torch)
    if args.markdown:
        print(markdown(rows, with_torch, args.repeats))
    else:
        print_text(rows, with_torch, args.repeats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
